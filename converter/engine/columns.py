"""Column periods: what period each value column of a table reports.

Header tokens are read in order and sorted by kind: a length ("Three Months Ended"), a date ("March 3,
2023"), a month and day ("December 31,"), a year, a quarter label ("Q3 2025"), a fiscal year ("Fiscal
2024"), or a column to skip ("% Change"). When the layout kept positions, a token covers the columns its
cell spans; when it did not, tokens of one kind are spread evenly over the columns, which is how a printed
header reads ("Three Months Ended | Six Months Ended" over "2016 2015 2016 2015").
"""
from __future__ import annotations

from collections import Counter
from dataclasses import field, replace
from itertools import combinations
from datetime import date, timedelta
from typing import Optional


import regex

from ..model import HeaderCell, Period, Table
from .dates import (FULL_DATE, MONTH_RE, NUMERIC_DATE, ORDINAL_QUARTERS, Length, add_months, full_dates,
                    is_month_end, length_of, make_date, month_end, numeric_date, parse_month)
from ..rulebook.index import fold, may_match
from ..rulebook.regex_code import kept_re, kept_regex
from ..dataclass_code import dataclass
from .word_starts import search_at_words

_NUM = r"(?:\d{1,2}|three|six|nine|twelve|thirteen|fourteen|twenty[\s-]?six|twenty[\s-]?seven|thirty[\s-]?nine|forty|fifty[\s-]?two|fifty[\s-]?three)"
TOKEN = kept_regex(
    rf"""(?P<len>\b{_NUM}[\s-]*(?:months?|weeks?)(?:\s+(?:ended|ending))?\b
            |\b(?:fiscal\s+)?(?:quarters?|years?|periods?)\s+(?:ended|ending)\b
            |\btransition\s+period\b
            |\byear[\s-]to[\s-]date\b|\bYTD\b)
       |(?P<q>\bQ(?P<qn>[1-4])\s*(?:FY\s*|fiscal\s*)?'?(?P<qy>(?:19|20)?\d\d)\b
            |\b(?P<qn3>[1-4])Q\s*(?:FY\s*)?'?(?P<qy3>(?:19|20)?\d\d)\b
            |\b(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?(?:\s+fiscal)?(?:\s+year)?\s+(?P<qy2>(?:19|20)\d\d)\b)
       |(?P<date>\b{MONTH_RE}\s*\d{{1,2}}\s*,?\s*(?:19|20)\d\d\b|{NUMERIC_DATE})
       |(?P<fy>\b(?:fiscal(?:\s+year)?|FY|full[\s-]year(?:\s+fiscal)?)\s*'?(?P<fyy>(?:19|20)?\d\d)\b)
       |(?P<md>\b{MONTH_RE}(?![a-z])(?:\s*\d{{1,2}}\b)?)
       |(?P<y>\b(?:19|20)\d\d\b(?!\s*(?:to|vs\.?|versus|over)\s*(?:19|20)\d\d\b))
       |(?P<qonly>\bQ(?P<qon>[1-4])\b|\b(?P<qoo>first|second|third|fourth)[\s-]+quarter\b)
       |(?P<total>\btotal\b|\bfull\s+year\b)
       |(?P<rng>\b(?:low|high|minimum|maximum)(?:\s+end)?\b)
       |(?P<skip>\b(?:19|20)\d\d\s*(?:to|vs\.?|versus|over)\s*(?:19|20)\d\d\b|%\s*change|\bchange\b|\bvariance\b|\bincrease\b|\bdecrease\b|%|\badj\b\.?|\badjustments?\b)
       |(?P<ng>\bnon[\s-]?gaap\b|\badjusted\b|\bas\s+adjusted\b|\bpro\s+forma\b)
    """, regex.I | regex.X)

LEAF = ("date", "y", "q", "fy", "skip")
KINDS = ("len", "q", "date", "fy", "md", "y", "qonly", "total", "rng", "skip", "ng")
TRAILING = kept_regex(r"\btrailing\s+(?:4|four|12|twelve)[\s-]+(?:quarters?|months?)\b|\bTTM\b|\bLTM\b", regex.I)


