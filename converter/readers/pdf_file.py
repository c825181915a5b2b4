"""PDF files: the words of the text layer, with where each sits on its page, laid out as fixed-width text.

A PDF knows exactly where every glyph is. Words are runs of glyphs the text layer prints without a space
(a digit's kerning or a comma set below the baseline does not split "11,715"); a line is the words that
share a baseline; and a line is written out with each word at the column its position gives (figures by
their right edge, as they are aligned; text by its left edge; words a normal space apart stay one space
apart). That is the layout `pdftotext -layout` prints, and the fixed-width reader reads it: columns by
x-alignment, rows by baseline, wrapped labels and stacked headers as that reader knows them. Page headers
and footers that repeat on most pages, and bare page numbers, are left out. On a tagged page, a table row whose
cells the producer set on different baselines is one line, as its structure tree says (`pdf_tags`).

Each word's place is kept (`PdfText.boxes`): the character range it was written to and its page and box, so
a fact read from the text can say where on which page it was printed.

Refused, with a one-line reason: an encrypted or damaged file, and a PDF with no text layer (a scan) or one
whose text layer is not text (fonts that map glyphs to codes that are not characters).
"""
from __future__ import annotations

import statistics
from dataclasses import field
from typing import Optional

from .detect import InputError
from .normalize import LIGATURES
from .pdf_legibility import UNREADABLE_FILE, flat_digits, left_out_pages
from .pdf_marks import glyph_extent, mark_after, raised_mark
from .pdf_pages import carry_headers_over, page_turn, rejoin_split_rows, running_lines, text_frame, without_furniture
from .pdf_tags import tagged_rows
from ..rulebook.regex_code import kept_re
from ..dataclass_code import dataclass

MIN_PITCH_WORDS = 10       # words of two glyphs or more a page needs before its pitch is measured
MAX_PAGES = 300            # an earnings release is tens of pages; a longer file is read up to here
_FIGURE = kept_re(r"^[(\[$]*[-–—]?\$?[\d,]*\.?\d+[)\]]?%?\)?$|^[()$%—–-]+$")
_DIGITS = kept_re(r"\d")
_ATTACHED = {"%", ")", ",", "%)"}

# Dot leaders from a label to its figures ("Revenues ........ $85,000", ". . . . .", "……"): white space. A word
# processor runs them into the label and the figure with no space glyph, and their glyphs, narrower than a
# column of the text laid out, would push the figures off their columns. A typed page's grid keeps them: each
# glyph there has its own character cell.
_LEADER_GLYPHS = kept_re(r"[.\u2026\u00b7](?:[.\u2026\u00b7]|[ \u00a0](?![.\u2026\u00b7]\d)[.\u2026\u00b7]){3,}")
# digits run on from a leader that could begin with its last dot ("......45": 45, or .45?): left unread; a figure
# with a thousands comma or a decimal point of its own cannot
_UNSETTLED = kept_re(r"\d+(?![\d,]|\.\d)")
_NO_PAGES = kept_re(rb"/Count\s+0\b")
_SOME_PAGES = kept_re(rb"/Count\s+[1-9]")


@dataclass(frozen=True)
class Box:
    """Where a word was printed: its page (1-based) and box in points from the page's top-left corner."""
    page: int
    x0: float
    top: float
    x1: float
    bottom: float

    def __str__(self) -> str:
        return f"page {self.page}, x {self.x0:.0f}-{self.x1:.0f}, y {self.top:.0f}-{self.bottom:.0f}"


