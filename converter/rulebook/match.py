"""Matching row labels against row rules, in precedence order."""
from __future__ import annotations

from typing import Optional

import regex

from .model import RowRule, Rulebook

_FOOTNOTE = regex.compile(r"\s*(?:\(\s*(?:\d{1,2}|[a-z]|\*+)\s*\)|\*+|\[\d+\]|(?<=[a-z])\d)\s*$", regex.I)
_SPACE = regex.compile(r"\s+")
# "GAAP operating income" in a reconciliation is the GAAP line itself.
GAAP_PREFIX = regex.compile(r"^(?:total )?gaap ")
# Rows that restate a GAAP line on another basis are never tagged as the GAAP concept.
HIDDEN_LAYER = regex.compile(r"\b(?:non[\s-]?gaap|adjusted|pro\s+forma|as\s+adjusted|organic|constant\s+currency|"
                             r"ebitda)\b")


def normalize_label(label: str) -> str:
    """Lower case, one space, no footnote marks, no trailing colon or dollar sign, "&" spelled "and"."""
    t = label.replace("&", " and ").replace("’", "'")
    t = _SPACE.sub(" ", t).strip()
    for _ in range(2):
        t = _FOOTNOTE.sub("", t).strip()
    t = t.strip(" :$,.;-—•").lower()
    return _SPACE.sub(" ", t)


def match_row(book: Rulebook, label: str, section: str = "", context: str = "") -> Optional[RowRule]:
    """The first rule, in precedence order, whose label pattern matches the whole normalized label and whose
    section and table constraints hold."""
    norm = GAAP_PREFIX.sub("", normalize_label(label))
    if not norm or HIDDEN_LAYER.search(norm):
        return None
    sec = normalize_label(section)
    if sec and any(p.search(sec) for p in book.skip_sections):
        return None
    for rule in book.rows:
        if not any(p.fullmatch(norm) for p in rule.labels):
            continue
        if rule.section is not None and not rule.section.search(sec):
            continue
        if rule.not_section is not None and rule.not_section.search(sec):
            continue
        if rule.table is not None and not rule.table.search(context):
            continue
        if rule.not_table is not None and rule.not_table.search(context):
            continue
        return rule
    return None
