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
from typing import Optional


from ..engine.numbers import parse_figure
from ..model import Cell
from .pdf_bands import match_adjacent, match_in_order, rows_first
from .pdf_model import FigureBlock, LabelLine, any_between, band_holds, same_run, totals_confirmed, totals_hold
from .pdf_placement import place_by_arithmetic, row_by_row
from .tokens import WORD, percent_outside, split_wordless
from ..rulebook.regex_code import kept_regex
from ..dataclass_code import dataclass

# compiled once: `regex.search(r"...", text)` looks the pattern up in regex's cache on every call
_TRAILING_DOLLAR = kept_regex(r"\S\s+\$$")
_SPACED_PERCENT = kept_regex(r"(?<=\d|\))\s+%")
_SPACED_PAREN = kept_regex(r"(?<=\d)\s+\)")

_MARK_LINE = kept_regex(r"^(?:(?:US)?\$\s*)+$")
_BARE_INT = kept_regex(r"^\d{1,3}$")


def is_mark_line(line: str) -> bool:
    """A line of currency marks alone ("$", "$ $"): the `$` of some figure, printed apart."""
    t = line.strip()
    return t[:1] in ("$", "U") and bool(_MARK_LINE.match(t))   # the pattern on the few lines it may take


def figure_line(line: str) -> Optional[tuple[list[str], bool]]:
    """The figures of a line made only of figures, and whether a `$` ends it ("1,247 $" is a figure of one
    column followed by the `$` of the next); "22.0 %", "(3%)" and "(1,862 )" are one figure each. None for anything
    else."""
    t = line.strip()
    if WORD.search(t):   # most lines are words: refused before any rewriting
        return None
    trailing = t.endswith("$") and bool(_TRAILING_DOLLAR.search(t))
    if "%" in t:
        t = _SPACED_PERCENT.sub("%", t)
    if ")" in t:
        t = _SPACED_PAREN.sub(")", t)                          # "(1,862 )": a printer's gap before ")"
        t = percent_outside(t)                                 # "(3%)" is "(3)%"
    figures = split_wordless(t)   # the rewriting above joins or parts no letters
    if figures is None:
        return None
    return figures, trailing


def page_number_lines(lines: list[tuple[str, int]]) -> set[int]:
    """Line numbers of page numbers. `lines` is (text, page index by form feeds). A bare small number is a
    page number when such numbers count up with the pages: on at least three pages a bare number equals the
    page index less one fixed offset (a cover page or a blank page shifts the printed numbers)."""
    bare: dict[int, list[tuple[int, int]]] = defaultdict(list)   # page -> [(line no, value)]
    for no, (text, page) in enumerate(lines):
        t = text.strip()
        # three characters at most, all digits: the pattern runs on the few lines that may be one
        if len(t) <= 3 and t.isdigit() and _BARE_INT.match(t):
            bare[page].append((no, int(t)))
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
        if current and any_between(starts, current[-1].pos, lab.pos):
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
        if runs and same_run(runs[-1][0], b) and not any_between(label_pos, runs[-1][-1].last, b.first):
            runs[-1].append(b)
        else:
            runs.append([b])
    bands = []
    for run in runs:
        if len(run) % ncols or not rows_first(run, ncols):
            continue
        for k in range(0, len(run), ncols):
            band = run[k:k + ncols]
            if band_holds(band):
                bands.append(band)
    return bands


