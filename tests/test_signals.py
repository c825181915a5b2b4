"""Stopping a batch: SIGTERM to the command, or Ctrl-C (SIGINT to its process group, as a terminal sends it),
ends the parent and every worker, leaves no file being written, and the manifest records exactly the files
written. The waits below are hang guards (a process that does not end fails the test); they measure no speed."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from converter.batch import MANIFEST

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "acme-q3-2025.txt"

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")


def children(pid: int) -> set[int]:
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.add(int(entry.name))
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def start_batch(tmp_path: Path, files: int = 60) -> tuple[subprocess.Popen, Path]:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    body = EXAMPLE.read_text(encoding="utf-8")
    for i in range(files):   # made larger so that each takes a moment
        (src / f"r{i:03d}.txt").write_text(body + ("\n" + body.split("\n", 1)[1]) * 3, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", "from converter.cli import main; main()", "convert", str(src),
                             "-o", str(out), "--jobs", "2", "-q"], cwd=REPO, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:   # until some files are written, and the workers run
        manifest = out / MANIFEST
        if manifest.exists() and manifest.read_text().count("\n") >= 2 and len(children(proc.pid)) >= 2:
            return proc, out
        if proc.poll() is not None:
            break
        time.sleep(0.02)
    proc.kill()
    pytest.fail(f"the batch did not get going: {proc.stderr.read() if proc.stderr else ''}")


def assert_stopped_cleanly(proc: subprocess.Popen, workers: set[int], out: Path, signalled: float, code: int):
    try:
        _assert_stopped_cleanly(proc, workers, out, signalled, code)
    finally:   # a failing run leaves nothing behind either
        for pid in [proc.pid, *workers]:
            if alive(pid) and b"converter.cli" in _cmdline(pid):   # still ours, not a pid used again
                os.kill(pid, signal.SIGKILL)


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


HANG = 30   # seconds a stopped process may take to end before it is taken to go on forever


def _assert_stopped_cleanly(proc: subprocess.Popen, workers: set[int], out: Path, signalled: float, code: int):
    try:
        proc.wait(timeout=HANG)
    except subprocess.TimeoutExpired:
        pytest.fail("the parent went on running after the signal")
    deadline = signalled + HANG
    while time.monotonic() < deadline and any(alive(p) for p in workers):
        time.sleep(0.02)
    assert not [p for p in workers if alive(p)], "a worker was left running"
    assert proc.returncode == code, proc.stderr.read()
    time.sleep(0.5)   # anything still writing would show now
    entries = [json.loads(line) for line in (out / MANIFEST).read_text().splitlines()]
    recorded = {p for e in entries for p in e["written"]}
    on_disk = {str(p) for p in out.iterdir() if p.name != MANIFEST}
    assert recorded == on_disk, (on_disk - recorded, recorded - on_disk)
    assert entries and len(entries) < 60


def test_sigterm_stops_the_parent_and_its_workers_and_the_manifest_says_what_was_written(tmp_path):
    proc, out = start_batch(tmp_path)
    workers = children(proc.pid)
    os.kill(proc.pid, signal.SIGTERM)
    assert_stopped_cleanly(proc, workers, out, time.monotonic(), 128 + signal.SIGTERM)


def test_ctrl_c_stops_the_batch_at_once_not_after_the_files_in_progress(tmp_path):
    proc, out = start_batch(tmp_path)
    workers = children(proc.pid)
    os.killpg(proc.pid, signal.SIGINT)   # a terminal's Ctrl-C reaches the whole process group
    assert_stopped_cleanly(proc, workers, out, time.monotonic(), 128 + signal.SIGINT)
    assert "interrupted" in proc.stderr.read()
