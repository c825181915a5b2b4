"""The dei cover facts: who filed, which document, which period, said in the same instance as the numbers.

They come from the Entity and DocumentInfo, not from rules, so the emitter derives them here. The XBRL 2.1 and
the xBRL-JSON outputs both carry them, so that the two outputs state the same facts.
"""
from __future__ import annotations

from typing import Optional

from ..model import Period
from ..result import ConversionResult
from ..taxonomy import ConceptDef
from .formats import entity_spec, xml_safe
from ..dataclass_code import dataclass

# What the emitter needs to know of the dei concepts we write (label, period, string or date); their
# declarations, with the official dei types, are the official taxonomy's (and the taxonomy package's).
DEI_COVER_CONCEPTS = {
    "dei:DocumentType": ConceptDef("dei:DocumentType", "string", "duration", "Document Type"),
    "dei:DocumentPeriodEndDate": ConceptDef("dei:DocumentPeriodEndDate", "date", "duration",
                                            "Document Period End Date"),
    "dei:EntityRegistrantName": ConceptDef("dei:EntityRegistrantName", "string", "duration",
                                           "Entity Registrant Name"),
    "dei:EntityCentralIndexKey": ConceptDef("dei:EntityCentralIndexKey", "string", "duration",
                                            "Entity Central Index Key"),
    "dei:TradingSymbol": ConceptDef("dei:TradingSymbol", "string", "duration", "Trading Symbol"),
}


@dataclass(frozen=True)
class CoverFact:
    concept: str
    value: str
    period: Period


def cover_period(result: ConversionResult) -> Optional[Period]:
    """The cover context: the report date as a one-day duration, as 8-K covers are. Without a known date,
    the latest end of a non-dimensional fact (never a guidance period); without facts, none."""
    end = result.info.period_end
    if end is None:
        ends = [f.period.end for f in result.facts if not f.dims]
        if not ends:
            return None
        end = max(ends)
    return Period(end=end, start=end)


def cover_facts(result: ConversionResult) -> list[CoverFact]:
    """The dei facts that are known, in a fixed order; empty when there is no period to put them in."""
    period = cover_period(result)
    if period is None:
        return []
    entity = entity_spec(result.entity)
    values = [
        ("dei:DocumentType", result.info.document_type or ""),
        ("dei:DocumentPeriodEndDate", result.info.period_end.isoformat() if result.info.period_end else ""),
        ("dei:EntityRegistrantName", result.entity.name or ""),
        ("dei:EntityCentralIndexKey", entity.identifier if entity.is_cik else ""),
        ("dei:TradingSymbol", result.entity.ticker or ""),
    ]
    return [CoverFact(c, xml_safe(v).strip(), period) for c, v in values if xml_safe(v).strip()]
