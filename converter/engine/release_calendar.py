"""A release's calendar (Calendar): its own dates, which complete a header that prints a month and no day,
and its fiscal year, by which "Q3 2025", "Fiscal 2024" and a year to date are dated; document_calendar reads
it from the text ("fiscal year ended ...", "the last day of our fiscal year", "third quarter ... ended ...", a
53rd week). fiscal_calendar.py settles it with the issuer file and the tables; columns.py dates columns by it.
"""
from __future__ import annotations

import calendar

from collections import Counter
from dataclasses import field
from datetime import date, timedelta
from typing import Optional

import regex

from .dates import (MONTH_RE, ORDINAL_QUARTERS, Length, add_months, full_dates, is_month_end, make_date, month_end,
                    parse_month)
from ..rulebook.index import fold, may_match
from ..rulebook.regex_code import kept_re, kept_regex
from ..dataclass_code import dataclass
from .word_starts import search_at_words


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
    # the periods the tables report that end latest, none after the release's date (set once they are read):
    # the release's own quarter, and its year to date
    reported: tuple = ()

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
            # the anchor's day in year `fy` (February 29 falls back to the 28th): a whole number of weeks away
            target = date(fy, a.month, min(a.day, calendar.monthrange(fy, a.month)[1]))
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
        if self.weekly:   # a fourth quarter ends its year, a 53rd week and all
            return self.fiscal_year_end(fy) if q == 4 else self._printed(self.fiscal_year_end(fy - 1) + timedelta(days=91 * q))
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
# every match begins with "fiscal" or "year": document_calendar tries it there alone (word_starts.py). The date
# follows on the same line (justified text spaces it out) or a sentence's next line, not far along the next line
# of a table ("Year Ended" over one group, "March" far below it over another group's column)
# the weeks a period counts, said between its name and its end: "fiscal year (52 weeks) ended", "third quarter of
# fiscal 2024, the thirteen weeks ended"
_WEEKS = (r"(?:\(\s*(?:52|53|fifty[\s-]two|fifty[\s-]three|13|14|thirteen|fourteen)[\s-]weeks?\s*\)\s+|,?\s*(?:the\s+)?"
          r"(?:52|53|fifty[\s-]two|fifty[\s-]three|13|14|thirteen|fourteen)[\s-]weeks?\s+)?")
# (a year of 52 or 53 weeks, a quarter of 13 or 14: other counts, "the 16 weeks ended", are no calendar of
# 13-week quarters this file counts by, and state none)
_FY_END = kept_regex(
    rf"(?<!quarter\s{{0,3}}(?:of\s+)?)(?:fiscal\s+(?:year\s+)?(?:(?P<fy>(?:19|20)\d\d)(?:,?\s+which)?\s+)?|year\s+){_WEEKS}(?:ended|ending|ends)(?:[ \t]+|[ \t]*\n[ \t]{{0,20}})(?:on\s+)?"
    rf"(?P<m>{MONTH_RE})\s*(?P<d>\d{{1,2}})?(?:,?\s*(?P<y>(?:19|20)\d\d){_NAMED_AS})?", regex.I)
_QUARTER_ENDED = kept_regex(
    rf"\b(?:(?P<qo>first|second|third|fourth)\s+(?:fiscal\s+)?quarter|Q(?P<qn>[1-4]))\s+(?:of\s+)?(?:fiscal\s+)?(?:year\s+)?"
    rf"(?:(?P<fy>(?:19|20)\d\d),?\s+)?{_WEEKS}(?:which\s+)?(?:ended|ending)\s+(?:on\s+)?(?P<m>{MONTH_RE})\s*(?P<d>\d{{1,2}}),?\s*(?P<y>(?:19|20)\d\d)"
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
