"""Period phrases in prose: "for the six months ended December 31, 2015", "as of June 30, 2016", "for the
fourth quarter of 2022", "in fiscal 2024", "for the same period last year", "December 31, 2016 and 2015,
respectively". Each match resolves to one or more periods (several for "2016 and 2015")."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from typing import Optional

import regex

from ..model import Period
from .release_calendar import Calendar
from .dates import MONTH_RE, ORDINAL_QUARTERS, Length, is_month_end, length_of, make_date
from ..rulebook.regex_code import kept_re, kept_regex
from ..dataclass_code import dataclass

# compiled once: `regex.search(r"...", text)` looks the pattern up in regex's cache on every call
_YEAR = kept_regex(r"(?:19|20)\d\d")

_LEN = (r"(?:(?:\d{1,2}|three|six|nine|twelve|thirteen|fourteen|twenty[\s-]six|thirty[\s-]nine|fifty[\s-]two|"
        r"fifty[\s-]three)[\s-]*(?:months?|weeks?)|quarters?|(?:fiscal\s+)?years?|(?:fiscal\s+)?quarters?)")
_DATE_LIST = rf"(?P<m>{MONTH_RE})\s*(?P<d>\d{{1,2}}),?\s*(?P<y>(?:19|20)\d\d)(?P<more>(?:\s*(?:,|and|&)\s*(?:(?:19|20)\d\d))*)"
_COUNT = r"(?:\d{1,2}|three|six|nine|twelve|thirteen|twenty[\s-]six|thirty[\s-]nine|fifty[\s-]two|fifty[\s-]three)"

# the standard `re` engine runs this long alternation about a third faster than `regex`
PERIOD = kept_re(
    rf"""(?P<dur>\b(?:for|in|during|over|of)?\s*(?:the|its|each\s+of\s+the|the\s+company's|[A-Z][\w.&]*'s)?\s*
            (?:(?P<la>{_COUNT})\s+and\s+)?(?P<len>{_LEN})(?:\s+(?:fiscal\s+year\s+)?(?:transition\s+)?periods?)?\s+(?:ended|ending|then\s+ended)\s+{_DATE_LIST})
       |(?P<qtr>\b(?:for|in|during|of)?\s*(?:the|its)?\s*(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter\s+(?:(?:of|in)\s+)?(?:fiscal\s+)?(?:year\s+)?(?P<qy>(?:19|20)\d\d)(?P<qmore>(?:\s*(?:,|and|&)\s*(?:19|20)\d\d\b)+)?
            |\b(?:(?:for|in|during|of)\s+(?:the\s+)?)?Q(?P<qn>[1-4])\s*(?:fiscal\s*|FY\s*)?'?(?P<qy2>(?:19|20)\d\d|\d\d)\b
            |\b(?:(?:for|in|during|of)\s+)?(?:the\s+|its\s+)?(?:fiscal\s+(?:year\s+)?|FY\s*)?(?P<qy3>(?:19|20)\d\d)\s+(?:fiscal\s+)?(?P<qo3>first|second|third|fourth)[\s-]+quarter\b
            |\b(?:(?:for|in|during|of)\s+(?:the\s+)?)?(?P<qn4>[1-4])Q\s*(?:FY\s*)?'?(?P<qy4>(?:19|20)\d\d|\d\d)\b)
       |(?P<ytd>\b(?:(?:for|in|during)\s+)?(?:the\s+)?first\s+(?:(?P<ylen>three|six|nine|3|6|9)\s+months|(?P<yq>two|three|2|3)\s+(?:fiscal\s+)?quarters)\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?(?P<yy>(?:19|20)\d\d)\b
            |\b(?:(?:for|in|during)\s+)?(?:the\s+)?first\s+half\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?(?P<hy>(?:19|20)\d\d)\b)
       |(?P<inst>\b(?:as\s+of|at|on)\s+{_DATE_LIST.replace('(?P<m>', '(?P<im>').replace('(?P<d>', '(?P<id>').replace('(?P<y>', '(?P<iy>').replace('(?P<more>', '(?P<imore>')})
       |(?P<fy>\b(?:(?:for|in|during)\s+(?:the\s+)?)?(?:full[\s-]year\s+(?:fiscal\s+)?|fiscal(?:\s+year)?\s+|FY\s*'?|calendar\s+(?:year\s+)?)(?P<fyy>(?:19|20)\d\d|\d\d)\b
            |\b(?:for|in)\s+(?P<fyy2>(?:19|20)\d\d)\b(?!\s*(?:and|,)\s*(?:19|20)\d\d))
       |(?P<rel>\b(?:for|in|during|to|with|over|versus|vs\.?)\s+the\s+(?:same\s+(?:period|quarter)\s+(?:of\s+)?(?:last|the\s+prior|the\s+previous)\s+year
            |(?:same|corresponding|comparable)\s+(?:prior[\s-]year\s+)?(?:period|quarter)\s+(?:in|of)\s+(?:fiscal\s+)?(?P<ry>(?:19|20)\d\d)\b
            |prior[\s-]year(?:\s+(?:period|quarter))?|prior\s+period|(?:comparable|corresponding)\s+(?:prior[\s-]year\s+)?period
            |year[\s-]ago\s+(?:period|quarter)|same\s+period\s+(?:in|of)\s+the\s+prior\s+year)
            |\ba\s+year\s+(?:ago|earlier)\b|\blast\s+year\b)
    """, re.I | re.X)


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    periods: tuple[Period, ...]       # resolved; empty for a relative mention
    relative: bool = False            # "the same period last year": the previous period, a year earlier
    instant: bool = False
    length: Optional[Length] = None
    anchored: bool = True             # begins with a preposition or says "ended": fit to date an amount
    quarter: bool = False             # a quarter named by its number and year
    year: Optional[int] = None        # the year a relative mention names ("the corresponding period in 2023")



def _years(first: str, more: str) -> list[int]:
    return [int(first)] + [int(y) for y in _YEAR.findall(more or "")]


_ANCHOR = kept_regex(r"^\s*(?:for|in|during|over|of|as\s+of|at|on)\b|\b(?:ended|ending)\b", regex.I)


def find_periods(sentence: str, cal: Calendar) -> list[PeriodMention]:
    out = cal.periods_seen.get(sentence)
    if out is None:
        # a quarter named with its year ("third-quarter 2025", "Q3 2025", "3Q25") or "a year ago" is a period
        # wherever it stands
        out = [replace(p, anchored=bool(_ANCHOR.search(sentence[p.start:p.end])) or p.quarter or p.relative)
               for p in _find(sentence, cal)]
        cal.periods_seen[sentence] = out
    return list(out)


# Every period phrase holds one of these triggers; PERIOD runs only in windows around them (a phrase reaches
# at most ~150 characters before its year), which keeps long sentences cheap. They are looked for in the
# lower-cased sentence by two plain patterns, one led by a digit and one by a word boundary: a single
# case-insensitive alternation of them all is three times slower.
_TRIGGER_DIGITS = kept_re(r"(?:19|20)\d\d|[1-4]q\s*'?\d\d\b")
_TRIGGER_WORDS = kept_re(r"\b(?:q[1-4]|fy|fiscal\s+(?:year\s+)?'?\d\d\b|prior|same\s+(?:period|quarter)|year[\s-]ago|"
                            r"year\s+earlier|last\s+year|comparable)")
_REACH = 160


def _triggers(sentence: str) -> list[tuple[int, int]]:
    lower = sentence.lower()
    if len(lower) != len(sentence):   # a character whose lower case is longer: positions would drift
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
    return sorted([m.span() for m in _TRIGGER_DIGITS.finditer(lower)]
                  + [m.span() for m in _TRIGGER_WORDS.finditer(lower)])


def _windows(sentence: str) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for t_start, t_end in _triggers(sentence):
        a, b = max(0, t_start - _REACH), min(len(sentence), t_end + 40)
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


# How every alternative of PERIOD begins, ignoring case: a preposition, an article, a possessive, or the
# period's own first word (a count, "fiscal", "first", "Q" as in "Q3" or "quarter", "a year ago"); a figure
# only as a count of months or weeks ("13 weeks", "6 and 9 months"), an ordinal ("3rd"), a year before its
# quarter ("2025 first quarter") or "3Q". PERIOD is tried only at the starts of words that begin so: a
# quarter of a window's words, and the others ("revenue", "million", "$1.2") cost the long alternation most.
# Keep it in step with PERIOD (tests/test_fast_scans.py compares the scan with PERIOD tried at every word
# start).
_PERIOD_LEAD = (r"(?:for|in|during|over|of|the|its|each|three|six|nine|twelve|thirteen|fourteen|twenty|thirty|"
                r"fifty|fiscal|year|first|second|third|fourth|Q|FY|as|at|on|full|calendar|to|with|versus|"
                r"vs|a\s|last)|[A-Z][\w.&]*'s|\d{1,2}[\s-]*(?:month|week)|\d{1,2}\s+and\s|(?:1st|2nd|3rd|4th)"
                r"|(?:19|20)\d\d\s+(?:fiscal\s+)?(?:first|second|third|fourth)|[1-4]Q")
# PERIOD at a word start (`\b(?=\w)`) that begins as above: one search runs over a window in C
_PERIOD_AT_WORD = kept_re(rf"\b(?=\w)(?={_PERIOD_LEAD})(?:{PERIOD.pattern})", PERIOD.flags)


def _matches(sentence: str):
    """PERIOD's matches, tried only at the starts of words inside the windows: every phrase starts a word,
    and most of a window's positions are letters inside words, where trying the long alternation costs most.
    The same as trying PERIOD.match(sentence, w, b) at each word start w of a window (a, b) from the end of
    the last match on, in one search per match."""
    seen = -1
    for a, b in _windows(sentence):
        pos = max(a, seen)
        while m := _PERIOD_AT_WORD.search(sentence, pos, b):
            seen = pos = m.end()
            yield m


_MONTHS_WORDS = {"two": 2, "three": 3, "six": 6, "nine": 9}
_EACH_QUARTER = kept_regex(r"\brespectively\b|\b(?:a|per|each)\s+quarter\b|\bquarterly\b|\baverag", regex.I)


def _find(sentence: str, cal: Calendar) -> list[PeriodMention]:
    out = []
    for m in _matches(sentence):
        if m["dur"]:
            length = length_of(m["len"])
            if length is None:
                continue
            ends = [make_date(m["m"], m["d"], str(y)) for y in _years(m["y"], m["more"])]
            if m["la"]:   # "the three and nine months ended September 30, 2025": two lengths, one end
                first = length_of(f"{m['la']} {'weeks' if length.weeks else 'months'}")
                if first is None or len(ends) != 1 or ends[0] is None:
                    continue
                out.append(PeriodMention(m.start(), m.end(), tuple(Period(ends[0], n.start_for(ends[0]))
                                                                   for n in (first, length))))
                continue
            ps = tuple(Period(e, length.start_for(e)) for e in ends if e)
            out.append(PeriodMention(m.start(), m.end(), ps, length=length))
        elif m["qtr"]:
            q = int(m["qn"] or m["qn4"] or 0) or ORDINAL_QUARTERS[(m["qo"] or m["qo3"]).lower()]
            y = m["qy"] or m["qy2"] or m["qy3"] or m["qy4"]
            fy = int(y) if len(y) == 4 else 2000 + int(y)
            # "the fourth quarter of 2024 and 2023": that quarter of each year
            ends = [cal.quarter_end(q, y) for y in [fy] + [int(y) for y in _YEAR.findall(m["qmore"] or "")]]
            out.append(PeriodMention(m.start(), m.end(), tuple(Period(e, Length(months=3).start_for(e)) for e in ends),
                                     length=Length(months=3), quarter=True))
        elif m["ytd"]:   # "the first nine months of 2025", "the first half of fiscal 2024": from the year's start
            # ("the first three quarters of fiscal 2011": nine months; not where the sentence gives each quarter
            # its own amount, "... $49.0 million and $50.0 million, respectively", "$50.0 million a quarter")
            if m["yq"] and _EACH_QUARTER.search(sentence):
                continue
            months = 6 if m["hy"] else 3 * (_MONTHS_WORDS.get(m["yq"].lower()) or int(m["yq"])) if m["yq"] \
                else _MONTHS_WORDS.get(m["ylen"].lower()) or int(m["ylen"])
            end = cal.quarter_end(months // 3, int(m["yy"] or m["hy"]))
            length = Length(months=months)
            out.append(PeriodMention(m.start(), m.end(), (Period(end, length.start_for(end)),), length=length))
        elif m["inst"]:
            ends = [make_date(m["im"], m["id"], str(y)) for y in _years(m["iy"], m["imore"])]
            out.append(PeriodMention(m.start(), m.end(), tuple(Period(e) for e in ends if e), instant=True))
        elif m["fy"]:
            y = m["fyy"] or m["fyy2"]
            fy = int(y) if len(y) == 4 else 2000 + int(y)
            end = cal.fiscal_year_end(fy)
            # a 52/53-week year starts the day after the year before it ends (53 weeks, when it has them)
            start = cal.fiscal_year_end(fy - 1) + timedelta(days=1) if cal.weekly else Length(months=12).start_for(end)
            out.append(PeriodMention(m.start(), m.end(), (Period(end, start),), length=Length(months=12)))
        elif m["rel"]:
            out.append(PeriodMention(m.start(), m.end(), (), relative=True, year=int(m["ry"]) if m["ry"] else None))
    return out


# "fourth quarter", "for the fourth-quarter", "Q4" with no year after it
_BARE_QUARTER = kept_re(r"(?:\b(?:for|in|during)\s+the\s+)?"
                           r"\b(?:(?P<qo>first|second|third|fourth)[\s-]+(?:fiscal\s+)?quarter|Q(?P<qn>[1-4]))\b"
                           r"(?!\s*(?:of\s+)?(?:fiscal\s+|FY\s*)?'?(?:19|20)?\d\d\b)", re.I)


def bare_quarters(sentence: str, cal: Calendar, within: Period) -> list[PeriodMention]:
    """Quarters named without a year ("Fourth quarter revenue is expected ..."), as the quarter of that
    number in the fiscal year `within` ends in: an outlook's quarter lies in the year it looks at."""
    fy = within.end.year
    if cal.fiscal_year_end(fy) < within.end:
        fy += 1
    elif cal.fiscal_year_end(fy - 1) >= within.end:
        fy -= 1
    out = []
    for m in _BARE_QUARTER.finditer(sentence):
        q = int(m["qn"]) if m["qn"] else ORDINAL_QUARTERS[m["qo"].lower()]
        end = cal.quarter_end(q, fy)
        out.append(PeriodMention(m.start(), m.end(), (Period(end, Length(months=3).start_for(end)),),
                                 length=Length(months=3), quarter=True))
    return out


def year_earlier(p: Period, cal: Optional[Calendar] = None) -> Period:
    """The same period a year before. A period counted in weeks (13, 26, 52: a 52/53-week calendar, or any
    period of a document that keeps one) goes back 52 weeks, to the same weekday; any other goes back twelve
    months, a month end staying a month end. Off a month end, the one date within a week that the document
    prints (or a table ends on) wins: a year of 53 weeks, or a calendar day that fell on another weekday."""
    from .dates import add_months
    weeks = p.start is not None and ((p.end - p.start).days + 1) % 7 == 0 and not is_month_end(p.end)
    if weeks or (cal is not None and cal.weekly):
        end, start = p.end - timedelta(weeks=52), (p.start - timedelta(weeks=52) if p.start else None)
    else:
        end, start = add_months(p.end, -12), (add_months(p.start, -12) if p.start else None)
    if is_month_end(end) and not (cal is not None and cal.weekly):
        return Period(end, start)
    shift = timedelta(0)
    printed = set(cal.dates) | set(cal.ends) if cal is not None else set()
    if end not in printed:
        near = {d for d in printed if abs((d - end).days) <= 7}
        if len(near) == 1:
            shift = near.pop() - end
    return Period(end + shift, start + shift if start else None)