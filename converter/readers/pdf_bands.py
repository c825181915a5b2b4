"""Label blocks matched to figure bands where the counts leave one reading, before anything is searched.

A PDF printer may break a table into many small text blocks, and the reader gives them in an order that is
only partly the table's: the labels of a few rows, the columns of their figures one block each, the next
labels, and so on, but also a column's first figures under its header pieces, or a total's figures before
its label. Two readings are trusted:

- Adjacent: a block of label lines followed at once (nothing but `$` marks between) by figure blocks that
  form bands (`ncols` same-size blocks in a row) whose sizes tile its segments (the runs of rows between its
  headings) exactly; bands left after the last segment wait for labels printed later (a total's).
- In order: what is left, label segments in reading order against bands in reading order (a run of
  same-size blocks cut into bands of `ncols`, even where labels come between its blocks), matched as long as
  each segment takes bands whose sizes add up to it; at the first segment that none fits, matching stops.
  Columns that come one after the other, each cut into the same blocks, give a band per block.

A heading in capitals alone ("OPERATING INCOME") may be a row, and a title-case label first in its block or
right under a heading ("Revenues:" / "Homebuilding" / "Home sale revenues") may be a group's title with no
figures, when a group of two rows or more follows it and does not start with a total: each way of reading
such labels is tried, and the one that places the most rows (then adds up the most totals) is kept, unless
readings that do as well disagree; as printed (capitals a heading, a title a row) where it does as well.
A band may then run on over a heading, whose empty cell has no line in a column's block.
Every band must hold (`band_holds`: equal decimals across a row, a trailing `$` never in the last column)
and the totals of a segment must add up in all columns or in none.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Optional

from ..model import Cell
from .pdf_model import FigureBlock, LabelLine, any_between, band_holds, same_run, totals_confirmed

Cells = dict[int, list[Cell]]


def label_blocks(labels: list[LabelLine]) -> list[list[LabelLine]]:
    """Runs of label lines that follow each other line by line (the reader printed them as one block)."""
    out: list[list[LabelLine]] = []
    for lab in labels:
        if out and lab.pos == out[-1][-1].last + 1:
            out[-1].append(lab)
        else:
            out.append([lab])
    return out


def segments(block: list[LabelLine], flipped: frozenset[int] = frozenset()) -> list[list[LabelLine]]:
    """The runs of row labels of a block between its headings; `flipped`: ids of labels read the other way
    (a soft heading read as a row, a title read as a heading)."""
    out: list[list[LabelLine]] = [[]]
    for lab in block:
        if lab.heading != (id(lab) in flipped):
            out.append([])
        else:
            out[-1].append(lab)
    return [s for s in out if s]


MAX_SOFT = 6
_CONNECTORS = frozenset(("and", "of", "the", "&", "in", "for", "from", "to"))


def is_title(text: str) -> bool:
    """A group title's words: capitalised words without figures ("Homebuilding", "Assets", "Product
    Sales"), not a total."""
    words = text.split()
    return 0 < len(text) <= 40 and not any(ch.isdigit() or ch in "$,:()%" for ch in text) and \
        words[0] not in ("Total", "Net") and \
        all(w[:1].isupper() or w in _CONNECTORS for w in words) and words[0][:1].isupper()


def titles(labels: list[LabelLine]) -> list[int]:
    """The ids of row labels that may be group titles with no figures ("Revenues:" / "Homebuilding" /
    "Home sale revenues"): a title's words, first in its block of labels or right under a heading, and a
    group under it: two row labels or more before the next heading, the first of them not a total (a
    total under a title would have nothing to add up)."""
    out = []
    for block in label_blocks(labels):
        for i, lab in enumerate(block):
            if lab.heading or (i and not block[i - 1].heading) or not is_title(lab.text):
                continue
            group = next((block[i + 1:k] for k in range(i + 1, len(block)) if block[k].heading), block[i + 1:])
            if len(group) >= 2 and not group[0].text.lower().startswith("total"):
                out.append(id(lab))
    return out


