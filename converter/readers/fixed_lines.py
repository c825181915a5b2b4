"""The lines of fixed-width text, and what each is: a line as the reader reads it (tabs expanded, dot leaders
blank, a loose closing parenthesis set on its figure), split into tokens, and classed as a row (a label, a gap
of two or more spaces, then only figures and `$` marks), a header line (period words) or text. The rest of
the reader (fixed_width.py and its fixed_* siblings) works on these classed lines, never on raw text."""
from __future__ import annotations

from dataclasses import field
from typing import Optional

from ..engine.numbers import is_year, parse_figure, without_mark
from ..model import Span
from .normalize import collapse_spaces
from .range_cells import is_range
from .tokens import percent_outside
from .fixed_header import chunks as _chunks, is_column_words as _is_column_words, \
    is_header_piece as _is_header_piece
from ..rulebook.regex_code import kept_regex
from ..dataclass_code import dataclass

# compiled once: `regex.search(r"...", text)` looks the pattern up in regex's cache on every call
_WIDE_GAP = kept_regex(r"\S {3,}\S")
_TOKEN = kept_regex(r"\S+")
_MARKS = {"$", "US$", "€", "£"}
_LETTER_MARK = kept_regex(r"^\([a-z]\)$")   # "17,700 (a)": a footnote's letter after a figure
_NO_VALUE = {"nm", "n/m", "n.m.", "*", "**"}       # a cell printed without a figure
# Dot leaders from a label to its figures ("Net premiums earned.......... $142,318", ". . . .") are white space; the
# columns keep their places. Run into a figure ("year.......70,000"), only where the figure cannot begin with the
# last dot: "......45" may be 45 or .45, and stays unread; a dot right before a digit is a decimal point.
_LEADER = kept_regex(r"(?<=\S) ?(?:\.{2,}|\.(?: \.(?!\d)){2,})(?= |\$|\(|\d{1,3}(?:,\d{3})+|\d+\.\d|$)")
_RULE_LINE = kept_regex(r"^\s*[-=_]{3,}(?:\s+[-=_]{3,})*\s*$")
# "(17,235 )": a closing parenthesis printed from a cell of its own, a space after the digits; it closes
# the figure where the digits end, so the digits keep their column
_LOOSE_CLOSE = kept_regex(r"(?<=\(\$?\s?\d[\d,]*(?:\.\d+)?)( +)\)")
# "(  1,200)": an opening parenthesis a PDF set apart from its digits; it opens the figure where the digits
# begin, so the digits keep their column
_LOOSE_OPEN = kept_regex(r"(?<![\w(])\(( +)(?=\$?\s?\d[\d,]*(?:\.\d+)?\))")
_CUT_FIGURE = kept_regex(r"^\(\$?\d[\d,]*(?:\.\d+)?$")   # "(146,159": an amount whose parenthesis never closes
MIN_GAP = 2          # spaces between a label and its first figure


@dataclass
class Tok:
    text: str
    start: int
    end: int          # exclusive
    edge: int = 0     # right edge of the digits (a closing parenthesis or % hangs out)
    numeric: bool = False


@dataclass
class Line:
    no: int
    raw: str
    offset: int       # offset of the line in the text
    page: int
    kind: str = "text"            # blank | row | head | text
    label: str = ""
    indent: int = 0
    tail: list[Tok] = field(default_factory=list)
    label_toks: list[Tok] = field(default_factory=list)   # a row's (no other line's label is read by token)
    origin: Optional[list[int]] = None   # with tabs expanded: where each character stood in the line as printed

    @property
    def span(self) -> Span:
        return Span(self.offset, self.at(len(self.raw)))

    def at(self, i: int) -> int:
        """The offset in the text of position `i` of the line as read."""
        if self.origin is None:
            return self.offset + i
        return self.offset + (self.origin[i] if i < len(self.origin) else self.origin[-1] + 1 if self.origin else 0)


def _expand_tabs(line: str) -> tuple[str, list[int]]:
    """Tabs to the next multiple of eight, as a printer sets them (old filings mix them with spaces to align
    columns), and where each character of the result came from."""
    out, origin = [], []
    for i, ch in enumerate(line):
        if ch == "\t":
            n = 8 - len(out) % 8
            out.extend(" " * n)
            origin.extend([i] * n)
        else:
            out.append(ch)
            origin.append(i)
    return "".join(out), origin



