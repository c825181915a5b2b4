"""Markdown newswire copies: a release as a news site republished it and a scraper saved it.

A YAML front matter block first (blanked before any text reader reads: front_matter.py), then prose with
emphasis, bullets and links, and tables as pipe tables (`| Revenue | $ | 1,234 |` with a `| --- |` rule).
A table's lines are a grid: every figure keeps the cell position the flattened HTML gave it, so a column is
a position, not a guess. Header rows come in two kinds:

- as wide as the body rows: each header cell stands at the first position of the span it had in HTML and
  reaches to the next header cell of its row ("Three Months Ended" at position 2, "Year Ended" at 10);
- narrower than the body (the scraper dropped the spacer cells of a spanning header): its pieces keep no
  position, and the engine spreads them as it does for any text table that lost positions.

A block of pipe lines may hold several tables (a new header after figures starts one) or none (a layout
table of footnotes or product news: its text cells are paragraphs).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import field
from typing import Optional

import regex

from ..model import Cell, Document, HeaderCell, Paragraph, Span, Table
from .cells import section_rows, wraps
from .headers import deglue_months, header_cells, is_header_piece, is_scale_note
from .normalize import collapse_spaces
from .range_cells import is_range
from .tokens import is_mark, is_period_header, is_range_word, is_value
from ..rulebook.regex_code import kept_regex
from ..dataclass_code import dataclass

_RULE = kept_regex(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$")
_EMPHASIS = kept_regex(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|\\(?=[*_\\|#\[\]()])")
_LINK = kept_regex(r"!?\[([^\]]*)\]\([^)]*\)")
_BULLET = kept_regex(r"^\s*(?:[*+-]|\d{1,2}[.)])\s+")
_HEADING = kept_regex(r"^\s*#{1,6}\s+")
_OPEN_FIGURE = kept_regex(r"^\$?\s*\(\s*\$?\s*[\d,.]+$")
_NUMBER = kept_regex(r"^\(?-?[\d,.]*\d\)?$")
_RATIO = kept_regex(r"^\(?[-+]?\$?\s*[\d,.]*\d\s*\)?\s*%\)?(?:\s*pts?\.?)?$|^[-—–]+\s*%$|^n/?m$", regex.I)
CAPTION_LINES = 3   # short lines right above a table that are its title and scale note
TITLE_CHARS = 150


def looks_like(text: str) -> bool:
    """Pipe tables with markdown's `| --- |` rule under their first line."""
    if "---" not in text:   # every rule holds one: most text is turned away without a look at its lines
        return False
    lines = text.split("\n")
    # `in` (in C) first: a rule line holds "---", and newswire prose has dashes on few of its lines
    return any("---" in line and _RULE.match(line) and i and lines[i - 1].lstrip().startswith("|")
               for i, line in enumerate(lines))


def clean_inline(text: str) -> str:
    """Emphasis marks, link targets and escapes taken out: `**Total revenues**` is "Total revenues"."""
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    if "*" in text or "_" in text or "\\" in text:
        text = _EMPHASIS.sub("", text)
    return collapse_spaces(text)


@dataclass
class _Line:
    cells: list[tuple[str, Span]]          # (cleaned text, span) by position

    @property
    def filled(self) -> list[int]:
        return [i for i, (t, _s) in enumerate(self.cells) if t]

    @property
    def label_at(self) -> int:
        """Where the row label stands: the first text cell that is no figure (an indented label sits in the
        second cell; "(1)" before a footnote's text is its marker); -1 for a row of figures alone."""
        for i in self.filled:
            t = self.cells[i][0]
            if not is_mark(t) and not _is_figure(t):
                return i
        return -1

    @property
    def label(self) -> tuple[str, Span]:
        at = self.label_at
        return self.cells[at] if at >= 0 else ("", self.cells[0][1])

    def values(self) -> list[int]:
        at = self.label_at
        return [i for i in self.filled if i > at and _is_figure(self.cells[i][0])]

    def pieces(self) -> list[int]:
        """Positions of the text right of the label column: the pieces of a header row."""
        return [i for i in self.filled if i > 0]

    def ratios_only(self) -> bool:
        """A row of percentages alone ("Gross margin | 45% | 44%", "Growth | 15% - 17%"): a row of the table,
        whose figures are no values to read, and never its header."""
        pieces = self.pieces()
        return bool(pieces) and all(_RATIO.match(self.cells[i][0]) or is_range(self.cells[i][0])
                                    and "%" in self.cells[i][0] for i in pieces)

    def header_like(self) -> bool:
        """No figures, and text in the value positions: period pieces ("Three Months Ended", "2024"), or the
        names of the columns ("MRD | Immune Medicine | Total"). One piece alone that names no period is a
        heading printed indented ("|  | Revenues: |")."""
        pieces = self.pieces()
        if not pieces or self.values() or self.ratios_only():
            return False
        if len(pieces) >= 2:
            return True
        t = self.cells[pieces[0]][0]
        return is_header_piece(t) or is_range_word(t)


