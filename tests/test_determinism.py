"""The same input and rules give byte-identical outputs across runs and `PYTHONHASHSEED` values: a batch of
releases (every layout) converted by separate processes, compared file by file."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from converter.batch import MANIFEST

from .conftest import SHARED

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "acme-q3-2025.txt"
DOCS = ["seeds/000_e1d86a0c375ce1d9.txt", "seeds/004_673ef67ef54b2d8e.txt", "corpus/adobe-fy2023q1.html",
        "corpus/adobe-fy2023q1-pdflayout.txt", "corpus/goldenmatrix-2025q3.txt", "corpus/abvc-fy2024.html"]


def _inputs() -> list[str]:
    found = [str(SHARED / d) for d in DOCS if (SHARED / d).exists()]
    return [str(EXAMPLE)] + found


def _convert(to: str, seed: str, out: Path) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out.mkdir()   # a folder even when ../shared is absent and the example is the only input
    proc = subprocess.run([sys.executable, "-c", "from converter.cli import main; main()", "convert", "--to", to,
                           *_inputs(), "-o", str(out), "-q"], env=env, capture_output=True, text=True, cwd=REPO)
    assert proc.returncode in (0, 1), proc.stderr
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != MANIFEST}


@pytest.mark.parametrize("to", ["json", "xbrl"])
def test_outputs_are_byte_identical_across_hash_seeds(to, tmp_path):
    first = _convert(to, "0", tmp_path / "a")
    second = _convert(to, "4242", tmp_path / "b")
    assert first.keys() == second.keys() and len(first) >= 4 * len(_inputs())
    changed = [name for name in first if first[name] != second[name]]
    assert changed == []


def test_in_process_runs_repeat_exactly(tmp_path):
    from converter.api import render
    from converter.emit import render_taxonomy
    from converter.pipeline import convert_text
    from converter.readers.source import read_source
    for path in _inputs():
        text = read_source(path)
        a, b = convert_text(text, source=path), convert_text(text, source=path)
        assert render(a, "xbrl", "r") == render(b, "xbrl", "r")
        assert render(a, "json", "r") == render(b, "json", "r")
        assert render_taxonomy(a, "r") == render_taxonomy(b, "r")
