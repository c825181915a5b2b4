"""Hostile rule files and inputs, generated (tests/fuzz_targets.py), converted in a process of its own under a
memory cap: each either converts to valid outputs or is refused in one line. A time cap on the process and a
hang guard on each example turn a hang into a failure; they measure no speed (the run takes about 10 s)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MEMORY_CAP = 3 * 2**30     # bytes of address space: an alias bomb or a quadratic copy runs out here
TIME_CAP = 600             # seconds: a hang guard for the whole run, far past what it takes
EXAMPLES = 300             # of each kind


def _capped():
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits are POSIX")
def test_hostile_rule_files_and_inputs_convert_or_are_refused_within_caps():
    proc = subprocess.run([sys.executable, "-m", "tests.fuzz_targets", str(EXAMPLES)], cwd=REPO,
                          capture_output=True, text=True, timeout=TIME_CAP, preexec_fn=_capped)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