def _is_figure(text: str) -> bool:
    """A figure, or both ends of a range in one cell (an outlook's, range_cells.py)."""
    return is_value(text) and not _RATIO.match(text) or "$" in text and is_range(text)


@dataclass
class _Draft:
    caption: list[str] = field(default_factory=list)
    header: list[_Line] = field(default_factory=list)
    body: list[_Line] = field(default_factory=list)

    @property
    def has_figures(self) -> bool:
        return any(line.values() for line in self.body)


def read_markdown(text: str, source: str = "") -> Document:
    blocks: list = []
    pos = 0
    para: list[tuple[str, int, int]] = []   # lines of the paragraph being read
    grid: list[_Line] = []

    def close_para():
        if para and _title_lines(para):
            # "**ACME CORP**" / "**STATEMENTS OF CONSOLIDATED INCOME**" / "**For the Three Months Ended ...**": titles
            # a copy set on lines of their own, each a caption line of the table below
            for t, s0, e0 in para:
                if title := clean_inline(t).strip():
                    blocks.append(Paragraph(title, Span(s0, e0)))
            para.clear()
        if para:
            joined = clean_inline(" ".join(t for t, _s, _e in para))
            if joined:
                blocks.append(Paragraph(joined, Span(para[0][1], para[-1][2])))
            para.clear()

    def close_grid():
        if grid:
            blocks.extend(_tables(grid, _captions(blocks)))
            grid.clear()

    for line in text[pos:].split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if stripped.startswith("|"):
            close_para()
            if not _RULE.match(line):
                grid.append(_Line(_cells(line, start)))
            continue
        close_grid()
        if not stripped:
            close_para()
        elif _BULLET.match(line) or _HEADING.match(line):
            close_para()
            para.append((_BULLET.sub("", _HEADING.sub("", line)), start, end))
            close_para()
        else:
            para.append((line, start, end))
    close_para()
    close_grid()
    for i, b in enumerate(blocks):
        b.index = i
    return Document(blocks, text, "markdown", source)


def _cells(line: str, offset: int) -> list[tuple[str, Span]]:
    """Cells of one pipe line, outer pipes dropped; "(1,234" and a ")" in the next cell are one figure, and
    the ")" cell is left empty so positions stay."""
    body = line.rstrip()
    lead = len(body) - len(body.lstrip())
    body = body.strip()
    if body.startswith("|"):
        body, lead = body[1:], lead + 1
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    out: list[tuple[str, Span]] = []
    i = offset + lead
    for part in regex.split(r"(?<!\\)\|", body):
        text = clean_inline(part)
        span = Span(i, i + len(part))
        if text == ")" and out and _OPEN_FIGURE.match(out[-1][0]) or text == "%" and out and _NUMBER.match(out[-1][0]):
            out[-1] = (out[-1][0] + text, Span(out[-1][1].start, span.end))   # "100.0 | %" is a percentage
            text = ""
        out.append((text, span))
        i += len(part) + 1
    return out


_BOLD_LINE = kept_regex(r"^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*$")


def _title_lines(lines: list[tuple[str, int, int]]) -> bool:
    """Lines of one Markdown paragraph that are titles set apart: two or more lines, each short, at least two of
    them wholly bold, none ending a sentence."""
    return len(lines) >= 2 and sum(1 for t, _s, _e in lines if _BOLD_LINE.match(t)) >= 2 \
        and all(len(t.strip()) <= TITLE_CHARS and not t.rstrip().endswith((".", ";")) for t, _s, _e in lines)


def _captions(blocks: list) -> list[str]:
    """The short paragraphs right above a table ("Condensed Consolidated Balance Sheets", "(in thousands)")
    are its caption; they stay paragraphs too, for the scale of what follows."""
    out: list[str] = []
    for b in reversed(blocks):
        if not isinstance(b, Paragraph) or len(b.text) > TITLE_CHARS or len(out) == CAPTION_LINES \
                or ("$" in b.text and not is_scale_note(b.text)) or b.text.endswith((".", ";")):
            break
        out.insert(0, b.text)
    return out


def _tables(grid: list[_Line], above: list[str]) -> list:
    """One block of pipe lines: its tables, or its text cells as paragraphs when it holds no table."""
    if sum(len(line.values()) for line in grid) < 2:
        return [Paragraph(t, s) for line in grid for t, s in line.cells if t and t not in ("•", "*", "-")]
    drafts: list[_Draft] = []
    cur = _Draft(caption=list(above))
    for line in grid:
        if not line.filled:
            continue
        if line.header_like():
            if cur.has_figures:
                # figures, then a header again: a new table, whose title is the label lines that close the old
                titles = []
                while cur.body and not cur.body[-1].values() and len(titles) < CAPTION_LINES:
                    titles.insert(0, cur.body.pop())
                drafts.append(cur)
                cur = _Draft(caption=[t.label[0] for t in titles])
            cur.header.append(line)
        elif not cur.has_figures and not line.values():
            if cur.header and len(line.filled) == 1 and not _is_title(line.label[0]):
                cur.body.append(line)       # a heading row above the first figures ("Revenues:")
            elif cur.body:
                cur.body.append(line)
            else:
                cur.caption.extend(line.cells[i][0] for i in line.filled)
        else:
            cur.body.append(line)
    drafts.append(cur)
    out: list = []
    for d in drafts:
        table = _build(d)
        if table is not None:
            out.append(table)
        else:   # no figures: its lines are text
            out.extend(Paragraph(t, s) for line in d.header + d.body for t, s in line.cells if t)
    return out