def readings(labels: list[LabelLine]) -> list[frozenset[int]]:
    """The ways to read the labels that may go either way (a heading by its capitals alone may be a row
    printed in capitals, a title may head a group with no figures of its own): the ids read the other way,
    the way they were printed first. Too many of them: that one way."""
    either = [id(lab) for lab in labels if lab.soft] + titles(labels)
    if len(either) > MAX_SOFT:
        return [frozenset()]
    out = [frozenset()]
    for mask in range(1, 1 << len(either)):
        out.append(frozenset(s for k, s in enumerate(either) if mask >> k & 1))
    return out


def best_reading(labels: list[LabelLine], bands: list[list[FigureBlock]], whole: bool) -> tuple[Cells, list]:
    """`tile` under every reading of the soft headings: the reading that places the most rows, then the one
    whose totals add up the most; all headings when it does as well. Readings that tie with different
    figures leave it undecided: then all headings. Bands run on over headings only after that, under the
    reading chosen, and only to place more rows where it stopped: a guess that a heading has no figures
    must not overrule a reading that needs none."""
    results = []
    blocks = label_blocks(labels)
    for flipped in readings(labels):
        segs = [s for block in blocks for s in segments(block, flipped)]
        cells, used, confirmed, stuck = tile(segs, bands, whole, run_on=False)
        results.append(((len(cells), confirmed), cells, used, segs, stuck))
    top = max(r[0] for r in results)
    best = [r for r in results if r[0] == top]
    if results[0][0] == top or any(_figures(r[1]) != _figures(best[0][1]) for r in best[1:]):
        best = results
    _key, cells, used, segs, stuck = best[0]
    if not stuck:
        return cells, used   # running on would tile the same
    more, more_used, _confirmed, _stuck = tile(segs, bands, whole, run_on=True)
    if len(more) > len(cells) and {k: f for k, f in _figures(more).items() if k in cells} == _figures(cells):
        return more, more_used
    return cells, used


def _figures(cells: Cells) -> dict[int, list[str]]:
    return {k: [c.text for c in v] for k, v in cells.items()}


def cut_bands(run: list[FigureBlock], ncols: int) -> Optional[list[list[FigureBlock]]]:
    """Consecutive blocks cut into bands of `ncols` same-size blocks; None when they do not cut evenly."""
    bands: list[list[FigureBlock]] = []
    i = 0
    while i < len(run):
        j = i
        while j < len(run) and same_run(run[i], run[j]):
            j += 1
        if (j - i) % ncols or not rows_first(run[i:j], ncols):
            return None
        bands.extend(run[k:k + ncols] for k in range(i, j, ncols))
        i = j
    return bands


def rows_first(run: list[FigureBlock], ncols: int) -> bool:
    """Whether lone figures in a run longer than a row read across, row by row: not when a `$` printed
    under one of them belongs to the next figure of its column ("333,047 / $ / 749,618")."""
    return len(run) <= ncols or len(run[0]) > 1 or not any(b.mark_after for b in run[:-1])


def tile(segs: list[list[LabelLine]], bands: list[list[FigureBlock]], whole: bool,
         run_on: bool = False) -> tuple[Cells, list[list[FigureBlock]], int, bool]:
    """Segments filled in order by the bands in order; bands left over are left for other labels. `run_on`:
    a band longer than what is left of a segment runs on over the heading into the next (a column's block
    of figures has no line for a heading's empty cell). `whole`: every segment must be filled, or none is;
    otherwise matching stops at the first segment that no run of bands fits. Also returned, so that a
    caller need not count again: how many totals of the filled segments add up (`totals_confirmed`), and
    whether matching stopped where bands ran past a segment with another after it (only then could
    `run_on` tile more)."""
    cells: Cells = {}
    used: list[list[FigureBlock]] = []
    confirmed = 0
    bi = si = 0
    while si < len(segs):
        last, rows_of = si, list(segs[si])
        total, j = 0, bi
        while True:
            while j < len(bands) and total < len(rows_of):
                total += len(bands[j][0])
                j += 1
            if not run_on or total <= len(rows_of) or last + 1 >= len(segs):
                break
            last += 1
            rows_of += segs[last]
        if total != len(rows_of) or not all(band_holds(b) for b in bands[bi:j]):
            stuck = total > len(rows_of) and last + 1 < len(segs)
            break
        rows: Cells = {}
        row = 0
        for band in bands[bi:j]:
            for r in range(len(band[0])):
                rows[id(rows_of[row])] = [Cell(blk.figures[r][0], col, blk.figures[r][1]) for col, blk in enumerate(band)]
                row += 1
        counts = [totals_confirmed(seg, rows) for seg in segs[si:last + 1]]
        if None in counts:
            stuck = False
            break
        cells.update(rows)
        used.extend(bands[bi:j])
        confirmed += sum(counts)
        bi, si = j, last + 1
    else:
        return cells, used, confirmed, False
    return ({}, [], 0, stuck) if whole else (cells, used, confirmed, stuck)


