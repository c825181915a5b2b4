"""Time and memory per MB of input, for inputs of 0.1, 1 and 20 MB of each layout: the work must grow in
proportion to the input (issue 17), so the per-MB figures should stay flat as the size grows.

    .venv/bin/python bench/scaling.py [--sizes 0.1,1,20] [--only pipe,pdf-band]

Each input is converted end to end (read, convert, render, validate) in a fresh process, after a small
conversion of the same layout has compiled the rules; memory is the growth of its peak RSS over that.
Inputs are built from the releases in tests/data: a release of each layout repeated to the size, and three
shapes that were quadratic (one paragraph that never ends a sentence, one table of many rows, and PDF
reading-order text whose labels and figures alternate line by line).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
SAMPLES = {
    "html": DATA / "releases" / "lumina-medtech-q3-2025.htm",
    "pipe": DATA / "releases" / "bluewater-cable-q4-2024.txt",
    "markdown": DATA / "real" / "agios-2024q4.txt",
    "cells": DATA / "releases" / "cascadepacific-airline-q2-2025.txt",
    "squashed": DATA / "releases" / "emberoak-restaurant-q3fy2025.txt",
    "fixed": DATA / "releases" / "graniteridge-industrial-fy2024.txt",
    "pdf": DATA / "releases" / "lumina-medtech-q3-2025-pdf.txt",
}
LINES = ["Revenues", "Cost of revenues", "Gross profit", "Research and development", "Net income"]
SHAPES = {"paragraph": "pdf", "table": "html", "pdf-band": "pdf"}   # shape -> the layout it is read as


def _figure(i: int) -> str:
    return f"{(i * 7919) % 997 + 1},{(i * 104729) % 900 + 100}"


def build(kind: str, megabytes: float) -> tuple[str, str]:
    """(text, layout) of about `megabytes` MB."""
    size = int(megabytes * 2**20)
    if kind in SAMPLES:
        text = SAMPLES[kind].read_text(encoding="utf-8", errors="replace")
        n = max(1, round(size / len(text.encode("utf-8"))))
        if kind == "html":   # the body repeated inside one document
            lower = text.lower()
            a = lower.find(">", lower.find("<body")) + 1
            b = lower.rfind("</body>")
            return text[:a] + text[a:b] * n + text[b:], kind
        return "\n\n".join([text] * n), kind
    if kind == "paragraph":
        unit = "Revenue was $1.0 million, "
        return "Acme Corp. announced results.\n\n" + unit * (size // len(unit)) + "\n", SHAPES[kind]
    if kind == "table":
        row = "<tr><td>{}</td><td>{}</td><td>{}</td></tr>"
        n = size // len(row.format(LINES[0], _figure(0), _figure(1)))
        rows = "".join(row.format(LINES[i % len(LINES)], _figure(i), _figure(i + 1)) for i in range(n))
        return ("<html><body><p>Acme Corp. announced results.</p><table><tr><td></td><td colspan=2>Three Months "
                "Ended September 30,</td></tr><tr><td></td><td>2025</td><td>2024</td></tr>" + rows +
                "</table></body></html>"), SHAPES[kind]
    if kind == "pdf-band":
        head = "ACME CORP\nCONDENSED STATEMENTS OF OPERATIONS\nThree Months Ended September 30,\n2025 2024\n"
        n = size // 36
        return head + "".join(f"{LINES[i % len(LINES)]}\n{_figure(i)}\n{_figure(i + 1)}\n" for i in range(n)), \
            SHAPES[kind]
    raise ValueError(kind)


_PROBE = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/bench")
import scaling
import converter.api as api
from converter.emit import render_taxonomy
from converter.pipeline import convert_text
def high_water():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024
def once(text, layout):
    result = convert_text(text, layout=layout)
    api.render(result, "json", "bench")
    render_taxonomy(result, "bench")
    return len(result.facts)
once(*scaling.build(sys.argv[2], 0.01))
text, layout = scaling.build(sys.argv[2], float(sys.argv[3]))
base = high_water()
started = time.perf_counter()
facts = once(text, layout)
print(json.dumps([len(text.encode("utf-8")) / 2**20, time.perf_counter() - started, high_water() - base, facts]))
"""


def measure(kind: str, megabytes: float) -> tuple[float, float, float, int]:
    """(MB, seconds, peak RSS growth in MB, facts) of one conversion in a fresh process."""
    proc = subprocess.run([sys.executable, "-c", _PROBE, str(REPO), kind, str(megabytes)], capture_output=True,
                          text=True, timeout=3600)
    if proc.returncode:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed")
    mb, seconds, memory, facts = json.loads(proc.stdout.strip().splitlines()[-1])
    return mb, seconds, memory, facts


def report(sizes: list[float], kinds: list[str], out=sys.stdout) -> None:
    print(f"{'input':10} {'MB':>7} {'s':>8} {'s/MB':>7} {'MB RSS':>8} {'RSS/MB':>7} {'facts':>6}", file=out)
    for kind in kinds:
        for size in sizes:
            try:
                mb, seconds, memory, facts = measure(kind, size)
            except (RuntimeError, subprocess.TimeoutExpired) as e:
                print(f"{kind:10} {size:7.1f}  failed: {e}", file=out)
                continue
            print(f"{kind:10} {mb:7.2f} {seconds:8.2f} {seconds / mb:7.2f} {memory:8.0f} {memory / mb:7.1f} "
                  f"{facts:6d}", file=out, flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="0.1,1,20", help="input sizes in MB, comma-separated")
    ap.add_argument("--only", default="", help="layouts and shapes to measure, comma-separated")
    args = ap.parse_args(argv)
    kinds = [k for k in args.only.split(",") if k] or list(SAMPLES) + list(SHAPES)
    started = time.perf_counter()
    report([float(s) for s in args.sizes.split(",")], kinds)
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
