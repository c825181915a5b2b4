"""Text a PDF reader laid out in fixed-width columns (`pdftotext -layout`): every table row is one line, its
label at the left and its figures right-aligned under the column headers, with spaces between.

Positions carry the table, so the reader works by position, in two passes:

1. Lines are sorted into rows (a label, a gap of two or more spaces, then only figures and `$` marks), header
   lines (period words: "Three Months Ended", "March 3, 2023", "2010  2009", "Low  High"), and text. A table
   starts at a header block that rows follow and runs until prose, a new header block or the end of the page.
2. Within one table, the figures' right edges (numbers are right-aligned; a closing parenthesis hangs out)
   cluster into value columns. Each figure goes to the column it ends in; a dash goes to the column it lies
   under. A row with a figure no column owns is dropped, never guessed. Each header line shares the columns
   among its pieces, every column going to the nearest piece, so "Three Months Ended" alone on its line
   covers both columns below it and "March 3, 2023   March 4, 2022" one each (fixed_header.py).

Labels that wrap continue on the next line (it starts in lower case); label-only lines inside a table are
headings, enclosing the rows indented under them. Page numbers are dropped, and a table that runs onto the
next page without repeating its header continues there when the column count agrees.
"""
from __future__ import annotations

from dataclasses import field
from typing import Optional

from ..engine.numbers import is_year, parse_figure
from ..model import Cell, Document, Paragraph, Row, Span, Table
from .normalize import collapse_spaces
from .tokens import AtEnd, percent_outside
from .fixed_columns import Column as _Column, columns as _columns, ordinal_columns as _ordinal_columns, \
    place as _place
from .fixed_onto import columns_onto, rows_onto
from .fixed_header import chunks as _chunks, header as _header, is_column_words as _is_column_words, \
    is_header_piece as _is_header_piece
from ..rulebook.regex_code import kept_regex
from ..dataclass_code import dataclass

# compiled once: `regex.search(r"...", text)` looks the pattern up in regex's cache on every call
_WIDE_GAP = kept_regex(r"\S {3,}\S")
_SENTENCE_BREAK = kept_regex(r"[a-z]{3,}\. [A-Z]")

_TOKEN = kept_regex(r"\S+")
# a label that ends with a company's name ("... attributable to Pfizer Inc."): its full stop ends no sentence
_NAME_END = AtEnd(r"\b(?:Inc|Corp|Co|Ltd|L\.P|LLC|N\.V|S\.A|plc|Bancorp|Holdings)\.$", 0, 9)
_MARKS = {"$", "US$", "€", "£"}
_NO_VALUE = {"nm", "n/m", "n.m.", "*", "**"}       # a cell printed without a figure
_CONTINUES = AtEnd(r"(?i)\b(?:of|to|for|and|or|the|on|in|from|related|with|by|a|an|net)$|[,&(-]$", 0, 7)
_CLOSING = ("total", "net cash")
_COMMA_NET = kept_regex(r"(?i),\s*net$")
# words no label ends with: a row whose label stops at one goes on in the line under its figures
_BROKEN_OFF = AtEnd(r"(?i)\b(?:before|after|of|and|from|to|for|excluding|including|less|per)$", 0, 9)
# Dot leaders from a label to its figures ("Net premiums earned.......... $142,318") are white space; the
# columns keep their places
_LEADER = kept_regex(r"(?<=\S) ?\.{2,}(?= |\$|$)")
_RULE_LINE = kept_regex(r"^\s*[-=_]{3,}(?:\s+[-=_]{3,})*\s*$")
# "(17,235 )": a closing parenthesis printed from a cell of its own, a space after the digits; it closes
# the figure where the digits end, so the digits keep their column
_LOOSE_CLOSE = kept_regex(r"(?<=\(\$?\s?\d[\d,]*(?:\.\d+)?)( +)\)")
MIN_GAP = 2          # spaces between a label and its first figure
MAX_INSIDE = 6       # label-only lines a table may hold between two rows


@dataclass
class _Tok:
    text: str
    start: int
    end: int          # exclusive
    edge: int = 0     # right edge of the digits (a closing parenthesis or % hangs out)
    numeric: bool = False


@dataclass
class _Line:
    no: int
    raw: str
    offset: int       # offset of the line in the text
    page: int
    kind: str = "text"            # blank | row | head | text
    label: str = ""
    indent: int = 0
    tail: list[_Tok] = field(default_factory=list)
    label_toks: list[_Tok] = field(default_factory=list)   # a row's (no other line's label is read by token)
    origin: Optional[list[int]] = None   # with tabs expanded: where each character stood in the line as printed

    @property
    def span(self) -> Span:
        return Span(self.offset, self.at(len(self.raw)))

    def at(self, i: int) -> int:
        """The offset in the text of position `i` of the line as read."""
        if self.origin is None:
            return self.offset + i
        return self.offset + (self.origin[i] if i < len(self.origin) else self.origin[-1] + 1 if self.origin else 0)


