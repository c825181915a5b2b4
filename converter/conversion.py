"""One file's conversion as the CLI runs it, alone or in a batch: never raises for a problem with the input
(the Outcome says what went wrong, in one line), and renders and validates every output in memory before
any is written.

Rendering (`render_file`) and writing (`write_outcome`) are apart: a batch's worker processes only render,
and the parent writes each file and records it in the manifest, so that stopping a batch stops its writes
at once and the manifest records exactly what was written. `convert_file` does both.
"""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import field
from pathlib import Path
from typing import Optional

from .model import Entity
from .dataclass_code import dataclass

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4
SUFFIXES = {"json": ".json", "xbrl": ".xml", "ixbrl": ".htm", "csv": ".csv"}


@dataclass
class Job:
    source: Path
    output: Optional[Path]            # None: the rendered instance is returned in Outcome.text
    to: str = "json"
    layout: Optional[str] = None
    issuer: Optional[str] = None
    entity: Optional[Entity] = None


@dataclass
class Outcome:
    source: str
    output: str = ""
    code: int = EXIT_OK
    message: str = ""                                  # one line, for a file that failed
    findings: list[tuple[str, str, str]] = field(default_factory=list)   # (level, code, message)
    notes: list[str] = field(default_factory=list)     # how the input was read
    written: list[str] = field(default_factory=list)
    facts: int = 0
    seconds: float = 0.0
    skipped: bool = False                              # up to date, not converted again
    text: str = ""                                     # the instance, when Job.output is None
    digest: str = ""                                   # SHA-256 of the input bytes
    files: dict[str, str] = field(default_factory=dict)   # rendered, not yet written: path -> text, instance last

    @property
    def ok(self) -> bool:
        return self.code in (EXIT_OK, EXIT_FINDINGS)


def convert_file(job: Job) -> Outcome:
    """Convert one file and write its outputs; every failure becomes the Outcome's code and message."""
    return write_outcome(render_file(job))


def render_file(job: Job, data: Optional[bytes] = None) -> Outcome:
    """Convert one file and render its outputs into `Outcome.files` (or `.text`); nothing is written.
    `data`: the file's bytes, read by the caller (a Dask worker may not see the caller's files)."""
    from .api import OutputInvalid, render_report
    from .emit import render_taxonomy
    from .pipeline import Trace, convert_text
    from .readers import InputError
    from .readers.source import decode_release, read_bytes
    from .rulebook.loader import RuleError
    from .rulebook.timed import TextTooLong

    started = time.perf_counter()
    out = Outcome(source=str(job.source), output=str(job.output or ""))
    size = 0
    try:
        if data is None:
            data = read_bytes(job.source)
        size = len(data)
        out.digest = hashlib.sha256(data).hexdigest()
        release = decode_release(data, str(job.source))
        del data
        out.notes = release.notes
        trace = Trace()
        result = convert_text(release.text, source=str(job.source), layout=job.layout or release.layout,
                              issuer=job.issuer, entity=job.entity, trace=trace)
        out.facts = len(result.facts)
        out.findings = [(f.level, f.code, f.message) for f in result.findings]
        if not result.facts:
            withheld = any(f.code == "withheld" for f in result.findings)
            out.findings.append(("warning", "no-facts", (
                "every figure read was withheld (above)" if withheld else
                "no table row or sentence matched a rule") + "; the output holds the cover facts only"))
        stem = job.output.stem if job.output else job.source.stem
        name = job.output.name if job.output else f"{stem}{SUFFIXES[job.to]}"
        report = render_report(result, job.to, name, release.text, trace.document)
        if job.output is None:
            out.text = report[name]
        else:
            files = {job.output.parent / n: body for n, body in render_taxonomy(result, stem).items()}
            if any(job.output.parent / n in files for n in report):
                raise InputError(f"{job.output} would be overwritten by its own taxonomy file; choose "
                                 f"another output name")
            # last: a reader never sees a report without its schemas
            files.update({job.output.parent / n: body for n, body in report.items()})
            out.files = {str(p): body for p, body in files.items()}
        out.code = EXIT_FINDINGS if out.findings else EXIT_OK
    except (InputError, RuleError, FileNotFoundError) as e:
        out.code, out.message = EXIT_INPUT, _one_line(e)
        if isinstance(e, TextTooLong):   # the input is at fault: say which
            out.message = f"{job.source}: {out.message}"
    except OutputInvalid as e:
        out.code, out.message = EXIT_INTERNAL, f"{_one_line(e)} (a bug in xbrlify; please report it)"
    except RecursionError:
        out.code, out.message = EXIT_INPUT, f"{job.source}: the document is nested too deeply to read"
    except MemoryError:
        out.code, out.message = EXIT_INPUT, (f"{job.source}: converting this {size / 2**20:.1f} MB file needs "
                                             f"more memory than is available")
    except Exception as e:  # a bug: say so in one line, and keep the batch going
        out.code = EXIT_INTERNAL
        out.message = f"internal error: {type(e).__name__}: {_one_line(e)} (a bug in xbrlify; please report it)"
        if os.environ.get("XBRLIFY_DEBUG"):
            import traceback
            traceback.print_exc()
    out.seconds = time.perf_counter() - started
    return out


def write_outcome(out: Outcome) -> Outcome:
    """Write the rendered files of a converted Outcome (each through a temp file and a rename; none left
    behind when one fails), and say which were written."""
    if not out.ok or not out.files:
        out.files = {}
        return out
    from .stopping import critical
    started = time.perf_counter()
    try:
        with critical():   # a stop signal waits until the files are written or removed
            out.written = [str(p) for p in write_all({Path(p): body for p, body in out.files.items()})]
    except OSError as e:   # a full disk, a read-only folder, a device or a link in the way
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        out.code, out.message = EXIT_INPUT, f"cannot write the output: {where}{e.strerror or e}"
    out.files = {}
    out.seconds += time.perf_counter() - started
    return out


def plural(n: int, noun: str) -> str:
    """'1 file', '2 files', '0 files'."""
    return f"{n} {noun}{'s' * (n != 1)}"


def _one_line(e: BaseException) -> str:
    text = " ".join(str(e).split())
    return text or type(e).__name__


def write_all(files: dict[Path, str]) -> list[Path]:
    """Write every file (in order) through a temp file and a rename; when one fails, remove the files this
    call created, so a failed conversion leaves nothing new behind. Every path is looked at first, so that
    a path that must not be replaced (emit/write.py `replaceable`) stops the write before any file changes."""
    from .emit.write import replaceable, write_atomic
    for path in files:
        replaceable(path)
    created: list[Path] = []
    written: list[Path] = []
    try:
        for path, text in files.items():
            existed = os.path.lexists(path)
            write_atomic(path, text)
            written.append(path)
            if not existed:
                created.append(path)
    except BaseException:
        for path in created:
            try:
                path.unlink()
            except OSError:
                pass
        raise
    return written
