"""The two models every stage shares: the Document a reader gives, and the Fact the engine gives.

Readers know layouts and nothing of concepts; the engine knows rules and nothing of layouts; emitters and
checkers read facts and never change them. Keeping these types small and frozen is what lets each stage be
tested alone.
"""
from __future__ import annotations

from dataclasses import field
from datetime import date
from decimal import Decimal
from typing import Optional, Union
from .dataclass_code import dataclass


# ---------------------------------------------------------------------------------------------- document model

@dataclass(frozen=True)
class Span:
    """Character offsets [start, end) into the normalized source text, for provenance."""
    start: int
    end: int


@dataclass
class Paragraph:
    """A run of prose. `text` is normalized; `span` points back into the source."""
    text: str
    span: Span
    index: int = 0  # block number in the document


@dataclass
class HeaderCell:
    """One header token of a table. `cols` is the [first, last] value column it covers when the layout says
    so (HTML colspans, fixed-width positions); None when the layout lost positions, in which case the engine
    spreads tokens of one kind evenly over the columns."""
    text: str
    cols: Optional[tuple[int, int]] = None


@dataclass
class Cell:
    """A value cell as printed: `text` is the raw figure ("(1,234)", "-", "$ 0.39"); `col` its value column."""
    text: str
    col: int
    span: Optional[Span] = None


@dataclass
class Row:
    """A table row: its label (as printed, normalized) and its value cells. `section` holds the enclosing
    heading rows ("Revenues:", "Operating expenses:") so rules can tell "Total" under revenue from "Total"
    under expenses; `depth` is indentation where the layout shows it."""
    label: str
    cells: list[Cell]
    section: tuple[str, ...] = ()
    span: Optional[Span] = None
    depth: int = 0


@dataclass
class Table:
    """A table: header tokens, the number of value columns, rows, and the text lines just before it
    (its title, its scale note) as `caption`."""
    header: list[HeaderCell]
    ncols: int
    rows: list[Row]
    caption: list[str] = field(default_factory=list)
    span: Optional[Span] = None
    index: int = 0
    unplaced: list[str] = field(default_factory=list)   # lines of figures the reader could put in no column
    # columns whose header contradicts itself (a group title across the groups a line of years marks): no
    # length is read for them, nor settled from the rest of the release
    contested: tuple[int, ...] = ()


Block = Union[Paragraph, Table]


@dataclass
class Document:
    """What a reader gives: blocks in reading order, the normalized text they point into, and the layout."""
    blocks: list[Block]
    text: str
    layout: str
    source: str = ""  # file name, for messages
    published: Optional[date] = None   # the date a newswire copy's front matter gives (readers/front_matter.py)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


# -------------------------------------------------------------------------------------------------- fact model

@dataclass(frozen=True)
class Period:
    """An XBRL period: an instant (`start` is None) or a duration, both ends inclusive as in XBRL 2.1."""
    end: date
    start: Optional[date] = None

    @property
    def is_instant(self) -> bool:
        return self.start is None

    def __str__(self) -> str:
        return self.end.isoformat() if self.start is None else f"{self.start.isoformat()}..{self.end.isoformat()}"


@dataclass(frozen=True)
class Entity:
    scheme: str
    identifier: str
    name: str = ""
    ticker: str = ""


@dataclass(frozen=True)
class Provenance:
    """Where a fact came from: the rule, the block, the characters, and each normalization step taken."""
    rule_id: str
    block: int
    span: Optional[Span] = None
    source_text: str = ""
    steps: tuple[str, ...] = ()
    # what kind of source, as evidence when readings disagree (engine/table_kind.py): statement, table,
    # secondary (reconciliation, non-GAAP, segment, supplementary), narrative or guidance
    source_kind: str = ""


@dataclass(frozen=True)
class Fact:
    """One numeric fact: concept + period + entity + dimensions + unit, a Decimal value and its decimals.
    `dims` is a sorted tuple of (axis, member) QName pairs."""
    concept: str                 # QName, e.g. "us-gaap:Revenues"
    period: Period
    value: Decimal
    unit: str                    # "USD", "shares", "USD/shares"
    decimals: int
    dims: tuple[tuple[str, str], ...] = ()
    provenance: Optional[Provenance] = None
    category: str = "table"      # table | narrative | guidance

    @property
    def key(self) -> tuple:
        """Identity of the fact for merging: everything but value, decimals and provenance."""
        return (self.concept, self.period, self.unit, self.dims)


@dataclass(frozen=True)
class Finding:
    """A check's report: never a change to the facts. `level` is error, warning or info."""
    level: str
    code: str
    message: str
    facts: tuple[Fact, ...] = ()
