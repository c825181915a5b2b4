"""Round trip: the XBRL 2.1 instance and the xBRL-JSON report, parsed back independently of the emitter, state
the same facts, and they are the facts of the ConversionResult (plus the dei cover facts).

QNames are compared in Clark notation ({namespace}local) so that a prefix mix-up cannot hide."""
from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).parent))
from conftest_emit import synthetic_result  # noqa: E402

from converter.emit import render_json, render_xbrl
from converter.emit.cover import cover_facts
from converter.emit.report import namespace_map

XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
SKIP = {XBRLI, "http://www.xbrl.org/2003/linkbase"}


def clark(qname: str, nsmap: dict) -> str:
    prefix, local = qname.split(":", 1)
    return f"{{{nsmap[prefix]}}}{local}"


def parse_xml(text: str) -> set[tuple]:
    root = etree.fromstring(text.encode())
    contexts = {}
    for c in root.iterfind(f"{{{XBRLI}}}context"):
        ident = c.find(f".//{{{XBRLI}}}identifier")
        instant = c.findtext(f".//{{{XBRLI}}}instant")
        period = (None, instant) if instant else (c.findtext(f".//{{{XBRLI}}}startDate"),
                                                    c.findtext(f".//{{{XBRLI}}}endDate"))
        dims = frozenset((clark(m.get("dimension"), m.nsmap), clark(m.text.strip(), m.nsmap))
                         for m in c.iterfind(f".//{{{XBRLDI}}}explicitMember"))
        contexts[c.get("id")] = ((ident.get("scheme"), ident.text.strip()), period, dims)
    units = {}
    for u in root.iterfind(f"{{{XBRLI}}}unit"):
        measures = [clark(m.text.strip(), m.nsmap) for m in u.iter(f"{{{XBRLI}}}measure")]
        units[u.get("id")] = "/".join(measures)
    facts = set()
    for el in root:
        if not isinstance(el.tag, str) or etree.QName(el).namespace in SKIP:
            continue
        entity, period, dims = contexts[el.get("contextRef")]
        unit = units.get(el.get("unitRef"))
        value = Decimal(el.text) if unit else el.text
        decimals = int(el.get("decimals")) if el.get("decimals") is not None else None
        facts.add((el.tag, entity, period, dims, unit, value, decimals))
    return facts


def parse_json(text: str) -> set[tuple]:
    doc = json.loads(text)
    ns = doc["documentInfo"]["namespaces"]
    facts = set()
    for f in doc["facts"].values():
        d = dict(f["dimensions"])
        concept, entity, period, unit = d.pop("concept"), d.pop("entity"), d.pop("period"), d.pop("unit", None)
        prefix, ident = entity.split(":", 1)
        points = [date.fromisoformat(p[:10]) for p in period.split("/")]
        points[-1] -= timedelta(days=1)                       # OIM end-exclusive midnight -> XBRL date
        per = (None, points[0].isoformat()) if len(points) == 1 else tuple(p.isoformat() for p in points)
        numeric = "decimals" in f
        unit_c = "/".join(clark(m, ns) for m in unit.split("/")) if unit else (
            f"{{{XBRLI}}}pure" if numeric else None)
        dims = frozenset((clark(a, ns), clark(m, ns)) for a, m in d.items())
        value = Decimal(f["value"]) if numeric else f["value"]
        facts.add((clark(concept, ns), (ns[prefix], ident), per, dims, unit_c, value, f.get("decimals")))
    return facts


def expected(result) -> set[tuple]:
    ns = namespace_map(result)
    entity = ("http://www.sec.gov/CIK", "0000855654")
    units = {"USD": "{http://www.xbrl.org/2003/iso4217}USD", "shares": f"{{{XBRLI}}}shares",
             "USD/shares": f"{{http://www.xbrl.org/2003/iso4217}}USD/{{{XBRLI}}}shares"}

    def period(p):
        return (p.start.isoformat() if p.start else None, p.end.isoformat())

    facts = {(clark(f.concept, ns), entity, period(f.period),
              frozenset((clark(a, ns), clark(m, ns)) for a, m in f.dims), units[f.unit], f.value, f.decimals)
             for f in result.facts}
    facts |= {(clark(c.concept, ns), entity, period(c.period), frozenset(), None, c.value, None)
              for c in cover_facts(result)}
    return facts


def test_xml_and_json_state_the_same_facts_as_the_result():
    result = synthetic_result()
    from_xml = parse_xml(render_xbrl(result, "r.xsd"))
    from_json = parse_json(render_json(result, "r.xsd"))
    assert from_xml == from_json
    assert from_xml == expected(result)
    assert len(from_xml) == len(result.facts) + len(cover_facts(result))