@dataclass(frozen=True)
class ColumnPeriod:
    end: Optional[date]
    length: Optional[Length]
    skip: bool = False
    nongaap: bool = False
    header: str = ""
    bound: Optional[str] = None   # "low" or "high": a column of an outlook range
    member: str = ""              # the part of the company the column holds ("MRD", "International"), if any
    fixed: Optional[Period] = None   # the period a table rule gives the column, whatever its header says
    dims: tuple[tuple[str, str], ...] = ()   # (axis, member) a table rule gives a segment column
    contested: bool = False   # header cells of equal standing name different lengths over it: none is read
                              # from it, nor settled from the rest of the release (engine/lengths.py)

    def period_for(self, period_type: str) -> Optional[Period]:
        """The period a concept of this period type takes in this column, or None when the header does not
        say (a duration concept under a bare date is never guessed)."""
        if self.skip:
            return None
        if self.fixed is not None:
            if period_type == "instant":
                return Period(self.fixed.end)
            return None if self.fixed.is_instant else self.fixed
        if self.end is None:
            return None
        if period_type == "instant":
            return Period(self.end)
        if self.length is None:
            return None
        return Period(self.end, self.length.start_for(self.end))


@dataclass
class Calendar:
    """What the document says about dates: its own dates (to complete month-only headers) and its fiscal
    year (for "Q3 2025", "Fiscal 2024" and "second quarter fiscal year 2023"). `anchor` is one known fiscal
    year end; when it is not a month end the issuer counts 52/53-week years and 13-week quarters."""
    dates: tuple[date, ...] = ()
    fiscal_year_end_month: int = 12
    anchor: Optional[date] = None
    # Years ending in January or early February (most retailers) are named by the year they begin:
    # "fiscal 2024" ends on February 1, 2025.
    named_by_start: bool = False
    # whether the text said which way its fiscal years are named ("quarter ended January 28, 2023 (Q4 FY23)");
    # for a year ending in January or early February, `named_by_start` is otherwise only the custom
    naming_known: bool = True
    # the tables print 13-week quarters ending off a month's end, whatever day the year ends on
    weekly_quarters: bool = False
    # period ends the tables resolved (set once the tables are read): a weekly calendar's real quarter ends
    ends: tuple[date, ...] = ()
    # fiscal years (as the text names them) it says have 53 weeks
    long_years: frozenset = frozenset()
    # sentence -> period mentions: narrative and guidance read the same sentences
    periods_seen: dict = field(default_factory=dict, compare=False, repr=False)
    # the issuer file's fiscal year end (rulebook.model.YearEnd): every year end it gives is exact, a 53-week
    # year included, so nothing is counted from an anchor
    year_end: Optional[object] = None
    # a fiscal year end the text states as one ("fiscal year ended September 25, 2010", "the fourth quarter
    # ended January 28, 2023"), not one counted in weeks from a quarter: `anchor` may be either
    stated_year_end: Optional[date] = None

    def complete(self, year: int, month: int) -> date:
        for d in self.dates:
            if d.year == year and d.month == month:
                return d
        return month_end(year, month)

    @property
    def weekly(self) -> bool:
        if self.year_end is not None:
            return self.year_end.weekly
        return self.anchor is not None and (self.weekly_quarters or not is_month_end(self.anchor))

    def fiscal_year_end(self, fy: int) -> date:
        """The end of fiscal year `fy`, named by the calendar year it ends in (or begins in: `named_by_start`)."""
        named = fy
        fy += self.named_by_start
        if self.year_end is not None:
            return self.year_end.end_of(fy)
        if self.weekly:
            a = self.anchor
            target = date(fy, a.month, min(a.day, 28))
            weeks = round((target - a).days / 7)
            # a 53-week year the text names ("the 53rd week ... Q4 FY24") ends a week later than 52 weeks give
            anchor_named = a.year - self.named_by_start
            weeks += sum(1 for y in self.long_years if anchor_named < y <= named)
            weeks -= sum(1 for y in self.long_years if named < y <= anchor_named)
            return self._printed(a + timedelta(days=7 * weeks))
        return month_end(fy, self.fiscal_year_end_month)

    def quarter_end(self, q: int, fy: int) -> date:
        if self.year_end is not None:   # 13-week quarters; a 53rd week falls in the fourth
            if self.weekly:
                return self.fiscal_year_end(fy) if q == 4 else self.fiscal_year_end(fy - 1) + timedelta(days=91 * q)
            return add_months(self.fiscal_year_end(fy), -3 * (4 - q))
        if self.weekly:
            return self._printed(self.fiscal_year_end(fy - 1) + timedelta(days=91 * q))
        return self._weekend_near(add_months(self.fiscal_year_end(fy), -3 * (4 - q)))

    def _weekend_near(self, month_end: date) -> date:
        """A quarter the text names by number ("First Quarter 2023") of an issuer whose calendar it does not
        state: the one date it prints within six days of the month's end, when that date is a Saturday or a
        Sunday (the end of a 52/53-week quarter, "April 2, 2023"), else the month's end."""
        near = [d for d in self.dates if abs((d - month_end).days) <= 6 and d != month_end]
        if len(near) == 1 and near[0].weekday() >= 5 and month_end not in self.dates:
            return near[0]
        return month_end

    def _printed(self, d: date) -> date:
        """A 52/53-week calendar counted from one anchor drifts a week at every 53-week year; the date the
        document prints on the anchor's weekday within a week of `d` is the period's real end."""
        printed = set(self.dates) | set(self.ends)
        near = [x for x in printed if abs((x - d).days) == 7 and x.weekday() == self.anchor.weekday()]
        return near[0] if len(near) == 1 and d not in printed else d


