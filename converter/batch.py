"""Converting many releases unattended: one odd file never stops the batch, nothing is half-written, and a
re-run skips what is already up to date.

    report = run_batch(["corpus/", "extra.htm"], "out/", to="json", jobs=4)
    report.code            # the worst exit code of any file (0 clean, 1 findings, 3 input error, 4 bug)
    report.failed          # [Outcome(source, code, message, ...)] for the failure report

`convert_file` is one conversion as the CLI runs it, for one file or inside a worker process: it never
raises for a problem with the input (the Outcome says what went wrong, in one line), renders and validates
every output in memory before writing any, and writes each file through a temp file and a rename, removing
what it wrote when a later file fails.

Up to date means: the manifest in OUTDIR (`.xbrlify-manifest.jsonl`, one line per converted file) records
the same input bytes (SHA-256) and the same fingerprint (converter code, rules, templates, schemas and the
options that change an output), and every file it lists is still there.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Optional

from .model import Entity
from .paths import ROOT, RULES_DIR, SCHEMAS_DIR, TEMPLATES_DIR

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4
SUFFIXES = {"json": ".json", "xbrl": ".xml", "ixbrl": ".htm", "csv": ".csv"}
INPUT_SUFFIXES = frozenset({".htm", ".html", ".txt", ".text", ".pdf"})   # what a folder contributes
MANIFEST = ".xbrlify-manifest.jsonl"


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

    @property
    def ok(self) -> bool:
        return self.code in (EXIT_OK, EXIT_FINDINGS)


# --------------------------------------------------------------------------------------------- one file

def convert_file(job: Job) -> Outcome:
    """Convert one file; every failure becomes the Outcome's code and one-line message."""
    from .api import OutputInvalid, render_report
    from .emit import render_taxonomy
    from .pipeline import Trace, convert_text
    from .readers import InputError
    from .readers.source import decode_release, read_bytes
    from .rulebook.loader import RuleError

    started = time.perf_counter()
    out = Outcome(source=str(job.source), output=str(job.output or ""))
    try:
        data = read_bytes(job.source)
        out.digest = hashlib.sha256(data).hexdigest()
        release = decode_release(data, str(job.source))
        out.notes = release.notes
        trace = Trace()
        result = convert_text(release.text, source=str(job.source), layout=job.layout or release.layout,
                              issuer=job.issuer, entity=job.entity, trace=trace)
        out.facts = len(result.facts)
        out.findings = [(f.level, f.code, f.message) for f in result.findings]
        if not result.facts:
            out.findings.append(("warning", "no-facts", "no table row or sentence matched a rule; the output "
                                                        "holds the cover facts only"))
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
            out.written = [str(p) for p in write_all(files)]
        out.code = EXIT_FINDINGS if out.findings else EXIT_OK
    except (InputError, RuleError, FileNotFoundError) as e:
        out.code, out.message = EXIT_INPUT, _one_line(e)
    except OSError as e:   # writing the output: a full disk, a read-only folder
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        out.code, out.message = EXIT_INPUT, f"cannot write the output: {where}{e.strerror or e}"
    except OutputInvalid as e:
        out.code, out.message = EXIT_INTERNAL, f"{_one_line(e)} (a bug in xbrlify; please report it)"
    except RecursionError:
        out.code, out.message = EXIT_INPUT, "the document is nested too deeply to read"
    except MemoryError:
        out.code, out.message = EXIT_INPUT, "the document needs more memory than is available"
    except Exception as e:  # a bug: say so in one line, and keep the batch going
        out.code = EXIT_INTERNAL
        out.message = f"internal error: {type(e).__name__}: {_one_line(e)} (a bug in xbrlify; please report it)"
        if os.environ.get("XBRLIFY_DEBUG"):
            traceback.print_exc()
    out.seconds = time.perf_counter() - started
    return out


def _one_line(e: BaseException) -> str:
    text = " ".join(str(e).split())
    return text or type(e).__name__


def write_all(files: dict[Path, str]) -> list[Path]:
    """Write every file (in order) through a temp file and a rename; when one fails, remove the files this
    call created, so a failed conversion leaves nothing new behind."""
    from .emit.write import write_atomic
    created: list[Path] = []
    written: list[Path] = []
    try:
        for path, text in files.items():
            existed = path.exists()
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