@dataclass
class PdfText:
    text: str
    pages: int
    boxes: list[tuple[int, int, Box]] = field(default_factory=list)   # (start, end) in `text`, and the box
    # every page set in a fixed-pitch font and laid out by its character cells: the text as it was typed (a
    # text filing printed to PDF), whatever layout that text has
    fixed_pitch: bool = False
    left_out: list[tuple[int, str]] = field(default_factory=list)   # pages left out, and why (_legible, _run_together)
    redrawn: int = 0      # glyphs coded as digits but drawn as rules, read as dashes (pdf_legibility.flat_digits)

    def box_at(self, offset: int) -> Optional[Box]:
        """The box of the word written at `offset` of the text, if any."""
        import bisect
        i = bisect.bisect_right([s for s, _e, _b in self.boxes], offset) - 1
        if 0 <= i < len(self.boxes) and self.boxes[i][0] <= offset < self.boxes[i][1]:
            return self.boxes[i][2]
        return None


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    base: float      # baseline, from the page's bottom
    top: float       # from the page's bottom while reading, from its top once laid out
    size: float      # font size
    bottom: float = 0.0   # from the page's top, once laid out
    ox: float = 0.0       # the first glyph's origin (where a fixed-pitch font's character cell starts)
    last_ox: float = 0.0  # the last glyph's origin
    step_min: float = float("inf")   # the least and the greatest advance from one glyph's origin to the next
    step_max: float = 0.0
    redrawn: int = 0      # glyphs coded as digits but drawn as a rule, read as dashes (pdf_legibility.flat_digits)
    page: int = 0         # the page it was printed on, when laid out on another's (a row a page break split)
    glyphs: tuple[int, int] = (0, 0)   # its first and last glyph's index in the page's text layer
    cell: Optional[tuple[int, int, int]] = None   # its table cell, where the page is tagged (pdf_tags)
    leader: bool = False  # dots of a leader (_LEADER_GLYPHS): white space, save on a typed page's grid

    @property
    def pitch(self) -> float:
        """The advance per glyph when every glyph of the word advances the same (a fixed-pitch font's cell;
        "minimum" in a proportional font does not), else 0."""
        if len(self.text) < 2 or self.step_max <= 0 or self.step_max - self.step_min > 0.03 * self.step_max:
            return 0.0
        return (self.last_ox - self.ox) / (len(self.text) - 1)


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF")


def pdf_text(data: bytes, name: str = "") -> PdfText:
    """The PDF's text layer laid out as fixed-width text; InputError when it has none to read."""
    import pypdfium2 as pdfium
    where = f"{name}: " if name else ""
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        reason = str(e).lower()
        if "password" in reason:
            raise InputError(f"{where}the PDF is encrypted (it needs a password); save an unprotected copy") from None
        if _NO_PAGES.search(data) and not _SOME_PAGES.search(data):   # PDFium refuses a document with no page
            raise InputError(f"{where}the PDF has no pages") from None
        raise InputError(f"{where}the PDF is damaged and cannot be opened ({e})") from None
    try:
        n = len(doc)
        if n == 0:
            raise InputError(f"{where}the PDF has no pages")
        pages = [_page_lines(doc, i) for i in range(min(n, MAX_PAGES))]
    finally:
        doc.close()
    glyphs = sum(len(w.text) for lines in pages for _b, words in lines for w in words if not w.leader)
    if glyphs == 0:
        raise InputError(f"{where}the PDF has no text layer (a scanned image?); run it through OCR first")
    text_chars = sum(1 for lines in pages for _b, words in lines for w in words for c in w.text
                     if c.isalnum() and c.isascii())
    if text_chars < glyphs // 2 or not any(_DIGITS.search(w.text) for lines in pages for _b, ws in lines for w in ws):
        raise InputError(f"{where}{UNREADABLE_FILE}")
    left_out = left_out_pages(pages, where)
    for p, _why in left_out:   # a page whose words are no words, or run together: its "figures" cannot be trusted
        pages[p - 1] = []
    repeated = running_lines(pages)
    out = PdfText("", min(n, MAX_PAGES), left_out=left_out,
                  redrawn=sum(w.redrawn for lines in pages for _b, ws in lines for w in ws))
    measured = [_fixed_pitch(lines) for lines in pages]
    known = [pitch for pitch in measured if pitch is not None]
    out.fixed_pitch = bool(known) and all(known)
    # a page with too few words to measure (a last page of three) is set like the pages around it
    pitches = [pitch if pitch is not None else (statistics.median(known) if out.fixed_pitch else 0.0)
               for pitch in measured]
    col_widths = [_column_width(lines) for lines in pages]
    pages = without_furniture(pages, repeated)
    rejoin_split_rows(pages, _FIGURE)
    carry_headers_over(pages, _FIGURE)
    parts: list[str] = []
    pos = 0
    for p, lines in enumerate(pages, 1):
        if p > 1:
            parts.append("\f")
            pos += 1
        pitch = pitches[p - 1]
        for _base, words in lines:
            line, placed = _grid_layout(words, pitch) if pitch else _layout(words, col_widths[p - 1])
            for start, end, w in placed:
                out.boxes.append((pos + start, pos + end, Box(w.page or p, w.x0, w.top, w.x1, w.bottom)))
            parts.append(line + "\n")
            pos += len(line) + 1
    out.text = "".join(parts)
    return out