# the name a release gives the period whose end it just printed: 'ended January 28, 2023 ("Q4 FY23")',
# 'the fiscal year ending February 1, 2025 ("fiscal 2024")'
_NAMED_AS = (r"(?:\s*\(\s*[\"“”']?\s*(?:Q[1-4]\s+|(?:first|second|third|fourth)\s+quarter\s+(?:of\s+)?)?"
             r"(?:FY\s*'?(?P<fyn>\d\d(?:\d\d)?)|fiscal\s+(?:year\s+)?(?P<fyw>(?:19|20)\d\d))\b)?")
# every match begins with "fiscal" or "year": document_calendar tries it there alone (word_starts.py)
_FY_END = kept_regex(
    rf"(?<!quarter\s{{0,3}}(?:of\s+)?)(?:fiscal\s+(?:year\s+)?(?:(?P<fy>(?:19|20)\d\d)(?:,?\s+which)?\s+)?|year\s+)(?:ended|ending|ends)\s+(?:on\s+)?"
    rf"(?P<m>{MONTH_RE})\s*(?P<d>\d{{1,2}})?(?:,?\s*(?P<y>(?:19|20)\d\d){_NAMED_AS})?", regex.I)
_QUARTER_ENDED = kept_regex(
    rf"\b(?:(?P<qo>first|second|third|fourth)\s+(?:fiscal\s+)?quarter|Q(?P<qn>[1-4]))\s+(?:of\s+)?(?:fiscal\s+)?(?:year\s+)?"
    rf"(?:(?P<fy>(?:19|20)\d\d),?\s+)?(?:which\s+)?(?:ended|ending)\s+(?:on\s+)?(?P<m>{MONTH_RE})\s*(?P<d>\d{{1,2}}),?\s*(?P<y>(?:19|20)\d\d)"
    rf"{_NAMED_AS}", regex.I)


def _named_year(m) -> Optional[int]:
    """The fiscal year a match of _FY_END or _QUARTER_ENDED names, written before the date or after it."""
    named = m["fy"] or m["fyw"] or (m["fyn"] and (m["fyn"] if len(m["fyn"]) == 4 else f"20{m['fyn']}"))
    return int(named) if named else None

_LAST_DAY = kept_regex(rf"(?P<m>{MONTH_RE})\s*(?P<d>\d{{1,2}}),?\s*(?P<y>(?:19|20)\d\d)[^.]{{0,40}}\blast\s+day\s+of\s+"
                          rf"(?:our|its|the)\s+(?:prior\s+|previous\s+|current\s+)?fiscal\s+year", regex.I)

# every match of _QUARTER_ENDED begins with one of these: document_calendar tries it there alone
_QUARTER_WORDS = ("first", "second", "third", "fourth", "q")
_LAST_DAY_HINT = kept_re(r"last\s+day\s+of")
_QUARTER_HINT = kept_re(r"quarter|\bq[1-4]")


def document_calendar(text: str) -> Calendar:
    head = text[:400000]
    dates = []
    for m in full_dates(head):
        d = make_date(m["m"], m["d"], m["y"])
        if d:
            dates.append(d)
    fye, anchor, label_year, labelled = 12, None, None, None   # labelled: the year end `label_year` names
    stated = None
    lower = head.lower()   # cheap literal checks first: the date patterns below try a month at every position
    m = search_at_words(_FY_END, head, lower, ("fiscal", "year"))
    if m:
        fye = parse_month(m["m"]) or 12
        if m["d"] and m["y"]:
            anchor = labelled = stated = make_date(m["m"], m["d"], m["y"])
            label_year = _named_year(m)
    if anchor is None and _LAST_DAY_HINT.search(lower):
        last = _LAST_DAY.search(head)
        if last:
            anchor = stated = make_date(last["m"], last["d"], last["y"])
            fye = anchor.month if anchor else fye
    if anchor is None and _QUARTER_HINT.search(lower):
        q = search_at_words(_QUARTER_ENDED, head, lower, _QUARTER_WORDS)
        if q:
            n = int(q["qn"]) if q["qn"] else ORDINAL_QUARTERS[q["qo"].lower()]
            end = make_date(q["m"], q["d"], q["y"])
            if end:
                stated = end if n == 4 else None   # a fourth quarter ends its year
                anchor = add_months(end, -3 * n) if is_month_end(end) else end - timedelta(days=91 * n)
                fye = anchor.month
                # "third quarter of fiscal 2025, ended October 31, 2024": fiscal 2025 is the year that quarter
                # belongs to, so it ends on January 31, 2025
                if _named_year(q):
                    label_year = _named_year(q)
                    labelled = add_months(anchor, 12) if is_month_end(anchor) else anchor + timedelta(days=364)
    # Most frequent dates first, so a month-only header takes the day the text uses most.
    counts = Counter(dates)   # not dates.count(d) for each d: that grows with the square of a long text's dates
    uniq = sorted(set(dates), key=lambda d: -counts[d])
    early = fye == 1 or (anchor is not None and anchor.month == 2 and anchor.day <= 7)
    named = label_year is not None and labelled is not None
    by_start = early and not (named and label_year == labelled.year)
    return Calendar(tuple(uniq), fye, anchor, by_start,
                    naming_known=named or not early or (anchor is not None and not naming_in_doubt(anchor)),
                    long_years=_long_years(head, lower), stated_year_end=stated)


