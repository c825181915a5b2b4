"""Matching row labels against row rules, in precedence order."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from .index import PatternIndex, fold, may_match
from .model import RowRule, Rulebook
from .timed import finditer, fullmatch, search  # noqa: F401 - the engine's way to run a rule's pattern
from .regex_code import kept_regex

# compiled once: `regex.search(r"...", text)` looks the pattern up in regex's cache on every call
_DIGIT = kept_regex(r"\d")

_FOOTNOTE = kept_regex(r"\s*(?:\(\s*(?:\d{1,2}|[a-z]|\*+)\s*\)|\*+|\[\d+\]|(?<=[a-z])\d)\s*$", regex.I)
# "GAAP operating income" in a reconciliation is the GAAP line itself.
GAAP_PREFIX = kept_regex(r"^(?:total )?gaap ")
# Rows that restate a GAAP line on another basis are never tagged as the GAAP concept.
HIDDEN_LAYER = kept_regex(r"\b(?:non[\s-]?gaap|adjusted|pro\s+forma|as\s+adjusted|organic|constant\s+currency|"
                             r"ebitda(?:re)?|a?ffo|funds\s+from\s+operations)\b")


# "(Reduction) provision for credit losses", "(Benefit) provision for income taxes": the word in parentheses
# says what a figure in parentheses means; the line is the one the words after it name
OPPOSITE_QUALIFIER = kept_regex(r"\((?:reduction|benefit|recovery|recapture|reversal|release|credit)s?"
                                   r"(?:\s+(?:of|in|from))?\)", regex.I)
_LEADING_OPPOSITE = kept_regex(OPPOSITE_QUALIFIER.pattern + r"\s+(?=\w)", regex.I)
_SEPARATOR_DASH = kept_regex(r"(?<=[\w)])\s*-{2,3}\s*(?=[\w(])|(?<=[\w),])\s+-{1,3}\s+(?=[\w(])")
_REMARK = kept_regex(r"\(\s*(?:including|includes|inclusive\s+of|excluding)\b", regex.I)


def _drop_remarks(label: str) -> str:
    """"Research and development (including $1,796 and $51 from related party ...)": a parenthetical remark
    on the amounts a line includes, with any parentheses inside it, is not part of the line's name. One
    without amounts ("(including noncontrolling interests)") may change what the line is, and stays."""
    start = 0
    while m := _REMARK.search(label, start):
        depth, i = 0, m.start()
        while i < len(label):
            depth += {"(": 1, ")": -1}.get(label[i], 0)
            i += 1
            if depth == 0:
                break
        if _DIGIT.search(label[m.start():i]):
            label = label[:m.start()] + label[i:]
        else:
            start = i
    return label


@lru_cache(maxsize=8192)   # a table's section headings are normalized again for each of their rows
def normalize_label(label: str) -> str:
    """Lower case, one space, no footnote marks or remarks on what the line includes, no trailing colon or
    dollar sign, "&" spelled "and", dashes as hyphens, a dash between words as a comma, a slash beside a
    parenthesis as a space."""
    t = _drop_remarks(label) if "(" in label else label
    t = t.replace("&", " and ").replace("’", "'").replace("—", "-").replace("–", "-")
    if "/" in t:   # "Net earnings/(Loss)", "Provision for/(Benefit from) taxes": a slash read as a space
        t = t.replace("/(", " (").replace(")/", ") ")
    if t.startswith("("):
        t = _LEADING_OPPOSITE.sub("", t, count=1) if _LEADING_OPPOSITE.match(t) else t
    if "-" in t:   # a dash between words is a separator, as a comma is: "Property and equipment - net", "--net"
        t = _SEPARATOR_DASH.sub(", ", t)
    t = " ".join(t.split())
    for _ in range(2):
        if t and (t[-1] in ")*]" or t[-1].isdigit()):   # what a footnote mark can end with
            t = _FOOTNOTE.sub("", t).strip()
    return " ".join(t.strip(" :$,.;-—•").lower().split())


def match_row(book: Rulebook, label: str, section: str = "", context: str = "",
              caption: str = "", every_rule: bool = False, next_label: str = "") -> Optional[RowRule]:
    """The first rule, in precedence order, whose label pattern matches the whole normalized label and whose
    section and table constraints hold. Only the patterns the literal index allows are run: the result is
    the same as trying every rule in order (`every_rule=True`, the reference; see rulebook/index.py)."""
    norm = GAAP_PREFIX.sub("", normalize_label(label))
    if not norm or HIDDEN_LAYER.search(norm):
        return None
    sec = normalize_label(section)
    # a breakdown: under a heading, or in a table whose title line says so ("... was included in the
    # following operating expense categories:")
    if _skipped(book, sec) or _skipped(book, caption):
        return None
    pairs = [(r, p) for r in book.rows for p in r.labels] if every_rule else row_index(book).candidates(norm)
    judged = None
    for rule, pattern in pairs:
        if rule is judged or not fullmatch(rule, pattern, norm):
            continue
        judged = rule  # a rule with several matching labels is judged once
        if _constraints_hold(rule, sec, context, next_label):
            return rule
    return None


def _skipped(book: Rulebook, heading: str) -> bool:
    """Whether a heading or title names a breakdown the book skips (every row of a table asks again)."""
    if not heading:
        return False
    skips = book.__dict__.get("_skips")
    if skips is None:
        skips = book.__dict__["_skips"] = _Skips(book.skip_sections)
    return skipped_heading(skips, heading)


class _Skips(tuple):
    """A book's skip_sections as a cache key, hashed and compared as the one object it is: a plain tuple
    would hash every pattern and owner in it on each of the thousands of look-ups a release makes."""
    __hash__ = object.__hash__

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other


@lru_cache(maxsize=4096)
def skipped_heading(skips: tuple, heading: str) -> bool:
    """Whether a skip_sections pattern is in the heading: only the patterns whose literals the heading holds
    run (a pattern with full case folding tries every position; nearly every heading holds none)."""
    folded = fold(heading)
    return any(may_match(p, folded) and search(owner, p, heading) for p, owner in skips)


def _constraints_hold(rule: RowRule, sec: str, context: str, next_label: str = "") -> bool:
    if rule.section is not None and not search(rule, rule.section, sec):
        return False
    if rule.not_section is not None and search(rule, rule.not_section, sec):
        return False
    if rule.table is not None and not _in_table(rule, rule.table, context):
        return False
    if rule.not_table is not None and _in_table(rule, rule.not_table, context):
        return False
    if rule.followed_by is not None or rule.not_followed_by is not None:
        following = normalize_label(next_label)
        if rule.followed_by is not None and not search(rule, rule.followed_by, following):
            return False
        if rule.not_followed_by is not None and search(rule, rule.not_followed_by, following):
            return False
    return True


_IN_TABLE: list = [None, {}, ""]   # the table's text the answers are for, pattern -> answer, and its fold


def _in_table(rule: RowRule, pattern, context: str) -> bool:
    """A `table`/`not_table` condition: asked of every row, against the one text of the table's caption,
    header and row labels, so it is searched once per table (once per row made a long table quadratic).
    Only the answers for the table being read are kept, so no table's text outlives its reading. A pattern
    whose literals the text lacks is not run: searching a table's text costs some 25 us a pattern."""
    if _IN_TABLE[0] is not context:
        _IN_TABLE[:] = [context, {}, fold(context)]
    answers = _IN_TABLE[1]
    hit = answers.get(pattern)
    if hit is None:
        hit = answers[pattern] = may_match(pattern, _IN_TABLE[2]) and bool(search(rule, pattern, context))
    return hit


