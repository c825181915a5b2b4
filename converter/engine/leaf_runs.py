"""Lengths over a table's columns where they do not divide the columns evenly, placed by the runs of like leaves
(the date or year printed over each column): a flattened table has lost the spans that said which columns each
length heads, but its leaves still show them ("Three Months Ended | Nine Months Ended" over "September 30, 2025
| June 30, 2025 | September 30, 2024 | 2025 | 2024"). columns.py reads the rest of the header."""
from __future__ import annotations

from itertools import combinations
from typing import Optional

import regex

from .dates import FULL_DATE, MONTH_RE, Length, length_of, make_date, parse_month
from .release_calendar import Calendar


def lengths_by_leaf_runs(spread: dict, leaf_kinds: list[str], slots: list[dict], leaf_texts=(),
                          cal: Optional["Calendar"] = None) -> None:
    """Lengths (and month-day pieces) that do not divide the columns evenly, placed by the runs of like
    leaves: under "Three Months Ended | Nine Months Ended September 30," the columns "September 30, 2025 |
    June 30, 2025 | September 30, 2024 | 2025 | 2024" form two runs (full dates, then bare years), one per
    length, in order. Leaves alike form runs that each go back in time: "September 27, 2025 | June 28, 2025 |
    September 28, 2024 | September 27, 2025 | September 28, 2024" starts a second run where the latest date
    comes again, and so do years ("2024 | 2023 | 2024 | 2024 | 2023" under "December 31, | September 30, |
    December 31,": three runs, one per month and day). With fewer lengths than runs ("Three Months Ended |
    Year Ended" over those three), each length takes a stretch of runs, and the one split that ends every
    year-to-date length at the fiscal year's quarter ends that length counts (a year ended September 30 is
    no year of a December calendar) is taken; with none or several, no length is placed. A flattened table
    has lost the spans that said so."""
    runs: list[list[int]] = []
    for i, kind in enumerate(leaf_kinds):
        if runs and leaf_kinds[runs[-1][-1]] == kind:
            runs[-1].append(i)
        else:
            runs.append([i])
    back = _runs_back_in_time(leaf_kinds, leaf_texts)
    months = spread.get("md", [])
    if months and len(slots) % len(months) and len(months) == len(back):
        for run, m in zip(back, months):
            for c in run:
                slots[c].setdefault("md", m)
        del spread["md"]
    lengths = spread.get("len", [])
    if not lengths or len(slots) % len(lengths) == 0:
        return
    if len(runs) != len(lengths):
        runs = back
    if len(runs) == len(lengths):
        split = [[c for c in run] for run in runs]
    elif cal is not None and len(runs) > len(lengths):
        split = _split_by_fiscal_ends(runs, lengths, slots, cal)
    else:
        return
    if not split:
        return
    for part, m in zip(split, lengths):
        for c in part:
            slots[c].setdefault("len", m)
    del spread["len"]


def _split_by_fiscal_ends(runs: list[list[int]], lengths: list, slots: list[dict], cal: "Calendar") -> list:
    """The one way to give each length (in order) a stretch of runs (in order) that ends every year-to-date
    length on its fiscal quarter end; [] when none or several ways do."""
    found = []
    for cuts in combinations(range(1, len(runs)), len(lengths) - 1):
        bounds = (0,) + cuts + (len(runs),)
        parts = [[c for run in runs[a:b] for c in run] for a, b in zip(bounds, bounds[1:])]
        if all(_ends_fit(length_of(m.group(0)), part, slots, cal) for part, m in zip(parts, lengths)):
            found.append(parts)
    return found[0] if len(found) == 1 else []


def _ends_fit(length: Optional[Length], columns: list[int], slots: list[dict], cal: "Calendar") -> bool:
    """A length of six, nine or twelve months runs from the fiscal year's start: its columns must end that
    many months after a fiscal year end. Other lengths, and columns whose month is not known, fit."""
    if length is None or length.weeks or length.months not in (6, 9, 12):
        return True
    for c in columns:
        month = _slot_month(slots[c])
        if month is not None and (month - cal.fiscal_year_end_month - length.months) % 12:
            return False
    return True


def _slot_month(slot: dict) -> Optional[int]:
    if "date" in slot:
        m = FULL_DATE.search(slot["date"].group(0))
        return parse_month(m["m"]) if m else None
    if "md" in slot:
        md = regex.match(rf"(?P<m>{MONTH_RE})", slot["md"].group(0), regex.I)
        return parse_month(md["m"]) if md else None
    return None


def _runs_back_in_time(leaf_kinds: list[str], leaf_texts) -> list[list[int]]:
    """Full-date leaves, or year leaves, split where one is not earlier than the one before it; [] when the
    leaves are not all full dates or all years."""
    ends = []
    for kind, m in zip(leaf_kinds, leaf_texts):
        if kind == "y" and all(k == "y" for k in leaf_kinds):
            ends.append(int(m.group(0)))
            continue
        d = FULL_DATE.search(m.group(0)) if kind == "date" else None
        end = make_date(d["m"], d["d"], d["y"]) if d else None
        if end is None:
            return []
        ends.append(end)
    runs: list[list[int]] = []
    for i, end in enumerate(ends):
        if runs and end < ends[runs[-1][-1]]:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs
