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

The steps live in the modules beside this one: fixed_lines.py (lines and their classes), fixed_cleanup.py
(broken figures and page numbers), fixed_segments.py (where the tables lie), fixed_table.py (a table's rows and
headings), fixed_columns.py and fixed_header.py (its columns and header), fixed_onto.py (a continuation that
prints fewer columns).
"""
from __future__ import annotations

from typing import Optional

from ..model import Document, Paragraph, Span, Table
from .normalize import collapse_spaces, join_wrapped
from .fixed_columns import Column as _Column
from .fixed_onto import columns_onto, rows_onto
from .fixed_cleanup import (CUT_SHORT_END, close_cut_figures, drop_broken_figures, drop_broken_minus,
                            drop_page_numbers)
from .fixed_lines import Line, classify, cleaned, is_text_table_line, label_gap, split
from .fixed_segments import Segment, continues, table_segments
from .fixed_table import Sections, build, joined
from ..rulebook.regex_code import kept_regex

_WIDE_GAP_FIGURE = kept_regex(r"\S {4,}(?:\$ *)?\S*\d")


_FIGURE_LINE = kept_regex(r"(?m)^.*\d,\d{3}.*$")   # a line that prints a grouped figure


def looks_like(text: str) -> bool:
    """Fixed-width layout: many lines whose label is followed by a wide gap and then figures (lines with
    no wide gap before a digit are passed over without parsing); in a short text, two such lines that are
    most of its lines of figures (a reading-order copy prints its figures on lines of their own)."""
    hits = 0
    for raw in text.split("\n"):
        line, _origin = cleaned(raw)   # a dot leader is part of the gap
        if "    " not in line or not _WIDE_GAP_FIGURE.search(line):   # the gap looked for first: most lines lack it
            continue
        parsed = classify(Line(0, line, 0, 0))
        if parsed.kind == "row" and parsed.label and label_gap(parsed) >= 4:
            hits += 1
            if hits >= 8:
                return True
    return hits >= 2 and 2 * hits > len(_FIGURE_LINE.findall(text))


def read_fixed_width(text: str, source: str = "") -> Document:
    lines = split(text)
    if CUT_SHORT_END.search(text):   # one quick pass over the text; most hold no figure cut short
        drop_broken_figures(lines)
    if "-" in text:   # every dash reads "-" by now (normalize)
        drop_broken_minus(lines)
    if "(" in text:
        close_cut_figures(lines)
    for ln in lines:
        classify(ln)
    drop_page_numbers(lines)
    segments = table_segments(lines)
    tables: dict[int, tuple[Segment, Table]] = {}
    prev: Optional[tuple[Segment, Table, Sections, list[_Column]]] = None
    prev_last = -1   # the last line of the table `prev` holds: of its last page, once it ran onto others
    for seg in segments:
        sections, cols = Sections(), []
        table = build(seg, lines, sections, cols)
        if table is None:
            continue
        onto, carried = None, None
        if not table.header and prev is not None:
            carried = continues(lines, prev_last, seg.first, lines[max(0, prev[0].first - 8):prev[0].first])
        if carried is not None:
            onto = list(range(table.ncols)) if prev[1].ncols == table.ncols else \
                columns_onto(prev[1], prev[3], table, cols)
        if onto is not None:
            if carried and prev[1].rows and prev[1].rows[-1].cells:
                prev[1].rows[-1].label = joined(prev[1].rows[-1].label, " ".join(carried))
            # a table that runs onto the next page without repeating its header. Rows first on the new page
            # stand under the headings still open where the page turned ("per share:" over "Basic" / page /
            # "Diluted"), as they would had the page not turned; a heading first there sets its own (a page
            # may be printed a column to the side, so its indents do not measure against the last page's)
            if next((ln.kind for ln in lines[seg.head_end:seg.last + 1] if ln.kind != "blank"), None) == "row":
                last = prev[1].rows[-1] if prev[1].rows and prev[1].rows[-1].cells else None
                table = build(seg, lines, prev[2], above=last)
            prev[1].rows.extend(rows_onto(table.rows, onto))
            prev[1].span = Span(prev[1].span.start, table.span.end)
            tables[seg.first] = (seg, None)
            prev_last = seg.last   # a statement may run onto a third page
            continue
        if not table.header and sum(1 for r in table.rows if r.cells) < 2:
            continue   # a lone line of figures with no header: text
        tables[seg.first] = (seg, table)
        prev, prev_last = (seg, table, sections, cols), seg.last
    captions = {c.no for seg, _t in tables.values() for c in seg.caption_lines}
    blocks: list = []
    prose: list[Line] = []

    def flush():
        if prose:
            joined = join_wrapped([l.raw for l in prose], text)
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
        elif ln.no in captions or is_text_table_line(ln.raw) and not _sentence_wraps_on(ln, lines[i + 1:i + 2]):
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


def _sentence_wraps_on(ln: Line, after: list[Line]) -> bool:
    """A line whose sentence goes on in the line right under it, set at its indent and starting in lower case
    ("BOSTON, Jan. 22, 2025      - Acme today reported net income of $22.8" / "million, or $1.29 per share"):
    prose a printer spaced out, not a row of a table of words, whose cells wrap under the cell they began in."""
    return bool(after) and after[0].kind == "text" and abs(after[0].indent - ln.indent) <= 1 \
        and after[0].raw.lstrip()[:1].islower() and not ln.raw.rstrip().endswith((".", ":", ";"))


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