def naming_in_doubt(year_end: date) -> bool:
    """A year ending in January's first week is named by the year it begins in, as everyone names it (nearly
    all its days are in that year); one ending later in January or in February's first week is named either
    way, by custom of the issuer."""
    return (year_end.month == 1 and year_end.day > 7) or (year_end.month == 2 and year_end.day <= 7)


_LONG_YEAR = kept_regex(r"\b(?:53rd|fifty[\s-]third)\s+week\b|\b(?:53|fifty[\s-]three)[\s-]weeks?\b|\bextra\s+week\b",
                           regex.I)
_YEAR_LABEL = kept_regex(r"\bFY\s*'?(?P<yy>\d\d(?:\d\d)?)\b|\bfiscal\s+(?:year\s+)?(?P<y>(?:19|20)\d\d)\b", regex.I)


def _long_years(head: str, lower: str) -> frozenset:
    """The fiscal years a sentence that names a 53rd week also names, when it names one ("the 53rd week is
    expected to add ... to Q4 FY24"). `lower` is head.lower()."""
    out = set()
    # most releases never say "week" (every match does, as lower-case spells it): skip the fold and the scan
    if "week" not in lower or not may_match(_LONG_YEAR, fold(head)):
        return frozenset()
    for m in _LONG_YEAR.finditer(head):
        start = max(head.rfind(". ", 0, m.start()), head.rfind("\n\n", 0, m.start()), 0)
        end = min(x for x in (head.find(". ", m.end()), head.find("\n\n", m.end()), len(head)) if x >= 0)
        years = {int(y["y"]) if y["y"] else int(y["yy"]) + (2000 if len(y["yy"]) == 2 else 0)
                 for y in _YEAR_LABEL.finditer(head, start, end)}
        if len(years) == 1:
            out |= years
    return frozenset(out)


# "June 30, 2004 and 2003": one day of several years, each a column's; the day is no date of the first year
_LISTED_YEARS = kept_regex(rf"({MONTH_RE}\s*\d{{1,2}})\s*,?\s*((?:19|20)\d\d(?:\s*(?:,|and|&)\s*(?:19|20)\d\d)+\b)",
                              regex.I)


# "EndedDecember 31,": a line break the copy lost between a word and the month after it
_GLUED_MONTH = kept_regex(r"(?<=[a-z])(?=(?:January|February|March|April|May|June|July|August|September|October|"
                             r"November|December)\b)")


def _readable(text: str) -> str:
    """A header cell with the month parted from the word it was glued to and a list of years parted from
    the day they share."""
    return _GLUED_MONTH.sub(" ", _LISTED_YEARS.sub(r"\1; \2", text))


def _tokens(text: str):
    text = _readable(text)
    for m in TOKEN.finditer(text):
        kind = None
        for k in KINDS:
            if m.group(k):
                kind = k
                break
        yield kind, m