def cleaned(raw: str) -> tuple[str, Optional[list[int]]]:
    """A line as the reader reads it: tabs expanded, dot leaders blank, a loose closing parenthesis on its
    figure; and where each character stood as printed (None when no tab moved any)."""
    clean = raw.replace("\f", "")
    origin = None
    if "\t" in clean:
        clean, origin = _expand_tabs(clean)
    if ".." in clean or ". ." in clean:   # the look-behinds below are slow: tried only where they can match
        clean = _LEADER.sub(lambda m: " " * len(m.group(0)), clean)
    if " )" in clean:
        clean = _LOOSE_CLOSE.sub(lambda m: ")" + m.group(1), clean)
    if "( " in clean:
        clean = _LOOSE_OPEN.sub(lambda m: m.group(1) + "(", clean)
    return clean, origin


def split(text: str) -> list[Line]:
    out = []
    pos, page = 0, 1
    for no, raw in enumerate(text.split("\n")):
        clean, origin = cleaned(raw)
        if "\f" in raw and raw.index("\f") == 0:
            page += raw.count("\f")
        # offsets point at the line as printed; a form feed is one character before the text
        lead = len(raw) - len(raw.lstrip("\f"))
        out.append(Line(no, clean, pos + lead, page, origin=origin))
        if "\f" in raw[lead:]:
            page += raw[lead:].count("\f")
        pos += len(raw) + 1
    return out


def _figure_token(text: str) -> Optional[str]:
    """The figure a tail token prints ("$1,234" → "1,234", "$(5)" → "(5)"), or None; a range's two ends, as
    printed ("$190.0 - $193.0", joined by _joined_ranges)."""
    if " " in text and is_range(text):
        return text
    t = text
    if t.startswith("$(") or t.startswith("US$("):
        t = t[t.index("("):]
    t = t.lstrip("$") if not t.startswith("US$") else t[3:]
    if not t:
        return None
    if t.endswith("%)"):
        t = percent_outside(t)
    if is_year(t):
        return None
    if parse_figure(t) is not None:
        return t
    if t.lower() in _NO_VALUE:
        return t
    return None


def classify(ln: Line) -> Line:
    raw = ln.raw.rstrip()
    ln.raw = raw
    if not raw.strip() or _RULE_LINE.match(raw):   # a ruled line under a header or above a total
        ln.kind = "blank"
        return ln
    last = raw.rsplit(None, 1)[-1]
    cut = _CUT_FIGURE.match(last) is not None
    if not cut and last not in _MARKS and last != "%" and _figure_token(last) is None and not _SEPARATOR.search(raw) \
            and not _LETTER_MARK.match(last):
        # no figure ends the line (the tail below would stop at its last word): text or a header, read without
        # its words' tokens, which only a row's label needs
        ln.indent = len(raw) - len(raw.lstrip())
        return _classify_text(ln, raw)
    toks = _tokens(raw)
    if ")" in raw or "*" in raw or "†" in raw or "‡" in raw or "§" in raw:   # a mark may end a figure
        toks = [_unmarked(t) for t in toks]
    if ("$" in raw or "%" in raw) and (" - " in raw or " – " in raw or " to " in raw):
        toks = _joined_ranges(raw, toks)
    ln.indent = toks[0].start
    if cut:
        # an amount whose parenthesis never closes ends the line ("(146,159"): the page's edge cut it off, a
        # word processor setting a table wider than the page. It is not read; the figures before it are. After
        # words, it is a label's wrapped aside ("... outstanding (4,137"), and the line is text.
        toks = toks[:-1]
        if not toks or (toks[-1].text not in _MARKS and _figure_token(toks[-1].text) is None):
            return _classify_text(ln, raw)
    tail: list[Tok] = []
    i = len(toks) - 1
    while i >= 0:
        t = toks[i]
        if t.text in _MARKS or _LETTER_MARK.match(t.text) and i > 0 and _figure_token(toks[i - 1].text):
            i -= 1
            continue
        if t.text == "%" and i > 0 and _figure_token(toks[i - 1].text):
            prev = toks[i - 1]
            fig = _figure_token(prev.text)
            tail.insert(0, Tok(fig + "%", prev.start, t.end, _digit_edge(prev), True))
            i -= 2
            continue
        fig = _figure_token(t.text)
        if fig is None:
            break
        num = parse_figure(fig)
        tail.insert(0, Tok(fig, t.start, t.end, _digit_edge(t),
                            bool(num is not None and not num.nil) or " " in fig))
        i -= 1
    label_toks = toks[:i + 1]
    # a figure printed right after a word ("Cost of sales (1)", "Earnings per share 1") is part of the label
    while tail and label_toks and tail[0].start - label_toks[-1].end < MIN_GAP:
        first = tail.pop(0)
        label_toks = [t for t in toks if t.end <= first.end]
    if tail:
        ln.kind, ln.tail, ln.label_toks = "row", tail, label_toks
        ln.label = collapse_spaces(" ".join(t.text for t in label_toks))
        return ln
    return _classify_text(ln, raw)


