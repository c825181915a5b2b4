"""Classifying the pieces of a table as printed: figures, years, period words, currency marks, labels.

Shared by the text readers, which must rebuild tables from flattened or scattered pieces.
"""
from __future__ import annotations

import regex

from ..engine.dates import MONTH_RE
from ..engine.numbers import is_year, parse_figure
from ..rulebook.regex_code import kept_regex

# compiled once: `regex.search(r"...", text)` looks the pattern up in regex's cache on every call
_SPACES = kept_regex(r"\s+")
# a word of three letters or more (other than "nil") is in no figure: lines holding one are refused unsplit
WORD = kept_regex(r"(?i)(?!nil\b)[a-z]{3,}")

MARKS = {"$", ")", "%", "$)", "(", "US$", "USD", "€", "£"}

# Words that may appear in a column header and nowhere in a row label.
_PERIOD_WORDS = kept_regex(
    rf"""^(?:\s|,|\.|/|-|'|’|\(|\)|&|\d{{1,4}}|{MONTH_RE}|and|ended|ending|end|as\s+of|at|for\s+the|for|the|of|
        three|six|nine|twelve|thirteen|twenty[\s-]?six|thirty[\s-]?nine|fifty[\s-]?two|fifty[\s-]?three|fourteen|
        months?|weeks?|quarters?|qtrs?\.?|years?|fiscal|period|transition|q[1-4]|[1-4]q|fy|first|second|third|fourth|1st|2nd|3rd|4th|full|
        year[\s-]to[\s-]date|ytd|unaudited|audited|restated|as\s+reported|change|%|variance|increase|decrease|
        \(decrease\)|\(increase\))+$""", regex.I | regex.X)
_HAS_PERIOD_ANCHOR = kept_regex(
    rf"{MONTH_RE}(?![a-z])|\b(?:19|20)\d\d\b|\bmonths?\b|\bweeks?\b|\bquarters?\b|\byears?\b|\bQ[1-4]\b|\bFY\b"
    r"|\b[1-4]Q[-'’\s]*\d\d\b|\b\d{1,2}/\d{1,2}/\d\d(?:\d\d)?\b", regex.I)


_RANGE_WORDS = kept_regex(r"(?i)^(?:low|high|minimum|maximum)(?:\s+end)?$")


_PERCENT_INSIDE = kept_regex(r"\((\d[\d,.]*)\s*%\)")


class AtEnd:
    """A pattern anchored at the end of a text (`$`) whose matches are at most `longest` characters long:
    `search` tries it from that far before the end only, where a search from the start would try every
    position of a long label (a match has the text before it in view, for `\b` and look-behinds; one more
    character is allowed for the newline `$` may stand before)."""

    def __init__(self, pattern: str, flags: int, longest: int):
        self.pattern = kept_regex(pattern, flags)
        self.longest = longest

    def search(self, text: str):
        return self.pattern.search(text, max(0, len(text) - self.longest - 1))


def percent_outside(text: str) -> str:
    """"(3%)" written as "(3)%": a negative percentage as the figure parser reads it."""
    return _PERCENT_INSIDE.sub(lambda m: f"({m[1]})%", text) if "%)" in text else text


def is_range_word(text: str) -> bool:
    """The head of one end of an outlook range column: "Low", "High", "Minimum", "High End"."""
    return bool(_RANGE_WORDS.match(text.strip()))


def is_value(text: str) -> bool:
    t = text.strip()
    return bool(t) and not is_year(t) and parse_figure(t) is not None


def is_mark(text: str) -> bool:
    return text.strip() in MARKS


def is_period_header(text: str) -> bool:
    """A piece of a column header ("Three Months Ended", "December 31,", "2016 2015") and not a row label."""
    t = text.strip()
    return bool(t) and len(t) < 120 and bool(_PERIOD_WORDS.match(t)) and bool(_HAS_PERIOD_ANCHOR.search(t))


# the characters str.split() takes for blanks that the pattern `\s` does not
_SEPARATOR_CONTROLS = ("\x1c", "\x1d", "\x1e", "\x1f")


def split_wordless(line: str) -> list[str] | None:
    """A line made only of figures ("$ 5,076 $ 10,692 - 195", "(34,152) $(33,227)") split into figures;
    None when anything else is on the line. The caller has found no word in it (`WORD`: every caller
    refuses such lines first), so it is not searched again."""
    if any(c in line for c in _SEPARATOR_CONTROLS):
        parts = [p for p in _SPACES.split(line.strip()) if p]
    else:
        parts = line.split()   # the same pieces where no separator control is in the line, in a third of the time
    out: list[str] = []
    for p in parts:
        if p in ("$", "US$"):
            continue
        q = p.lstrip("$")
        if q.startswith("(") and q.endswith(")") and len(q) > 2 and q[1] == "$":
            q = "(" + q[2:]
        if q.startswith("$("):
            q = q[1:]
        if parse_figure(q) is None:
            return None
        out.append(q)
    return out or None