# ------------------------------------------------------------------------------------- indexes and timeouts

_INDEXES: dict[tuple, tuple[list, PatternIndex]] = {}   # rule ids -> (the rules, kept alive; their index)
_MAX_INDEXES = 16


def _index_for(rules: list, patterns_of) -> PatternIndex:
    key = tuple(map(id, rules))
    hit = _INDEXES.get(key)
    if hit is None:
        if len(_INDEXES) >= _MAX_INDEXES:
            _INDEXES.pop(next(iter(_INDEXES)))
        hit = _INDEXES[key] = (list(rules), PatternIndex([(r, patterns_of(r)) for r in rules]))
    return hit[1]


def row_index(book: Rulebook) -> PatternIndex:
    """The literal index of the book's row rules; built once per distinct rule list in the process."""
    return book.derived("_row_index", book.rows, lambda: _index_for(book.rows, lambda r: r.labels))


def phrase_rules(book: Rulebook, position: str, context: str) -> tuple[list, PatternIndex]:
    """The phrase rules of one position ("before"/"after") that apply in `context`, in precedence order,
    with their literal index; cached on the book."""
    cache = book.__dict__.setdefault("_phrase_rules", {})
    key = (position, context, len(book.phrases))
    if key not in cache:
        rules = [r for r in book.phrases if r.position == position and context in r.contexts]
        cache[key] = (rules, _index_for(rules, lambda r: r.metrics))
    return cache[key]
