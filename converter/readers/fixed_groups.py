"""The groups of columns a header's line of years or of quarters marks ("2024 2023 | 2024 2023", "Q1 Q2 Q3 Q4
TOTAL | Q1 ..."), the group titles set over them ("Three Months Ended", "Year Ended") placed on those groups, and
the columns where the titles and the groups say different things (left unread: fixed_header.header's
`contested`)."""
from __future__ import annotations

from datetime import date
from itertools import combinations
from typing import TYPE_CHECKING, Optional

import regex

from ..engine.dates import FULL_DATE, MONTH_DAY, MONTH_RE, length_of, make_date
from ..engine.time_runs import BARE_YEAR, LENGTH_WORD, crossing, time_runs, year_runs
from ..rulebook.regex_code import kept_regex

if TYPE_CHECKING:
    from .fixed_columns import Column as _Column

GROUP_WORDS = kept_regex(rf"(?i)\b(?:{MONTH_RE}|ended|ending|months?|weeks?|quarters?)")
MONTH = kept_regex(rf"(?i)\b(?:{MONTH_RE})\b")
BARE_MONTH = kept_regex(rf"(?i)^(?:{MONTH_RE})\.?$")
YEAR = kept_regex(r"\b(?:19|20)\d\d\b")
_AUDIT_NOTE = kept_regex(r"(?i)^\(?\s*(?:un)?audited\s*\)?$")
_YEAR_WORD = kept_regex(r"(?i)\b(?:years?|periods?)\b")


def _line_of_years(lines: list[list[list]], ncols: int) -> Optional[list[list]]:
    """The header line that prints one bare year over each column, in column order, or None."""
    for placed in reversed(lines):
        if len(placed) == ncols and sorted(p[1] for p in placed) == [(c, c) for c in range(ncols)] \
                and all(BARE_YEAR.match(p[0]) for p in placed):
            return sorted(placed, key=lambda p: p[1][0])
    return None


def _year_runs(lines: list[list[list]], cols: list["_Column"]) -> Optional[list[tuple[int, int]]]:
    """The groups of columns a line of years marks, one year per column, each group going back in time
    ("2024 2023 | 2024 2023") or, oldest first, forward ("2023 2024 | 2023 2024"), or None."""
    ncols = len(cols)
    placed = _line_of_years(lines, ncols)
    if placed is None:
        return None
    years = {p[1][0]: int(BARE_YEAR.match(p[0]).group(1)) for p in placed}
    # a bank's quarters of one year stand side by side ("Dec. 31, | Sept. 30, | ... 2024 2024"): where every
    # column prints its month and day, the dates mark the groups, each going back in time
    order = _column_dates(lines, years, cols) or years
    return year_runs(order, ncols)


def _column_dates(lines: list[list[list]], years: dict[int, int], cols: list["_Column"]) -> Optional[dict[int, date]]:
    """Each column's date, from the month and day printed over it alone and its year; a month wrapped a line
    above its day ("March" over "31,") counts where it stands over the column. None unless every column has
    one."""
    words: dict[int, list[str]] = {c: [] for c in years}
    for placed in lines:
        for text, (a, b), s, e in placed:
            if BARE_YEAR.match(text):
                continue
            if a == b and a in words:
                words[a].append(text)
            elif BARE_MONTH.match(text):
                for c in words:
                    if s <= cols[c].right and e >= cols[c].left:
                        words[c].append(text)
    out = {}
    for c, texts in words.items():
        m = MONTH_DAY.search(" ".join(texts))
        day = make_date(m[1], m[2], str(years[c])) if m else None
        if day is None:
            return None
        out[c] = day
    return out


