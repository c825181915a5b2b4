"""Readers: source text in, Document out. One module per layout; `read_document` picks the layout."""
from __future__ import annotations

from ..model import Document
from .detect import detect_layout, read_document, LAYOUTS, InputError

__all__ = ["Document", "detect_layout", "read_document", "LAYOUTS", "InputError"]
