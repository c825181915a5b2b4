"""The words of a column header, by kind: a length ("Three Months Ended"), a quarter ("Q3 2025", "4Q24"), a
date, a fiscal year, a month and day, a year, a quarter without its year, a total, an end of an outlook's range,
a column to skip ("% Change"), a non-GAAP view, an average. engine/columns.py reads a column's period from them."""
from __future__ import annotations

import regex

from .dates import MONTH_RE, NUMBER_WORD, NUMERIC_DATE
from ..rulebook.regex_code import kept_regex

_NUM = rf"(?:\d{{1,2}}|{NUMBER_WORD})"
TOKEN = kept_regex(
    rf"""(?P<len>(?<!\w)(?<![A-Za-z]-){_NUM}[\s-]*(?:months?|weeks?)(?:\s+(?:ended|ending))?\b
            |\b(?:fiscal\s+)?(?:quarters?|years?|periods?)\s+(?:ended|ending)\b
            |\btransition\s+period\b
            |\byear[\s-]to[\s-]date\b|\bYTD\b
            |\b(?:H[12]|[12]H|(?:first|second)\s+half)\b)
       |(?P<q>\bQ(?P<qn>[1-4])[\s-]*(?:FY\s*|fiscal\s*)?'?(?P<qy>(?:19|20)?\d\d)\b
            |\b(?P<qn3>[1-4])Q[\s-]*(?:FY\s*)?'?(?P<qy3>(?:19|20)?\d\d)\b
            |\b(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|qtr\.?)(?:\s+of)?(?:\s+fiscal)?(?:\s+year)?\s+(?P<qy2>(?:19|20)\d\d)\b)
       |(?P<date>\b{MONTH_RE}\s*\d{{1,2}}\s*,?\s*(?:19|20)\d\d\b|{NUMERIC_DATE})
       |(?P<fy>\b(?:fiscal(?:\s+year)?|FY|full[\s-]year(?:\s+fiscal)?)\s*'?(?P<fyy>(?:19|20)?\d\d)\b
            |\b(?P<fyy>(?:19|20)\d\d)\s+(?:full[\s-]year\s+)?(?:outlook|guidance|actuals?)\b)
       |(?P<mr>\b(?P<mr1>{MONTH_RE})\s*(?:-|\u2013|\u2014|to|through)\s*(?P<mr2>{MONTH_RE})\s*,?\s*(?P<mry>(?:19|20)\d\d)\b)
       |(?P<md>\b{MONTH_RE}(?![a-z])(?:\s*\d{{1,2}}\b)?)
       |(?P<y>\b(?:19|20)\d\d\b(?!\s*(?:to|vs\.?|versus|over)\s*(?:19|20)\d\d\b))
       |(?P<qonly>\bQ(?P<qon>[1-4])\b|\b(?P<qoo>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:quarter|qtr)\b
            |^(?P<qoo>first|second|third|fourth)$)
       |(?P<total>\btotal\b|\bfull\s+year\b|\bfiscal\s+year\b)
       |(?P<rng>\b(?:low|high|minimum|maximum)(?:\s+end)?\b)
       |(?P<skip>\b(?:19|20)\d\d\s*(?:to|vs\.?|versus|over)\s*(?:19|20)\d\d\b|%\s*change|\bchange\b|\bvariance\b|\bincrease\b|\bdecrease\b|%|\badj\b\.?|\badjustments?\b)
       |(?P<ng>\bnon[\s-]?gaap\b|\badjusted\b|\bas\s+adjusted\b|\bpro\s+forma\b)
       |(?P<avg>\baverages?\b|\bavg\b\.?)
    """, regex.I | regex.X)

LEAF = ("date", "y", "q", "fy", "skip")
KINDS = ("len", "q", "date", "fy", "mr", "md", "y", "qonly", "total", "rng", "skip", "ng", "avg")
PERIOD_KINDS = {"len", "q", "date", "fy", "mr", "md", "y", "qonly"}   # the kinds that say a column's period
TO_DATE = kept_regex(r"to[\s-]date|ytd", regex.I)


# "June 30, 2004 and 2003", "December 31, 2024 2023": one day of several years, each a column's; the day is no
# date of the first year
_LISTED_YEARS = kept_regex(rf"({MONTH_RE}\s*\d{{1,2}})\s*,?\s*((?:19|20)\d\d(?:(?:\s*(?:,|and|&)\s*|\s+)(?:19|20)\d\d)+\b)",
                              regex.I)


# "EndedDecember 31,": a line break the copy lost between a word and the month after it
GLUED_MONTH = kept_regex(r"(?<=[a-z])(?=(?:January|February|March|April|May|June|July|August|September|October|"
                             r"November|December)\b)")


def readable(text: str) -> str:
    """A header cell with the month parted from the word it was glued to and a list of years parted from
    the day they share."""
    return GLUED_MONTH.sub(" ", _LISTED_YEARS.sub(_listed, text))


def _listed(m) -> str:
    # a day of several years names each once: "December 31, 2024 2024 2023" is three columns' dates run
    # together, the others' days printed before it
    years = _YEARS.findall(m.group(2))
    return f"{m.group(1)}; {m.group(2)}" if len(set(years)) == len(years) else m.group(0)


_YEARS = kept_regex(r"(?:19|20)\d\d")


def tokens(text: str):
    text = readable(text)
    for m in TOKEN.finditer(text):
        kind = None
        for k in KINDS:
            if m.group(k):
                kind = k
                break
        yield kind, m


def has(text: str, kind: str) -> bool:
    return any(k == kind for k, _m in tokens(text))


def to_date(slot: dict) -> bool:
    """A column's length (its slot's "len" token) reads "year to date" ("YTD", "Year-to-Date")."""
    return "len" in slot and bool(TO_DATE.search(slot["len"].group(0)))
