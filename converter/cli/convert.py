"""`xbrlify convert`: releases in, xBRL-JSON, XBRL 2.1, inline XBRL or xBRL-CSV out.

One file (`convert FILE [-o OUT]`) writes OUT and its taxonomy files, or the instance on standard output.
Several files or a folder (`convert PATH... -o OUTDIR`) is a batch: see converter/batch.py. Either way a
problem with an input is one line on standard error and an exit code, never a traceback, and nothing is
left half-written.
"""
from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Optional

import click


from ..conversion import EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, Job, convert_file, plural
from ..stopping import stoppable
from .options import layout_option

__all__ = ["convert_cmd", "EXIT_OK", "EXIT_FINDINGS", "EXIT_USAGE", "EXIT_INPUT", "EXIT_INTERNAL"]


def fail(message: str, code: int = EXIT_INPUT):
    click.echo(f"xbrlify: error: {message}", err=True)
    sys.exit(code)


@click.command("convert", short_help="Convert releases to xBRL-JSON, XBRL, inline XBRL or xBRL-CSV.")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...", type=click.Path(path_type=Path))
@click.option("--to", "to", type=click.Choice(["json", "xbrl", "ixbrl", "csv"]), default="json", show_default=True,
              help="xBRL-JSON (OIM), an XBRL 2.1 instance, inline XBRL 1.1 (the release's own page, tagged) or "
                   "xBRL-CSV (OUT.csv, the facts table, and OUT-metadata.json).")
@click.option("-o", "--output", type=click.Path(),
              help="One file: write here (plus the taxonomy files beside it); standard output when absent. "
                   "Several files, a folder, an existing folder or a path ending in '/': the output folder.")
@layout_option
@click.option("--issuer", help="Issuer file name or path, or 'none' for base rules only; detected when absent.")
@click.option("--entity", "entity_opt", metavar="SCHEME:ID", help="Entity identifier, e.g. cik:0000855654.")
@click.option("--validate", "run_arelle", is_flag=True, help="Also load the output in Arelle (needs arelle-release).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Batch: worker processes (0: one per CPU).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Batch: render in local worker processes, or on a Dask cluster (needs xbrlify[dask]); "
                   "either way this process writes the outputs and the manifest.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Batch with --engine dask: the Dask scheduler (tcp://HOST:8786); absent, a local cluster "
                   "of --jobs worker processes.")
@click.option("--force", is_flag=True, help="Batch: convert again even the files whose outputs are up to date.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Batch: write a JSON report (every file: outcome, findings, outputs, time) here.")
@click.option("-v", "--verbose", is_flag=True, help="Batch: also print each file's check findings.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print check findings, progress or the batch summary.")
def convert_cmd(paths, to, output, layout, issuer, entity_opt, run_arelle, jobs, engine, scheduler, force,
                report_path, verbose, quiet):
    """Convert releases (raw HTML, or text: pipe-flattened, newswire, pdftotext -layout, PDF reading order)
    to XBRL: xBRL-JSON, an XBRL 2.1 instance, inline XBRL or xBRL-CSV.

    \b
    One file:   xbrlify convert --to json RELEASE.htm -o out/release.json
    A batch:    xbrlify convert --to json FOLDER/ MORE.htm -o OUTDIR --jobs 4
    """
    entity = None
    if entity_opt:
        from ..engine.entity import parse_entity_option
        try:
            entity = parse_entity_option(entity_opt)
        except ValueError as e:
            fail(str(e), EXIT_USAGE)
    options = dict(layout=layout, issuer=issuer, entity=entity)
    batch = _is_batch(paths, output)
    if scheduler and engine != "dask":
        fail("--scheduler names a Dask scheduler: use it with --engine dask", EXIT_USAGE)
    if engine == "dask" and not batch:
        fail("--engine dask runs a batch: give an output folder (-o OUTDIR/)", EXIT_USAGE)
    output = Path(output) if output is not None else None   # after _is_batch: Path drops a trailing '/'
    try:
        with stoppable():
            if batch:
                if run_arelle:
                    fail("--validate takes one file; run it on the outputs you want Arelle to load", EXIT_USAGE)
                _batch(paths, output, to, options, jobs, force, report_path, verbose, quiet, engine, scheduler)
            _single(paths[0], output, to, options, run_arelle, quiet)
    except KeyboardInterrupt as e:
        # every output written is complete and recorded, no worker goes on; a re-run carries on from there
        signum = getattr(e, "signum", signal.SIGINT)
        click.echo(f"\nxbrlify: {'interrupted' if signum == signal.SIGINT else 'stopped'}", err=True)
        sys.exit(128 + signum)


def _is_batch(paths: tuple[Path, ...], output: Optional[str]) -> bool:
    """Several inputs, a folder, or an output that is a folder (one that exists, or a path written with a
    trailing separator) make a batch."""
    if len(paths) > 1 or paths[0].is_dir():
        return True
    return output is not None and (os.path.isdir(output) or output.endswith(("/", os.sep)))


# ------------------------------------------------------------------------------------------------ one file

