"""Reading the input file: bytes to text, with clear one-line errors for what is not a release.

    release = read_release(path)                  # .text, .notes, .layout; InputError for what cannot be converted
    text = read_source(path)                      # a text or HTML release only

A PDF file is read from its text layer (pdf_file.py). Refused: an empty file, binary data (an image's bytes,
an archive, an executable, NULs or control characters in bulk), and a file larger than `MAX_INPUT_BYTES` (a release is a few MB at most; a bigger file
is something else, and would cost time and memory out of proportion). Text is UTF-8 (with or without a
BOM), UTF-16 with a BOM, or else Windows-1252 and at last Latin-1, which read any byte; the fallbacks are
noted, since a release mis-declared that way can show a few wrong characters.
"""
from __future__ import annotations

import os
import stat
from dataclasses import field
from pathlib import Path
from typing import Optional

from .detect import InputError, printed_text_layout
from .pdf_file import PdfText, is_pdf
from ..dataclass_code import dataclass

MAX_INPUT_BYTES = 25 * 1024 * 1024
_SNIFF = 4096   # bytes looked at to tell binary from text

_MAGIC = (
    (b"\x89PNG", "a PNG image", ""),
    (b"GIF8", "a GIF image", ""),
    (b"\xff\xd8\xff", "a JPEG image", ""),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)", ""),
    (b"\x1f\x8b", "gzip-compressed data", " (decompress it first)"),
    (b"\x7fELF", "an executable", ""),
    (b"\xd0\xcf\x11\xe0", "an old Office document", ""),
    (b"{\\rtf", "an RTF document", " (save it as text or HTML first)"),
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1a")   # \x1a: DOS end-of-file mark, seen in old EDGAR text


@dataclass
class Decoded:
    """A release's text, notes on how it was read, and the layout its reader knows it has (a PDF's text
    layer is laid out as fixed-width text), or None to detect it."""
    text: str
    notes: list[str] = field(default_factory=list)
    layout: Optional[str] = None
    pdf: Optional["PdfText"] = None    # a PDF file's text with where each word was printed


def decode_release(data: bytes, name: str = "") -> Decoded:
    """The text of `data` (a text or HTML release, or a PDF file's text layer); InputError when it is none."""
    if len(data) <= MAX_INPUT_BYTES and is_pdf(data):
        from .pdf_file import pdf_text
        pdf = pdf_text(data, name)
        pages = f"{pdf.pages} page{'s' if pdf.pages != 1 else ''}"
        # a PDF's words are laid out as fixed-width text; one typed in a fixed-pitch font comes back as it was
        # typed, so its layout is detected as any text's is
        notes = [f"read from the PDF's text layer ({pages})"]
        for why in dict.fromkeys(why for _p, why in pdf.left_out):
            which = [str(p) for p, w in pdf.left_out if w == why]
            notes.append(f"page{'s' if len(which) > 1 else ''} {', '.join(which)} left out: {why}")
        if pdf.redrawn:
            notes.append(f"{pdf.redrawn} glyph{'s' if pdf.redrawn > 1 else ''} coded as digits but drawn as "
                         f"rules read as dashes")
        layout = "fixed"
        if pdf.fixed_pitch:
            layout, markup = printed_text_layout(pdf.text)
            if markup:
                notes.append("its text is an HTML page's source printed as text, read as text: not as the page")
        return Decoded(pdf.text, notes, layout, pdf)
    text, notes = decode_with_notes(data, name)
    return Decoded(text, notes)


def decode_with_notes(data: bytes, name: str = "") -> tuple[str, list[str]]:
    """The text of `data`, and notes on how it was read; InputError when it is not a text release."""
    where = f"{name}: " if name else ""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{where}the file is too large ({len(data) / 2**20:.1f} MB; the limit is "
                         f"{MAX_INPUT_BYTES // 2**20} MB): an earnings release is a few MB at most")
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{where}the file starts with a UTF-16 mark but is not UTF-16 text") from None
        return _checked_text(text, where), ["read as UTF-16"]
    if not data.strip():
        raise InputError(f"{where}the file is empty")
    for magic, kind, hint in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{where}the file is {kind}, not text or HTML{hint}")
    head = data[:_SNIFF]
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    if b"\x00" in head or controls > len(head) // 20:
        raise InputError(f"{where}the file is binary data, not text or HTML")
    try:
        return _checked_text(data.decode("utf-8-sig"), where), []
    except UnicodeDecodeError:
        pass
    try:
        return _checked_text(data.decode("cp1252"), where), ["not UTF-8; read as Windows-1252"]
    except UnicodeDecodeError:
        return _checked_text(data.decode("latin-1"), where), ["not UTF-8; read as Latin-1"]


def _checked_text(text: str, where: str) -> str:
    if not text.strip():
        raise InputError(f"{where}the file is empty")
    return text


def decode(data: bytes, name: str = "") -> str:
    return decode_with_notes(data, name)[0]


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes; InputError (one line) when it cannot be read, is no regular file, or is too large to
    be a release. A device, a FIFO or a socket is refused before it is opened (/dev/zero reports a size of 0
    and never ends; opening a FIFO waits for a writer), and no more than the limit is ever read."""
    p = Path(path)
    try:
        st = os.stat(p)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{p}: is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{p}: is {_kind(st.st_mode)}, not a regular file; give the release's file")
        if st.st_size > MAX_INPUT_BYTES:  # refuse before reading it into memory
            raise InputError(f"{p}: the file is too large ({st.st_size / 2**20:.1f} MB; the limit is "
                             f"{MAX_INPUT_BYTES // 2**20} MB): an earnings release is a few MB at most")
        with open(p, "rb") as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):   # replaced since the look above
                raise InputError(f"{p}: is no longer a regular file")
            # what the file holds, then on to the limit only if it grew: a read of the limit would make a
            # buffer of the whole limit first (25 MB, for a file of some 30 kB: 50 us against 8)
            data = f.read(min(st.st_size, MAX_INPUT_BYTES) + 1)
            if len(data) > st.st_size:
                data += f.read(MAX_INPUT_BYTES + 1 - len(data))
        if len(data) > MAX_INPUT_BYTES:   # it grew while being read
            raise InputError(f"{p}: the file is too large (over {MAX_INPUT_BYTES // 2**20} MB): an earnings "
                             f"release is a few MB at most")
        return data
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror or e}") from None


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def read_release(path: str | Path) -> Decoded:
    return decode_release(read_bytes(path), str(path))


def read_source_with_notes(path: str | Path) -> tuple[str, list[str]]:
    return decode_with_notes(read_bytes(path), str(path))


def read_source(path: str | Path) -> str:
    return read_source_with_notes(path)[0]
