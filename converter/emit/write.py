"""Writing an output: the taxonomy files first, then the instance, each through a temp file and a rename.

A reader of the directory then never sees a half-written file, nor an instance whose schema is not there yet.
A rename replaces whatever has the name, so what is there is looked at first: only a regular file the user
may write is replaced (keeping its permissions); a device, a folder, a FIFO or a socket, a symbolic link
(writing would leave its target stale or replace the link) and a read-only file are refused.
"""
from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path
from typing import Literal

from ..result import ConversionResult
from .render import entry_filename, render_json, render_taxonomy, render_xbrl


class UnsafeOutput(OSError):
    """An output path whose present occupant must not be replaced."""


def replaceable(path: Path) -> os.stat_result | None:
    """The status of the regular, writable file at `path`, or None when there is none; UnsafeOutput for
    anything else there."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(st.st_mode):
        why = "is a symbolic link; xbrlify replaces neither a link nor what it points at"
    elif stat.S_ISDIR(st.st_mode):
        why = "is a folder"
    elif not stat.S_ISREG(st.st_mode):
        why = "is a device, a FIFO or a socket, not a file; xbrlify writes only regular files"
    elif not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        # the mode too: for root, access() says yes to any file
        why = "is read-only; xbrlify does not replace it (make it writable or remove it first)"
    else:
        return st
    raise UnsafeOutput(errno.EPERM, why, str(path))


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text with LF line ends to a temp file in the same directory, then rename it over `path`
    (a regular, writable file or nothing: see `replaceable`)."""
    write_atomic_bytes(path, text.encode("utf-8"))


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """Write bytes to a temp file in the same directory, then rename it over `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    old = replaceable(path)
    # open(..., "xb") rather than mkstemp: the file gets the usual umask permissions, not 0600.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "xb") as f:
            f.write(data)
            if old is not None:   # a replaced file keeps its permissions
                os.fchmod(f.fileno(), stat.S_IMODE(old.st_mode))
        os.replace(tmp, path)
    except BaseException as e:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(e, OSError) and e.errno is not None:   # name the file being written, not the temp file
            raise type(e)(e.errno, e.strerror, str(path)) from None
        raise


def write_outputs(result: ConversionResult, out_path: Path | str, to: Literal["json", "xbrl"]) -> list[Path]:
    """Write the xBRL-JSON report or XBRL 2.1 instance at `out_path` and its taxonomy beside it, named after
    its stem (NAME.xsd, NAME-us-gaap.xsd, NAME_lab.xml, ...). Returns the paths written, instance last."""
    if to not in ("json", "xbrl"):
        raise ValueError(f"unknown output format {to!r} (expected 'json' or 'xbrl')")
    out_path = Path(out_path)
    stem = out_path.stem
    instance = render_json(result, entry_filename(stem)) if to == "json" else render_xbrl(result, entry_filename(stem))
    written = []
    for name, text in render_taxonomy(result, stem).items():
        target = out_path.parent / name
        if target.resolve() == out_path.resolve():
            raise ValueError(f"{out_path} would be overwritten by its own taxonomy file {name}")
        write_atomic(target, text)
        written.append(target)
    write_atomic(out_path, instance)
    written.append(out_path)
    return written
