"""xbrlify: earnings press releases to XBRL 2.1 and xBRL-JSON, by declarative rules."""
import importlib

__version__ = "0.1.0"   # as in pyproject.toml (a test keeps them equal); the rulebook cache keys on it
__all__ = ["convert", "convert_text", "render", "write"]
_HOME = {"convert": "api", "render": "api", "write": "api", "convert_text": "pipeline"}


def __getattr__(name):
    """The library API, imported when first used: `xbrlify rules check` needs none of the pipeline."""
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