def _expand_tabs(line: str) -> tuple[str, list[int]]:
    """Tabs to the next multiple of eight, as a printer sets them (old filings mix them with spaces to align
    columns), and where each character of the result came from."""
    out, origin = [], []
    for i, ch in enumerate(line):
        if ch == "\t":
            n = 8 - len(out) % 8
            out.extend(" " * n)
            origin.extend([i] * n)
        else:
            out.append(ch)
            origin.append(i)
    return "".join(out), origin


_WIDE_GAP_FIGURE = kept_regex(r"\S {4,}(?:\$ *)?\S*\d")


def looks_like(text: str) -> bool:
    """Fixed-width layout: many lines whose label is followed by a wide gap and then figures (lines with
    no wide gap before a digit are passed over without parsing)."""
    hits = 0
    for raw in text.split("\n"):
        line, _origin = _cleaned(raw)   # a dot leader is part of the gap
        if "    " not in line or not _WIDE_GAP_FIGURE.search(line):   # the gap looked for first: most lines lack it
            continue
        parsed = _classify(_Line(0, line, 0, 0))
        if parsed.kind == "row" and parsed.label and _label_gap(parsed) >= 4:
            hits += 1
            if hits >= 8:
                return True
    return False


def read_fixed_width(text: str, source: str = "") -> Document:
    lines = _split(text)
    if _CUT_SHORT_END.search(text):   # one quick pass over the text; most hold no figure cut short
        _drop_broken_figures(lines)
    for ln in lines:
        _classify(ln)
    _drop_page_numbers(lines)
    segments = _segments(lines)
    tables: dict[int, tuple[_Segment, Table]] = {}
    prev: Optional[tuple[_Segment, Table, _Sections, list[_Column]]] = None
    for seg in segments:
        sections, cols = _Sections(), []
        table = _build(seg, lines, sections, cols)
        if table is None:
            continue
        onto, carried = None, None
        if not table.header and prev is not None:
            carried = _continues(lines, prev[0].last, seg.first, lines[max(0, prev[0].first - 8):prev[0].first])
        if carried is not None:
            onto = list(range(table.ncols)) if prev[1].ncols == table.ncols else \
                columns_onto(prev[1], prev[3], table, cols)
        if onto is not None:
            if carried and prev[1].rows and prev[1].rows[-1].cells:
                prev[1].rows[-1].label = _joined(prev[1].rows[-1].label, " ".join(carried))
            # a table that runs onto the next page without repeating its header. Rows first on the new page
            # stand under the headings still open where the page turned ("per share:" over "Basic" / page /
            # "Diluted"), as they would had the page not turned; a heading first there sets its own (a page
            # may be printed a column to the side, so its indents do not measure against the last page's)
            if next((ln.kind for ln in lines[seg.head_end:seg.last + 1] if ln.kind != "blank"), None) == "row":
                last = prev[1].rows[-1] if prev[1].rows and prev[1].rows[-1].cells else None
                table = _build(seg, lines, prev[2], above=last)
            prev[1].rows.extend(rows_onto(table.rows, onto))
            prev[1].span = Span(prev[1].span.start, table.span.end)
            tables[seg.first] = (seg, None)
            continue
        if not table.header and sum(1 for r in table.rows if r.cells) < 2:
            continue   # a lone line of figures with no header: text
        tables[seg.first] = (seg, table)
        prev = (seg, table, sections, cols)
    captions = {c.no for seg, _t in tables.values() for c in seg.caption_lines}
    blocks: list = []
    prose: list[_Line] = []

    def flush():
        if prose:
            joined = collapse_spaces(" ".join(l.raw for l in prose))
            blocks.append(Paragraph(joined, Span(prose[0].offset, prose[-1].span.end)))
            prose.clear()

    i = 0
    while i < len(lines):
        ln = lines[i]
        if i in tables:
            flush()
            seg, table = tables[i]
            if table is not None:
                if blocks and isinstance(blocks[-1], Paragraph) and _introduces(blocks[-1].text):
                    table.caption = [blocks[-1].text] + table.caption
                blocks.append(table)
            i = seg.last + 1
            continue
        if ln.kind == "blank":
            flush()
        elif ln.no in captions or _is_text_table_line(ln.raw):
            flush()   # a title line, or a row of a table of words: a paragraph of its own
            blocks.append(Paragraph(collapse_spaces(ln.raw), ln.span))
        else:
            if ln.raw.lstrip().startswith("•") or (prose and _title_after_sentence(prose[-1].raw, ln.raw)):
                flush()
            prose.append(ln)
        i += 1
    flush()
    for n, b in enumerate(blocks):
        b.index = n
    return Document(blocks, text, "fixed", source)


