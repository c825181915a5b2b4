"""A YAML front matter block that opens a newswire copy a scraper saved ("---", "title: ...", "date: "2025-02-13
19:31:00"", "summary: ...", "---"): no part of the release. Every text reader reads the text with the block
blanked (offsets kept, so provenance still points into the file); its `date:`, the day the copy was published,
is kept for a release whose own dateline the reader cannot find (engine/release_date.py)."""
from __future__ import annotations

from datetime import date
from typing import Optional

import regex

from ..rulebook.regex_code import kept_regex

_BLOCK = kept_regex(r"\A---[ \t]*\n.*?\n---[ \t]*(?:\n|\Z)", regex.S)
_DATE = kept_regex(r"^date:[ \t]*[\"']?(\d{4})-(\d{2})-(\d{2})\b", regex.M)
# a YAML line: a key ("title: ..."), or an indented continuation or list item under one
_KEY = kept_regex(r"^(?:[A-Za-z_][\w-]*:(?:[ \t]|$)|[ \t]+\S|[ \t]*$)")
_NOT_NEWLINE = kept_regex(r"[^\n]")


def split_front_matter(text: str) -> tuple[str, Optional[date]]:
    """`text` with its front matter blanked, and the date the block gives, if any."""
    if not text.startswith("---"):
        return text, None
    m = _BLOCK.match(text)
    inner = m.group(0).split("\n")[1:-2] if m is not None else []
    if m is None or not inner or not inner[0].strip() or not all(_KEY.match(line) for line in inner):
        return text, None   # a rule line opening a plain text, not a front matter
    day = _DATE.search(m.group(0))
    published = None
    if day is not None:
        try:
            published = date(int(day[1]), int(day[2]), int(day[3]))
        except ValueError:
            published = None
    blank = _NOT_NEWLINE.sub(" ", m.group(0))
    return blank + text[m.end():], published
