"""`xbrlify package -o FILE.zip`: the taxonomy package that lets any XBRL processor load our outputs offline.

The outputs import the official US-GAAP, SRT and DEI entry points; a processor without the internet (Arelle:
`arelleCmdLine --packages FILE.zip -f out/release.xml`) resolves them from this package instead.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("package", short_help="Write the offline taxonomy package.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("."), show_default=True,
              help="A .zip file to write, or a folder to write xbrlify-taxonomies-YEAR.zip into.")
def package_cmd(output):
    """Write the offline taxonomy package (META-INF/taxonomyPackage.xml and catalog.xml remapping the official
    entry points to declarations of the elements xbrlify writes)."""
    from ..taxonomies.package import write_package
    try:
        path = write_package(output)
    except OSError as e:
        click.echo(f"xbrlify: error: cannot write {output}: {e.strerror or e}", err=True)
        sys.exit(3)
    click.echo(str(path))
