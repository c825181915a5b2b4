"""Compiled rule files (and the other things every run builds the same way) kept on disk between runs, so a command skips reading, schema-checking and
compiling every rule file each time it starts (that was most of a one-file conversion's second).

An entry holds one rule file's compiled rules (patterns as text: rulebook/lazy.py), stored only after
the file passed every check, under a key made of the file's bytes and path and everything its checks
and compilation depend on: the converter's version and code, the rules schema, the taxonomy and the
official element lists, and the Python, regex and PyYAML versions. A key that differs means a stale
entry: it is ignored and replaced. An entry is written to a temporary file and renamed, so a reader
never sees half of one and concurrent writers each leave a whole one; one that cannot be read (cut
short, another version's) is ignored and rebuilt. The cache lives in $XBRLIFY_CACHE_DIR, else
$XDG_CACHE_HOME/xbrlify, else ~/.cache/xbrlify; XBRLIFY_NO_CACHE=1 turns it off. Nothing here is
needed for a correct result: any failure to read or write falls back to compiling.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .. import __version__
from ..paths import ROOT, SCHEMAS_DIR, TAXONOMY_FILE

FORMAT = 1   # bump when what an entry holds changes shape


def cache_dir() -> Optional[Path]:
    if os.environ.get("XBRLIFY_NO_CACHE"):
        return None
    if os.environ.get("XBRLIFY_CACHE_DIR"):
        return Path(os.environ["XBRLIFY_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "xbrlify"


@lru_cache(maxsize=1)
def code_stamp() -> bytes:
    """What every entry depends on besides its own file. The code is stamped by size and modification
    time (a stat per file, no reading): an edited converter, installed or checked out, invalidates."""
    import regex
    h = hashlib.sha256()
    h.update(f"{FORMAT}|{__version__}|{sys.version}|{regex.__version__}|{_yaml_stamp()}".encode())
    package = ROOT / "converter"
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                h.update(f"{folder}/{name}|{st.st_size}|{st.st_mtime_ns}".encode())
    for data in (SCHEMAS_DIR / "rules.schema.json", TAXONOMY_FILE):
        h.update(_read(data))
    lists = ROOT / "taxonomies"
    for path in sorted(lists.rglob("*.csv")):
        st = path.stat()
        h.update(f"{path}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.digest()


def _yaml_stamp() -> str:
    """PyYAML's installed module, by size and time: a run served from the cache does not import it."""
    from importlib.util import find_spec
    spec = find_spec("yaml")
    if spec is None or not spec.origin:
        return "no yaml"
    st = os.stat(spec.origin)
    return f"{spec.origin}|{st.st_size}|{st.st_mtime_ns}"


def _read(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError:
        return b""


def _file(name: str) -> Optional[Path]:
    folder = cache_dir()
    return None if folder is None else folder / f"{name}.pickle"


def rule_entry(path: str, origin: str) -> str:
    return "rules-" + hashlib.sha256(f"{path}|{origin}".encode()).hexdigest()[:32]


def key_of(*parts) -> bytes:
    """A key over the code stamp and the given parts (str or bytes)."""
    h = hashlib.sha256(code_stamp())
    for part in parts:
        h.update(b"|" + (part if isinstance(part, bytes) else str(part).encode()))
    return h.digest()


def load(name: str, key: bytes):
    """The payload stored under `name` for exactly this key, or None."""
    entry = _file(name)
    if entry is None:
        return None
    try:
        with open(entry, "rb") as f:
            found, payload = pickle.load(f)
    except Exception:   # missing, cut short, another version's classes: build again
        return None
    return payload if found == key else None


def store(name: str, key: bytes, payload) -> None:
    entry = _file(name)
    if entry is None:
        return
    tmp = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=entry.parent)
        with os.fdopen(fd, "wb") as f:
            pickle.dump((key, payload), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)
        tmp = None
    except Exception:   # a read-only or full disk, something unpicklable: the next run builds again
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
