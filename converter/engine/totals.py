"""Totals a table prints: the rows of a section add up to the "Total ..." row that closes it.

The check runs on the printed figures, column by column. A section whose figures add up in every column
states a summation; when every row of it maps to a concept, that summation becomes a calculation
relationship of this report (as a filer's own calculation linkbase would state it). A section that adds up
in some columns and not in others is a finding about the source (Adobe's first-quarter financing total
leaves out a debt repayment); one that adds up nowhere is not a sum and is left alone.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Optional

from ..model import Finding, Row, Table
from ..taxonomy import Calculation
from .numbers import parse_figure
from ..dataclass_code import dataclass


@dataclass(frozen=True)
class RowInfo:
    concept: Optional[str]
    mult: int          # the sign the row's stored values take relative to the printed figures


def _figures(row: Row, usable) -> dict[int, Decimal]:
    out = {}
    for c in row.cells:
        f = parse_figure(c.text)
        if f is not None and not f.percent and usable(c.col):
            out[c.col] = f.value if f.value is not None else Decimal(0)
    return out


def _is_total(label: str) -> bool:
    return label.lower().startswith(("total", "net cash"))


def _sections(table: Table):
    """(component rows, total row) for every section closed by a total ("Total ...", "Net cash ...")."""
    rows = [(i, r) for i, r in enumerate(table.rows) if r.cells]
    for k, (i, r) in enumerate(rows):
        if not _is_total(r.label) or not r.section:
            continue
        parts = []
        for j, q in reversed(rows[:k]):
            if q.section != r.section or _is_total(q.label):
                break
            parts.append((j, q))
        if len(parts) >= 2:
            yield list(reversed(parts)), (i, r)


def _unit(total: Decimal, parts: list[dict[int, Decimal]], col: int) -> Decimal:
    """One unit of the finest digit printed in the column ("1,292" 1, "746.5" 0.1)."""
    exps = [v.as_tuple().exponent for v in [total] + [p[col] for p in parts] if isinstance(v.as_tuple().exponent, int)]
    return Decimal(1).scaleb(min(min(exps, default=0), 0))


def check_totals(table: Table, info: dict[int, RowInfo], usable) -> tuple[list[Finding], list[Calculation]]:
    findings: list[Finding] = []
    calcs: list[Calculation] = []
    for parts, (ti, total) in _sections(table):
        tf = _figures(total, usable)
        pf = [_figures(q, usable) for _j, q in parts]
        cols = [c for c in tf if all(c in f for f in pf)]
        if not cols:
            continue
        ok = [c for c in cols if sum((f[c] for f in pf), Decimal(0)) == tf[c]]
        if not ok:
            continue
        if len(ok) < len(cols):
            bad = [c for c in cols if c not in ok]
            if all(abs(sum((f[c] for f in pf), Decimal(0)) - tf[c]) <= _unit(tf[c], pf, c) for c in bad):
                continue   # figures rounded one by one miss their total by a unit at most: no finding, no sum
            findings.append(Finding("warning", "table-total-mismatch",
                                    f"table {table.index}: '{total.label}' is not the sum of the {len(parts)} rows "
                                    f"above it in column(s) {', '.join(str(c + 1) for c in bad)} (it is in "
                                    f"{len(ok)} other column(s)); the printed total is kept"))
            continue
        tinfo = info.get(ti)
        items = [info.get(j) for j, _q in parts]
        if tinfo is None or tinfo.concept is None or any(i is None or i.concept is None for i in items):
            continue
        weights: dict[str, int] = {}
        for i in items:
            weights[i.concept] = weights.get(i.concept, 0) + i.mult * tinfo.mult
        if len(weights) != len(items) or tinfo.concept in weights or any(abs(w) != 1 for w in weights.values()):
            continue
        calcs.append(Calculation(f"table-{table.index}-{tinfo.concept.split(':')[-1]}", tinfo.concept,
                                 tuple(sorted(weights.items()))))
    return findings, calcs
