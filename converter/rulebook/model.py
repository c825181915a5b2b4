"""Compiled rules. A rule file is data; these classes are what the engine matches with."""
from __future__ import annotations

from dataclasses import field
from datetime import date, timedelta
from typing import Callable, Optional, TypeVar

import regex

from ..engine.dates import month_end
from ..model import Period
from ..dataclass_code import Rebuilt, dataclass

T = TypeVar("T")


@dataclass(frozen=True)
class RowRule(Rebuilt):
    """A table-row rule: labels (regexes, full match on the normalized label) → concept."""
    id: str
    concept: str
    labels: tuple[regex.Pattern, ...]
    sign: str = "as-printed"            # as-printed | negate | expense | loss | outflow | net-expense (engine/row_signs.row_sign)
    section: Optional[regex.Pattern] = None       # required heading context (search)
    not_section: Optional[regex.Pattern] = None   # forbidden heading context (search)
    table: Optional[regex.Pattern] = None         # required in the table: caption, header, row labels (search)
    not_table: Optional[regex.Pattern] = None     # forbidden in the table (search)
    followed_by: Optional[regex.Pattern] = None       # required of the next row's label (search)
    not_followed_by: Optional[regex.Pattern] = None   # forbidden in the next row's label (search)
    at: Optional[str] = None            # a balance read from a column of flows: at the period's "start" or "end"
    # rows by position, for a row that prints no label: the one right after the row whose label this matches
    # (fullmatch), or the total of the block of rows under a heading this matches (fullmatch)
    after: Optional[regex.Pattern] = None
    total_of: Optional[regex.Pattern] = None
    priority: int = 0
    origin: str = "base"                # base | issuer
    file: str = ""
    line: int = 0

    @property
    def specificity(self) -> int:
        return max((len(p.pattern) for p in self.labels), default=0)

    @property
    def positional(self) -> bool:
        return self.after is not None or self.total_of is not None


@dataclass(frozen=True)
class PhraseRule(Rebuilt):
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
class ColumnSpec(Rebuilt):
    """What a table rule says of one value column: its period, that it is skipped, or the member it holds."""
    period: Optional[Period] = None
    skip: bool = False
    member: str = ""                    # a member QName: the column is one part of the company


@dataclass(frozen=True)
class TableRule(Rebuilt):
    """How to read the tables it matches (every match condition given must hold, each searched in the
    normalized text): their columns' periods, columns to skip, scale, statement kind, segment members, or
    that the table is skipped altogether."""
    id: str
    title: Optional[regex.Pattern] = None       # the title line (engine/row_headings.title_line)
    caption: Optional[regex.Pattern] = None     # every caption line, joined
    header: Optional[regex.Pattern] = None      # every header cell, joined
    first_row: Optional[regex.Pattern] = None   # the first row's label
    columns: tuple[ColumnSpec, ...] = ()        # by value column, in order
    period: Optional[Period] = None             # every column the `columns` list does not set
    skip_columns: tuple[regex.Pattern, ...] = ()   # header cells whose columns are skipped ("$ change", "%")
    scale: Optional[int] = None                 # power of ten of money (and shares unless shares_scale)
    shares_scale: Optional[int] = None
    kind: Optional[str] = None                  # income-statement | balance-sheet | cash-flow | segment | ...
    axis: str = "us-gaap:StatementBusinessSegmentsAxis"
    skip: bool = False
    reason: str = ""
    priority: int = 0
    origin: str = "base"
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class IgnoreRule(Rebuilt):
    """What no rule should read, and why: a row label (fullmatch, optionally under a heading or in a table), a
    table (its title, caption or header), a phrase in a sentence (the metric it names is not read) or a whole
    sentence."""
    id: str
    what: str                                   # row | table | phrase | sentence
    pattern: regex.Pattern
    reason: str
    section: Optional[regex.Pattern] = None     # rows: required heading context
    in_table: Optional[regex.Pattern] = None    # rows: required in the table's caption, header, row labels
    priority: int = 0
    origin: str = "base"
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class YearEnd(Rebuilt):
    """An issuer's fiscal year end: the last day of a month, or a weekday's last or nearest occurrence
    (`saturday-nearest: jan-31`: the Saturday nearest January 31, a 52/53-week year)."""
    month: int
    day: int = 0                        # for `nearest`: the date the weekday is nearest to
    weekday: Optional[int] = None       # 0 Monday .. 6 Sunday; None for a month end
    rule: str = "month-end"             # month-end | last | nearest

    def end_of(self, year: int) -> date:
        """The fiscal year end in calendar year `year`."""
        if self.weekday is None:
            return month_end(year, self.month)
        if self.rule == "last":
            d = month_end(year, self.month)
            return d - timedelta(days=(d.weekday() - self.weekday) % 7)
        target = date(year, self.month, self.day)
        back = (target.weekday() - self.weekday) % 7
        return target - timedelta(days=back) if back <= 3 else target + timedelta(days=7 - back)

    @property
    def weekly(self) -> bool:
        return self.weekday is not None


@dataclass(frozen=True)
class Issuer(Rebuilt):
    name: str
    prefix: str
    namespace: str
    cik: str = ""
    ticker: str = ""
    detect: tuple[regex.Pattern, ...] = ()
    file: str = ""
    fiscal_year_end: Optional[YearEnd] = None


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
    tables: list[TableRule] = field(default_factory=list)
    ignores: list[IgnoreRule] = field(default_factory=list)

    def derived(self, name: str, rules: list, build: Callable[[], T]) -> T:
        """What `build` makes of `rules` (a list of this book), made once and kept on the book until that
        list changes length (a book is filled once, then read for every row and sentence)."""
        cached = self.__dict__.get(name)
        if cached is None or cached[0] != len(rules):
            cached = self.__dict__[name] = (len(rules), build())
        return cached[1]
