"""The converter's benchmark: run by hand, outside the test suite.

    .venv/bin/python bench/run.py [--runs 5] [--jobs 2] [FILE ...]

Over the seeds, the corpus and the bundled example (or the files given), in this process:

- end to end per document (read the file, convert, render the instance, validate it, render the taxonomy;
  no disk writes), median of --runs after a warm-up, with the shipped rules and with ten times as many
  (bench/rules_x10.py), and for HTML the time lxml alone takes to parse the same bytes;
- the time per stage: read (bytes to text), normalize (text to Document: the reader), rules (issuer
  detection and the per-conversion rulebook), match (table rows, sentences, outlooks), reconcile (merge and
  checks), render (instance and taxonomy), validate (the instance against its schema);
- documents and MB per second, in process and through the batch CLI with --jobs worker processes;
- compiling the rules once per process, shipped and x10;
- peak memory (RSS of a fresh process) converting the largest HTML release;
- cold start (bench/coldstart.py): `xbrlify convert --to json` of the example and `xbrlify rules check`, each
  in fresh processes, next to a bare `python -c "import lxml.etree, yaml"`.

Goals (issue 6): a typical release under 20 ms end to end in process; x10 rules under 1.3 times the shipped
rules' time; the largest HTML release under 150 MB peak. Issue 16: convert <= 0.35 s and <= 4x bare Python;
rules check <= 0.8 s.

`--scaling [SIZES]` prints instead the time and peak memory per MB of input for inputs of each layout of
0.1, 1 and 20 MB (or SIZES, in MB), and of the shapes that used to grow with the square of their size
(bench/scaling.py; issue 17): the per-MB figures should stay flat as the size grows.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import converter.api as api  # noqa: E402
import converter.pipeline as pipeline  # noqa: E402
import converter.validate.json_schema as json_schema  # noqa: E402
import converter.validate.xml_schema as xml_schema  # noqa: E402
from converter.emit import render_taxonomy  # noqa: E402
from converter.paths import RULES_DIR  # noqa: E402
from converter.readers.source import decode_with_notes, read_bytes  # noqa: E402
from rules_x10 import count_rules, write_rules_x10  # noqa: E402

SHARED = Path(os.environ.get("XBRLIFY_SHARED", REPO.parent / "shared"))
GOAL_MS, GOAL_RATIO, GOAL_MB = 20.0, 1.3, 150.0


def default_files() -> list[Path]:
    files = sorted((SHARED / "seeds").glob("*.txt")) + sorted(p for p in (SHARED / "corpus").glob("*")
                                                              if p.suffix in (".html", ".htm", ".txt"))
    return files + [REPO / "examples" / "acme-q3-2025.txt"]


# ------------------------------------------------------------------------------------------- one conversion

def fresh_text_caches() -> None:
    """Forget what earlier runs read (cells, sentences), so a repeated document is timed as a new one would
    be; compiled rules and templates stay, as they do in a batch."""
    from converter.engine.numbers import parse_figure
    from converter.readers.newswire import line_figures
    from converter.rulebook.match import normalize_label, skipped_heading
    parse_figure.cache_clear()
    line_figures.cache_clear()
    normalize_label.cache_clear()
    skipped_heading.cache_clear()


def end_to_end(path: Path, rules_dir: Path = RULES_DIR) -> int:
    """What `xbrlify convert --to json` does, short of writing files. Returns the number of facts."""
    fresh_text_caches()
    text, _notes = decode_with_notes(read_bytes(path), str(path))
    result = pipeline.convert_text(text, source=str(path), rules_dir=rules_dir)
    api.render(result, "json", path.stem)
    render_taxonomy(result, path.stem)
    return len(result.facts)


def median_ms(fn, runs: int) -> float:
    fn()  # warm-up: compiled rules and templates, caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def paired_median_ms(fa, fb, runs: int) -> tuple[float, float]:
    """Medians of two functions timed in alternation, so that a busy machine slows both alike."""
    fa(), fb()
    ta, tb = [], []
    for _ in range(runs):
        for fn, times in ((fa, ta), (fb, tb)):
            started = time.perf_counter()
            fn()
            times.append(time.perf_counter() - started)
    return statistics.median(ta) * 1000, statistics.median(tb) * 1000


def parse_only_ms(path: Path, runs: int) -> float:
    import lxml.html
    data = path.read_bytes()

    def parse():
        parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True, huge_tree=True, recover=True)
        lxml.html.document_fromstring(data, parser=parser)
    return median_ms(parse, runs)


# ------------------------------------------------------------------------------------------- stages

STAGES = ["read", "normalize", "rules", "match", "reconcile", "render", "validate"]
_WRAPPED = {
    "normalize": [(pipeline, "read_document")],
    "rules": [(pipeline, "detect_issuer"), (pipeline, "load_rulebook")],
    "match": [(pipeline, "facts_from_table"), (pipeline, "facts_from_paragraph"), (pipeline, "date_undated"),
              (pipeline, "guidance_facts")],
    "reconcile": [(pipeline, "merge_facts"), (pipeline, "run_checks")],
    "render": [(api, "render_json"), (api, "render_xbrl")],
    "validate": [(json_schema, "validate_json"), (xml_schema, "validate_xml")],   # api.render imports them late
}


@contextmanager
def stage_clock(totals: dict):
    """Time the stage functions by wrapping them where the pipeline and the API call them."""
    saved = []

    def wrap(stage, fn):
        def timed(*a, **k):
            started = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                totals[stage] += time.perf_counter() - started
        return timed
    for stage, places in _WRAPPED.items():
        for module, name in places:
            if hasattr(module, name):
                saved.append((module, name, getattr(module, name)))
                setattr(module, name, wrap(stage, getattr(module, name)))
    try:
        yield
    finally:
        for module, name, fn in saved:
            setattr(module, name, fn)


def stage_times(files: list[Path], runs: int) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    with stage_clock(totals):
        for path in files:
            end_to_end(path)
        totals.clear()
        for _ in range(runs):
            for path in files:
                fresh_text_caches()
                started = time.perf_counter()
                text, _notes = decode_with_notes(read_bytes(path), str(path))
                totals["read"] += time.perf_counter() - started
                started = time.perf_counter()
                result = pipeline.convert_text(text, source=str(path))
                api.render(result, "json", path.stem)
                tax_started = time.perf_counter()
                render_taxonomy(result, path.stem)
                totals["render"] += time.perf_counter() - tax_started
                totals["total"] += time.perf_counter() - started
    out = {k: v / runs * 1000 for k, v in totals.items()}
    out["read"] = totals["read"] / runs * 1000
    out["other"] = out["total"] - sum(out.get(s, 0.0) for s in STAGES if s != "read")
    out["total"] += out["read"]
    return out


# ------------------------------------------------------------------------------------------- compile, memory, batch

def compile_ms(rules_dir: Path) -> float:
    """Load and compile every rule file (and build the match indexes) as a fresh process would."""
    from converter.rulebook import index, loader, match
    loader._compiled.cache_clear()
    loader._book.cache_clear()
    index.key_options.cache_clear()
    match._INDEXES.clear()
    started = time.perf_counter()
    book = loader.load_rulebook(None, rules_dir)
    loader.detect_issuer("", rules_dir)
    match.row_index(book)
    for position in ("before", "after"):
        for context in ("narrative", "guidance"):
            match.phrase_rules(book, position, context)
    return (time.perf_counter() - started) * 1000


# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent through fork and exec.
_MEMORY_PROBE = r"""
import sys
sys.path.insert(0, sys.argv[2]); sys.path.insert(0, sys.argv[2] + "/bench")
from pathlib import Path
def high_water():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024
import run as bench
base = high_water()
facts = bench.end_to_end(Path(sys.argv[1]))
print(base, high_water(), facts)
"""


def peak_memory_mb(path: Path) -> tuple[float, float]:
    """(RSS after imports, peak RSS) in MB of a fresh process converting `path` end to end."""
    proc = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, str(path), str(REPO)], capture_output=True,
                          text=True, check=True)
    base, peak, _facts = proc.stdout.split()
    return float(base), float(peak)


def batch_cli_seconds(files: list[Path], jobs: int) -> float:
    xbrlify = Path(sys.executable).parent / "xbrlify"
    command = [str(xbrlify)] if xbrlify.exists() else [sys.executable, "-c", "from converter.cli import main; main()"]
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        subprocess.run(command + ["convert", "--to", "json", *map(str, files), "-o", out, "-q", "--jobs",
                                  str(jobs)], capture_output=True)
        return time.perf_counter() - started


# ------------------------------------------------------------------------------------------- the report

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=7, help="timed runs per document (median taken)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the batch CLI line")
    ap.add_argument("--scaling", nargs="?", const="0.1,1,20", metavar="SIZES",
                    help="time and memory per MB for inputs of these sizes (MB) of each layout, and nothing else")
    args = ap.parse_args(argv)
    if args.scaling:
        import scaling
        return scaling.main(["--sizes", args.scaling])
    files = args.files or default_files()
    files = [f for f in files if f.exists()]
    if not files:
        print("no documents found (set XBRLIFY_SHARED to the shared folder)")
        return 2
    x10 = write_rules_x10(Path(tempfile.mkdtemp(prefix="xbrlify-rules-x10-")))

    print(f"xbrlify benchmark: {len(files)} documents, {args.runs} runs each (median), Python "
          f"{sys.version.split()[0]}, {os.cpu_count()} CPUs\n")
    head = f"{'document':32} {'layout':6} {'KB':>7} {'facts':>5} {'e2e ms':>8} {'x10 ms':>8} {'x10/1':>6} {'lxml ms':>8}"
    print(head)
    print("-" * len(head))
    rows = []
    for path in files:
        facts = end_to_end(path)
        shipped, grown = paired_median_ms(lambda: end_to_end(path), lambda: end_to_end(path, x10), args.runs)
        html = path.suffix.lower() in (".htm", ".html")
        lxml_ms = parse_only_ms(path, args.runs) if html else None
        size = path.stat().st_size
        rows.append((path, size, facts, shipped, grown, lxml_ms))
        layout = "html" if html else "text"
        print(f"{path.name[:32]:32} {layout:6} {size / 1024:7.1f} {facts:5d} {shipped:8.1f} {grown:8.1f} "
              f"{grown / shipped:6.2f} {'' if lxml_ms is None else f'{lxml_ms:8.1f}':>8}")

    total_ms = sum(r[3] for r in rows)
    total_x10 = sum(r[4] for r in rows)
    total_mb = sum(r[1] for r in rows) / 2**20
    typical = statistics.median(r[3] for r in rows)
    ratio = total_x10 / total_ms
    html_rows = [r for r in rows if r[5] is not None]

    print("\nstages (shipped rules; ms summed over all documents, mean of the runs)")
    stages = stage_times(files, max(1, args.runs // 2))
    for name in STAGES + ["other"]:
        print(f"  {name:10} {stages.get(name, 0.0):8.1f} ms {100 * stages.get(name, 0.0) / stages['total']:5.1f} %")
    print(f"  {'total':10} {stages['total']:8.1f} ms")

    print("\nthroughput")
    print(f"  in process, 1 worker:  {len(rows) / (total_ms / 1000):7.1f} docs/s  {total_mb / (total_ms / 1000):6.2f} MB/s"
          f"  ({len(rows)} docs, {total_mb:.2f} MB, {total_ms:.0f} ms)")
    cli = batch_cli_seconds(files, args.jobs)
    print(f"  batch CLI, --jobs {args.jobs}:  {len(rows) / cli:7.1f} docs/s  {total_mb / cli:6.2f} MB/s"
          f"  (one process start, {cli:.2f} s wall)")
    if html_rows:
        conv = sum(r[3] for r in html_rows)
        parse = sum(r[5] for r in html_rows)
        print(f"  HTML: end to end {conv:.1f} ms vs lxml parsing alone {parse:.1f} ms ({conv / parse:.1f}x)")

    print("\nrules")
    print(f"  shipped: {count_rules(RULES_DIR):5d} rules, loaded once per process in {compile_ms(RULES_DIR):7.1f} ms (rulebook cache)")
    print(f"  x10:     {count_rules(x10):5d} rules, loaded once per process in {compile_ms(x10):7.1f} ms (rulebook cache)")
    print(f"  x10 / shipped, end to end over all documents: {ratio:.2f} "
          f"(median per document {statistics.median(r[4] / r[3] for r in rows):.2f})")

    import coldstart
    print()
    print("\n".join(coldstart.report(args.runs)))

    largest = max(html_rows or rows, key=lambda r: r[1])[0]
    base, peak = peak_memory_mb(largest)
    print("\nmemory")
    print(f"  {largest.name}: peak RSS {peak:.0f} MB in a fresh process ({base:.0f} MB after imports)")

    print("\nsummary (goal)")
    print(f"  median end to end per document: {typical:6.1f} ms   (< {GOAL_MS:.0f} ms)  "
          f"{'ok' if typical < GOAL_MS else 'MISSED'}")
    print(f"  x10 rules / shipped rules:      {ratio:6.2f}      (< {GOAL_RATIO})    "
          f"{'ok' if ratio < GOAL_RATIO else 'MISSED'}")
    print(f"  peak memory, {largest.name[:20]}: {peak:5.0f} MB   (< {GOAL_MB:.0f} MB) "
          f"{'ok' if peak < GOAL_MB else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
