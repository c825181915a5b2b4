"""Time `read_html` on the EDGAR releases of the shared corpus, against lxml parsing alone.

    .venv/bin/python bench/bench_html_reader.py [--runs 7] [FILE.html ...]

Columns: file size; blocks and tables read; the median wall time of `read_html`; of lxml building a tree
(`lxml.html.document_fromstring`, what a tree-walking reader would start from); and of lxml feeding a parser
target that does nothing (the floor for `read_html`, which reads parser events). The goal is the 1.8 MB Oracle
release well under a second.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import lxml.html
from lxml import etree

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from converter.readers.html import exhibit_html, read_html  # noqa: E402

CORPUS = Path(os.environ.get("XBRLIFY_SHARED", REPO.parent / "shared")) / "corpus"
DEFAULT_FILES = ["oracle-fy2022q4.html", "adobe-fy2023q1.html", "apple-fy2011q1.html", "abvc-fy2024.html"]


class _NullTarget:
    """A parser target that ignores every event."""

    def start(self, tag, attrib):
        pass

    def end(self, tag):
        pass

    def data(self, text):
        pass

    def close(self):
        return None


def _parse_tree(html: bytes) -> None:
    parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True, huge_tree=True, recover=True)
    lxml.html.document_fromstring(html, parser=parser)


def _parse_events(html: bytes) -> None:
    parser = lxml.html.HTMLParser(target=_NullTarget(), encoding="utf-8", no_network=True, huge_tree=True,
                                  recover=True)
    etree.fromstring(html, parser)


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="HTML files (default: the four corpus releases)")
    ap.add_argument("--runs", type=int, default=7, help="runs per measurement; the median is shown")
    args = ap.parse_args(argv)
    paths = [Path(f) for f in args.files] or [CORPUS / name for name in DEFAULT_FILES]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"missing: {', '.join(map(str, missing))} (set XBRLIFY_SHARED)", file=sys.stderr)
        return 2

    print(f"{'file':<24} {'KB':>6} {'blocks':>6} {'tables':>6} {'read_html':>10} {'lxml tree':>10} "
          f"{'lxml events':>11}   (median of {args.runs}, ms)")
    for path in paths:
        text = path.read_text(encoding="utf-8")
        html = exhibit_html(text).encode("utf-8")
        doc = read_html(text)  # warm-up, and the counts
        read = median_ms(lambda: read_html(text), args.runs)
        tree = median_ms(lambda: _parse_tree(html), args.runs)
        events = median_ms(lambda: _parse_events(html), args.runs)
        print(f"{path.name:<24} {len(text.encode('utf-8')) / 1024:>6.0f} {len(doc.blocks):>6} "
              f"{len(doc.tables):>6} {read:>10.1f} {tree:>10.1f} {events:>11.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
