"""Where the tables of fixed-width text lie: each segment runs from a header block (or a first row) to its
last row, ending at prose, a new header block or the page's end, with the title lines set above it; and
whether rows that start a page go on with the table the page before ended. Labels wrap over several lines,
which these tests count as one, so when a line goes on with the label above it is decided here too (the
table's rows use the same tests, fixed_table.py)."""
from __future__ import annotations

from dataclasses import field
from typing import Optional

from .tokens import AtEnd
from .fixed_header import chunks as _chunks, is_column_words as _is_column_words
from .fixed_lines import Line, is_text_table_line
from .fixed_header_runs import DAY_NUMBER
from ..rulebook.regex_code import kept_regex
from ..dataclass_code import dataclass

_SENTENCE_BREAK = kept_regex(r"[a-z]{3,}\. [A-Z]")
# a label that ends with a company's name ("... attributable to Pfizer Inc."): its full stop ends no sentence
_NAME_END = AtEnd(r"\b(?:Inc|Corp|Co|Ltd|L\.P|LLC|N\.V|S\.A|plc|Bancorp|Holdings)\.$", 0, 9)
_CONTINUES = AtEnd(r"(?i)\b(?:of|to|for|and|or|the|on|in|from|related|with|by|a|an|net)$|[,&(-]$", 0, 7)
_COMMA_NET = kept_regex(r"(?i),\s*net$")
# words no label ends with: a row whose label stops at one goes on in the line under its figures
_BROKEN_OFF = AtEnd(r"(?i)\b(?:before|after|of|and|from|to|for|excluding|including|less|per)$", 0, 9)
MAX_INSIDE = 6       # label-only lines a table may hold between two rows


@dataclass
class Segment:
    first: int                    # first line (header or row)
    last: int                     # last row line
    head_end: int                 # lines [first, head_end) are the header block
    caption_lines: list[Line] = field(default_factory=list)


# A company's name or a statement's title set apart (a blank line above) between rows starts another table ("MARTIN MARIETTA MATERIALS, INC.",
# "Reconciliation of the GAAP Measure to ..."), where a heading in capitals ("ASSETS") does not
_COMPANY = kept_regex(r"(?i)^[\w.,&'’ -]{2,60}?,?\s+(?:inc|corp(?:oration)?|ltd|limited|llc|plc|co|n\.v|s\.a|l\.p)\.?"
                         r"(?:\s+and\s+subsidiaries)?$")
_STATEMENT_TITLE = kept_regex(r"(?i)^(?:(?:condensed|consolidated|unaudited|interim|selected)\s+)*(?:statements?\s+of\b"
                                 r"|balance\s+sheets?\b|reconciliations?\s+of\b|non-gaap\s+financial\s+measures\b)")


# a note of the money's scale on a line of its own ("(Dollars in millions)"): a table under a scale of its own
# starts there, whatever title above it went unrecognised (its rows read at the table above's scale were a
# thousand times off)
MONEY_NOTE = kept_regex(r"(?i)^\(?\s*(?:(?:u\.?s\.?\s+)?dollars|amounts|\$|€|£)?\s*(?:are\s+)?in\s+(?:thousands|millions|billions)"
                         r"(?!\s+of\s+shares)[^)]{0,60}\)?$|^\(\s*(?:\$|€|£)\s*(?:thousands|millions|billions)\s*\)$")


def _new_title(ln: Line) -> bool:
    words = [w for w in ln.label.split() if w.lower() not in ("and", "of", "&")]
    named = bool(_COMPANY.match(ln.label)) and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return named or bool(_STATEMENT_TITLE.match(ln.label))


def _prose_like(ln: Line) -> bool:
    """A line of a paragraph rather than a title, a note or a heading: long, or a sentence."""
    t = ln.label
    if is_text_table_line(ln.raw) or t.startswith("("):
        return False
    return len(t) >= 120 or bool(_SENTENCE_BREAK.search(t)) or (
        t.endswith((".", "?", "!")) and len(t.split()) >= 8 and not _NAME_END.search(t))


