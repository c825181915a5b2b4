"""PDF files: pages per second and peak memory, run by hand, outside the test suite.

    .venv/bin/python bench/pdf.py [--pages 120] [FILE.pdf ...]

For each PDF (by default the six company PDFs in tests/data/realpdf, and one of --pages pages built from
their pages, the largest a release is likely to be), in a fresh process each: the seconds to lay out its
text layer (readers/pdf_file.py), to convert it end to end (after a warm-up conversion of the bundled
example, so that compiling the rules once is not counted), pages per second for both, and the process's
peak memory (RSS) converting it, next to the same process's memory before it read the PDF.

Goals (issue 13): at least 20 pages a second end to end on this machine; under 200 MB peak for the largest.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOAL_PAGES_PER_S, GOAL_MB = 20.0, 200.0

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from converter import convert
from converter.readers.pdf_file import pdf_text
convert(sys.argv[3], issuer="none")     # rules compiled once, as in a batch: not the PDF's time
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
data = open(sys.argv[1], "rb").read()
t = time.perf_counter()
pages = pdf_text(data).pages
layout = time.perf_counter() - t
t = time.perf_counter()
facts = len(convert(sys.argv[1], issuer="none").facts)
total = time.perf_counter() - t
print(json.dumps({"pages": pages, "layout_s": layout, "convert_s": total, "facts": facts, "before_mb": before,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def build_long_pdf(sources: list[Path], pages: int, out: Path) -> Path:
    """A PDF of `pages` pages taken in turn from the sources: a long release's worth of statements."""
    import pypdfium2 as pdfium
    docs = [pdfium.PdfDocument(str(p)) for p in sources]
    long = pdfium.PdfDocument.new()
    i = 0
    while len(long) < pages:
        src = docs[i % len(docs)]
        take = min(len(src), pages - len(long))
        long.import_pages(src, list(range(take)))
        i += 1
    long.save(str(out))
    for d in docs:
        d.close()
    long.close()
    return out


def measure(path: Path) -> dict:
    r = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(REPO),
                        str(REPO / "examples" / "acme-q3-2025.txt")], capture_output=True, text=True,
                       check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--pages", type=int, default=120, help="pages of the long PDF built from the others")
    args = ap.parse_args(argv)
    files = args.files or sorted((REPO / "tests" / "data" / "realpdf").glob("*.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        if not args.files:
            files.append(build_long_pdf(files, args.pages, Path(tmp) / f"long-{args.pages}-pages.pdf"))
        print(f"{'file':34} {'pages':>5} {'layout s':>9} {'pages/s':>8} {'convert s':>10} {'pages/s':>8} "
              f"{'facts':>6} {'base MB':>8} {'peak MB':>8}")
        worst_rate, largest = float("inf"), None
        for f in files:
            m = measure(f)
            rate = m["pages"] / m["convert_s"]
            worst_rate = min(worst_rate, rate)
            if largest is None or m["pages"] > largest[0]:
                largest = (m["pages"], m["peak_mb"], f.name)
            print(f"{f.name:34} {m['pages']:5d} {m['layout_s']:9.2f} {m['pages'] / m['layout_s']:8.1f} "
                  f"{m['convert_s']:10.2f} {rate:8.1f} {m['facts']:6d} {m['before_mb']:8.0f} {m['peak_mb']:8.0f}")
    print(f"slowest end to end: {worst_rate:.1f} pages/s (goal >= {GOAL_PAGES_PER_S:.0f}); largest, "
          f"{largest[2]} ({largest[0]} pages): {largest[1]:.0f} MB peak (goal < {GOAL_MB:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
