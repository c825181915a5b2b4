"""Cold start: how long a person waits for one command, each run in a fresh process (issue 16).

    .venv/bin/python bench/coldstart.py [--runs 7] [--source DIR]

Times, as medians of --runs runs taken in alternation (a busy machine slows all alike):

- bare Python: `python -c "import lxml.etree, yaml"`, the floor any command of ours stands on;
- `xbrlify convert --to json` of the bundled example, to standard output;
- `xbrlify rules check rules/`.

Each command runs once first, untimed, with an empty rulebook cache (rulebook/cache.py) in a temporary
folder: that first run is printed too ("first run": what a run after installing or after editing a rule
file costs). The project's modules are byte-compiled first (`compileall`, as `pip install` does for an
installed package): where PYTHONDONTWRITEBYTECODE is set, an editable install would otherwise compile every
module from source on every run.

`--source DIR` runs the converter of another source tree (an older checkout, to compare) through
`python -c "...; from converter.cli import main; main()"` instead of the installed `xbrlify`.

Goals: convert <= 0.35 s and <= 4x bare Python; rules check <= 0.8 s.
"""
from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "acme-q3-2025.txt"
GOAL_CONVERT_S, GOAL_CONVERT_RATIO, GOAL_CHECK_S = 0.35, 4.0, 0.8


def commands(source: Path | None = None) -> dict[str, list[str]]:
    xbrlify = Path(sys.executable).parent / "xbrlify"
    if source is not None:
        cli = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(source)!r}); "
                                     f"from converter.cli import main; main(prog_name='xbrlify')"]
    else:
        cli = [str(xbrlify)] if xbrlify.exists() else [sys.executable, "-m", "converter"]
    root = source or REPO
    return {"bare python": [sys.executable, "-c", "import lxml.etree, yaml"],
            "convert --to json": cli + ["convert", "--to", "json", str(root / "examples" / EXAMPLE.name)],
            "rules check rules/": cli + ["rules", "check", str(root / "rules")]}


def wall(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    proc = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return elapsed


def measure(runs: int, source: Path | None = None) -> dict[str, tuple[float, float]]:
    """name -> (first run with an empty cache, median of the runs after it), in seconds."""
    compileall.compile_dir(str((source or REPO) / "converter"), quiet=1)
    cmds = commands(source)
    with tempfile.TemporaryDirectory(prefix="xbrlify-bench-cache-") as cache:
        env = dict(os.environ, XBRLIFY_CACHE_DIR=cache)
        env.pop("XBRLIFY_NO_CACHE", None)
        first = {name: wall(cmd, env) for name, cmd in cmds.items()}
        times: dict[str, list[float]] = {name: [] for name in cmds}
        for _ in range(runs):
            for name, cmd in cmds.items():
                times[name].append(wall(cmd, env))
    return {name: (first[name], statistics.median(times[name])) for name in cmds}


def report(runs: int, source: Path | None = None) -> list[str]:
    found = measure(runs, source)
    bare = found["bare python"][1]
    lines = [f"cold start (fresh processes, median of {runs}; first run: empty rulebook cache)"]
    for name, (first, median) in found.items():
        ratio = "" if name == "bare python" else f"  {median / bare:5.1f}x bare"
        lines.append(f"  {name:20} {median:6.3f} s{ratio}   (first run {first:6.3f} s)")
    convert, check = found["convert --to json"][1], found["rules check rules/"][1]
    ok = lambda good: "ok" if good else "MISSED"  # noqa: E731
    lines.append(f"  goal: convert <= {GOAL_CONVERT_S} s: {convert:.3f} s {ok(convert <= GOAL_CONVERT_S)}; "
                 f"<= {GOAL_CONVERT_RATIO:g}x bare: {convert / bare:.1f}x {ok(convert <= GOAL_CONVERT_RATIO * bare)}; "
                 f"rules check <= {GOAL_CHECK_S} s: {check:.3f} s {ok(check <= GOAL_CHECK_S)}")
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="timed runs per command (median taken)")
    ap.add_argument("--source", type=Path, help="the source tree whose converter to run (default: installed)")
    args = ap.parse_args(argv)
    print("\n".join(report(args.runs, args.source.resolve() if args.source else None)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