# a figure whose last group of thousands is cut short ("11,84"): a narrow cell broke it, its last digits on the
# line under it ("0", where the row's label stands)
_CUT_SHORT = kept_regex(r"(?<![\d,.])\d{1,3}(?:,\d{3})*,\d{1,2}(?![\d,.])")
_CUT_SHORT_END = kept_regex(r",\d\d?(?![\d,.])")   # how every such figure ends: a literal to look for first
_DIGITS_RUN = kept_regex(r"(?<![\d,.])\d{1,2}(?![\d,.%])")
_DIGIT = kept_regex(r"\d")
_CUT_FIGURE = kept_regex(r"^\(\$?\d[\d,]*(?:\.\d+)?$")   # "(146,159": an amount whose parenthesis never closes


def _drop_broken_figures(lines: list[_Line]) -> None:
    """A figure a narrow cell broke over two lines ("11,84" over "0") is blanked in both: read as printed,
    the row took "0" as its value. Which digits make the figure the layout does not say for sure, so neither
    part is read. The row's label may stand on a line of its own between the parts ("109,29" / "TOTAL
    ASSETS" / "$ 7")."""
    for i, above in enumerate(lines[:-1]):
        if "," not in above.raw:
            continue
        below = lines[i + 1]
        if not _DIGIT.search(below.raw) and i + 2 < len(lines):
            below = lines[i + 2]
        for m in _CUT_SHORT.finditer(above.raw):
            rest = [d for d in _DIGITS_RUN.finditer(below.raw) if d.start() < m.end() + 1 and d.end() > m.end() - 3]
            if len(rest) == 1:
                d = rest[0]
                above.raw = above.raw[:m.start()] + " " * (m.end() - m.start()) + above.raw[m.end():]
                below.raw = below.raw[:d.start()] + " " * (d.end() - d.start()) + below.raw[d.end():]


INTRO_CHARS = 150   # a sentence that introduces the table under it ("The following table presents a ...:")
TITLE_LINE_CHARS = 80
TITLE_WORDS = 0.75   # share of a title line's words that begin with a capital


def _title_after_sentence(above: str, line: str) -> bool:
    """A short line in capitals, or in title case, right under a line that ends a sentence starts a block of
    its own (a table's title set with no blank line after the paragraph above it: "... www.sec.gov." /
    "SUNLINK HEALTH", "... consolidated results." / "Tigo Energy, Inc. Condensed Consolidated Balance Sheets
    (in"), so that the title and the scale note in or under it are not read as the paragraph's last words."""
    t = line.strip()
    if not above.rstrip().endswith((".", "!", "?")) or len(t) > TITLE_LINE_CHARS or t.endswith((".", "!", "?")):
        return False
    words = [w for w in t.split() if w[:1].isalpha()]
    return t.isupper() or (len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_WORDS * len(words))


def _introduces(text: str) -> bool:
    """A short paragraph ending in a colon right above a table names it, as a title would ("The following table
    presents a reconciliation of net loss to Adjusted EBITDA ...:"); it stays a paragraph too."""
    return len(text) <= INTRO_CHARS and text.rstrip().endswith(":")


# ------------------------------------------------------------------------------------------ line classes

def _cleaned(raw: str) -> tuple[str, Optional[list[int]]]:
    """A line as the reader reads it: tabs expanded, dot leaders blank, a loose closing parenthesis on its
    figure; and where each character stood as printed (None when no tab moved any)."""
    clean = raw.replace("\f", "")
    origin = None
    if "\t" in clean:
        clean, origin = _expand_tabs(clean)
    if ".." in clean:   # the look-behinds below are slow: tried only where they can match
        clean = _LEADER.sub(lambda m: " " * len(m.group(0)), clean)
    if " )" in clean:
        clean = _LOOSE_CLOSE.sub(lambda m: ")" + m.group(1), clean)
    return clean, origin


def _split(text: str) -> list[_Line]:
    out = []
    pos, page = 0, 1
    for no, raw in enumerate(text.split("\n")):
        clean, origin = _cleaned(raw)
        if "\f" in raw and raw.index("\f") == 0:
            page += raw.count("\f")
        # offsets point at the line as printed; a form feed is one character before the text
        lead = len(raw) - len(raw.lstrip("\f"))
        out.append(_Line(no, clean, pos + lead, page, origin=origin))
        if "\f" in raw[lead:]:
            page += raw[lead:].count("\f")
        pos += len(raw) + 1
    return out