def resolve_columns(table: Table, cal: Calendar) -> list[ColumnPeriod]:
    n = table.ncols
    slots: list[dict] = [dict() for _ in range(n)]
    spread: dict[str, list] = {}
    leaves: list = []
    claims: dict[tuple[int, str], list] = {}   # (column, kind) -> (text, width, match) of each cell placing it
    header = _stacked_lengths(table.header)
    for hc in header:
        toks = list(_tokens(hc.text))
        if hc.cols is not None:
            _place(toks, hc.cols, slots, claims, hc.text)
        else:
            for kind, m in toks:
                spread.setdefault(kind, []).append(m)
                if kind in LEAF:
                    leaves.append((kind, m))
    contested = {c for (c, kind), claimed in claims.items() if not _settle_claims(slots[c], kind, claimed)
                 and kind == "len"}
    if len(leaves) == n:  # one leaf per column, in order: the commonest printed header
        for i, (kind, m) in enumerate(leaves):
            slots[i].setdefault(kind, m)
        spread = {k: v for k, v in spread.items() if k not in LEAF}
        _lengths_by_leaf_runs(spread, [kind for kind, _m in leaves], slots, [m for _k, m in leaves], cal)
    elif not leaves and all(any(k in s for k in LEAF) for s in slots):   # leaves placed by their own columns
        kinds = [next(k for k in LEAF if k in s) for s in slots]
        _lengths_by_leaf_runs(spread, kinds, slots, [s[k] for s, k in zip(slots, kinds)], cal)
    for kind, ms in spread.items():
        if n % len(ms) == 0:
            width = n // len(ms)
            for i, m in enumerate(ms):
                for c in range(i * width, (i + 1) * width):
                    slots[c].setdefault(kind, m)
    members = column_members(table, header)
    caption_len = [length_of(c) for c in table.caption if length_of(c)]
    cols = [_column(s, cal, caption_len[0] if len(caption_len) == 1 else None) for s in slots]
    cols = [_year_to_date_end(c, s, cols, cal) for c, s in zip(cols, slots)]
    cols = [replace(c, contested=True) if i in contested and c.length is None else c for i, c in enumerate(cols)]
    cols = [replace(c, contested=True, length=None) if i in table.contested else c for i, c in enumerate(cols)]
    if TRAILING.search(" ".join(table.caption + [h.text for h in table.header])):
        # "trailing 4 quarters": each column is the twelve months ending with its quarter
        cols = [replace(c, length=Length(months=12)) for c in cols]
    else:
        cols = years_off_the_year_end(cols, cal)
    return [replace(c, member=members[i]) if members.get(i) else c for i, c in enumerate(cols)]


YEAR_END_SLACK = 10   # days: a 52/53-week year ends within a few days of its month's end
_TWELVE_MONTHS = kept_regex(r"\b(?:twelve|12)[\s-]+months?\b|\blast\s+(?:twelve|12)\b", regex.I)


def years_off_the_year_end(cols: list[ColumnPeriod], cal: Calendar) -> list[ColumnPeriod]:
    """A year-long column ending off the fiscal year's end ("Year Ended September 30, 2024") in a table with
    another column ending on it ("Three Months Ended December 31, 2024", where the company's year ends in
    December): a header pieced together wrongly, a date of one group under the length of another. It is
    contested, unless its header says twelve months (a trailing twelve months' column)."""
    year_end = month_end(2001, cal.fiscal_year_end_month)

    def off(c: ColumnPeriod) -> bool:
        d = abs((c.end.replace(year=2001, day=min(c.end.day, 28 if c.end.month == 2 else 31)) - year_end).days)
        return min(d, 365 - d) > YEAR_END_SLACK

    odd = [c for c in cols if c.end and c.length == Length(months=12) and off(c)
           and not _TWELVE_MONTHS.search(c.header)]
    if not odd or not any(c.end and not off(c) for c in cols):
        return cols
    return [replace(c, length=None, contested=True) if any(c is o for o in odd) else c for c in cols]


# Header words that say what a column is without naming a part of the company
_NEUTRAL = kept_regex(
    r"^\(?\s*(?:un)?audited\s*\)?$|^(?:gaap|u\.?s\.?\s+gaap|as\s+reported|reported|actuals?|amounts?|"
    r"consolidated|total\s+company|company|\$|us\$|usd|dollars|(?:as\s+)?restated|as\s+previously\s+reported|"
    r"as\s+of|for\s+the|ended|ending)$", regex.I)
_LETTERS = kept_regex(r"[A-Za-z]{2,}")


def _stacked_lengths(header: list[HeaderCell]) -> list[HeaderCell]:
    """A header whose words stack over several lines, one cell per line ("Three" / "Months" / "Ended" /
    "June 30,"), names a length only when the cells over one column are read together: those are joined,
    where joining shows a length that no cell shows alone."""
    by_cols: dict[tuple[int, int], list[HeaderCell]] = {}
    for hc in header:
        if hc.cols is not None:
            by_cols.setdefault(hc.cols, []).append(hc)
    joined: dict[int, HeaderCell] = {}     # id of a stack's first cell -> the stack as one cell
    dropped: set[int] = set()
    for cols, cells in by_cols.items():
        if len(cells) < 2 or any(_has(hc.text, "len") for hc in cells):
            continue
        text = " ".join(hc.text for hc in cells)
        if _has(text, "len"):
            joined[id(cells[0])] = HeaderCell(text, cols)
            dropped |= {id(hc) for hc in cells[1:]}
    if not joined:
        return header
    return [joined.get(id(hc), hc) for hc in header if id(hc) not in dropped]


