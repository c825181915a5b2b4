"""Dates and period phrases: "Three Months Ended December 31, 2016", "fourth quarter of 2022", "13 weeks".

Lengths are counted the way the gold README says: whole months back from the end date for months, quarters
and years; end − 90 days for 13 weeks (and multiples). The engine's callers decide which date a phrase
attaches to; this module only reads phrases.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

import regex
from ..rulebook.regex_code import kept_re, kept_regex
from ..dataclass_code import dataclass

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
            r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_ONES = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
         "seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
# the numbers a length is counted in, in words: "Twenty-Four Weeks" (a 16-12-12-12 calendar's half), "Fifty-Three"
NUMBER_WORDS = {w: i + 1 for i, w in enumerate(_ONES)} | _TENS | {
    f"{t}{sep}{o}": n + i + 1 for t, n in _TENS.items() for i, o in enumerate(_ONES[:9]) for sep in ("-", " ")}
# as a pattern: the tens with their ones first (so "twenty-four" wins over the "four" in it), either separator,
# then the teens before the ones they begin with ("seventeen", "seven")
NUMBER_WORD = (r"(?:" + "|".join(_TENS) + r")(?:[\s-](?:" + "|".join(_ONES[:9]) + r"))?|"
               + "|".join(sorted(_ONES, key=len, reverse=True)))
ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

# "December 31", "Sept. 30": a month and its day ("m", "d")
MONTH_DAY = kept_regex(rf"\b(?P<m>{MONTH_RE})\s*(?P<d>\d{{1,2}})\b", regex.I)
FULL_DATE = kept_regex(rf"\b(?P<m>{MONTH_RE})\s*(?P<d>\d{{1,2}})\s*,?\s*(?P<y>(?:19|20)\d\d)\b", regex.I)
_DAY_YEAR = kept_re(r"\d{1,2}(?:\s*,)?\s*(?:19|20)\d\d\b")   # no two `\s*` side by side: a wide gap stays linear
_YEAR = kept_re(r"(?:19|20)\d\d\b")
_MONTH_CHARS = 11   # "September." and the word boundary before it


def full_dates(text: str):
    """FULL_DATE's matches in a long text, found from their day and year ("30, 2025"): a case-insensitive
    month tried at every position costs three times as much as these digits and a look back from each over
    the spaces and one month's length."""
    last = 0
    for a in day_years(text):
        start = a.start()
        while start > last and text[start - 1].isspace():
            start -= 1
        m = FULL_DATE.search(text, max(last, start - _MONTH_CHARS), a.end())
        if m is not None and m.end() == a.end():
            last = m.end()
            yield m


def day_years(text: str):
    """`_DAY_YEAR.finditer(text)`, found from the years: a pattern led by `\\d` is tried at every position
    (some 17 ns a character), one led by "19" or "20" skips to them (a third of that). A match's day ends
    where the blanks and commas before its year begin, so the pattern is tried at the one or two places
    before that. Those places come after the ones tried for the year before, so the first match found is
    the leftmost, as finditer's."""
    pos = 0
    for year in _YEAR.finditer(text):
        day_end = year.start()
        while day_end > pos and (text[day_end - 1].isspace() or text[day_end - 1] == ","):
            day_end -= 1
        for at in range(max(pos, day_end - 2), day_end):
            m = _DAY_YEAR.match(text, at)
            if m is not None:
                pos = m.end()
                yield m
                break


# "9/30/2025", "09/30/25": bank releases head their columns this way
NUMERIC_DATE = r"\b(?P<nm>1[0-2]|0?[1-9])/(?P<nd>3[01]|[12]\d|0?[1-9])/(?P<ny>(?:19|20)\d\d|\d\d)\b"
_NUMERIC_DATE = kept_regex(NUMERIC_DATE)


def numeric_date(text: str) -> Optional[date]:
    m = _NUMERIC_DATE.search(text)
    if not m:
        return None
    y = int(m["ny"]) if len(m["ny"]) == 4 else 2000 + int(m["ny"])
    try:
        return date(y, int(m["nm"]), int(m["nd"]))
    except ValueError:
        return None


@dataclass(frozen=True)
class Length:
    """A period length: months, or days for week-counted periods."""
    months: int = 0
    weeks: int = 0

    def counted_in_weeks(self, end: date) -> bool:
        """Whether `start_for` counts 13-week quarters back from an end off a month's end, a length the header
        printed in months: the issuer's 52/53-week years then make a quarter 13 or 14 weeks, and which one
        the header does not say."""
        return not self.weeks and not is_month_end(end) and self.months % 3 == 0 and self.months > 0

    def start_for(self, end: date) -> date:
        """Whole months back from a month end; 13 weeks a quarter back from any other day, which is how
        52/53-week issuers count ("Three Months Ended March 3, 2023" began on December 3)."""
        weeks = self.weeks or (self.months // 3 * 13 if not is_month_end(end) and self.months % 3 == 0 else 0)
        if weeks:
            return end - timedelta(days=weeks * 7 - 1)
        if is_month_end(end):
            return add_months(end, -self.months) + timedelta(days=1)
        return add_months(end + timedelta(days=1), -self.months)


def is_month_end(d: date) -> bool:
    return (d + timedelta(days=1)).day == 1


@lru_cache(maxsize=4096)
def add_months(d: date, months: int) -> date:
    """Move by whole months, keeping month ends at month ends."""
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    last = calendar.monthrange(y, m)[1]
    if is_month_end(d):
        return date(y, m, last)
    return date(y, m, min(d.day, last))


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_month(s: str) -> Optional[int]:
    return MONTHS.get(s.lower().rstrip("."))


def make_date(m: str, d: str, y: str) -> Optional[date]:
    month = parse_month(m)
    try:
        return date(int(y), month, int(d)) if month else None
    except ValueError:
        return None


_LENGTH = kept_regex(
    r"(?<!\w)(?<![A-Za-z]-)(?P<n>\d{1,2}|" + NUMBER_WORD + r")[\s-]*(?P<unit>months?|weeks?|quarters?)\b", regex.I)
_YEARISH = kept_regex(r"\b(?:(?:fiscal\s+)?years?|twelve\s+months|annual|full[\s-]year|fy)\b", regex.I)
_QUARTERISH = kept_regex(r"\bquarters?\b|\bQ[1-4]\b", regex.I)


def length_of(phrase: str) -> Optional[Length]:
    """The length a phrase states: "Three Months Ended" → 3 months; "Year Ended" → 12; "13 Weeks" → 13w."""
    m = _LENGTH.search(phrase)
    if m:
        n = m["n"].lower()
        n = int(n) if n.isdigit() else NUMBER_WORDS[" ".join(n.replace("-", " ").split())]
        unit = m["unit"].lower()
        if unit.startswith("week"):
            return Length(weeks=n)
        if unit.startswith("quarter"):
            return Length(months=3 * n)
        return Length(months=n)
    if _QUARTERISH.search(phrase):
        return Length(months=3)
    if _YEARISH.search(phrase):
        return Length(months=12)
    return None
