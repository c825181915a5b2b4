"""The offline taxonomy package: a Taxonomy Packages 1.0 zip whose catalog remaps the official entry points to
declarations of the elements the project writes, with their official types; and Arelle needs it (without it,
the official entry points cannot be loaded offline)."""
from __future__ import annotations

import io
import posixpath
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from converter.pipeline import base_taxonomy
from converter.taxonomies.official import ENTRY_POINTS, OFFICIAL_TYPE, official_elements
from converter.taxonomies.package import PACKAGE_ROOT, package_bytes, package_files, write_package

sys.path.insert(0, str(Path(__file__).parent))
from conftest_emit import synthetic_result  # noqa: E402

XS = "{http://www.w3.org/2001/XMLSchema}"
XBRLI = "{http://www.xbrl.org/2003/instance}"


def _zip() -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(package_bytes()))


def test_package_layout_and_catalog():
    names = _zip().namelist()
    assert f"{PACKAGE_ROOT}/META-INF/taxonomyPackage.xml" in names
    assert f"{PACKAGE_ROOT}/META-INF/catalog.xml" in names
    catalog = etree.fromstring(_zip().read(f"{PACKAGE_ROOT}/META-INF/catalog.xml"))
    rewrites = {r.get("uriStartString"): r.get("rewritePrefix") for r in catalog}
    assert set(rewrites) == {ep.base for ep in ENTRY_POINTS.values()}
    for ep in ENTRY_POINTS.values():   # each entry point lands on a schema inside the zip
        inside = posixpath.normpath(f"{PACKAGE_ROOT}/META-INF/{rewrites[ep.base]}{ep.url[len(ep.base):]}")
        assert inside in names, inside
    meta = etree.fromstring(_zip().read(f"{PACKAGE_ROOT}/META-INF/taxonomyPackage.xml"))
    tp = "{http://xbrl.org/2016/taxonomy-package}"
    assert {e.get("href") for e in meta.iter(f"{tp}entryPointDocument")} == {ep.url for ep in ENTRY_POINTS.values()}


def test_package_is_byte_for_byte_reproducible(tmp_path):
    assert package_bytes() == package_bytes()
    assert write_package(tmp_path).read_bytes() == package_bytes()
    assert write_package(tmp_path / "p.zip").name == "p.zip"


def test_package_declares_every_official_concept_of_the_taxonomy_with_its_official_type():
    declared = {}
    for name, text in package_files().items():
        if name.endswith(".xsd"):
            root = etree.fromstring(text.encode())
            prefix = {v: k for k, v in root.nsmap.items()}[root.get("targetNamespace")]
            for e in root.iter(f"{XS}element"):
                declared[f"{prefix}:{e.get('name')}"] = e
    official = official_elements()
    for name, d in base_taxonomy().concepts.items():
        if name.split(":")[0] not in ENTRY_POINTS or name not in official:
            continue     # not an official element: test_official_taxonomy says so
        e = declared[name]
        assert e.get("type").split(":")[1] == official[name].type == OFFICIAL_TYPE[d.type], name
        assert e.get(f"{XBRLI}periodType") == d.period, name
    assert "dei:EntityCentralIndexKey" in declared and "srt:ScenarioForecastMember" in declared
    assert declared["dei:EntityCentralIndexKey"].get("type") == "dei:centralIndexKeyItemType"


@pytest.mark.arelle
def test_arelle_needs_the_package_offline(tmp_path):
    pytest.importorskip("arelle")
    from converter.emit import write_outputs
    from converter.validate import arelle_check
    out = tmp_path / "report.xml"
    write_outputs(synthetic_result(), out, "xbrl")
    assert arelle_check(out) == []
    without = arelle_check(out, packages=[])
    assert any("us-gaap-2024.xsd" in f["message"] for f in without)