def _page_lines(doc, index: int) -> list[tuple[float, list[_Word]]]:
    """The page's words grouped into lines by baseline, top line first, each line's words left to right;
    a blank line (an empty word list) where the vertical gap says a paragraph or a table ends."""
    import pypdfium2.raw as raw
    page = doc[index]
    try:
        tp = page.get_textpage()
        left, bottom, right, top = page.get_mediabox()
        turn, turns = page_turn(tp, raw)
        frame, height = text_frame(turn, right - left, top - bottom)
        words = _words(tp, raw, frame, [t not in (turn, -1) for t in turns])
        if not words:
            tp.close()
            return []
        size = statistics.median(w.size for w in words)
        words.sort(key=lambda w: (-w.base, w.x0))
        lines: list[tuple[float, list[_Word]]] = []
        for w in words:
            if lines and abs(lines[-1][0] - w.base) < 0.45 * max(size, w.size):
                lines[-1][1].append(w)
            else:
                lines.append((w.base, [w]))
        # where the page is tagged, its table rows as the tree says (pdf_tags); the gap above a row made one
        # line is measured from its highest baseline
        rows, tops = tagged_rows(page, tp, raw, _offset_rows(lines), _FIGURE)
        tp.close()
    finally:
        page.close()
    out: list[tuple[float, list[_Word]]] = []
    for k, (base, ws) in enumerate(rows):
        if out and out[-1][1] and out[-1][0] - tops.get(k, base) > 2.0 * size:
            out.append((base, []))
        for w in ws:
            w.top, w.bottom = height - w.top, height - w.base
        out.append((base, sorted(ws, key=lambda w: w.x0)))
    return out


def _offset_rows(lines: list[tuple[float, list[_Word]]]) -> list[tuple[float, list[_Word]]]:
    """Lines closer than a line's height apart whose words sit side by side are one row: a table cell aligned
    to the top beside cells aligned to the bottom (a label in a paragraph with margins, its figures in a
    smaller font) prints its words a fraction of a line above theirs. The row keeps the lower baseline, the
    figures'."""
    out: list[tuple[float, list[_Word]]] = []
    for base, ws in lines:
        if out:
            above_base, above = out[-1]
            size = max(w.size for w in above + ws)
            apart = not any(a.x0 - 1 < w.x1 and w.x0 < a.x1 + 1 for a in above for w in ws)
            if above_base - base < 0.75 * size and apart:
                out[-1] = (base, sorted(above + ws, key=lambda w: w.x0))
                continue
        out.append((base, ws))
    return out


