"""Choosing a reader: the layout is detected from the text unless the caller names one."""
from __future__ import annotations

from typing import Callable, Optional

import regex

from ..model import Document
from .normalize import normalize_text


class InputError(Exception):
    """Input that cannot be converted: unreadable, empty, binary, or of an unknown layout."""


_HTML = regex.compile(r"<(?:html|body|table|div|p|font|document|text)\b", regex.I)


def _read_html(text: str, source: str) -> Document:
    from .html import read_html
    return read_html(text, source)


def _read_pipe(text: str, source: str) -> Document:
    from .pipe_text import read_pipe_text
    return read_pipe_text(normalize_text(text), source)


def _read_fixed(text: str, source: str) -> Document:
    from .fixed_width import read_fixed_width
    return read_fixed_width(normalize_text(text), source)


def _read_newswire(layout: str) -> Callable[[str, str], Document]:
    def read(text: str, source: str) -> Document:
        from .newswire import read_newswire
        return read_newswire(normalize_text(text), source, layout)
    return read


def _read_pdf(text: str, source: str) -> Document:
    from .pdf_text import read_pdf_text
    return read_pdf_text(normalize_text(text), source)


LAYOUTS: dict[str, Callable[[str, str], Document]] = {
    "html": _read_html,
    "pipe": _read_pipe,
    "pdf": _read_pdf,
    "cells": _read_newswire("cells"),
    "squashed": _read_newswire("squashed"),
    "fixed": _read_fixed,
}


def detect_layout(text: str) -> str:
    head = text[:50000]
    if len(_HTML.findall(head)) >= 3:
        return "html"
    from .pipe_text import looks_like as looks_like_pipe
    if looks_like_pipe(head):
        return "pipe"
    from .newswire import looks_like_cells, looks_like_squashed
    normalized = normalize_text(head)
    if looks_like_cells(normalized):
        return "cells"
    if looks_like_squashed(normalized):
        return "squashed"
    from .fixed_width import looks_like as looks_like_fixed
    if looks_like_fixed(head):
        return "fixed"
    return "pdf"


def read_document(text: str, layout: Optional[str] = None, source: str = "") -> Document:
    layout = layout or detect_layout(text)
    if layout not in LAYOUTS:
        raise InputError(f"unknown layout {layout!r}; choose one of {', '.join(sorted(LAYOUTS))}")
    return LAYOUTS[layout](text, source)
