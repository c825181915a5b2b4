"""The period that frames a sentence's amounts when the words beside them name none: the one the sentence
opens with ("For the nine months ended ..., R&D expenses were $A"), a "for the quarter" of that length, and where
the sentence turns to a period of its own, away from its section heading's. A sentence that looks ahead
("expects ...") has no framing period: an outlook is the guidance's to read.
"""
from __future__ import annotations

from typing import Optional

import regex

from .dates import ORDINAL_QUARTERS
from .dollar_amounts import Amount
from .metric_mentions import Mention
from .periods_text import PeriodMention
from .release_calendar import Calendar
from ..rulebook.regex_code import kept_regex

_OPENING = kept_regex(r"^[\s•*·-]*$")
FORWARD = kept_regex(r"\b(?:expects?|expected|expecting|anticipates?|anticipated|anticipating|projects?|projected|"
                         r"projecting|forecast(?:s|ing|ed)?|"
                         r"outlook|guidance|targets?|plans?|will|estimates?|intends?)\b", regex.I)


def opening_period(sent: str, periods: list[PeriodMention], mentions: list[Mention],
                   amounts: list[Amount]) -> Optional[PeriodMention]:
    """The period a sentence opens with, before any metric or amount: "For the nine months ended September
    30, 2025, R&D expenses were ..." (one period, and nothing but a bullet before it)."""
    if FORWARD.search(sent):   # "For fiscal 2025, the Company expects net sales of ...": an outlook
        return None
    first = min([m.start for m in mentions] + [a.start for a in amounts], default=len(sent))
    for p in periods:
        if p.end <= first and len(p.periods) == 1 and not p.relative and _OPENING.match(sent[:p.start]):
            return p
    return None


# "Capital expenditures for the quarter were $22.5 million": the period the sentence is framed by, named by its
# length alone
_THIS_PERIOD = kept_regex(r"\b(?:for|in|during)\s+the\s+(?:(?P<q>(?:(?P<qo>first|second|third|fourth)[\s-]+(?:fiscal\s+)?)?"
                             r"quarter|three\s+months)|(?P<y>(?:fiscal\s+)?year|twelve\s+months))(?![\w-])"
                             r"(?!\s+(?:ended|ending|of|ago|earlier|before|to\s+date)\b)", regex.I)


# a length of a year, named without its own period phrase ("full year", "year-to-date", "during 2024")
_YEAR_LONG = kept_regex(r"\bfull[\s-]year\b|\byear[\s-]to[\s-]date\b|\b(?:during|over|throughout)\s+(?:fiscal\s+)?"
                           r"(?:19|20)\d\d\b|\bfor\s+the\s+(?:full\s+|fiscal\s+)*year\b(?!\s+(?:ended|ending))", regex.I)


_ITS_OWN = kept_regex(r"\b(?:for|in|during)\s+(?:(?:the|its|each\s+of\s+the)\s+)?$|^(?:for|in|during)\b", regex.I)


def turned_from(sent: str, periods: list[PeriodMention], heading: Optional[PeriodMention]) -> int:
    """Where the sentence first names, as its own ("for the six months ended ..."), a period other than the
    heading's; the sentence's length when it names none."""
    mine = heading.periods if heading is not None else ()
    for p in periods:
        if p.periods and p.periods != mine and (_ITS_OWN.search(sent[max(0, p.start - 20):p.start])
                                                 or _ITS_OWN.match(sent[p.start:p.end])):
            return p.start
    return len(sent)


def this_period(sent: str, framing: Optional[PeriodMention], blanks: list,
                cal: Optional[Calendar] = None) -> Optional[PeriodMention]:
    """The framing period, when every "for the quarter" ("for the year") of the sentence is that long, and
    every "for the fourth quarter" is that quarter of its year; its phrases are then blanked for the grammar. A
    sentence naming another length, or another quarter, has no framing period."""
    period = framing.periods[0] if framing is not None and framing.periods else None
    if period is not None and period.start and (period.end - period.start).days < 350 and _YEAR_LONG.search(sent):
        return None   # "For the full year, net income was ...": not the quarter a heading names
    for m in _THIS_PERIOD.finditer(sent):
        period = framing.periods[0] if framing is not None and framing.periods else None
        days = (period.end - period.start).days + 1 if period is not None and period.start else 0
        if not (80 <= days <= 100 if m["q"] else 350 <= days <= 380):
            return None
        if m["qo"] and (cal is None or not any(cal.quarter_end(ORDINAL_QUARTERS[m["qo"].lower()], fy) == period.end
                                               for fy in (period.end.year, period.end.year + 1))):
            return None
        blanks.append(m.span())
    return framing


# a year the sentence names, or the year before ("for the fourth quarter last year", "in 2023", "a year ago"):
# which year's quarter "the fourth quarter" is, the release's own is no longer the answer
_A_YEAR = kept_regex(r"\b(?:19|20)\d\d\b|\bFY\s?'?\d\d\b|\b(?:last|prior|previous|preceding|same)\s+(?:fiscal\s+)?year\b|"
                     r"\byear[\s-]+(?:ago|earlier|before)\b|\bprior[\s-]+year\b", regex.I)


# ... unless the sentence names it as what the amount is compared with ("compared with the prior-year quarter")
_COMPARED = kept_regex(r"\b(?:compared\s+(?:to|with)|versus|vs\.?|from|over|than)\b[^,;$]*$", regex.I)


def reported_quarter(sent: str, cal: Optional[Calendar], blanks: list) -> Optional[PeriodMention]:
    """"Cash provided by operating activities for the fourth quarter was $685 million" ("during the quarter")
    under a heading that dates nothing: the quarter the release's tables report last, where it is the one
    named; its phrases are then blanked for the grammar. Another quarter, a year, or a full year named beside
    it, or a year (or the year before) named anywhere in it, and nothing frames the sentence."""
    if cal is None or FORWARD.search(sent) or _YEAR_LONG.search(sent) or any(
            not _COMPARED.search(sent, max(0, m.start() - 30), m.start()) for m in _A_YEAR.finditer(sent)):
        return None
    quarter = next((p for p in cal.reported if 80 <= (p.end - p.start).days + 1 <= 100), None)
    if quarter is None:
        return None
    spans = []
    for m in _THIS_PERIOD.finditer(sent):
        if not m["q"]:
            return None
        if m["qo"] and not any(cal.quarter_end(ORDINAL_QUARTERS[m["qo"].lower()], fy) == quarter.end
                               for fy in (quarter.end.year, quarter.end.year + 1)):
            return None
        spans.append(m.span())
    if not spans:
        return None
    blanks.extend(spans)
    return PeriodMention(spans[0][0], spans[0][1], (quarter,), quarter=True)
