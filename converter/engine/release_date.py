"""The release's own date, from its dateline ("SEATTLE, Feb. 11, 2025 (GLOBE NEWSWIRE) --", "SANTA CLARA,
Calif., Feb. 25, 2026 -- NVIDIA"). A release reports no actual figure for a period that ends after the day
it was published, so this date bounds every period the tables and sentences resolve, and it settles how an
issuer names its fiscal years when the text alone leaves that open.

Only a date printed the way datelines are is taken: right after a place name and a comma (and a state or
country: "SANTA CLARA, Calif., "), or after a newswire's name ("NEW YORK--(BUSINESS WIRE)--"), or just before
a newswire's name or a dash. A first date of any other kind ("On January 5, 2024, we acquired ...", "NEW YORK,
12 February 2025 -- ... for the quarter ended December 31, 2024") is no dateline. With none, a newswire copy's
front matter gives the day it was published (readers/front_matter.py); else the release has no date.
"""
from __future__ import annotations

from datetime import date
from typing import Optional

import regex

from ..model import Document, Paragraph
from .dates import full_dates, make_date
from ..rulebook.regex_code import kept_regex

HEAD_CHARS = 4000     # the dateline stands in the opening text
# the newswires' names (narrative.py knows the line one prints under a release's title by them too)
WIRE_NAMES = (r"(?:globe\s*newswire|business\s*wire|businesswire|pr\s*newswire|access\s*wire|access\s*newswire|newsfile|"
              r"marketwired?|eqs|cnw|newmediawire|einpresswire|prweb|newswire)")
# after the date: the wire's name, or a dash and the first word of the text on the same line
# (matched at the date's end: no "^", which holds only at the text's start)
_AFTER = kept_regex(rf"[ \t]*(?:/?[ \t]*\(?[ \t]*{WIRE_NAMES}|[-–—―]+[ \t]*(?=[A-Z(\"]))", regex.I)
# before it, on the same line near its start: a place in capitals and a comma ("SANTA CLARA, Calif., "), or
# the wire's name ("NEW YORK, NY / ACCESS Newswire / ")
_PLACE = kept_regex(r"\b[A-Z][A-Z.']{2,}(?:[ \t]+[A-Z][A-Z.']+)*,(?:[ \t]*[A-Z][\w.']*(?:[ \t]+[A-Z][\w.']*)*[ \t]*"
                    r"(?:,|[-–—―]+))*[ \t]*$")
_WIRE_BEFORE = kept_regex(rf"{WIRE_NAMES}[ \t]*\)?[ \t]*(?:/|[-–—―]+)?[ \t]*$", regex.I)
_MARKUP = " \t*_#>|"   # what opens a line of Markdown before its words
LINE_START = 120      # a dateline's date stands this close to the start of its line
_SENTENCE_END = kept_regex(r"[.!?)][\"”’]?\s+(?=[A-Z])")


def release_date(doc: Document) -> Optional[date]:
    """The dateline's date, or the day a front matter says the copy was published, or None."""
    head = ""
    for block in doc.blocks:
        if not isinstance(block, Paragraph):
            continue
        head += block.text + "\n"
        if len(head) >= HEAD_CHARS:
            break
    return dateline(head[:HEAD_CHARS]) or doc.published


def dateline(text: str) -> Optional[date]:
    for m in full_dates(text):
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
        # a date that opens its line and a dash or the wire's name follows ("Feb. 12, 2025 -- Acme Corp ..."); a
        # date within a line ("... Quarter Ended December 31, 2024 - Revenue Up 10%") is no dateline so
        if (not before.strip(_MARKUP) and _AFTER.match(text, m.end())) or _PLACE.search(before) \
                or _WIRE_BEFORE.search(before):
            return d
    return None


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