def _single(file: Path, output: Optional[Path], to: str, options: dict, run_arelle: bool, quiet: bool):
    if run_arelle and not output:
        fail("--validate needs -o OUT so Arelle can load the written files", EXIT_USAGE)
    if to == "csv" and not output:
        fail("--to csv writes two files (OUT.csv and OUT-metadata.json): give -o OUT.csv", EXIT_USAGE)
    if output is not None:
        from ..output_plan import claim, conflicts, possible_prefixes
        refused = conflicts([claim(file, output, to)], [file], possible_prefixes(options.get("issuer")))
        if refused:
            fail(refused[0])
    outcome = convert_file(Job(file, output, to, **options))
    for note in outcome.notes:
        click.echo(f"xbrlify: warning: {file}: {note}", err=True)
    if not outcome.ok:
        fail(outcome.message, outcome.code)
    if output is None:
        click.echo(outcome.text, nl=False)
    if not quiet:
        for level, code, message in outcome.findings:
            click.echo(f"xbrlify: {level}: {code}: {message}", err=True)
        if output is not None:
            click.echo(f"xbrlify: {written_line(outcome, to)}", err=True)
    if run_arelle:
        from ..api import entry_of
        _arelle(entry_of(to, output))
    sys.exit(outcome.code)


def written_line(outcome, to: str) -> str:
    """One line on what a conversion wrote and found; it explains exit code 1 when there are findings."""
    from ..api import csv_metadata_name
    main = Path(outcome.output)
    own = {str(main)} | ({str(main.with_name(csv_metadata_name(main.stem)))} if to == "csv" else set())
    taxonomy = len([p for p in outcome.written if p not in own])
    wrote = f"wrote {main}" + (f", {main.with_name(csv_metadata_name(main.stem)).name}" if to == "csv" else "")
    wrote += f" (+ {plural(taxonomy, 'taxonomy file')}): {plural(outcome.facts, 'fact')}"
    n = len(outcome.findings)
    if not n:
        return f"{wrote}, no findings"
    first = outcome.findings[0][2]
    more = f" (and {n - 1} more, above)" if n > 1 else ""
    return f"{wrote}; exit 1: {plural(n, 'finding')}: {first}{more}"


def _arelle(path: Path):
    from ..validate import ArelleUnavailable, arelle_check
    try:
        problems = arelle_check(path)
    except ArelleUnavailable as e:
        fail(str(e), EXIT_USAGE)
    for p in problems:
        click.echo(f"arelle: {p.get('level')}: {p.get('code')}: {p.get('message')}", err=True)
    if problems:
        sys.exit(EXIT_FINDINGS)
    click.echo("arelle: no errors, no warnings", err=True)


# ------------------------------------------------------------------------------------------------ a batch

def _batch(paths, outdir: Optional[Path], to: str, options: dict, jobs: int, force: bool,
           report_path: Optional[Path], verbose: bool, quiet: bool, engine: str = "local",
           scheduler: Optional[str] = None):
    from ..batch import INPUT_SUFFIXES, Outcome, default_jobs, plan_batch, run_plan, stderr_is_terminal
    from ..manifest import ManifestUnusable, check_manifest
    if outdir is None:
        fail("several inputs or a folder need -o OUTDIR (the folder the outputs go to)", EXIT_USAGE)
    if outdir.exists() and not outdir.is_dir():
        fail(f"-o {outdir}: a batch writes into a folder, and this is a file", EXIT_USAGE)
    missing = [str(p) for p in paths if not p.exists()]
    plan = plan_batch([p for p in paths if p.exists()], outdir, to, **options)
    plan.refused[:0] = [Outcome(p, code=EXIT_INPUT, message=f"{p}: no such file or folder") for p in missing]
    total = len(plan.jobs) + len(plan.refused)
    if total == 0:
        fail(f"no release files ({', '.join(sorted(INPUT_SUFFIXES))}) in "
             f"{', '.join(str(p) for p in paths)}", EXIT_INPUT)
    show_bar = not quiet and stderr_is_terminal()
    workers = default_jobs() if jobs == 0 else jobs
    try:
        check_manifest(outdir)
    except ManifestUnusable as e:
        fail(str(e))
    from ..dask_engine import DaskUnavailable
    try:
        if show_bar:
            with click.progressbar(length=total, label=f"converting {plural(total, 'file')}", file=sys.stderr,
                                   show_pos=True, item_show_func=lambda o: Path(o.source).name if o else None) as bar:
                report = run_plan(plan, outdir, workers, force, lambda o: bar.update(1, o), engine, scheduler)
        else:
            report = run_plan(plan, outdir, workers, force, None, engine, scheduler)
    except DaskUnavailable as e:
        fail(str(e), EXIT_USAGE)
    except OSError as e:
        if engine != "dask":
            raise
        fail(f"--scheduler {scheduler}: {e}", EXIT_USAGE)   # a Dask scheduler that cannot be reached
    for outcome in report.outcomes:
        for note in outcome.notes if verbose else ():
            click.echo(f"xbrlify: warning: {outcome.source}: {note}", err=True)
        for level, code, message in outcome.findings if verbose and not quiet else ():
            click.echo(f"xbrlify: {outcome.source}: {level}: {code}: {message}", err=True)
    failed = report.failed
    if failed:
        click.echo(f"xbrlify: {len(failed)} of {plural(total, 'file')} failed:", err=True)
        for outcome in failed:
            message = outcome.message
            if not message.startswith(outcome.source):
                message = f"{outcome.source}: {message}"
            click.echo(f"  {message}", err=True)
    if report_path:
        from ..emit.write import write_atomic
        try:
            write_atomic(report_path, report.as_json())
        except OSError as e:
            fail(f"cannot write the report {report_path}: {e.strerror or e}", EXIT_INPUT)
    if not quiet:
        click.echo(f"xbrlify: {report.summary()}", err=True)
    sys.exit(report.code)
