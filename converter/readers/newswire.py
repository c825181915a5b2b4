"""Newswire copies of releases: prose paragraphs, tables printed one cell per line (`cells.py`), and tables
squashed onto one line (`squashed.py`), in any mix. Each line is classified on its own, so one document may
hold all three.

A line is prose (a bullet, a sentence), a figure cell ("(1,509,250" and ")" on two lines are one), a header
piece ("Year Ended June 30,", "2024", "% Change"), a scale note, a squashed table, or text: a row label or a
title. A header piece opens a table; text before it is the table's caption.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional


from ..engine.numbers import is_year, parse_figure
from ..model import Document, Paragraph, Span
from .cells import Region, Text, build_table, paragraphs
from .headers import is_header_piece, is_scale_note
from .normalize import collapse_spaces
from .squashed import is_squashed, read_squashed_line
from .tokens import WORD, split_wordless
from ..rulebook.regex_code import kept_regex

# compiled once: `regex.search(r"...", text)` looks the pattern up in regex's cache on every call
_DIGIT = kept_regex(r"\d")
_GROUPED = kept_regex(r"\d,\d{3}")

_OPEN_FIGURE = kept_regex(r"^\$?\s*\(\s*\$?\s*[\d,.]+$")
_BULLET = kept_regex(r"^(?:[•*·▪o-]\s|#|\[|!\[)")
_SENTENCE_END = kept_regex(r"[.!?][\"')\]]?$")
_CHUNKS = kept_regex(r"\s{3,}")


def _lines(text: str):
    """(collapsed line, raw line, span) for non-blank lines; a figure's lone closing parenthesis joins it."""
    for joined, line, start, end in _line_ends(text):
        yield joined or collapse_spaces(line), line, Span(start, end)


def _line_ends(text: str):
    """`_lines` with the span as two offsets and the line left as printed (None for the collapsed line, which
    is given only where a lone ")" joined it): layout detection reads every line, and collapses only the few
    it looks into. Each line is held until the next shows whether it is a lone ")" to join to it, so a
    detection that decides early reads no further."""
    held = None   # (raw, start) of the last non-blank line
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        if held is not None:
            raw, at = held
            # the lone ")" first: it is rare, and the pattern would otherwise run on every line of the text
            if line.strip() == ")" and _OPEN_FIGURE.match(text_ := collapse_spaces(raw)):
                held = None
                yield text_ + ")", raw, at, start + len(line)
                continue
            yield None, raw, at, at + len(raw)
        held = (line, start)
    if held is not None:
        raw, at = held
        yield None, raw, at, at + len(raw)


def figures(line: str) -> Optional[list[str]]:
    """The figures a line holds when it holds nothing else ("5,828, 109" is one figure)."""
    found = line_figures(line)
    return list(found) if found is not None else None


@lru_cache(maxsize=8192)   # each line is asked about by layout detection, then two or three times by the reader
def line_figures(line: str) -> Optional[tuple[str, ...]]:
    """figures(line) as a tuple, so that the cached answer cannot be changed by a caller."""
    if WORD.search(line):
        return None
    if _DIGIT.search(line) and parse_figure(line) is not None and not is_year(line.strip()):
        return (line.strip(),)
    if line.strip() in ("-", "$-", "*"):
        return (line.strip(),)
    figs = split_wordless(line)
    if figs and not all(is_year(f) for f in figs):
        return tuple(figs)
    return None


def _figures_follow(lines: list, i: int) -> bool:
    """Whether figures come next, past a lone "$" line."""
    for line, _raw, _span in lines[i + 1:i + 3]:
        if line not in ("$", "US$"):
            return bool(figures(line))
    return False


def classify(line: str, raw: str) -> tuple[str, list[str], list[str]]:
    """(kind, header pieces, caption texts) for one line."""
    if line in ("$", "US$", ")", "---"):
        return "skip", [], []
    if line_figures(line):
        return "figs", [], []
    if is_scale_note(line):
        return "note", [], [line]
    if is_header_piece(line):
        return "head", [line], []
    chunks = [collapse_spaces(c) for c in _CHUNKS.split(raw.strip()) if c.strip()] if len(line) < 200 else []
    if len(chunks) > 1 and any(is_header_piece(c) for c in chunks[1:]):
        first = next(i for i, c in enumerate(chunks) if is_header_piece(c))
        return "head", [c for c in chunks[first:] if is_header_piece(c)], chunks[:first]
    if _BULLET.match(line) or len(line) > 400 or (len(line) >= 40 and _SENTENCE_END.search(line)):
        return "prose", [], []
    return "text", [], []


_ROW_END = set("0123456789)%")
_ROW_LINE = kept_regex(r"^[A-Za-z(].*?[A-Za-z:)]\s+(?:\$?\s*\(?-?\d[\d,]*(?:\.\d+)?\)?%?\s*)+$")


