"""The release as an XHTML page that inline XBRL can live in, and the page's visible text with where each piece
of it sits, so that a figure found in the text can be wrapped where it is printed.

Inline XBRL 1.1 documents are XHTML 1.1, checked against its schema: no <font>, <center> or `align` on a
paragraph, no text straight under <body>, no block inside an inline element, tables with rows and rows with
cells. Source HTML breaks all of these (and much else: unclosed tags, stray text in tables, duplicate ids), so
the page is rebuilt, not copied: each element is kept when XHTML 1.1 has it, renamed when it has an equivalent
(<font> is a <span>, <center> a centred <div>), its presentational attributes turned into CSS, and unwrapped
otherwise. Images are left out, since a page that loads nothing from outside shows the same offline.

A text release (newswire copy, pdftotext output, a PDF's text layer) becomes one <pre> holding its text as
printed, so that its tables keep their columns.
"""
from __future__ import annotations

import re
from dataclasses import field
from typing import Optional

import lxml.html
from lxml import etree

from ..emit.formats import xml_safe
from ..readers.edgar import exhibit_text
from ..readers.normalize import fix_mojibake
from ..rulebook.regex_code import kept_re
from ..dataclass_code import dataclass

XHTML = "http://www.w3.org/1999/xhtml"
X = f"{{{XHTML}}}"

INLINE = frozenset({"a", "abbr", "acronym", "b", "big", "br", "cite", "code", "dfn", "em", "i", "kbd", "q",
                    "samp", "small", "span", "strong", "sub", "sup", "tt", "var", "del", "ins", "bdo"})
BLOCK = frozenset({"address", "blockquote", "div", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "ol", "p",
                   "pre", "table", "ul"})
# elements whose content may only be inline
INLINE_ONLY = INLINE | {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "dt", "caption"}
TABLE_PARTS = frozenset({"caption", "col", "colgroup", "thead", "tfoot", "tbody", "tr", "td", "th"})
LIST_PARTS = frozenset({"li", "dt", "dd"})
KEEP = INLINE | BLOCK | TABLE_PARTS | LIST_PARTS
# source elements with an XHTML equivalent: new name and the CSS it stood for
RENAME = {"font": ("span", ""), "center": ("div", "text-align:center"), "u": ("span", "text-decoration:underline"),
          "s": ("span", "text-decoration:line-through"), "strike": ("span", "text-decoration:line-through"),
          "ins": ("span", ""), "nobr": ("span", "white-space:nowrap"), "section": ("div", ""),
          "article": ("div", ""), "header": ("div", ""), "footer": ("div", ""), "main": ("div", ""),
          "nav": ("div", ""), "figure": ("div", ""), "figcaption": ("div", ""), "label": ("span", ""),
          "mark": ("span", ""), "time": ("span", ""), "font-size": ("span", "")}
DROP = frozenset({"head", "script", "style", "noscript", "img", "object", "embed", "iframe", "map", "area",
                  "form", "input", "select", "textarea", "button", "svg", "math", "link", "meta", "title", "base"})
COMMON_ATTRS = frozenset({"class", "style", "title", "dir"})
ATTRS = {"table": {"summary", "width", "border", "frame", "rules", "cellspacing", "cellpadding"},
         "td": {"abbr", "axis", "headers", "scope", "rowspan", "colspan", "align", "char", "charoff", "valign"},
         "tr": {"align", "char", "charoff", "valign"},
         "col": {"span", "width", "align", "valign"}, "colgroup": {"span", "width", "align", "valign"},
         "a": {"href"}}
ATTRS["th"] = ATTRS["td"]
for _part in ("thead", "tbody", "tfoot"):
    ATTRS[_part] = ATTRS["tr"]
# presentational attributes XHTML 1.1 dropped, and the CSS property each meant
AS_CSS = {"align": "text-align", "valign": "vertical-align", "bgcolor": "background-color", "width": "width",
          "height": "height", "color": "color", "face": "font-family"}
_FONT_SIZES = {"1": "x-small", "2": "small", "3": "medium", "4": "large", "5": "x-large", "6": "xx-large",
               "7": "xx-large"}
_HIDDEN = kept_re(r"display\s*:\s*none", re.I)
_SPACE = kept_re(r"\s+")
_LENGTH = kept_re(r"^\d+(?:\.\d+)?%?$")


@dataclass
class Segment:
    """A run of visible text: page.text[start:end] is element.text or element.tail."""
    start: int
    end: int
    element: etree._Element
    attr: str          # "text" | "tail"


@dataclass
class Page:
    root: etree._Element
    body: etree._Element
    text: str = ""
    segments: list[Segment] = field(default_factory=list)


