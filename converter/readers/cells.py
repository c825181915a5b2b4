"""Tables printed one cell per line, as newswire copies of HTML tables come: a label line, then one line per
figure ("$" and a closing ")" sometimes on lines of their own), then the next label.

A row is a label followed by its figures. The column count is the commonest number of figures a label gets.
A figure group longer than that holds whole rows more: the first row is the label's, the rest wait as
orphans, and so do figures that follow a heading. Some tables print a label after its numbers; an orphan row
goes to the next label that has no figures of its own, and, at the end of a table, to the wrapped label
lines that close it.
"""
from __future__ import annotations

from collections import Counter, deque
from dataclasses import field
from typing import Optional, Union

import regex

from ..model import Cell, Paragraph, Row, Span, Table
from .headers import header_cells
from .tokens import AtEnd
from ..rulebook.regex_code import kept_regex
from ..dataclass_code import dataclass

_CONTINUATION_END = AtEnd(r"\b(?:of|to|for|and|or|the|on|in|from|related|with|by|a|an|before|after|"
                             r"including|excluding|than)$|[,&(/-]$", regex.I, 9)
# Headings whose rows include a result line: a per-share heading ("EARNINGS PER SHARE-Basic") titles the net
# income line under it, a bridge ("Reconciliation of net loss to Adjusted EBITDA:") starts from one, and a block
# of restated measures ("Non-GAAP financial measures:") holds its own net income
_KEEPS_RESULTS = kept_regex(r"\bper\s+(?:common\s+|ordinary\s+)?share\b|\bEPS\b|\breconcil|\bEBITDA\b|\badjusted\b"
                               r"|\bnon[\s-]?gaap\b|\bpro\s+forma\b", regex.I)
# A statement's result lines: each prints figures of its own, and none heads a section.
_RESULT = kept_regex(r"^(?:total\b|net\s+(?:\(?(?:income|loss|earnings)\)?\s*)+|(?:operating\s+)?(?:income|loss|earnings)"
                     r"(?:\s*\((?:loss|income)\))?\s+(?:from\s+operations|before)\b|operating\s+(?:income|loss)\b|"
                     r"gross\s+(?:profit|margin)\b)", regex.I)
# A line that prints no figures by custom: it takes none of a group's overflow rows.
_NO_FIGURES = kept_regex(r"^commitments\s+and\s+contingen", regex.I)
# A heading that continues the row above it: "NET LOSS" / "Attributable to:" / "Equity holders".
_CONTINUES_ROW = kept_regex(r"^(?:attributable\s+to|of\s+which)\b", regex.I)
# A subtotal of a whole statement section, printed at the section's own level ("Net cash used in operating
# activities" after the "Changes in operating assets and liabilities:" lines): it closes the heading above.
_OUTSIDE_SECTION = kept_regex(r"^net\s+(?:cash|increase|decrease|change)\b"
                                  # a result ("Net income (loss) attributable to Vornado") closes the heading
                                  # above it ("Less net loss (income) attributable to noncontrolling interests in:")
                                  r"|^net\s+(?:\((?:income|loss)\)\s+)?(?:income|loss|earnings)\b(?!.*\bper\b)"
                                  # so does the result of operations the expenses above it add up to
                                  r"|^(?:operating\s+(?:income|loss|profit|earnings)|(?:income|loss|earnings|profit)"
                                  r"(?:\s*\((?:income|loss|earnings|profit)\))?\s+from\s+operations)\b(?!.*\bper\b)",
                                  regex.I)


@dataclass
class Text:
    text: str
    span: Span

    @property
    def heading(self) -> bool:
        return self.text.rstrip().endswith(":")


@dataclass
class Figs:
    cells: list[tuple[str, Span]]