def group_by_year_runs(lines: list[list[list]], cols: list["_Column"]) -> bool:
    """A header line with one piece per group of columns that its line of years marks ("Three months" and
    "Six months" over "2024 2023 2024 2023"), each piece in order and nearer its group than the next: the
    k-th piece heads the k-th group, wherever the printer set it over the group (a title set left over its
    first column is nearer the next group's first column than its own second). True when it placed any."""
    runs = _year_runs(lines, cols)
    if runs is None or len(runs) < 2:
        return False

    def over(p: list) -> set[int]:
        return {c for c, col in enumerate(cols) if p[2] <= col.right and p[3] >= col.left}

    def dated_elsewhere(line: list[list], ordered: list[list]) -> bool:
        """A date of another line stands over a group this line would date: this line's dates head their
        own columns ("September 30, | June 30, | September 30," over three quarters, the nine months'
        "September 30," a line above), not the groups."""
        mine = {id(p) for p in line}
        # (a date alone on its line, over every column, dates every group alike)
        others = [over(q) for placed in lines for q in placed if id(q) not in mine and MONTH.search(q[0])
                  and q[1] != (0, len(cols) - 1)]
        return any(MONTH.search(p[0]) and any(set(range(runs[k][0], runs[k][1] + 1)) & o for o in others)
                   for k, p in enumerate(ordered))

    groups = [placed for placed in lines if len(placed) == len(runs)
              and not any(BARE_YEAR.match(p[0]) for p in placed)
              and all(GROUP_WORDS.search(p[0]) or _YEAR_WORD.search(p[0]) for p in placed)]
    # the lengths may stand on lines of their own ("For the Year" lifted a line above "For the Three Months")
    lengths = [p for placed in lines for p in placed if LENGTH_WORD.search(p[0])]
    if len(lengths) == len(runs) and not any(len(placed) == len(runs) and set(map(id, placed)) == set(map(id, lengths))
                                             for placed in lines):
        groups.append(lengths)
    # a header the printer set apart from its figures (every piece well left of them, as where the header
    # cells stand in the "$" cells before the figures) is laid out against its own line of years: a title
    # reaches into the year of the group before its own's last column, and starts short of the end of the
    # year of the next group's first
    years = [(p[2], p[3]) for p in _line_of_years(lines, len(cols)) or []]
    done = False
    for group in groups:
        ordered = sorted(group, key=lambda p: p[2])
        if (_fits(ordered, runs, _middles(cols)) or years and _fits(ordered, runs, years)) \
                and not dated_elsewhere(group, ordered):
            for p, run in zip(ordered, runs):
                p[1] = run
            done = True
    if done and 2 <= len(lengths) < len(runs) and all(all(GROUP_WORDS.search(p[0]) or _AUDIT_NOTE.match(p[0]) for p in placed)
                                                      for placed in lines if any(LENGTH_WORD.search(p[0]) for p in placed)):
        # (a line that titles a group by something else too, "As of" or "LTM", says which groups the lengths
        # do not head: left as placed)
        _lengths_over_dated_runs(sorted(lengths, key=lambda p: p[2]), runs, lines)
    return done


def _lengths_over_dated_runs(titles: list[list], runs: list[tuple[int, int]], lines: list[list[list]]) -> None:
    """Fewer length titles than groups of years, once each group has its date ("Three Months Ended" and
    "Year Ended" over "December 31, | September 30, | December 31," over "2024 2023 | 2024 | 2024 2023"):
    the titles, left to right, head runs of whole groups, in the one way in which every column under a
    title of three months lies whole quarters from its run's first and under any other whole years (the
    quarter, its year-ago and prior quarters, then the two years). Two ways, or none: left as placed."""
    days = _group_days(runs, lines)
    steps = [_month_step(t[0]) for t in titles]
    if days is None or None in steps:
        return
    found = []
    for cuts in combinations(range(1, len(runs)), len(titles) - 1):
        bounds = [0, *cuts, len(runs)]
        spans = [(runs[bounds[k]][0], runs[bounds[k + 1] - 1][1]) for k in range(len(titles))]
        if all(_whole_steps(days[a], days[c], step) for (a, b), step in zip(spans, steps) for c in range(a + 1, b + 1)):
            found.append(spans)
    if len(found) == 1:
        for t, span in zip(titles, found[0]):
            t[1] = span


def _group_days(runs: list[tuple[int, int]], lines: list[list[list]]) -> Optional[dict[int, date]]:
    """Each column's date where every group of years has one month and day placed over it alone and each
    column its own year; else None."""
    years = _line_of_years(lines, runs[-1][1] + 1)
    if years is None:
        return None
    days: dict[int, date] = {}
    for a, b in runs:
        found = [m for placed in lines for text, span, _s, _e in placed if span == (a, b)
                 and (m := MONTH_DAY.fullmatch(text.strip(" ,")))]
        if len(found) != 1:
            return None
        for c in range(a, b + 1):
            day = make_date(found[0][1], found[0][2], BARE_YEAR.match(years[c][0]).group(1))
            if day is None:
                return None
            days[c] = day
    return days


def _fits(ordered: list[list], runs: list[tuple[int, int]], marks: list[tuple[float, float]]) -> bool:
    """Group titles in order, each reaching past the mark of the group before its own's last column and
    starting short of the mark of the next group's first (`marks`: each column's (past, short of)): the k-th
    may head the k-th group."""
    return all((k == 0 or p[3] > marks[runs[k - 1][1]][0]) and
               (k + 1 == len(runs) or p[2] < marks[runs[k + 1][0]][1]) for k, p in enumerate(ordered))


def _middles(cols: list["_Column"]) -> list[tuple[float, float]]:
    """Each column's middle, past which a title reaches and short of which one starts."""
    return [(col.center, col.center) for col in cols]


