"""The library API: convert a file or a string and get the facts back, or write an output.

    from converter import convert
    result = convert("release.htm")            # ConversionResult: .facts, .entity, .findings, ...
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from .emit import render_json, render_xbrl
from .emit.render import entry_filename
from .model import Document, Entity
from .pipeline import Trace, convert_text
from .readers.source import read_release
from .result import ConversionResult


class OutputInvalid(Exception):
    """The emitted output failed its schema: a bug in the converter, never the user's input."""


def convert(path: str | Path, layout: Optional[str] = None, issuer: Optional[str] = None,
            entity: Optional[Entity] = None, trace: Optional[Trace] = None) -> ConversionResult:
    release = read_release(path)
    if trace is not None:
        trace.pdf = release.pdf
    return convert_text(release.text, source=str(path), layout=layout or release.layout, issuer=issuer,
                        entity=entity, trace=trace)


FORMATS = ("json", "xbrl", "ixbrl", "csv")


def csv_metadata_name(stem: str) -> str:
    """The xBRL-CSV metadata file beside the facts table STEM.csv: what an XBRL processor opens."""
    return f"{stem}-metadata.json"


def entry_of(to: str, out: Path) -> Path:
    """The file of an output that an XBRL processor loads."""
    return out.with_name(csv_metadata_name(out.stem)) if to == "csv" else out


def render_report(result: ConversionResult, to: str, out_name: str, source_text: str = "",
                  document: Optional[Document] = None, review: bool = False) -> dict[str, str]:
    """The report's own files (not the taxonomy), file name -> text, the one named `out_name` last. Inline
    XBRL needs the source text and the document the reader made of it."""
    stem = Path(out_name).stem
    if to == "csv":
        from .emit.csv_report import render_csv
        metadata, table = render_csv(result, entry_filename(stem), out_name)
        return {csv_metadata_name(stem): metadata, out_name: table}
    if to == "ixbrl":
        from .inline import render_ixbrl
        if document is None:
            raise ValueError("inline XBRL needs the release's text and the document read from it")
        text = render_ixbrl(result, source_text, document, entry_filename(stem), review=review)
        from .validate import validate_xhtml
        problems = validate_xhtml(text)
        if problems:
            raise OutputInvalid(f"the ixbrl output does not validate: {problems[0]}")
        return {out_name: text}
    return {out_name: render(result, to, stem)}


def render(result: ConversionResult, to: str, stem: str) -> str:
    """The instance text, checked against its schema before anyone sees it."""
    if to == "json":
        from .validate.json_schema import validate_json
        text = render_json(result, entry_filename(stem))
        problems = validate_json(text)
    else:
        from .validate.xml_schema import validate_xml
        text = render_xbrl(result, entry_filename(stem))
        problems = validate_xml(text)
    if problems:
        raise OutputInvalid(f"the {to} output does not validate: {problems[0]}")
    return text


def write(result: ConversionResult, out: str | Path, to: str, source_text: str = "",
          document: Optional[Document] = None, review: bool = False) -> list[Path]:
    """Validate, then write the taxonomy files and the report (last), each through a temp file and a
    rename; when one fails, the files this call created are removed. Returns the paths, report last."""
    from .conversion import write_all
    from .emit import render_taxonomy
    if to not in FORMATS:
        raise ValueError(f"unknown output format {to!r} (expected one of {', '.join(FORMATS)})")
    out = Path(out)
    report = render_report(result, to, out.name, source_text, document, review)
    files = {out.parent / name: text for name, text in render_taxonomy(result, out.stem).items()}
    for name in report:
        if out.parent / name in files:
            raise ValueError(f"{out.parent / name} would be overwritten by its own taxonomy file")
    files.update({out.parent / name: text for name, text in report.items()})
    return write_all(files)
