"""A pattern's compiled program, kept so that a later run builds the pattern without compiling it again.

`regex` compiles in Python (parsing, full case folding, optimising: about a millisecond a pattern) and
then hands a flat program to its C engine (`_regex.compile`). `compile_keeping_code` records the
arguments of that last call; `from_code` makes the same pattern object from them at C speed. The rulebook
cache (cache.py) stores them beside each rule pattern, keyed on the regex version among the rest, since the
program is regex's internal form. Anything unexpected (no call seen, a call for another pattern, a program
the engine refuses) falls back to compiling.
"""
from __future__ import annotations

import atexit
import threading
from typing import Optional

import regex
from regex import _main

_ENGINE = _main._regex
_LOCK = threading.Lock()


class _Recorder:
    """Stands in for the C engine module while one pattern compiles, recording what it is asked to build."""

    def __init__(self):
        self.calls: list[tuple] = []

    def __getattr__(self, name):
        return getattr(_ENGINE, name)

    def compile(self, *args):
        self.calls.append(args)
        return _ENGINE.compile(*args)


def compile_keeping_code(pattern: str, flags: int) -> tuple[regex.Pattern, Optional[tuple]]:
    """The compiled pattern and its program (None when it could not be recorded)."""
    recorder = _Recorder()
    with _LOCK:
        _main._regex = recorder
        try:
            compiled = regex.compile(pattern, flags, cache_pattern=False)
        finally:
            _main._regex = _ENGINE
    calls = [c for c in recorder.calls if c and c[0] == pattern]
    return compiled, (calls[0] if len(calls) == 1 and len(recorder.calls) == 1 else None)


def from_code(code: tuple) -> Optional[regex.Pattern]:
    """The pattern built from a recorded program; None when the engine refuses it."""
    try:
        return _ENGINE.compile(*code)
    except Exception:
        return None


# ------------------------------------------------------------------------------------- the modules' patterns

_KEPT: Optional[dict] = None    # (pattern, flags) -> program, as kept in the cache
_ADDED = False


def kept_regex(pattern: str, flags: int = 0) -> regex.Pattern:
    """`regex.compile(pattern, flags)` for a module's own patterns (about 200, compiled at import on every
    run): built from the program kept in the cache when there is one; the programs found missing are
    kept when the process ends."""
    global _KEPT, _ADDED
    if _KEPT is None:
        _KEPT = _load()
        atexit.register(_save)
    key = (pattern, int(flags))
    program = _KEPT.get(key)
    built = from_code(program) if program is not None else None
    if built is not None:
        return built
    compiled, program = compile_keeping_code(pattern, flags)
    if program is not None:
        _KEPT[key] = program
        _ADDED = True
    return compiled


def _entry():
    from . import cache
    return "regex-programs", cache.key_of("regex-programs", regex.__version__)


def _load() -> dict:
    from . import cache
    found = cache.load(*_entry())
    return found if isinstance(found, dict) else {}


def _save() -> None:
    if _ADDED and _KEPT:
        from . import cache
        name, key = _entry()
        cache.store(name, key, {**_load(), **_KEPT})