def _figure_token(text: str) -> Optional[str]:
    """The figure a tail token prints ("$1,234" → "1,234", "$(5)" → "(5)"), or None."""
    t = text
    if t.startswith("$(") or t.startswith("US$("):
        t = t[t.index("("):]
    t = t.lstrip("$") if not t.startswith("US$") else t[3:]
    if not t:
        return None
    if t.endswith("%)"):
        t = percent_outside(t)
    if is_year(t):
        return None
    if parse_figure(t) is not None:
        return t
    if t.lower() in _NO_VALUE:
        return t
    return None


def _classify(ln: _Line) -> _Line:
    raw = ln.raw.rstrip()
    ln.raw = raw
    if not raw.strip() or _RULE_LINE.match(raw):   # a ruled line under a header or above a total
        ln.kind = "blank"
        return ln
    last = raw.rsplit(None, 1)[-1]
    cut = _CUT_FIGURE.match(last) is not None
    if not cut and last not in _MARKS and last != "%" and _figure_token(last) is None and not _SEPARATOR.search(raw):
        # no figure ends the line (the tail below would stop at its last word): text or a header, read without
        # its words' tokens, which only a row's label needs
        ln.indent = len(raw) - len(raw.lstrip())
        return _classify_text(ln, raw)
    toks = _tokens(raw)
    ln.indent = toks[0].start
    if cut:
        # an amount whose parenthesis never closes ends the line ("(146,159"): the page's edge cut it off, a
        # word processor setting a table wider than the page. It is not read; the figures before it are. After
        # words, it is a label's wrapped aside ("... outstanding (4,137"), and the line is text.
        toks = toks[:-1]
        if not toks or (toks[-1].text not in _MARKS and _figure_token(toks[-1].text) is None):
            return _classify_text(ln, raw)
    tail: list[_Tok] = []
    i = len(toks) - 1
    while i >= 0:
        t = toks[i]
        if t.text in _MARKS:
            i -= 1
            continue
        if t.text == "%" and i > 0 and _figure_token(toks[i - 1].text):
            prev = toks[i - 1]
            fig = _figure_token(prev.text)
            tail.insert(0, _Tok(fig + "%", prev.start, t.end, _digit_edge(prev), True))
            i -= 2
            continue
        fig = _figure_token(t.text)
        if fig is None:
            break
        num = parse_figure(fig)
        tail.insert(0, _Tok(fig, t.start, t.end, _digit_edge(t),
                            bool(num is not None and not num.nil)))
        i -= 1
    label_toks = toks[:i + 1]
    # a figure printed right after a word ("Cost of sales (1)", "Earnings per share 1") is part of the label
    while tail and label_toks and tail[0].start - label_toks[-1].end < MIN_GAP:
        first = tail.pop(0)
        label_toks = [t for t in toks if t.end <= first.end]
    if tail:
        ln.kind, ln.tail, ln.label_toks = "row", tail, label_toks
        ln.label = collapse_spaces(" ".join(t.text for t in label_toks))
        return ln
    return _classify_text(ln, raw)


def _classify_text(ln: _Line, raw: str) -> _Line:
    """A line with no figures to end it: a header line or text."""
    ln.label = collapse_spaces(raw)
    chunks = _chunks(raw)
    # a date or year with a full stop ends a sentence ("... at December 31, 1998."), never a column header
    if not (raw.endswith(".") and raw[-2:-1].isdigit()) and any(_is_header_piece(c) for _s, _e, c in chunks) and all(
            _is_header_piece(c) or _is_column_words(c) for _s, _e, c in chunks[1:]):
        ln.kind = "head"
    else:
        ln.kind = "text"
    return ln


_SEPARATORS = ("\x1c", "\x1d", "\x1e", "\x1f")   # blank to str.split, not to _TOKEN's \S
_SEPARATOR = kept_regex("[\x1c-\x1f]")


def _tokens(raw: str) -> list[_Tok]:
    """_TOKEN's runs of non-blank characters in a line: str.split finds them in a tenth of the time (each
    word is found again from the end of the one before, past blanks only), unless the line holds one of the
    four separator controls, which split takes for blanks."""
    if any(c in raw for c in _SEPARATORS):
        return [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(raw)]
    toks, end = [], 0
    for word in raw.split():
        start = raw.find(word, end)
        end = start + len(word)
        toks.append(_Tok(word, start, end))
    return toks


