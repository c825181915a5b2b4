"""Converting many releases unattended: one odd file never stops the batch, nothing is half-written, no file
overwrites another's or an input, and a re-run skips what is already up to date.

    report = run_batch(["corpus/", "extra.htm"], "out/", to="json", jobs=4)
    report.code            # the worst exit code of any file (0 clean, 1 findings, 3 input error, 4 bug)
    report.failed          # [Outcome(source, code, message, ...)] for the failure report

Every output path is planned before anything is converted (converter/output_plan.py): two inputs that would
write one file, or an output that would be an input, are refused with a message naming both. Worker
processes convert and render; this process writes each file's outputs and records them in the manifest
(converter/manifest.py), so a stopped batch (converter/stopping.py) has written exactly what it recorded.

Up to date means: the manifest in OUTDIR (`.xbrlify-manifest.jsonl`, one line per converted file) records
the same input bytes (SHA-256) and the same fingerprint (converter code, rules, templates, schemas and the
options that change an output), and every file it lists is still there.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import asdict, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Optional

from .conversion import (EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, SUFFIXES, Job,  # noqa: F401
                         Outcome, _one_line, convert_file, plural, render_file, write_all,
                         write_outcome)
from .manifest import MANIFEST, Manifest, check_manifest  # noqa: F401
from .paths import ROOT, RULES_DIR, SCHEMAS_DIR, TEMPLATES_DIR
from .dataclass_code import dataclass

INPUT_SUFFIXES = frozenset({".htm", ".html", ".txt", ".text", ".pdf"})   # what a folder contributes


# --------------------------------------------------------------------------------------------- planning

@dataclass
class Plan:
    jobs: list[Job] = field(default_factory=list)
    refused: list[Outcome] = field(default_factory=list)   # inputs that cannot even be planned


def plan_batch(paths: Iterable[Path | str], outdir: Path | str, to: str = "json", **options) -> Plan:
    """One job per input file: OUTDIR/NAME.json (or .xml) for a file given by name, OUTDIR/SUB/NAME.json for
    a file found under a folder given (its .htm, .html, .txt, .text and .pdf files, hidden ones skipped).
    An input whose outputs would overwrite an input or another input's outputs is refused (output_plan.py)."""
    from .output_plan import claim, conflicts, possible_prefixes
    outdir = Path(outdir)
    plan = Plan()
    pairs: list[tuple[Path, Path]] = []
    for given in paths:
        given = Path(given)
        if given.is_dir():
            found = sorted(p for p in given.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
                           and not _hidden(p.relative_to(given)) and not _inside(p, outdir))
            pairs += [(p, outdir / p.relative_to(given).with_suffix(SUFFIXES[to])) for p in found]
        else:
            pairs.append((given, outdir / Path(given.name).with_suffix(SUFFIXES[to])))
    refused = conflicts([claim(source, target, to) for source, target in pairs], [p for p, _t in pairs],
                        possible_prefixes(options.get("issuer")))
    for i, (source, target) in enumerate(pairs):
        if i in refused:
            plan.refused.append(Outcome(str(source), str(target), EXIT_INPUT, refused[i]))
        else:
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


def up_to_date(manifest: Manifest, job: Job, fp: str) -> Optional[dict]:
    """The manifest's entry for the job's output when converting again would give the same files."""
    entry = manifest.get(str(job.output))
    if not entry or entry.get("fingerprint") != fp or entry.get("source") != str(job.source):
        return None
    if not all(Path(p).exists() for p in entry.get("written", [])):
        return None
    if entry.get("digest") != _file_digest(job.source):
        return None
    return entry


