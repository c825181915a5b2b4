"""Reading the input file: bytes to text, with clear errors for what is not a release."""
from __future__ import annotations

from pathlib import Path

from .detect import InputError

_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"\xd0\xcf\x11\xe0")


def decode(data: bytes, name: str = "") -> str:
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if data.startswith(_BINARY_MAGIC):
        kind = "a PDF" if data.startswith(b"%PDF") else "binary data"
        hint = " (extract its text first, e.g. with pdftotext)" if kind == "a PDF" else ""
        raise InputError(f"{name}: the file is {kind}, not text or HTML{hint}")
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: the file is binary data, not text or HTML")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_source(path: str | Path) -> str:
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror or e}") from None
    return decode(data, str(p))
