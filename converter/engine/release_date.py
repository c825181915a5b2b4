"""The release's own date, from its dateline ("SEATTLE, Feb. 11, 2025 (GLOBE NEWSWIRE) --", "SANTA CLARA,
Calif., Feb. 25, 2026 -- NVIDIA"). A release reports no actual figure for a period that ends after the day
it was published, so this date bounds every period the tables and sentences resolve, and it settles how an
issuer names its fiscal years when the text alone leaves that open.

Only a date printed the way datelines are is taken: right after a place name and a comma (and a state or
country: "SANTA CLARA, Calif., "), or after a newswire's name ("NEW YORK--(BUSINESS WIRE)--"), or just before
a newswire's name or a dash; written month first or day first ("LONDON, 6 February 2025 --"). A first date of
any other kind ("On January 5, 2024, we acquired ...", "HALF YEAR RESULTS, 30 June 2024", a later date on the
dateline's line) is no dateline. With none, a newswire copy's
front matter gives the day it was published (readers/front_matter.py); else the release has no date.
"""
from __future__ import annotations

from datetime import date
from typing import Optional

import regex

from ..model import Document, Paragraph
from .dates import MONTH_RE, full_dates, make_date
from ..rulebook.regex_code import kept_regex

HEAD_CHARS = 4000     # the dateline stands in the opening text
# the newswires' names (narrative.py knows the line one prints under a release's title by them too)
WIRE_NAMES = (r"(?:globe\s*newswire|business\s*wire|businesswire|pr\s*newswire|access\s*wire|access\s*newswire|newsfile|"
              r"marketwired?|eqs|cnw|newmediawire|einpresswire|prweb|newswire)")
# after a date that opens its line: the wire's name ("Feb. 12, 2025 /PRNewswire/ --"), or a dash and the first
# word of the text on the same line ("Feb. 12, 2025 -- Acme Corp today reported"); matched at the date's end (no
# "^", which holds only at the text's start)
_WIRE_AFTER = kept_regex(rf"[ \t]*/?[ \t]*\(?[ \t]*{WIRE_NAMES}", regex.I)
_DASH_AFTER = kept_regex(r"[ \t]*[-–—―]+[ \t]*(?=[A-Z(\"])")
# what the sentence after a dated dash says, for that date to be the release's ("... today reported ...") and not
# an event's ("December 3, 2024 – Widget opened its 500th store")
_ANNOUNCES = kept_regex(r"\b(?:today|announced|announces|reported|reports)\b", regex.I)
ANNOUNCE_REACH = 200
# before it, on the same line near its start: a place in capitals and a comma ("SANTA CLARA, Calif., "), or
# the wire's name ("NEW YORK, NY / ACCESS Newswire / ")
_PLACE = kept_regex(r"\b[A-Z][A-Z.']{2,}(?:[ \t]+[A-Z][A-Z.']+)*,(?:[ \t]*[A-Z][\w.']*(?:[ \t]+[A-Z][\w.']*)*[ \t]*"
                    r"(?:,|[-–—―]+))*[ \t]*$")
_PERIOD_WORDS = kept_regex(r"\b(?:RESULTS|QUARTER|YEAR|MONTHS|PERIOD|ENDED|ENDING)\b", regex.I)
_WIRE_BEFORE = kept_regex(rf"{WIRE_NAMES}[ \t]*(?:\]\([^)\s]*\))?[ \t]*\)?[ \t]*(?:/|[-–—―]+)?[ \t]*$", regex.I)
_MARKUP = " \t*_#>|"   # what opens a line of Markdown before its words
LINE_START = 120      # a dateline's date stands this close to the start of its line
_SENTENCE_END = kept_regex(r"[.!?)][\"”’]?\s+(?=[A-Z])")


def release_date(doc: Document) -> Optional[date]:
    """The dateline's date; else the day a front matter says the copy was published; else a date that opens
    the release's first lines the way a dateline does but names no place or wire; else None."""
    head = ""
    for block in doc.blocks:
        if not isinstance(block, Paragraph):
            continue
        head += block.text + "\n"
        if len(head) >= HEAD_CHARS:
            break
    day, firm = dateline_reading(head[:HEAD_CHARS])
    return day if firm else doc.published or day


def dateline(text: str) -> Optional[date]:
    return dateline_reading(text)[0]


def dateline_reading(text: str) -> tuple[Optional[date], bool]:
    """The dateline's date and whether it is firm: after a place or a wire's name, or before a wire's name. A
    date that opens its line before a dash and an announcement is a weak reading, taken only where no firm
    one is found."""
    weak = None
    for m in sorted([*full_dates(text), *_day_first_dates(text)], key=lambda m: m.start()):
        d = make_date(m["m"], m["d"], m["y"])
        if d is None:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start:m.start()]
        if len(before) > LINE_START:
            # a reader that joined wrapped lines (PDF text) leaves the dateline after the sentence before it
            ends = list(_SENTENCE_END.finditer(before, _last_ends_from(before)))
            before = before[ends[-1].end():] if ends else before
            if len(before) > LINE_START:
                continue
        opens = not before.strip(_MARKUP)
        place = _PLACE.search(before)
        if place and _PERIOD_WORDS.search(" ".join(place.group(0).split(",")[0].split()[-2:])):
            place = None   # "HALF YEAR RESULTS, 30 June 2024": a title naming the period, not a place
        if place or _WIRE_BEFORE.search(before) or (opens and _WIRE_AFTER.match(text, m.end())):
            return d, True
        if weak is None and opens and _DASH_AFTER.match(text, m.end()) \
                and _ANNOUNCES.search(text, m.end(), min(len(text), m.end() + ANNOUNCE_REACH)):
            weak = d
    return weak, False


# a date written day first, as British, European and Australian datelines write it ("LONDON, 6 February 2025
# --", "PERTH, Western Australia, 18 Feb. 2025 --")
_DAY_FIRST = kept_regex(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?P<m>{MONTH_RE})\.?,?[ \t]+(?P<y>(?:19|20)\d\d)\b", regex.I)


def _day_first_dates(text: str):
    """_DAY_FIRST's matches, looked for only in a text that names a month right after a day (most datelines
    put the month first)."""
    return _DAY_FIRST.finditer(text) if _DIGIT_MONTH.search(text) else ()


_DIGIT_MONTH = kept_regex(rf"\d(?:st|nd|rd|th)?[ \t]+(?:{MONTH_RE})\b", regex.I)


def _last_ends_from(before: str) -> int:
    """Where to look for the last sentence end in `before` from, instead of its start (a long line with dates
    all along it was read again from its start for each): a character no more than LINE_START from the end
    that no sentence end can run over, being no blank or quote (after its first character a match holds only
    those). The matches from there are the ones a scan from the start finds there, and one ending before it
    leaves more than LINE_START characters either way."""
    at = max(0, len(before) - LINE_START - 1)
    while at > 0 and (before[at].isspace() or before[at] in "\"”’"):
        at -= 1
    return at
