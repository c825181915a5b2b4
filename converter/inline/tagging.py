"""Inline XBRL 1.1 out of a conversion: the release's page with each fact's figure wrapped in ix:nonFraction
where it is printed, and ix:header holding the rest.

The facts, ids, contexts and units are the ones report.py gives the other formats, so the inline document
states exactly what the XBRL 2.1 instance and the xBRL-JSON state. A fact is tagged in the text when its
figure is found there and, scaled, is its value (locate.py); otherwise (a figure worked out from others, a
second fact of the same cell, a word number) it goes in ix:hidden. The dei cover facts are hidden too.

For the review page (`review=True`) each fact also gets a footnote naming the rule that produced it and what it
was read from, and numbers printed in statement tables that became no fact are marked (class xbrlify-unread).
"""
from __future__ import annotations

import bisect
from typing import Optional

from lxml import etree

from ..emit.formats import fact_sort_key, xml_safe
from ..emit.render import environment
from ..emit.report import FactView, build_report
from ..model import Document, Fact
from ..result import ConversionResult
from .locate import NUMBER, Alignment, Spot, spot_for
from .page import XHTML, Page, page_from_html, page_from_text
from ..dataclass_code import dataclass

IX = "http://www.xbrl.org/2013/inlineXBRL"
IXT = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
BASE_NAMESPACES = {"ix": IX, "ixt": IXT, "xbrli": "http://www.xbrl.org/2003/instance",
                   "link": "http://www.xbrl.org/2003/linkbase", "xlink": "http://www.w3.org/1999/xlink",
                   "xbrldi": "http://xbrl.org/2006/xbrldi", "iso4217": "http://www.xbrl.org/2003/iso4217"}
UNREAD_CLASS = "xbrlify-unread"
UNREAD_STYLE = "outline:2px dashed #c2410c;outline-offset:1px;background:#fff1e6"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class Tagging:
    """What became of each fact: tagged on the page, or hidden; and the numbers no fact came from."""
    tagged: dict[str, Spot]
    hidden: list[str]
    unread: list[tuple[int, int]]


def render_ixbrl(result: ConversionResult, source_text: str, document: Document, schema_href: str,
                 review: bool = False, title: str = "") -> str:
    xhtml, _ = build_ixbrl(result, source_text, document, schema_href, review, title)
    return xhtml


def build_ixbrl(result: ConversionResult, source_text: str, document: Document, schema_href: str,
                review: bool = False, title: str = "") -> tuple[str, Tagging]:
    """The inline XBRL document (UTF-8 XHTML text) and what was tagged where."""
    page = _page(source_text, document, title or (result.entity.name or ""))
    report = build_report(result)
    ordered = sorted(result.facts, key=fact_sort_key)
    views = [v for v in report.facts if not v.id.startswith("cover-")]
    facts = dict(zip((v.id for v in views), ordered))
    alignment = Alignment(document.text, page.text)
    tagged: dict[str, Spot] = {}
    taken: list[tuple[int, int]] = []
    for view in views:
        spot = spot_for(facts[view.id], alignment, page.text)
        if spot is not None and not any(s < spot.end and spot.start < e for s, e in taken):
            tagged[view.id] = spot
            taken.append((spot.start, spot.end))
    unread = _unread_numbers(document, alignment, page.text, taken) if review else []
    by_id = {v.id: v for v in views}
    wraps = [(spot, _fact_element(by_id[i], spot)) for i, spot in tagged.items()]
    wraps += [(Spot(s, e, page.text[s:e], 0), _unread_element()) for s, e in unread]
    _apply(page, wraps)
    hidden = [v for v in report.facts if v.id not in tagged]
    footnotes = _footnotes(page, views, facts) if review else []
    if review:
        _legend(page, len(tagged), len(unread))
    root = _inline_root(page, report.namespaces)
    header = environment().get_template("ixbrl-header.xml.j2").render(
        namespaces=sorted({**BASE_NAMESPACES, **report.namespaces}.items()), hidden=hidden, report=report,
        schema_href=schema_href, footnotes=footnotes)
    holder = etree.Element(f"{{{XHTML}}}div", style="display:none")
    holder.append(etree.fromstring(header.encode("utf-8")))
    body = root.find(f"{{{XHTML}}}body")
    body.insert(0, holder)
    text = etree.tostring(root, encoding="utf-8", xml_declaration=True).decode("utf-8")
    return text, Tagging(tagged, [v.id for v in hidden], unread)


