"""Inline XBRL: the release's own page (its HTML rebuilt as XHTML, or its text in a <pre>) with each figure that
became a fact wrapped where it is printed.

    page.py     the XHTML page and its visible text
    locate.py   where each fact's figure is on the page (the reader's text aligned with the page's)
    tagging.py  ix:nonFraction around the figures, ix:header with contexts, units and the facts with no place
"""
from .tagging import render_ixbrl

__all__ = ["render_ixbrl"]