def _digit_edge(t: _Tok) -> int:
    """Where the digits of a figure end: right-aligned figures line up here."""
    s = t.text.rstrip(")%")
    return t.start + len(s) if s else t.end


def _label_gap(ln: _Line) -> int:
    return ln.tail[0].start - ln.label_toks[-1].end if ln.label_toks and ln.tail else 0


def _is_text_table_line(raw: str) -> bool:
    """A line of a table of words ("Total revenue      $4.75 billion to $4.78 billion"): wide gaps inside."""
    return bool(_WIDE_GAP.search(raw.strip()))


def _drop_page_numbers(lines: list[_Line]) -> None:
    """A bare number alone on the last or first line of a page is its page number."""
    for i, ln in enumerate(lines):
        if ln.kind != "row" or ln.label or len(ln.tail) != 1 or not ln.tail[0].text.isdigit():
            continue
        before = next((l for l in reversed(lines[:i]) if l.kind != "blank"), None)
        after = next((l for l in lines[i + 1:] if l.kind != "blank"), None)
        if (after is None or after.page != ln.page) or (before is None or before.page != ln.page):
            ln.kind = "blank"


def _continues(lines: list[_Line], last: int, first: int, above: list[_Line] = ()) -> Optional[list[str]]:
    """Rows at `first` start a page that follows the page where the table ending at `last` stops, with only
    page furniture between them: a running title of at most three short lines, or the table's own title
    (printed in the lines `above` it) printed again over its continuation, however many lines it takes. The
    lines in lower case after the furniture go on with the last row's label, which the page broke ("Earnings
    from continuing operations" / page / "before income tax" / "expense"): they are returned, to be joined to
    it; None when the rows do not continue the table."""
    between = [l for l in lines[last + 1:first] if l.kind != "blank"]
    row_page = next((l.page for l in lines[first:] if l.kind == "row"), lines[first].page)
    if row_page != lines[last].page + 1 or any(_prose_like(l) for l in between):
        return None
    carried: list[str] = []
    while between and between[-1].label[:1].islower() and between[-1].page == row_page:
        carried.insert(0, between.pop().label)
    if len(between) <= 3:
        return carried
    title = "".join("".join(c.raw.split()) for c in above).lower()
    return carried if title and all("".join(l.raw.split()).lower() in title for l in between) else None


# -------------------------------------------------------------------------------------------- segments

@dataclass
class _Segment:
    first: int                    # first line (header or row)
    last: int                     # last row line
    head_end: int                 # lines [first, head_end) are the header block
    caption_lines: list[_Line] = field(default_factory=list)


# A company's name or a statement's title set apart (a blank line above) between rows starts another table ("MARTIN MARIETTA MATERIALS, INC.",
# "Reconciliation of the GAAP Measure to ..."), where a heading in capitals ("ASSETS") does not
_COMPANY = kept_regex(r"(?i)^[\w.,&'’ -]{2,60}?,?\s+(?:inc|corp(?:oration)?|ltd|limited|llc|plc|co|n\.v|s\.a|l\.p)\.?"
                         r"(?:\s+and\s+subsidiaries)?$")
_STATEMENT_TITLE = kept_regex(r"(?i)^(?:(?:condensed|consolidated|unaudited|interim|selected)\s+)*(?:statements?\s+of\b"
                                 r"|balance\s+sheets?\b|reconciliations?\s+of\b|non-gaap\s+financial\s+measures\b)")


def _new_title(ln: _Line) -> bool:
    words = [w for w in ln.label.split() if w.lower() not in ("and", "of", "&")]
    named = bool(_COMPANY.match(ln.label)) and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return named or bool(_STATEMENT_TITLE.match(ln.label))


def _prose_like(ln: _Line) -> bool:
    """A line of a paragraph rather than a title, a note or a heading: long, or a sentence."""
    t = ln.label
    if _is_text_table_line(ln.raw) or t.startswith("("):
        return False
    return len(t) >= 120 or bool(_SENTENCE_BREAK.search(t)) or (
        t.endswith((".", "?", "!")) and len(t.split()) >= 8 and not _NAME_END.search(t))


def _continues_prose(prev: _Line, ln: _Line) -> bool:
    """`ln` is the last line of a wrapped paragraph: one piece, starting where the sentence above it starts."""
    return prev.kind == "text" and ln.indent == prev.indent and len(_chunks(ln.raw)) == 1 and (
        _prose_like(prev) or len(prev.label.split()) >= 8)


