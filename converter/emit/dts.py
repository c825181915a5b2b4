"""The taxonomy view: which elements, labels, calculations and dimensional relationships the instance needs.

Concepts under the official prefixes (us-gaap, srt, dei) are declared by the official taxonomies, which the entry
schema imports by their entry-point URLs (taxonomies/official.py); offline, the taxonomy package stands in for
them (taxonomies/package.py). Only what lives in a namespace of ours is declared here: the issuer's extension
concepts, the project's own extension concepts, the hypercube. What goes where is decided here; the templates
only spell it.

Two rules keep Arelle quiet on consistent data:
- a calculation is written only when, in every context and unit where its total and any of its items occur,
  all of its items occur (Calculations 1.1 would otherwise check a partial sum), when at least one such
  complete context exists, and when its weights agree with the concepts' balances (XBRL 2.1 5.1.1.2);
- each calculation gets its own extended link role, so two summations with the same total never add up
  into one.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import field
from typing import Optional

from ..result import ConversionResult
from ..taxonomy import Calculation, ConceptDef
from ..taxonomies.official import ENTRY_POINTS
from ..taxonomies.official import official_elements
from ..taxonomies.package import declared_qnames
from .cover import DEI_COVER_CONCEPTS, cover_facts
from .formats import period_key, split_qname, unit_spec, xml_safe
from .report import namespace_map
from ..rulebook.regex_code import kept_re
from ..dataclass_code import dataclass

ITEM_TYPES = {
    "monetary": "xbrli:monetaryItemType",
    "perShare": "num:perShareItemType",
    "shares": "xbrli:sharesItemType",
    "percent": "num:percentItemType",
    "pure": "xbrli:pureItemType",
    "decimal": "xbrli:decimalItemType",
    "string": "xbrli:stringItemType",
    "date": "xbrli:dateItemType",
}
NUMERIC_TYPES = {"monetary", "perShare", "shares", "percent", "pure", "decimal"}

# The srt axes guidance uses, with the domains (and so dimension defaults) they have in SRT.
AXIS_DOMAINS = {
    "srt:StatementScenarioAxis": "srt:ScenarioUnspecifiedDomain",
    "srt:RangeAxis": "srt:RangeMember",
    # the axes a table rule's segment columns may use (rulebook/model.TableRule.axis)
    "us-gaap:StatementBusinessSegmentsAxis": "us-gaap:SegmentDomain",
    "srt:ProductOrServiceAxis": "srt:ProductsAndServicesDomain",
    "srt:StatementGeographicalAxis": "srt:SegmentGeographicalDomain",
    "srt:ConsolidationItemsAxis": "srt:ConsolidationItemsDomain",
}
KNOWN_LABELS = {
    "srt:StatementScenarioAxis": "Statement Scenario [Axis]",
    "srt:ScenarioUnspecifiedDomain": "Scenario, Unspecified [Domain]",
    "srt:ScenarioForecastMember": "Forecast [Member]",
    "srt:RangeAxis": "Range [Axis]",
    "srt:RangeMember": "Range [Domain]",
    "srt:MinimumMember": "Minimum [Member]",
    "srt:MaximumMember": "Maximum [Member]",
}
HYPERCUBE_LOCAL = "ReportTable"
ENTRY_PREFIX = "xbrlify-report"   # only inside our files; the instance never names the hypercube
ENTRY_NAMESPACE_BASE = "urn:xbrlify:report:"
CALC_ROLE_BASE = "urn:xbrlify:role:calculation:"
_NCNAME_BAD = kept_re(r"[^A-Za-z0-9._-]")


@dataclass(frozen=True)
class Element:
    """One xs:element of an extension schema or of the taxonomy package."""
    name: str
    id: str
    type: str
    substitution_group: str = "xbrli:item"
    period_type: str = "duration"
    balance: Optional[str] = None
    abstract: bool = False


@dataclass
class Schema:
    filename: str
    prefix: str
    namespace: str
    elements: list[Element] = field(default_factory=list)

    @property
    def uses(self) -> set[str]:
        """Prefixes of the type and substitution-group QNames, to know which base schemas to import."""
        return {e.type.split(":")[0] for e in self.elements} | {e.substitution_group.split(":")[0]
                                                                 for e in self.elements}


@dataclass(frozen=True)
class Loc:
    label: str    # xlink:label inside the extended link
    href: str     # FILE.xsd#ELEMENT-ID


@dataclass(frozen=True)
class Arc:
    arcrole: str
    source: Loc
    target: Loc
    order: int
    weight: Optional[int] = None
    extra: tuple[tuple[str, str], ...] = ()   # xbrldt:closed, xbrldt:contextElement


@dataclass(frozen=True)
class Network:
    role: str
    role_id: Optional[str]        # roleType id in the entry schema, None for the standard role
    definition: str
    locs: tuple[Loc, ...]
    arcs: tuple[Arc, ...]


@dataclass
class TaxonomyView:
    stem: str
    entry: Schema
    schemas: list[Schema]          # one per extension prefix (ours or the issuer's), sorted
    labels: list[tuple[Loc, str]]  # (loc, standard label)
    calculations: list[Network]
    definitions: list[Network]
    skipped_calculations: list[tuple[str, str]]   # (calculation id, why), for reports

    def file(self, kind: str) -> str:
        return {"entry": f"{self.stem}.xsd", "lab": f"{self.stem}_lab.xml", "cal": f"{self.stem}_cal.xml",
                "def": f"{self.stem}_def.xml"}[kind]


def safe_stem(stem: str) -> str:
    return _NCNAME_BAD.sub("_", stem) or "report"


def concept_def(result: ConversionResult, qname: str) -> ConceptDef:
    """The taxonomy's definition; else the dei cover definition; else one inferred from the facts' unit and period."""
    found = result.taxonomy.get(qname) or DEI_COVER_CONCEPTS.get(qname)
    if found:
        return found
    facts = [f for f in result.facts if f.concept == qname]
    kind = "decimal"
    if facts:
        spec = unit_spec(facts[0].unit)
        if spec.denominator == "xbrli:shares" and spec.numerator.startswith("iso4217:"):
            kind = "perShare"
        elif spec.denominator is None and spec.numerator.startswith("iso4217:"):
            kind = "monetary"
        elif spec.denominator is None and spec.numerator in ("xbrli:shares", "xbrli:pure"):
            kind = spec.numerator.split(":")[1]
    period = "instant" if facts and all(f.period.is_instant for f in facts) else "duration"
    return ConceptDef(qname, kind, period, _words(split_qname(qname)[1]))


def _words(local: str) -> str:
    """A readable label from a local name: ScenarioForecastMember -> Scenario Forecast [Member]."""
    for suffix in ("Axis", "Member", "Domain", "Table"):
        if local.endswith(suffix) and local != suffix:
            return f"{_words(local[: -len(suffix)])} [{suffix}]"
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", local)


def domain_of(axis: str) -> str:
    if axis in AXIS_DOMAINS:
        return AXIS_DOMAINS[axis]
    prefix, local = split_qname(axis)
    return f"{prefix}:{local[:-4] if local.endswith('Axis') else local}Domain"


def element_id(qname: str) -> str:
    prefix, local = split_qname(qname)
    return f"{prefix}_{local}"


def build_taxonomy(result: ConversionResult, stem: str) -> TaxonomyView:
    stem = safe_stem(stem)
    ns = namespace_map(result)
    entry = Schema(f"{stem}.xsd", ENTRY_PREFIX, ENTRY_NAMESPACE_BASE + stem)
    by_prefix: dict[str, Schema] = {}
    labels: dict[str, str] = {}      # qname -> label
    hrefs: dict[str, str] = {}       # qname -> FILE#ID

    official = declared_qnames()

    def declare(qname: str, element: Element, label: str, schema: Optional[Schema] = None) -> None:
        if qname in hrefs:
            return
        prefix, _ = split_qname(qname)
        if schema is None and prefix in ENTRY_POINTS:
            # declared by the official taxonomy: referenced, never declared in its namespace by us
            if qname not in official and qname not in official_elements():
                raise ValueError(f"{qname} is not among the official elements the project declares "
                                 f"(rules/taxonomy.yaml); it cannot be written under the official namespace")
            if ns[prefix] != ENTRY_POINTS[prefix].namespace:
                raise ValueError(f"prefix {prefix} is bound to {ns[prefix]}, not the official "
                                 f"{ENTRY_POINTS[prefix].namespace}")
            labels[qname] = xml_safe(label)
            hrefs[qname] = f"{ENTRY_POINTS[prefix].url}#{element.id}"
            return
        if schema is None:
            schema = by_prefix.setdefault(prefix, Schema(f"{stem}-{prefix}.xsd", prefix, ns[prefix]))
        schema.elements.append(element)
        labels[qname] = xml_safe(label)
        hrefs[qname] = f"{schema.filename}#{element.id}"

    concepts = sorted({f.concept for f in result.facts} | _cover_concepts(result))
    defs = {q: concept_def(result, q) for q in concepts}
    for q in concepts:
        d = defs[q]
        declare(q, Element(split_qname(q)[1], element_id(q), ITEM_TYPES.get(d.type, "xbrli:stringItemType"),
                           period_type=d.period, balance=d.balance if d.type == "monetary" else None), d.label)

    axes: dict[str, set[str]] = defaultdict(set)
    primaries: set[str] = set()
    for f in result.facts:
        for axis, member in f.dims:
            axes[axis].add(member)
            primaries.add(f.concept)
    for axis in sorted(axes):
        domain = domain_of(axis)
        declare(axis, Element(split_qname(axis)[1], element_id(axis), "xbrli:stringItemType",
                              "xbrldt:dimensionItem", abstract=True), _label(axis))
        for m in sorted(axes[axis] | {domain}):
            declare(m, Element(split_qname(m)[1], element_id(m), "nonnum:domainItemType", abstract=True),
                    _label(m))
    hypercube = f"{ENTRY_PREFIX}:{HYPERCUBE_LOCAL}"
    if axes:
        declare(hypercube, Element(HYPERCUBE_LOCAL, element_id(hypercube), "xbrli:stringItemType",
                                   "xbrldt:hypercubeItem", abstract=True), "Report [Table]", schema=entry)

    loc = {q: Loc(f"loc_{element_id(q)}", h) for q, h in hrefs.items()}
    calcs, skipped = _calculations(result, defs, loc)
    definitions = _dimensions(axes, primaries, hypercube, loc) if axes else []
    return TaxonomyView(stem, entry, [by_prefix[p] for p in sorted(by_prefix)],
                        [(loc[q], labels[q]) for q in sorted(labels)], calcs, definitions, skipped)


def _cover_concepts(result: ConversionResult) -> set[str]:
    return {c.concept for c in cover_facts(result)}


def _label(qname: str) -> str:
    return KNOWN_LABELS.get(qname) or _words(split_qname(qname)[1])


def _dimensions(axes: dict[str, set[str]], primaries: set[str], hypercube: str,
                loc: dict[str, Loc]) -> list[Network]:
    """Two standard-role links: each dimensional primary item -> closed hypercube in the scenario -> axes ->
    domain -> the members facts use; and axis -> domain as the dimension default. The defaults sit in a
    link of their own because XLink forbids two arcs between the same locators in one link."""
    arcs, used, defaults = [], {hypercube}, []
    for i, p in enumerate(sorted(primaries), 1):
        arcs.append(Arc("http://xbrl.org/int/dim/arcrole/all", loc[p], loc[hypercube], i,
                        extra=(("xbrldt:closed", "true"), ("xbrldt:contextElement", "scenario"))))
        used.add(p)
    for i, axis in enumerate(sorted(axes), 1):
        domain = domain_of(axis)
        used.update((axis, domain))
        arcs.append(Arc("http://xbrl.org/int/dim/arcrole/hypercube-dimension", loc[hypercube], loc[axis], i))
        arcs.append(Arc("http://xbrl.org/int/dim/arcrole/dimension-domain", loc[axis], loc[domain], 1))
        defaults.append(Arc("http://xbrl.org/int/dim/arcrole/dimension-default", loc[axis], loc[domain], 1))
        for j, m in enumerate(sorted(axes[axis] - {domain}), 1):
            used.add(m)
            arcs.append(Arc("http://xbrl.org/int/dim/arcrole/domain-member", loc[domain], loc[m], j))
    role = "http://www.xbrl.org/2003/role/link"
    default_locs = sorted({a.source for a in defaults} | {a.target for a in defaults}, key=lambda l: l.label)
    return [Network(role, None, "Dimensions", tuple(loc[q] for q in sorted(used)), tuple(arcs)),
            Network(role, None, "Dimension defaults", tuple(default_locs), tuple(defaults))]


def _calculations(result: ConversionResult, defs: dict[str, ConceptDef],
                  loc: dict[str, Loc]) -> tuple[list[Network], list[tuple[str, str]]]:
    present: dict[tuple, set[str]] = defaultdict(set)
    for f in result.facts:
        present[(period_key(f.period), tuple(sorted(f.dims)), f.unit)].add(f.concept)
    networks, skipped = [], []
    for calc in result.taxonomy.calculations:
        why = _calc_problem(calc, defs, present)
        if why:
            skipped.append((calc.id, why))
            continue
        role_id = "calc_" + _NCNAME_BAD.sub("_", calc.id)
        arcs = tuple(Arc("https://xbrl.org/2023/arcrole/summation-item", loc[calc.total], loc[item], i,
                         weight=weight) for i, (item, weight) in enumerate(calc.items, 1))
        locs = tuple(loc[q] for q in sorted({calc.total, *(i for i, _ in calc.items)}))
        networks.append(Network(CALC_ROLE_BASE + calc.id, role_id, f"Calculation {calc.id}", locs, arcs))
    networks.sort(key=lambda n: n.role)
    return networks, sorted(skipped)


def _calc_problem(calc: Calculation, defs: dict[str, ConceptDef], present: dict[tuple, set[str]]) -> str:
    """Why a calculation cannot be written for these facts, or "" when it can."""
    items = {i for i, _ in calc.items}
    complete = partial = False
    for concepts in present.values():
        if calc.total in concepts:
            n = len(items & concepts)
            complete |= n == len(items)
            partial |= 0 < n < len(items)
    if not complete:
        return "no context holds the total and all its items"
    for concepts in present.values():
        left_out = sorted(set(calc.unless) & concepts) if calc.total in concepts else []
        if left_out:
            return f"a context holds {left_out[0]}, which the summation leaves out"
    if partial:
        return "some context holds the total with only part of its items"
    for q in (calc.total, *items):
        if defs[q].type not in NUMERIC_TYPES:
            return f"{q} is not numeric"
    total_balance = defs[calc.total].balance
    for item, weight in calc.items:
        if weight == 0:
            return f"{item} has weight 0"
        balance = defs[item].balance
        if total_balance and balance and (balance == total_balance) != (weight > 0):
            return f"weight {weight} of {item} ({balance}) contradicts {calc.total} ({total_balance})"
    return ""