def manifest_entry(outcome: Outcome, fp: str) -> dict:
    return {"output": outcome.output, "source": outcome.source, "digest": outcome.digest, "fingerprint": fp,
            "code": outcome.code, "facts": outcome.facts, "findings": [list(f) for f in outcome.findings],
            "written": outcome.written}


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

    def summary(self, named: int = 10) -> str:
        """One line; the files with check findings are named (the first `named` of them)."""
        converted = [o for o in self.outcomes if o.ok and not o.skipped]
        skipped = [o for o in self.outcomes if o.skipped]
        with_findings = [o for o in self.outcomes if o.code == EXIT_FINDINGS]
        line = (f"{plural(len(self.outcomes), 'file')}: {len(converted)} converted, {len(skipped)} up to date, "
                f"{len(self.failed)} failed")
        if not with_findings:
            return line + "; no check findings"
        names = ", ".join(f"{o.source} ({plural(len(o.findings), 'finding')})" for o in with_findings[:named])
        rest = f" and {len(with_findings) - named} more" if len(with_findings) > named else ""
        return f"{line}; {len(with_findings)} with check findings (exit 1): {names}{rest}"

    def as_json(self) -> str:
        rows = [{k: v for k, v in asdict(o).items() if k not in ("text", "files")} for o in self.outcomes]
        return json.dumps({"summary": self.summary(), "code": self.code, "files": rows}, indent=1) + "\n"


def run_batch(paths: Iterable[Path | str], outdir: Path | str, to: str = "json", jobs: int = 1,
              force: bool = False, progress: Optional[Callable[[Outcome], None]] = None,
              engine: str = "local", scheduler: Optional[str] = None, **options) -> BatchReport:
    """Convert every input into `outdir` with `jobs` worker processes; `progress` is called as each file
    ends (skipped, converted or failed). Outcomes come back in input order. `engine="dask"` renders on a
    Dask cluster instead (`scheduler`: its address; None starts a local one with `jobs` workers; see
    dask_engine.py). `options`: layout, issuer, entity (as for `Job`)."""
    return run_plan(plan_batch(paths, outdir, to, **options), outdir, jobs, force, progress, engine, scheduler)


def run_plan(plan: Plan, outdir: Path | str, jobs: int = 1, force: bool = False,
             progress: Optional[Callable[[Outcome], None]] = None, engine: str = "local",
             scheduler: Optional[str] = None) -> BatchReport:
    """Run a planned batch. ManifestUnusable when OUTDIR's manifest path is not a regular file (nothing is
    converted then). Stopped (stopping.py) ends it with every written file recorded. Whatever renders
    (this process, worker processes or Dask workers), this process writes and records."""
    manifest = Manifest(Path(outdir))
    outcomes: dict[int, Outcome] = {}
    todo: list[tuple[int, Job, str]] = []
    for i, job in enumerate(plan.jobs):
        fp = fingerprint(job)
        entry = None if force else up_to_date(manifest, job, fp)
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
        """Write a rendered file's outputs and record them, as one step a stop signal waits for."""
        from .stopping import critical
        with critical():
            outcome = outcomes[i] = write_outcome(outcome)
            if outcome.ok:
                manifest.record(manifest_entry(outcome, fp))
        if progress:
            progress(outcome)

    try:
        if engine == "dask":
            from .dask_engine import run_on_dask
            run_on_dask(todo, done, scheduler, jobs)
        elif jobs <= 1 or len(todo) <= 1:
            for i, job, fp in todo:
                done(i, fp, render_file(job))
        else:
            _run_parallel(todo, jobs, done)
    finally:
        manifest.compact()
    ordered = [outcomes[i] for i in range(len(plan.jobs))]
    for outcome in plan.refused:
        if progress:
            progress(outcome)
    return BatchReport(ordered + plan.refused)


def _run_parallel(todo: list[tuple[int, Job, str]], jobs: int, done) -> None:
    """Workers render; this process writes (in `done`). A stop ends the workers at once (stopping.py)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    from .stopping import stop_workers, worker_init
    warm_up()  # compile the rules once here; forked workers inherit them
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(todo)), mp_context=context, initializer=worker_init,
                               initargs=(os.getpid(),))
    try:
        futures = {pool.submit(render_file, job): (i, job, fp) for i, job, fp in todo}
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
    except BaseException:   # stopped: no worker goes on, nothing more is written
        stop_workers(pool)
        raise
    pool.shutdown()


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
