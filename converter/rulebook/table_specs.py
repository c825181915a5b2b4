"""Compiling the rule kinds that say how to read rather than what a label means: table rules (`tables:`),
ignore rules (`ignore:`) and the issuer's fiscal year end. The schema has already checked their shape; what
is left is turning text into periods, powers of ten and weekdays, each mistake named with its file:line.
"""
from __future__ import annotations

import calendar
from datetime import date
from typing import Optional


from ..model import Period
from .model import ColumnSpec, IgnoreRule, TableRule, YearEnd
from .regex_code import kept_regex

SCALES = {"units": 0, "thousands": 3, "millions": 6, "billions": 9}
# the statement kinds a table rule may name, as engine/table_kind.py ranks them
KINDS = ("income-statement", "balance-sheet", "cash-flow", "segment", "reconciliation", "highlights")
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_name) if name})
_WEEKLY_KEY = kept_regex(r"^(?P<wd>[a-z]+)-(?P<how>nearest|last)$")
_MONTH_DAY = kept_regex(r"^(?P<m>[a-z]+)(?:-(?P<d>\d{1,2}))?$")
IGNORE_KINDS = ("row", "table", "phrase", "sentence")


class SpecError(ValueError):
    """A value the schema accepts that still means nothing (February 30, a period ending before it starts)."""


def parse_period(value) -> Period:
    """`2025-09-30` (an instant) or `2025-01-01..2025-09-30` (a duration, both ends inclusive)."""
    if isinstance(value, date):
        return Period(value)
    text = str(value)
    start, _, end = text.partition("..")
    try:
        if not end:
            return Period(date.fromisoformat(start))
        a, b = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        raise SpecError(f"period {text!r} is no date or START..END") from None
    if b < a:
        raise SpecError(f"period {text!r} ends before it starts")
    return Period(b, a)


def year_end(value) -> YearEnd:
    """`dec`, `december`, 12, or one key `WEEKDAY-nearest: MON-DD` / `WEEKDAY-last: MON`."""
    if isinstance(value, int) and not isinstance(value, bool):
        if not 1 <= value <= 12:
            raise SpecError(f"fiscal_year_end {value} is no month (1-12)")
        return YearEnd(value)
    if isinstance(value, str):
        month = MONTHS.get(value.strip().lower())
        if month is None:
            raise SpecError(f"fiscal_year_end {value!r} is no month (jan..dec)")
        return YearEnd(month)
    if isinstance(value, dict):
        items = [(k, v) for k, v in value.items() if k != "__line__"]
        if len(items) != 1:
            raise SpecError("fiscal_year_end takes one rule, like saturday-nearest: jan-31")
        key, when = items[0]
        m = _WEEKLY_KEY.match(str(key).lower())
        if not m or m["wd"] not in WEEKDAYS:
            raise SpecError(f"fiscal_year_end: {key!r} is not WEEKDAY-nearest or WEEKDAY-last "
                            f"(saturday-nearest: jan-31, saturday-last: jan)")
        md = _MONTH_DAY.match(str(when).strip().lower())
        month = MONTHS.get(md["m"]) if md else None
        if month is None:
            raise SpecError(f"fiscal_year_end: {when!r} is not MON-DD (jan-31) or MON (jan)")
        if m["how"] == "nearest":
            if not md["d"]:
                raise SpecError(f"fiscal_year_end: {key} needs a day: {md['m']}-DD")
            day = int(md["d"])
            if not 1 <= day <= calendar.monthrange(2001, month)[1]:
                raise SpecError(f"fiscal_year_end: {when!r} is no day of the year")
            return YearEnd(month, day, WEEKDAYS[m["wd"]], "nearest")
        return YearEnd(month, 0, WEEKDAYS[m["wd"]], "last")
    raise SpecError("fiscal_year_end is a month (dec) or a rule (saturday-nearest: jan-31)")


def compile_year_end(value, where: str) -> Optional[YearEnd]:
    from .loader import RuleError
    if value is None:
        return None
    try:
        return year_end(value)
    except SpecError as e:
        raise RuleError(f"{where}: issuer: {e}") from None


def compile_table_rule(r: dict, path: str, origin: str) -> TableRule:
    from .loader import RuleError, as_list, compile_pattern
    where = f"{path}:{r.get('__line__', 0)}"
    rid = r["id"]
    opt = lambda k: compile_pattern(r[k], where, rid) if r.get(k) else None  # noqa: E731
    try:
        columns = tuple(ColumnSpec(period=parse_period(c["period"]) if c.get("period") else None,
                                   skip=bool(c.get("skip")), member=c.get("member") or "")
                        for c in r.get("columns") or [])
        period = parse_period(r["period"]) if r.get("period") else None
    except SpecError as e:
        raise RuleError(f"{where}: rule '{rid}': {e}") from None
    scale = SCALES.get(r["scale"]) if r.get("scale") else None
    shares = SCALES.get(r["shares_scale"]) if r.get("shares_scale") else None
    return TableRule(id=rid, title=opt("title"), caption=opt("caption"), header=opt("header"),
                     first_row=opt("first_row"), columns=columns, period=period,
                     skip_columns=tuple(compile_pattern(p, where, rid) for p in as_list(r.get("skip_columns"))),
                     scale=scale, shares_scale=shares, kind=r.get("kind"),
                     axis=r.get("axis") or "us-gaap:StatementBusinessSegmentsAxis", skip=bool(r.get("skip")),
                     reason=r.get("reason", ""), priority=int(r.get("priority", 0)), origin=origin, file=path,
                     line=r.get("__line__", 0))


def compile_ignore_rule(r: dict, path: str, origin: str) -> IgnoreRule:
    from .loader import compile_pattern
    where = f"{path}:{r.get('__line__', 0)}"
    rid = r["id"]
    what = next(k for k in IGNORE_KINDS if r.get(k))
    opt = lambda k: compile_pattern(r[k], where, rid) if r.get(k) else None  # noqa: E731
    return IgnoreRule(id=rid, what=what, pattern=compile_pattern(r[what], where, rid), reason=r["reason"],
                      section=opt("section"), in_table=opt("in_table"), priority=int(r.get("priority", 0)),
                      origin=origin, file=path, line=r.get("__line__", 0))