def _continues_prose(prev: Line, ln: Line) -> bool:
    """`ln` is the last line of a wrapped paragraph: one piece, starting where the sentence above it starts."""
    return prev.kind == "text" and ln.indent == prev.indent and len(_chunks(ln.raw)) == 1 and (
        _prose_like(prev) or len(prev.label.split()) >= 8)


def table_segments(lines: list[Line]) -> list[Segment]:
    segs: list[Segment] = []
    margins = _label_margins(lines)
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind == "head" and i > 0 and _continues_prose(lines[i - 1], ln):
            i += 1   # "December 31, 1998." closing a paragraph of prose is not a column header
            continue
        if ln.kind == "head":
            first_row = _row_after_header(lines, i, margins(ln.page))
            if first_row is None:
                i += 1
                continue
            head_end = i
            while head_end < first_row and (lines[head_end].kind in ("head", "blank")
                                             or _header_text(lines, head_end, first_row)
                                             or _note_wrapped_into(lines, head_end, first_row)):
                head_end += 1
            top = i
            while top - 1 > (segs[-1].last if segs else -1) and _stacked_word_line(lines, top - 1, first_row):
                top -= 1   # "Three" over "Months" over "Ended": the stack's first words are header too
            top = _header_before_break(lines, top, first_row, segs[-1].last if segs else -1)
            seg = Segment(top, first_row, head_end)
        elif ln.kind == "row":
            # the lines of a label wrapped above its figures belong to the row, and so does a heading right
            # above them ("Liabilities:" atop a page the statement runs onto)
            # (a heading may end the page before: "Weighted average shares outstanding:" / page break / "Basic")
            start = i
            while start - 1 > (segs[-1].last if segs else -1) and lines[start - 1].kind == "text" and (
                    lines[start - 1].page == lines[start].page
                    and carries_on(lines[start - 1].label, lines[start].label,
                                    lines[start + 1].label if start < i else "")
                    or lines[start - 1].label.endswith(":") and lines[start - 1].page >= ln.page - 1):
                start -= 1
            seg = Segment(start, i, start)
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
            elif cur.kind == "head" and (nxt := _row_after_header(lines, j, margins(cur.page))) is not None \
                    and not _left_of_figures(cur, lines[nxt]):
                break
            elif cur.kind in ("text", "head"):
                if _prose_like(cur) or (lines[j - 1].kind == "blank" and _new_title(cur)) \
                        or MONEY_NOTE.match(cur.label):
                    break
                inside += not _wraps_on(lines, j)
                if inside > MAX_INSIDE:
                    break
            j += 1
        # a label wrapped below the figures of the last row
        while seg.last + 1 < len(lines) and lines[seg.last + 1].kind == "text" and lines[seg.last + 1].indent > 0 \
                and wrapped_below(lines[seg.last].label, lines[seg.last + 1].label):
            seg.last += 1
        seg.caption_lines = _caption_before(lines, seg.first, segs[-1].last if segs else -1)
        segs.append(seg)
        i = seg.last + 1
    return segs


_PAGE_ROWS = 6   # labelled rows a page needs for a margin of its own