def match_adjacent(labels: list[LabelLine], blocks: list[FigureBlock], ncols: int,
                   start: int = 0) -> tuple[Cells, set[int]]:
    """Label blocks whose following figure blocks tile them exactly; and the ids of the blocks used. Label
    blocks with no figures between them ("Revenue: ..." then "Cost of revenue: ...") are tiled together,
    unless the table's header (at offset `start`) comes between: labels before it are another table's."""
    cells: Cells = {}
    used: set[int] = set()
    positions = sorted(lab.pos for lab in labels)
    # the blocks by their first line, so that each look-up below is a bisection, not a pass over them all
    # (a long text of alternating labels and figures took minutes); `run` keeps the blocks' own order
    order = sorted(range(len(blocks)), key=lambda k: blocks[k].first)
    firsts = [blocks[k].first for k in order]
    stretches: list[list[LabelLine]] = []
    for block in label_blocks(labels):
        prev_last = stretches[-1][-1].last if stretches else 0
        k = bisect_right(firsts, prev_last)
        figures_between = k < len(firsts) and firsts[k] < block[0].pos
        if stretches and not figures_between and \
                not stretches[-1][-1].span.start < start <= block[0].span.start:
            stretches[-1].extend(block)
        else:
            stretches.append(list(block))
    for stretch in stretches:
        end = stretch[-1].last
        p = bisect_right(positions, end)
        after = positions[p] if p < len(positions) else None
        lo, hi = bisect_right(firsts, end), (bisect_left(firsts, after) if after is not None else len(firsts))
        run = [blocks[k] for k in sorted(order[lo:hi])]
        bands = cut_bands(run, ncols) if run else None
        if not bands:
            continue
        got, bands_used = best_reading(stretch, bands, whole=True)
        cells.update(got)
        used.update(id(b) for band in bands_used for b in band)
    return cells, used


def match_in_order(labels: list[LabelLine], blocks: list[FigureBlock], ncols: int) -> tuple[Cells, set[int]]:
    """The segments of `labels` against the runs of `blocks`, in reading order, up to the first misfit."""
    bands: list[list[FigureBlock]] = []
    label_pos = sorted(lab.pos for lab in labels)
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and same_run(blocks[i], blocks[j]):
            j += 1
        if (j - i) % ncols == 0 and rows_first(blocks[i:j], ncols):
            bands.extend(blocks[k:k + ncols] for k in range(i, j, ncols))
            i = j
            continue
        period = column_period(blocks[i:], ncols, label_pos)
        if period is None:
            break           # a run that is not whole bands: which block is which column is unknown
        bands.extend([blocks[i + g * period + k] for g in range(ncols)] for k in range(period))
        i += period * ncols
    cells, used = best_reading(labels, bands, whole=False)
    return cells, {id(b) for band in used for b in band}


def column_period(blocks: list[FigureBlock], ncols: int, label_pos: list[int]) -> Optional[int]:
    """How many blocks each column takes where the columns come one after the other, each cut into the same
    blocks ("12 figures, 6 figures" for the first column, then "12, 6" for the second): the k-th block of
    every column is then one band. None when the blocks do not repeat so, block for block and kind for kind,
    or when labels come among them (the reader then mixed rows and columns: the order is not the table's).
    `label_pos` is sorted."""
    uniform = True      # blocks[:period] all of one size, carried from one period to the next
    for period in range(2, len(blocks) // ncols + 1):   # (no copy of blocks[:period] for each: quadratic)
        uniform = uniform and len(blocks[period - 1]) == len(blocks[0])
        if uniform:
            continue        # same-size blocks in a row are bands read across, not one column's pieces
        if any_between(label_pos, blocks[0].first, blocks[period * ncols - 1].last):
            return None
        if all(same_run(blocks[k], blocks[g * period + k]) for g in range(1, ncols) for k in range(period)):
            return period
    return None
