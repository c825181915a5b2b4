"""The record of what a batch wrote into OUTDIR (`.xbrlify-manifest.jsonl`, one JSON line per converted file),
so that a re-run skips what is up to date.

It is only ever a regular file in the output folder: a folder, a link or a device by that name is refused
before the batch starts (appending through a link wrote JSON into whatever it pointed at). Each finished
file is appended as one line in one write, through a descriptor opened without following links, so the
record grows as files are written and a crash loses at most a line being written (which the reader skips);
at the end, or when the batch is stopped, it is rewritten whole through a temp file and a rename.
"""
from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from typing import Optional

MANIFEST = ".xbrlify-manifest.jsonl"


class ManifestUnusable(Exception):
    """OUTDIR/.xbrlify-manifest.jsonl is something other than the manifest; one line saying what."""


def check_manifest(outdir: Path) -> None:
    """Refuse, before anything is converted, a manifest path that is not a regular file (or absent)."""
    from .emit.write import UnsafeOutput, replaceable
    path = Path(outdir) / MANIFEST
    try:
        replaceable(path)
    except UnsafeOutput as e:
        raise ManifestUnusable(f"{path} {e.strerror}; it is where xbrlify records what a batch wrote: remove "
                               f"it or choose another output folder") from None


class Manifest:
    """What earlier runs converted into OUTDIR; appended to as files finish, compacted at the end."""

    def __init__(self, outdir: Path):
        check_manifest(outdir)
        self.path = Path(outdir) / MANIFEST
        self.entries: dict[str, dict] = {}
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return
        with open(fd, encoding="utf-8", errors="replace") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                return
            for line in f:
                try:
                    entry = json.loads(line)
                    self.entries[entry["output"]] = entry
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut short by a crash

    def get(self, output: str) -> Optional[dict]:
        return self.entries.get(output)

    def record(self, entry: dict) -> None:
        """Keep the entry and append it to the file, as one write."""
        self.entries[entry["output"]] = entry
        self.path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(self.path, flags, 0o666)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise OSError(errno.EPERM, "the manifest is not a regular file", str(self.path))
            os.write(fd, (json.dumps(entry, sort_keys=True) + "\n").encode("utf-8"))
        finally:
            os.close(fd)

    def compact(self) -> None:
        from .emit.write import write_atomic
        if self.entries:
            write_atomic(self.path, "".join(json.dumps(e, sort_keys=True) + "\n"
                                            for _k, e in sorted(self.entries.items())))
