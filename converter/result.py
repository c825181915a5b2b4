"""What one conversion gives: the facts, who they are about, what checks found, and the taxonomy they use.

Emitters and validators take a ConversionResult and nothing else.
"""
from __future__ import annotations

from dataclasses import field
from datetime import date
from typing import Optional

from .model import Entity, Fact, Finding
from .taxonomy import Taxonomy
from .dataclass_code import dataclass


@dataclass
class DocumentInfo:
    source: str                          # input file name
    layout: str                          # detected or forced reader
    document_type: str = "8-K"
    period_end: Optional[date] = None    # dei:DocumentPeriodEndDate, the latest period the release reports
    issuer_prefix: str = ""              # extension prefix when an issuer file applied, else ""


@dataclass
class ConversionResult:
    facts: list[Fact]
    entity: Entity
    taxonomy: Taxonomy
    info: DocumentInfo
    findings: list[Finding] = field(default_factory=list)
    rejected: list[tuple[Fact, str]] = field(default_factory=list)   # facts dropped in merging, and why