@dataclass
class Region:
    """One table as read so far: caption lines, header pieces, and labels and figure groups in order."""
    caption: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    seq: list[Union[Text, Figs]] = field(default_factory=list)
    start: int = 0
    end: int = 0

    @property
    def has_figures(self) -> bool:
        return any(isinstance(x, Figs) for x in self.seq)

    def add_text(self, t: Text) -> None:
        self.seq.append(t)
        self.end = max(self.end, t.span.end)

    def add_figures(self, cells: list[tuple[str, Span]]) -> None:
        if self.seq and isinstance(self.seq[-1], Figs):
            self.seq[-1].cells.extend(cells)
        else:
            self.seq.append(Figs(list(cells)))
        self.end = max(self.end, cells[-1][1].end)


def _joins(prev: Text, nxt: Text) -> bool:
    """Whether `nxt` is the wrapped second line of the label `prev`."""
    return wraps(prev.text) or nxt.text[:1].islower() and not prev.heading


def wraps(label: str) -> bool:
    """A label cut off mid-phrase ("Loss from Continuing Operations before", "Net (income"): it goes on
    in the next row's label."""
    return label.count("(") > label.count(")") or bool(_CONTINUATION_END.search(label))


def column_count(groups: list[int]) -> int:
    """The commonest figure-group length (the narrower on a tie: a wider group may be two rows)."""
    if not groups:
        return 0
    votes = Counter(groups)
    return max(votes, key=lambda n: (votes[n], -n))


def build_table(region: Region, final: str) -> tuple[Optional[Table], list[Text]]:
    """The table a region holds, and the label lines it left unclaimed at its end (a caption for what
    follows). `final` says what ended the region: "prose" lets the closing label lines claim an orphan row
    as one wrapped label."""
    seq = _join_wrapped(region.seq)
    groups = [len(x.cells) for x in seq if isinstance(x, Figs)]
    ncols = column_count(groups)
    if not ncols:
        return None, [x for x in seq if isinstance(x, Text)]
    rows: list[tuple[Text, Optional[list[tuple[str, Span]]]]] = []
    orphans: deque = deque()
    labels: list[Text] = []
    for n, x in enumerate(seq):
        if isinstance(x, Text):
            labels.append(x)
            continue
        if x is None:   # dropped with the group before it
            continue
        unpaired = _unpairable_runs(labels, seq, n, ncols)
        if unpaired:
            rows.extend(unpaired)
            orphans.clear()
            labels = []
            continue
        chunks = _chunks(x.cells, ncols)
        owner = labels[-1] if labels and not labels[-1].heading else None
        before = labels[:-1] if owner else labels
        # the labels printed right after the overflow rows, up to a heading, take them, one each
        waiting = []
        for lab in before:
            if lab.heading:
                break
            if not _NO_FIGURES.match(lab.text):
                waiting.append(lab)
        if len(orphans) != len(waiting):
            orphans.clear()   # more rows of figures than labels waiting for them, or fewer: whose is whose
                              # is unknown
        result_left = bool(before) and not orphans and not before[-1].heading and bool(_RESULT.match(before[-1].text))
        for lab in before:
            takes = orphans and lab in waiting
            rows.append((lab, orphans.popleft() if takes else None))
        orphans.clear()
        if owner is not None and result_left:
            # a result line ("Operating income (loss)") heads no section: left without figures right before a
            # label that has some, it may be theirs; neither takes them
            rows.append((owner, None))
            chunks = []
        elif owner is not None:
            rows.append((owner, chunks[0]))
            chunks = chunks[1:]
        orphans.extend(c for c in chunks if len(c) == ncols)
        labels = []
    left: list[Text] = []
    trailing = [t for t in labels if not t.heading]
    if orphans and trailing:
        if final == "prose" and len(orphans) == 1 and len(trailing) <= 3 and trailing == labels:
            text = " ".join(t.text for t in trailing)
            rows.append((Text(text, Span(trailing[0].span.start, trailing[-1].span.end)), orphans.popleft()))
            labels = []
        else:
            while labels and orphans and not labels[0].heading:
                rows.append((labels.pop(0), orphans.popleft()))
    left = labels
    if not any(cells for _t, cells in rows):
        return None, [t for t, _c in rows] + left
    header = header_cells(region.header, ncols)
    return Table(header, ncols, rows_from_drafts(rows, ncols), caption=list(region.caption),
                 span=Span(region.start, region.end)), left


