"""The offline taxonomy package: declarations of the official elements the project uses, under the official
namespaces and entry-point URLs, zipped with META-INF/taxonomyPackage.xml and META-INF/catalog.xml.

Outputs import https://xbrl.fasb.org/... and https://xbrl.sec.gov/...; a processor online fetches those, and one
offline (Arelle with --packages, our --validate and tests) reads this package instead, whose catalog remaps the
URLs into the zip. It declares every us-gaap, srt and dei concept of rules/taxonomy.yaml, the dei cover concepts
and the srt axes and members guidance uses, each with its official data type (from taxonomies/YEAR/), so a
concept added to the taxonomy needs no second edit here. The zip is built from those sources on demand, byte for
byte the same for the same sources, and kept in a cache named by its digest.
"""
from __future__ import annotations

import hashlib
import io
import os
import zipfile
from functools import lru_cache
from pathlib import Path

from ..paths import TAXONOMY_FILE
from .official import ENTRY_POINTS, TAXONOMY_YEAR, OfficialElement, official_elements

PACKAGE_ROOT = f"xbrlify-taxonomies-{TAXONOMY_YEAR}"
PACKAGE_ID = f"urn:xbrlify:taxonomy-package:{TAXONOMY_YEAR}"
DTR_TYPES_NS = "http://www.xbrl.org/dtr/type/2022-03-31"
DTR_TYPES_XSD = "https://www.xbrl.org/dtr/type/2022-03-31/types.xsd"
XBRLDT_XSD = "http://www.xbrl.org/2005/xbrldt-2005.xsd"
_ZIP_DATE = (TAXONOMY_YEAR, 1, 1, 0, 0, 0)     # fixed, so the same sources give the same bytes

# Data types by where they are defined: XBRL 2.1 itself, the DTR types schema the 2024 taxonomies import; any
# other (dei:centralIndexKeyItemType, ...) is declared in the package's own schema for its namespace.
XBRLI_TYPES = frozenset({"monetaryItemType", "sharesItemType", "pureItemType", "decimalItemType", "stringItemType",
                         "normalizedStringItemType", "tokenItemType", "dateItemType", "booleanItemType",
                         "integerItemType", "nonNegativeIntegerItemType", "anyURIItemType", "gYearItemType",
                         "durationItemType", "dateTimeItemType", "QNameItemType"})
DTR_TYPES = frozenset({"domainItemType", "percentItemType", "perShareItemType", "textBlockItemType",
                       "noDecimalsMonetaryItemType", "nonNegativeMonetaryItemType", "gYearListItemType",
                       "escapedItemType", "volumeItemType", "areaItemType", "massItemType", "energyItemType",
                       "powerItemType", "lengthItemType", "flowItemType", "guidanceItemType"})
# (base type, pattern) of the taxonomy-specific types we may declare; what is not here restricts stringItemType
LOCAL_TYPES = {
    "centralIndexKeyItemType": ("xbrli:tokenItemType", "[0-9]{10}"),
    "submissionTypeItemType": ("xbrli:tokenItemType", None),
    "tradingSymbolItemType": ("xbrli:normalizedStringItemType", None),
}
# srt axes and members guidance facts use (engine/guidance.py), with the domain each axis defaults to
SRT_DIMENSIONS = ("srt:StatementScenarioAxis", "srt:ScenarioUnspecifiedDomain", "srt:ScenarioForecastMember",
                  "srt:RangeAxis", "srt:RangeMember", "srt:MinimumMember", "srt:MaximumMember")


def used_official_concepts(taxonomy_file: Path = TAXONOMY_FILE) -> dict[str, dict]:
    """QName -> {type, period, balance} of every official-prefix concept the project may write: the taxonomy
    file's, the dei cover concepts and the srt dimensions. Period and balance come from the taxonomy file
    where the official list gives none (US-GAAP)."""
    from ..emit.cover import DEI_COVER_CONCEPTS
    from ..pipeline import base_taxonomy
    tax = base_taxonomy(str(taxonomy_file))
    out: dict[str, dict] = {}
    for name, d in {**DEI_COVER_CONCEPTS, **tax.concepts}.items():
        if name.split(":", 1)[0] in ENTRY_POINTS:
            out[name] = {"type": d.type, "period": d.period, "balance": d.balance}
    for name in SRT_DIMENSIONS:
        out[name] = {"type": "string", "period": "duration", "balance": None}
    return dict(sorted(out.items()))


def type_qname(prefix: str, local_type: str) -> str:
    if local_type in XBRLI_TYPES:
        return f"xbrli:{local_type}"
    if local_type in DTR_TYPES:
        return f"dtr-types:{local_type}"
    return f"{prefix}:{local_type}"