def _page(source_text: str, document: Document, title: str) -> Page:
    if document.layout == "html":
        try:
            return page_from_html(source_text, title)
        except (RecursionError, etree.ParserError, ValueError):
            pass     # nested past any depth a tree can take: the reader's own text still shows every figure
        return page_from_text(document.text, title)
    return page_from_text(source_text if document.layout != "pdf" else document.text, title)


def _fact_element(view: FactView, spot: Spot) -> etree._Element:
    el = etree.Element(f"{{{IX}}}nonFraction", id=view.id, name=view.concept, contextRef=view.context,
                       unitRef=view.unit, decimals=str(view.decimals), scale=str(spot.scale),
                       format="ixt:fixed-zero" if spot.zero_dash else "ixt:num-dot-decimal")
    if view.value.startswith("-"):
        el.set("sign", "-")
    return el


def _unread_element() -> etree._Element:
    return etree.Element(f"{{{XHTML}}}span", {"class": UNREAD_CLASS, "style": UNREAD_STYLE,
                                               "title": "no fact: no rule read this figure"})


def _apply(page: Page, wraps: list[tuple[Spot, etree._Element]]) -> None:
    """Wrap each spot's text in its element, within the text node it lies in; right to left, so that the
    offsets of the spots still to do stay true."""
    starts = [s.start for s in page.segments]
    for spot, el in sorted(wraps, key=lambda w: w[0].start, reverse=True):
        k = bisect.bisect_right(starts, spot.start) - 1
        if k < 0:
            continue
        seg = page.segments[k]
        if spot.end > seg.end:
            continue      # a figure split over two text nodes cannot be wrapped whole
        i, j = spot.start - seg.start, spot.end - seg.start
        if seg.attr == "text":
            text = seg.element.text
            el.text, el.tail = text[i:j], text[j:]
            seg.element.text = text[:i]
            seg.element.insert(0, el)
        else:
            text = seg.element.tail
            el.text, el.tail = text[i:j], text[j:]
            seg.element.tail = text[:i]
            seg.element.addnext(el)


def _unread_numbers(document: Document, alignment: Alignment, page_text: str,
                    taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Page places of the figures in the reader's tables that no fact was tagged on."""
    out: list[tuple[int, int]] = []
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.span is None:
                    continue
                for tok, s, e in alignment.page_tokens(cell.span):
                    if NUMBER.fullmatch(tok) and not any(a < e and s < b for a, b in taken + out):
                        out.append((s, e))
    return out


def _footnotes(page: Page, views: list[FactView], facts: dict[str, Fact]) -> list[tuple[str, str]]:
    """ix:footnote per fact, saying which rule produced it from what: kept out of sight in the page."""
    holder = etree.SubElement(page.body, f"{{{XHTML}}}div", style="display:none")
    out = []
    for view in views:
        prov = facts[view.id].provenance
        if prov is None:
            continue
        note = etree.SubElement(holder, f"{{{IX}}}footnote", id=f"fn-{view.id}")
        note.text = xml_safe(_footnote_text(prov.rule_id, prov.source_text, prov.steps))
        out.append((view.id, f"fn-{view.id}"))
    return out


def _legend(page: Page, tagged: int, unread: int) -> None:
    """A line above the release saying what the marks mean (kept free of figures, so it tags nothing)."""
    note = etree.Element(f"{{{XHTML}}}div", style="font-family:sans-serif;font-size:small;padding:6px;"
                                                   "margin-bottom:8px;border-bottom:1px solid #ccc")
    note.text = ("xbrlify review: highlighted figures became facts; select one to see its concept, period, unit "
                 "and, under footnotes, the rule that produced it. ")
    mark = etree.SubElement(note, f"{{{XHTML}}}span", style=UNREAD_STYLE)
    mark.text = "Outlined figures"
    mark.tail = " were printed in a statement table but became no fact."
    page.body.insert(0, note)


def _footnote_text(rule_id: str, source_text: str, steps: tuple[str, ...]) -> str:
    read = " ".join(source_text.split())
    parts = [f"rule: {rule_id}"]
    if read:
        parts.append(f"read from: {read[:200]}")
    parts.extend(steps)
    return "; ".join(parts)


def _inline_root(page: Page, namespaces: dict[str, str]) -> etree._Element:
    """The page's <html> again, now declaring every prefix the facts' names and the header use."""
    nsmap: dict[Optional[str], str] = {None: XHTML, **BASE_NAMESPACES, **namespaces}
    root = etree.Element(f"{{{XHTML}}}html", nsmap=nsmap)
    root.set(XML_LANG, "en")
    for child in list(page.root):
        root.append(child)
    return root
