"""A table's columns checked against the text: when the prose states a line's amount for a period ("Revenue
for the full year 2024 of $54.0 million"), the table dates that line's figure for the period differently
(17,274), and another column of the same line holds the prose's amount (54,014), the table's header was
pieced together wrongly: its columns' dates are swapped or shifted (a header wrapped over five lines in large
type). The statement would outrank the prose and stand. Which columns are which, the table no longer says,
so none of its dated figures is written.
"""
from __future__ import annotations

from ..model import Fact, Finding
from .merge import consistent, source_of
from .text_scale import stated_amounts


def misdated_columns(facts: list[Fact]) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """Facts without those of tables that date a figure of a line as the text does not, where another column
    of the line holds the text's amount; a finding for each such table."""
    said = stated_amounts(facts)
    if not said:
        return facts, [], []
    lines: dict[tuple, list[Fact]] = {}   # (block, concept) -> the line's figures over its columns
    for f in facts:
        if f.category == "table" and f.unit == "USD" and not f.dims and f.provenance is not None:
            lines.setdefault((f.provenance.block, f.concept), []).append(f)
    doubted: dict[int, str] = {}
    for (block, concept), line in lines.items():
        for f in line:
            for text in said.get((concept, f.period), ()):
                if consistent(f, text):
                    continue
                other = next((g for g in line if g.period != f.period and consistent(g, text)), None)
                if other is not None:
                    doubted.setdefault(block, f"the text gives {concept} {f.period} as {text.value:,}, which the "
                                              f"table prints under {other.period}, not the {f.value:,} it "
                                              f"dates so")
    if not doubted:
        return facts, [], []
    first = {block: line[0] for (block, _c), line in lines.items()}
    findings = [Finding("warning", "withheld", f"{source_of(first[block])} is not written: {why}", ())
                for block, why in sorted(doubted.items())]
    kept, rejected = [], []
    for f in facts:
        if f.category == "table" and f.provenance is not None and f.provenance.block in doubted:
            rejected.append((f, "withheld: the text dates a figure of its table as another column prints it: "
                                "the table's header was misread"))
        else:
            kept.append(f)
    return kept, rejected, findings
