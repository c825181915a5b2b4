"""Stopping a run on Ctrl-C (SIGINT) or SIGTERM within a second, leaving no process behind and no file half
written or unrecorded.

In the main process both signals raise `Stopped` (a KeyboardInterrupt), except inside `critical()`: a
batch's parent writes a file's outputs and records them in the manifest there, so a signal waits the few
milliseconds until both are done (or undone). Worker processes only render (converter/conversion.py), so
they may simply die: `stop_workers` ends them, and a worker whose parent is gone (killed outright) ends
itself (`worker_init`).
"""
from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager
from typing import Optional


class Stopped(KeyboardInterrupt):
    """The run was stopped by a signal; `signum` says which (SIGINT for Ctrl-C)."""

    def __init__(self, signum: int = signal.SIGINT):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class _Guard:
    def __init__(self):
        self.depth = 0
        self.pending: Optional[int] = None

    def handler(self, signum, _frame):
        if self.depth:
            self.pending = signum
        else:
            raise Stopped(signum)


_GUARD: Optional[_Guard] = None


@contextmanager
def stoppable():
    """Within this block (main thread only), SIGINT and SIGTERM raise Stopped, held back inside `critical`."""
    global _GUARD
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    guard, before = _Guard(), {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        before[sig] = signal.signal(sig, guard.handler)
    _GUARD = guard
    try:
        yield
    finally:
        _GUARD = None
        for sig, old in before.items():
            signal.signal(sig, old)


@contextmanager
def critical():
    """A stop signal that arrives in here is raised when the block ends, not in the middle of it."""
    guard = _GUARD
    if guard is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    guard.depth += 1
    try:
        yield
    finally:
        guard.depth -= 1
        if not guard.depth and guard.pending is not None:
            signum, guard.pending = guard.pending, None
            raise Stopped(signum)


# ------------------------------------------------------------------------------------------------ workers

def worker_init(parent: int) -> None:
    """In a worker process: Ctrl-C is the parent's to handle (one message, no traceback per worker);
    SIGTERM ends it at once (it writes nothing); and it ends itself when its parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="xbrlify-parent-watch").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.1)
    os._exit(1)


def stop_workers(pool, grace: float = 0.5) -> None:
    """End a process pool's workers now: pending work is cancelled, running work is dropped (workers write
    nothing), and a worker that does not end on SIGTERM within `grace` seconds is killed."""
    processes = list(getattr(pool, "_processes", {}).values())   # the executor keeps no public list
    for p in processes:
        try:
            p.terminate()
        except (OSError, ValueError):
            pass
    deadline = time.monotonic() + grace
    for p in processes:
        p.join(max(0.0, deadline - time.monotonic()))
        if p.is_alive():
            p.kill()
            p.join(0.2)
    _end_half_sent_result(pool)
    pool.shutdown(wait=False, cancel_futures=True)


def _end_half_sent_result(pool) -> None:
    """A worker stopped while sending its result leaves the executor's thread blocked reading the rest, and
    the interpreter's exit joins that thread: the run would never end. With the workers gone, closing this
    process's own write end of the result pipe turns that read into end-of-file, which the executor takes
    for a broken pool and ends (CPython keeps the pipe in private attributes; absent, nothing is done)."""
    queue = getattr(pool, "_result_queue", None)
    writer = getattr(queue, "_writer", None)
    if writer is not None:
        try:
            writer.close()
        except OSError:
            pass
