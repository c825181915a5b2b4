"""`xbrlify explain FILE`: for every fact, the rule, the source and each normalization step; the facts that
merging dropped and why; with --coverage, what no rule read."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import layout_option

EXIT_OK, EXIT_USAGE, EXIT_INPUT = 0, 2, 3


@click.command("explain", short_help="Say why each fact came out: rule, source, steps.")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--issuer", help="Issuer file name or path, or 'none' for base rules only; detected when absent.")
@layout_option
@click.option("--concept", help="Only facts whose concept contains this text (e.g. Revenues).")
@click.option("--coverage", "with_coverage", is_flag=True,
              help="Also list table rows and narrative amounts no rule read, with the share of numeric cells read.")
@click.option("--suspicious", is_flag=True,
              help="List only the likely misreads (merge losers, withheld facts, broken totals, segment or non-GAAP "
                   "table facts, prose dated off the tables), each with a rule stub that would settle it.")
def explain_cmd(file, issuer, layout, concept, with_coverage, suspicious):
    """Say why each fact of FILE came out: rule, source span, steps (period, scale, sign, decimals), rules
    that also matched and lost; then merged or rejected facts and why."""
    from ..api import convert
    from ..explain import explain_lines
    from ..readers import InputError
    from ..rulebook.loader import RuleError
    from ..pipeline import Trace
    trace = Trace()
    try:
        result = convert(file, layout=layout, issuer=issuer, trace=trace)
    except (InputError, RuleError, FileNotFoundError) as e:
        click.echo(f"xbrlify: error: {e}", err=True)
        sys.exit(EXIT_INPUT)
    if suspicious:
        from ..suspicious import misread_lines, misreads
        prefix = trace.book.issuer.prefix if trace.book and trace.book.issuer else "issuer"
        click.echo("\n".join(misread_lines(misreads(result, trace, prefix))))
        sys.exit(EXIT_OK)
    click.echo("\n".join(explain_lines(result, trace, concept, with_coverage)))
    sys.exit(EXIT_OK)
