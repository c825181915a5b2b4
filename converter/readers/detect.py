"""Choosing a reader: the layout is detected from the text unless the caller names one."""
from __future__ import annotations

from itertools import islice
from typing import Callable, Optional

import regex

from ..model import Document
from .edgar import exhibit_text
from .front_matter import split_front_matter
from .normalize import normalize_text
from .range_cells import with_range_columns
from ..rulebook.regex_code import kept_regex


class InputError(Exception):
    """Input that cannot be converted: unreadable, empty, binary, or of an unknown layout."""


_HTML = kept_regex(r"<(?:html|body|table|div|p|font|document|text)\b", regex.I)


def _read_html(text: str, source: str) -> Document:
    from .html import read_html
    return read_html(text, source)


# Text readers take normalized text (normalize.py): `read_document` normalizes once for detection and reader.
def _read_pipe(text: str, source: str) -> Document:
    from .pipe_text import read_pipe_text
    return read_pipe_text(text, source)


def _read_markdown(text: str, source: str) -> Document:
    from .markdown import read_markdown
    return read_markdown(text, source)


def _read_fixed(text: str, source: str) -> Document:
    from .fixed_width import read_fixed_width
    return read_fixed_width(text, source)


def _read_newswire(layout: str) -> Callable[[str, str], Document]:
    def read(text: str, source: str) -> Document:
        from .newswire import read_newswire
        return read_newswire(text, source, layout)
    return read


def _read_pdf(text: str, source: str) -> Document:
    from .pdf_text import read_pdf_text
    return read_pdf_text(text, source)


LAYOUTS: dict[str, Callable[[str, str], Document]] = {
    "html": _read_html,
    "pipe": _read_pipe,
    "markdown": _read_markdown,
    "pdf": _read_pdf,
    "cells": _read_newswire("cells"),
    "squashed": _read_newswire("squashed"),
    "fixed": _read_fixed,
}
HEAD = 50000   # characters detection looks at


def _is_html(text: str) -> bool:
    """Three markup tags in the head (counting stops there)."""
    return len(list(islice(_HTML.finditer(text, 0, HEAD), 3))) == 3


def _text_layout(head: str) -> str:
    """The layout of normalized text without markup."""
    from .markdown import looks_like as looks_like_markdown
    if looks_like_markdown(head):
        return "markdown"
    from .pipe_text import looks_like as looks_like_pipe
    if looks_like_pipe(head):
        return "pipe"
    from .newswire import looks_like_cells, looks_like_squashed
    if looks_like_cells(head):
        return "cells"
    if looks_like_squashed(head):
        return "squashed"
    from .fixed_width import looks_like as looks_like_fixed
    if looks_like_fixed(head):
        return "fixed"
    return "pdf"


def detect_layout(text: str) -> str:
    text = exhibit_text(text)
    return "html" if _is_html(text) else _text_layout(normalize_text(text[:HEAD]))


def printed_text_layout(text: str) -> tuple[str, bool]:
    """The layout of text a page printed (a PDF typed in a fixed-pitch font), and whether it is an HTML page's
    source: printed, its markup wraps at the page's edge and breaks between pages, so cells no longer hold
    their figures. It is read as the text it is, never parsed as the page."""
    text = exhibit_text(text)
    return _text_layout(normalize_text(text[:HEAD])), _is_html(text)


def read_document(text: str, layout: Optional[str] = None, source: str = "") -> Document:
    if layout is not None and layout not in LAYOUTS:
        raise InputError(f"unknown layout {layout!r}; choose one of {', '.join(sorted(LAYOUTS))}")
    text = exhibit_text(text)
    if layout == "html" or (layout is None and _is_html(text)):
        return with_range_columns(_read_html(text, source))
    text, published = split_front_matter(normalize_text(text))
    doc = with_range_columns(LAYOUTS[layout or _text_layout(text[:HEAD])](text, source))
    doc.published = published
    return doc
