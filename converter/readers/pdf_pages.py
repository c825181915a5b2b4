"""A PDF's page furniture: running headers and footers, and page numbers, left out of the text.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..rulebook.regex_code import kept_re

if TYPE_CHECKING:
    from .pdf_file import _Word

_BARE_NUMBER = kept_re(r"^[-–]?\s*(\d{1,3})\s*[-–]?$")
_DIGITS = kept_re(r"\d")
PAGE_NUMBER_DRIFT = 5    # pages before the first numbered one (a cover, an exhibit index) a bare page number allows
_PAGE_NUMBER = kept_re(r"^(?:page\s+)?[-–]?\s*\d{1,3}\s*[-–]?(?:\s+of\s+\d{1,3})?$|^[A-Z]\s*-\s*\d{1,3}$", re.I)


def line_key(words: list[_Word]) -> str:
    """A line's text with its digits taken out: what a running header or footer keeps from page to page."""
    return _DIGITS.sub("#", " ".join(w.text for w in words)).strip()


def running_lines(pages: list[list[tuple[float, list[_Word]]]]) -> set[str]:
    """Lines printed at the top or bottom of most pages ("Intel/Page #", a confidentiality footer)."""
    if len(pages) < 3:
        return set()
    seen: Counter = Counter()
    for lines in pages:
        texts = [line_key(ws) for _b, ws in lines if ws]
        seen.update(set(texts[:2] + texts[-2:]))
    return {t for t, n in seen.items() if t and n >= max(3, len(pages) // 2)}


def is_page_number(words: list[_Word], page: int) -> bool:
    """A page's number at its top or bottom ("7", "- 7 -", "Page 7 of 12", "A-1"). A bare number far from the
    page's place in the file is a figure that happens to print first or last on the page (a table printed
    one cell a line): dropped, it would shift every figure after it."""
    text = " ".join(w.text for w in words).strip()
    if not words or _PAGE_NUMBER.match(text) is None:
        return False
    bare = _BARE_NUMBER.match(text)
    return bare is None or abs(int(bare.group(1)) - page) <= PAGE_NUMBER_DRIFT
