"""A table header that a PDF reader gave in pieces: how many columns it names, whether its order can be
trusted, and, where a printer stacked each column's date over that column's figures, which piece heads
which column.

A printer that sets each column as a text block of its own puts the column's date just before its first
figures ("September / 30, / 2025 / $ 186,412 / ..."), and the period lengths over them anywhere before, in
any order ("Nine Months Ended / September 30, / Three Months Ended"). The dates then read in column order,
and a length goes over the columns it completes: a length that names its month and day ("Nine Months Ended /
September 30,") over the columns that print a bare year, a length that names none over the columns that
print a whole date. Where that leaves a choice, the pieces are given as printed and the engine spreads them.
"""
from __future__ import annotations

from dataclasses import field
from typing import Optional


from ..engine.dates import FULL_DATE, MONTH_RE, make_date
from ..model import HeaderCell
from .tokens import is_range_word
from ..rulebook.regex_code import kept_regex
from ..dataclass_code import dataclass

_YEAR = kept_regex(r"\b(?:19|20)\d\d\b")
_LENGTH = kept_regex(r"(?i)\b(?:months?|weeks?|quarters?|years?)\s+(?:ended|ending)\b")
_MONTH_ALONE = kept_regex(rf"(?i)^{MONTH_RE}\.?$")
_DAY_ALONE = kept_regex(r"^\d{1,2},$")
_MONTH_DAY = kept_regex(rf"(?i)^{MONTH_RE}\.?\s+\d{{1,2}},?$")
_LEAF = kept_regex(rf"(?i)^(?:{MONTH_RE}\.?\s+\d{{1,2}},?\s+)?(?:19|20)\d\d$")


@dataclass
class HeaderPiece:
    """A header line as the reader met it: `at` figure blocks of its table came before it; `joined`: the
    line before it was the previous header piece (nothing but blank lines between)."""
    text: str
    at: int
    joined: bool


def header_columns(texts: list[str]) -> int:
    """How many value columns a header names: one per year printed ("2016 2015", "March 3, 2023"), or one
    per range word ("Fiscal 2023" over "Low  High")."""
    years = sum(len(_YEAR.findall(t)) for t in texts)
    ranges = sum(1 for t in texts if is_range_word(t))
    return max(years, ranges)


def header_in_order(texts: list[str]) -> bool:
    """Whether the header's dates read in a column order a table prints: newest first or oldest first within
    each period length. When the reader scattered a header's pieces ("March 4, 2022" before "March 3, 2023"
    before "December 2, 2022") the column order it gives cannot be trusted."""
    groups = max(1, sum(1 for t in texts if _LENGTH.search(t)))
    dates = _dates(texts)
    leaves = dates if dates and len(dates) == sum(len(_YEAR.findall(t)) for t in texts) else \
        [(int(y), 0, 0) for t in texts for y in _YEAR.findall(t)]
    if len(leaves) < 3 or len(leaves) % groups:
        return True
    width = len(leaves) // groups
    return all(_monotonic(leaves[g * width:(g + 1) * width]) for g in range(groups))


def _dates(texts: list[str]) -> list[tuple[int, int, int]]:
    out = []
    for t in texts:
        for m in FULL_DATE.finditer(t):
            d = make_date(m["m"], m["d"], m["y"])
            if d:
                out.append((d.year, d.month, d.day))
    return out


def _monotonic(part: list) -> bool:
    return all(a >= b for a, b in zip(part, part[1:])) or all(a <= b for a, b in zip(part, part[1:]))


@dataclass
class _Group:
    length: str
    month_day: str = ""
    cols: list[int] = field(default_factory=list)


def stacked_header(pieces: list[HeaderPiece], ncols: int) -> Optional[tuple[list[HeaderCell], bool]]:
    """The header of a table whose column dates came among its figure blocks, one cell per column and one
    per length, each with the columns it heads; and whether its dates read in order within each length.
    None when the pieces leave a choice."""
    pieces = _join_broken_dates(pieces)
    leaves: list[tuple[str, bool]] = []      # (text, names its month and day), in column order
    groups: list[_Group] = []
    waiting = ""                             # a month and day not yet given to a length or a year
    for i, p in enumerate(pieces):
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if _LEAF.match(p.text):
            if len(leaves) >= ncols or p.at > len(leaves) or 0 < p.at != len(leaves):
                return None   # a date printed after a later column's figures: not this column's
            leaves.append((f"{waiting} {p.text}".strip(), bool(waiting) or not p.text[:1].isdigit()))
            waiting = ""
        elif _LENGTH.search(p.text) and not _YEAR.search(p.text):
            groups.append(_Group(p.text))
        elif _MONTH_DAY.match(p.text):
            if nxt is not None and nxt.joined and _LEAF.match(nxt.text) and nxt.text[:1].isdigit():
                waiting = p.text
            elif p.joined and groups and i and pieces[i - 1].text == groups[-1].length and not groups[-1].month_day:
                groups[-1].month_day = p.text
            else:
                return None
        else:
            return None
    if len(leaves) != ncols or not groups:
        return None
    if not _place_groups(groups, [full for _t, full in leaves]):
        return None
    header = [HeaderCell(f"{g.length} {g.month_day}".strip(), (g.cols[0], g.cols[-1])) for g in groups]
    header += [HeaderCell(text, (c, c)) for c, (text, _full) in enumerate(leaves)]
    in_order = all(header_in_order([leaves[c][0] if leaves[c][1] else f"{g.month_day} {leaves[c][0]}"
                                    for c in g.cols]) for g in groups)
    return header, in_order


def _place_groups(groups: list[_Group], full: list[bool]) -> bool:
    """Lengths over runs of columns: one that names its month and day over a run of bare years, one that
    names none over a run of whole dates, in the order printed within each kind; False unless the counts
    leave that one way."""
    runs: list[list[int]] = []
    for c, f in enumerate(full):
        if runs and full[runs[-1][-1]] == f:
            runs[-1].append(c)
        else:
            runs.append([c])
    for kind in (True, False):
        kind_runs = [r for r in runs if full[r[0]] == kind]
        kind_groups = [g for g in groups if bool(g.month_day) != kind]
        if len(kind_runs) != len(kind_groups):
            return False
        for g, r in zip(kind_groups, kind_runs):
            g.cols = r
    groups.sort(key=lambda g: g.cols[0])
    return True


def _join_broken_dates(pieces: list[HeaderPiece]) -> list[HeaderPiece]:
    """"September" over "30,": one month and day the printer broke over two lines."""
    out: list[HeaderPiece] = []
    for p in pieces:
        if out and p.joined and _DAY_ALONE.match(p.text) and _MONTH_ALONE.match(out[-1].text):
            out[-1] = HeaderPiece(f"{out[-1].text} {p.text}", out[-1].at, out[-1].joined)
        else:
            out.append(p)
    return out
