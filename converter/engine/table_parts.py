"""What a table's facts leave out once read: all of them where two columns read as one period print different
figures, and the parts of the company or of a breakdown printed beside the whole."""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ..facts.checks import half_interval
from ..model import Fact, Finding, Table
from ..rulebook.regex_code import kept_regex

if TYPE_CHECKING:
    from .tables import TableOutcome


def columns_collide(facts: list[Fact], placed: list[tuple[int, int]], out: TableOutcome, table: Table) -> bool:
    """Two columns of one row read as one period with different figures: the header gave two columns one
    period (a span or a length mislaid), and which of the table's columns holds what it no longer says. None
    of the table's facts is written; a finding says why."""
    seen: dict[tuple, tuple[int, Fact]] = {}
    for fact, (row, col) in zip(facts, placed):
        key = (row, fact.concept, fact.period, fact.dims)
        other = seen.setdefault(key, (col, fact))
        if other[0] != col and other[1].value != fact.value:
            why = (f"withheld: two columns of table {table.index} read as {fact.period} print different figures "
                   f"({other[1].value} and {fact.value} for {fact.concept}): its column headers were misread")
            out.findings.append(Finding("warning", "withheld", why[len("withheld: "):], (other[1], fact)))
            out.skipped.extend((f.provenance.source_text, why) for f in facts)
            return True
    return False


_WHOLE = kept_regex(r"^(?:total|consolidated|combined)\b", regex.I)


_WHOLE_SECTION = kept_regex(r"^(?:consolidated|total\s+company|company[\s-]wide)(?:\s+(?:results|totals?))?\s*:?$",
                            regex.I)


def drop_parts_beside_the_whole(out: TableOutcome, first: int, led: list[str],
                                 headings: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """A table with a "Consolidated" heading sets the sections under other headings, before or after it, apart
    as parts of the company ("Consolidated" rows, then "Building Materials Business" / "Aggregates" / "Gross
    profit"): a line whose nearest heading above is another is that part's, even where the whole prints no
    such line to tell them apart by. Nearness, not indentation: a print that sets labels flush right nests
    nothing reliably. A heading that ends in a colon ("Operating expenses:") heads lines within a section and
    is passed over. `led` is the nearest such heading row above each fact's row ("" for none); returns
    `headings` for the facts kept."""
    if not any(_WHOLE_SECTION.match(h) for h in led):
        return headings
    keep, parts = [], {}
    for fact, heading, above in zip(out.facts[first:], led, headings):
        if heading and not _WHOLE_SECTION.match(heading):
            out.skipped.append((fact.provenance.source_text, f"under '{heading}', a part of the company beside "
                                                             f"the table's consolidated section"))
            parts.setdefault(fact.key, []).append(fact)
        else:
            keep.append((fact, above))
    # a whole beside two parts of its own line or more is what they add up to; one they do not is a part whose
    # heading the reader lost (a page break took "Aggregates" from above "Gross profit 1,610"), and is not
    # written either (one part beside it is one segment of several, and says nothing)
    doubted = [f for f, _a in keep if len(parts.get(f.key, ())) > 1
               and abs(sum(p.value for p in parts[f.key]) - f.value) > sum(map(half_interval, [f] + parts[f.key]))]
    for f in doubted:
        out.skipped.append((f.provenance.source_text, "its parts under the sections beside the consolidated one do "
                                                      "not add up to it"))
    keep = [(f, a) for f, a in keep if not any(f is d for d in doubted)]
    out.facts[first:] = [f for f, _a in keep]
    return [a for _f, a in keep]


def drop_breakdown_parts(out: TableOutcome, first: int, headings: list[tuple[str, ...]]) -> None:
    """A table that gives one concept and period several values is a breakdown: "Revenue" and "Operating
    income" under each segment's heading, then under "Total". The value printed under no heading, or under a
    total's, is the whole; the others are parts and are dropped. With no single whole, the group is left to
    the merge (which withholds a fact whose readings disagree)."""
    groups: dict[tuple, list[int]] = {}
    for i in range(first, len(out.facts)):
        groups.setdefault(out.facts[i].key, []).append(i)
    drop: set[int] = set()
    for members in groups.values():
        if len({out.facts[i].value for i in members}) < 2:
            continue
        whole = [i for i in members if not headings[i - first] or _WHOLE.match(headings[i - first][-1])]
        if len({out.facts[i].value for i in whole}) != 1:
            continue
        for i in members:
            if i not in whole:
                drop.add(i)
                out.skipped.append((out.facts[i].provenance.source_text, "a part of a breakdown: the table gives this "
                                                                   "line another value elsewhere"))
    if drop:
        out.facts[first:] = [f for i, f in enumerate(out.facts[first:], first) if i not in drop]


