"""What of a PDF's text layer can be trusted. A font with no map from its glyphs to characters gives glyph
numbers instead of letters; a producer that parts words by moving the pen a hair's breadth, with no space
glyph, runs them together; a producer that rebuilds a font's map can give a dash the code of a digit. The first
two leave a page out (or refuse the file when no page is left), the last is read as what was drawn.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..rulebook.regex_code import kept_re
from .detect import InputError

if TYPE_CHECKING:
    from .pdf_file import _Word

# words any page of an English earnings release prints, prose or table (a page of brand names still has
# "sales", "total", "%")
_COMMON_WORDS = frozenset("""
    the and of to in for a on with by as from or at is our we net income total revenue revenues sales cost
    costs expense expenses assets liabilities equity cash per share shares diluted basic operating interest tax
    taxes quarter year years ended months three six nine twelve weeks other current loss losses profit gross
    margin stock financial statements consolidated million millions billion thousands company results
    including related adjusted gaap non segment operations change reported prior period first second third
    fourth fiscal balance sheet flows activities except data amounts unaudited growth
    december march june september january february april may july august october november""".split())
_ALPHA_WORD = kept_re(r"[A-Za-z]+")
LEGIBLE_MIN_WORDS = 20     # words a page needs before it is judged
LEGIBLE_SHARE = 0.02       # the share of common words below which a page's words are no words


def _legible(lines: list[tuple[float, list[_Word]]]) -> Optional[bool]:
    """Whether a page's text layer holds words, None when it has too few to tell. A font with no map from
    its glyphs to characters gives its glyph numbers instead: "5HYHQXH" for "Revenue", and an "RS" that comes
    out as "56". Pages of such text hold none of the words every page of a release prints."""
    words = [m.group().lower() for _b, ws in lines for w in ws for m in _ALPHA_WORD.finditer(w.text)]
    if len(words) < LEGIBLE_MIN_WORDS:
        return None
    return sum(1 for w in words if w in _COMMON_WORDS) >= LEGIBLE_SHARE * len(words)


UNREADABLE = "the text layer there does not hold readable text (its fonts map glyphs to other codes)"
UNREADABLE_FILE = ("the PDF's text layer does not hold readable text (its fonts map glyphs to other codes); it cannot "
                   "be read as figures")
RUN_TOGETHER = "the text layer there runs its words together (no space between them)"
LONG_WORD = 18            # letters: longer "words" are words run together ("Totalassetsandotherliabilities")
RUN_MIN_LETTERS = 200     # letters a page needs before it is judged


def _run_together(lines: list[tuple[float, list[_Word]]]) -> bool:
    """Whether most of a page's letters stand in "words" longer than any English word: a producer that sets
    words apart by moving the pen a hair's breadth, with no space glyph, leaves nothing to part them by, and
    two figures run together ("123" and "456" as "123456") would be read as one."""
    lengths = [len(m.group()) for _b, ws in lines for w in ws for m in _ALPHA_WORD.finditer(w.text)]
    letters = sum(lengths)
    return letters >= RUN_MIN_LETTERS and sum(n for n in lengths if n >= LONG_WORD) > 0.5 * letters


def left_out_pages(pages: list[list[tuple[float, list[_Word]]]], where: str) -> list[tuple[int, str]]:
    """The pages whose text cannot be trusted, and why; InputError when no page is left to read."""
    judged = {p: _legible(lines) for p, lines in enumerate(pages, 1)}
    unreadable = [p for p, legible in judged.items() if legible is False]
    run_together = [p for p, lines in enumerate(pages, 1) if judged[p] is not False and _run_together(lines)]
    if unreadable and not any(judged[p] for p in judged if p not in run_together):
        raise InputError(f"{where}{UNREADABLE_FILE}")
    if run_together and not any(lines for p, lines in enumerate(pages, 1) if p not in run_together + unreadable):
        raise InputError(f"{where}the PDF's text layer runs its words together (no space between them); its "
                         f"figures cannot be told apart")
    return sorted([(p, UNREADABLE) for p in unreadable] + [(p, RUN_TOGETHER) for p in run_together])


FLAT_DIGIT = 0.25   # ink height, against the page's typical digit, below which a "digit" is a rule


def flat_digits(digits: list[tuple[_Word, int, float]]) -> None:
    """Glyphs whose code says digit but whose ink is a flat rule are dashes. A producer that rebuilds a
    font's map from glyphs to characters can give the em dash of "—" (nil) the code of a "4": read by code,
    every nil in a statement becomes 4. A digit's ink is as tall as the line's capitals; a rule's is a
    hairline."""
    heights = sorted(h for _w, _i, h in digits)
    if len(heights) < 10:
        return
    typical = heights[len(heights) // 2]
    for word, i, h in reversed(digits):   # from the last, so that each place stays right
        if h < FLAT_DIGIT * typical:
            word.text = word.text[:i] + "—" + word.text[i + 1:]
            word.redrawn += 1
