"""`xbrlify convert`: one release in, xBRL-JSON or an XBRL 2.1 instance out."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..api import OutputInvalid, convert, render, write
from ..engine.entity import parse_entity_option
from ..readers import LAYOUTS, InputError
from ..rulebook.loader import RuleError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3


def fail(message: str, code: int = EXIT_INPUT):
    click.echo(f"xbrlify: error: {message}", err=True)
    sys.exit(code)


@click.command("convert")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "to", type=click.Choice(["json", "xbrl"]), default="json", show_default=True,
              help="xBRL-JSON (OIM) or an XBRL 2.1 instance.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here (plus the taxonomy files beside it); standard output when absent.")
@click.option("--format", "layout", type=click.Choice(sorted(LAYOUTS)), help="Input layout; detected when absent.")
@click.option("--issuer", help="Issuer file name or path, or 'none' for base rules only; detected when absent.")
@click.option("--entity", "entity_opt", metavar="SCHEME:ID", help="Entity identifier, e.g. cik:0000855654.")
@click.option("--validate", "run_arelle", is_flag=True, help="Also load the output in Arelle (needs arelle-release).")
@click.option("-q", "--quiet", is_flag=True, help="Do not print check findings.")
def convert_cmd(file, to, output, layout, issuer, entity_opt, run_arelle, quiet):
    """Convert FILE (raw HTML, pipe-flattened text, or PDF text) to XBRL."""
    try:
        entity = parse_entity_option(entity_opt) if entity_opt else None
    except ValueError as e:
        fail(str(e), EXIT_USAGE)
    try:
        result = convert(file, layout=layout, issuer=issuer, entity=entity)
        if output:
            write(result, output, to)
        else:
            click.echo(render(result, to, file.stem), nl=False)
    except (InputError, RuleError, FileNotFoundError) as e:
        fail(str(e))
    except OutputInvalid as e:
        fail(f"{e} (please report this)", 4)
    if not quiet:
        for f in result.findings:
            click.echo(f"xbrlify: {f.level}: {f.code}: {f.message}", err=True)
    if run_arelle:
        if not output:
            fail("--validate needs -o OUT so Arelle can load the written files", EXIT_USAGE)
        _arelle(output)
    sys.exit(EXIT_FINDINGS if result.findings else EXIT_OK)


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
