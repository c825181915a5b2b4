"""The sentences the narrative grammar reads, and the pieces of them it looks at, found in time proportional
to the text's length. A sentence ends at a full stop, a semicolon or a bullet, not after an abbreviation
("Inc.").

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
# a sentence ends at . ; ! ? (a quote may close after it), before a capital, a parenthesis, a quote or an amount,
# or before a dash that starts the next bullet ("... $30.4 million. - Net income was ...")
# a sentence opens with a capital, a bracket, a quote or "$"; or with some other mark right before a capital
# (a quote a PDF's font maps to "<": 'CFO. <Looking ahead ...' begins a sentence)
SENTENCE_END = kept_regex(r"(?<=[.;!?][\"'”’]?)\s+(?:[-–—*]\s+)?(?=[A-Z(\"$“‘]|[^\w\s][A-Z])|\s+•\s+|(?<=:)\s+(?=[A-Z•])")
_PUNCTUATION_GAP = kept_regex(r"[.;!?][\"'”’]?(\s+(?:[-–—*]\s+)?)(?=[A-Z(\"$“‘]|[^\w\s][A-Z])|:(\s+)(?=[A-Z•])")   # without •
_ABBREV = kept_regex(r"(?:\b(?:Inc|Corp|Co|Ltd|Mass|Calif|No|U\.S|approx|vs|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|St|Mr|Ms|Dr)\.)$")


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


def _sentence_gaps(text: str):
    """(start, end) of the spaces between sentences. Without a bullet, a pattern led by the punctuation finds
    them twice as fast as SENTENCE_END's look-behind tried at every position."""
    if "•" in text:
        return (m.span() for m in SENTENCE_END.finditer(text))
    return (m.span(m.lastindex) for m in _PUNCTUATION_GAP.finditer(text))


def sentences(text: str):
    """(offset, sentence) pairs; abbreviations like "Inc." do not end a sentence. A run of text longer than
    any sentence a release prints comes in pieces (`pieces`)."""
    start = 0
    for gap_start, gap_end in _sentence_gaps(text):
        # the last few characters only (`\b` still sees the one before them): an abbreviation is short
        if _ABBREV.search(text, max(start, gap_start - _ABBREV_REACH), gap_start):
            continue
        yield from pieces(text, start, gap_start)
        start = gap_end
    if start < len(text):
        yield from pieces(text, start, len(text))


_ABBREV_REACH = 12   # characters; the longest abbreviation ("approx.") has 7


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