def _has(text: str, kind: str) -> bool:
    return any(k == kind for k, _m in _tokens(text))


def is_member_name(text: str) -> bool:
    """A header that names a part of the company, a measure or a view and no period: "MRD", "Immune
    Medicine", "International", "EPS", "Q/Q". A column under one is no period of the consolidated company."""
    t = _readable(text.strip().rstrip(":"))
    from .scale import find_scale
    return bool(_LETTERS.search(t)) and not _NEUTRAL.match(t) and not TOKEN.search(t) and find_scale([t]) is None


def column_members(table: Table, header: list[HeaderCell]) -> dict[int, str]:
    """The columns a header names a part for: a positioned header cell names the columns it spans when it
    spans some of them and not all (a title over every column is no part). Pieces that lost their positions
    are not placed: which columns they stood over is not known. `header` is the table's header with its
    stacked lengths joined (_stacked_lengths), as resolve_columns read it."""
    n = table.ncols
    out: dict[int, str] = {}
    for hc in header:
        if hc.cols is not None and hc.cols[1] - hc.cols[0] + 1 < n and is_member_name(hc.text):
            for c in range(max(hc.cols[0], 0), min(hc.cols[1], n - 1) + 1):
                out.setdefault(c, hc.text)
    return out


_TO_DATE = kept_regex(r"to[\s-]date|ytd", regex.I)
# a length printed alone, without "Ended", over bare years: the first months of those fiscal years
_FIRST_MONTHS = kept_regex(r"^(?:six|nine|6|9)[\s-]*months?$", regex.I)


def _year_to_date(slot: dict) -> bool:
    """The column's length reads "year to date" ("YTD", "Year-to-Date")."""
    return "len" in slot and bool(_TO_DATE.search(slot["len"].group(0)))


def _year_to_date_end(col: ColumnPeriod, slot: dict, cols: list[ColumnPeriod], cal: Calendar) -> ColumnPeriod:
    """"YTD 2025" beside "Quarter Ended 9/30/25": a year to date that prints no month runs to the latest date
    the table's other columns give in that fiscal year; with none, the column stays unread."""
    if col.end is not None or "y" not in slot or "md" in slot or not _year_to_date(slot):
        return col
    fy = int(slot["y"].group(0))
    start, end = cal.fiscal_year_end(fy - 1), cal.fiscal_year_end(fy)
    ends = [c.end for c in cols if c.end is not None and start < c.end <= end]
    if not ends:
        return col
    return replace(col, end=max(ends), length=year_to_date(max(ends), cal))


def _lengths_by_leaf_runs(spread: dict, leaf_kinds: list[str], slots: list[dict], leaf_texts=(),
                          cal: Optional["Calendar"] = None) -> None:
    """Lengths (and month-day pieces) that do not divide the columns evenly, placed by the runs of like
    leaves: under "Three Months Ended | Nine Months Ended September 30," the columns "September 30, 2025 |
    June 30, 2025 | September 30, 2024 | 2025 | 2024" form two runs (full dates, then bare years), one per
    length, in order. Leaves alike form runs that each go back in time: "September 27, 2025 | June 28, 2025 |
    September 28, 2024 | September 27, 2025 | September 28, 2024" starts a second run where the latest date
    comes again, and so do years ("2024 | 2023 | 2024 | 2024 | 2023" under "December 31, | September 30, |
    December 31,": three runs, one per month and day). With fewer lengths than runs ("Three Months Ended |
    Year Ended" over those three), each length takes a stretch of runs, and the one split that ends every
    year-to-date length at the fiscal year's quarter ends that length counts (a year ended September 30 is
    no year of a December calendar) is taken; with none or several, no length is placed. A flattened table
    has lost the spans that said so."""
    runs: list[list[int]] = []
    for i, kind in enumerate(leaf_kinds):
        if runs and leaf_kinds[runs[-1][-1]] == kind:
            runs[-1].append(i)
        else:
            runs.append([i])
    back = _runs_back_in_time(leaf_kinds, leaf_texts)
    months = spread.get("md", [])
    if months and len(slots) % len(months) and len(months) == len(back):
        for run, m in zip(back, months):
            for c in run:
                slots[c].setdefault("md", m)
        del spread["md"]
    lengths = spread.get("len", [])
    if not lengths or len(slots) % len(lengths) == 0:
        return
    if len(runs) != len(lengths):
        runs = back
    if len(runs) == len(lengths):
        split = [[c for c in run] for run in runs]
    elif cal is not None and len(runs) > len(lengths):
        split = _split_by_fiscal_ends(runs, lengths, slots, cal)
    else:
        return
    if not split:
        return
    for part, m in zip(split, lengths):
        for c in part:
            slots[c].setdefault("len", m)
    del spread["len"]


