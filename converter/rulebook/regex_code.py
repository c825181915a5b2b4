"""A pattern's compiled program, kept so that a later run builds the pattern without compiling it again.

`regex` compiles in Python (parsing, full case folding, optimising: about a millisecond a pattern) and
then hands a flat program to its C engine (`_regex.compile`); the standard library's `re` does the same
with `_sre.compile`. `compile_keeping_code` records the
arguments of that last call; `from_code` makes the same pattern object from them at C speed. The rulebook
cache (cache.py) stores them beside each rule pattern, keyed on the regex version among the rest, since the
program is the engine's internal form (Python's version is in every key). Anything unexpected (no call seen, a call for another pattern, a program
the engine refuses) falls back to compiling.
"""
from __future__ import annotations

import _sre
import atexit
import re
import sys
import threading
from re import _compiler as _re_compiler
from typing import Optional

import regex
from regex import _main

_ENGINE = _main._regex
_LOCK = threading.Lock()


class _Recorder:
    """Stands in for a C engine module while one pattern compiles, recording what it is asked to build."""

    def __init__(self, engine):
        self.engine = engine
        self.calls: list[tuple] = []

    def __getattr__(self, name):
        return getattr(self.engine, name)

    def compile(self, *args):
        self.calls.append(args)
        return self.engine.compile(*args)


def _recorded(holder, engine, pattern: str, build):
    """`build()`'s pattern and the one program it handed `engine` (the module `holder` calls it through)."""
    recorder = _Recorder(engine)
    attribute = "_regex" if holder is _main else "_sre"
    with _LOCK:
        setattr(holder, attribute, recorder)
        try:
            compiled = build()
        finally:
            setattr(holder, attribute, engine)
    calls = recorder.calls
    if len(calls) != 1 or not calls[0] or calls[0][0] != pattern:
        return compiled, None
    args = list(calls[0])
    args[2] = [int(op) for op in args[2]]   # re's opcodes are named ints, which do not pickle
    return compiled, tuple(args)


def compile_keeping_code(pattern: str, flags: int) -> tuple[regex.Pattern, Optional[tuple]]:
    """The compiled pattern and its program (None when it could not be recorded)."""
    return _recorded(_main, _ENGINE, pattern, lambda: regex.compile(pattern, flags, cache_pattern=False))


def from_code(code: tuple, engine=_ENGINE):
    """The pattern built from a recorded program; None when the engine refuses it."""
    try:
        return engine.compile(*code)
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


def kept_re(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)` for a module's own patterns, kept as `kept_regex` keeps regex's (the
    standard library compiles in Python too, then hands `_sre` a program)."""
    global _KEPT, _ADDED
    if _KEPT is None:
        _KEPT = _load()
        atexit.register(_save)
    key = ("re", pattern, int(flags))
    program = _KEPT.get(key)
    built = from_code(program, _sre) if program is not None else None
    if built is not None:
        return built
    compiled, program = _recorded(_re_compiler, _sre, pattern, lambda: _re_compiler.compile(pattern, flags))
    if program is not None:
        _KEPT[key] = program
        _ADDED = True
    return compiled


def _entry():
    from . import cache
    return "regex-programs", cache.key_of("regex-programs", regex.__version__, sys.version)


def _load() -> dict:
    from . import cache
    found = cache.load(*_entry())
    return found if isinstance(found, dict) else {}


def _save() -> None:
    if _ADDED and _KEPT:
        from . import cache
        name, key = _entry()
        try:
            cache.store(name, key, {**_load(), **_KEPT})
        except Exception:   # the cache never fails a run
            pass
