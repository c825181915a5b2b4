"""Compiled rules. A rule file is data; these classes are what the engine matches with."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import regex


@dataclass(frozen=True)
class RowRule:
    """A table-row rule: labels (regexes, full match on the normalized label) → concept."""
    id: str
    concept: str
    labels: tuple[regex.Pattern, ...]
    sign: str = "as-printed"            # as-printed | negate | expense | loss (see engine/tables.row_sign)
    section: Optional[regex.Pattern] = None       # required heading context (search)
    not_section: Optional[regex.Pattern] = None   # forbidden heading context (search)
    table: Optional[regex.Pattern] = None         # required in the table: caption, header, row labels (search)
    not_table: Optional[regex.Pattern] = None     # forbidden in the table (search)
    at: Optional[str] = None            # a balance read from a column of flows: at the period's "start" or "end"
    priority: int = 0
    origin: str = "base"                # base | issuer
    file: str = ""
    line: int = 0

    @property
    def specificity(self) -> int:
        return max(len(p.pattern) for p in self.labels)


@dataclass(frozen=True)
class PhraseRule:
    """A narrative rule: metric wordings (regexes, matched at word boundaries) → concept, with the sign the
    wording implies ("net loss" is negative, "cash used" is negative)."""
    id: str
    concept: str
    metrics: tuple[regex.Pattern, ...]
    sign: str = "positive"              # positive | negative | as-printed | inherit (per-share wordings)
    position: str = "before"            # before: "<metric> was $X"; after: "$X <metric>" ("per diluted share")
    not_after: Optional[regex.Pattern] = None   # words that, just before the metric, make it a sub-line
    contexts: tuple[str, ...] = ("narrative", "guidance")
    priority: int = 0
    origin: str = "base"
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class Issuer:
    name: str
    prefix: str
    namespace: str
    cik: str = ""
    ticker: str = ""
    detect: tuple[regex.Pattern, ...] = ()
    file: str = ""


@dataclass
class Rulebook:
    """Every rule in force for one conversion, in precedence order."""
    rows: list[RowRule] = field(default_factory=list)
    phrases: list[PhraseRule] = field(default_factory=list)
    issuer: Optional[Issuer] = None
    extension_concepts: dict[str, dict] = field(default_factory=dict)
    # headings whose rows are breakdowns: (pattern, where it came from, for the time limit's message)
    skip_sections: list[tuple[regex.Pattern, object]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
