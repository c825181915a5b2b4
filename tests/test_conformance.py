"""Every document the converter handles: both outputs load in Arelle with zero errors and zero warnings
(XBRL 2.1, Dimensions, Calculations 1.1, UTR, inconsistent duplicates), and the XML instance and the
xBRL-JSON state the same facts."""
from __future__ import annotations

import pytest

from converter import convert, write
from converter.emit import render_json, render_xbrl
from converter.validate import arelle_check

from .conftest import SHARED, shared_path
from .test_roundtrip import parse_json, parse_xml

SEEDS = [("seeds", "000_e1d86a0c375ce1d9.txt"), ("seeds", "004_673ef67ef54b2d8e.txt")]
CORPUS = sorted(("corpus", p.name) for p in (SHARED / "corpus").glob("*") if p.suffix in (".txt", ".html")) \
    if (SHARED / "corpus").is_dir() else []
EXAMPLE = [("example", "acme-q3-2025.txt")]


def _doc(folder, name):
    if folder == "example":
        from pathlib import Path
        return Path(__file__).resolve().parent.parent / "examples" / name
    return shared_path(folder, name)


@pytest.mark.arelle
@pytest.mark.parametrize("folder,name", SEEDS + EXAMPLE)
@pytest.mark.parametrize("to,ext", [("xbrl", "xml"), ("json", "json")])
def test_seed_outputs_load_in_arelle_clean(folder, name, to, ext, tmp_path):
    pytest.importorskip("arelle")
    result = convert(_doc(folder, name))
    out = tmp_path / f"report.{ext}"
    write(result, out, to)
    assert arelle_check(out) == []


@pytest.mark.arelle
@pytest.mark.parametrize("folder,name", CORPUS)
def test_corpus_xml_loads_in_arelle_without_errors(folder, name, tmp_path):
    """Corpus documents may carry real inconsistencies in the source (Adobe's financing total); none may
    break XBRL itself."""
    pytest.importorskip("arelle")
    result = convert(_doc(folder, name))
    out = tmp_path / "report.xml"
    write(result, out, "xbrl")
    errors = [p for p in arelle_check(out) if p["level"] in ("error", "critical", "fatal")]
    assert errors == []


@pytest.mark.parametrize("folder,name", SEEDS + EXAMPLE + CORPUS)
def test_xml_and_json_carry_the_same_facts(folder, name):
    result = convert(_doc(folder, name))
    assert parse_xml(render_xbrl(result, "report.xsd")) == parse_json(render_json(result, "report.xsd"))
