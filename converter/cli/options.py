"""Options several subcommands share, defined once so that each offers the same choices and says the same."""
from __future__ import annotations

import click

# Every input layout the readers know (readers/detect.py LAYOUTS; a test keeps the two equal), explained.
LAYOUT_HELP = {
    "html": "raw HTML (an EDGAR .htm)",
    "pipe": "text flattened from HTML, '|' between cells",
    "markdown": "a newswire copy saved as Markdown",
    "cells": "a newswire copy printing one table cell per line",
    "squashed": "a newswire copy printing a whole table on one line",
    "fixed": "pdftotext -layout text, fixed-width columns",
    "pdf": "text a PDF reader gave, in reading order (a .pdf file is read from its text layer)",
}


def layout_option(command):
    """`--format LAYOUT`: the input's layout, detected when absent."""
    text = "Input layout, detected when absent: " + "; ".join(f"{k}: {v}" for k, v in LAYOUT_HELP.items()) + "."
    return click.option("--format", "layout", type=click.Choice(list(LAYOUT_HELP)), metavar="LAYOUT",
                        help=text)(command)
