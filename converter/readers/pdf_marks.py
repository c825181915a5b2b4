"""Footnote marks a PDF prints against its figures, no cell of any row: a mark set small and raised touching a
figure ("487¹", "2024⁽²⁾"), left out with its glyphs as the words are made (read on, "487¹" was 4,871), and one a
space apart ("17,700 ⁽²⁾"), left out as the line is laid out (as a word of its own it was one cell too many)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..rulebook.regex_code import kept_re

if TYPE_CHECKING:
    from .pdf_file import _Word

_MARK_GLYPHS = frozenset("0123456789()*†‡§")
MARK_SIZE = 0.95   # a footnote's mark is set smaller than its figure: a sixth smaller in browsers, a tenth in WeasyPrint
_MARK = kept_re(r"^(?:\(?\d{1,2}\)?|\([a-z]\)|[*†‡§]+)$")   # what a mark prints: "2", "(2)", "(a)", "*"


def mark_after(text: str, k: int, base: float, size: float, cur: "_Word", extent) -> int:
    """Where a footnote's mark set small and raised against a figure with no space between ("487¹",
    "2024⁽²⁾") ends, from glyph k on; 0 where none begins there. Read on, "487¹" was 4,871; laid out as a
    word of its own, a mark raised higher stood on a line of its own amid the header. A fraction set so
    ("1⅔¢": a raised "2", "/", a lowered "3") is no mark: the glyphs from here to the word's end must make
    one. The word ends at a space the text prints or where the next glyph stands apart (PDFium adds breaks
    of its own where glyphs rise). `extent(j)`: glyph j's left and right, None for an added break."""
    if text[k] not in _MARK_GLYPHS or not cur.text[-1:].isdigit() or base - cur.base < 0.2 * cur.size \
            or size > MARK_SIZE * cur.size:
        return 0
    glyphs, j, right = "", k, None
    while j < len(text):
        box = extent(j)
        if box is None:   # a break PDFium added
            j += 1
            continue
        if text[j].isspace() or right is not None and abs(box[0] - right) > 0.5 * size:   # apart, or a new line
            break
        glyphs, right, j = glyphs + text[j], box[1], j + 1
    return j if _MARK.match(glyphs) else 0


def glyph_extent(tp, raw, j: int, frame) -> Optional[tuple[float, float]]:
    """Glyph j's left and right in the text's frame; None where PDFium added the character itself."""
    if raw.FPDFText_IsGenerated(tp.raw, j):
        return None
    left, bottom, right, top = tp.get_charbox(j)
    if frame is not None:
        (u1, _v1), (u2, _v2) = frame(left, bottom), frame(right, top)
        left, right = min(u1, u2), max(u1, u2)
    return left, right


def raised_mark(w: "_Word", prev: "_Word") -> bool:
    """A footnote's mark set small and raised right after a figure (`prev`, "17,700 ⁽²⁾"): no figure of the row.
    Laid out as a word of its own it was a cell, and the row had one figure too many for its columns."""
    return bool(_MARK.match(w.text)) and w.size <= MARK_SIZE * prev.size \
        and w.base - prev.base >= 0.2 * prev.size and w.x0 - prev.x1 < 1.5 * prev.size
