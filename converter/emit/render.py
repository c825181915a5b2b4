"""Rendering: the views of report.py and dts.py through the Jinja templates in templates/.

Templates only place what the views decided. XML templates autoescape (labels and names may hold <, &, quotes
or "]]>"); the JSON template passes every scalar through the `json` filter instead.
"""
from __future__ import annotations

import json
from functools import lru_cache

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape

from ..paths import TEMPLATES_DIR
from ..result import ConversionResult
from ..taxonomies.official import ENTRY_POINTS
from .dts import TaxonomyView, build_taxonomy, safe_stem
from .report import build_report

DEFAULT_STEM = "report"
XBRLDT_XSD = "http://www.xbrl.org/2005/xbrldt-2005.xsd"
SUMMATION_ITEM_11 = "https://xbrl.org/2023/arcrole/summation-item"
CALCULATION_11_XSD = "https://www.xbrl.org/2023/calculation-1.1.xsd"   # declares it; Arelle ships a copy
# Base schemas an extension schema may import, by the prefix its types use. Arelle ships copies of all three.
TYPE_IMPORTS = {
    "num": ("http://www.xbrl.org/dtr/type/numeric", "http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd"),
    "nonnum": ("http://www.xbrl.org/dtr/type/non-numeric",
               "http://www.xbrl.org/dtr/type/nonNumeric-2009-12-16.xsd"),
    "xbrldt": ("http://xbrl.org/2005/xbrldt", XBRLDT_XSD),
}
LINKBASE_ROLES = {
    "lab": "http://www.xbrl.org/2003/role/labelLinkbaseRef",
    "cal": "http://www.xbrl.org/2003/role/calculationLinkbaseRef",
    "def": "http://www.xbrl.org/2003/role/definitionLinkbaseRef",
}


_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps with options builds one per call
_STRING = json.encoder.encode_basestring      # what _JSON.encode does with a str (ensure_ascii=False)


def _json(value) -> str:
    """The `json` filter: _JSON.encode's text. Strings and ints (most scalars) are spelled directly: encode()
    builds an encoder for anything but a str."""
    kind = type(value)
    if kind is str:
        return _STRING(value)
    if kind is int:
        return int.__repr__(value)
    return _JSON.encode(value)


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The templates' environment; their compiled code is kept in the user cache (rulebook/cache.py's
    folder), so a run does not parse and compile them again (jinja2 checks each against its source)."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        bytecode_cache=_bytecode_cache(),
        autoescape=select_autoescape(enabled_extensions=("xml.j2", "xsd.j2", "xhtml.j2"), disabled_extensions=("json.j2",),
                                     default=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["json"] = _json
    return env


def _bytecode_cache():
    from ..rulebook.cache import cache_dir
    folder = cache_dir()
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder), "template-%s.cache")


def render_json(result: ConversionResult, taxonomy_href: str) -> str:
    """The xBRL-JSON (OIM 1.0) report; `taxonomy_href` is the entry schema, relative to the JSON file."""
    report = build_report(result)
    entity = f"{report.entity.prefix}:{report.entity.identifier}"
    return environment().get_template("xbrl-json.json.j2").render(
        report=report, namespaces=list(report.namespaces.items()), entity=entity, taxonomy_href=taxonomy_href)


def render_xbrl(result: ConversionResult, schema_href: str) -> str:
    """The XBRL 2.1 instance; `schema_href` is the entry schema, relative to the instance."""
    report = build_report(result)
    skip = {"xbrli", report.entity.prefix}
    namespaces = [(p, u) for p, u in report.namespaces.items() if p not in skip]
    return environment().get_template("instance.xml.j2").render(
        report=report, namespaces=namespaces, schema_href=schema_href)


def entry_filename(stem: str = DEFAULT_STEM) -> str:
    """The entry schema's file name for a stem: what schema_href / taxonomy_href should point at."""
    return f"{safe_stem(stem)}.xsd"


def render_taxonomy(result: ConversionResult, stem: str = DEFAULT_STEM) -> dict[str, str]:
    """The DTS the instance needs, file name -> content (see converter.emit for the layout)."""
    tx = build_taxonomy(result, stem)
    env = environment()
    files: dict[str, str] = {}
    linkbases = [(LINKBASE_ROLES["lab"], tx.file("lab"))]
    if tx.calculations:
        linkbases.append((LINKBASE_ROLES["cal"], tx.file("cal")))
        files[tx.file("cal")] = env.get_template("relationships.xml.j2").render(
            link="calculation", networks=tx.calculations, entry_file=tx.file("entry"),
            arcroles=[(SUMMATION_ITEM_11, f"{CALCULATION_11_XSD}#summation-item")])
    if tx.definitions:
        linkbases.append((LINKBASE_ROLES["def"], tx.file("def")))
        arcroles = sorted({a.arcrole for n in tx.definitions for a in n.arcs})
        files[tx.file("def")] = env.get_template("relationships.xml.j2").render(
            link="definition", networks=tx.definitions, entry_file=tx.file("entry"),
            arcroles=[(uri, f"{XBRLDT_XSD}#{uri.rsplit('/', 1)[1]}") for uri in arcroles])
    files[tx.file("lab")] = env.get_template("labels.xml.j2").render(tx=tx)
    files[tx.file("entry")] = env.get_template("entry.xsd.j2").render(
        tx=tx, linkbases=linkbases, official=list(ENTRY_POINTS.values()))
    for schema in tx.schemas:
        imports = [(p, *TYPE_IMPORTS[p]) for p in sorted(schema.uses & TYPE_IMPORTS.keys())]
        files[schema.filename] = env.get_template("concepts.xsd.j2").render(schema=schema, imports=imports)
    return dict(sorted(files.items()))


def taxonomy_view(result: ConversionResult, stem: str = DEFAULT_STEM) -> TaxonomyView:
    """The view behind render_taxonomy, for callers that want to report skipped calculations."""
    return build_taxonomy(result, stem)