def page_from_html(html: str, title: str = "") -> Page:
    """The release's own HTML (optionally in its EDGAR wrapper), rebuilt as XHTML 1.1."""
    source = lxml.html.document_fromstring(
        fix_mojibake(exhibit_text(html)).encode("utf-8", "replace"),
        parser=lxml.html.HTMLParser(encoding="utf-8", no_network=True, huge_tree=True, recover=True,
                                    remove_comments=True, remove_pis=True))
    root, body = _skeleton(title or (source.findtext(".//title") or "").strip())
    head_style = [s.text for s in source.iter("style") if s.text]
    if head_style:
        style = etree.SubElement(root.find(f"{X}head"), f"{X}style", type="text/css")
        style.text = xml_safe("\n".join(head_style))
    src_body = source.find("body")
    _convert_children(src_body if src_body is not None else source, body)
    _fix_flow(body, block_only=True)
    return index(Page(root, body))


def page_from_text(text: str, title: str = "") -> Page:
    """A text release as one <pre>, its lines as printed."""
    root, body = _skeleton(title)
    pre = etree.SubElement(body, f"{X}pre", style="white-space:pre-wrap;font-family:monospace")
    pre.text = xml_safe(text)
    return index(Page(root, body))


def _skeleton(title: str) -> tuple[etree._Element, etree._Element]:
    root = etree.Element(f"{X}html", nsmap={None: XHTML})
    head = etree.SubElement(root, f"{X}head")
    etree.SubElement(head, f"{X}meta", {"http-equiv": "Content-Type", "content": "text/html; charset=utf-8"})
    etree.SubElement(head, f"{X}title").text = xml_safe(title) or "Earnings release"
    return root, etree.SubElement(root, f"{X}body")


def _style(src: etree._Element, extra: str) -> str:
    parts = [extra] if extra else []
    for name, prop in AS_CSS.items():
        value = src.get(name)
        if value and (name not in ("width", "height") or _LENGTH.match(value.strip())):
            value = value.strip()
            parts.append(f"{prop}:{value}{'px' if name in ('width', 'height') and value.isdigit() else ''}")
    size = (src.get("size") or "").strip()
    if src.tag == "font" and size in _FONT_SIZES:
        parts.append(f"font-size:{_FONT_SIZES[size]}")
    if src.get("style"):
        parts.append(src.get("style").strip().rstrip(";"))
    return xml_safe(";".join(p for p in parts if p))


def _convert_children(src: etree._Element, dst: etree._Element) -> None:
    """Copy src's content into dst, element by element; text is appended where it falls."""
    _append_text(dst, src.text)
    for child in src:
        if not isinstance(child.tag, str):          # comments, entities: only their tail is text
            _append_text(dst, child.tail)
            continue
        _convert(child, dst)
        _append_text(dst, child.tail)


def _convert(src: etree._Element, parent: etree._Element) -> None:
    tag = src.tag.lower() if isinstance(src.tag, str) else ""
    if tag in DROP or _HIDDEN.search(src.get("style") or "") or src.get("hidden") is not None:
        return
    extra = ""
    if tag in RENAME:
        tag, extra = RENAME[tag]
    if tag not in KEEP:                             # an element XHTML has no word for: its content stays
        _convert_children(src, parent)
        return
    el = etree.SubElement(parent, f"{X}{tag}")
    allowed = COMMON_ATTRS | ATTRS.get(tag, set())
    for name in allowed - {"style"}:
        value = src.get(name)
        if value is not None and not (name == "href" and value.strip().lower().startswith("javascript:")):
            el.set(name, xml_safe(value))
    style = _style(src, extra) if tag not in ("td", "th", "tr") else _style_cell(src, extra)
    if style:
        el.set("style", style)
    if tag == "hr" or tag == "br" or tag == "col":
        return
    _convert_children(src, el)


def _style_cell(src: etree._Element, extra: str) -> str:
    """Table cells keep align and valign as attributes; the rest of their presentation becomes CSS."""
    parts = [extra] if extra else []
    for name in ("bgcolor", "width", "height"):
        value = (src.get(name) or "").strip()
        if value and (name == "bgcolor" or _LENGTH.match(value)):
            parts.append(f"{AS_CSS[name]}:{value}{'px' if name != 'bgcolor' and value.isdigit() else ''}")
    if src.get("nowrap") is not None:
        parts.append("white-space:nowrap")
    if src.get("style"):
        parts.append(src.get("style").strip().rstrip(";"))
    return xml_safe(";".join(p for p in parts if p))


def _append_text(el: etree._Element, text: Optional[str]) -> None:
    if not text:
        return
    text = xml_safe(text)
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


# ----------------------------------------------------------------------------------------- content models

def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _has_block(el: etree._Element) -> bool:
    return any(_local(d) in BLOCK or _local(d) in TABLE_PARTS or _local(d) in LIST_PARTS
               for d in el.iterdescendants())