def _split_by_fiscal_ends(runs: list[list[int]], lengths: list, slots: list[dict], cal: "Calendar") -> list:
    """The one way to give each length (in order) a stretch of runs (in order) that ends every year-to-date
    length on its fiscal quarter end; [] when none or several ways do."""
    found = []
    for cuts in combinations(range(1, len(runs)), len(lengths) - 1):
        bounds = (0,) + cuts + (len(runs),)
        parts = [[c for run in runs[a:b] for c in run] for a, b in zip(bounds, bounds[1:])]
        if all(_ends_fit(length_of(m.group(0)), part, slots, cal) for part, m in zip(parts, lengths)):
            found.append(parts)
    return found[0] if len(found) == 1 else []


def _ends_fit(length: Optional[Length], columns: list[int], slots: list[dict], cal: "Calendar") -> bool:
    """A length of six, nine or twelve months runs from the fiscal year's start: its columns must end that
    many months after a fiscal year end. Other lengths, and columns whose month is not known, fit."""
    if length is None or length.weeks or length.months not in (6, 9, 12):
        return True
    for c in columns:
        month = _slot_month(slots[c])
        if month is not None and (month - cal.fiscal_year_end_month - length.months) % 12:
            return False
    return True


def _slot_month(slot: dict) -> Optional[int]:
    if "date" in slot:
        m = FULL_DATE.search(slot["date"].group(0))
        return parse_month(m["m"]) if m else None
    if "md" in slot:
        md = regex.match(rf"(?P<m>{MONTH_RE})", slot["md"].group(0), regex.I)
        return parse_month(md["m"]) if md else None
    return None


def _runs_back_in_time(leaf_kinds: list[str], leaf_texts) -> list[list[int]]:
    """Full-date leaves, or year leaves, split where one is not earlier than the one before it; [] when the
    leaves are not all full dates or all years."""
    ends = []
    for kind, m in zip(leaf_kinds, leaf_texts):
        if kind == "y" and all(k == "y" for k in leaf_kinds):
            ends.append(int(m.group(0)))
            continue
        d = FULL_DATE.search(m.group(0)) if kind == "date" else None
        end = make_date(d["m"], d["d"], d["y"]) if d else None
        if end is None:
            return []
        ends.append(end)
    runs: list[list[int]] = []
    for i, end in enumerate(ends):
        if runs and end < ends[runs[-1][-1]]:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


_PERIOD_KINDS = {"len", "q", "date", "fy", "md", "y", "qonly"}


def _settle_claims(slot: dict, kind: str, claimed: list) -> bool:
    """Two header cells that claim one column for one period kind ("Q3" over columns 15-17 and "Q4" over
    17; "June 30," over column 0 and "December 31," over 0-1): the layout mislaid a span. The narrower cell
    is the one that names this column; with no single narrowest, the column keeps no reading of that kind
    (False: the claims stay contested)."""
    if kind not in _PERIOD_KINDS or len({t for t, _w, _m in claimed}) < 2:
        return True
    narrowest = min(w for _t, w, _m in claimed)
    best = {t: m for t, w, m in claimed if w == narrowest}
    if len(best) == 1:
        slot[kind] = next(iter(best.values()))
        return True
    slot.pop(kind, None)
    return False


def _place(toks, cols, slots, claims, text):
    """Tokens of a header cell over the columns it spans, each claim recorded for _settle_claims."""
    first, last = cols
    by_kind: dict[str, list] = {}
    for kind, m in toks:
        by_kind.setdefault(kind, []).append(m)
    for kind, ms in by_kind.items():
        width = last - first + 1
        if width % len(ms):
            ms = ms[:1]
        step = width // len(ms)
        for i, m in enumerate(ms):
            for c in range(first + i * step, first + (i + 1) * step):
                if not 0 <= c < len(slots):
                    continue
                claims.setdefault((c, kind), []).append((text, last - first + 1, m))
                slots[c].setdefault(kind, m)


def year_to_date(end: date, cal: Calendar) -> Length:
    """From the start of the fiscal year to `end`. A 52/53-week period that ends in a month's first week
    ("April 2, 2022") is the month before's (the quarter that ends then is the first, not four months), and
    so is a year that ends so ("February 1, 2025" ends the January fiscal year)."""
    last = _named_month(end, cal)
    year_end_month = _named_month(cal.anchor, cal).month if cal.weekly and cal.anchor else cal.fiscal_year_end_month
    months = (last.year - cal.fiscal_year_end(end.year - 1).year) * 12 + last.month - year_end_month
    return Length(months=months % 12 or 12)