def _unmarked(t: Tok) -> Tok:
    """A figure with a footnote's mark printed against it ("4,495*", "9,995(1)") as the figure alone, its
    right edge where its digits end (the mark hangs out, as a parenthesis does)."""
    bare = without_mark(t.text)
    if bare == t.text or _figure_token(bare) is None:
        return t
    return Tok(bare, t.start, t.start + len(bare))


def _classify_text(ln: Line, raw: str) -> Line:
    """A line with no figures to end it: a header line or text."""
    ln.label = collapse_spaces(raw)
    chunks = _chunks(raw)
    # a date or year with a full stop ends a sentence ("... at December 31, 1998."), never a column header
    if not (raw.endswith(".") and raw[-2:-1].isdigit()) and any(_is_header_piece(c) for _s, _e, c in chunks) and all(
            _is_header_piece(c) or _is_column_words(c) for _s, _e, c in chunks[1:]):
        ln.kind = "head"
    else:
        ln.kind = "text"
    return ln


_SEPARATORS = ("\x1c", "\x1d", "\x1e", "\x1f")   # blank to str.split, not to _TOKEN's \S
_SEPARATOR = kept_regex("[\x1c-\x1f]")


def _tokens(raw: str) -> list[Tok]:
    """_TOKEN's runs of non-blank characters in a line: str.split finds them in a tenth of the time (each
    word is found again from the end of the one before, past blanks only), unless the line holds one of the
    four separator controls, which split takes for blanks."""
    if any(c in raw for c in _SEPARATORS):
        return [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(raw)]
    toks, end = [], 0
    for word in raw.split():
        start = raw.find(word, end)
        end = start + len(word)
        toks.append(Tok(word, start, end))
    return toks


_DASH = {"-", "–", "—", "to"}


def _joined_ranges(raw: str, toks: list[Tok]) -> list[Tok]:
    """Both ends of an outlook's range printed close together ("$190.0 - $193.0", "$ 190.0 – $ 193.0") as one
    token, a cell of its own (readers/range_cells.py splits it into its low and high ends): read apart, the dash
    between them was a figure of its own column."""
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        end = _range_end(raw, toks, i)
        if end is None:
            out.append(toks[i])
            i += 1
            continue
        out.append(Tok(" ".join(t.text for t in toks[i:end]), toks[i].start, toks[end - 1].end))
        i = end
    return out


def _range_end(raw: str, toks: list[Tok], i: int) -> Optional[int]:
    """Where the range that starts at token `i` ends (exclusive), if one does: a dollar amount, a dash, another
    amount, each a space or two from the next; or two percentages so."""
    n = len(toks)
    j = i + 1 if toks[i].text in ("$", "$(") else i            # the first amount's digits
    if j + 2 >= n or toks[j + 1].text not in _DASH:
        return None
    k = j + 3 if toks[j + 2].text in ("$", "$(") else j + 2    # the second amount's digits
    if k >= n or not ("$" in raw[toks[i].start:toks[j].end] or toks[j].text.endswith("%") and toks[k].text.endswith("%")):
        return None   # a dollar amount first, or two percentages ("15% - 17%" growth in the same outlook)
    if any(not 1 <= toks[m + 1].start - toks[m].end <= 2 for m in range(i, k)):
        return None   # a PDF's words laid out at their places may stand two spaces apart
    return k + 1 if is_range(raw[toks[i].start:toks[k].end]) else None


def _digit_edge(t: Tok) -> int:
    """Where the digits of a figure end: right-aligned figures line up here."""
    s = t.text.rstrip(")%")
    return t.start + len(s) if s else t.end


def label_gap(ln: Line) -> int:
    return ln.tail[0].start - ln.label_toks[-1].end if ln.label_toks and ln.tail else 0


def is_text_table_line(raw: str) -> bool:
    """A line of a table of words ("Total revenue      $4.75 billion to $4.78 billion"): wide gaps inside."""
    return bool(_WIDE_GAP.search(raw.strip()))
