"""Signs the statement's own arithmetic settles. Between two results of an income statement (revenues,
gross profit, operating income, income before taxes) the rows in between take the first result to the
second, each added or subtracted as printed. Some statements print every such row as a deduction ("Earnings
from Operations 399", "Interest expense 50", "Other nonoperating income, net (4)", "Earnings before income
tax 353": 399 - 50 - (-4)), or list income among the costs ("Costs and other deductions: ... Other, net
37,021"), so a row's wording does not say whether its figure is income or expense; the arithmetic does. Each
row's direction (added or subtracted) is solved from every column at once, and a fact's sign follows from it
and its concept's balance: a credit concept (income) holds what the row adds, a debit concept (expense)
what it takes away.

A block of rows with its own subtotal ("Other (income)/expense: ... Total other expense/(income), net 27")
counts as its subtotal, and its rows take the subtotal's direction. Nothing changes unless exactly one set
of directions holds in every column.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from decimal import Decimal
from itertools import product
from typing import Callable, Optional

from ..model import Fact, Table
from ..taxonomy import Taxonomy
from .numbers import parse_figure

RESULTS = {
    "us-gaap:Revenues",
    "us-gaap:GrossProfit",
    "us-gaap:OperatingIncomeLoss",
    "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
    "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments",
}
MAX_ROWS = 8    # rows between two results that are solved for (2^8 sets of directions)
# rows between two results looked at for subtotals and running totals (each look grows with the square of
# them); a statement prints a few dozen, a table of thousands of rows is no statement's arithmetic
MAX_BETWEEN = 300


def sign_by_chain(table: Table, concepts: dict[int, Optional[str]], mults: dict[int, int],
                  usable: Callable[[int], bool], facts: list[Fact], placed: list[tuple[int, int]], first: int,
                  tax: Taxonomy) -> set[int]:
    """Turn the facts (out of `facts[first:]`, placed at (row, column) by `placed`) whose sign disagrees
    with the direction the arithmetic gives their row, and return those rows. The results count with the
    sign their rows' wording gave them (`mults`: "OPERATING LOSS 10,671" is −10,671); the rows between count
    as printed."""
    rows = [i for i, r in enumerate(table.rows) if r.cells]
    anchors = [i for i in rows if concepts.get(i) in RESULTS]
    if len(anchors) < 2:   # no two results to chain (most tables): nothing to solve, so nothing to read
        return set()
    figures = _anchored_figures(table, rows, anchors, mults, usable)
    direction: dict[int, int] = {}
    for a, b in zip(anchors, anchors[1:]):
        if concepts[a] == concepts[b]:
            continue
        between = rows[bisect_right(rows, a):bisect_left(rows, b)]
        if len(between) > MAX_BETWEEN:
            continue
        a, between = _past_running_totals(figures, a, between, direction)
        solved = _solve(figures, a, b, between)
        if solved:
            direction.update(solved)
    turned: set[int] = set()
    if not direction:
        return turned
    for k, (row, col) in enumerate(placed):
        e = direction.get(row)
        concept = tax.get(concepts.get(row) or "")
        printed = figures.get(row, {}).get(col)
        if e is None or concept is None or concept.balance not in ("credit", "debit") or not printed:
            continue
        f = facts[first + k]
        want = e * (1 if concept.balance == "credit" else -1)     # the multiplier the printed figure takes
        if f.value and (f.value > 0) != (printed * want > 0):
            step = (f"sign: the statement's arithmetic {'adds' if e > 0 else 'subtracts'} this row, "
                    f"so it is {'income' if concept.balance == 'credit' else 'expense'} of {abs(printed)} as printed"
                    f"{' with the opposite sign' if want < 0 else ''}")
            facts[first + k] = replace(f, value=-f.value, provenance=replace(
                f.provenance, steps=f.provenance.steps + (step,)) if f.provenance else None)
            turned.add(row)
    return turned


def chain_links(table: Table, concepts: dict[int, Optional[str]], mults: dict[int, int],
                usable: Callable[[int], bool], joins: bool = True) -> list[bool]:
    """For each two results of the statement in its order, whether some directions of the rows between them
    take the one to the other in every column they share (revenue less cost of revenue is the gross profit
    printed below). A pair joined in no column is what figures paired with the wrong lines do; a row set
    down out of its place breaks the sum only in the columns where it prints a figure, and is no sign of
    it. Pairs the rows cannot be solved for (too many rows, no shared column) say nothing. Without `joins`,
    only whether a pair breaks is asked: the first break ends the look, and joined pairs are not solved."""
    rows = [i for i, r in enumerate(table.rows) if r.cells]
    anchors = [i for i in rows if concepts.get(i) in RESULTS]
    if len(anchors) < 2:
        return []
    figures = _anchored_figures(table, rows, anchors, mults, usable)
    links = []
    for a, b in zip(anchors, anchors[1:]):
        if _RANK[concepts[a]] >= _RANK[concepts[b]]:
            continue   # results out of the statement's order: the reader set the rows down out of order
        between = rows[bisect_right(rows, a):bisect_left(rows, b)]
        if len(between) > MAX_BETWEEN:
            continue
        a, between = _past_running_totals(figures, a, between, {})
        cols = _columns(figures, a, b, between)
        if not cols:
            continue
        if all(_joining_directions(figures, a, b, between, [c]) == [] for c in cols):
            links.append(False)
            if not joins:
                break
        elif joins and _joining_directions(figures, a, b, between, cols):   # one set of directions for every column
            links.append(True)
    return links


def _anchored_figures(table: Table, rows: list[int], anchors: list[int], mults: dict[int, int],
                      usable: Callable[[int], bool]) -> dict[int, dict[int, Decimal]]:
    """Each row's figures by column, the results' with the sign their wording gave them."""
    figures = {i: _figures(table.rows[i], usable) for i in rows}
    for i in anchors:
        figures[i] = {c: v * mults.get(i, 1) for c, v in figures[i].items()}
    return figures


def _columns(figures: dict[int, dict[int, Decimal]], a: int, b: int, between: list[int]) -> list[int]:
    items, _members = _blocks(figures, a, between)
    if not items or len(items) > MAX_ROWS:
        return []
    return [c for c in figures[a] if c in figures[b] and all(c in figures[i] for i in items)]


# the order the results come in down a statement
_RANK = {c: k for k, c in enumerate(("us-gaap:Revenues", "us-gaap:GrossProfit", "us-gaap:OperatingIncomeLoss"))}
_RANK.update({c: 3 for c in RESULTS if c not in _RANK})


def _joining_directions(figures: dict[int, dict[int, Decimal]], a: int, b: int, between: list[int], cols: list[int]):
    """The sets of directions that take result `a` to `b` within a unit of rounding in the columns `cols`."""
    items, _members = _blocks(figures, a, between)
    unit = min((_unit(figures[i][c]) for i in [a, b] + items for c in cols), default=Decimal(1))
    return [signs for signs in product((1, -1), repeat=len(items))
            if max(abs(figures[a][c] + sum(s * figures[i][c] for s, i in zip(signs, items)) - figures[b][c])
                   for c in cols) <= unit]


def _figures(row, usable) -> dict[int, Decimal]:
    out = {}
    for c in row.cells:
        f = parse_figure(c.text)
        if f is not None and not f.percent and usable(c.col):
            out[c.col] = f.value if f.value is not None else Decimal(0)
    return out


def _solve(figures: dict[int, dict[int, Decimal]], a: int, b: int, between: list[int]) -> dict[int, int]:
    """The direction of each row between results `a` and `b`, when exactly one set of directions makes `a`
    into `b` in every column; a block closed by its own subtotal counts as that subtotal."""
    items, members = _blocks(figures, a, between)
    if not items or len(items) > MAX_ROWS:
        return {}
    cols = [c for c in figures[a] if c in figures[b] and all(c in figures[i] for i in items)]
    if not cols:
        return {}
    free = [i for i in items if all(figures[i][c] == 0 for c in cols)]
    solve = [i for i in items if i not in free]
    misses = {}
    for signs in product((1, -1), repeat=len(solve)):
        misses[signs] = max(abs(figures[a][c] + sum(s * figures[i][c] for s, i in zip(signs, solve)) - figures[b][c])
                            for c in cols)
    # exactly, or else within the rounding a release warns of ("amounts may not add due to rounding"): one
    # unit of the last printed digit
    unit = min((_unit(figures[i][c]) for i in [a, b] + solve for c in cols), default=Decimal(1))
    found = [signs for signs, miss in misses.items() if miss == 0] or \
        [signs for signs, miss in misses.items() if miss <= unit]
    if len(found) != 1:
        return {}
    out = {}
    for s, i in zip(found[0], solve):
        out[i] = s
        for m in members.get(i, ()):
            out[m] = s
    return out


def _past_running_totals(figures, a: int, between: list[int], direction: dict[int, int]) -> tuple[int, list[int]]:
    """A row that is the result so far plus the rows since ("Operating revenues", "Investment income",
    "Total revenues and other income") restarts the chain from itself; the rows it adds are added."""
    start = 0
    for k, i in enumerate(between):
        run = between[start:k]
        cols = [c for c in figures[i] if c in figures[a] and all(c in figures[j] for j in run)]
        # (a result of nothing, "Collaboration revenue —", makes every subtotal of the rows after it look like
        # a running total: "Total operating expenses" is the costs' sum, not revenue plus costs)
        if run and cols and any(figures[a][c] for c in cols) \
                and all(figures[a][c] + sum(figures[j][c] for j in run) == figures[i][c] for c in cols):
            for j in run:
                direction[j] = 1
            a, start = i, k + 1
    return a, between[start:]


def _unit(v: Decimal) -> Decimal:
    """One unit of the last digit printed: 1 for "1,292", 0.1 for "746.5"."""
    return Decimal(1).scaleb(min(v.as_tuple().exponent, 0))


def _blocks(figures, a: int, between: list[int]) -> tuple[list[int], dict[int, list[int]]]:
    """The rows to solve for: a row whose figures are the sum (as printed) of the rows since the last
    result or subtotal, in every column, stands for them."""
    items: list[int] = []
    members: dict[int, list[int]] = {}
    run: list[int] = []
    for i in between:
        cols = [c for c in figures[i] if all(c in figures[j] for j in run)]
        if len(run) >= 2 and cols and all(sum(figures[j][c] for j in run) == figures[i][c] for c in cols):
            members[i] = run
            items = [x for x in items if x not in run] + [i]
            run = []
            continue
        items.append(i)
        run.append(i)
    return items, members
