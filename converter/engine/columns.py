"""Column periods: what period each value column of a table reports.

Header tokens are read in order and sorted by kind: a length ("Three Months Ended"), a date ("March 3,
2023"), a month and day ("December 31,"), a year, a quarter label ("Q3 2025"), a fiscal year ("Fiscal
2024"), or a column to skip ("% Change"). When the layout kept positions, a token covers the columns its
cell spans; when it did not, tokens of one kind are spread evenly over the columns, which is how a printed
header reads ("Three Months Ended | Six Months Ended" over "2016 2015 2016 2015").

The header's words and their kinds are in header_tokens.py; the columns a header names a part of the company
for, in column_members.py; the release's calendar, which dates the columns, in release_calendar.py; lengths that
do not divide the columns evenly are placed by runs of like leaves in leaf_runs.py; the readings that need the
whole row of columns (a span's own dates, a year to date ending where a sibling ends, the columns of no period's
amounts), in column_passes.py; the ColumnPeriod each column gets, in column_period.py.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Optional


import regex

from ..model import HeaderCell, Table
from .column_passes import (measures, months_to_its_quarter, quarter_of_the_first_months, skipped, spanned,
                           year_to_date_end, years_off_the_year_end)
from .column_period import ColumnPeriod
from .dates import FULL_DATE, MONTH_DAY, MONTH_RE, ORDINAL_QUARTERS, Length, length_of, make_date, numeric_date, parse_month
from .leaf_runs import lengths_by_leaf_runs
from .release_calendar import Calendar, year_to_date
from .time_runs import across_header_runs
from .column_members import column_members
from .header_tokens import LEAF, PERIOD_KINDS, TO_DATE, has, to_date, tokens
from .table_kind import TITLE_CHARS
from ..rulebook.regex_code import kept_regex

TRAILING = kept_regex(r"\btrailing\s+(?:4|four|12|twelve)[\s-]+(?:quarters?|months?)\b|\bTTM\b|\bLTM\b", regex.I)


def resolve_columns(table: Table, cal: Calendar) -> list[ColumnPeriod]:
    n = table.ncols
    slots: list[dict] = [dict() for _ in range(n)]
    spread: dict[str, list] = {}
    leaves: list = []
    claims: dict[tuple[int, str], list] = {}   # (column, kind) -> (text, width, match) of each cell placing it
    header = _titles_over_their_runs(_stacked_lengths(table.header), n)
    for hc in header:
        toks = list(tokens(hc.text))
        if hc.cols is not None:
            _place(toks, hc.cols, slots, claims, hc.text)
        else:
            for kind, m in toks:
                spread.setdefault(kind, []).append(m)
                if kind in LEAF:
                    leaves.append((kind, m))
    contested = {c for (c, kind), claimed in claims.items() if not _settle_claims(slots[c], kind, claimed)
                 and kind == "len"}
    if len(leaves) == n:  # one leaf per column, in order: the commonest printed header
        for i, (kind, m) in enumerate(leaves):
            slots[i].setdefault(kind, m)
        spread = {k: v for k, v in spread.items() if k not in LEAF}
        lengths_by_leaf_runs(spread, [kind for kind, _m in leaves], slots, [m for _k, m in leaves], cal)
    elif not leaves and all(any(k in s for k in LEAF) for s in slots):   # leaves placed by their own columns
        kinds = [next(k for k in LEAF if k in s) for s in slots]
        lengths_by_leaf_runs(spread, kinds, slots, [s[k] for s, k in zip(slots, kinds)], cal)
    for kind, ms in spread.items():
        if n % len(ms) == 0:
            width = n // len(ms)
            for i, m in enumerate(ms):
                for c in range(i * width, (i + 1) * width):
                    slots[c].setdefault(kind, m)
    if n and all("rng" in s and not (PERIOD_KINDS & s.keys()) for s in slots):
        # "FIRST QUARTER 2025 GUIDANCE" over "Low | High": the outlook's period is the one its title names
        # ("First Quarter and Full Year 2025 Guidance" names two: neither is taken; "Full-Year 2025 Guidance"
        # above "2025 GUIDANCE" names one twice)
        named = [(k, m) for c in table.caption for k, m in tokens(c) if k in PERIOD_KINDS]
        if named and all(k in ("q", "fy") for k, _m in named) \
                and len({(c.end, c.length) for c in (_column({k: m}, cal, None) for k, m in named)}) == 1:
            for s in slots:
                s[named[0][0]] = named[0][1]
    _caption_day(table, slots)
    members = column_members(table, header)
    caption_len = [length_of(c) for c in table.caption if length_of(c)]
    cols = [_column(s, cal, caption_len[0] if len(caption_len) == 1 else None) for s in slots]
    cols = [spanned(c, i, header) for i, c in enumerate(cols)]
    cols = [year_to_date_end(c, s, cols, cal) for c, s in zip(cols, slots)]
    cols = [quarter_of_the_first_months(c, s, cols) for c, s in zip(cols, slots)]
    cols = [months_to_its_quarter(c, s, cols, cal) for c, s in zip(cols, slots)]
    cols = skipped(cols, header, claims)
    cols = measures(cols, header)
    cols = [replace(c, contested=True) if i in contested and c.length is None else c for i, c in enumerate(cols)]
    cols = _against_the_titles_month(cols, slots, table.caption)
    crossed = across_header_runs(header, n)
    if crossed and _repeated(cols, crossed):
        # the titles cross the groups and two columns read as one period: where the header puts what, it no
        # longer says for any column (left partly read, the rest passed the check that withholds a table whose
        # columns collide)
        crossed = set(range(n))
    crossed |= set(table.contested)
    cols = [replace(c, contested=True, length=None) if i in crossed else c for i, c in enumerate(cols)]
    if TRAILING.search(" ".join(table.caption + [h.text for h in table.header])):
        # "trailing 4 quarters": each column is the twelve months ending with its quarter; where the words head
        # some columns only ("Three Months Ended" | "LTM"), those, and a column whose own header prints its
        # length ("Three Months Ended") keeps it
        over = {c for h in header if h.cols is not None and TRAILING.search(h.text)
                for c in range(h.cols[0], h.cols[1] + 1)}
        cols = [replace(c, length=Length(months=12)) if (i in over if over else "len" not in slots[i]) else c
                for i, c in enumerate(cols)]
    else:
        cols = years_off_the_year_end(cols, cal)
    return [replace(c, member=members[i]) if members.get(i) else c for i, c in enumerate(cols)]


_YEAR = kept_regex(r"(?:19|20)\d\d")


def _caption_day(table: Table, slots: list[dict]) -> None:
    """Columns headed by bare years ("2024 | 2023") under a title that dates them ("AS OF DECEMBER 31, 2024 AND
    2023", "... DECEMBER 31, 2024 AND DECEMBER 31, 2023"): each takes the title's one month and day, where the
    title names every column's year; where it prints a day of its own in each column's year ("For the Three
    Months and Twelve Months Ended October 27, 2024 and October 29, 2023", a weekly calendar), that day. So do
    years under "Fourth Quarter" and "Fiscal Year" where the title lines say those lengths and print one day
    ("For the Three and Twelve Months Ended September 30, 2025 and 2024"): the title dates them where the
    fiscal calendar could only guess."""
    if not slots or not all("y" in s and not ({"md", "date", "q", "fy"} & s.keys()) for s in slots) \
            or len({s["qonly"].group(0).lower() for s in slots if "qonly" in s}) > 1:
        return   # (quarters of one year, "Q1 | Q2 | Q3", end on days of their own)
    named = any("qonly" in s or _full_year(s) for s in slots)
    # (title lines, not a sentence set above the table: a copy may join a statement's title lines into one)
    titles = [c for c in table.caption if len(c) <= 2 * TITLE_CHARS and not c.rstrip().endswith((".", ":"))]
    if named and not _lengths_titled(titles, slots):
        return
    days, years = {}, set()                   # (month, day) -> the match that prints it
    by_year: dict[int, dict[tuple, regex.Match]] = {}   # year -> the days the title prints in it
    for text in table.caption if not named else titles:
        for kind, m in tokens(text):
            day = MONTH_DAY.match(m.group(0)) if kind in ("md", "date") else None
            if day is not None:
                days.setdefault((parse_month(day["m"]), int(day["d"])), day)
            if kind in ("date", "y"):
                years.update(int(y) for y in _YEAR.findall(m.group(0)))
            if kind == "date" and day is not None and (full := FULL_DATE.search(m.group(0))):
                by_year.setdefault(int(full["y"]), {}).setdefault((parse_month(day["m"]), int(day["d"])), day)
    wanted = {int(s["y"].group(0)) for s in slots}
    if len(days) == 1 and wanted <= years:
        for s in slots:
            s["md"] = next(iter(days.values()))
    elif len(days) > 1 and not named and wanted <= by_year.keys() and all(len(by_year[y]) == 1 for y in wanted):
        for s in slots:
            s["md"] = next(iter(by_year[int(s["y"].group(0))].values()))


# what a title must say of its periods' lengths to date columns named "Fourth Quarter" or "Fiscal Year": the
# quarter's ("Three ... Months", "Quarters Ended") and the year's ("Twelve Months", "Years Ended"), or that all
# its periods end on its day ("Periods Ended June 30")
_QUARTERS_TITLED = kept_regex(r"\b(?:three|3|thirteen|13|fourteen|14)\b[\w\s,-]{0,30}\b(?:months|weeks)\b"
                              r"|\bquarters?\s+(?:and\s+(?:fiscal\s+)?years?\s+)?ended\b|\bperiods\s+ended\b", regex.I)
_YEARS_TITLED = kept_regex(r"\b(?:twelve|12|fifty[\s-]two|52|fifty[\s-]three|53)\s+(?:months|weeks)\b"
                           r"|\b(?:fiscal\s+)?years?\s+ended\b|\bperiods\s+ended\b", regex.I)


def _lengths_titled(titles: list[str], slots: list[dict]) -> bool:
    """Whether the title lines say the lengths of the columns named "Fourth Quarter" and "Fiscal Year": "For the
    Three Months Ended March 31, 2025 and 2024" dates no "Full Year" column (a calendar year beside a quarter)."""
    text = " ".join(titles)
    return (not any("qonly" in s for s in slots) or bool(_QUARTERS_TITLED.search(text))) \
        and (not any(_full_year(s) for s in slots)
             or bool(_YEARS_TITLED.search(text)))


# the month a title says its periods end in: "Half-year ended 31 December", "Six Months Ended June 30,"
_ENDED_MONTH = kept_regex(rf"\b(?:ended|ending)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<m>{MONTH_RE})\b", regex.I)


def _against_the_titles_month(cols: list[ColumnPeriod], slots: list[dict], caption: list[str]) -> list[ColumnPeriod]:
    """A column named by a fiscal period ("H1 FY25", "Q2 FY2025", "Fiscal 2024", "Full Year") under a title
    that says its periods end in one month ("Half-year ended 31 December") is contested where the fiscal
    calendar puts its end in another: the calendar was not the issuer's (an Australian half year ending in
    December read as January to June), and which is right, nothing here settles."""
    # (a title line: a sentence a reader set above the table as its caption, "... today reported results for
    # the fourth quarter ended December 31, 2024.", says nothing of an outlook's columns)
    months = {parse_month(m["m"]) for c in caption if len(c) <= TITLE_CHARS and not c.rstrip().endswith(".")
              for m in _ENDED_MONTH.finditer(c)}
    if len(months) != 1:
        return cols
    month = months.pop()
    return [replace(c, contested=True, length=None, end=None)
            if c.end is not None and ({"fy", "q", "qonly"} & s.keys() or _full_year(s)
                                      or "len" in s and _HALF.match(s["len"].group(0)))
            and not ({"date", "md"} & s.keys())
            and c.end.month != month and (c.end + timedelta(days=7)).month != month else c
            for c, s in zip(cols, slots)]


def _repeated(cols: list[ColumnPeriod], crossed: set[int]) -> bool:
    """A plain column (no skip, no non-GAAP view, no part of the company) the titles do not cross read as the
    period of another column."""
    seen: dict[tuple, list[int]] = {}
    for i, c in enumerate(cols):
        if not (c.skip or c.nongaap or c.member or c.end is None or c.length is None):
            seen.setdefault((c.end, c.length), []).append(i)
    return any(len(group) > 1 and set(group) - crossed for group in seen.values())


def _stacked_lengths(header: list[HeaderCell]) -> list[HeaderCell]:
    """A header whose words stack over several lines, one cell per line ("Three" / "Months" / "Ended" /
    "June 30,", "Fourth" / "Quarter" / "2024"), names a length or a quarter only when the cells over one
    column are read together: those are joined, where joining shows a length or a quarter that no cell shows
    alone."""
    by_cols: dict[tuple[int, int], list[HeaderCell]] = {}
    for hc in header:
        if hc.cols is not None:
            by_cols.setdefault(hc.cols, []).append(hc)
    joined: dict[int, HeaderCell] = {}     # id of a stack's first cell -> the stack as one cell
    dropped: set[int] = set()
    for cols, cells in by_cols.items():
        if len(cells) < 2 or any(has(hc.text, "len") or has(hc.text, "q") for hc in cells):
            continue
        text = " ".join(hc.text for hc in cells)
        if has(text, "len") or has(text, "q"):
            joined[id(cells[0])] = HeaderCell(text, cols)
            dropped |= {id(hc) for hc in cells[1:]}
    if not joined:
        return header
    return [joined.get(id(hc), hc) for hc in header if id(hc) not in dropped]


def _titles_over_their_runs(header: list[HeaderCell], n: int) -> list[HeaderCell]:
    """Length titles each over the first column of a run of years ("Six Months Ended June 30," over the first of
    "2024 | 2023", "Three Months Ended June 30," over the first of the next "2024 | 2023"), the runs' other
    columns headed by a year alone: a markup that lost the titles' spans. Each title heads its run where every
    run prints the same years, latest first, and nothing else heads them."""
    single = [hc for hc in header if hc.cols is not None and hc.cols[0] == hc.cols[1]]
    titles = sorted((hc for hc in single if has(hc.text, "len") and not _YEAR.search(hc.text)), key=lambda h: h.cols[0])
    years = {hc.cols[0]: int(hc.text) for hc in single if _YEAR.fullmatch(hc.text.strip())}
    if len(titles) < 2 or titles[0].cols[0] != 0 or len({t.cols[0] for t in titles}) != len(titles):
        return header
    starts = [t.cols[0] for t in titles]
    runs = [range(a, b) for a, b in zip(starts, starts[1:] + [n])]
    if any(len(r) < 2 or any(c not in years for c in r) for r in runs):
        return header
    printed = [[years[c] for c in r] for r in runs]
    if any(p != printed[0] for p in printed) or any(a <= b for a, b in zip(printed[0], printed[0][1:])):
        return header
    if any(hc.cols is None or hc not in titles and not _YEAR.fullmatch(hc.text.strip()) for hc in header):
        return header   # other cells over the columns, or pieces placed nowhere: the layout is another
    wide = {id(t): HeaderCell(t.text, (r.start, r.stop - 1)) for t, r in zip(titles, runs)}
    return [wide.get(id(hc), hc) for hc in header]


FULL_YEAR = kept_regex(r"^(?:full|fiscal)\s+year\b", regex.I)   # a column named the whole fiscal year


def _full_year(slot: dict) -> bool:
    """A column named the whole fiscal year ("Full Year", "Fiscal Year"), not a "Total" of parts."""
    return "total" in slot and bool(FULL_YEAR.match(slot["total"].group(0)))
_HALF = kept_regex(r"^(?:H[12]|[12]H|(?:first|second)\s+half)$", regex.I)
# a length printed alone, without "Ended", over bare years: the first months of those fiscal years
_FIRST_MONTHS = kept_regex(r"^(?:six|nine|6|9)[\s-]*months?$", regex.I)


def _half(word: str, fy: int, cal: Calendar) -> tuple[date, Length]:
    """The end and length of fiscal year `fy`'s half that `word` names ("H1", "2H", "First Half")."""
    first = word.lower().replace(" ", "") in ("h1", "1h", "firsthalf")
    return (cal.quarter_end(2, fy) if first else cal.fiscal_year_end(fy)), Length(months=6)


def _settle_claims(slot: dict, kind: str, claimed: list) -> bool:
    """Two header cells that claim one column for one period kind ("Q3" over columns 15-17 and "Q4" over
    17; "June 30," over column 0 and "December 31," over 0-1): the layout mislaid a span. The narrower cell
    is the one that names this column; with no single narrowest, the column keeps no reading of that kind
    (False: the claims stay contested)."""
    if kind not in PERIOD_KINDS or len({t for t, _w, _m in claimed}) < 2:
        return True
    to_dates = [w for _t, w, m in claimed if TO_DATE.search(m.group(0))]
    if kind == "len" and to_dates and (counted := [c for c in claimed if not TO_DATE.search(c[2].group(0))
                                                   and c[1] <= min(to_dates)]):
        # "Fiscal 2024 YTD" over "39 Weeks Ended November 2, 2024": the length that counts is the column's;
        # "YTD" says no more than that it runs from the fiscal year's start. Not a title over more columns
        # than the "YTD" ("Three Months Ended" over four, "2024 YTD" over one)
        claimed = counted
        if len({t for t, _w, _m in claimed}) < 2:
            slot[kind] = claimed[0][2]
            return True
    narrowest = min(w for _t, w, _m in claimed)
    best = {t: m for t, w, m in claimed if w == narrowest}
    if len(best) == 1:
        slot[kind] = next(iter(best.values()))
        return True
    slot.pop(kind, None)
    return False


def _place(toks, cols, slots, claims, text):
    """Tokens of a header cell over the columns it spans, each claim recorded for _settle_claims."""
    first, last = cols
    by_kind: dict[str, list] = {}
    for kind, m in toks:
        by_kind.setdefault(kind, []).append(m)
    for kind, ms in by_kind.items():
        width = last - first + 1
        if width % len(ms):
            ms = ms[:1]
        step = width // len(ms)
        for i, m in enumerate(ms):
            for c in range(first + i * step, first + (i + 1) * step):
                if not 0 <= c < len(slots):
                    continue
                claims.setdefault((c, kind), []).append((text, last - first + 1, m))
                slots[c].setdefault(kind, m)


def _column(slot: dict, cal: Calendar, caption_length: Optional[Length]) -> ColumnPeriod:
    header = " ".join(m.group(0) for m in slot.values())
    if "skip" in slot and not ({"date", "y", "q", "fy"} & slot.keys()):
        return ColumnPeriod(None, None, skip=True, header=header)
    if "avg" in slot:   # "Average Balance", "Quarterly Average": a bank's averages are no balances at any date
        return ColumnPeriod(None, None, skip=True, header=header)
    length = length_of(slot["len"].group(0)) if "len" in slot else None
    ytd = to_date(slot)
    end: Optional[date] = None
    if "mr" in slot and not ({"date", "q", "fy", "y", "md", "len"} & slot.keys()):
        # "Oct–Dec 2024", "Jan–Dec 2023": the months a column covers, first to last (European reports)
        m = slot["mr"]
        months = (parse_month(m["mr2"]) - parse_month(m["mr1"])) % 12 + 1
        if months in (3, 6, 9, 12):
            end, length = cal.complete(int(m["mry"]), parse_month(m["mr2"])), Length(months=months)
    elif "date" in slot:
        m = FULL_DATE.search(slot["date"].group(0))
        end = make_date(m["m"], m["d"], m["y"]) if m else numeric_date(slot["date"].group(0))
    elif "q" in slot:
        m = slot["q"]
        q = int(m["qn"] or m["qn3"]) if (m["qn"] or m["qn3"]) else ORDINAL_QUARTERS[m["qo"].lower()]
        y = m["qy"] or m["qy2"] or m["qy3"]
        fy = int(y) if len(y) == 4 else 2000 + int(y)
        end = cal.quarter_end(q, fy)
        length = length or Length(months=3)
    elif "fy" in slot and "y" not in slot:
        y = slot["fy"]["fyy"]
        fy = int(y) if len(y) == 4 else 2000 + int(y)
        if "qonly" in slot:  # "Fiscal 2022" over "Q1 Q2 Q3 Q4 TOTAL"
            m = slot["qonly"]
            q = int(m["qon"]) if m["qon"] else ORDINAL_QUARTERS[m["qoo"].lower()]
            end = cal.quarter_end(q, fy)
            length = length or Length(months=3)
        elif "len" in slot and _HALF.match(slot["len"].group(0)):   # "H1 FY2025", "First Half" over "Fiscal 2024"
            end, length = _half(slot["len"].group(0), fy, cal)
        elif ytd or (length is not None and length.months != 12):
            # "Year to Date" or "Six Months" over "Fiscal 2024" runs to a day the header does not print: not the
            # year's end (a year to date takes the latest date the table gives in that year, column_passes.year_to_date_end)
            end = None
        else:
            end = cal.fiscal_year_end(fy)
            length = length or Length(months=12)
    elif "y" in slot and "qonly" in slot and "md" not in slot:   # "FIRST QUARTER" over "2023 | 2022"
        m = slot["qonly"]
        q = int(m["qon"]) if m["qon"] else ORDINAL_QUARTERS[m["qoo"].lower()]
        end = cal.quarter_end(q, int(slot["y"].group(0)))
        length = length or Length(months=3)
    elif "y" in slot and _full_year(slot) and "md" not in slot and "len" not in slot:
        # "Full Year", "Fiscal Year" over "2024 | 2023": those years
        end = cal.fiscal_year_end(int(slot["y"].group(0)))
        length = Length(months=12)
    elif "y" in slot:
        year = int(slot["y"].group(0))
        if "md" in slot:
            md = regex.match(rf"(?P<m>{MONTH_RE})\s*(?P<d>\d{{1,2}})?", slot["md"].group(0), regex.I)
            month = parse_month(md["m"])
            end = make_date(md["m"], md["d"], str(year)) if md["d"] else cal.complete(year, month)
            if "qonly" in slot:       # "Fourth Quarter" over "2025", dated by the title: the quarter to that day
                length = length or Length(months=3)
            elif _full_year(slot):   # "Fiscal Year" over "2025"
                length = length or Length(months=12)
        elif length is not None and length.months == 12 and "len" in slot:
            end = None  # "Year Ended 2024" with no month: leave it to the caption or nothing
        elif length is not None and not length.weeks and length.months in (3, 6, 9) and "len" in slot \
                and not ytd and _FIRST_MONTHS.match(slot["len"].group(0)):
            # "Six Months" over "2023": the first six months of fiscal 2023
            end = cal.quarter_end(length.months // 3, year)
        elif "len" in slot and _HALF.match(slot["len"].group(0)) and not ytd and cal.anchor is not None:
            # "H1 2024", "Second half 2023": the issuer's fiscal half, read only where the text states when its
            # fiscal year ends (a March year's "H1 2024" is April to September)
            end, length = _half(slot["len"].group(0), year, cal)
    if ytd and end is not None:  # from the start of the fiscal year to the column's date
        length = year_to_date(end, cal)
    if length is None:
        length = caption_length
    bound = None
    if "rng" in slot:
        word = slot["rng"].group(0).lower()
        bound = "low" if word.startswith(("low", "min")) else "high"
    return ColumnPeriod(end, length, skip="skip" in slot and end is None, nongaap="ng" in slot, header=header,
                        bound=bound)
