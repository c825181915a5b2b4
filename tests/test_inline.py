"""Inline XBRL and xBRL-CSV: every seed, corpus release and the example convert to both with zero Arelle
findings (offline, with the project's taxonomy package), and Arelle reads the same facts from the XBRL 2.1
instance, the xBRL-JSON, the xBRL-CSV and the inline XBRL document; figures are tagged where they are printed,
with the transformation and scale that give back the fact's value; broken source HTML still gives a page
Arelle accepts."""
from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from converter.api import entry_of, write
from converter.pipeline import Trace, convert_text
from converter.readers.source import read_release

from .conftest import shared_path
from .test_conformance import CORPUS, EXAMPLE, SEEDS, _doc

IX = "{http://www.xbrl.org/2013/inlineXBRL}"
XHTML = "{http://www.w3.org/1999/xhtml}"
FORMATS = [("xbrl", "xml"), ("json", "json"), ("csv", "csv"), ("ixbrl", "htm")]


def convert_path(path: Path):
    release, trace = read_release(path), Trace()
    result = convert_text(release.text, source=str(path), layout=release.layout, trace=trace)
    return release, trace, result


def write_all_formats(path: Path, folder: Path) -> tuple[object, dict[str, Path]]:
    release, trace, result = convert_path(path)
    outs = {}
    for to, ext in FORMATS:
        out = folder / f"report-{to}.{ext}"
        write(result, out, to, release.text, trace.document)
        outs[to] = entry_of(to, out)
    return result, outs


@pytest.mark.arelle
@pytest.mark.parametrize("folder,name", SEEDS + EXAMPLE + CORPUS)
def test_all_formats_are_clean_and_state_the_same_facts(folder, name, tmp_path):
    pytest.importorskip("arelle")
    from converter.validate.arelle_runner import arelle_facts
    result, outs = write_all_formats(_doc(folder, name), tmp_path)
    read = {}
    for to, path in outs.items():
        facts, findings = arelle_facts(path)
        if to in ("ixbrl", "csv"):
            assert findings == [], (to, findings[:3])
        else:
            assert [f for f in findings if f["level"] in ("error", "critical", "fatal")] == [], (to, findings[:3])
        read[to] = facts
    assert len(read["xbrl"]) >= len(result.facts) > 0
    for to in ("json", "csv", "ixbrl"):
        assert read[to] == read["xbrl"], (to, sorted(read[to] ^ read["xbrl"])[:4])


def _ix_facts(path: Path):
    root = etree.parse(str(path)).getroot()
    return root, [el for el in root.iter(f"{IX}nonFraction")]


def _hidden(el) -> bool:
    return any(a.tag == f"{IX}hidden" for a in el.iterancestors())


def test_figures_are_tagged_where_printed_with_their_value(tmp_path):
    path = Path(__file__).resolve().parent.parent / "examples" / "acme-q3-2025.txt"
    release, trace, result = convert_path(path)
    out = tmp_path / "acme.htm"
    write(result, out, "ixbrl", release.text, trace.document)
    root, tags = _ix_facts(out)
    body = root.find(f"{XHTML}body")
    assert body.find(f"{XHTML}pre") is not None             # a text release is shown as printed
    shown = [el for el in tags if not _hidden(el)]
    assert len(shown) >= 0.9 * len(result.facts)
    for el in shown:
        assert el.get("format") in ("ixt:num-dot-decimal", "ixt:fixed-zero")
        if el.get("format") == "ixt:num-dot-decimal":
            assert el.text in release.text           # the printed figure, as printed
            value = Decimal(el.text.replace(",", "")).scaleb(int(el.get("scale")))
            value = -value if el.get("sign") == "-" else value
            matches = [f for f in result.facts if f.concept == el.get("name") and f.value == value]
            assert matches, (el.get("name"), el.text, el.get("scale"))
    # the revenue line of the statement: thousands, so scale 3
    revenue = [el for el in shown if el.get("name") == "us-gaap:Revenues" and el.get("scale") == "3"]
    assert revenue


def test_negative_and_dash_figures(tmp_path):
    path = shared_path("corpus", "adobe-fy2023q1.html")
    release, trace, result = convert_path(path)
    out = tmp_path / "adobe.htm"
    write(result, out, "ixbrl", release.text, trace.document)
    root, tags = _ix_facts(out)
    negative = {f.concept for f in result.facts if f.value < 0}
    signed = [el for el in tags if el.get("sign") == "-"]
    assert signed and {el.get("name") for el in signed} <= negative
    assert all(not el.text.startswith(("(", "-")) for el in signed)   # the sign is an attribute, not text
    zeros = [el for el in tags if el.get("format") == "ixt:fixed-zero"]
    assert zeros and all(el.text.strip() in ("\u2014", "\u2013", "-") for el in zeros)


BROKEN_HTML = """<html><head><title>Broken & Co</title><script>var x = "<p>";</script></head>
<body><center><font size=4><p>BROKEN CO REPORTS RESULTS</font></center>
<p>Loose <b>bold <div>block in inline</div></b> text
<img src="logo.png"><p id=a id=a>Revenue for the three months ended September 30, 2025 was $12.5 million.
<table border=1 align=center bgcolor=#eeeeee><font>stray text</font>
<tr><td>(in thousands)<td align=right>Three Months Ended September 30, 2025<td>Three Months Ended September 30, 2024
<tr><td>Revenues<td align=right>12,500<td>11,000
<tr><td>Cost of revenues<td>7,000<td>6,000
<tr><td>Gross profit<td>5,500<td>5,000
<tr></tr>
</table>
<ul>stray<li>item</ul><table></table>
"""


@pytest.mark.arelle
def test_broken_html_gives_a_page_arelle_accepts(tmp_path):
    pytest.importorskip("arelle")
    from converter.validate.arelle_runner import arelle_facts
    trace = Trace()
    result = convert_text(BROKEN_HTML, source="broken.htm", layout="html", trace=trace)
    assert result.facts
    out = tmp_path / "broken.htm"
    write(result, out, "ixbrl", BROKEN_HTML, trace.document)
    facts, findings = arelle_facts(out)
    assert findings == []
    text = out.read_text()
    assert "<font" not in text and "<center" not in text and "<img" not in text and "<script" not in text
    root, tags = _ix_facts(out)
    assert any(el.text == "12,500" and not _hidden(el) for el in tags)


def test_csv_table_reads_as_a_plain_table(tmp_path):
    path = Path(__file__).resolve().parent.parent / "examples" / "acme-q3-2025.txt"
    release, trace, result = convert_path(path)
    out = tmp_path / "acme.csv"
    write(result, out, "csv", release.text, trace.document)
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(result.facts) + sum(1 for r in rows if r["id"].startswith("cover-"))
    numeric = [r for r in rows if r["decimals"]]
    assert {r["concept"] for r in numeric} == {f.concept for f in result.facts}
    assert all(Decimal(r["value"]) == Decimal(r["value"]) for r in numeric)
    assert (tmp_path / "acme-metadata.json").is_file()
