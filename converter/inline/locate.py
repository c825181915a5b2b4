"""Where a fact's figure is printed on the page.

A fact's provenance points into the reader's text (Document.text), which the readers rebuild from the source
(a table row is "label | cell | cell"); the page's visible text is the source's own. The two are aligned word
by word and figure by figure (difflib over the token sequences, both in reading order), and a fact's span is
carried across to the page through the tokens it covers. A figure is only taken when the printed number,
scaled, is exactly the fact's value: anything else (a figure worked out, a word number, a token the alignment
missed) is left for ix:hidden, never tagged on the wrong text.
"""
from __future__ import annotations

import bisect
import difflib
from decimal import Decimal, InvalidOperation
from typing import Optional

from ..model import Fact, Span
from ..rulebook.regex_code import kept_re
from ..dataclass_code import dataclass

TOKEN = kept_re(r"\d[\d,]*(?:\.\d+)?|\.\d+|[A-Za-z]+|[\u2014\u2013\u2012\-]")
NUMBER = kept_re(r"\d[\d,]*(?:\.\d+)?|\.\d+")
DASHES = frozenset("\u2014\u2013\u2012-")
SCALES = (0, 3, 6, 9, -2, 12, 2, 1, 4, 5, 7, 8)   # how far a printed figure is from its value, likeliest first


@dataclass(frozen=True)
class Spot:
    """A figure on the page: page.text[start:end], printed as `shown`, and how it becomes the value."""
    start: int
    end: int
    shown: str
    scale: int
    zero_dash: bool = False    # a dash printed for nothing (ixt:fixed-zero)


def _tokens(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    words, places = [], []
    for m in TOKEN.finditer(text):
        t = m.group()
        words.append("-" if t in DASHES else t.lower())
        places.append(m.span())
    return words, places


class Alignment:
    """Reader text -> page text, token by token."""

    def __init__(self, reader_text: str, page_text: str):
        self.a_words, self.a_places = _tokens(reader_text)
        self.b_words, self.b_places = _tokens(page_text)
        self.a_starts = [s for s, _ in self.a_places]
        self.page_count: dict[str, list[int]] = {}
        for j, word in enumerate(self.b_words):
            self.page_count.setdefault(word, []).append(j)
        self.to_page: dict[int, int] = {}
        matcher = difflib.SequenceMatcher(None, self.a_words, self.b_words, autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                self.to_page[block.a + k] = block.b + k

    def unique_on_page(self, figure: str) -> Optional[tuple[str, int, int]]:
        """The page token that is `figure`, when the page prints it exactly once."""
        places = self.page_count.get(figure, [])
        return (figure, *self.b_places[places[0]]) if len(places) == 1 else None

    def page_tokens(self, span: Span) -> list[tuple[str, int, int]]:
        """The page tokens the reader's span [start, end) covers, as (token, start, end)."""
        first = bisect.bisect_left(self.a_starts, span.start)
        out = []
        for i in range(first, len(self.a_places)):
            start, end = self.a_places[i]
            if start >= span.end:
                break
            j = self.to_page.get(i)
            if j is not None and end <= span.end:
                out.append((self.b_words[j], *self.b_places[j]))
        return out


def _number(text: str) -> Optional[Decimal]:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def spot_for(fact: Fact, alignment: Alignment, page_text: str) -> Optional[Spot]:
    """The printed figure of `fact` on the page, when there is exactly one that is its value."""
    prov = fact.provenance
    if prov is None or prov.span is None:
        return None
    tokens = alignment.page_tokens(prov.span)
    if not any(NUMBER.fullmatch(tok) for tok, _, _ in tokens):
        # some readers point at the row's label only (a PDF's reading order prints the figures elsewhere):
        # the figure the rule read, where the page prints it once and only once
        printed = NUMBER.findall(prov.source_text.rsplit("|", 1)[-1])
        unique = alignment.unique_on_page(printed[-1]) if printed else None
        tokens = [unique] if unique else tokens
    figures = [(s, e) for tok, s, e in tokens if NUMBER.fullmatch(tok)]
    target = abs(fact.value)
    if not figures:
        dashes = [(s, e) for tok, s, e in tokens if tok == "-"]
        if target == 0 and len(dashes) == 1:
            s, e = dashes[0]
            return Spot(s, e, page_text[s:e], max(0, -fact.decimals), zero_dash=True)
        return None
    for s, e in figures:
        shown = page_text[s:e]
        number = _number(shown)
        if number is None:
            continue
        for scale in SCALES:
            if number.scaleb(scale) == target:
                return Spot(s, e, shown, scale if target != 0 else max(0, -fact.decimals))
    return None
