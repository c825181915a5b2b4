"""The XBRL 2.1 instance checked with lxml, without Arelle.

Always: the structure, against our own small XSD in schemas/instance/ (element order, contexts, units), plus
what XSD cannot say about facts under a wildcard: each contextRef and unitRef names an existing context or
unit, numeric facts carry integer decimals, ids are unique.

Strict mode, when the rendered taxonomy is given (the render_taxonomy dict or the directory holding it): the
instance against the official XBRL 2.1 base schemas plus our stand-in concept schemas, so fact values are
checked against their item types. The base schemas cannot be fetched offline; Arelle's package ships copies,
so strict mode needs Arelle installed. The official US-GAAP, SRT and DEI entry points resolve to the project's
taxonomy package (taxonomies/package.py), as they do for Arelle.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Mapping, Optional, Union

from lxml import etree

from ..paths import SCHEMAS_DIR
from .arelle_runner import INSTALL_HINT, ArelleUnavailable

STRUCTURE_XSD = SCHEMAS_DIR / "instance" / "xbrli.xsd"
XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
VIRTUAL_BASE = "file:///xbrlify-taxonomy/"   # where in-memory taxonomy files pretend to live

Taxonomy = Union[Mapping[str, str], Path, str]


def _parser() -> etree.XMLParser:
    # No network, no entity expansion: the instance is ours, but the parser should not trust that.
    return etree.XMLParser(no_network=True, resolve_entities=False, remove_blank_text=False)


@lru_cache(maxsize=1)
def _structure_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(STRUCTURE_XSD), _parser()))


def base_schema_cache() -> Path:
    """Arelle's bundled copies of the XBRL base schemas (resources/cache/http/www.xbrl.org/...)."""
    spec = find_spec("arelle")
    if spec is None or not spec.origin:
        raise ArelleUnavailable(f"strict XML validation needs the XBRL base schemas Arelle ships. {INSTALL_HINT}")
    return Path(spec.origin).parent / "resources" / "cache"


@lru_cache(maxsize=1)
def _package_by_url() -> dict[str, str]:
    """The taxonomy package's schemas by the official URL its catalog maps to them."""
    from ..taxonomies.official import ENTRY_POINTS
    from ..taxonomies.package import PACKAGE_ROOT, package_files
    files = package_files()
    out = {}
    for ep in ENTRY_POINTS.values():
        inside = f"{PACKAGE_ROOT}/{ep.base.split('://', 1)[1].split('/', 1)[1]}{ep.url[len(ep.base):]}"
        out[ep.url] = files[inside]
    return out


class _TaxonomyResolver(etree.Resolver):
    """Official entry points -> the taxonomy package; other official URLs -> Arelle's cached copies; our file
    names -> the in-memory taxonomy."""

    def __init__(self, cache: Path, files: Mapping[str, str]):
        super().__init__()
        self.cache, self.files = cache, files

    def resolve(self, url, pubid, context):
        packaged = _package_by_url().get(url)
        if packaged is not None:
            return self.resolve_string(packaged, context, base_url=url)
        if url.startswith(("http://", "https://")):
            scheme, rest = url.split("://", 1)
            local = self.cache / scheme / rest
            return self.resolve_filename(str(local), context) if local.is_file() else None
        if url.startswith(VIRTUAL_BASE) and url[len(VIRTUAL_BASE):] in self.files:
            return self.resolve_string(self.files[url[len(VIRTUAL_BASE):]], context, base_url=url)
        return None


def _load_files(taxonomy: Taxonomy) -> dict[str, str]:
    if isinstance(taxonomy, Mapping):
        return dict(taxonomy)
    folder = Path(taxonomy)
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())
            if p.is_file() and p.suffix in (".xsd", ".xml")}


def _fact_checks(root: etree._Element) -> list[str]:
    messages = []
    contexts = {c.get("id") for c in root.iterfind(f"{{{XBRLI}}}context")}
    units = {u.get("id") for u in root.iterfind(f"{{{XBRLI}}}unit")}
    ids: set[str] = set()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        ident = el.get("id")
        if ident is not None:
            if ident in ids:
                messages.append(f"line {el.sourceline}: duplicate id {ident!r}")
            ids.add(ident)
    for el in root:
        if not isinstance(el.tag, str) or etree.QName(el).namespace in (XBRLI, LINK):
            continue
        name, line = etree.QName(el).localname, el.sourceline
        if el.get("contextRef") not in contexts:
            messages.append(f"line {line}: fact {name} refers to missing context {el.get('contextRef')!r}")
        unit, decimals = el.get("unitRef"), el.get("decimals")
        if unit is not None and unit not in units:
            messages.append(f"line {line}: fact {name} refers to missing unit {unit!r}")
        if (unit is None) != (decimals is None):
            messages.append(f"line {line}: fact {name} must have both unitRef and decimals, or neither")
        if decimals is not None and not decimals.lstrip("-").isdigit():
            messages.append(f"line {line}: fact {name} has non-integer decimals {decimals!r}")
    return messages


def _strict(doc: etree._ElementTree, taxonomy: Taxonomy) -> list[str]:
    files = _load_files(taxonomy)
    ref = doc.getroot().find(f"{{{LINK}}}schemaRef")
    entry = ref.get(f"{{{XLINK}}}href") if ref is not None else None
    if entry not in files:
        return [f"strict: entry schema {entry!r} is not among the taxonomy files {sorted(files)}"]
    parser = _parser()
    parser.resolvers.add(_TaxonomyResolver(base_schema_cache(), files))
    try:
        schema_doc = etree.fromstring(files[entry].encode("utf-8"), parser, base_url=VIRTUAL_BASE + entry)
        schema = etree.XMLSchema(etree.ElementTree(schema_doc))
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as e:
        return [f"strict: the taxonomy does not compile: {e}"]
    if schema.validate(doc):
        return []
    return [f"strict: line {e.line}: {e.message}" for e in schema.error_log]


def validate_xml(text: Union[str, bytes], taxonomy: Optional[Taxonomy] = None) -> list[str]:
    """Messages for every problem found ("line N: message"); empty when the instance is valid."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        doc = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as e:
        return [f"not well-formed XML: {e}"]
    schema = _structure_schema()
    messages = [] if schema.validate(doc) else [f"line {e.line}: {e.message}" for e in schema.error_log]
    messages += _fact_checks(doc.getroot())
    if taxonomy is not None:
        messages += _strict(doc, taxonomy)
    return messages


def validate_xhtml(text: Union[str, bytes]) -> list[str]:
    """The inline XBRL document parses as XML, is XHTML and holds one ix:header; the rest is Arelle's to say."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        return [f"not well-formed XML: {e}"]
    if root.tag != "{http://www.w3.org/1999/xhtml}html":
        return [f"the root element is {root.tag}, not XHTML's html"]
    headers = root.findall(".//{http://www.xbrl.org/2013/inlineXBRL}header")
    return [] if len(headers) == 1 else [f"{len(headers)} ix:header elements, not one"]