# --------------------------------------------------------------------------------------------- planning

@dataclass
class Plan:
    jobs: list[Job] = field(default_factory=list)
    refused: list[Outcome] = field(default_factory=list)   # inputs that cannot even be planned


def plan_batch(paths: Iterable[Path | str], outdir: Path | str, to: str = "json", **options) -> Plan:
    """One job per input file: OUTDIR/NAME.json (or .xml) for a file given by name, OUTDIR/SUB/NAME.json for
    a file found under a folder given (its .htm, .html, .txt, .text and .pdf files, hidden ones skipped)."""
    outdir = Path(outdir)
    plan = Plan()
    claimed: dict[Path, str] = {}
    for given in paths:
        given = Path(given)
        if given.is_dir():
            found = sorted(p for p in given.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
                           and not _hidden(p.relative_to(given)) and not _inside(p, outdir))
            pairs = [(p, p.relative_to(given).with_suffix(SUFFIXES[to])) for p in found]
        else:
            pairs = [(given, Path(given.name).with_suffix(SUFFIXES[to]))]
        for source, rel in pairs:
            target = outdir / rel
            if target in claimed:
                plan.refused.append(Outcome(str(source), str(target), EXIT_INPUT,
                                            f"its output {target} is already the output of {claimed[target]}; "
                                            f"convert it separately or rename it"))
                continue
            claimed[target] = str(source)
            plan.jobs.append(Job(source, target, to, **options))
    return plan


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


# --------------------------------------------------------------------------------------------- up to date

