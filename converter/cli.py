"""xbrlify command line (placeholder until the pipeline lands)."""
import click


@click.group()
def main():
    """Convert earnings releases to XBRL."""
