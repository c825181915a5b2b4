"""What the fixed-width reader blanks before it reads any table: a figure a narrow cell broke over two lines
(read as printed, the row would take the stray digits under it for its value) and a page number alone at the
top or bottom of a page (read as printed, a row of one figure)."""
from __future__ import annotations

from .fixed_lines import Line
from ..rulebook.regex_code import kept_regex

# a figure whose last group of thousands is cut short ("11,84"): a narrow cell broke it, its last digits on the
# line under it ("0", where the row's label stands)
_CUT_SHORT = kept_regex(r"(?<![\d,.])\d{1,3}(?:,\d{3})*,\d{1,2}(?![\d,.])")
CUT_SHORT_END = kept_regex(r",\d\d?(?![\d,.])")   # how every such figure ends: a literal to look for first
_DIGITS_RUN = kept_regex(r"(?<![\d,.])\d{1,2}(?![\d,.%])")
_DIGIT = kept_regex(r"\d")


def drop_broken_figures(lines: list[Line]) -> None:
    """A figure a narrow cell broke over two lines ("11,84" over "0", or "-26,32" over "5" where the cell is
    set left) is blanked in both, its sign too: read as printed, the row took "0" as its value (or the sign
    alone as a nil). Which digits make the figure the layout does not say for sure, so neither part is read.
    The row's label may stand on a line of its own between the parts ("109,29" / "TOTAL ASSETS" / "$ 7")."""
    for i, above in enumerate(lines[:-1]):
        if "," not in above.raw:
            continue
        for m in list(_CUT_SHORT.finditer(above.raw)):
            # the rest under the figure's end (a cell set right) or under its start, sign and all (set left), on
            # the next line or, where that holds none there (a label wrapped between), the one after
            start = m.start() - (above.raw[m.start() - 1:m.start()] in ("-", "("))
            for below in lines[i + 1:i + 3]:
                rest = [d for d in _DIGITS_RUN.finditer(below.raw)
                        if d.start() < m.end() + 1 and d.end() > m.end() - 3 or abs(d.start() - start) <= 1]
                if rest:
                    break
            if len(rest) == 1:
                d = rest[0]
                above.raw = above.raw[:start] + " " * (m.end() - start) + above.raw[m.end():]   # its sign too
                below.raw = below.raw[:d.start()] + " " * (d.end() - d.start()) + below.raw[d.end():]


# a minus sign standing alone as a cell, and a line that prints figures only (no label before them)
_LONE_MINUS = kept_regex(r"(?<!\S)-(?!\S)")
_FIGURES_ONLY = kept_regex(r"^\s*[$(]?\s*\d[\d,.]*\)?(?:\s+[$(]?\s*\d[\d,.]*\)?)*\s*$")
_FIGURE = kept_regex(r"\d[\d,.]*")
MINUS_SLACK = 2   # characters: where a wrapped figure starts against the sign left above it


def drop_broken_minus(lines: list[Line]) -> None:
    """A negative figure a narrow cell broke after its minus sign ("–" over "17,820", as a word processor
    wraps a dash's line) is blanked in both parts: read as printed, the sign alone was a nil, the row's value 0.
    The figure's digits start under the sign, on a line of figures only."""
    for i, above in enumerate(lines[:-1]):
        if "-" not in above.raw:   # every dash reads "-" by now (normalize)
            continue
        below = lines[i + 1]
        if not below.raw.strip() and i + 2 < len(lines):
            below = lines[i + 2]
        if not _FIGURES_ONLY.match(below.raw):
            continue
        for m in list(_LONE_MINUS.finditer(above.raw)):
            figure = next((d for d in _FIGURE.finditer(below.raw) if abs(d.start() - m.start()) <= MINUS_SLACK), None)
            if figure is not None:
                above.raw = above.raw[:m.start()] + " " + above.raw[m.end():]
                below.raw = below.raw[:figure.start()] + " " * (figure.end() - figure.start()) + below.raw[figure.end():]


def drop_page_numbers(lines: list[Line]) -> None:
    """A bare number alone on the last or first line of a page is its page number."""
    for i, ln in enumerate(lines):
        if ln.kind != "row" or ln.label or len(ln.tail) != 1 or not ln.tail[0].text.isdigit():
            continue
        before = next((l for l in reversed(lines[:i]) if l.kind != "blank"), None)
        after = next((l for l in lines[i + 1:] if l.kind != "blank"), None)
        if (after is None or after.page != ln.page) or (before is None or before.page != ln.page):
            ln.kind = "blank"


# an amount in parentheses whose ")" the page's edge cut off ("(8,275"), its digits whole: grouped by threes,
# which a digit cut off would break ("(984" may have been "(9,841)": left unread)
_OPEN_AMOUNT = kept_regex(r"\(\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_WHOLE_FIGURE = kept_regex(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?$|(?<![\d,.])\d+\.\d+\)?$")
_FIGURE_END = kept_regex(r"\S+")
_GROUPED = kept_regex(r"(?<![\w.,])\d{1,3}(?:,\d{3})+")
ALIGNED_NEAR = 20   # lines: how far up or down the figures it lines up with are looked for
ALIGNED_MIN = 2     # whole figures of the same column that end where its digits end


def close_cut_figures(lines: list[Line]) -> None:
    """A negative amount last on its line whose ")" fell past the page's edge ("Loss from operations ...
    (8,275") is closed where its digits end where whole figures of its column end, a line or a few away: its
    digits are all there (the column's other figures end at that edge too), only the parenthesis was cut.
    Otherwise it stays unread (fixed_lines.classify): which digits the edge took, nothing says."""
    cut = {}
    for i, ln in enumerate(lines):
        raw = ln.raw.rstrip()
        if raw[-1:].isdigit() and "(" in raw[-16:]:   # most lines end otherwise: looked at no further
            m = _OPEN_AMOUNT.search(raw, max(0, len(raw) - 24))
            if m is not None and raw[:m.start()].endswith("  "):   # after words, "(4,137" opens an aside
                cut[i] = (raw, m)
    if not cut:
        return
    ends: dict[int, list[int]] = {}   # line -> where each whole figure on it ends (its digits' end)
    near = {j for i in cut for j in range(max(0, i - ALIGNED_NEAR), min(len(lines), i + ALIGNED_NEAR + 1))}
    for j in near:
        raw = lines[j].raw.rstrip()
        for m in _FIGURE_END.finditer(raw):
            text = m.group(0)
            if m.end() == len(raw) and _OPEN_AMOUNT.fullmatch(text):
                continue   # another cut amount is no evidence of where whole figures end
            if _WHOLE_FIGURE.search(text):
                ends.setdefault(j, []).append(m.end() - text.endswith(")"))
    for i, (raw, m) in cut.items():
        ln, end = lines[i], m.end()
        aligned = sum(1 for j in range(max(0, i - ALIGNED_NEAR), min(len(lines), i + ALIGNED_NEAR + 1))
                      if j != i and lines[j].page == ln.page and any(abs(e - end) <= 1 for e in ends.get(j, ())))
        # a column the edge cut at a comma cuts its whole figures there too ("(7,889" of "(7,889,312)" beside
        # "41,234" of "41,234,567"): the row's other figures, grouped in more threes, say digits are gone
        groups = m.group(0).count(",")
        if aligned >= ALIGNED_MIN and all(t.count(",") <= groups for t in _GROUPED.findall(raw[:m.start()])):
            ln.raw = raw + ")"