def _declaration(qname: str, used: dict, official: OfficialElement):
    from ..emit.dts import Element
    prefix, local = qname.split(":", 1)
    type_ = type_qname(prefix, official.type)
    period, balance, abstract = official.period or used["period"], official.balance, bool(official.abstract)
    if official.period is None:     # US-GAAP: the list gives the type only; the taxonomy file the rest
        balance = used["balance"] if official.type == "monetaryItemType" else None
    group = "xbrldt:dimensionItem" if local.endswith("Axis") else "xbrli:item"
    abstract = abstract or group != "xbrli:item" or type_.endswith(":domainItemType")
    return Element(local, f"{prefix}_{local}", type_, group, period, None if abstract else balance, abstract)


@lru_cache(maxsize=4)
def package_schemas(taxonomy_file: Path = TAXONOMY_FILE) -> dict[str, tuple]:
    """prefix -> (EntryPoint, [Element], [(local type, base, pattern)]) for the package's three schemas."""
    official = official_elements()
    by_prefix: dict[str, list] = {p: [] for p in ENTRY_POINTS}
    for qname, used in used_official_concepts(taxonomy_file).items():
        if qname in official:   # a name that is no official element is declared nowhere (the taxonomy test fails)
            by_prefix[qname.split(":", 1)[0]].append(_declaration(qname, used, official[qname]))
    out = {}
    for prefix, elements in by_prefix.items():
        local_types = sorted({e.type.split(":", 1)[1] for e in elements if e.type.startswith(prefix + ":")})
        types = [(t, *LOCAL_TYPES.get(t, ("xbrli:stringItemType", None))) for t in local_types]
        out[prefix] = (ENTRY_POINTS[prefix], elements, types)
    return out


@lru_cache(maxsize=4)   # asked by every taxonomy render; package_schemas is kept the same way
def declared_qnames(taxonomy_file: Path = TAXONOMY_FILE) -> frozenset[str]:
    """Every official-prefix QName the package declares: the only ones an output may use."""
    return frozenset(f"{p}:{e.name}" for p, (_, elements, _) in package_schemas(taxonomy_file).items()
                     for e in elements)


def package_files(taxonomy_file: Path = TAXONOMY_FILE) -> dict[str, str]:
    """Path inside the zip -> content."""
    from ..emit.render import environment
    env = environment()
    files: dict[str, str] = {}
    schemas = package_schemas(taxonomy_file)
    for prefix, (ep, elements, types) in schemas.items():
        inside = ep.url[len(ep.base):]
        root_dir = ep.base.split("://", 1)[1].split("/", 1)[1]          # us-gaap/2024/
        files[f"{PACKAGE_ROOT}/{root_dir}{inside}"] = env.get_template("package/schema.xsd.j2").render(
            ep=ep, elements=elements, types=types, dtr_ns=DTR_TYPES_NS, dtr_xsd=DTR_TYPES_XSD,
            xbrldt_xsd=XBRLDT_XSD, uses_dtr=any(e.type.startswith("dtr-types:") for e in elements),
            uses_xbrldt=any(e.substitution_group.startswith("xbrldt:") for e in elements))
    remaps = [(ep.base, "../" + ep.base.split("://", 1)[1].split("/", 1)[1]) for ep in ENTRY_POINTS.values()]
    files[f"{PACKAGE_ROOT}/META-INF/catalog.xml"] = env.get_template("package/catalog.xml.j2").render(remaps=remaps)
    digest = hashlib.sha256("".join(files[k] for k in sorted(files)).encode()).hexdigest()[:12]
    files[f"{PACKAGE_ROOT}/META-INF/taxonomyPackage.xml"] = env.get_template(
        "package/taxonomyPackage.xml.j2").render(identifier=PACKAGE_ID, year=TAXONOMY_YEAR, version=digest,
                                                 entry_points=list(ENTRY_POINTS.values()))
    return dict(sorted(files.items()))


def package_bytes(taxonomy_file: Path = TAXONOMY_FILE) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in package_files(taxonomy_file).items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def cache_dir() -> Path:
    base = os.environ.get("XBRLIFY_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "xbrlify")
    return Path(base)


@lru_cache(maxsize=4)
def package_path(taxonomy_file: Path = TAXONOMY_FILE) -> Path:
    """The package zip for the current sources, built into the cache when it is not there yet."""
    from ..emit.write import write_atomic_bytes
    data = package_bytes(taxonomy_file)
    path = cache_dir() / f"{PACKAGE_ROOT}-{hashlib.sha256(data).hexdigest()[:12]}.zip"
    if not path.is_file():
        write_atomic_bytes(path, data)
    return path


def write_package(target: Path, taxonomy_file: Path = TAXONOMY_FILE) -> Path:
    """Write the package to `target` (a .zip file, or a folder to put PACKAGE_ROOT.zip in)."""
    from ..emit.write import write_atomic_bytes
    target = Path(target)
    if target.is_dir() or target.suffix.lower() != ".zip":
        target = target / f"{PACKAGE_ROOT}.zip"
    write_atomic_bytes(target, package_bytes(taxonomy_file))
    return target
