"""Checks of the rule kinds the schema lets through but that still cannot work: a table rule's period that is no
date or ends before it starts, a skipped table or column with no reason, a member outside the issuer's prefix, a
table rule that sets nothing, a fiscal year end that names no day; and a row pattern that can match only an
empty label (a row that prints no label is reached by `after:` or `total_of:`, never by its label).
"""
from __future__ import annotations

from typing import Iterator

from .loader import as_list, compiled_regex
from .schema import STANDARD_PREFIXES, Problem, locate, rule_label
from .table_specs import SpecError, parse_period, year_end

# what a table rule may set; one with none of them only matches
_SETTINGS = ("columns", "period", "skip_columns", "scale", "shares_scale", "kind", "skip")
# labels a row prints: a pattern that matches none of these but matches "" can match only an empty label
_SOME_LABELS = ("a", "total", "net income", "x", "1", "-", "total revenues", "(a)", "other, net")


def layout_problems(data, path: str) -> Iterator[Problem]:
    issuer = data.get("issuer") or {}
    prefix = issuer.get("prefix") if isinstance(issuer, dict) else None
    if isinstance(issuer, dict) and issuer.get("fiscal_year_end") is not None:
        try:
            year_end(issuer["fiscal_year_end"])
        except SpecError as e:
            line, col = locate(data, ("issuer", "fiscal_year_end"))
            yield Problem("error", "bad-calendar", path, line, col, f"issuer: {e}")
    for i, rule in enumerate(data.get("tables") or []):
        yield from _table_problems(data, path, i, rule, prefix)
    for i, rule in enumerate(data.get("rows") or []):
        for key in ("labels", "label", "after"):
            value = rule.get(key)
            for j, pattern in enumerate(as_list(value)):
                if _only_empty(pattern):
                    where = ("rows", i, key, j) if isinstance(value, list) else ("rows", i, key)
                    line, col = locate(data, where)
                    yield Problem("warning", "empty-label", path, line, col,
                                  f"{rule_label(data, where)}pattern {pattern!r} can match only an empty label, and "
                                  f"a row is never read by an empty label: for a row that prints none use "
                                  f"after: (the row above) or total_of: (its block's heading)", str(rule.get("id", "")))


def _only_empty(pattern: str) -> bool:
    try:
        p = compiled_regex(pattern)
    except Exception:   # reported by the pattern checks
        return False
    return bool(p.fullmatch("")) and not any(p.fullmatch(t) for t in _SOME_LABELS)


def _table_problems(data, path: str, i: int, rule: dict, prefix) -> Iterator[Problem]:
    rid = str(rule.get("id", ""))
    label = f"rule '{rid}': "

    def at(*where):
        return locate(data, ("tables", i) + where)

    for key in ("period",):
        if rule.get(key) is not None:
            try:
                parse_period(rule[key])
            except SpecError as e:
                yield Problem("error", "bad-period", path, *at(key), f"{label}{e}", rid)
    for j, column in enumerate(rule.get("columns") or []):
        if column.get("period") is not None:
            try:
                parse_period(column["period"])
            except SpecError as e:
                yield Problem("error", "bad-period", path, *at("columns", j, "period"), f"{label}column {j + 1}: {e}", rid)
        if column.get("period") is not None and column.get("skip"):
            yield Problem("error", "column-conflict", path, *at("columns", j),
                          f"{label}column {j + 1} has a period and skip: true; say one", rid)
        member = column.get("member")
        if isinstance(member, str) and member.split(":", 1)[0] not in STANDARD_PREFIXES + ((prefix,) if prefix else ()):
            yield Problem("error", "member-prefix", path, *at("columns", j, "member"),
                          f"{label}member '{member}' takes the issuer's prefix ('{prefix}:') or a standard one"
                          if prefix else f"{label}member '{member}': only an issuer file declares members", rid)
    if rule.get("skip") and not rule.get("reason"):
        yield Problem("error", "no-reason", path, *at(), f"{label}a skipped table says why: add reason:", rid)
    if rule.get("skip") and any(rule.get(k) for k in _SETTINGS if k != "skip"):
        yield Problem("error", "skip-and-read", path, *at("skip"),
                      f"{label}skip: true gives no fact, so its other settings would never apply", rid)
    if not any(rule.get(k) not in (None, False, [], "") for k in _SETTINGS):
        yield Problem("warning", "does-nothing", path, *at(),
                      f"{label}matches tables but sets nothing (columns, period, skip_columns, scale, kind or skip)", rid)