def align(labels: list[LabelLine], blocks: list[FigureBlock], ncols: int,
          scattered: bool = False, start: int = 0) -> tuple[list[AlignedRow], int]:
    """Rows rebuilt from label groups and figure bands; and how many of `labels` were used up (matched or
    dropped before the last match), so that labels after it can wait for a later table. `scattered`: the
    header came in pieces between the figure blocks, so the reading order is a printer's, not the table's:
    only the matches of `pdf_bands` are trusted there. `start`: where the table's header begins; labels
    before it, left over from an earlier table, are matched only to figures right after them."""
    if ncols < 1 or not blocks:
        return [], 0
    rows = sum(1 for lab in labels if not lab.heading or lab.soft and lab.span.start >= start)
    if sum(len(b) for b in blocks) > ncols * rows:
        return [], 0   # more figures than the labels have columns for: the header does not name them all
    placed, used = row_by_row(labels, blocks, ncols)
    placed_adjacent, used_adjacent = match_adjacent([lab for lab in labels if id(lab) not in placed],
                                                    [b for b in blocks if id(b) not in used], ncols, start)
    placed.update(placed_adjacent)
    used |= used_adjacent
    used_upto = max((lab.pos for lab in labels if id(lab) in placed), default=-1)
    rest_labels = [lab for lab in labels if id(lab) not in placed and lab.span.start >= start]
    got, got_used = match_in_order(rest_labels, [b for b in blocks if id(b) not in used], ncols)
    placed.update(got)
    used |= got_used
    used_upto = max((lab.pos for lab in labels if id(lab) in placed), default=-1)
    groups = [] if scattered else _groups([lab for lab in labels if id(lab) not in placed], blocks)
    bands = _bands([b for b in blocks if id(b) not in used], labels, ncols)
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
        cells_of: dict[int, list[Cell]] = {}
        row = 0
        lone_rows_apart = all(len(band[0]) == 1 for band in bands[bi:j])
        for band in bands[bi:j]:
            if len(band[0]) == 1 and _next_to(group[row], band[0], labels, blocks):
                lone_rows_apart = False
            for r in range(len(band[0])):
                cells_of[id(group[row])] = [Cell(blk.figures[r][0], col, blk.figures[r][1])
                                            for col, blk in enumerate(band)]
                row += 1
        matched, bi = bands[bi:j], j
        # bands of one row each are any lone figures side by side, unless a label stands right before one of
        # them; a total that adds up in some columns and not in others says the columns were mixed
        if lone_rows_apart or not totals_hold(group, cells_of):
            continue
        placed.update(cells_of)
        used.update(id(b) for band in matched for b in band)
        used_upto = max(used_upto, group[-1].pos)
    rest = [b for b in blocks if id(b) not in used]
    if rest and not scattered:
        solved = _solve_rest(labels, placed, rest, ncols, blocks)
        placed.update(solved)
        if solved:
            used_upto = max(used_upto, max(lab.pos for lab in labels if id(lab) in solved))
    if not scattered:
        chained = place_by_arithmetic(labels, placed, blocks, ncols)
        placed.update(chained)
        if chained:
            used_upto = max(used_upto, max(lab.pos for lab in labels if id(lab) in chained))
    rows: list[AlignedRow] = []
    section: tuple[str, ...] = ()
    for lab in labels:
        if lab.pos > used_upto:
            break
        cells = placed.get(id(lab))
        if lab.heading and cells is None:
            section = (lab.text,)
            continue
        if cells is not None:
            rows.append(AlignedRow(lab, cells, section))
        if lab.text.lower().startswith("total"):
            section = ()
    consumed = sum(1 for lab in labels if lab.pos <= used_upto)
    return rows, consumed


def _next_to(label: LabelLine, block: FigureBlock, labels: list[LabelLine], blocks: list[FigureBlock]) -> bool:
    """The block follows its label with nothing but blank lines and marks between."""
    if not label.pos < block.first <= label.pos + 6:
        return False
    return not any(label.pos < l.pos < block.first for l in labels) and \
        not any(label.pos < b.first < block.first for b in blocks)   # within 6 lines: rarely asked


# ------------------------------------------------------------------------------------- what bands leave

# Alignments tried per table before giving up (nothing is placed then). The readings that succeed on the
# corpus and the test documents take at most ~70; a table that exhausts this costs ~10 ms, not ~100.
MAX_NODES = 2000
MAX_BLOCKS = 400   # blocks one search places; each is a level of recursion


