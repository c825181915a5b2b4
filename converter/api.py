"""The library API: convert a file or a string and get the facts back, or write an output.

    from converter import convert
    result = convert("release.htm")            # ConversionResult: .facts, .entity, .findings, ...
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from .emit import render_json, render_xbrl
from .emit.render import entry_filename
from .model import Entity
from .pipeline import Trace, convert_text
from .readers.source import read_release
from .result import ConversionResult
from .validate import validate_json, validate_xml


class OutputInvalid(Exception):
    """The emitted output failed its schema: a bug in the converter, never the user's input."""


def convert(path: str | Path, layout: Optional[str] = None, issuer: Optional[str] = None,
            entity: Optional[Entity] = None, trace: Optional[Trace] = None) -> ConversionResult:
    release = read_release(path)
    if trace is not None:
        trace.pdf = release.pdf
    return convert_text(release.text, source=str(path), layout=layout or release.layout, issuer=issuer,
                        entity=entity, trace=trace)


def render(result: ConversionResult, to: str, stem: str) -> str:
    """The instance text, checked against its schema before anyone sees it."""
    if to == "json":
        text = render_json(result, entry_filename(stem))
        problems = validate_json(text)
    else:
        text = render_xbrl(result, entry_filename(stem))
        problems = validate_xml(text)
    if problems:
        raise OutputInvalid(f"the {to} output does not validate: {problems[0]}")
    return text


def write(result: ConversionResult, out: str | Path, to: str) -> list[Path]:
    """Validate, then write the taxonomy files and the instance (last), each through a temp file and a
    rename; when one fails, the files this call created are removed. Returns the paths, instance last."""
    from .conversion import write_all
    from .emit import render_taxonomy
    if to not in ("json", "xbrl"):
        raise ValueError(f"unknown output format {to!r} (expected 'json' or 'xbrl')")
    out = Path(out)
    instance = render(result, to, out.stem)
    files = {out.parent / name: text for name, text in render_taxonomy(result, out.stem).items()}
    if out in files:
        raise ValueError(f"{out} would be overwritten by its own taxonomy file {out.name}")
    files[out] = instance
    return write_all(files)