def _unpairable_runs(labels: list[Text], seq: list, n: int, ncols: int) -> list[tuple[Text, None]]:
    """Labels of several rows, then figure groups of several rows with no label between ('Common stock',
    'Accumulated other comprehensive income', 32,829 31,580 (419) (562)): a reader gave labels and figures
    in runs, and nothing says which group is whose. Each label by its place (Intel's balance sheet) or the
    last label first (the rows above it headings) are both seen, and each misreads the other's tables, so the
    labels are kept without figures and the groups are dropped (marked taken in `seq`). Empty when that is
    not the shape."""
    last_heading = max((k for k, lab in enumerate(labels) if lab.heading), default=-1)
    if len(labels) - last_heading - 1 < 2:   # the row labels since the last heading ("Current assets:")
        return []
    end = n
    while end < len(seq) and isinstance(seq[end], Figs):
        end += 1
    cells = [c for k in range(n, end) for c in seq[k].cells]
    if len(cells) < 2 * ncols or len(cells) % ncols:
        return []
    for k in range(n + 1, end):
        seq[k] = None
    return [(lab, None) for lab in labels]


def _join_wrapped(seq: list) -> list:
    out: list = []
    for x in seq:
        if isinstance(x, Text) and out and isinstance(out[-1], Text) and _joins(out[-1], x):
            prev = out[-1]
            out[-1] = Text(f"{prev.text} {x.text}", Span(prev.span.start, x.span.end))
        else:
            out.append(x)
    return out


def _chunks(cells: list, ncols: int) -> list[list]:
    """A figure group as rows; one longer than a row that is no whole number of rows has lost or gained a
    figure somewhere (a header's date printed among the figures), and which figure is whose is unknown: it
    is one short or overlong row, which no column is guessed for."""
    if len(cells) > ncols and len(cells) % ncols == 0:
        return [cells[i:i + ncols] for i in range(0, len(cells), ncols)]
    return [cells]


def rows_from_drafts(drafts: list[tuple[Text, Optional[list]]], ncols: int) -> list[Row]:
    """Rows from labels and their figure groups, in column order; a short row's columns are not known, so
    none is guessed."""
    rows: list[tuple[str, Span, Optional[list[Cell]]]] = []
    for text, cells in drafts:
        if cells is None:
            rows.append((text.text, text.span, None))
        elif len(cells) != ncols:
            rows.append((text.text, text.span, []))
        else:
            rows.append((text.text, text.span, [Cell(t, i, sp) for i, (t, sp) in enumerate(cells)]))
    return section_rows(rows)


def section_rows(drafts: list[tuple[str, Span, Optional[list[Cell]]]]) -> list[Row]:
    """Rows with the headings they stand under, for layouts that show no indentation: a row without figures
    (`None`) is a heading for the rows below it until a total closes it; "Attributable to:" continues the row
    above it; a statement section's own subtotal ("Net cash used in operating activities") stands outside."""
    out: list[Row] = []
    section: tuple[str, ...] = ()
    last_label = ""
    for label, span, cells in drafts:
        if cells is None:
            if _CONTINUES_ROW.match(label) and last_label:
                section = (f"{last_label} {label}",)
            else:
                section = (label,)
            out.append(Row(label, [], section=(), span=span))
            continue
        if _OUTSIDE_SECTION.match(label) and not (section and _KEEPS_RESULTS.search(section[-1])):
            section = ()
        out.append(Row(label, cells, section=section, span=span))
        if not cells:
            continue
        last_label = label
        if label.lower().startswith("total") or not label.strip():   # a total, or one printed without its label
            section = ()
    return out


def paragraphs(texts: list[Text]) -> list[Paragraph]:
    return [Paragraph(t.text, t.span) for t in texts]