def across_year_runs(lines: list[list[list]], cols: list["_Column"]) -> list[int]:
    """The columns the length titles and the line of years say different things of: a title ("Year Ended")
    that covers part of one group the years mark and part of another ("Year Ended" over the second column
    of "2024 2023 | 2024 2023" and the two after it), and a group under two different titles ("Three Months
    Ended" over the 2024 of "2024 2023", "Year Ended" over its 2023: a year and the one before it are one
    length twice)."""
    runs = _year_runs(lines, cols)
    if runs is None or len(runs) < 2:
        return []
    return crossing(runs, [(text, (a, b)) for placed in lines for text, (a, b), _s, _e in placed])


_QUARTER = kept_regex(r"^(?:Q([1-4])|([1-4])Q)$", regex.I)


def _quarter_runs(lines: list[list[list]], ncols: int) -> Optional[list[tuple[int, int]]]:
    """The groups of columns a line of quarters marks, one piece per column, a group starting again at each
    quarter that does not follow the one before ("Q1 Q2 Q3 Q4 TOTAL | Q1 Q2 Q3 Q4 TOTAL"), or None."""
    for placed in reversed(lines):
        if len(placed) != ncols or any(p[1][0] != p[1][1] for p in placed) or len({p[1][0] for p in placed}) != ncols:
            continue
        quarters = []
        for p in sorted(placed, key=lambda p: p[1][0]):
            m = _QUARTER.match(p[0].strip())
            quarters.append(int(m.group(1) or m.group(2)) if m else None)
        if sum(q is not None for q in quarters) < 4:
            continue
        runs: list[list[int]] = [[0]]
        for c in range(1, ncols):
            if quarters[c] is not None and (quarters[c - 1] is None or quarters[c] <= quarters[c - 1]):
                runs.append([])
            runs[-1].append(c)
        return [(r[0], r[-1]) for r in runs]
    return None


def group_by_quarter_runs(lines: list[list[list]], cols: list["_Column"]) -> bool:
    """A line with one fiscal year per group of columns its line of quarters marks ("Fiscal 2021" and
    "Fiscal 2022" over "Q1 Q2 Q3 Q4 TOTAL Q1 Q2 Q3 Q4 TOTAL"), in order, each nearer its group than the
    next: the k-th heads the k-th group, however narrow it is over a wide group. True when it placed any."""
    runs = _quarter_runs(lines, len(cols))
    if runs is None or len(runs) < 2:
        return False
    for placed in lines:
        if len(placed) != len(runs) or not all(YEAR.search(p[0]) and not _QUARTER.match(p[0].strip()) for p in placed):
            continue
        ordered = sorted(placed, key=lambda p: p[2])
        if _fits(ordered, runs, _middles(cols)):
            for p, run in zip(ordered, runs):
                p[1] = run
            return True
    return False


