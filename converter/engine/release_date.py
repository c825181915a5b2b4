"""The release's own date, from its dateline ("SEATTLE, Feb. 11, 2025 (GLOBE NEWSWIRE) --", "SANTA CLARA,
Calif., Feb. 25, 2026 -- NVIDIA"). A release reports no actual figure for a period that ends after the day
it was published, so this date bounds every period the tables and sentences resolve, and it settles how an
issuer names its fiscal years when the text alone leaves that open.

Only a date printed the way datelines are is taken: after a place name and a comma, or just before a
newswire's name or a dash. A first date of any other kind ("On January 5, 2024, we acquired ...") is no
dateline, and then the release has none.
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
              r"marketwired?|eqs|cnw)")
# after the date: the wire's name, or a dash and the first word of the text on the same line
_AFTER = kept_regex(rf"^[ \t]*(?:/?[ \t]*\(?[ \t]*{WIRE_NAMES}|[-–—―]+[ \t]*(?=[A-Z(\"]))", regex.I)
# before it, on the same line near its start: a place in capitals and a comma ("SANTA CLARA, Calif., "), or
# the wire's name ("NEW YORK, NY / ACCESS Newswire / ")
_PLACE = kept_regex(r"\b[A-Z][A-Z.']{2,}(?:[ \t]+[A-Z][A-Z.']+)*,")
_WIRE_BEFORE = kept_regex(rf"{WIRE_NAMES}[ \t]*/?[ \t]*$", regex.I)
LINE_START = 120      # a dateline's date stands this close to the start of its line
_SENTENCE_END = kept_regex(r"[.!?)][\"”’]?\s+(?=[A-Z])")


def release_date(doc: Document) -> Optional[date]:
    """The dateline's date, or None when the opening text prints none."""
    head = ""
    for block in doc.blocks:
        if not isinstance(block, Paragraph):
            continue
        head += block.text + "\n"
        if len(head) >= HEAD_CHARS:
            break
    return dateline(head[:HEAD_CHARS])


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
        if _AFTER.match(text, m.end()) or _PLACE.search(before) or _WIRE_BEFORE.search(before):
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
