"""Inline-CSS and text helpers for the HTML reader.

EDGAR filings carry their layout in `style` attributes, not in stylesheets, so a handful of inline properties
decide what a reader sees: `display:none` hides Workiva's duplicate page-break rows, a raised small font marks a
footnote, and left padding/margin is the only trace of a label's indentation. Parsing a `style` value here is
parsing CSS declarations, not markup.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional
from ..rulebook.regex_code import kept_re
from .normalize import LIGATURES

# Elements whose content is never document text.
SKIP_TAGS = frozenset({"head", "title", "script", "style", "noscript", "template", "object", "embed", "iframe",
                       "select", "option", "textarea", "button", "map", "svg", "math"})

# Elements that end a run of prose: each starts a new Paragraph. Inline elements (<font>, <span>, <b>, <a>) don't.
BLOCK_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                        "blockquote", "pre", "center", "section", "article", "header", "footer", "nav", "aside",
                        "address", "hr", "form", "fieldset", "figure", "figcaption", "main", "body", "html",
                        "caption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "page", "listing"})

# A footnote mark as printed in a superscript: 1, 12, (1), *, **, †, a, (a), 1,2.
_FOOTNOTE_MARK = kept_re(r"^[(\[]?(?:\d{1,2}|[a-z]|\*{1,3}|[†‡§¶#]{1,3})(?:\s*,\s*(?:\d{1,2}|[a-z]))*[)\]]?$")

# HTML maps numeric references &#128;-&#159; to Windows-1252 (old Donnelley files write &#146; for ’);
# libxml2 gives the raw C1 control characters, so translate them back.
_C1_TO_CP1252 = {}
for _code in range(0x80, 0xA0):
    try:
        _C1_TO_CP1252[_code] = bytes([_code]).decode("cp1252")
    except UnicodeDecodeError:
        _C1_TO_CP1252[_code] = None  # undefined in cp1252: drop
# Invisible characters that must not split or join words in normalized text, and C0 control characters
# (tab, newline and the like are whitespace and are kept for `split`).
_C1_TO_CP1252.update({0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None, 0x00AD: None})
_C1_TO_CP1252.update({code: None for code in range(0x20) if not chr(code).isspace()})
_C1_TO_CP1252[0x0130] = "I"   # the dotted capital I, as every reader spells it (normalize.py)
_C1_TO_CP1252.update({ord(c): letters for c, letters in LIGATURES.items()})   # "pro\ufb01t": "profit"


_C0_CONTROL = kept_re(r"[\x00-\x08\x0e-\x1f]")


def normalize_space(text: str) -> str:
    """Collapse all whitespace (including &nbsp;) to single spaces and repair cp1252 references. Plain ASCII
    without control characters has nothing to translate (the common case, and str.translate is slow)."""
    if text.isascii() and not _C0_CONTROL.search(text):
        return " ".join(text.split())
    return " ".join(text.translate(_C1_TO_CP1252).split())


@lru_cache(maxsize=4096)
def _declarations(style: str) -> dict[str, str]:
    """Parsed once per distinct style string: generated HTML repeats a few dozen styles thousands of times."""
    props = {}
    for decl in style.lower().split(";"):
        name, sep, value = decl.partition(":")
        if sep:
            props[name.strip()] = value.strip()
    return props


def is_hidden(attrib, style: Optional[str]) -> bool:
    """True for elements a browser would not show (display:none, visibility:hidden, the hidden attribute).
    `attrib` is the element's attributes and `style` its style attribute, looked up once by the caller."""
    if "hidden" in attrib:
        return True
    if not style:
        return False
    props = _declarations(style)
    return props.get("display") == "none" or props.get("visibility") == "hidden"


def is_raised(tag: str, style: Optional[str]) -> bool:
    """A superscript: <sup>, vertical-align:super, or Workiva's small font at position:relative;top:-3pt."""
    if tag == "sup":
        return True
    if not style or ("super" not in style and "top" not in style):
        return False
    props = _declarations(style)
    return props.get("vertical-align") in ("super", "text-top") or (
        props.get("position") == "relative" and props.get("top", "").startswith("-"))


def is_footnote_mark(text: str) -> bool:
    """Whether a superscript's text is a footnote mark (1, (1), *, a, †), which is dropped where it refers to a
    footnote, so that "Earnings per share1" reads as "Earnings per share"."""
    text = normalize_space(text)
    return len(text) <= 12 and bool(_FOOTNOTE_MARK.match(text))


def strip_footnote_marks(label: str) -> str:
    """Remove trailing printed footnote marks from a label: "Stock-based compensation (3)" -> "Stock-based
    compensation", "Acquisition-related expenses (*)" -> "Acquisition-related expenses"."""
    out = label
    while True:
        trimmed = _TRAILING_MARK.sub("", out)
        if trimmed == out:
            return out
        out = trimmed


_TRAILING_MARK = kept_re(r"(?:\s*\((?:\d{1,2}|[a-z]|\*{1,3}|[†‡§])\)|\s*\*{1,3}|\s*[†‡§]+)$")


_LENGTH = kept_re(r"^(-?\d*\.?\d+)(pt|px|em|in|cm|mm|pc)?$")
_PT_PER_UNIT = {"pt": 1.0, "px": 0.75, "em": 10.0, "in": 72.0, "cm": 28.35, "mm": 2.835, "pc": 12.0, None: 0.75}


def _length_pt(value: Optional[str]) -> float:
    """A CSS length in points; 0 for percentages, `auto` and anything unreadable."""
    if not value:
        return 0.0
    m = _LENGTH.match(value.strip())
    return float(m.group(1)) * _PT_PER_UNIT[m.group(2)] if m else 0.0


def _box_left(props: dict[str, str], name: str) -> float:
    """The left side of `padding`/`margin`, from the long-hand property or the 1-4 value short-hand."""
    if name + "-left" in props:
        return _length_pt(props[name + "-left"])
    parts = props.get(name, "").split()
    if not parts:
        return 0.0
    return _length_pt(parts[{1: 0, 2: 1, 3: 1, 4: 3}[min(len(parts), 4)]])


def left_indent(style: Optional[str]) -> float:
    """How far an element pushes its first line right, in points: padding + margin + text-indent."""
    return _indent(style) if style else 0.0


@lru_cache(maxsize=4096)
def _indent(style: str) -> float:
    props = _declarations(style)
    return _box_left(props, "padding") + _box_left(props, "margin") + _length_pt(props.get("text-indent"))
