"""Figures that a PDF reader gave column by column, matched back to their row labels.

In reading order a table often comes out as text blocks: a block of row labels, then one block of figures
per column ("4,373 / 120 / 162 / 4,655", then "3,958 / 145 / 159 / 4,262"), then the next labels. Nothing on
a line says which row a figure belongs to, so rows are rebuilt by counting, and only where the counts leave
no choice:

- Labels form groups: runs of row labels not broken by a heading ("Revenue:", "ASSETS") or by figures.
- Figure blocks (consecutive lines of one figure each) form bands: as many blocks of the same size as the
  table has columns, one after the other, are the columns of that many rows, in column order. A run of
  same-size blocks that is not a whole number of bands is dropped: which block is which column is unknown.
- Groups and bands are matched in order. A group takes the next bands whose sizes add up to its size (a
  group of 8 rows can come as a band of 1 and a band of 7). A group that no band fits is dropped with its
  labels; its figures were scattered some other way.
- A band is checked before it is used: a row prints the same number of decimals in every column (a share
  count beside a per-share amount means the blocks were not one band), and a figure followed on its line by
  the `$` of the next column ("1,247 $") cannot be in the last column.

What cannot be placed is left out, never guessed.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

import regex

from ..engine.dates import FULL_DATE, make_date
from ..engine.numbers import parse_figure
from ..model import Cell, Span
from .tokens import split_figures

# compiled once: `regex.search(r"...", text)` looks the pattern up in regex's cache on every call
_TRAILING_DOLLAR = regex.compile(r"\S\s+\$$")
_SPACED_PERCENT = regex.compile(r"(?<=\d|\))\s+%")

_MARK_LINE = regex.compile(r"^(?:(?:US)?\$\s*)+$")
_BARE_INT = regex.compile(r"^\d{1,3}$")
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
_RANGE_WORDS = regex.compile(r"(?i)^(?:low|high|minimum|maximum)$")
_LENGTH = regex.compile(r"(?i)\b(?:months?|weeks?|quarters?|years?)\s+(?:ended|ending)\b")


@dataclass
class LabelLine:
    text: str
    span: Span
    heading: bool
    pos: int                      # line number in the text


@dataclass
class FigureBlock:
    """Consecutive lines of one figure each: (figure, span, followed on its line by a `$`)."""
    figures: list[tuple[str, Span, bool]] = field(default_factory=list)
    first: int = 0                # line numbers of its first and last figure
    last: int = 0

    def __len__(self) -> int:
        return len(self.figures)


def is_mark_line(line: str) -> bool:
    """A line of currency marks alone ("$", "$ $"): the `$` of some figure, printed apart."""
    return bool(_MARK_LINE.match(line.strip()))


def figure_line(line: str) -> Optional[tuple[list[str], bool]]:
    """The figures of a line made only of figures, and whether a `$` ends it ("1,247 $" is a figure of one
    column followed by the `$` of the next); "22.0 %" is one figure. None for anything else."""
    t = line.strip()
    trailing = bool(_TRAILING_DOLLAR.search(t))
    t = _SPACED_PERCENT.sub("%", t)
    figures = split_figures(t)
    if figures is None:
        return None
    return figures, trailing


def is_range_word(line: str) -> bool:
    return bool(_RANGE_WORDS.match(line.strip()))


def page_number_lines(lines: list[tuple[str, int]]) -> set[int]:
    """Line numbers of page numbers. `lines` is (text, page index by form feeds). A bare small number is a
    page number when such numbers count up with the pages: on at least three pages a bare number equals the
    page index less one fixed offset (a cover page or a blank page shifts the printed numbers)."""
    bare: dict[int, list[tuple[int, int]]] = defaultdict(list)   # page -> [(line no, value)]
    for no, (text, page) in enumerate(lines):
        if _BARE_INT.match(text.strip()):
            bare[page].append((no, int(text.strip())))
    if len(bare) < 3:
        return set()
    votes = Counter()
    for page, items in bare.items():
        for offset in {page - v for _no, v in items}:
            votes[offset] += 1
    offset, count = votes.most_common(1)[0] if votes else (0, 0)
    if count < 3:
        return set()
    return {no for page, items in bare.items() for no, v in items if page - v == offset}


def header_columns(texts: list[str]) -> int:
    """How many value columns a header names: one per year printed ("2016 2015", "March 3, 2023"), or one
    per range word ("Fiscal 2023" over "Low  High")."""
    years = sum(len(_YEAR.findall(t)) for t in texts)
    ranges = sum(1 for t in texts if is_range_word(t))
    return max(years, ranges)


def header_in_order(texts: list[str]) -> bool:
    """Whether the header's dates read in a column order a table prints: newest first or oldest first within
    each period length. When the reader scattered a header's pieces ("March 4, 2022" before "March 3, 2023"
    before "December 2, 2022") the column order it gives cannot be trusted."""
    groups = max(1, sum(1 for t in texts if _LENGTH.search(t)))
    dates = []
    for t in texts:
        for m in FULL_DATE.finditer(t):
            d = make_date(m["m"], m["d"], m["y"])
            if d:
                dates.append((d.year, d.month, d.day))
    leaves = dates if dates and len(dates) == sum(len(_YEAR.findall(t)) for t in texts) else \
        [(int(y), 0, 0) for t in texts for y in _YEAR.findall(t)]
    if len(leaves) < 3 or len(leaves) % groups:
        return True
    width = len(leaves) // groups
    for g in range(groups):
        part = leaves[g * width:(g + 1) * width]
        if not (all(a >= b for a, b in zip(part, part[1:])) or all(a <= b for a, b in zip(part, part[1:]))):
            return False
    return True


# ------------------------------------------------------------------------------------------------ align

@dataclass
class AlignedRow:
    label: LabelLine
    cells: list[Cell]
    section: tuple[str, ...]


def _groups(labels: list[LabelLine], blocks: list[FigureBlock]) -> list[list[LabelLine]]:
    """Runs of row labels not broken by a heading or by a block of figures between them."""
    starts = sorted(b.first for b in blocks)
    groups: list[list[LabelLine]] = []
    current: list[LabelLine] = []
    for lab in labels:
        if lab.heading:
            if current:
                groups.append(current)
            current = []
            continue
        if current and any(current[-1].pos < s < lab.pos for s in starts):
            groups.append(current)
            current = []
        current.append(lab)
    if current:
        groups.append(current)
    return groups


def _bands(blocks: list[FigureBlock], labels: list[LabelLine], ncols: int) -> list[list[FigureBlock]]:
    """Runs of same-size blocks with nothing but marks between them, cut into bands of `ncols` blocks."""
    label_pos = sorted(l.pos for l in labels)
    runs: list[list[FigureBlock]] = []
    for b in blocks:
        if runs and len(runs[-1][-1]) == len(b) and \
                not any(runs[-1][-1].last < p < b.first for p in label_pos):
            runs[-1].append(b)
        else:
            runs.append([b])
    bands = []
    for run in runs:
        if len(run) % ncols:
            continue
        for k in range(0, len(run), ncols):
            band = run[k:k + ncols]
            if _band_holds(band):
                bands.append(band)
    return bands


def _band_holds(band: list[FigureBlock]) -> bool:
    if any(trailing for _t, _s, trailing in band[-1].figures) and len(band) > 1:
        return False  # a figure with the next column's `$` after it is not in the last column
    for row in zip(*(b.figures for b in band)):
        decimals = set()
        for text, _s, _t in row:
            fig = parse_figure(text)
            if fig is not None and not fig.nil:
                decimals.add((fig.decimals, fig.percent))
        if len(decimals) > 1:
            return False
    return True


def align(labels: list[LabelLine], blocks: list[FigureBlock], ncols: int) -> tuple[list[AlignedRow], int]:
    """Rows rebuilt from label groups and figure bands; and how many of `labels` were used up (matched or
    dropped before the last match), so that labels after it can wait for a later table."""
    if ncols < 1 or not blocks:
        return [], 0
    groups = _groups(labels, blocks)
    bands = _bands(blocks, labels, ncols)
    placed: dict[int, list[Cell]] = {}     # id of label -> cells
    used_upto = -1                         # position of the last label of the last matched group
    bi = 0
    for group in groups:
        if bi >= len(bands):
            break
        total, j = 0, bi
        while j < len(bands) and total < len(group):
            total += len(bands[j][0])
            j += 1
        if total != len(group):
            continue                        # no band fits: the group is dropped
        row = 0
        for band in bands[bi:j]:
            for r in range(len(band[0])):
                cells = [Cell(blk.figures[r][0], col, blk.figures[r][1]) for col, blk in enumerate(band)]
                placed[id(group[row])] = cells
                row += 1
        used_upto = group[-1].pos
        bi = j
    used = {id(b) for band in bands[:bi] for b in band}
    rest = [b for b in blocks if id(b) not in used]
    if rest:
        solved = _solve_rest(labels, placed, rest, ncols)
        placed.update(solved)
        if solved:
            used_upto = max(used_upto, max(lab.pos for lab in labels if id(lab) in solved))
    rows: list[AlignedRow] = []
    section: tuple[str, ...] = ()
    for lab in labels:
        if lab.pos > used_upto:
            break
        if lab.heading:
            section = (lab.text,)
            continue
        cells = placed.get(id(lab))
        if cells is not None:
            rows.append(AlignedRow(lab, cells, section))
        if lab.text.lower().startswith("total"):
            section = ()
    consumed = sum(1 for lab in labels if lab.pos <= used_upto)
    return rows, consumed


# ------------------------------------------------------------------------------------- what bands leave

MAX_NODES = 20000


def _solve_rest(labels: list[LabelLine], placed: dict[int, list[Cell]], blocks: list[FigureBlock],
                ncols: int) -> dict[int, list[Cell]]:
    """The rows left without figures and the blocks left unused, aligned by every way the counts allow, and
    kept only where all those ways agree.

    Each block fills consecutive rows of one column, never across a heading or a placed row; the blocks of a
    column come in the order the rows do; every row left gets a figure in every column; and the checks of a
    band hold (equal decimals across a row, a trailing `$` only before another column). A cell is placed
    when every alignment that meets all this prints the same figure there. With no such alignment, or too many
    to try, nothing is placed."""
    slots: list[LabelLine] = []
    barriers: set[int] = set()
    for lab in labels:
        if lab.heading or id(lab) in placed:
            barriers.add(len(slots))
            continue
        slots.append(lab)
    if not slots or sum(len(b) for b in blocks) != len(slots) * ncols:
        return {}
    solutions: list[dict[tuple[int, int], tuple[int, int]]] = []
    ptr = [0] * ncols
    grid: dict[tuple[int, int], tuple[int, int]] = {}
    nodes = 0

    def fits(b: FigureBlock, col: int) -> bool:
        start = ptr[col]
        end = start + len(b)
        if end > len(slots) or any(i in barriers for i in range(start + 1, end)):
            return False
        return not (col == ncols - 1 and ncols > 1 and any(t for _f, _s, t in b.figures))

    def search(k: int) -> bool:
        nonlocal nodes
        nodes += 1
        if nodes > MAX_NODES:
            return False
        if k == len(blocks):
            if all(p == len(slots) for p in ptr) and _rows_hold(grid, blocks, len(slots), ncols):
                solutions.append(dict(grid))
            return True
        b = blocks[k]
        for col in range(ncols):
            if not fits(b, col):
                continue
            start = ptr[col]
            for r in range(len(b)):
                grid[(start + r, col)] = (k, r)
            ptr[col] = start + len(b)
            ok = search(k + 1)
            ptr[col] = start
            for r in range(len(b)):
                del grid[(start + r, col)]
            if not ok:
                return False
        return True

    if not search(0) or not solutions:
        return {}
    out: dict[int, list[Cell]] = {}
    for i, lab in enumerate(slots):
        cells = []
        for col in range(ncols):
            seen = {blocks[k].figures[r][0]: (k, r) for k, r in (sol[(i, col)] for sol in solutions)}
            if len(seen) != 1:
                break   # the alignments disagree on this figure
            k, r = seen.popitem()[1]
            text, span, _t = blocks[k].figures[r]
            cells.append(Cell(text, col, span))
        if len(cells) == ncols:
            out[id(lab)] = cells
    return out


def _rows_hold(grid, blocks: list[FigureBlock], nslots: int, ncols: int) -> bool:
    for i in range(nslots):
        decimals = set()
        for col in range(ncols):
            k, r = grid[(i, col)]
            fig = parse_figure(blocks[k].figures[r][0])
            if fig is not None and not fig.nil:
                decimals.add((fig.decimals, fig.percent))
        if len(decimals) > 1:
            return False
    return True
