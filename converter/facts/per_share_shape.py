"""Money printed the way per-share amounts are. A table in millions prints its money as whole numbers; a row
of it that prints two more decimals, every figure under a hundred ("Net income attributable to ... | 1.00 |
0.67" under a per-share heading the reader lost), is a per-share line read as money: written, it would state
net income of $1.00 million. Such a row is withheld, with a finding. A table of too few rows to show its
money's shape is judged by its scale note when the note excepts per-share amounts ("in millions, except per
share amounts").
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

import regex

from ..model import Fact, Finding
from ..rulebook.regex_code import kept_regex
from .merge import source_of

MIN_WHOLE_ROWS = 3          # rows of the table's own money precision that show what its money looks like
PER_SHARE_CEILING = Decimal(100)


_SCALE_STEP = kept_regex(r"^scale: x10\^(\d+) \(.*\bper[ -]share\b", regex.I)


def _whole_by_note(f: Fact):
    """The decimals of whole money in a table whose scale note excepts per-share amounts, else None."""
    for step in f.provenance.steps:
        m = _SCALE_STEP.match(step)
        if m:
            return -int(m[1])
    return None


def row_label(f: Fact) -> str:
    """The row label a table fact was read from ("Net income | 1.00": its label)."""
    return f.provenance.source_text.split(" | ")[0]


def _row(f: Fact) -> tuple[int, str]:
    """The table and the row label a table fact was read from."""
    return f.provenance.block, row_label(f)


def per_share_shaped(facts: list[Fact]) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """The facts without the money rows printed as per-share amounts; those, and a finding for each row."""
    rows: dict[tuple[int, str], list[Fact]] = {}
    for f in facts:
        if f.category == "table" and f.unit == "USD" and not f.dims and f.provenance is not None:
            rows.setdefault(_row(f), []).append(f)
    by_block: dict[int, Counter] = {}
    for (block, _concept), fs in rows.items():
        decimals = {f.decimals for f in fs}
        if len(decimals) == 1:
            by_block.setdefault(block, Counter())[decimals.pop()] += 1
    doubtful: set[tuple[int, str]] = set()
    for (block, label), fs in rows.items():
        counts = by_block.get(block, Counter())
        whole, n = counts.most_common(1)[0] if counts else (None, 0)
        if whole is None or n < MIN_WHOLE_ROWS:
            # too few rows to show what the table's money looks like: its note may say it ("in millions,
            # except per share amounts": what prints cents there is per share)
            whole, n = _whole_by_note(fs[0]), MIN_WHOLE_ROWS
        if whole is None or whole >= 0:
            continue   # a table in units prints cents as money; only a scaled table's money is whole
        if all(f.decimals == whole + 2 and abs(f.value).scaleb(whole) < PER_SHARE_CEILING for f in fs):
            doubtful.add((block, label))
    if not doubtful:
        return facts, [], []
    kept, rejected, findings = [], [], []
    for f in facts:
        if f.category == "table" and f.unit == "USD" and not f.dims and f.provenance is not None and _row(f) in doubtful:
            rejected.append((f, "withheld: printed as a per-share amount in a table whose money is whole"))
        else:
            kept.append(f)
    for key in sorted(doubtful):
        fs = rows[key]
        findings.append(Finding("warning", "withheld", f"{fs[0].concept} from {source_of(fs[0])} is not written: its "
                                f"figures print two decimals under {PER_SHARE_CEILING}, as per-share amounts do, in "
                                f"a table whose money is whole (a per-share heading lost?)", tuple(fs)))
    return kept, rejected, findings
