"""Text flattened from HTML with `|` between cells, a whole table on one line and `$` in its own cell.

Row boundaries are lost in this layout, so rows are rebuilt from the cells: a text cell starts a row and the
figures after it are its values. Columns come from each figure's offset from its label, which is stable
because spacer and `$` cells keep their places.

Other flatteners print one table row per line ("| Revenue | 120,000 | 100,000 |", markdown's "|---|" rule
under the header). A run of such lines is read as one line of cells, with the short title lines above it.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

import regex

from ..engine.numbers import is_year
from ..model import Cell, Document, HeaderCell, Paragraph, Span, Table
from .cells import section_rows
from .headers import SKIP, deglue_months, is_scale_note
from .normalize import collapse_spaces
from .tokens import is_mark, is_period_header, is_range_word, is_value
from ..rulebook.regex_code import kept_regex


def looks_like(text: str) -> bool:
    """Lines of cells are one in twenty of the text's, or a line holds a whole table: more cells than a row
    has, and figures among them (a long release with two tables, each flattened onto one line)."""
    if text.count("|") < 3:   # no line could hold three
        return False
    lines = [l for l in text.splitlines() if l.strip()]
    return bool(lines) and (sum(1 for l in lines if l.count("|") >= 3) >= max(1, len(lines) // 20)
                            or any(_holds_a_table(l) for l in lines if l.count("|") > ROW_LINE_CELLS))


def _holds_a_table(line: str) -> bool:
    return sum(1 for cell in line.split("|") if is_value(cell.strip())) >= 4


def read_pipe_text(text: str, source: str = "") -> Document:
    blocks: list = []
    for kind, start, payload in _units(text):
        if kind == "text":
            blocks.append(Paragraph(collapse_spaces(payload), Span(start, start + len(payload))))
            continue
        lines = payload if kind == "rows" else [payload]
        cells = [c for line in lines for c in line]
        nvalues = sum(1 for c, _s, _e in cells if is_value(c))
        if nvalues < 2:
            blocks.extend(_prose(cells))
        else:   # the short lines right above are the table's title and scale note, as in HTML
            titles = _titles(blocks)
            del blocks[len(blocks) - len(titles):]
            heads, bare = _line_kinds(lines, len(titles)) if kind == "rows" else ({}, frozenset())
            blocks.extend(_tables([(p.text, p.span.start, p.span.end) for p in titles] + cells, heads, bare))
    for i, b in enumerate(blocks):
        b.index = i
    return Document(blocks, text, "pipe", source)


_RULE_LINE = kept_regex(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$")   # markdown's |---|---|
ROW_LINE_CELLS = 16     # a line of cells longer than this holds a whole table, not one row
TITLE_LINES = 3         # short lines above a run of row lines that are its title
TITLE_CHARS = 150


def _units(text: str):
    """("text", start, line) for a line without cells, ("cells", start, cells) for a line holding a whole
    table or prose in cells, ("rows", start, lines) for a run of one-row-per-line lines (the cells of each)."""
    run: list = []
    run_start = 0

    def close():
        if len(run) >= 2:
            yield "rows", run_start, run[:]
        else:
            for cells in run:
                yield "cells", cells[0][1], cells
        run.clear()

    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip() or _RULE_LINE.match(line):
            continue
        if "|" not in line:
            yield from close()
            yield "text", start, line
            continue
        cells = _cells(line, start)
        if not any(c for c, _s, _e in cells):
            continue   # an HTML spacer row flattened to empty cells: like a blank line, it ends nothing
        if _one_row(cells) or (run and _column_titles(cells) and not any(is_value(c) for c, _s, _e in run[-1])):
            if not run:
                run_start = start
            run.append(cells)
            continue
        yield from close()
        yield "cells", start, cells
    yield from close()


def _one_row(cells) -> bool:
    """A line that prints one table row: at most one label, the rest figures, marks or header pieces; or a
    header line: period pieces beside column titles ("% of Revenues"), no figures."""
    filled = [c for c, _s, _e in cells if c]
    if not filled or len(filled) > ROW_LINE_CELLS:
        return False
    header = [c for c in filled if is_year(c) or is_period_header(c) or is_range_word(c)]
    values = [c for c in filled if is_value(c) or is_mark(c) or _RATIO.match(c)]
    labels = len(filled) - len(header) - len(values)
    if labels <= 1:
        return labels < len(filled) or len(filled) == 1
    return bool(header) and not values and labels < len(filled)


def _column_titles(cells) -> bool:
    """A header line of short column titles and no figures ("% of Revenues | % Increase (Decrease)")."""
    filled = [c for c, _s, _e in cells if c]
    return 1 < len(filled) <= 8 and all(len(c) <= 40 and c not in ("•", "*", "-") and not is_value(c)
                                        for c in filled)


def _titles(blocks: list) -> list[Paragraph]:
    """The short paragraphs right above a table: its title and scale note ("FREE CASH FLOW - TRAILING
    4-QUARTERS", "($ in millions)"). A sentence or an amount ends the title: it is prose the text readers need."""
    out: list[Paragraph] = []
    for b in reversed(blocks):
        if not isinstance(b, Paragraph) or len(b.text) > TITLE_CHARS or len(out) == TITLE_LINES \
                or ("$" in b.text and not is_scale_note(b.text)) or b.text.rstrip().endswith((".", ";", ":")):
            break
        out.insert(0, b)
    return out


# "1%", "(8)%", "— %", "n/m"
_RATIO = kept_regex(r"^\(?[-+]?\$?\s*[\d,.]*\d\s*\)?\s*%\)?(?:\s*pts?\.?)?$|^[-—–]+\s*%$|^n/?m$", regex.I)
_OPEN_FIGURE = kept_regex(r"^\$?\s*\(\s*\$?\s*[\d,.]+$")
_BARE_NUMBER = kept_regex(r"^\(?[-+]?[\d,]*\.?\d+$")


def _cells(line: str, offset: int) -> list[tuple[str, int, int]]:
    """The line's cells with their spans; "(1,234" and a ")" printed in the next cell are one figure, and so
    are "58.2" and a "%" printed in the next cell: a ratio, not an amount."""
    out: list[tuple[str, int, int]] = []
    i = 0
    for part in line.split("|"):
        text = collapse_spaces(part)
        if (text == ")" and out and _OPEN_FIGURE.match(out[-1][0])) \
                or (text in ("%", ")%") and out and _BARE_NUMBER.match(out[-1][0])):
            out[-1] = (out[-1][0] + text, out[-1][1], offset + i + len(part))
            text = ""
        out.append((text, offset + i, offset + i + len(part)))
        i += len(part) + 1
    return out


def _line_kinds(lines: list, offset: int) -> tuple[dict[int, int], frozenset[int]]:
    """Where, in the cells of a run of row lines joined (after `offset` title cells), each line begins that
    heads columns (no label in its first cell, no figure, and a date or a year: "| | December 31, 2024 | |";
    after figures, it starts the next table, whatever its dates look like), and each that prints figures
    without a label (a total under the lines above it: "| | 95,636 | | 109,800 |"). Header lines are given
    as where they begin -> where they end."""
    heads: dict[int, int] = {}
    bare, at = set(), offset
    for cells in lines:
        texts = [c for c, _s, _e in cells]
        if texts and not texts[0]:
            figures = [t for t in texts if t and is_value(t) and not is_year(t)]
            words = [t for t in texts if t and not is_value(t) and not is_mark(t)]
            if not figures and any(is_year(t) or is_period_header(t) for t in texts if t):
                heads[at] = at + len(cells)
            elif figures and not words:
                bare.add(at)
        at += len(cells)
    return heads, frozenset(bare)


def _prose(cells) -> list[Paragraph]:
    """Cells of a line that holds no table: bullets and sentences, one paragraph per text cell."""
    out = []
    for text, s, e in cells:
        if text and text not in ("•", "-", "*"):
            out.append(Paragraph(text, Span(s, e)))
    return out


class _RowDraft:
    def __init__(self, label: str, idx: int, span: Span):
        self.label, self.idx, self.span = label, idx, span
        self.values: list[tuple[int, str, Span]] = []


def _tables(cells, header_lines: Optional[dict[int, int]] = None, bare_lines: frozenset[int] = frozenset()) -> list:
    """Split one line of cells into tables (a new header run, or a line of `header_lines`, where each header
    line of row-per-line text begins -> ends, starts a new table) and build each. A line of `bare_lines`
    (figures without a label) is a row of its own, not more figures of the row above."""
    header_lines = header_lines or {}
    on_header_line = {i: start for start, end in header_lines.items() for i in range(start, end)}
    out: list = []
    drafts: list[_RowDraft] = []
    header: list[_RowDraft] = []
    years: list[str] = []
    data_started = False
    cut = 0  # drafts before this index are title and header text
    current = None

    def flush():
        nonlocal drafts, header, years, data_started, cut
        if any(d.values for d in drafts):
            out.append(_build(header, years, drafts, on_header_line))
        drafts, header, years, data_started, cut = [], [], [], False, 0

    def next_table() -> list[_RowDraft]:
        """Close the table; the lines without figures just above are the next one's title, scale note and
        period words, not the last rows of this one."""
        tail = []
        while drafts and not drafts[-1].values:
            tail.insert(0, drafts.pop())
        flush()
        return tail

    for idx, (text, s, e) in enumerate(cells):
        if idx in header_lines and data_started:
            header, current = next_table(), None
        if idx in bare_lines and data_started:
            current = _RowDraft("", idx, Span(s, s))
            drafts.append(current)
        if not text or is_mark(text):
            continue
        if is_year(text) and (current is None or not current.values):
            if data_started:   # years after data: a new table's header
                header = next_table()
            years.append(text)
            cut = len(drafts)
            continue
        if _RATIO.match(text):
            continue   # a ratio column ("% of revenues", "% change") holds no fact and would skew the columns
        if is_value(text):
            if current is None:
                continue
            current.values.append((idx, text, Span(s, e)))
            if not data_started:
                data_started = True
                if not years:  # no year run: the header ends at the last period-like text
                    cut = max((i + 1 for i, d in enumerate(drafts[:-1]) if is_period_header(d.label)), default=0)
                cut = min(cut, len(drafts) - 1)
                while cut < len(drafts) - 1 and (is_range_word(drafts[cut].label)   # "Low | High" under a period
                                                 or drafts[cut].idx in on_header_line   # "(Decrease)" beside dates
                                                 or _CHANGE.match(drafts[cut].label)):
                    cut += 1
                header.extend(drafts[:cut])
                drafts = drafts[cut:]
            continue
        current = _RowDraft(text, idx, Span(s, e))
        drafts.append(current)
    flush()
    return out


def _unlabelled_rows(drafts: list[_RowDraft], ncols: int) -> list[_RowDraft]:
    """A table on one line keeps no line apart: a row with twice the columns' figures is the row and, after it,
    a row printed without a label (the total under the rows above it), each figure at the same offset from its
    row's start."""
    out: list[_RowDraft] = []
    for d in drafts:
        if len(d.values) != 2 * ncols:
            out.append(d)
            continue
        first, second = d.values[:ncols], d.values[ncols:]
        bare = _RowDraft("", d.idx + (second[0][0] - first[0][0]), Span(second[0][2].start, second[0][2].start))
        d.values, bare.values = first, second
        out += [d, bare]
    return out


_CHANGE = kept_regex(r"^\(?\s*(?:increase|decrease|%?\s*change|variance)\s*\)?$", regex.I)


def _names_a_column(text: str) -> bool:
    """A date or period ("December 31, 2024", "First Quarter Fiscal 2023") or a change ("(Decrease)")."""
    t = deglue_months(text)
    return is_period_header(t) or bool(SKIP.match(t) or _CHANGE.match(t))


def _build(header: list[_RowDraft], years: list[str], drafts: list[_RowDraft],
           on_header_line: Optional[dict[int, int]] = None) -> Table:
    data = [d for d in drafts if d.values]
    ncols = Counter(len(d.values) for d in data).most_common(1)[0][0]
    if ncols > 1 and not on_header_line:
        drafts = _unlabelled_rows(drafts, ncols)
        data = [d for d in drafts if d.values]
    # the header line right above the figures, when it names every column in order ("December 31, 2024 |
    # December 31, 2023 | (Decrease)"): each piece heads its own column. A table on one line keeps no header
    # line apart: there, the pieces right before the figures, when as many as the columns name one each and
    # a change word over them ("Increase") would otherwise count as a column of its own
    lines = on_header_line or {}
    starts = [lines[h.idx] for h in header if h.idx in lines]
    last = [h for h in header if starts and lines.get(h.idx) == max(starts)]
    if not lines and ncols > 1 and sum(1 for h in header if _names_a_column(h.label)) > ncols:
        last = header[-ncols:]
    placed = last if len(last) == ncols and not years and all(_names_a_column(h.label) for h in last) else []
    offsets = [Counter() for _ in range(ncols)]
    for d in data:
        if len(d.values) == ncols:
            for col, (idx, _t, _s) in enumerate(d.values):
                offsets[col][idx - d.idx] += 1
    col_of = {}
    for col, c in enumerate(offsets):
        if c:
            col_of.setdefault(c.most_common(1)[0][0], col)
    pieces = [deglue_months(h.label) for h in header if h not in placed]   # "Three Months EndedDecember 31,"
    head_cells = [HeaderCell(p) for p in pieces if is_period_header(p) or is_range_word(p)] + \
        [HeaderCell(y) for y in years] + [HeaderCell(deglue_months(h.label), (i, i)) for i, h in enumerate(placed)]
    caption = [p for p in pieces if not is_period_header(p) and not is_range_word(p)]
    rows = []
    for d in drafts:
        if not d.values:
            rows.append((d.label, d.span, None))
        elif len(d.values) == ncols:
            rows.append((d.label, d.span, [Cell(t, col, sp) for col, (_i, t, sp) in enumerate(d.values)]))
        else:
            rows.append((d.label, d.span, [Cell(t, col_of[i - d.idx], sp) for i, t, sp in d.values
                                           if (i - d.idx) in col_of]))
    start = (header[0].span.start if header else drafts[0].span.start)
    end = drafts[-1].values[-1][2].end if drafts[-1].values else drafts[-1].span.end
    return Table(head_cells, ncols, section_rows(rows), caption=caption, span=Span(start, end))
