"""The groups a header's line of years or dates marks ("2024 2023 | 2024 2023": each group going back in time),
and the columns where the group titles set over them ("Three Months Ended", "Year Ended") say something else: a
title over part of one group and part of another, or one group under two titles. A header whose cells lost
their spans (a scraper packed "Three Months Ended | Year Ended" into the first cells of a row and padded the
rest) dates a year-ago quarter as a year; those columns are left unread. Fixed-width headers
(readers/fixed_groups.py) and headers whose cells keep their columns (here) are checked alike."""
from __future__ import annotations

from typing import Optional

import regex

from ..model import HeaderCell
from .dates import FULL_DATE, MONTH_DAY, length_of, make_date
from .header_tokens import TO_DATE
from ..rulebook.regex_code import kept_regex

LENGTH_WORD = kept_regex(r"(?i)\b(?:months?|weeks?|quarters?|years?)\b")
BARE_YEAR = kept_regex(r"^(?:fiscal\s+|FY\s*)?((?:19|20)\d\d)$", regex.I)


def time_runs(order: dict, ncols: int, back: bool) -> list[list[int]]:
    """The columns cut where time turns: each run going back (or, `back` False, forward) from its first."""
    runs: list[list[int]] = [[0]]
    for c in range(1, ncols):
        if (order[c] >= order[c - 1]) if back else (order[c] <= order[c - 1]):
            runs.append([])
        runs[-1].append(c)
    return runs


def year_runs(order: dict, ncols: int) -> list[tuple[int, int]]:
    """The groups, each going back in time; oldest first ("2023 2024 | 2023 2024"), each going forward, where
    each then holds two columns or more and going back would leave one alone."""
    runs = time_runs(order, ncols, back=True)
    forward = time_runs(order, ncols, back=False)
    if any(len(r) == 1 for r in runs) and all(len(r) > 1 for r in forward):
        runs = forward
    return [(r[0], r[-1]) for r in runs]


def nominal(title: str) -> str:
    """A length title as the length it names: "13 Weeks Ended" and "14 Weeks Ended" (a 53-week year's fourth
    quarter) are one quarter, "52 Weeks" and "53 Weeks" one year, "Three Months" a quarter too."""
    length = length_of(title)
    if length is None:
        return " ".join(title.lower().split())
    return f"{round(length.weeks / 13) * 3 if length.weeks else length.months} months"


def crossing(runs: list[tuple[int, int]], titles: list[tuple[str, tuple[int, int]]], placed: bool = False) -> list[int]:
    """The columns the length titles (text, (first, last column)) and the groups say different things of: a
    title over part of one group and part of another, and a group under two titles ("Three Months Ended" over
    the 2024 of "2024 2023", "Year Ended" over its 2023: a year and the one before it are one length twice).
    Where the titles keep the columns their cells span (`placed`), two titles that each hold a part of a
    group's years ("Three Months Ended March 31," over "2025 2024", "Year Ended December 31," over "2023
    2022") are two groups the years run through, and only one claiming a single column of it contests it. A
    title that counts no length ("Year to Date") says nothing against another."""
    out: list[int] = []
    said: dict[tuple[int, int], set[str]] = {}
    alone: set[tuple[int, int]] = set()   # the groups a title claims one column of
    for text, (a, b) in titles:
        if not LENGTH_WORD.search(text):
            continue
        touched = [r for r in runs if r[0] <= b and r[1] >= a]
        if len(touched) >= 2 and (a, b) != (touched[0][0], touched[-1][1]):
            out.extend(range(a, b + 1))
        elif len(touched) == 1 and not TO_DATE.search(text):
            said.setdefault(touched[0], set()).add(nominal(text))
            if a == b or min(b, touched[0][1]) == max(a, touched[0][0]):
                alone.add(touched[0])
    for (a, b), names in said.items():
        if len(names) > 1 and (not placed or (a, b) in alone and b > a):
            out.extend(range(a, b + 1))
    return out


def across_header_runs(header: list[HeaderCell], ncols: int) -> set[int]:
    """The columns of a header whose cells keep their columns where its titles cross the groups its years (or
    its dates, where every column prints one) mark."""
    alone: dict[int, list[str]] = {c: [] for c in range(ncols)}
    for hc in header:
        if hc.cols is not None and hc.cols[0] == hc.cols[1] and hc.cols[0] in alone and _leaf(hc.text):
            alone[hc.cols[0]].append(hc.text.strip())
    order = _order(alone)
    if order is None:
        return set()
    runs = year_runs(order, ncols)
    if len(runs) < 2:
        return set()
    # a title over one column alone names that column's own period, whatever the columns beside it hold
    return set(crossing(runs, [(hc.text, hc.cols) for hc in header if hc.cols is not None and hc.cols[0] != hc.cols[1]],
                        placed=True))


def _leaf(text: str) -> bool:
    """A cell that prints a column's date or year and nothing else ("2024", "December 31,", "Dec. 31, 2024")."""
    text = text.strip(" \t,*")
    return bool(BARE_YEAR.match(text) or FULL_DATE.fullmatch(text) or MONTH_DAY.fullmatch(text))


def _order(alone: dict[int, list[str]]) -> Optional[dict]:
    """Each column's date (a date, or its month and day and its year, printed over it alone) where every column
    prints one; else each column's year where every column prints a bare year; else None (a header of dates
    beside bare years is no one line of time)."""
    years: dict[int, int] = {}
    days: dict = {}
    for c, texts in alone.items():
        text = " ".join(texts)
        full = FULL_DATE.search(text)
        if full is not None:
            days[c] = make_date(full["m"], full["d"], full["y"])
            continue
        year = next((int(m.group(1)) for t in texts if (m := BARE_YEAR.match(t))), None)
        if year is not None:
            years[c] = year
            md = MONTH_DAY.search(text)
            if md:
                days[c] = make_date(md[1], md[2], str(year))
    if len(days) == len(alone) and None not in days.values():
        return days
    return years if len(years) == len(alone) and not any(FULL_DATE.search(" ".join(t)) for t in alone.values()) \
        else None