def _named_month(d: date, cal: Calendar) -> date:
    return d - timedelta(days=7) if cal.weekly and d.day <= 7 else d


# A row that names its own length against the column's date: "Net Income - Quarter", "EPS (YTD)".
ROW_PERIOD = kept_regex(r"\s*(?:-|,|\()\s*(?P<w>quarter|qtd|quarter[\s-]to[\s-]date|ytd|year[\s-]to[\s-]date)"
                           r"\s*\)?\s*$", regex.I)


def split_row_period(label: str) -> tuple[str, Optional[str]]:
    """The label without its period qualifier, and the qualifier ("quarter" or "ytd"), if it has one."""
    m = ROW_PERIOD.search(label)
    if not m or not label[:m.start()].strip():
        return label, None
    return label[:m.start()].rstrip(), "ytd" if regex.search(r"ytd|year", m["w"], regex.I) else "quarter"


def row_column(col: ColumnPeriod, qualifier: Optional[str], cal: Calendar) -> ColumnPeriod:
    """The column as a qualified row reads it: the column's date, the row's length."""
    if qualifier is None or col.end is None or col.fixed is not None:
        return col
    length = Length(months=3) if qualifier == "quarter" else year_to_date(col.end, cal)
    return replace(col, length=length, header=f"{col.header} ({qualifier})")


def _column(slot: dict, cal: Calendar, caption_length: Optional[Length]) -> ColumnPeriod:
    header = " ".join(m.group(0) for m in slot.values())
    if "skip" in slot and not ({"date", "y", "q", "fy"} & slot.keys()):
        return ColumnPeriod(None, None, skip=True, header=header)
    length = length_of(slot["len"].group(0)) if "len" in slot else None
    ytd = _year_to_date(slot)
    end: Optional[date] = None
    if "date" in slot:
        m = FULL_DATE.search(slot["date"].group(0))
        end = make_date(m["m"], m["d"], m["y"]) if m else numeric_date(slot["date"].group(0))
    elif "q" in slot:
        m = slot["q"]
        q = int(m["qn"] or m["qn3"]) if (m["qn"] or m["qn3"]) else ORDINAL_QUARTERS[m["qo"].lower()]
        y = m["qy"] or m["qy2"] or m["qy3"]
        fy = int(y) if len(y) == 4 else 2000 + int(y)
        end = cal.quarter_end(q, fy)
        length = length or Length(months=3)
    elif "fy" in slot and "y" not in slot:
        y = slot["fy"]["fyy"]
        fy = int(y) if len(y) == 4 else 2000 + int(y)
        if "qonly" in slot:  # "Fiscal 2022" over "Q1 Q2 Q3 Q4 TOTAL"
            m = slot["qonly"]
            q = int(m["qon"]) if m["qon"] else ORDINAL_QUARTERS[m["qoo"].lower()]
            end = cal.quarter_end(q, fy)
            length = length or Length(months=3)
        else:
            end = cal.fiscal_year_end(fy)
            length = length or Length(months=12)
    elif "y" in slot and "qonly" in slot and "md" not in slot:   # "FIRST QUARTER" over "2023 | 2022"
        m = slot["qonly"]
        q = int(m["qon"]) if m["qon"] else ORDINAL_QUARTERS[m["qoo"].lower()]
        end = cal.quarter_end(q, int(slot["y"].group(0)))
        length = length or Length(months=3)
    elif "y" in slot:
        year = int(slot["y"].group(0))
        if "md" in slot:
            md = regex.match(rf"(?P<m>{MONTH_RE})\s*(?P<d>\d{{1,2}})?", slot["md"].group(0), regex.I)
            month = parse_month(md["m"])
            end = make_date(md["m"], md["d"], str(year)) if md["d"] else cal.complete(year, month)
        elif length is not None and length.months == 12 and "len" in slot:
            end = None  # "Year Ended 2024" with no month: leave it to the caption or nothing
        elif length is not None and not length.weeks and length.months in (3, 6, 9) and "len" in slot \
                and not ytd and _FIRST_MONTHS.match(slot["len"].group(0)):
            # "Six Months" over "2023": the first six months of fiscal 2023
            end = cal.quarter_end(length.months // 3, year)
    if ytd and end is not None:  # from the start of the fiscal year to the column's date
        length = year_to_date(end, cal)
    if length is None:
        length = caption_length
    bound = None
    if "rng" in slot:
        word = slot["rng"].group(0).lower()
        bound = "low" if word.startswith(("low", "min")) else "high"
    return ColumnPeriod(end, length, skip="skip" in slot and end is None, nongaap="ng" in slot, header=header,
                        bound=bound)
