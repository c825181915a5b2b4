"""`explain --suspicious` and `rules new` list misreads, not only gaps, each with a stub that would settle it; on
the walkthrough release they find what the answer file would (prose quarters a guessed calendar would misdate,
withheld; a year-to-date table read into no period) and, with the issuer file, nothing."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from converter.cli import main

DATA = Path(__file__).parent / "data" / "authoring"
RELEASE = DATA / "harborline-q3-fy2024.htm"


def _suspicious(issuer: str) -> str:
    res = CliRunner().invoke(main, ["explain", str(RELEASE), "--issuer", issuer, "--suspicious"])
    assert res.exit_code == 0, res.output
    return res.output


def test_the_base_rules_misreads_are_listed_with_stubs():
    out = _suspicious("none")
    # the prose's four quarter amounts and the outlook's range, withheld as off the tables' quarters (a guessed
    # December calendar would have misdated them)
    assert out.startswith("suspicious: 7\n")
    assert out.count("withheld: the text dates it off the quarters the tables report") == 6
    assert "settle  issuer: fiscal_year_end:" in out
    assert "read, but column(s) 3, 4 name no period" in out
    assert "columns: [{}, {}, {period: START..END}, {period: START..END}]" in out


def test_with_the_issuer_file_nothing_is_suspicious():
    assert _suspicious(str(DATA / "harborline.yaml")).startswith("suspicious: 0")


def test_a_withheld_fact_is_suspicious(tmp_path):
    path = tmp_path / "r.htm"
    path.write_text("<p>Acme Corp</p><p>BALANCE SHEETS</p><table><tr><td></td><td>December 31, 2024</td></tr>"
                    "<tr><td>Lease liabilities</td><td>70</td></tr><tr><td>Operating lease liabilities</td><td>71</td></tr>"
                    "</table>")
    res = CliRunner().invoke(main, ["explain", str(path), "--issuer", "none", "--suspicious"])
    assert "withheld: its readings disagree" in res.output and "settle  ignore: - {id: issuer-no-" in res.output


def test_rules_new_lists_the_misreads(tmp_path):
    out = tmp_path / "hblo.yaml"
    res = CliRunner().invoke(main, ["rules", "new", "--issuer", "hblo", str(RELEASE), "-o", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text()
    assert "# Likely misreads (7; xbrlify explain --suspicious RELEASE shows them again):" in text
    assert "#     settle with tables: - {id: hblo-table-" in text
    check = CliRunner().invoke(main, ["rules", "check", str(out), "--no-timeouts"])
    assert check.exit_code == 0, check.output
