"""Tables squashed onto one line, as newswire copies print them: every row of one or several statements in a
single line, cells separated by runs of spaces when the columns were aligned, by one space or nothing at all
when they were not ("Taxes receivable671,866 734,630", "$566,014$ (3,405,564)", "546,4151,614,751").

The line is cut where cells were glued (a letter against a figure or "$", a figure against a capital, a dash
against the next label), then read as tokens: a run of figures is a row's values and the text before it is
its label; a figure that a lower-case word follows ("20,000,000 shares authorized") belongs to the label.
Figures glued into one token are split only where their comma grouping forces it. A run of years, or of
header pieces, after rows starts a new table; its column count is the commonest run length.
"""
from __future__ import annotations

import re
from dataclasses import field
from functools import lru_cache
from typing import Optional

import regex

from ..engine.numbers import is_year, parse_figure
from ..model import Block, Paragraph, Span, Table
from .cells import Text, column_count, rows_from_drafts
from .headers import NOTE, UNIT, header_cells, is_header_piece, is_scale_note
from ..rulebook.regex_code import kept_re, kept_regex
from ..dataclass_code import dataclass

# compiled once: `regex.search(r"...", text)` looks the pattern up in regex's cache on every call
_WORD = kept_regex(r"\S+")
_DIGITS_COMMAS = kept_regex(r"[\d,]+(?:\.\d+)?")
_DIGIT = kept_regex(r"\d")
_CAPITALIZED = kept_regex(r"[A-Z][a-z]")
_LEAD_WORD = kept_regex(r"[A-Za-z]+:")
_LOWER_WORD = kept_regex(r"[a-z][a-z'’]*")
_UPPER_WORD = kept_regex(r"[A-Z][A-Z'’.&/]+")
_NOT_CAPITAL = kept_regex(r"[^A-Z]")
_OPEN_SPACE = kept_regex(r"\(\s+")
_SPACE_CLOSE = kept_regex(r"\s+\)")
_SPACES = kept_regex(r"\s+")

# Where glued pieces come apart: each branch matches the character before a cut (the cut is the match's end).
# `re`, not `regex`: this runs over every character of a squashed table, and `re` is twice as fast here.
_GLUE = kept_re(r"""
      [A-Za-z\d)%](?=\$)                                            # Revenues$ 47   413,802$ (3,295
    | \)(?=\d)                                                      # (expense)1,003,059   (152,212)109,935
    | %(?=[A-Za-z])                                                 # -23.9%Advertising
    | [a-z](?=\(?\$?\d{1,3}(?:,\d{3})+|\(?\$?\d+\.\d+|\(\d)           # receivable671,866   operations(387,621)
    | [\d)](?=[A-Z])                                                # 994Noncontrolling   2025Q3
    | \)(?=\()                                                      # (loss)(3,187,535)
    | \d(?=\((?!\d))                                                 # 2024(in thousands)
    | (?:^|(?<=[\s)\d]))-{1,3}(?=[A-Z])                               # -Additional   --Preferred
    | [a-z](?=(?:January|February|March|April|May|June|July|August|September|October|November
                 |December)\b)                                      # Three Months EndedSeptember 30,
    | (?<=\s\d),(?=(?:19|20)\d\d(?![\d,.]))                          # March 1,2025 2024 (no figure has
    | (?<=\s\d\d),(?=(?:19|20)\d\d(?![\d,.]))                         # four digits after a comma)
    """, re.X)
_PERIOD_START = kept_regex(r"(?:(?:three|six|nine|twelve|\d{1,2})[\s-]+(?:months?|weeks?)|(?:fiscal\s+)?"
                           r"(?:years?|quarters?|periods?))\s+end(?:ed|ing)\b|as\s+of\s+[A-Z]", regex.I)