def looks_like_cells(text: str) -> bool:
    """One figure per line, in short runs between labels; a PDF's reading order gives long runs, and a
    fixed-width layout prints its figures on the label's line."""
    text = text[:200000]
    short = long = run = rows = multi = 0
    left, at, seen = text.count("\n") + 1, 0, 0   # raw lines not yet read (an upper bound on the lines to come)
    for joined, raw, start, _end in _line_ends(text):
        seen += 1
        if not seen % 16:   # decided already? Each line to come adds at most one to `short`, none to `long`
            left -= text.count("\n", at, start)
            at = start
            most = short + run + left
            if most < 6 or most < 3 * long or (rows + multi) * 4 > most:
                return False
        if WORD.search(raw):
            # words: no figures (`line_figures` asks the same first; blanks make or break no word), and a row
            # only if it ends as one: its last character is the collapsed line's
            if raw.rstrip()[-1] in _ROW_END and _GROUPED.search(raw):
                rows += bool(_ROW_LINE.match(collapse_spaces(raw)))
        else:
            line = joined or collapse_spaces(raw)
            if line in ("$", "US$", ")"):
                continue
            figs = line_figures(line)
            if figs:
                run += 1
                multi += len(figs) > 1
                continue
            rows += line[-1] in _ROW_END and bool(_GROUPED.search(line)) and bool(_ROW_LINE.match(line))
        short, long = (short + run, long) if run <= 6 else (short, long + run)
        run = 0
    return short >= 6 and short >= 3 * long and (rows + multi) * 4 <= short


def looks_like_squashed(text: str) -> bool:
    return any(len(line) > 300 and is_squashed(line) for line in text[:200000].split("\n"))


def _runs_on(before: str, line: str, raw: str, joined: bool) -> bool:
    """Whether `line` goes on with the sentence of the prose line before it: the two stand on consecutive
    lines (`joined`: no blank line between), this one is no list item and its first word is in lower case
    ("million, compared to", not "iPhone revenue" or "eBay"), and the line before ends no sentence."""
    words = line.split(None, 1)
    return (joined and not _BULLET.match(raw.strip()) and bool(words) and words[0].islower()
            and not _SENTENCE_END.search(before))


def read_newswire(text: str, source: str = "", layout: str = "cells") -> Document:
    blocks: list = []
    table: Optional[Region] = None
    pending: list[Text] = []      # text lines outside a table: paragraphs, and a caption for what follows
    notes: list[str] = []         # scale notes waiting for their table

    def close(final: str) -> list[Text]:
        nonlocal table
        if table is None:
            return []
        built, left = build_table(table, final)
        if built is not None:
            blocks.append(built)
        table = None
        return left

    def open_table(caption: list[str], header: list[str], start: int) -> Region:
        nonlocal pending, notes
        blocks.extend(paragraphs(pending))
        region = Region(caption=[t.text for t in pending][-3:] + caption + notes, header=header, start=start,
                        end=start)
        pending, notes = [], []
        return region

    lines = list(_lines(text))
    prose_line = -2   # the line the last paragraph of prose was read from
    for i, (line, raw, span) in enumerate(lines):
        kind, heads, caps = classify(line, raw)
        if kind == "skip":
            continue
        if kind == "prose" and len(line) <= 400 and not _BULLET.match(line) and _figures_follow(lines, i):
            kind = "text"   # a label that ends like a sentence ("... RESORTS, INC."): its figures follow it
        if kind == "squashed" or (len(line) > 200 and is_squashed(raw)):
            if table is not None and table.has_figures:
                pending.extend(close("head"))
            caption = [t.text for t in pending][-3:] + notes
            header: list[str] = []
            if table is not None:
                caption = table.caption + [x.text for x in table.seq if isinstance(x, Text)] + caption
                header = table.header
                table = None
            blocks.extend(paragraphs(pending))
            pending, notes = [], []
            blocks.extend(read_squashed_line(raw, span.start, caption, header))
        elif kind == "prose":
            if table is not None and not table.seq and len(table.header) == 1:
                # a lone period line before prose ("Full Year 2024") is the heading of that prose, not a table
                head = table.header[0]
                blocks.append(Paragraph(head, Span(table.start, table.start + len(head))))
                table = None
            pending.extend(close("prose"))
            # a sentence a copy wrapped ("... was $160.6" / "million, compared to ..."): one paragraph
            said, start = line.lstrip("#• ").strip(), span.start
            joined = i > 0 and lines[i - 1][2].end + 1 == span.start
            if pending and i and pending[-1].span == lines[i - 1][2] and _runs_on(pending[-1].text, said, line, joined):
                before = pending.pop()
                said, start = f"{before.text} {said}", before.span.start
            blocks.extend(paragraphs(pending))
            pending = []
            if prose_line == i - 1 and _runs_on(blocks[-1].text, said, line, joined):
                blocks[-1] = Paragraph(f"{blocks[-1].text} {said}", Span(blocks[-1].span.start, span.end))
            else:
                blocks.append(Paragraph(said, Span(start, span.end)))
            prose_line = i
        elif kind == "note":
            if table is not None and table.has_figures and line.endswith(":"):
                # "WEIGHTED-AVERAGE SHARES OUTSTANDING (in millions):" heads the rows below it
                table.add_text(Text(line, span))
            elif table is not None and not table.has_figures:
                table.caption.append(line)
            else:
                notes.append(line)
        elif kind == "head":
            if table is not None and table.has_figures:
                pending.extend(close("head"))
            if table is None:
                table = open_table(caps, heads, span.start)
            else:
                table.header.extend(heads)
                table.caption.extend(caps)
        elif kind == "figs":
            cells = [(f, span) for f in figures(line)]
            if table is None:
                label = pending.pop() if pending else None
                table = open_table([], [], span.start)
                if label is not None:
                    table.add_text(label)
            table.add_figures(cells)
        else:
            t = Text(line, span)
            if table is not None:
                table.add_text(t)
            else:
                pending.append(t)
    pending.extend(close("prose"))
    blocks.extend(paragraphs(pending))
    for i, b in enumerate(blocks):
        b.index = i
    return Document(blocks, text, layout, source)