def _is_title(text: str) -> bool:
    """A title or scale note, not a row heading: "(Unaudited)", "(in thousands)", "ASSETS" stays a heading."""
    return is_scale_note(text) or bool(regex.match(r"^\(?\s*(?:un)?audited\s*\)?$", text, regex.I))


def _columns(body: list[_Line]) -> tuple[int, list[int], dict[int, int]]:
    """The column count (the commonest number of figures in a row), the cell positions of the commonest row
    layout (what a header's positions are read against), and the column of each position. A row with every
    column filled takes its figures in order, whatever its positions (a table may print its per-share rows
    with fewer spacer cells); a shorter row takes the columns its positions have in full rows, and a
    position that means two columns in two layouts, or none, gives no figure."""
    counts = Counter(len(line.values()) for line in body if line.values())
    ncols = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    layouts = Counter(tuple(line.values()) for line in body if len(line.values()) == ncols)
    seen: dict[int, set[int]] = {}
    for layout in layouts:
        for col, p in enumerate(layout):
            seen.setdefault(p, set()).add(col)
    col_of = {p: next(iter(cs)) for p, cs in seen.items() if len(cs) == 1}
    return ncols, list(layouts.most_common(1)[0][0]), col_of


def _build(d: _Draft) -> Optional[Table]:
    rows_with_values = [line for line in d.body if line.values()]
    if not rows_with_values:
        return None
    ncols, main, col_of = _columns(d.body)
    width = max(len(line.cells) for line in rows_with_values)
    caption = [c for c in d.caption if c]
    header: list[HeaderCell] = []
    for line in d.header:
        label = line.cells[0][0]
        if label:
            caption.append(label)   # "($ in millions)", "Operating Results" in the label column of a header row
        pieces = [(i, deglue_months(line.cells[i][0])) for i in line.filled if i > 0]
        if len(line.cells) >= width:
            header.extend(_positional(pieces, main, [h.cols for h in header if h.cols is not None]))
        else:
            header.extend(header_cells([t for _i, t in pieces], ncols))
    drafts = []
    carried = ""    # a label cut off in a row of its own, to be joined to the next row's ("... before" / "Income Taxes")
    for line in d.body:
        label, span = line.label
        if not label and not line.values() or line.ratios_only():
            continue
        if carried and (label or line.values()):
            label, carried = f"{carried} {label}".strip(), ""
        if not line.values():
            if wraps(label):
                carried = label
            else:
                drafts.append((label, span, None))
            continue
        values = line.values()
        full = len(values) == ncols
        cells = [Cell(line.cells[p][0], i if full else col_of[p], line.cells[p][1])
                 for i, p in enumerate(values) if full or p in col_of]
        drafts.append((label, span, cells))
    rows = section_rows(drafts)
    spans = [line.cells[0][1] for line in d.header + d.body]
    return Table(header, ncols, rows, caption=caption, span=Span(spans[0].start, spans[-1].end))


def _positional(pieces: list[tuple[int, str]], positions: list[int], above: list[tuple[int, int]]
                ) -> list[HeaderCell]:
    """Header cells of a full-width row: each reaches from its position to the next piece's, over the
    columns whose figures stand at `positions`; a note in parentheses no further than the group above it
    (`above`: the spans of the rows above). "(14 weeks)" under the second of four dates, the third's cell
    empty, is that date's note: reaching on into the next group's date, it gave that column fourteen weeks,
    and two went unread. (A title under the years, "Three Months Ended" where a scraper put the rows out of
    order, does reach over its group.)"""
    out = []
    for k, (p, text) in enumerate(pieces):
        stop = pieces[k + 1][0] if k + 1 < len(pieces) else 10 ** 6
        covered = [c for c, q in enumerate(positions) if p <= q < stop]
        if is_mark(text):
            continue
        if covered:
            first, last = covered[0], covered[-1]
            if text.startswith("(") and text.endswith(")"):
                # (over a group the cell above it heads, "(Thirteen Weeks)" over both its dates, it reaches on)
                last = min([last] + [b for a, b in above if a <= first <= b and a < b])
            out.append(HeaderCell(text, (first, last)))
        elif is_period_header(text):
            out.append(HeaderCell(text, None))
    return out