_GAP = kept_regex(r"\S+(?:\s\S+)*")          # a chunk: text between runs of two or more spaces
_DASH = kept_regex(r"^-{1,3}$")
_GROUPED = kept_regex(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_CONNECTOR = {"of", "and", "or", "to", "for", "in", "on", "at", "by", "from", "with", "per", "the", "a", "an",
              "less", "plus", "net"}


@dataclass
class Token:
    text: str
    start: int
    end: int
    chunk: int
    kind: str = "text"      # text | fig | dash | year | mark
    glued: bool = False     # printed against the next token, no space between


@dataclass
class _Draft:
    caption: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[tuple[Text, Optional[list[Token]]]] = field(default_factory=list)
    prose: list[Text] = field(default_factory=list)     # titles above the table's own: paragraphs

    def add_titles(self, texts: list[Text]) -> None:
        """In-line titles: the last is the table's caption, the ones before it ("Financial Summary", "For
        Quarter Ending ...") title the whole release section and become paragraphs."""
        titles = _titles(texts)
        self.caption.extend(t.text for t in titles[-1:])
        self.prose.extend(titles[:-1])

    @property
    def started(self) -> bool:
        return any(cells for _t, cells in self.rows)


def tokens(line: str, offset: int = 0) -> list[Token]:
    out: list[Token] = []
    for ci, chunk in enumerate(_GAP.finditer(line)):
        text, base = chunk.group(0), chunk.start()
        cuts = [m.end() for m in _GLUE.finditer(text)]
        pieces, prev = [], 0
        for c in cuts + [len(text)]:
            pieces.append((text[prev:c], prev))
            prev = c
        for piece, pstart in pieces:
            for m in _WORD.finditer(piece):
                out.append(Token(m.group(0), offset + base + pstart + m.start(), offset + base + pstart + m.end(), ci))
            if out and pstart + len(piece) < len(text) and not piece[-1:].isspace():
                out[-1].glued = True
    return _comparisons(_classify(_split_glued(_merge(out))))


def _merge(toks: list[Token]) -> list[Token]:
    """Join "(1,688" and ")" printed apart; drop currency marks into the figure runs they sit in."""
    out: list[Token] = []
    for t in toks:
        if out and t.text.startswith(")") and out[-1].text.count("(") > out[-1].text.count(")"):
            prev = out[-1]
            out[-1] = Token(prev.text + t.text, prev.start, t.end, prev.chunk)
            continue
        out.append(t)
    return out


def _split_glued(toks: list[Token]) -> list[Token]:
    """"546,4151,614,751" is 546,415 and 1,614,751: the only reading its comma grouping allows."""
    out: list[Token] = []
    for t in toks:
        core = t.text.lstrip("$")
        if parse_figure(t.text) is None and _DIGITS_COMMAS.fullmatch(core):
            parts = _decompose(core)
            if parts:
                pos = t.start + len(t.text) - len(core)
                for p in parts:
                    out.append(Token(p, pos, pos + len(p), t.chunk))
                    pos += len(p)
                continue
        out.append(t)
    return out


def _decompose(s: str) -> Optional[list[str]]:
    parts = []
    while s:
        m = _GROUPED.match(s)
        if not m:
            return None
        parts.append(m.group(0))
        s = s[m.end():]
    return parts if len(parts) > 1 else None


def _comparisons(toks: list[Token]) -> list[Token]:
    """"2024 to 2023" over a change column is one header leaf."""
    out: list[Token] = []
    for t in toks:
        if t.kind == "year" and len(out) >= 2 and out[-2].kind == "year" and out[-1].chunk == t.chunk \
                and out[-1].text.lower() in ("to", "vs", "vs.", "versus", "over"):
            first = out[-2]
            out[-2:] = [Token(f"{first.text} {out[-1].text} {t.text}", first.start, t.end, t.chunk, "year")]
            continue
        out.append(t)
    return out


def _classify(toks: list[Token]) -> list[Token]:
    for i, t in enumerate(toks):
        if t.text in ("$", "US$"):
            t.kind = "mark"
        elif _DASH.match(t.text):
            # "Accounts receivable - related parties", "- Interest income": a dash spaced from the words
            # after it is text; "--Preferred stock" printed two empty cells against the next label
            before_words = i + 1 < len(toks) and toks[i + 1].chunk == t.chunk and not t.glued \
                and not _DIGIT.search(toks[i + 1].text)
            t.kind = "text" if before_words else "dash"
        elif is_year(t.text):
            t.kind = "year"
        elif _DIGIT.search(t.text) and parse_figure(t.text) is not None:
            t.kind = "fig"
    return toks


_NUMBERISH = kept_regex(r"\d[\d,.]*")


@lru_cache(maxsize=4096)
def is_squashed(line: str) -> bool:
    """A line holding table rows: two or more runs of at least two figures, six figures in all. Memoized,
    and lines with fewer than six numbers are turned away before the (costly) tokenizing."""
    if len(line) < 80 or len(_NUMBERISH.findall(line)) < 6:
        return False
    runs, run, figs = 0, 0, 0
    for t in tokens(line):
        if t.kind in ("fig", "dash"):
            run += 1
            figs += t.kind == "fig"
        elif t.kind != "mark":
            runs += run >= 2
            run = 0
    runs += run >= 2
    return runs >= 2 and figs >= 6


# ------------------------------------------------------------------------------------------------ pieces

def pieces(toks: list[Token]) -> list[tuple[str, list[Token]]]:
    """("text" | "figs" | "years", tokens) in order. Years are a header in a chunk of their own or two or
    more in a row ("... September 30, 2024 2023 Revenues"); a run of figures a lower-case word follows is
    part of the text."""
    size: dict[int, int] = {}
    year_chunks = set()
    for t in toks:
        if size.get(t.chunk, 0) == 0 or t.chunk in year_chunks:
            if t.kind in ("year", "mark"):
                year_chunks.add(t.chunk)
            else:
                year_chunks.discard(t.chunk)
        size[t.chunk] = size.get(t.chunk, 0) + 1
    for i, t in enumerate(toks):  # a "$" alone, no figure after it, is a header's unit mark
        if t.kind == "mark" and size[t.chunk] == 1 \
                and (i + 1 == len(toks) or toks[i + 1].kind not in ("fig", "dash")):
            t.kind = "text"
            year_chunks.discard(t.chunk)
    paired = {i for i, t in enumerate(toks) if t.kind == "year" and any(
        0 <= j < len(toks) and toks[j].kind == "year" and toks[j].chunk == t.chunk for j in (i - 1, i + 1))}
    out: list[tuple[str, list[Token]]] = []
    for i, t in enumerate(toks):
        kind = ("years" if t.kind == "year" and (t.chunk in year_chunks or i in paired) else
                "figs" if t.kind in ("fig", "dash", "mark") else "text")
        if kind == "text" and out and out[-1][0] == "figs" and t.text[:1].islower() \
                and out[-1][1][-1].chunk == t.chunk:
            kind = "embedded"
        if kind == "embedded":
            run = out.pop()[1]
            if out and out[-1][0] == "text" and out[-1][1][-1].chunk == run[0].chunk:
                out[-1][1].extend(run + [t])
            else:
                out.append(("text", run + [t]))
            continue
        if out and out[-1][0] == kind and (kind != "text" or out[-1][1][-1].chunk == t.chunk):
            out[-1][1].append(t)
        else:
            out.append((kind, [t]))
    return [(k, [t for t in ts if t.kind != "mark"] if k == "figs" else ts) for k, ts in out
            if k != "figs" or any(t.kind != "mark" for t in ts)]


def segments(toks: list[Token], line: str, offset: int) -> list[Text]:
    """A text run cut into a heading and labels: after a colon a capital starts a label ("Current assets:
    Cash and cash equivalents"), and so does a capitalized word after a lower-case or all-capital word
    ("Operating expenses Selling, general ...", "ASSETS Current assets:")."""
    out: list[list[Token]] = [[]]
    for i, t in enumerate(toks):
        unit = bool(UNIT.match(t.text)) or t.text == "%"   # "USD USD % Change": header leaves, one each
        last = " ".join(x.text for x in out[-1][-2:])
        after_unit = bool(out[-1]) and (bool(UNIT.match(out[-1][-1].text)) or last.endswith("%")
                                        or last.lower() == "% change") \
            and not (last.endswith("%") and t.text.lower() == "change")
        # "Statement of Operations Year Ended June 30,": a period phrase starts the header
        period = _PERIOD_START.match(" ".join(x.text for x in toks[i:i + 4])) \
            and not (out[-1] and _LOWER_WORD.fullmatch(out[-1][-1].text.rstrip(",")))
        if out[-1] and (unit or after_unit or period or _starts_label(out[-1], t)):
            out.append([])
        out[-1].append(t)
    return [Text(_clean(line[ts[0].start - offset:ts[-1].end - offset]), Span(ts[0].start, ts[-1].end))
            for ts in out if ts]


def _starts_label(before: list[Token], t: Token) -> bool:
    prev = before[-1].text
    word = t.text
    if not _CAPITALIZED.match(word):
        return False
    if prev.endswith(":"):
        return len(before) > 1 or not _LEAD_WORD.fullmatch(prev)   # "Less: Net income" stays
    if prev.lower() in _CONNECTOR or prev.endswith((",", "&", "-", "/")):
        return False
    if NOTE.match(prev):   # "STATEMENTS OF OPERATIONS (Unaudited) Three Months Ended"
        return True
    return bool(_LOWER_WORD.fullmatch(prev) or _UPPER_WORD.fullmatch(prev)
                and len(_NOT_CAPITAL.sub("", prev)) >= 2)


def _clean(text: str) -> str:
    text = _OPEN_SPACE.sub("(", _SPACE_CLOSE.sub(")", text))
    return _SPACES.sub(" ", text).strip()


# ------------------------------------------------------------------------------------------------ tables

def read_squashed_line(line: str, offset: int, caption: list[str], header: list[str]) -> list[Block]:
    """The tables (and stray text) of one squashed line; `caption` and `header` are the lines printed just
    above it (a title, "Three Months Ended September 30,")."""
    toks = tokens(line, offset)
    drafts: list[_Draft] = [_Draft(list(caption), list(header))]
    texts: list[Text] = []
    for kind, ts in pieces(toks):
        cur = drafts[-1]
        if kind == "text":
            for seg in segments(ts, line, offset):
                if is_scale_note(seg.text):   # a scale note is the table's, never a row
                    cur.caption.append(seg.text)
                else:
                    texts.append(seg)
        elif kind == "years":
            head, before = _trailing_header(texts)
            if cur.started:
                notes = [c for c in cur.caption if is_scale_note(c)]
                drafts.append(_Draft(notes, [t.text for t in head]))
                drafts[-1].add_titles(before)
            else:
                cur.add_titles(before)
                cur.header.extend(t.text for t in head)
            drafts[-1].header.extend(t.text for t in ts)
            texts = []
        else:
            label = texts.pop() if texts else None
            if not cur.started and texts:
                first = next((i for i, t in enumerate(texts) if is_header_piece(t.text)), None)
                if first is not None:
                    last = max(i for i, t in enumerate(texts) if is_header_piece(t.text))
                    cur.add_titles(texts[:first])
                    cur.header.extend(t.text for t in texts[first:last + 1] if is_header_piece(t.text))
                    texts = texts[last + 1:]
                elif not cur.header and not cur.caption:
                    cur.add_titles(texts)
                    texts = []
            cur.rows.extend((t, None) for t in texts)
            if label is not None:
                cur.rows.append((label, ts))
            texts = []
    blocks: list[Block] = []
    for d in drafts:
        blocks.extend(Paragraph(t.text, t.span) for t in d.prose)
        table = _build(d)
        if table is not None:
            blocks.append(table)
        else:
            blocks.extend(Paragraph(t.text, t.span) for t, _c in d.rows)
    blocks.extend(Paragraph(t.text, t.span) for t in texts)
    return blocks


def _titles(texts: list[Text]) -> list[Text]:
    """Title lines: segments printed one space apart were one title, cut only by the label rules."""
    out: list[Text] = []
    for t in texts:
        if out and t.span.start - out[-1].span.end <= 1:
            out[-1] = Text(f"{out[-1].text} {t.text}", Span(out[-1].span.start, t.span.end))
        else:
            out.append(t)
    return out


def _trailing_header(texts: list[Text]) -> tuple[list[Text], list[Text]]:
    i = len(texts)
    while i > 0 and is_header_piece(texts[i - 1].text):
        i -= 1
    return texts[i:], texts[:i]


def _build(d: _Draft) -> Optional[Table]:
    runs = [cells for _t, cells in d.rows if cells]
    if not runs:
        return None
    ncols = column_count([len(r) for r in runs])
    drafts = []
    for text, cells in d.rows:
        if cells is None:
            drafts.append((text, None))
            continue
        fixed = _repair(cells, ncols)
        drafts.append((text, [(t.text, Span(t.start, t.end)) for t in fixed] if fixed else []))
    start = min(t.span.start for t, _c in d.rows)
    end = max((c[-1].end for _t, c in d.rows if c), default=start)
    return Table(header_cells(d.header, ncols), ncols, rows_from_drafts(drafts, ncols), caption=d.caption,
                 span=Span(start, end))


def _repair(cells: list[Token], ncols: int) -> Optional[list[Token]]:
    """A run of the table's width; a short run gets its glued dashes back ("-5,711,807" is a dash and
    5,711,807, "--" two dashes) when that makes it whole; a run of whole rows more keeps the first."""
    if len(cells) == ncols:
        return cells
    if len(cells) > ncols:
        return cells[:ncols] if len(cells) % ncols == 0 else None
    out: list[Token] = []
    for t in cells:
        if t.kind == "dash" and len(t.text) > 1:
            out.extend(Token("-", t.start + i, t.start + i + 1, t.chunk, "dash") for i in range(len(t.text)))
        elif t.kind == "fig" and t.text.startswith("-") and len(t.text) > 1:
            out.append(Token("-", t.start, t.start + 1, t.chunk, "dash"))
            out.append(Token(t.text[1:], t.start + 1, t.end, t.chunk, "fig"))
        else:
            out.append(t)
    return out if len(out) == ncols else None