def _solve_rest(labels: list[LabelLine], placed: dict[int, list[Cell]], blocks: list[FigureBlock],
                ncols: int, all_blocks: list[FigureBlock]) -> dict[int, list[Cell]]:
    """The rows left without figures and the blocks left unused, aligned by every way the counts allow, and
    kept only where all those ways agree.

    Each block fills consecutive rows of one column, never across a heading or a placed row; the blocks of a
    column come in the order the rows do; same-size blocks of two rows or more that follow each other are
    columns left to right from the first, as in a band; every row gets a figure in every column, except that a run of rows between
    headings may get none ("Commitments and contingencies"); and the checks of a band hold (equal decimals
    across a row, a trailing `$` only before another column, totals that add up in all columns or none). A
    cell is placed when every alignment that meets all this prints the same figure there. With no such
    alignment, or too many to try, nothing is placed."""
    slots: list[LabelLine] = []
    barriers: set[int] = set()
    for lab in labels:
        if lab.heading or id(lab) in placed:
            barriers.add(len(slots))
            continue
        slots.append(lab)
    figures = sum(len(b) for b in blocks)
    if not slots or figures % ncols:
        return {}
    cuts = sorted(barriers | {0, len(slots)})
    segments = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
    # nothing of these may lie between a block and the next
    between = sorted([l.pos for l in labels] + [b.first for b in all_blocks])
    follows = [k > 0 and _run_on(blocks[k - 1], blocks[k], between) for k in range(len(blocks))]
    # a block whose run of same-size blocks began with blocks placed before: which column the run started
    # in is not known here, so the block does not start one at the first column
    previous = {id(b): a for a, b in zip(all_blocks, all_blocks[1:])}
    rest = {id(b) for b in blocks}
    joined = [id(b) in previous and id(previous[id(b)]) not in rest
              and _run_on(previous[id(b)], b, between) for b in blocks]
    # a run that is no whole number of bands (a figure of it was taken for a note mark, or a block split)
    # does not say where it starts either
    k = 0
    while k < len(blocks):
        end = k + 1
        while end < len(blocks) and follows[end]:
            end += 1
        if (end - k) % ncols:
            joined[k] = True
        k = end
    solutions: list[dict[int, tuple[int, int, int]]] = []   # slot -> (column, block, index) ... per column
    budget = [MAX_NODES]
    for chosen in _subsets(segments, figures // ncols):
        rows = [i for a, b in chosen for i in range(a, b)]
        sub_barriers = {n for n, i in enumerate(rows) if i in barriers or (n and rows[n - 1] != i - 1)}
        found = _search(blocks, len(rows), sub_barriers, ncols, follows, budget, joined)
        if found is None:
            return {}
        for grid in found:
            sub_slots = [slots[i] for i in rows]
            confirmed = _segment_totals(grid, blocks, sub_slots, sub_barriers, ncols)
            if _rows_hold(grid, blocks, len(rows), ncols) and confirmed is not None:
                solutions.append((confirmed, {(rows[n], col): kr for (n, col), kr in grid.items()}))
    if not solutions:
        return {}
    # totals that add up confirm an alignment: the ones that confirm the most are kept
    best = max(c for c, _sol in solutions)
    solutions = [sol for c, sol in solutions if c == best]
    out: dict[int, list[Cell]] = {}
    for i, lab in enumerate(slots):
        cells = []
        for col in range(ncols):
            if any((i, col) not in sol for sol in solutions):
                break
            seen = {blocks[k].figures[r][0]: (k, r) for k, r in (sol[(i, col)] for sol in solutions)}
            if len(seen) != 1:
                break   # the alignments disagree on this figure
            k, r = seen.popitem()[1]
            text, span, _t = blocks[k].figures[r]
            cells.append(Cell(text, col, span))
        if len(cells) == ncols:
            out[id(lab)] = cells
    return out


def _subsets(segments: list[tuple[int, int]], rows: int, limit: int = 256):
    """The choices of segments to fill whose rows add up to `rows`, the others left empty."""
    out: list[list[tuple[int, int]]] = []

    def walk(i: int, left: int, chosen: list):
        if len(out) >= limit or left < 0:
            return
        if i == len(segments):
            if left == 0:
                out.append(list(chosen))
            return
        a, b = segments[i]
        chosen.append((a, b))
        walk(i + 1, left - (b - a), chosen)
        chosen.pop()
        walk(i + 1, left, chosen)

    walk(0, rows, [])
    return out


def _run_on(before: FigureBlock, block: FigureBlock, between: list[int]) -> bool:
    """`block` continues a run of same-size blocks of two rows or more: nothing lies between them."""
    return len(block) == len(before) >= 2 and not any_between(between, before.last, block.first)


def _search(blocks: list[FigureBlock], nrows: int, barriers: set[int], ncols: int, follows: list[bool],
            budget: list[int], joined: Optional[list[bool]] = None
            ) -> Optional[list[dict[tuple[int, int], tuple[int, int]]]]:
    """Every tiling of `nrows` × `ncols` by the blocks in order; None when there are too many to try (or too
    many blocks: the search goes a call deeper per block, and Python's stack is not deep enough for
    thousands)."""
    if len(blocks) > MAX_BLOCKS:
        return None
    found: list[dict] = []
    ptr = [0] * ncols
    col_of = [0] * len(blocks)
    grid: dict[tuple[int, int], tuple[int, int]] = {}

    def fits(b: FigureBlock, col: int) -> bool:
        start = ptr[col]
        end = start + len(b)
        if end > nrows or any(i in barriers for i in range(start + 1, end)):
            return False
        return not (col == ncols - 1 and ncols > 1 and any(t for _f, _s, t in b.figures))

    def search(k: int) -> bool:
        budget[0] -= 1
        if budget[0] < 0:
            return False
        if k == len(blocks):
            if all(p == nrows for p in ptr):
                found.append(dict(grid))
            return True
        b = blocks[k]
        if follows[k]:
            cols = [(col_of[k - 1] + 1) % ncols]
        elif k + 1 < len(blocks) and follows[k + 1] and not (joined and joined[k]):
            cols = [0]          # a run of same-size blocks starts at the first column, as a band does
        else:
            cols = range(ncols)
        for col in cols:
            if not fits(b, col):
                continue
            start = ptr[col]
            for r in range(len(b)):
                grid[(start + r, col)] = (k, r)
            ptr[col] = start + len(b)
            col_of[k] = col
            ok = search(k + 1)
            ptr[col] = start
            for r in range(len(b)):
                del grid[(start + r, col)]
            if not ok:
                return False
        return True

    return found if search(0) else None


def _segment_totals(grid, blocks: list[FigureBlock], slots: list[LabelLine], barriers: set[int],
                    ncols: int) -> Optional[int]:
    """How many total figures of an alignment add up; None when a total adds up in one column and not in
    another."""
    cells_of = {}
    for i, lab in enumerate(slots):
        cells_of[id(lab)] = [Cell(blocks[k].figures[r][0], col) for col in range(ncols)
                             for k, r in [grid[(i, col)]]]
    cuts = sorted(barriers | {0, len(slots)})
    confirmed = 0
    for a, b in zip(cuts, cuts[1:]):
        n = totals_confirmed(slots[a:b], cells_of)
        if n is None:
            return None
        confirmed += n
    return confirmed


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
