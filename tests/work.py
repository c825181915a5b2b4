"""Deterministic measures for tests that guard against work growing with the square of the input. Speed and
memory are measured in a benchmark (bench/), never in a timed test: a clock measures the machine as much as
the code, and a generous limit lets a quadratic regression through on small inputs.

- `lines_run` counts the lines of converter code a call runs (every loop iteration, comprehension step and
  generator step included): the same input gives the same count on any machine;
- `grows_linearly` says the count for an input twice as large is about twice, not four times, the count;
- `hang_guard` turns a hang (a time limit that stopped working) into a failure, generously: it is no
  measure of speed.
"""
from __future__ import annotations

import signal
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Optional

CONVERTER = str(Path(__file__).resolve().parent.parent / "converter")


def lines_run(fn: Callable, *args, **kwargs) -> int:
    """How many lines of the converter's own code `fn(*args, **kwargs)` runs (other code is not traced)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        count += 1
        return local

    def enter(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(CONVERTER) else None

    previous = sys.gettrace()
    sys.settrace(enter)
    try:
        fn(*args, **kwargs)
    finally:
        sys.settrace(previous)
    return count


def grows_linearly(work: Callable[[int], int], n: int, most: float = 2.6) -> tuple[int, int]:
    """(work(n), work(2n)) after asserting that doubling the size at most `most`-folds the work: linear work
    doubles (a little less, for what every input costs once), work in the square of the size quadruples."""
    work(max(1, n // 4))     # what runs once per process (compiled patterns, caches) is not counted below
    single, double = work(n), work(2 * n)
    assert double <= most * single, f"work grew {double / single:.2f}-fold for twice the input ({single} -> {double})"
    return single, double


class Hung(Exception):
    pass


@contextmanager
def hang_guard(seconds: int = 120, on_hang: Optional[Callable[[], None]] = None):
    """Fail a test that is still running after `seconds` (far past what it needs on any machine): a hang
    guard, not a measure of speed. The `regex` module checks for signals while it matches. `on_hang` runs
    instead of raising (a fuzz run ends its process with the example, rather than let hypothesis shrink it)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def alarm(_signum, _frame):
        if on_hang is not None:
            on_hang()
        raise Hung(f"still running after {seconds} s: it hangs")
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