_ORDINAL_QUARTER = kept_regex(r"^(?:(first|second|third|fourth)(?:\s+quarter)?|Q([1-4])|([1-4])Q)$", regex.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _within_year(text: str) -> Optional[int]:
    """Where in its year a column's own header piece falls, to order columns by: a month and day ("Sept. 30")
    as month * 100 + day, a quarter named without its year ("Fourth", "Q3") as its number; or None."""
    m = MONTH_DAY.fullmatch(text.strip(" ,"))
    if m:
        day = make_date(m[1], m[2], "2000")   # a leap year: February 29 is a day
        return day.month * 100 + day.day if day else None
    q = _ORDINAL_QUARTER.match(text.strip())
    if q:
        return _ORDINALS[q[1].lower()] if q[1] else int(q[2] or q[3])
    return None


def group_by_date_runs(lines: list[list[list]], cols: list["_Column"]) -> bool:
    """A bank's quarters side by side under fewer years than columns ("2024" centred over "Dec. 31 | Sept. 30 |
    June 30 | March 31", "2023" over the last "Dec. 31"; or "Fourth | Third | Second | First | Fourth"): the
    columns' own dates or quarters, going back in time, start a new group where they turn later in the year,
    and each year heads its group, in order, where as many groups as years come out and each year stands
    nearer its group than the next (_fits). Years printed oldest first go forward in time. True when it
    placed them."""
    ncols = len(cols)
    lines_of_years = [placed for placed in lines if 2 <= len(placed) < ncols
                      and all(BARE_YEAR.match(p[0]) for p in placed)]
    if len(lines_of_years) != 1:
        return False
    years = sorted(lines_of_years[0], key=lambda p: p[2])
    values = [int(BARE_YEAR.match(p[0]).group(1)) for p in years]
    back = all(a > b for a, b in zip(values, values[1:]))
    if not back and not all(a < b for a, b in zip(values, values[1:])):
        return False
    for placed in lines:
        if len(placed) != ncols or sorted(p[1] for p in placed) != [(c, c) for c in range(ncols)]:
            continue
        keys = [_within_year(p[0]) for p in sorted(placed, key=lambda p: p[1][0])]
        if any(k is None for k in keys):
            continue
        runs: list[list[int]] = [[0]]
        for c in range(1, ncols):
            if (keys[c] >= keys[c - 1]) if back else (keys[c] <= keys[c - 1]):
                runs.append([])
            runs[-1].append(c)
        spans = [(r[0], r[-1]) for r in runs]
        if len(spans) == len(years) and _fits(years, spans, _middles(cols)):
            for p, span in zip(years, spans):
                p[1] = span
            return True
    return False


def dated_groups(titles: list[list], lines: list[list[list]], cols: list["_Column"]) -> Optional[list[tuple[int, int]]]:
    """The runs of columns group titles ("Three Months Ended", "Year Ended"; left to right) head, where each
    column prints its own full date ("Dec. 31, 2024 | Sept. 30, 2024 | ... | Dec. 31, 2023 | Dec. 31, 2024 |
    Dec. 31, 2023"): the dates going back in time, a run ends where they turn later (or, printed oldest first,
    earlier), as many runs as titles come out, each run's dates lie whole quarters apart under a title of three
    months and whole years apart under any other, and no title reaches over a column of another run. By
    nearness instead, a title centred over five quarters lost the last of them to the year's title beside it
    (figures are set right, under dates set centred). None where the dates and the titles do not settle it."""
    ncols = len(cols)
    for placed in lines:
        if len(placed) != ncols or sorted(p[1] for p in placed) != [(c, c) for c in range(ncols)]:
            continue
        found = {p[1][0]: (FULL_DATE.fullmatch(p[0].strip()), p[2], p[3]) for p in placed}
        if not all(m for m, _s, _e in found.values()):
            continue
        days = {c: make_date(m["m"], m["d"], m["y"]) for c, (m, _s, _e) in found.items()}
        if None in days.values():
            return None
        ordered = sorted(titles, key=lambda t: t[2])
        steps = [_month_step(t[0]) for t in ordered]
        if None in steps:
            return None
        settled = []
        for back in (True, False):
            runs = [(r[0], r[-1]) for r in time_runs(days, ncols, back)]
            if len(runs) == len(titles) and all(
                    _apart(days[c - 1], days[c], step)
                    for (a, b), step in zip(runs, steps) for c in range(a + 1, b + 1)) \
                    and not any(_overlap(t, found[c]) > 1 for t, (a, b) in zip(ordered, runs)
                                for c in range(ncols) if not a <= c <= b):
                settled.append(runs)
        return settled[0] if len(settled) == 1 else None
    return None


def _month_step(title: str) -> Optional[int]:
    """The months a title's columns may lie apart by: whole quarters under three months (or 13 or 14 weeks),
    else whole years; None for a title that names no length."""
    length = length_of(title)
    if length is None:
        return None
    if length.weeks:
        return 3 if length.weeks in (13, 14) else 12
    return 3 if length.months == 3 else 12


SLACK_DAYS = 10   # a 52/53-week year's quarters and years end a few days off whole months


def _apart(one: date, other: date, step: int) -> bool:
    """Side by side in a group: a quarter, or a year, apart under a title of three months ("Dec. 31, 2024 |
    Sept. 30, 2024", "Dec. 31, 2024 | Dec. 31, 2023"), a year apart under any other; to within a week and a
    half ("Jan. 3, 2025" is a quarter after "Sept. 27, 2024" in a 53-week year). Other steps leave the groups
    to nearness."""
    return _quarters_apart(one, other) in ((1, 4) if step == 3 else (4,))


def _whole_steps(one: date, other: date, step: int) -> bool:
    """Whole quarters (`step` 3) or whole years apart, to within a week and a half."""
    quarters = _quarters_apart(one, other)
    return quarters is not None and (step == 3 or quarters % 4 == 0)


_DAYS_A_QUARTER = 365.25 / 4


def _quarters_apart(one: date, other: date) -> Optional[int]:
    """How many whole quarters lie between two dates, to within SLACK_DAYS; None where they lie between."""
    days = abs((one - other).days)
    quarters = round(days / _DAYS_A_QUARTER)
    return quarters if abs(days - quarters * _DAYS_A_QUARTER) <= SLACK_DAYS else None


def _overlap(title: list, piece: tuple) -> int:
    """How many characters a title reaches over a column's own header piece."""
    return min(title[3], piece[2]) - max(title[2], piece[1])
