"""The pieces of text the narrative grammar reads, found in time proportional to the text's length.

A paragraph that never ends a sentence (a hostile file, or text run together) would otherwise be one
sentence of any length, and the grammar's look-ups within a sentence (the amounts after a metric, the
spans a period or a change clause blanks out) grow with the square of it: 211 KB took 39 s. Overlong
sentences are read in pieces of bounded length, cut after a clause, and the look-ups use sorted positions.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable, Iterator

from ..rulebook.regex_code import kept_regex

LONGEST_SENTENCE = 10_000   # characters; the longest sentence in the real releases has 6,438
_CLAUSE_END = kept_regex(r"[,;:]\s")


def pieces(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """(offset, text) of one sentence, or of pieces of at most LONGEST_SENTENCE characters of an overlong one,
    each ending after a comma, semicolon or colon where there is one in its second half (else a space)."""
    while end - start > LONGEST_SENTENCE:
        limit = start + LONGEST_SENTENCE
        cut = None
        for m in _CLAUSE_END.finditer(text, limit - LONGEST_SENTENCE // 2, limit):
            cut = m.end()
        if cut is None:
            space = text.rfind(" ", start + 1, limit)
            cut = space + 1 if space > start else limit
        yield start, text[start:cut]
        start = cut
    yield start, text[start:end]


def blanker(blanks: list[tuple[int, int]]) -> Callable[[str, int], str]:
    """`cut(text, offset)`: the text (which starts at `offset` in the sentence) with the blank spans as
    spaces and "or" taken out. The spans are merged and sorted once, so each call costs the text's length."""
    merged: list[list[int]] = []
    for s0, e0 in sorted(b for b in blanks if b[1] > b[0]):
        if merged and s0 <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e0)
        else:
            merged.append([s0, e0])
    ends = [e for _s, e in merged]

    def cut(text: str, off: int) -> str:
        chars = list(text)
        for s0, e0 in merged[bisect_right(ends, off):]:
            if s0 >= off + len(text):
                break
            for k in range(max(s0, off), min(e0, off + len(text))):
                chars[k - off] = " "
        return "".join(chars).replace(" or ", " ").replace(", or", ",")
    return cut


def between(items: list, starts: list[int], lo: int, hi: int) -> list:
    """The items (sorted by start, `starts` their starts) that start in [lo, hi)."""
    return items[bisect_left(starts, lo):bisect_left(starts, hi)]


def first_after(values: list[int], after: int, default: int) -> int:
    """The least of the sorted `values` greater than `after`, or `default`."""
    i = bisect_right(values, after)
    return values[i] if i < len(values) else default
