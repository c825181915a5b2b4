"""Ignore rules where rows and sentences are read: a row label, a table, a phrase or a sentence the author says
gives no fact. What they suppress is recorded with the rule and its reason, so `explain` can say "suppressed by
RULE (reason)" and `--coverage` can list it apart from what no rule read.
"""
from __future__ import annotations

from typing import Optional

from ..model import Table
from ..rulebook.match import finditer, fullmatch, normalize_label, search
from ..rulebook.model import IgnoreRule, Rulebook
from ..dataclass_code import dataclass


@dataclass(frozen=True)
class Suppressed:
    """One thing an ignore or table rule kept from being read."""
    kind: str            # row | table | phrase | sentence
    block: int           # the table or paragraph
    text: str            # the row as printed, the table's title, the sentence
    rule: str            # the rule id
    reason: str
    cells: int = 0       # numeric cells it held (rows and tables), for --coverage


def _of(book: Rulebook, what: str) -> tuple[IgnoreRule, ...]:
    """The book's ignore rules of one kind, sorted out once per book (not once per row)."""
    def by_kind() -> dict[str, tuple[IgnoreRule, ...]]:
        kinds: dict[str, list[IgnoreRule]] = {}
        for r in book.ignores:
            kinds.setdefault(r.what, []).append(r)
        return {k: tuple(v) for k, v in kinds.items()}
    return book.derived("_ignores_by_kind", book.ignores, by_kind).get(what, ())


def ignored_row(book: Rulebook, label: str, section: str, context: str) -> Optional[IgnoreRule]:
    """The ignore rule for this row label (whole normalized label), under its heading and in its table."""
    norm = normalize_label(label)
    if not norm:
        return None
    sec = normalize_label(section)
    for rule in _of(book, "row"):
        if not fullmatch(rule, rule.pattern, norm):
            continue
        if rule.section is not None and not search(rule, rule.section, sec):
            continue
        if rule.in_table is not None and not search(rule, rule.in_table, context):
            continue
        return rule
    return None


def ignored_table(book: Rulebook, table: Table) -> Optional[IgnoreRule]:
    """The ignore rule whose pattern is in the table's caption or header (lower case)."""
    rules = _of(book, "table")
    if not rules:
        return None
    text = " | ".join(table.caption + [h.text for h in table.header]).lower()
    return next((r for r in rules if search(r, r.pattern, text)), None)


def ignored_sentence(book: Rulebook, sentence: str) -> Optional[IgnoreRule]:
    return next((r for r in _of(book, "sentence") if search(r, r.pattern, sentence)), None)


def ignored_phrases(book: Rulebook, sentence: str) -> list[tuple[int, int, IgnoreRule]]:
    """(start, end, rule) of each ignored wording in the sentence, at word boundaries."""
    out = []
    for rule in _of(book, "phrase"):
        for m in finditer(rule, rule.pattern, sentence):
            before = m.start() == 0 or not sentence[m.start() - 1].isalnum()
            after = m.end() == len(sentence) or not sentence[m.end()].isalnum()
            if before and after and m.end() > m.start():
                out.append((m.start(), m.end(), rule))
    return out
