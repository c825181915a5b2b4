"""The header of a fixed-width table: which columns each piece of its header lines heads. A piece covers the
columns it stands over; a title alone on its line, every column; a line of years marks the groups its
lines of lengths or dates title (fixed_groups.py; fixed_table.py reads the rest of the table)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import regex

from ..engine.dates import MONTH_RE
from ..engine.header_tokens import GLUED_MONTH
from ..engine.scale import find_scale
from ..model import HeaderCell
from .fixed_groups import (BARE_YEAR, GROUP_WORDS, LENGTH_WORD, MONTH, YEAR, across_year_runs, dated_groups,
                           group_by_date_runs, group_by_quarter_runs, group_by_year_runs)
from .tokens import is_period_header
from .fixed_header_runs import days_under_months, lengths_apart, title_off_its_year
from ..rulebook.regex_code import kept_regex

if TYPE_CHECKING:
    from .fixed_columns import Column as _Column
    from .fixed_lines import Line

_CHUNK = kept_regex(r"\S+(?: \S+)*")           # words separated by single spaces
_COLUMN_WORDS = kept_regex(r"(?i)^(?:low|high|minimum|maximum|actual|total|change|%\s*change|variance|"
                              r"gaap|non-gaap|as\s+reported|as\s+adjusted|pro\s+forma|unaudited|audited)$")


# a date's year run into the next date's month: "December 31, 2024December 31, 2023", two cells printed with no
# space between them (a PDF that sets each right against the next), or one ("Dec 31, 2024 Dec 31, 2023" on
# a narrow page); so "Q4 2024Q4 2023", "FY2024FY2023" and
# "December 31,December 31,"; and a day's comma one space from the next month ("Sept. 30, June 30," on a narrow
# page), which no one date prints
_RUN_ON_DATE = kept_regex(rf"(?<=(?<!\d)(?:19|20)\d\d)(?=(?:{MONTH_RE})\b|Q[1-4]\b|FY)|(?<=\b\d\d?, ?)(?=(?:{MONTH_RE})\b)"
                          rf"|(?<=(?<!\d)(?:19|20)\d\d )(?=(?:{MONTH_RE})\.? \d\d?\b)", regex.I)


# two years run together ("20242023"): two header cells set right against each other, as two dates can be
_RUN_ON_YEARS = kept_regex(r"(?<![\d,.])((?:19|20)\d\d)((?:19|20)\d\d)(?![\d,.])")


def chunks(raw: str) -> list[tuple[int, int, str]]:
    """Runs of words one space apart, each with where it starts and ends; dates run together are two, and
    so are two years a year or a few apart."""
    out = []
    for m in _CHUNK.finditer(raw):
        start = m.start()
        cuts = [c.start() for c in _RUN_ON_DATE.finditer(raw, m.start(), m.end())]
        cuts += [y.start(2) for y in _RUN_ON_YEARS.finditer(raw, m.start(), m.end())
                 if abs(int(y.group(1)) - int(y.group(2))) <= 5]
        for cut in sorted(cuts) + [m.end()]:
            end = cut - (raw[cut - 1] == " ")
            out.append((start, end, GLUED_MONTH.sub(" ", raw[start:end])))   # "EndedDecember 31,": a word run into its month
            start = cut
    return out


def _is_note(text: str) -> bool:
    """What stands left of the figures and is no column's name: a note ("($ in millions)", "Amounts in 000's"),
    or a day run under its month ("31,")."""
    return text[:1] in "(0123456789" or find_scale([text]) is not None


# a footnote's mark after a column's name ("Low *", "High †", "2025 (1)")
_FOOTNOTE_MARK = kept_regex(r"\s*(?:\*+|[†‡§]|\(\d\))$")


def is_header_piece(text: str) -> bool:
    t = _FOOTNOTE_MARK.sub("", text.strip())
    return is_period_header(t) or bool(_COLUMN_WORDS.match(t))


def is_column_words(text: str) -> bool:
    """A few words that can head a column beside period words ("Increase", "% of Revenues"); not an amount
    of money, nor a lone word that only joins a sentence: prose spaced out by justification ("Book  value
    per  share  increased  to  $31.42  at  June  30,  1999") is not a header."""
    return len(text) <= 25 and len(text.split()) <= 3 and not _SENTENCE_PIECE.search(text)


_SENTENCE_PIECE = kept_regex(r"[.;:]$|\$\s?\d|^(?:to|at|from|of|the|and|or|in|on|for|with|by|a|an|as|was|were|is|"
                             r"are|compared|increased|decreased|rose|fell)$", regex.I)


def header(head: list[Line], cols: list[_Column], zone: int, margin: int, contested: Optional[list[int]] = None
           ) -> tuple[list[HeaderCell], list[str]]:
    """Header cells with the columns each covers. A piece covers the columns it stands over; a piece alone
    on its line ("Three Months Ended") covers every column, the way a title centred over the figures reads,
    and a piece over two columns or more also the free columns nearer to it than to any other piece.
    A piece that ends in a hyphen continues in the piece under it ("Non-" over "GAAP"). Pieces left of the
    columns are the table's caption ("(In millions)") unless they are period words standing clear of the
    labels' margin. A line of as many bare years as columns heads them in order, wherever the printer set
    them. `contested` receives the columns the header contradicts itself on: what a length title claims
    against the groups the line of years marks (_across_year_runs), or every column when a length title
    stands over none and nearest none."""
    lines: list[list[list]] = []
    caption: list[str] = []
    lost_length = False

    def captioned(s: int, e: int, text: str) -> bool:
        # period words, or a column's name ("MRD" over a segment's figures), standing clear of the labels'
        # margin head columns; a note ("($ in millions)") is the caption wherever it stands, and a note set at
        # the labels' margin is the caption even where it reaches over the first figures
        if _is_note(text) and s <= margin + 4:
            return True
        return e <= zone and not ((is_header_piece(text) or is_column_words(text) and not _is_note(text))
                                  and s > margin + 4)

    raw = [chunks(ln.raw) for ln in head if ln.kind != "blank"]
    joined = days_under_months([title_off_its_year(lengths_apart(found), cols) for found in raw])
    stacks = _join_stacks(joined, cols)
    # "Three Months Ended December 31,      2024      2023": a length title naming no year, set from the labels'
    # side, the only one the header prints over years and dates alone, heads every column
    titles = [(s, t) for found, _p in stacks for s, e, t in found if not captioned(s, e, t)]
    lengths = [(s, t) for s, t in titles if LENGTH_WORD.search(t)]
    from_the_side = len(lengths) == 1 and bool(cols) and lengths[0][0] < cols[0].left \
        and not YEAR.search(lengths[0][1]) \
        and all(_PLAIN_DATE.match(t) for _s, t in titles if not LENGTH_WORD.search(t)) \
        and _distinct_years([t for _s, t in titles if not LENGTH_WORD.search(t)])
    for found, printed in stacks:
        pieces = []
        for s, e, text in found:
            if captioned(s, e, text):
                caption.append(text)
            else:
                pieces.append((s, e, text))
        alone = len(pieces) == 1 and sum(1 for c in printed if not captioned(*c)) <= 1
        if not pieces:
            continue
        overs = [[c for c, col in enumerate(cols) if s <= col.right and e >= col.left] for s, e, _t in pieces]
        if _one_per_column(pieces, overs, cols) or (len(pieces) == len(cols) > 1
                                                     and all(BARE_YEAR.match(t) or _WHOLE_DATE.match(t)
                                                             for _s, _e, t in pieces)):
            # as many pieces as columns, in order, none over a column not its own: the k-th heads the k-th,
            # wherever the printer set them beside their figures; so a line of as many years or whole dates
            # as columns, however it was packed ("Dec. 31, 2024 Sept. 30, 2024 ..." set from the first figure
            # on, two dates over one column)
            overs = [[k] for k in range(len(cols))]
        taken = {c for over in overs for c in over}
        # a piece over two columns or more spans a group: it also heads the free columns it is nearest to
        dist = lambda k, c: max(0.0, pieces[k][0] - cols[c].center, cols[c].center - pieces[k][1])
        for c in [c for c in range(len(cols)) if c not in taken]:
            k = min(range(len(pieces)), key=lambda k: dist(k, c))
            if len(overs[k]) >= 2:
                overs[k].append(c)
        taken = {c for over in overs for c in over}
        placed = []
        settled_by_nearness = sum(1 for over in overs if not over) <= len(cols) - len(taken)
        for (s, e, text), over in zip(pieces, overs):
            if alone:
                over = list(range(len(cols)))
            elif not over:
                # a narrow piece between the figures ("Low" over a wider number): the nearest free column, when
                # the line's pieces over no column are no more than the free columns (four years printed over
                # three columns leave one over: which it is, nearness does not settle)
                free = [c for c in range(len(cols)) if c not in taken]
                if free and settled_by_nearness:
                    near = min(free, key=lambda c: max(0.0, s - cols[c].center, cols[c].center - e))
                    if all(max(0.0, s2 - cols[near].center, cols[near].center - e2) >=
                           max(0.0, s - cols[near].center, cols[near].center - e) for s2, e2, _t in pieces):
                        over = [near]
                        taken.add(near)
            if from_the_side and LENGTH_WORD.search(text):
                over = list(range(len(cols)))
            if over:
                placed.append([text, (min(over), max(over)), s, e])
            elif LENGTH_WORD.search(text):
                lost_length = True
        lines.append(placed)
    grouped = group_by_year_runs(lines, cols) or group_by_quarter_runs(lines, cols) or group_by_date_runs(lines, cols)
    if not grouped:
        _share_lengths(lines, cols)
    if contested is not None:
        contested.extend(across_year_runs(lines, cols))
        if lost_length and not grouped:
            # a length title that stands over no column, nor nearest one ("Three Months Ended" set far left of
            # its group): which columns it names is not settled, nor so the lengths the rest name
            contested.extend(range(len(cols)))
    for upper, lower in zip(lines, lines[1:]):
        _under_spans(lower, upper)
    for i, (upper, lower) in enumerate(zip(lines, lines[1:])):
        for piece in upper:
            if piece[0].endswith("-"):
                below = next((p for p in lower if p[1] == piece[1]), None)
                if below is not None:
                    piece[0] += below[0]
                    lower.remove(below)
            elif _OPEN_END.search(piece[0]):
                # "% of" over "Revenues": the words go on in the first piece under them, whichever columns
                # the printer let it reach into (a line of years may stand between)
                for later in lines[i + 1:i + 3]:
                    below = [p for p in later if p[2] < piece[3] and p[3] > piece[2]]
                    if below:
                        if len(below) == 1 and not YEAR.search(below[0][0]):
                            piece[0] += " " + below[0][0]
                            later.remove(below[0])
                        break
    cells = [HeaderCell(text, span) for placed in lines for text, span, _s, _e in placed]
    own_years = {c.cols[0] for c in cells if c.cols[0] == c.cols[1] and YEAR.search(c.text)}
    if len(own_years) < len(cols):   # some column has no year of its own: a header on one line may give them
        cells = one_line_header(head, cols) or cells
    return cells, caption


# a header printed on one line, its years run together with their titles: "Three Months Ended December 31,
# 2024 2023 Year Ended December 31, 2024 2023", set wherever the printer put it (right of the figures, or in
# the labels' column)
_YEAR_RUN = kept_regex(r"(?:19|20)\d\d(?:\s*(?:,|and|&)?\s*(?:19|20)\d\d)*")


def one_line_header(head: list["Line"], cols: list["_Column"]) -> Optional[list[HeaderCell]]:
    """The header a single line of titles and years gives (or one cell's lines wrapped under each other, each
    starting where the first does), where it names as many years as there are columns and nothing else:
    each title heads the years printed after it, the years the columns in order. None where another line
    prints a period word, a title names two lengths, or the line holds words that are no title."""
    printed = [ln for ln in head if ln.kind != "blank"]
    dated = [i for i, ln in enumerate(printed) if YEAR.search(ln.raw)]
    if not dated:
        return None
    first, last = dated[0], dated[-1]
    if last - first + 1 != len(dated) or max(printed[i].indent for i in dated) - min(printed[i].indent for i in dated) > 2 \
            or any(is_header_piece(t) or is_column_words(t) and not _is_note(t)
                   for i, ln in enumerate(printed) if i not in dated for _s, _e, t in chunks(ln.raw)):
        return None
    text = " ".join(" ".join(printed[i].raw.split()) for i in dated)
    cells: list[HeaderCell] = []
    at, col = 0, 0
    for m in _YEAR_RUN.finditer(text):
        title = text[at:m.start()].strip(" ,")
        years = YEAR.findall(m.group(0))
        if title:
            if not is_period_header(title) or not (LENGTH_WORD.search(title) or MONTH.search(title)) \
                    or len(LENGTH_WORD.findall(title)) > 1:
                return None
            cells.append(HeaderCell(title, (col, col + len(years) - 1)))
        elif not cells:
            return None
        for y in years:
            cells.append(HeaderCell(y, (col, col)))
            col += 1
        at = m.end()
    if col != len(cols) or col < 2 or text[at:].strip():
        return None
    return cells


def _distinct_years(pieces: list[str]) -> bool:
    """Whether no year is printed twice: "2024  2023  2024" under one length title holds a column of another
    length the header does not name."""
    years = [y for t in pieces for y in YEAR.findall(t)]
    return len(years) == len(set(years))


_WHOLE_DATE = kept_regex(rf"^{MONTH_RE}\.?\s*\d{{1,2}},?\s*(?:19|20)\d\d$", regex.I)
_PLAIN_DATE = kept_regex(rf"^(?:{MONTH_RE}\.?\s*\d{{1,2}},?\s*)?(?:19|20)\d\d$|^{MONTH_RE}\.?\s*\d{{1,2}},?$", regex.I)


STACK = 3         # lines: a header cell wrapped a few words a line ("For the Six" / "Months" / "Ended")
STACK_WIDTH = 16  # characters: the widest line of such a narrow cell


def _join_stacks(lines: list[list[tuple[int, int, str]]], cols: list["_Column"]
                 ) -> list[tuple[list[tuple[int, int, str]], list]]:
    """Each header cell wrapped into a narrow stack of lines beside the columns, not over any, as one piece
    on the stack's last line: one piece of three words or fewer on each of `STACK` lines or more, each standing
    over the next and over nothing else there; its words read top to bottom, its width the stack's. Read
    line by line, the words of such a stack were placed apart or left out as caption ("Three Months" of "For
    the Three Months Ended December 31,", set right against the first column's "$"). A stack over a column
    is read line by line, as before. A bare year is never part of a stack: a line of years marks the columns
    on its own. Each line comes with the pieces it printed: a title left alone on its line by a stack's
    moving is still no title alone on its line."""
    def narrow(piece: tuple[int, int, str]) -> bool:
        return piece[1] - piece[0] <= STACK_WIDTH and len(piece[2].split()) <= 3 and not BARE_YEAR.match(piece[2])

    below: dict[tuple[int, int], int] = {}
    above: set[tuple[int, int]] = set()
    for i in range(len(lines) - 1):
        for a, (s, e, text) in enumerate(lines[i]):
            under = [b for b, (s2, e2, t2) in enumerate(lines[i + 1]) if s2 < e and e2 > s]
            if len(under) != 1 or not narrow((s, e, text)) or not narrow(lines[i + 1][under[0]]):
                continue
            s2, e2, _t = lines[i + 1][under[0]]
            if sum(1 for s3, e3, _t3 in lines[i] if s3 < e2 and e3 > s2) == 1:
                below[(i, a)] = under[0]
                above.add((i + 1, under[0]))
    out = [list(found) for found in lines]
    gone: set[tuple[int, int]] = set()
    for i, found in enumerate(lines):
        for a in range(len(found)):
            if (i, a) in above or (i, a) not in below:
                continue
            stack = [(i, a)]
            while stack[-1] in below:
                stack.append((stack[-1][0] + 1, below[stack[-1]]))
            parts = [lines[k][b] for k, b in stack]
            if len(stack) < STACK or any(s <= col.right and e >= col.left for s, e, _t in parts for col in cols):
                continue
            text = ""
            for _s, _e, t in parts:
                text = f"{text}{t}" if text.endswith("-") else f"{text} {t}".strip()
            gone.update(stack)
            out[stack[-1][0]].append((min(p[0] for p in parts), max(p[1] for p in parts), text))
    return [(sorted((c for b, c in enumerate(found) if (i, b) not in gone), key=lambda c: c[0]), lines[i])
            for i, found in enumerate(out)]


def _one_per_column(pieces: list, overs: list[list[int]], cols: list["_Column"]) -> bool:
    """A header line of one piece per column: as many pieces as columns, in order, the k-th between the
    middles of the columns beside the k-th (a printer may set each a little left of its figures)."""
    n = len(cols)
    if n < 2 or len(pieces) != n or all(over == [k] for k, over in enumerate(overs)):
        return False
    for k, (s, e, _t) in enumerate(pieces):
        if (k > 0 and e <= cols[k - 1].center) or (k + 1 < n and s >= cols[k + 1].center):
            return False
    return True


_LENGTH_PIECE = kept_regex(r"(?i)\b(?:months?|weeks?|quarters?|years?|periods?)\s+(?:ended|ending)\b"
                              r"|\b(?:first|second|third|fourth)[\s-]+quarter\b|^(?:three|six|nine|twelve)[\s-]+months?$")


_OPEN_END = kept_regex(r"(?i)\b(?:of|and|in|to|for|from|as\s+a)$")


def _share_lengths(lines: list[list[list]], cols: list["_Column"]) -> None:
    """Two or more length pieces ("Three Months Ended", "Nine Months Ended") share the columns between them:
    in order over the runs the columns' own dates make (fixed_groups.dated_groups) where those settle it, else
    each column going to the nearest, whatever line each was printed on: a PDF may lift one group's title a
    line above the other's, where alone on its line it would otherwise head every column."""
    pieces = [p for placed in lines for p in placed if _LENGTH_PIECE.search(p[0])]
    if len(pieces) < 2:
        return
    dated = dated_groups(pieces, lines, cols)
    if dated is not None:
        for p, span in zip(sorted(pieces, key=lambda p: p[2]), dated):
            p[1] = span
        return
    mine: dict[int, list[int]] = {id(p): [] for p in pieces}
    for c, col in enumerate(cols):
        near = min(pieces, key=lambda p: (max(0.0, p[2] - col.center, col.center - p[3]), p[2]))
        mine[id(near)].append(c)
    for p in pieces:
        got = mine[id(p)]
        if got and got == list(range(got[0], got[-1] + 1)):
            p[1] = (got[0], got[-1])


def _under_spans(placed: list[list], upper: list[list]) -> None:
    """A piece stacked under a piece that spans a group ("December 31," under "Three Months Ended", centred
    over two narrow columns) spans the same group when no other piece of its line heads those columns."""
    for piece in placed:
        text, (a, b), s, e = piece
        if not GROUP_WORDS.search(text) or YEAR.search(text):
            continue   # a year, "GAAP", "Adj." head their own column
        for _t, (ua, ub), us, ue in upper:
            if ua <= a and b <= ub and (ua, ub) != (a, b) and s < ue and e > us:
                others = [q for q in placed if q is not piece and q[1][0] <= ub and q[1][1] >= ua]
                if not others:
                    piece[1] = (ua, ub)
                break


