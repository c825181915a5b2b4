"""A PDF's pages: their furniture (running headers and footers, page numbers) left out of the text, rows a
page break split joined again, a header left at a page's foot moved over its rows, and text turned on its
page read in its own upright frame.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import TYPE_CHECKING

from ..engine.dates import MONTH_RE
from ..rulebook.regex_code import kept_re
from .fixed_segments import MONEY_NOTE, carries_on

if TYPE_CHECKING:
    from .pdf_file import _Word

_BARE_NUMBER = kept_re(r"^[-–]?\s*(\d{1,3})\s*[-–]?$")
_DIGITS = kept_re(r"\d")
_LETTER = kept_re(r"[^\W\d_]")
PAGE_NUMBER_DRIFT = 5    # pages before the first numbered one (a cover, an exhibit index) a bare page number allows
_PAGE_NUMBER = kept_re(r"^(?:page\s+)?[-–]?\s*\d{1,3}\s*[-–]?(?:\s+of\s+\d{1,3})?$|^[A-Z]\s*-\s*\d{1,3}$", re.I)


def line_key(words: list[_Word]) -> str:
    """A line's text with its digits taken out: what a running header or footer keeps from page to page."""
    return _DIGITS.sub("#", " ".join(w.text for w in words)).strip()


def running_lines(pages: list[list[tuple[float, list[_Word]]]]) -> set[str]:
    """Lines printed at the top or bottom of most pages ("Intel/Page #", a confidentiality footer). Of a file
    of two pages, the lines with words that both pages print at their top, or both at their bottom (a
    browser's date and title over each page, its address and "1/2" under it). A note of the amounts' scale on
    a line of its own ("(in thousands)" under each statement's title, a statement to a page) and a column
    header's line of periods ("Dec. 31, 2024  Sept. 30, 2024 ...", a table's heading row printed atop each
    page it runs onto) are the tables' own, never furniture: left out, the statements were read in whole
    dollars, or not at all."""
    own = {line_key(ws) for lines in pages for _b, ws in lines if ws and column_header(ws)}
    if len(pages) == 2:
        ends = [[line_key(ws) for _b, ws in lines if ws] for lines in pages]
        both = (set(ends[0][:2]) & set(ends[1][:2])) | (set(ends[0][-2:]) & set(ends[1][-2:]))
        return {t for t in both if _LETTER.search(t) and not MONEY_NOTE.match(t)} - own
    if len(pages) < 3:
        return set()
    seen: Counter = Counter()
    for lines in pages:
        texts = [line_key(ws) for _b, ws in lines if ws]
        seen.update(set(texts[:2] + texts[-2:]))
    return {t for t, n in seen.items() if t and n >= max(3, len(pages) // 2) and not MONEY_NOTE.match(t)} - own


def without_furniture(pages: list[list[tuple[float, list[_Word]]]], repeated: set[str]
                      ) -> list[list[tuple[float, list[_Word]]]]:
    """The pages without their running lines (`repeated`) and page numbers. A line repeated from partway
    through the file on (a Word table's heading row, "Condensed Consolidated Balance Sheets (in thousands)",
    printed atop every page the table runs onto) is the table's own where it is first printed: page furniture
    begins on the first pages."""
    keys = [[line_key(ws) for _b, ws in lines] for lines in pages]
    first: dict[str, int] = {}
    for p, page_keys in enumerate(keys, 1):
        for key in page_keys:
            if key in repeated:
                first.setdefault(key, p)
    own = {key: p for key, p in first.items() if p > 2}
    return [[(base, ws) for i, ((base, ws), key) in enumerate(zip(lines, page_keys)) if not (
        key in repeated and own.get(key) != p or (i < 2 or i >= len(lines) - 2) and is_page_number(ws, p))]
        for p, (lines, page_keys) in enumerate(zip(pages, keys), 1)]


def is_page_number(words: list[_Word], page: int) -> bool:
    """A page's number at its top or bottom ("7", "- 7 -", "Page 7 of 12", "A-1"). A bare number far from the
    page's place in the file is a figure that happens to print first or last on the page (a table printed
    one cell a line): dropped, it would shift every figure after it."""
    text = " ".join(w.text for w in words).strip()
    if not words or _PAGE_NUMBER.match(text) is None:
        return False
    bare = _BARE_NUMBER.match(text)
    return bare is None or abs(int(bare.group(1)) - page) <= PAGE_NUMBER_DRIFT


ALIGNED = 1.5   # points: figures of one column end (or begin) this close together
LOOK_BACK = 8   # lines above a page's last one in which its figures' column is looked for


def rejoin_split_rows(pages: list[list[tuple[float, list[_Word]]]], figure) -> None:
    """A table row a page break split: its figures last on one page, its label first on the next (a producer
    that lets a row break across pages puts each cell's lines where they fall). The label joins its figures
    when the figures stand in a column of the table above them, the label lies wholly left of them, and it is
    no heading (no colon, no rows indented under it). `figure`: what a figure word or a lone mark matches."""
    for p in range(len(pages) - 1):
        here, there = pages[p], pages[p + 1]
        last = next((i for i in range(len(here) - 1, -1, -1) if here[i][1]), None)
        first = next((i for i, (_b, ws) in enumerate(there) if ws), None)
        if last is None or first is None:
            continue
        figures, label = here[last][1], there[first][1]
        if not all(figure.match(w.text) for w in figures) or not any(_DIGITS.search(w.text) for w in figures) \
                or any(figure.match(w.text) and _DIGITS.search(w.text) for w in label) \
                or max(w.x1 for w in label) >= min(w.x0 for w in figures) or label[-1].text.endswith(":"):
            continue
        above = [a for _b, ws in here[max(0, last - LOOK_BACK):last] for a in ws if _DIGITS.search(a.text)]
        if not all(any(abs(w.x1 - a.x1) <= ALIGNED or abs(w.x0 - a.x0) <= ALIGNED for a in above)
                   for w in figures if _DIGITS.search(w.text)):
            continue   # figures aligned, right or left, under figures of the table above
        after = next((ws for _b, ws in there[first + 1:] if ws), None)
        if after is not None and min(w.x0 for w in after) > label[0].x0 + 0.5 * label[0].size:
            continue   # rows indented under it: a heading
        if after is not None and any(figure.match(w.text) and _DIGITS.search(w.text) for w in after) \
                and carries_on(" ".join(w.text for w in label),
                               " ".join(w.text for w in after if not figure.match(w.text))):
            continue   # a label wrapped onto the line with its own figures ("... net of accumulated" / "depreciation")
        for w in label:
            w.page = p + 2
        here[last] = (here[last][0], label + figures)
        del there[first]


_YEAR = kept_re(r"^\(?(?:19|20)\d\d\)?[,.]?$")
_DAY = kept_re(r"^\d{1,2},$")
_DATED = kept_re(r"^\(?(?:(?:19|20)\d\d\)?[,.]?|\d{1,2}/\d{1,2}/\d{2,4}"
                 rf"|{MONTH_RE},?|ended|months|weeks|quarters?"
                 r"|(?:fy|q[1-4]|[1-4]q|h[12])\s*[-'’]?\s*(?:\d\d){0,2})$", re.I)
_CONTINUED = kept_re(r"\(?\s*continued\s*\)?|[^\w]", re.I)
_HEADER_WORD = kept_re(r"^(?:years?|three|six|nine|twelve|thirteen|fourteen|fifty[-–]t(?:wo|hree)|fiscal|first"
                      r"|second|third|fourth|quarters?|as|of|at|and|the|for|periods?|to|date|ended|ending"
                      r"|\(?unaudited\)?|\(?audited\)?)$", re.I)
HEADER_LINES = 12     # lines a table's title and header take at most
ROWS_WITHIN = 8       # lines after the title printed again within which the rows begin


def column_header(ws: list[_Word]) -> bool:
    """A line of a column header that names two periods or more ("2024  2023", "Three Months Ended  Year
    Ended"): no running header or footer names them."""
    return _header_line(ws) and (sum(bool(_YEAR.match(w.text)) for w in ws) >= 2
                                 or sum(w.text.lower() == "ended" for w in ws) >= 2)


def _header_line(ws: list[_Word]) -> bool:
    """A line of a column header: dates, years and period words only ("Year Ended December 31,", "2024 2023")."""
    return any(_DATED.match(w.text) or _DAY.match(w.text) for w in ws) \
        and all(_DATED.match(w.text) or _DAY.match(w.text) or _HEADER_WORD.match(w.text) for w in ws)


def carry_headers_over(pages: list[list[tuple[float, list[_Word]]]], figure) -> None:
    """A table's title and header printed last on a page, its rows on the next under the title printed again
    (all its lines or the first; "(continued)" or not), or under nothing: the title and header move to the
    next page, in place of the title printed again. Each page is laid out on a grid of its own, so a header
    left on the page before stood over no column of its rows, and the table was read without periods. The
    text's order does not change; only the page the header is laid out with. `figure`: what a figure word
    matches."""
    def amount(ws: list[_Word]) -> bool:
        return any(figure.match(w.text) and _DIGITS.search(w.text) and not _YEAR.match(w.text)
                   and not _DAY.match(w.text) for w in ws)

    def key(ws: list[_Word]) -> str:
        return _CONTINUED.sub("", " ".join(w.text for w in ws)).lower()

    for p in range(len(pages) - 1):
        here, there = pages[p], pages[p + 1]
        first = next((i for i, (_b, ws) in enumerate(there) if ws), None)
        if first is None:
            continue
        after = next((i for i in range(len(here) - 1, -1, -1) if amount(here[i][1])), -1) + 1
        title = next((i for i in range(max(after, len(here) - HEADER_LINES), len(here))
                      if key(here[i][1]) and key(here[i][1]) == key(there[first][1])), None)
        if title is None:
            # rows first on the next page (under a heading or two, "Cash flows from operating activities:"),
            # under no title: the title and header that end this page after its last figures head them (read
            # on under the table above, a cash flow statement's rows had taken the income statement's quarters)
            block = [i for i in range(after, len(here)) if here[i][1]]
            lead = [ws for _b, ws in there[first:first + ROWS_WITHIN] if ws]
            rows = next((i for i, ws in enumerate(lead) if amount(ws)), None)
            if not block or len(block) > HEADER_LINES or not any(_header_line(here[i][1]) for i in block) \
                    or rows is None or rows > 2 or any(_DATED.match(w.text) for ws in lead[:rows] for w in ws):
                continue
            title, again = block[0], 0
        else:
            if not any(_DATED.match(w.text) for _b, ws in here[title:] for w in ws):
                continue
            again = 1   # the lines of the title printed again
            while first + again < len(there) and title + again < len(here) \
                    and key(there[first + again][1]) == key(here[title + again][1]):
                again += 1
            rest = [ws for _b, ws in there[first + again:first + again + ROWS_WITHIN] if ws]
            rows = next((i for i, ws in enumerate(rest) if amount(ws)), None)
            if rows is None or any(_DATED.match(w.text) for ws in rest[:rows] for w in ws):
                continue   # no rows under the title, or a header of their own
        for _b, ws in here[title:]:
            for w in ws:
                w.page = w.page or p + 1
        pages[p + 1] = there[:first] + here[title:] + there[first + again:]
        del here[title:]


def page_turn(tp, raw) -> tuple[int, list[int]]:
    """How far most of a page's glyphs are turned, in quarter turns counterclockwise (a landscape statement
    set on a portrait page runs up the page: 1; upright text: 0), and how far each glyph is."""
    each = []
    for k in range(tp.count_chars()):
        angle = raw.FPDFText_GetCharAngle(tp.raw, k)   # clockwise, in radians; -1 when unknown
        each.append(-round(angle / (math.pi / 2)) % 4 if angle >= 0 else -1)
    turns = Counter(t for t in each if t >= 0)
    return (turns.most_common(1)[0][0] if turns else 0), each


def text_frame(turn: int, width: float, height: float):
    """The map from page coordinates to those of the text's own upright frame (x along its lines, y up its
    glyphs), and that frame's height. Turned text is read as if the page were turned to it."""
    if turn == 1:
        return (lambda x, y: (y, width - x)), width
    if turn == 2:
        return (lambda x, y: (width - x, height - y)), height
    if turn == 3:
        return (lambda x, y: (height - y, x)), width
    return None, height
