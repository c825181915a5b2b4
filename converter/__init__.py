"""xbrlify: earnings press releases to XBRL 2.1 and xBRL-JSON, by declarative rules."""
from .api import convert, render, write
from .pipeline import convert_text

__all__ = ["convert", "convert_text", "render", "write"]