def _words(tp, raw, frame=None, across: Optional[list[bool]] = None) -> list[_Word]:
    """Runs of glyphs without a space between them in the text layer's order; a run also ends where the next
    glyph is far to the right or off the baseline (a figure in the next column printed without a space).
    `frame`: the map into the text's upright frame, for a page whose text is turned. `across`: the glyphs
    turned against the page's text (a note running up the margin), left out: laid out with the rest, their
    digits stood one a line at the end of the statement's rows, as figures."""
    import ctypes
    text = tp.get_text_range()
    words: list[_Word] = []
    cur: Optional[_Word] = None
    ox, oy = ctypes.c_double(), ctypes.c_double()
    matrix = raw.FS_MATRIX()
    generated_break = False   # PDFium put a line break of its own after the last glyph
    digits: list[tuple[_Word, int, float]] = []   # each digit glyph: its word, its place there, its ink height
    leaders, unsettled = set(), set()
    if ".." in text or ". ." in text or "\u2026" in text or "\u00b7" in text:
        for m in _LEADER_GLYPHS.finditer(text):
            leaders.update(range(*m.span()))
            if (run_on := _UNSETTLED.match(text, m.end())) is not None:
                unsettled.update(range(*run_on.span()))
    skip = 0   # glyphs before this one are a footnote's mark, left out
    for k in range(min(tp.count_chars(), len(text))):
        if k < skip:
            continue
        ch = text[k]
        if across and k < len(across) and across[k] or k in unsettled:
            ch = " "
        if ch.isspace():
            if cur is not None and ch in "\r\n" and raw.FPDFText_IsGenerated(tp.raw, k):
                # a printer that draws each glyph apart gets a generated line break after every one: the
                # glyphs' places, not the break, say where a word ends
                generated_break = True
                continue
            if cur is not None:
                words.append(cur)
                cur = None
            continue
        left, bottom, right, top = tp.get_charbox(k)
        # the baseline from the glyph's origin: a box's bottom is lower for "q" and "p" than for "a"
        found = raw.FPDFText_GetCharOrigin(tp.raw, k, ctypes.byref(ox), ctypes.byref(oy))
        if frame is not None:
            (u1, v1), (u2, v2) = frame(left, bottom), frame(right, top)
            left, right, bottom, top = min(u1, u2), max(u1, u2), min(v1, v2), max(v1, v2)
            if found:
                ox.value, oy.value = frame(ox.value, oy.value)
        if found:
            base = oy.value
        else:
            base, ox.value = bottom, left
        size = _size(tp, k, raw, matrix) or (top - bottom) or 8.0
        gap = (0.2 if generated_break else 0.5) * size   # no space glyph between words: a narrower gap parts them
        generated_break = False
        # a glyph drawn wholly left of the word begun ("23,426" then its "$", as cairo writes them) starts a
        # word of its own: the line puts the words in their places
        if cur is not None and (left - cur.x1 > gap or abs(base - cur.base) > 0.7 * size
                                or left < cur.x0 - 2 * size or right <= cur.x0 + 0.05 * size
                                or (k in leaders) != cur.leader):
            words.append(cur)
            cur = None
        elif cur is not None and (mark_end := mark_after(text, k, base, size, cur,
                                                         lambda j: glyph_extent(tp, raw, j, frame))):
            words.append(cur)   # a footnote's mark against the figure: left out, its glyphs and all
            cur, skip = None, mark_end
            continue
        if cur is None:
            cur = _Word("", left, right, base, top, size, ox=ox.value, last_ox=ox.value, glyphs=(k, k),
                        leader=k in leaders)
        else:
            cur.glyphs = (cur.glyphs[0], k)
            step = ox.value - cur.last_ox
            cur.step_min, cur.step_max = min(cur.step_min, step), max(cur.step_max, step)
            cur.last_ox = ox.value
        if ch.isdigit():
            digits.append((cur, len(cur.text), top - bottom))
        cur.text += "-" if ch in "\ufffe\u00ad" else LIGATURES.get(ch, ch)
        cur.x1 = max(cur.x1, right)
        cur.top = max(cur.top, top)
    if cur is not None:
        words.append(cur)
    flat_digits(digits)
    return words


def _size(tp, k: int, raw, matrix) -> float:
    """The glyph's size as printed: the font size times the text matrix's scale (a spreadsheet's PDF sets its
    fonts at size 1 and scales the matrix to 9 points)."""
    import ctypes
    size = raw.FPDFText_GetFontSize(tp.raw, k)
    if raw.FPDFText_GetMatrix(tp.raw, k, ctypes.byref(matrix)):
        size *= (matrix.b * matrix.b + matrix.d * matrix.d) ** 0.5 or 1.0
    return size


