"""The issuer file of the authoring walkthrough: at most 30 lines (a calendar, a table rule, a row by position, an
ignore) take a retailer's release, whose year-to-date table prints its change columns before the years and whose
prose names fiscal quarters of a 52/53-week year, from what the base rules read to F1 1.0 against a gold file
written by hand."""
from __future__ import annotations

from pathlib import Path

from converter.api import convert
from converter.emit import render_json

from .conftest import score_output

DATA = Path(__file__).parent / "data" / "authoring"
RELEASE = DATA / "harborline-q3-fy2024.htm"
ISSUER = DATA / "harborline.yaml"
GOLD = DATA / "harborline-q3-fy2024.gold.csv"


def scored(tmp_path, issuer: str) -> dict:
    out = tmp_path / f"{Path(issuer).stem}.json"
    out.write_text(render_json(convert(RELEASE, issuer=issuer), "h.xsd"))
    return score_output(GOLD, out)


def test_the_issuer_file_is_short():
    lines = ISSUER.read_text().splitlines()
    assert len(lines) <= 30
    text = ISSUER.read_text()
    for key in ("fiscal_year_end:", "tables:", "after:", "ignore:"):
        assert key in text


def test_the_base_rules_read_part_of_it_and_the_issuer_file_reads_it_all(tmp_path):
    base = scored(tmp_path, "none")
    # the prose's fiscal quarters withheld (a December year would misdate them), the year to date unread
    assert base["recall"] < 0.9 and base["fp"] == 0
    full = scored(tmp_path, str(ISSUER))
    assert (full["recall"], full["precision"], full["f1"]) == (1.0, 1.0, 1.0)