@lru_cache(maxsize=1)
def _code_digest() -> str:
    """Everything that shapes an output besides the input: the converter, rules, templates and schemas."""
    h = hashlib.sha256()
    for folder in (ROOT / "converter", RULES_DIR, TEMPLATES_DIR, SCHEMAS_DIR):
        for p in sorted(folder.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                h.update(str(p.relative_to(ROOT)).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def fingerprint(job: Job) -> str:
    opts = [job.to, job.layout or "", job.issuer or "", repr(job.entity) if job.entity else ""]
    if job.issuer and Path(job.issuer).is_file():
        opts.append(hashlib.sha256(Path(job.issuer).read_bytes()).hexdigest())
    return hashlib.sha256(("\0".join([_code_digest()] + opts)).encode()).hexdigest()


def _file_digest(path: Path) -> str:
    try:
        with open(path, "rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return ""


class Manifest:
    """What earlier runs converted into OUTDIR; appended to as files finish, compacted at the end."""

    def __init__(self, outdir: Path):
        self.path = Path(outdir) / MANIFEST
        self.entries: dict[str, dict] = {}
        try:
            with open(self.path, encoding="utf-8") as f:
                for line in f:
                    try:
                        entry = json.loads(line)
                        self.entries[entry["output"]] = entry
                    except (ValueError, KeyError, TypeError):
                        continue  # a line cut short by a crash
        except OSError:
            pass

    def up_to_date(self, job: Job, fp: str) -> Optional[dict]:
        entry = self.entries.get(str(job.output))
        if not entry or entry.get("fingerprint") != fp or entry.get("source") != str(job.source):
            return None
        if not all(Path(p).exists() for p in entry.get("written", [])):
            return None
        if entry.get("digest") != _file_digest(job.source):
            return None
        return entry

    def record(self, outcome: Outcome, fp: str) -> None:
        entry = {"output": outcome.output, "source": outcome.source, "digest": outcome.digest,
                 "fingerprint": fp, "code": outcome.code, "facts": outcome.facts,
                 "findings": [list(f) for f in outcome.findings], "written": outcome.written}
        self.entries[outcome.output] = entry
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry, sort_keys=True) + "\n")

    def compact(self) -> None:
        from .emit.write import write_atomic
        if self.entries:
            write_atomic(self.path, "".join(json.dumps(e, sort_keys=True) + "\n"
                                            for _k, e in sorted(self.entries.items())))


# --------------------------------------------------------------------------------------------- the batch

@dataclass
class BatchReport:
    outcomes: list[Outcome]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def code(self) -> int:
        return max((o.code for o in self.outcomes), default=EXIT_OK)

    def summary(self) -> str:
        converted = [o for o in self.outcomes if o.ok and not o.skipped]
        skipped = [o for o in self.outcomes if o.skipped]
        with_findings = [o for o in self.outcomes if o.code == EXIT_FINDINGS]
        return (f"{len(self.outcomes)} files: {len(converted)} converted, {len(skipped)} up to date, "
                f"{len(self.failed)} failed; {len(with_findings)} with check findings")

    def as_json(self) -> str:
        rows = [{k: v for k, v in asdict(o).items() if k != "text"} for o in self.outcomes]
        return json.dumps({"summary": self.summary(), "code": self.code, "files": rows}, indent=1) + "\n"


def run_batch(paths: Iterable[Path | str], outdir: Path | str, to: str = "json", jobs: int = 1,
              force: bool = False, progress: Optional[Callable[[Outcome], None]] = None,
              **options) -> BatchReport:
    """Convert every input into `outdir` with `jobs` worker processes; `progress` is called as each file
    ends (skipped, converted or failed). Outcomes come back in input order. `options`: layout, issuer,
    entity (as for `Job`)."""
    return run_plan(plan_batch(paths, outdir, to, **options), outdir, jobs, force, progress)


def run_plan(plan: Plan, outdir: Path | str, jobs: int = 1, force: bool = False,
             progress: Optional[Callable[[Outcome], None]] = None) -> BatchReport:
    manifest = Manifest(Path(outdir))
    outcomes: dict[int, Outcome] = {}
    todo: list[tuple[int, Job, str]] = []
    for i, job in enumerate(plan.jobs):
        fp = fingerprint(job)
        entry = None if force else manifest.up_to_date(job, fp)
        if entry:
            outcomes[i] = Outcome(str(job.source), str(job.output), entry["code"],
                                  findings=[tuple(f) for f in entry.get("findings", [])],
                                  written=entry.get("written", []), facts=entry.get("facts", 0), skipped=True,
                                  digest=entry.get("digest", ""))
            if progress:
                progress(outcomes[i])
        else:
            todo.append((i, job, fp))

    def done(i: int, fp: str, outcome: Outcome) -> None:
        outcomes[i] = outcome
        if outcome.ok:
            manifest.record(outcome, fp)
        if progress:
            progress(outcome)

    if jobs <= 1 or len(todo) <= 1:
        for i, job, fp in todo:
            done(i, fp, convert_file(job))
    else:
        _run_parallel(todo, jobs, done)
    manifest.compact()
    ordered = [outcomes[i] for i in range(len(plan.jobs))]
    for outcome in plan.refused:
        if progress:
            progress(outcome)
    return BatchReport(ordered + plan.refused)


def _run_parallel(todo: list[tuple[int, Job, str]], jobs: int, done) -> None:
    import multiprocessing
    warm_up()  # compile the rules once here; forked workers inherit them
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(todo)), mp_context=context, initializer=_worker_init)
    try:
        futures = {pool.submit(convert_file, job): (i, job, fp) for i, job, fp in todo}
        for future in as_completed(futures):
            i, job, fp = futures[future]
            try:
                outcome = future.result()
            except BrokenProcessPool:
                outcome = Outcome(str(job.source), str(job.output), EXIT_INTERNAL,
                                  "a worker process died while converting it (a bug in xbrlify or a "
                                  "crash in a parser); convert it alone to see more")
            except Exception as e:  # pickling trouble and the like
                outcome = Outcome(str(job.source), str(job.output), EXIT_INTERNAL,
                                  f"internal error: {type(e).__name__}: {_one_line(e)}")
            done(i, fp, outcome)
    except BaseException:  # Ctrl-C: drop the queue; the files in progress finish, whole, or not at all
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which stops the batch (one message, no traceback per worker)."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def warm_up() -> None:
    """Load and compile the base rules and taxonomy, so that forked workers start with them."""
    try:
        from .pipeline import base_taxonomy
        from .rulebook.loader import load_rulebook
        from .rulebook.loader import detect_issuer
        base_taxonomy()
        load_rulebook(None)
        detect_issuer("")
    except Exception:  # a broken rule file: each file's conversion will report it
        pass


def default_jobs() -> int:
    return max(1, (os.cpu_count() or 1))


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