def _label_margins(lines: list[Line]):
    """Where row labels start, page by page: the median indent of the labelled rows of the page, or of the
    whole text where a page has few. A word processor sets labels right in a narrow column, and their indents
    differ from page to page: the whole text's median, moved by pages of narrow labels further on, put a
    balance sheet's rows far right of it, as header lines."""
    def median(indents: list[int]) -> int:
        indents.sort()
        return indents[len(indents) // 2] if indents else 0
    by_page: dict[int, list[int]] = {}
    for ln in lines:
        if ln.kind == "row" and ln.label:
            by_page.setdefault(ln.page, []).append(ln.indent)
    whole = median([i for page in by_page.values() for i in page])
    own = {page: median(indents) for page, indents in by_page.items() if len(indents) >= _PAGE_ROWS}
    return lambda page: own.get(page, whole)


FAR = 20   # a line that starts this far right of the row labels' margin lies over the columns


def _row_after_header(lines: list[Line], i: int, margin: int) -> Optional[int]:
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


def _wraps_on(lines: list[Line], j: int) -> bool:
    """A text line that carries on the label above it ("Fixed maturity" / "securities, available for" /
    "sale"): a narrow label column wraps one label over several lines, which count as one label."""
    ln, above = lines[j], lines[j - 1] if j > 0 else None
    return above is not None and above.kind == "text" and bool(ln.label) and carries_on(above.label, ln.label)


def carries_on(above: str, text: str, after: str = "") -> bool:
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


def wrapped_below(row_label: str, text: str) -> bool:
    """Whether the label-only line `text` under a row's figures goes on with the row's label: it starts in
    lower case, or the label stops at a word no label ends with ("INCOME BEFORE" / "INCOME TAXES")."""
    return text[:1].islower() or bool(_BROKEN_OFF.search(row_label))


def _left_of_figures(ln: Line, row: Line) -> bool:
    """A line that ends before the figures of the row after it begin is a label ("Total" over "revenues",
    wrapped around the figures), not a header: a header stands over the figures."""
    return bool(row.tail) and ln.indent + len(ln.raw.strip()) < min(t.start for t in row.tail)


def _header_text(lines: list[Line], j: int, first_row: int) -> bool:
    """A text line inside the header block (before the first row) that lies over the columns ("GAAP",
    "Actual") rather than at the left where headings are."""
    ln = lines[j]
    row = lines[first_row]
    left = min(t.start for t in row.tail)
    if ln.kind == "text" and ln.indent > row.indent and _DAYS.match(ln.raw):
        return True   # "31," alone under each "Ended December" of a narrow column: the header's dates go on
    return ln.kind in ("text", "row") and ln.indent >= left - 10


def _note_wrapped_into(lines: list[Line], j: int, first_row: int) -> bool:
    """A note at the labels' margin wrapped into the header, its close on the header's last line ("(In
    thousands, except per share" / "amounts)    2024    2023"): the header goes on under it."""
    ln, nxt = lines[j], lines[j + 1]
    opened = ln.kind == "text" and ln.label.startswith("(") and ")" not in ln.label
    closes = next(iter(_chunks(nxt.raw)), (0, 0, ""))[2]
    return opened and j + 1 < first_row and nxt.kind == "head" and closes.endswith(")") and "(" not in closes


_DAYS = kept_regex(rf"^\s*(?:{DAY_NUMBER},\s*)+$")   # days run under their months, a line of their own


def _header_before_break(lines: list[Line], top: int, first_row: int, floor: int) -> int:
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


def _stacked_word_line(lines: list[Line], j: int, first_row: int) -> bool:
    """A line of short column words right above a header line, over the columns: the top of a header whose
    words stack over several lines ("Three        Three        Six")."""
    ln, below = lines[j], lines[j + 1]
    return (ln.kind == "text" and ln.page == below.page and _header_text(lines, j, first_row)
            and all(_is_column_words(c) for _s, _e, c in _chunks(ln.raw)) and not _prose_like(ln))


def _caption_before(lines: list[Line], first: int, floor: int) -> list[Line]:
    out: list[Line] = []
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


def continues(lines: list[Line], last: int, first: int, above: list[Line] = ()) -> Optional[list[str]]:
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
    title = "".join("".join(c.raw.split()) for c in above).lower()
    if any(MONEY_NOTE.match(l.label) and "".join(l.raw.split()).lower() not in title for l in between):
        return None   # a scale the table's own title does not print: another table ("(Dollars in millions)")
    # headings under the last row, on its page ("LIABILITIES, REDEEMABLE" / "NONCONTROLLING" / page /
    # "INTERESTS AND EQUITY"), are the table's own; a title there starts another table
    ends_page = [l for l in between if l.page == lines[last].page]
    if any(_new_title(l) for l in ends_page):
        return None
    between = between[len(ends_page):]
    if title and between and "".join("".join(l.raw.split()) for l in between).lower() in title:
        return []   # the title printed again, its last line in lower case ("... BALANCE SHEETS (in" / "thousands)")
    carried: list[str] = []
    while between and between[-1].label[:1].islower() and between[-1].page == row_page:
        carried.insert(0, between.pop().label)
    if len(between) <= 3:
        return carried
    return carried if title and all("".join(l.raw.split()).lower() in title for l in between) else None
