"""Header pieces a printer wrapped apart or ran together, set right before the header is placed: a day wrapped
under its month ("Ended December" over "31,"), and a length title run into the first column's year ("Three
Months Ended December 31, 2024      2023")."""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ..engine.dates import MONTH_RE
from ..rulebook.regex_code import kept_regex
from .fixed_groups import BARE_MONTH, BARE_YEAR, LENGTH_WORD, YEAR

if TYPE_CHECKING:
    from .fixed_columns import Column as _Column


# a length title and its date run into the first column's year: "Three Months Ended December 31, 2024"
_TITLE_AND_YEAR = kept_regex(rf"^(.*\b{MONTH_RE}\s*\d{{1,2}},?)\s*((?:19|20)\d\d)$", regex.I)


def title_off_its_year(found: list[tuple[int, int, str]], cols: list["_Column"]) -> list[tuple[int, int, str]]:
    """ "Three Months Ended December 31, 2024      2023": a length title set on the line of the years, run
    into the first of them, titles every year of the line; the year is its own column's piece. Only where
    every other piece of the line is a bare year (a line of two such titles names each its own), and the
    years are as many as the columns, each nearest its own, in order."""
    if len(found) < 2 or len(found) != len(cols):
        return found
    m = _TITLE_AND_YEAR.match(found[0][2])
    if not m or not LENGTH_WORD.search(m[1]) or not all(BARE_YEAR.match(t) for _s, _e, t in found[1:]):
        return found
    s, e, _t = found[0]
    split = [(s, s + len(m[1]), m[1]), (e - len(m[2]), e, m[2])]
    for k, (ys, ye, _y) in enumerate([split[1]] + found[1:]):
        if min(range(len(cols)), key=lambda c: abs(cols[c].center - (ys + ye) / 2)) != k:
            return found
    return split + found[1:]


DAY_NUMBER = r"(?:[1-9]|[12]\d|3[01])"   # a day of a month, printed apart from it
_DAY = kept_regex(rf"^{DAY_NUMBER},?(?:\s+(?:19|20)\d\d)?$")
_ENDS_IN_MONTH = kept_regex(rf"\b{MONTH_RE}$", regex.I)
NEAR = 4   # characters: a day this far beside its month's piece is still under it


def days_under_months(lines: list[list[tuple[int, int, str]]]) -> list[list[tuple[int, int, str]]]:
    """A day alone under a month's title ("Ended December" over "31,": a narrow cell
    wrapped before its day) goes on with the month, on the month's line (each line keeps the pieces that
    place its neighbours): the nearest piece above it, a line up or two where the line between prints nothing
    over it ("(Decrease)" beside), where that piece ends in a month and no other as near does."""
    out = [list(found) for found in lines]
    gap = lambda c, d: max(0, c[0] - d[1], d[0] - c[1])
    for i in range(1, len(out)):
        for day in [c for c in out[i] if _DAY.match(c[2])]:
            for j in range(i - 1, max(-1, i - 3), -1):
                near = [c for c in out[j] if gap(c, day) <= NEAR]
                if not near:
                    continue
                least = min(gap(c, day) for c in near)
                best = [c for c in near if gap(c, day) == least]
                if len(best) == 1 and _ENDS_IN_MONTH.search(best[0][2]):
                    s, e, t = best[0]
                    whole = (min(s, day[0]), max(e, day[1]), f"{t} {day[2]}")
                    if BARE_MONTH.match(t) and len(out[i]) > 1:
                        # "March" over "31,": the date stands on the line of dates, its month's line keeps nothing
                        out[i][out[i].index(day)] = whole
                        out[j].remove(best[0])
                    elif BARE_MONTH.match(t):
                        # "Dec. 31, | Sept. 30, | June 30, | March" over "31," alone: the month's line is the dates'
                        out[j][out[j].index(best[0])] = whole
                        out[i].remove(day)
                    elif not YEAR.search(day[2]):
                        # "Ended December" over "31,": the title keeps its line, which it shares with the pieces
                        # it stands beside; the day left below heads nothing. "31, 2024" under it is the first
                        # column's date, which the title does not take from it
                        out[j][out[j].index(best[0])] = whole
                break
    return [found for found in out if found]   # a month's line left empty is no line of the header


# where a length title begins: "Three Months", "13 Weeks", "Year Ended", "Fiscal Year Ended"
_LENGTH_START = kept_regex(r"\b(?:(?:\d{1,2}|three|six|nine|twelve|thirteen|fourteen|twenty[\s-]six|fifty[\s-]two|fifty[\s-]three)"
                           r"\s+(?:months?|weeks?)|(?:fiscal\s+)?(?:years?|quarters?)\s+end(?:ed|ing))\b", regex.I)


def lengths_apart(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Two length titles run together in one piece ("Three Months Ended June 30, Six Months", a narrow cell
    wrapping both groups' titles) are two pieces, each starting where its length is named."""
    out = []
    for s, e, text in found:
        starts = [m.start() for m in _LENGTH_START.finditer(text)]
        cuts = [c for c in starts[1:] if text[:c].rstrip().endswith((",", "ed", "ing")) or YEAR.search(text[:c])]
        for a, b in zip([0] + cuts, cuts + [len(text)]):
            piece = text[a:b].strip()
            if piece:
                out.append((s + a, s + a + len(piece), piece))
    return out
