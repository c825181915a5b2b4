"""The seed documents convert exactly: recall and precision 1.000 against their gold, through the CLI."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from converter.cli import main

from .conftest import score_output, shared_path

SEEDS = ["000_e1d86a0c375ce1d9", "004_673ef67ef54b2d8e"]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_scores_exactly(name, tmp_path):
    doc = shared_path("seeds", f"{name}.txt")
    gold = shared_path("gold", f"{name}.gold.csv")
    out = tmp_path / f"{name}.json"
    res = CliRunner().invoke(main, ["convert", "--to", "json", str(doc), "-o", str(out)])
    assert res.exit_code == 0, res.output  # 0: no check finding on either seed
    s = score_output(gold, out)
    assert (s["recall"], s["precision"]) == (1.0, 1.0), (s["misses"], s["false_positives"])


@pytest.mark.parametrize("name", SEEDS)
def test_seed_xbrl_instance_is_written(name, tmp_path):
    doc = shared_path("seeds", f"{name}.txt")
    out = tmp_path / "out" / f"{name}.xml"
    res = CliRunner().invoke(main, ["convert", "--to", "xbrl", str(doc), "-o", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text()
    assert "<xbrli:xbrl" in text and "us-gaap:Revenues" in text
    assert (out.parent / f"{name}.xsd").exists()
