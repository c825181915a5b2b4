"""The bundled example (a synthetic release we wrote) converts with base rules only, checks clean."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from converter.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "acme-q3-2025.txt"


def test_example_converts_with_base_rules(tmp_path):
    out = tmp_path / "acme.json"
    res = CliRunner().invoke(main, ["convert", "--to", "json", str(EXAMPLE), "-o", str(out)])
    assert res.exit_code == 0, res.output
    facts = json.loads(out.read_text())["facts"].values()
    by = {(f["dimensions"]["concept"], f["dimensions"]["period"], f["dimensions"].get("srt:RangeAxis")): f
          for f in facts}
    q3 = "2025-07-01T00:00:00/2025-10-01T00:00:00"
    assert by[("us-gaap:Revenues", q3, None)]["value"] == "52400000"
    assert by[("us-gaap:InterestExpense", q3, None)]["value"] == "410000"       # printed (410), an expense
    assert Decimal(by[("us-gaap:EarningsPerShareDiluted", q3, None)]["value"]) == Decimal("0.21")
    assert by[("us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding", q3, None)]["value"] == "20010000"
    assert by[("us-gaap:Assets", "2025-10-01T00:00:00", None)]["value"] == "152500000"
    fy26 = "2026-01-01T00:00:00/2027-01-01T00:00:00"
    assert by[("us-gaap:Revenues", fy26, "srt:MinimumMember")]["value"] == "215000000"
    assert by[("us-gaap:Revenues", fy26, "srt:MaximumMember")]["value"] == "225000000"