def _fix_flow(el: etree._Element, block_only: bool = False) -> None:
    """Make `el`'s content what XHTML 1.1 allows, children first: inline elements holding blocks become
    <div>s, loose text and inline runs under <body> (or other block-only parents) go into a <div>, tables and
    lists get the parts they must have."""
    for child in list(el):
        _fix_flow(child)
    name = _local(el)
    if name in INLINE_ONLY and _has_block(el):
        el.tag = f"{X}div"
        for attr in set(el.attrib) - COMMON_ATTRS:
            del el.attrib[attr]
        name = "div"
    if name == "pre":     # XHTML's <pre> takes no size or position changes of its text
        for d in el.iterdescendants(f"{X}big", f"{X}small", f"{X}sub", f"{X}sup"):
            d.tag = f"{X}span"
    if name in ("table", "thead", "tbody", "tfoot"):
        _fix_table_part(el, name)
    elif name == "tr":
        _fix_row(el)
    elif name in ("ul", "ol", "dl"):
        _fix_list(el, name)
    elif block_only or name in ("blockquote",):
        _wrap_inline_runs(el)


def _pieces(el: etree._Element) -> list:
    """el's content as ("text", str) and ("el", child) in order, taken out of el."""
    pieces: list = [("text", el.text)] if el.text else []
    for child in list(el):
        pieces.append(("el", child))
        if child.tail:
            pieces.append(("text", child.tail))
        child.tail = None
        el.remove(child)
    el.text = None
    return pieces


def _regroup(el: etree._Element, keeps, wrapper: str) -> None:
    """Put back el's content: children `keeps` accepts stay as they are; runs of anything else (text, other
    elements) go into a new `wrapper` element each."""
    current = None
    for kind, x in _pieces(el):
        if kind == "el" and keeps(x):
            el.append(x)
            current = None
            continue
        if kind == "text" and current is None and not x.strip():
            continue
        if current is None:
            current = etree.SubElement(el, f"{X}{wrapper}")
        if kind == "text":
            _append_text(current, x)
        else:
            current.append(x)


def _wrap_inline_runs(el: etree._Element) -> None:
    """Loose text and inline children of a block-only parent, gathered into <div>s in place."""
    _regroup(el, lambda c: _local(c) not in INLINE, "div")


def _fix_table_part(el: etree._Element, name: str) -> None:
    el.text = None
    rows_wrapper: Optional[etree._Element] = None
    for child in list(el):
        child.tail = None
        cname = _local(child)
        if name == "table" and cname == "tr":
            if rows_wrapper is None:
                rows_wrapper = etree.Element(f"{X}tbody")
                child.addprevious(rows_wrapper)
            rows_wrapper.append(child)
            continue
        if name == "table" and cname in ("caption", "col", "colgroup", "thead", "tfoot", "tbody"):
            rows_wrapper = None
            continue
        if name != "table" and cname == "tr":
            continue
        el.remove(child)                          # anything else has no place between rows
    if name == "table":
        for part in el.findall(f"{X}tbody") + el.findall(f"{X}thead") + el.findall(f"{X}tfoot"):
            if not len(part):
                el.remove(part)
        if el.find(f"{X}tbody") is None and el.find(f"{X}tr") is None:
            el.tag = f"{X}div"                    # no rows: no table
            for attr in list(el.attrib):
                if attr not in COMMON_ATTRS:
                    del el.attrib[attr]
            for child in list(el):
                el.remove(child)
        else:
            _order_table(el)


def _order_table(table: etree._Element) -> None:
    """caption, col/colgroup, thead, tfoot, then the bodies, as XHTML 1.1 wants them; one thead, one tfoot."""
    order = {"caption": 0, "col": 1, "colgroup": 1, "thead": 2, "tfoot": 3, "tbody": 4}
    children = sorted(list(table), key=lambda c: order.get(_local(c), 4))
    seen = set()
    for c in children:
        table.remove(c)
    for c in children:
        name = _local(c)
        if name in ("caption", "thead", "tfoot") and name in seen:
            c.tag = f"{X}tbody"
        seen.add(name)
        table.append(c)


def _fix_row(tr: etree._Element) -> None:
    tr.text = None
    for child in list(tr):
        child.tail = None
        if _local(child) not in ("td", "th"):
            tr.remove(child)
    if not len(tr):
        etree.SubElement(tr, f"{X}td")


def _fix_list(el: etree._Element, name: str) -> None:
    items = ("dt", "dd") if name == "dl" else ("li",)
    _regroup(el, lambda c: _local(c) in items, items[-1])
    if not len(el):
        el.tag = f"{X}div"


# ----------------------------------------------------------------------------------------- visible text

def index(page: Page) -> Page:
    """page.text and page.segments: the visible text in document order, one space between text nodes (so
    that two cells never read as one figure)."""
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0

    def add(el, attr, text):
        nonlocal pos
        if text:
            segments.append(Segment(pos, pos + len(text), el, attr))
            parts.append(text + " ")
            pos += len(text) + 1

    stack = [(page.body, False)]
    while stack:
        el, done = stack.pop()
        if done:
            if el is not page.body:
                add(el, "tail", el.tail)
            continue
        stack.append((el, True))
        if _HIDDEN.search(el.get("style") or ""):
            continue
        add(el, "text", el.text)
        for child in reversed([c for c in el if isinstance(c.tag, str)]):
            stack.append((child, False))
    page.text = "".join(parts)
    page.segments = segments
    return page


def collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
