"""The instance view: a ConversionResult turned into the plain rows both instance templates place.

Fact ids, context ids, unit ids, lexical values and namespace prefixes are decided here, once, so that the
XBRL 2.1 instance and the xBRL-JSON report are two spellings of the same list, and so that the order (and so the
bytes) never depends on the order facts arrived in or on hash seeds.
"""
from __future__ import annotations

from typing import NamedTuple, Optional

from ..model import Period
from ..result import ConversionResult
from .cover import cover_facts
from .formats import (ISO4217_NS, XBRLI_NS, EntitySpec, UnitSpec, context_id, entity_spec, fact_sort_key,
                      format_value, oim_period, oim_unit, period_key, split_qname, unit_spec)
from ..dataclass_code import dataclass

# Namespaces of the base taxonomies, used when the taxonomy file does not name them.
DEFAULT_NAMESPACES = {
    "us-gaap": "http://fasb.org/us-gaap/2024",
    "srt": "http://fasb.org/srt/2024",
    "dei": "http://xbrl.sec.gov/dei/2024",
}
# A prefix used by a fact but declared nowhere gets a namespace that says it is ours, not a guess at theirs.
FALLBACK_NAMESPACE_BASE = "urn:xbrlify:ext:"


class FactView(NamedTuple):
    """A tuple, so that the JSON template unpacks each row in its loop (Jinja looks every `f.x` up through
    its environment's getattr: nine calls a fact); the XML templates read it by name."""
    id: str
    concept: str
    value: str
    decimals: Optional[int]       # None for a non-numeric (dei) fact
    context: str                  # context id
    unit: Optional[str]           # unit id; None for a non-numeric fact
    oim_period: str
    oim_unit: Optional[str]       # None for non-numeric and pure facts
    dims: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ContextView:
    id: str
    start: Optional[str]          # ISO date, None for an instant
    end: str                      # ISO date, inclusive as in XBRL 2.1
    dims: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ReportView:
    namespaces: dict[str, str]    # prefix -> URI, sorted by prefix
    entity: EntitySpec
    facts: list[FactView]
    contexts: list[ContextView]
    units: list[UnitSpec]

    @property
    def has_dims(self) -> bool:
        return any(c.dims for c in self.contexts)


def used_qnames(result: ConversionResult) -> list[str]:
    """Every concept, axis and member QName the instance will use, cover facts included."""
    names = {f.concept for f in result.facts} | {c.concept for c in cover_facts(result)}
    for f in result.facts:
        for axis, member in f.dims:
            names.update((axis, member))
    return sorted(names)


def namespace_map(result: ConversionResult) -> dict[str, str]:
    """prefix -> namespace for every prefix the outputs use, from the taxonomy first, then the defaults."""
    known = {**DEFAULT_NAMESPACES, **result.taxonomy.namespaces}
    ns = {"xbrli": XBRLI_NS, "iso4217": ISO4217_NS}
    for prefix in ("us-gaap", "srt", "dei"):
        ns[prefix] = known[prefix]
    if result.info.issuer_prefix and result.info.issuer_prefix in known:
        ns[result.info.issuer_prefix] = known[result.info.issuer_prefix]
    for qname in used_qnames(result):
        prefix, _ = split_qname(qname)
        ns.setdefault(prefix, known.get(prefix, FALLBACK_NAMESPACE_BASE + prefix))
    entity = entity_spec(result.entity)
    if ns.get(entity.prefix, entity.scheme) != entity.scheme:
        raise ValueError(f"entity scheme prefix {entity.prefix!r} clashes with a concept prefix")
    ns[entity.prefix] = entity.scheme
    return dict(sorted(ns.items()))


def build_report(result: ConversionResult) -> ReportView:
    """Sort, number and spell every fact; collect the contexts and units they refer to."""
    contexts: dict[tuple, ContextView] = {}
    taken: set[str] = set()

    def context_for(period: Period, dims: tuple) -> str:
        key = (period_key(period), dims)
        if key not in contexts:
            base = cid = context_id(period, dims)
            n = 2
            while cid in taken:
                cid, n = f"{base}_{n}", n + 1
            taken.add(cid)
            contexts[key] = ContextView(cid, period.start.isoformat() if period.start else None,
                                        period.end.isoformat(), dims)
        return contexts[key].id

    facts: list[FactView] = []
    for cover in cover_facts(result):
        facts.append(FactView(f"cover-{split_qname(cover.concept)[1]}", cover.concept, cover.value, None,
                              context_for(cover.period, ()), None, oim_period(cover.period), None, ()))

    ordered = sorted(result.facts, key=fact_sort_key)
    width = max(3, len(str(len(ordered))))
    units: dict[str, UnitSpec] = {}
    for i, f in enumerate(ordered, 1):
        dims = tuple(sorted(f.dims))
        spec = unit_spec(f.unit)
        units[spec.id] = spec
        facts.append(FactView(f"f{i:0{width}d}", f.concept, format_value(f.value, f.decimals), int(f.decimals),
                              context_for(f.period, dims), spec.id, oim_period(f.period), oim_unit(f.unit), dims))

    ordered_contexts = [contexts[k] for k in sorted(contexts)]
    return ReportView(namespace_map(result), entity_spec(result.entity), facts, ordered_contexts,
                      [units[k] for k in sorted(units)])
