"""The newswire corpus releases (one cell per line, tables squashed onto one line) score at least the floor
the newswire readers reached, with base rules only. Raise a floor when a reader improves; never lower one to
pass."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from converter.cli import main

from .conftest import score_output, shared_path

# document -> (layout the detector must choose, F1 floor, precision floor)
FLOORS = {
    "cmuv-2024q3": ("squashed", 0.97, 1.0),
    "goldenmatrix-2025q3": ("squashed", 1.0, 1.0),
    "mobilehealth-2024fy": ("cells", 1.0, 1.0),
    "paltalk-2024q3": ("cells", 1.0, 1.0),
    "silexion-2024q3": ("cells", 1.0, 1.0),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_newswire_release_scores_at_least_its_floor(name, tmp_path):
    _layout, f1, precision = FLOORS[name]
    doc = shared_path("corpus", f"{name}.txt")
    gold = shared_path("gold", f"{name}.gold.csv")
    out = tmp_path / f"{name}.json"
    res = CliRunner().invoke(main, ["convert", "--to", "json", "--issuer", "none", str(doc), "-o", str(out)])
    assert res.exit_code in (0, 1), res.output
    s = score_output(gold, out)
    assert s["f1"] >= f1 and s["precision"] >= precision, (s["misses"], s["false_positives"])


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_newswire_layout_is_detected(name):
    from converter.readers import detect_layout
    doc = shared_path("corpus", f"{name}.txt")
    assert detect_layout(doc.read_text(encoding="utf-8")) == FLOORS[name][0]