def _layout(words: list[_Word], col_width: float) -> tuple[str, list[tuple[int, int, _Word]]]:
    """One line: each word at the column its position gives; figures by their right edge; a word a normal
    space after the one before stays one space after it, and words further apart stay at least two apart
    (a label and its first figure are two columns of the table)."""
    line = ""
    placed = []
    prev: Optional[_Word] = None
    for w in words:
        t = w.text
        if w.leader or prev is not None and _FIGURE.match(prev.text) is not None and raised_mark(w, prev):
            continue
        figure = bool(_FIGURE.match(t))
        near = prev is not None and w.x0 - prev.x1 < 0.6 * w.size
        if near and t in _ATTACHED:    # "20.0 %", "(1,234 )": the mark belongs to the figure before it
            col = len(line)
        elif near and not (figure and _FIGURE.match(prev.text)):
            col = len(line) + 1
        else:
            col = round((w.x1 / col_width) - len(t)) if figure else round(w.x0 / col_width)
            if figure and near and placed and placed[-1][2] is prev and prev.text in _CURRENCY:
                line, joined = _mark_before(line, placed, col)
                if joined:   # no room left for the mark apart: it is printed on the figure ("$528,115,121")
                    t, col = prev.text + t, col - len(prev.text)
                col = max(col, len(line) + (2 if joined else 1))
            else:
                col = max(col, len(line) + 2 if line else 0)
        line += " " * (col - len(line))
        placed.append((len(line), len(line) + len(t), w))
        line += t
        prev = w
    return line, placed


_CURRENCY = {"$", "US$", "€", "£"}
def _mark_before(line: str, placed: list, col: int) -> tuple[str, bool]:
    """A currency mark printed close before a figure that its right edge puts at `col`: the mark moves left,
    as far as two spaces after what stands before it, so that the figure keeps its column; where even that
    leaves no room (a long label has run into the figures' columns), the mark is taken off the line to be
    joined to its figure (True). Figures wider in characters than in points ("$ 528,115,121" in 8-point
    digits) each pushed by their "$" would push every column after them out of line."""
    start, end, mark = placed[-1]
    before = line[:start].rstrip()
    want = col - 1 - (end - start)
    if want >= start:
        return line, False
    floor = len(before) + 2 if before else 0
    if floor > want:
        placed.pop()
        return before, True
    placed[-1] = (want, want + end - start, mark)
    return before + " " * (want - len(before)) + line[start:end], False


def _fixed_pitch(lines: list[tuple[float, list[_Word]]]) -> Optional[float]:
    """A page set in a fixed-pitch font (a text filing printed to PDF): the advance of one character, else 0;
    None when the page has too few words to tell.
    Measured, not taken from the font's flags (a standard Courier carries none): nine glyphs in ten, of the
    words of two glyphs or more, advance by one same step. Such a page was laid out in character cells, so
    each word's cell says its column exactly; measured by ink, one space between words looks like two and
    columns drift by a character every twenty-five."""
    words = [w for _b, ws in lines for w in ws if len(w.text) >= 2]
    glyphs = sum(len(w.text) for w in words)
    pitches = [w.pitch for w in words if w.pitch > 0]
    if len(words) < MIN_PITCH_WORDS:
        return None   # too few words to tell
    if not pitches:
        return 0.0
    pitch = statistics.median(pitches)
    even = sum(len(w.text) for w in words if abs(w.pitch - pitch) <= 0.03 * pitch)
    return pitch if even >= 0.9 * glyphs else 0.0


def _grid_layout(words: list[_Word], pitch: float) -> tuple[str, list[tuple[int, int, _Word]]]:
    """One line of a fixed-pitch page: each word in the column of its first character cell."""
    line = ""
    placed = []
    for w in words:
        # a leader's dots run on from the label and into the figure with no cell between
        touch = w.leader or bool(placed) and placed[-1][2].leader
        col = max(round(w.ox / pitch), len(line) + (0 if touch else 1) if line else 0)
        line += " " * (col - len(line))
        placed.append((len(line), len(line) + len(w.text), w))
        line += w.text
    return line, placed


def _column_width(lines: list[tuple[float, list[_Word]]]) -> float:
    """Points per column on a page: the median width of a letter in its words, so that a label printed in a
    proportional font takes as many columns as it takes points, and the gap before its figures stays."""
    widths = [(w.x1 - w.x0) / len(w.text) for _b, ws in lines for w in ws
              if len(w.text) >= 3 and w.text.isalpha()]
    if not widths:
        sizes = [w.size for _b, ws in lines for w in ws]
        return 0.5 * (statistics.median(sizes) if sizes else 10.0)
    figures = [(w.x1 - w.x0) / len(w.text) for _b, ws in lines for w in ws
               if len(w.text) >= 4 and _FIGURE.match(w.text)]
    if figures:
        return max(min(statistics.median(widths), statistics.median(figures)), 1.0)
    return max(statistics.median(widths), 1.0)
