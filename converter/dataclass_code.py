"""`dataclass` as the standard library's, with the code it generates kept compiled between runs.

Python 3.11's dataclasses write each method they add (__init__, __eq__, __repr__, __hash__, a frozen
class's __setattr__ ...) as source text and compile it: for the converter's ~70 dataclasses that was about
45 ms of every start, more than any other step. This decorator runs the standard one with its function
factory (`dataclasses._create_fn`, a copy of 3.11's) compiling through a memo of code objects, which is
kept in the rulebook cache folder (rulebook/cache.py; Python's version is in the key). The factory is
swapped only while one of our classes is decorated; on another Python the standard decorator runs as is.
"""
from __future__ import annotations

import atexit
import dataclasses
import marshal
import sys
import threading

_SUPPORTED = sys.version_info[:2] == (3, 11) and callable(getattr(dataclasses, "_create_fn", None))
_LOCK = threading.RLock()
_CODES: dict | None = None     # function text -> its code object
_ADDED = False


def _create_fn(name, args, body, *, globals=None, locals=None, return_type=dataclasses.MISSING):
    """dataclasses._create_fn of Python 3.11, but compiling each distinct text once."""
    global _ADDED
    if locals is None:
        locals = {}
    return_annotation = ''
    if return_type is not dataclasses.MISSING:
        locals['_return_type'] = return_type
        return_annotation = '->_return_type'
    args = ','.join(args)
    body = '\n'.join(f'  {b}' for b in body)
    txt = f' def {name}({args}){return_annotation}:\n{body}'
    local_vars = ', '.join(locals.keys())
    txt = f"def __create_fn__({local_vars}):\n{txt}\n return {name}"
    code = _codes().get(txt)
    if code is None:
        code = _CODES[txt] = compile(txt, "<string>", "exec")
        _ADDED = True
    ns = {}
    exec(code, globals, ns)
    return ns['__create_fn__'](**locals)


def dataclass(cls=None, /, **options):
    """`dataclasses.dataclass`, with the generated methods' code kept between runs."""
    if not _SUPPORTED:
        return dataclasses.dataclass(cls, **options)

    def wrap(c):
        with _LOCK:
            standard, dataclasses._create_fn = dataclasses._create_fn, _create_fn
            try:
                return dataclasses.dataclass(c, **options)
            finally:
                dataclasses._create_fn = standard

    return wrap if cls is None else wrap(cls)


class Rebuilt:
    """A dataclass that pickles as a call to its constructor. One unpickled field by field (as the rulebook
    cache gave rules) gets a plain attribute dict, and reading its attributes in the engine's loops was half
    again as slow as on one built by __init__ (Python specialises attribute reads for the latter)."""

    def __reduce__(self):
        return type(self), tuple(getattr(self, f.name) for f in dataclasses.fields(self))


def _entry():
    from .rulebook import cache
    return "dataclass-code", cache.key_of("dataclass-code", sys.version)


def _codes() -> dict:
    global _CODES
    if _CODES is None:
        _CODES = {}
        from .rulebook import cache
        found = cache.load(*_entry())
        try:
            _CODES = marshal.loads(found) if isinstance(found, bytes) else {}
        except Exception:   # another Python's, or damaged: compile again
            _CODES = {}
        atexit.register(_save)
    return _CODES


def _save() -> None:
    if _ADDED and _CODES:
        from .rulebook import cache
        try:
            cache.store(*_entry(), marshal.dumps(_CODES))
        except Exception:   # the cache never fails a run
            pass