def _segments(lines: list[_Line]) -> list[_Segment]:
    segs: list[_Segment] = []
    indents = sorted(ln.indent for ln in lines if ln.kind == "row" and ln.label)
    margin = indents[len(indents) // 2] if indents else 0   # where row labels start
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind == "head" and i > 0 and _continues_prose(lines[i - 1], ln):
            i += 1   # "December 31, 1998." closing a paragraph of prose is not a column header
            continue
        if ln.kind == "head":
            first_row = _row_after_header(lines, i, margin)
            if first_row is None:
                i += 1
                continue
            head_end = i
            while head_end < first_row and (lines[head_end].kind in ("head", "blank")
                                             or _header_text(lines, head_end, first_row)):
                head_end += 1
            top = i
            while top - 1 > (segs[-1].last if segs else -1) and _stacked_word_line(lines, top - 1, first_row):
                top -= 1   # "Three" over "Months" over "Ended": the stack's first words are header too
            top = _header_before_break(lines, top, first_row, segs[-1].last if segs else -1)
            seg = _Segment(top, first_row, head_end)
        elif ln.kind == "row":
            # the lines of a label wrapped above its figures belong to the row, and so does a heading right
            # above them ("Liabilities:" atop a page the statement runs onto)
            # (a heading may end the page before: "Weighted average shares outstanding:" / page break / "Basic")
            start = i
            while start - 1 > (segs[-1].last if segs else -1) and lines[start - 1].kind == "text" and (
                    lines[start - 1].page == lines[start].page
                    and _carries_on(lines[start - 1].label, lines[start].label,
                                    lines[start + 1].label if start < i else "")
                    or lines[start - 1].label.endswith(":") and lines[start - 1].page >= ln.page - 1):
                start -= 1
            seg = _Segment(start, i, start)
        else:
            i += 1
            continue
        j = seg.last + 1
        inside = 0
        while j < len(lines):
            cur = lines[j]
            if cur.page != lines[seg.last].page:
                break
            if cur.kind == "row":
                seg.last = j
                inside = 0
            elif cur.kind == "head" and (nxt := _row_after_header(lines, j, margin)) is not None \
                    and not _left_of_figures(cur, lines[nxt]):
                break
            elif cur.kind in ("text", "head"):
                if _prose_like(cur) or (lines[j - 1].kind == "blank" and _new_title(cur)):
                    break
                inside += not _wraps_on(lines, j)
                if inside > MAX_INSIDE:
                    break
            j += 1
        # a label wrapped below the figures of the last row
        while seg.last + 1 < len(lines) and lines[seg.last + 1].kind == "text" and lines[seg.last + 1].indent > 0 \
                and _wrapped_below(lines[seg.last].label, lines[seg.last + 1].label):
            seg.last += 1
        seg.caption_lines = _caption_before(lines, seg.first, segs[-1].last if segs else -1)
        segs.append(seg)
        i = seg.last + 1
    return segs


FAR = 20   # a line that starts this far right of the row labels' margin lies over the columns


def _row_after_header(lines: list[_Line], i: int, margin: int) -> Optional[int]:
    """The first row after the header line at `i`, when only header lines, blanks and a few headings lie
    between (and the page does not change). Lines that start far right of the labels' margin are more of
    the header ("% of Revenues", "2022   2021   (1)"), whatever they print."""
    texts = 0
    for j in range(i + 1, min(len(lines), i + 14)):
        ln = lines[j]
        if ln.page != lines[i].page:
            return None
        if ln.kind in ("row", "text") and ln.indent > margin + FAR:
            continue
        if ln.kind == "row":
            return j
        if ln.kind == "text":
            texts += not _wraps_on(lines, j)
            if texts > 3 or _prose_like(ln):
                return None
    return None


def _wraps_on(lines: list[_Line], j: int) -> bool:
    """A text line that carries on the label above it ("Fixed maturity" / "securities, available for" /
    "sale"): a narrow label column wraps one label over several lines, which count as one label."""
    ln, above = lines[j], lines[j - 1] if j > 0 else None
    return above is not None and above.kind == "text" and bool(ln.label) and _carries_on(above.label, ln.label)


def _carries_on(above: str, text: str, after: str = "") -> bool:
    """Whether `text` goes on with the label `above` it: it starts in lower case (a parenthesis in lower case,
    "(amortized cost of ...)", qualifies the label), or `above` breaks off at "of", "and", a comma, or a
    heading in capitals ends on the next line's colon (or on the colon of the line `after` it); a heading's
    colon ends a label."""
    if above.endswith(":"):
        return False
    if above.isupper() and text.isupper() and (text.endswith(":") or after.isupper() and after.endswith(":")):
        # a heading in capitals wrapped before its colon ("WEIGHTED AVERAGE" / "COMMON SHARES" / "OUTSTANDING:")
        return True
    # ", net" closes a label ("Other income (expense), net"); "net" alone breaks one off ("Revenue, net of")
    breaks_off = bool(_CONTINUES.search(above)) and not _COMMA_NET.search(above)
    return text.lstrip("(")[:1].islower() or breaks_off


def _wrapped_below(row_label: str, text: str) -> bool:
    """Whether the label-only line `text` under a row's figures goes on with the row's label: it starts in
    lower case, or the label stops at a word no label ends with ("INCOME BEFORE" / "INCOME TAXES")."""
    return text[:1].islower() or bool(_BROKEN_OFF.search(row_label))


def _left_of_figures(ln: _Line, row: _Line) -> bool:
    """A line that ends before the figures of the row after it begin is a label ("Total" over "revenues",
    wrapped around the figures), not a header: a header stands over the figures."""
    return bool(row.tail) and ln.indent + len(ln.raw.strip()) < min(t.start for t in row.tail)


def _header_text(lines: list[_Line], j: int, first_row: int) -> bool:
    """A text line inside the header block (before the first row) that lies over the columns ("GAAP",
    "Actual") rather than at the left where headings are."""
    ln = lines[j]
    row = lines[first_row]
    left = min(t.start for t in row.tail)
    return ln.kind in ("text", "row") and ln.indent >= left - 10


def _header_before_break(lines: list[_Line], top: int, first_row: int, floor: int) -> int:
    """Where a header starts when a page break split it: the upper lines ("Twelve Months" / "Ended") end one
    page and the table's title, printed again atop the next, stands between them and the rest ("December 31,"
    / "2024  2023"). Without them the columns had no length."""
    t = top - 1
    if t - 1 <= floor or lines[t].kind != "text" or lines[t - 1].page == lines[t].page:
        return top
    page = lines[t - 1].page
    if lines[t].label not in {ln.label for ln in lines[max(floor + 1, t - 12):t] if ln.page == page}:
        return top    # no title printed again
    j = t - 1
    while j > floor and lines[j].page == page and (lines[j].kind in ("head", "blank")
                                                   or _header_text(lines, j, first_row)):
        j -= 1
    return j + 1 if any(lines[k].kind == "head" for k in range(j + 1, t)) else top


def _stacked_word_line(lines: list[_Line], j: int, first_row: int) -> bool:
    """A line of short column words right above a header line, over the columns: the top of a header whose
    words stack over several lines ("Three        Three        Six")."""
    ln, below = lines[j], lines[j + 1]
    return (ln.kind == "text" and ln.page == below.page and _header_text(lines, j, first_row)
            and all(_is_column_words(c) for _s, _e, c in _chunks(ln.raw)) and not _prose_like(ln))


def _caption_before(lines: list[_Line], first: int, floor: int) -> list[_Line]:
    out: list[_Line] = []
    blanks = 0
    j = first - 1
    while j > floor and len(out) < 3:
        ln = lines[j]
        if ln.page != lines[first].page:
            break
        if ln.kind == "blank":
            blanks += 1
            if blanks > 1 and out:
                break
            if blanks > 2:
                break
        elif ln.kind == "text" and len(ln.label) <= 110 and not _prose_like(ln) and not ln.label[:1].islower():
            out.insert(0, ln)
            blanks = 0
        else:
            break
        j -= 1
    return out


# --------------------------------------------------------------------------------------------- a table

def _build(seg: _Segment, lines: list[_Line], sections: "_Sections", columns: Optional[list] = None,
           above: Optional[Row] = None) -> Optional[Table]:
    """The table of a segment; `sections` is the state of its headings, which the rows leave as the table
    ends (a continuation on the next page takes it on); `columns`, when given, receives its columns; `above`,
    the last row before the page turned, under whose headings figures first on the page with no label stand
    (the total of the parts above it)."""
    body = lines[seg.head_end:seg.last + 1]
    rows = [ln for ln in body if ln.kind == "row"]
    cols, col_of = _columns(rows)
    if not cols:
        return None
    cols, col_of = _ordinal_columns(rows, cols, col_of, lines[seg.first:seg.head_end])
    if columns is not None:
        columns.extend(cols)
    zone = min(c.left for c in cols) - 1
    margin = min(ln.indent for ln in rows)
    contested: list[int] = []
    header, caption = _header(lines[seg.first:seg.head_end], cols, zone, margin, contested)
    caption = [collapse_spaces(c.raw) for c in seg.caption_lines] + caption
    out: list[Row] = []
    pending: Optional[tuple[str, Span, int]] = None   # a label line waiting for its figures
    unplaced: list[str] = []
    last_row: Optional[Row] = None
    for i, ln in enumerate(body):
        if ln.kind == "blank":
            if pending:
                _heading(pending, sections, out)
                pending = None
            continue
        if ln.kind != "row":
            text = ln.label
            if last_row is not None and pending is None and _wrapped_below(last_row.label, text):
                last_row.label = _joined(last_row.label, text)
                continue
            after = body[i + 1].label if i + 1 < len(body) and body[i + 1].kind == "text" else ""
            if pending and _carries_on(pending[0], text, after):
                pending = (_joined(pending[0], text), Span(pending[1].start, ln.span.end), pending[2])
                continue
            if pending:
                _heading(pending, sections, out)
            pending = (text, ln.span, ln.indent)
            last_row = None
            continue
        label_toks = list(ln.label_toks)
        cells: list[Cell] = []
        bad = False
        for t in ln.tail:
            if t.end <= zone:            # a footnote mark "(1)" printed after the label
                label_toks.append(t)
                continue
            c = _place(t, cols, col_of)
            if c is None or any(x.col == c for x in cells):
                bad = True
                break
            cells.append(Cell(t.text, c, Span(ln.at(t.start), ln.at(t.end))))
        label = collapse_spaces(" ".join(t.text for t in label_toks))
        indent = ln.indent
        span = ln.span
        if pending is not None:
            ptext, pspan, pind = pending
            if not label or _carries_on(ptext, label):
                label = collapse_spaces(_joined(ptext, label))
                span, indent = Span(pspan.start, span.end), pind
            else:
                _heading(pending, sections, out)
            pending = None
        if bad:
            unplaced.append(collapse_spaces(ln.raw))   # said by `explain --coverage`, never read
        if bad or not cells:
            last_row = None
            continue
        if not label:
            # figures printed without a label under rows of their own (the total of "Inventories:" parts): kept
            # with the rows' headings, for the engine to name by its arithmetic (engine/unlabelled.py)
            under = last_row if last_row is not None or out else above
            if under is not None:
                out.append(Row("", cells, section=under.section, span=span, depth=under.depth))
            last_row = None
            continue
        section = sections.row(indent, label)
        row = Row(label, cells, section=section, span=span, depth=len(section))
        out.append(row)
        last_row = row
    if not any(r.cells for r in out):
        return None
    start = lines[seg.first].offset
    end = lines[seg.last].span.end
    return Table(header, len(cols), out, caption, Span(start, end), unplaced=unplaced, contested=tuple(contested))


def _joined(above: str, below: str) -> str:
    """A label wrapped over two lines, read as one: a word the line broke at its hyphen ("non-" /
    "controlling interest") goes on without a space."""
    if not below:
        return above
    if len(above) > 1 and above.endswith("-") and above[-2].isalpha() and below[:1].isalpha():
        return above + below
    return f"{above} {below}"


def _heading(pending: tuple[str, Span, int], sections: "_Sections", out: list[Row]) -> None:
    text, span, indent = pending
    section = sections.heading(indent, text)
    out.append(Row(text, [], section=section, span=span, depth=len(section)))


class _Sections:
    """Headings open sections for the rows indented under them. A heading at the same indent or to the left
    closes the ones it passes; a row indented deeper than the rows before it (a total, "      Total current
    assets") belongs to the outer section and closes the inner one."""

    def __init__(self):
        self.stack: list[list] = []   # [heading, indent, indent of its rows or None]

    def heading(self, indent: int, text: str) -> tuple[str, ...]:
        while self.stack and self.stack[-1][1] >= indent:
            self.stack.pop()
        outer = tuple(h for h, _i, _r in self.stack)
        self.stack.append([text, indent, None])
        return outer

    def row(self, indent: int, label: str) -> tuple[str, ...]:
        # a heading stays open for rows at its own indent only where its rows are not indented (a flat layout)
        while self.stack and (self.stack[-1][1] > indent or (
                self.stack[-1][1] == indent and self.stack[-1][2] is not None and self.stack[-1][2] > indent)):
            self.stack.pop()
        if not self.stack:
            return ()
        top = self.stack[-1]
        if top[2] is None:
            top[2] = indent
        elif indent > top[2] + 1 or label.lower().startswith(_CLOSING):
            section = (self.stack[0][0],) if indent > top[2] + 1 and len(self.stack) > 1 else \
                tuple(h for h, _i, _r in self.stack)
            self.stack.pop()
            return section
        return tuple(h for h, _i, _r in self.stack)
