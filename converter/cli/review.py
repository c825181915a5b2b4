"""`xbrlify review RELEASE -o out/review.html`: the release in the iXBRL Viewer, each figure that became a fact
highlighted (with the rule that produced it), each statement figure that became none outlined."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import layout_option




@click.command("review", short_help="Build a review page: which numbers became facts.")
@click.argument("release", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("out/review.html"),
              show_default=True, help="The viewer page to write (its script, ixbrlviewer.js, goes beside it).")
@layout_option
@click.option("--issuer", help="Issuer file name or path, or 'none' for base rules only; detected when absent.")
def review_cmd(release, output, layout, issuer):
    """Build a review page for RELEASE: open OUTPUT in a browser (no server or network needed)."""
    from ..readers import InputError
    from ..review import ReviewError, build_review
    from ..rulebook.loader import RuleError
    try:
        review = build_review(release, output, layout=layout, issuer=issuer)
    except (InputError, RuleError, FileNotFoundError, ReviewError) as e:
        click.echo(f"xbrlify: error: {e}", err=True)
        sys.exit(3)
    click.echo(f"{review.page}: {review.facts} facts, {review.tagged} tagged in the text, "
               f"{review.unread} statement figures that became no fact", err=True)
