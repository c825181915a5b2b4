"""`stop_workers` ends a process pool even when a worker dies in the middle of sending its result.

CPython's executor thread reads a result in two steps: once some bytes are there, it blocks until the whole
message is. A worker killed between the two (Ctrl-C while a file's result is on its way back) left it
blocked for ever, and the interpreter's exit, which joins that thread, never came: the batch went on
running after "interrupted". The worker below sends half a message and waits, which is that moment, held."""
from __future__ import annotations

import multiprocessing
import os
import struct
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from converter.stopping import stop_workers

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")

HANG = 20   # seconds the executor's thread may take to end before it is taken to hang; measures no speed


def _send_half_a_result(marker: str) -> None:
    frame = sys._getframe()
    while frame is not None and "result_queue" not in frame.f_locals:   # the worker loop's own queue
        frame = frame.f_back
    writer = frame.f_locals["result_queue"]._writer
    os.write(writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)   # a 1000-byte message, 10 bytes of it
    Path(marker).write_text("sent")
    time.sleep(HANG * 3)


def test_a_worker_stopped_halfway_through_sending_leaves_no_thread_waiting(tmp_path):
    marker = tmp_path / "sent"
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    pool.submit(_send_half_a_result, str(marker))
    deadline = time.monotonic() + HANG
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert marker.exists(), "the worker never started"
    time.sleep(0.3)   # the executor's thread is now waiting for the rest of the message
    thread = pool._executor_manager_thread
    stop_workers(pool)
    thread.join(HANG)
    assert not thread.is_alive(), "the executor's thread still waits for a result no worker will send"
