"""Outlook ranges: "For 2017, ImmunoGen expects revenues between $70 million and $75 million" gives a
minimum and a maximum forecast fact for the coming period.

A paragraph with an outlook cue and a period opens a guidance context that lasts for the next few
paragraphs (the bullets under "For 2017, ImmunoGen expects:"); within it, a metric followed by a range is a
forecast. The metric wordings are the phrase rules'; the grammar is here.
"""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Optional

import regex

from ..model import Fact, Paragraph, Period, Provenance, Span
from ..rulebook.model import Rulebook
from ..taxonomy import Taxonomy
from .release_calendar import Calendar
from .ignore import ignored_phrases, ignored_sentence
from .dollar_amounts import PER_UNIT
from .metric_mentions import find_book_mentions
from .not_the_line import EARNINGS, after_tax, names_another_per_share_measure, qualified_after, restated
from .numbers import SCALE_WORDS
from .periods_text import bare_quarters, find_periods
from .sentence_parts import sentences
from ..rulebook.index import fold, may_match
from ..rulebook.regex_code import kept_regex
from ..dataclass_code import dataclass

FORECAST = ("srt:StatementScenarioAxis", "srt:ScenarioForecastMember")
MINIMUM = ("srt:RangeAxis", "srt:MinimumMember")
MAXIMUM = ("srt:RangeAxis", "srt:MaximumMember")

CUE = kept_regex(r"\b(?:expects?|expected|expecting|anticipates?|anticipating|outlook|guidance|targets?|forecasts?|"
                    r"forecasting|projects?|projecting|guiding|"
                    r"reaffirm\w*|reiterat\w*|rais(?:es|ed|ing)\s+(?:its\s+)?(?:full[\s-]year\s+)?(?:outlook|guidance))\b",
                    regex.I)
_NUM = r"(?P<{n}neg>\()?\$?\s?(?P<{n}neg2>\()?(?P<{n}num>(?>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?))(?![eE][+-]?\d)\)?(?:\s*(?P<{n}scale>millions?|billions?|trillions?|thousands?|[MBK])\b)?(?![A-Za-z]{{1,3}}\b)"
RANGE = kept_regex(rf"(?:between\s+)?(?=\$)(?P<a>{_NUM.format(n='a')})\s*(?:and|to|-|\u2013|\u2014)\s*(?P<b>{_NUM.format(n='b')})",
                      regex.I)
# An outlook table printed as lines of text: "Total revenue $700 million - $710 million $712 million - $718 million"
# under "Prior  Updated". Which range is the outlook the header says; without a header, neither is taken.
_COLUMNS = kept_regex(r"\b(?P<old>prior|previous|original)\b.*\b(?:updated|current|revised|new|raised)\b"
                         r"|\b(?:updated|current|revised|new|raised)\b.*\b(?P<old2>prior|previous|original)\b", regex.I)
GAP = kept_regex(r"""^[\s,:]*(?:,[^,$;]{0,90},)?[\s,]*(?:(?:of|to\s+be|is|are|will\s+be|(?:is|are)\s+expected\s+to\s+be|
                        (?:guidance|outlook|expectations?)(?:\s+range)?\s+(?:to|of)|
                        expected\s+to\s+be|(?:with)?in\s+the\s+range\s+of|(?:a\s+)?range\s+of|ranging\s+from|between|of\s+between|
                        from|approximately|at|for\s+the\s+(?:full\s+)?year|in\s+the\s+range)\s*)*$""", regex.I | regex.X)
# a sentence told in the past, in the paragraphs a cue reaches, is of what was, not what is expected
_PAST = kept_regex(r"\b(?:was|were|had\s+been|totall?ed|recorded|incurred|generated|reported|authorized|approved)\b",
                   regex.I)
CONTEXT_SPAN = 6   # paragraphs of prose a cue stays in force
LIST_SPAN = 24     # and paragraphs of any kind, list items and their headings included
_ITEM = 160        # a paragraph this short with no full stop at its end is a list item or a heading
_HEADING = 60
# "2025 Guidance", "reaffirms its 2025 outlook": a bare year naming the outlook is that fiscal year
_YEAR_OUTLOOK = kept_regex(r"\b((?:19|20)\d\d)\s+(?:full[\s-]year\s+)?(?:annual\s+)?(?:financial\s+)?"
                              r"(?:guidance|outlook)\b", regex.I)


@dataclass
class _Bound:
    value: Decimal
    decimals: int
    text: str     # the whole range, as printed
    start: int    # where this bound's amount lies in the sentence
    end: int


def _bound(m: regex.Match, n: str, other_scale: Optional[str]) -> _Bound:
    num = m[f"{n}num"]
    scale = (m[f"{n}scale"] or other_scale or "").lower()
    power = SCALE_WORDS.get(scale, 0)
    decimals = (len(num.split(".", 1)[1]) if "." in num else 0) - power
    value = Decimal(num.replace(",", "")).scaleb(power)
    start, end = m.span(n)
    return _Bound(-value if m[f"{n}neg"] or m[f"{n}neg2"] else value, decimals, m.group(0), start, end)


def guidance_facts(paragraphs: list[Paragraph], book: Rulebook, tax: Taxonomy, cal: Calendar,
                   report_end) -> list[Fact]:
    """Forecast facts; `report_end` (the latest period the release reports) keeps a past period from being
    read as an outlook."""
    out: list[Fact] = []
    active: Optional[Period] = None
    left = reach_left = 0
    latest_last: Optional[bool] = None   # an outlook table's header: is the current range the last one?
    reach = _amounts_within_reach(paragraphs)
    for i, par in enumerate(paragraphs):
        text = par.text
        head = _COLUMNS.search(text) if len(text) < 120 else None
        if head:
            latest_last = bool(head["old"])
        # its literals first: most paragraphs hold none
        cued = reach[i] and may_match(CUE, fold(text)) and CUE.search(text) is not None
        if cued:
            named = find_periods(text, cal)
            if not named and (year := _YEAR_OUTLOOK.search(text)):
                named = find_periods(f"fiscal {year[1]}", cal)
            future = [p for pm in named for p in pm.periods
                      if not p.is_instant and (report_end is None or p.end > report_end)]
            if future:
                active, left, reach_left = future[0], CONTEXT_SPAN, LIST_SPAN
        if active is None or left <= 0 or reach_left <= 0:
            continue
        reach_left -= 1
        if _is_prose(text):
            left -= 1
        elif not cued and len(text) <= _HEADING and "$" not in text and report_end is not None \
                and any(p.end <= report_end for pm in find_periods(text, cal) for p in pm.periods):
            active = None   # a heading that names a reported period ("Fourth Quarter 2024 Results") ends the list
            continue
        if "$" not in text:   # every range is of amounts: no sentence to split
            continue
        for offset, sent in sentences(text):
            if book.ignores and ignored_sentence(book, sent):
                continue
            if not cued and _PAST.search(sent) and not CUE.search(sent):
                continue   # "Interest expense of $3 million to $4 million was incurred ...": done, no outlook
            for mention_range in _ranges(sent, book, tax, active, cal, latest_last):
                rule, lo, hi, period = mention_range
                concept = tax.get(rule.concept)
                ends = [(b, -abs(b.value) if rule.sign == "negative" else b.value) for b in (lo, hi)]
                # "a net loss of $20 million to $25 million": the larger loss is the range's minimum
                ends.sort(key=lambda e: e[1])
                for (bound, value), member in zip(ends, (MINIMUM, MAXIMUM)):
                    start = par.span.start + offset if par.span else 0
                    out.append(Fact(
                        concept=rule.concept, period=period, value=value, unit=concept.unit,
                        decimals=bound.decimals, dims=tuple(sorted((FORECAST, member))),
                        provenance=Provenance(rule.id, par.index, Span(start + bound.start, start + bound.end),
                                              sent.strip()[:300],
                                              (f"guidance period: {period}", f"range bound: {bound.text}",
                                               f"decimals: {bound.decimals}"), "guidance"),
                        category="guidance"))
    return out


def _amounts_within_reach(paragraphs: list[Paragraph]) -> list[bool]:
    """For each paragraph, whether it or one of the paragraphs an outlook cue in it would reach prints "$".
    A cue's period dates only ranges, and every range is of amounts: where none is in reach, the period it
    would set is never read (the paragraphs after the reach go by a later cue), so the cue paragraph's
    periods, a safe-harbor paragraph's hundreds of words, are not looked for."""
    prose = [0]   # prose[k]: the paragraphs of prose before paragraph k, each of which uses up a cue's reach
    for par in paragraphs:
        prose.append(prose[-1] + _is_prose(par.text))
    out, last = [False] * len(paragraphs), None   # last: the nearest paragraph at or after i that prints "$"
    for i in range(len(paragraphs) - 1, -1, -1):
        if "$" in paragraphs[i].text:
            last = i
        out[i] = last is not None and prose[last] - prose[i] < CONTEXT_SPAN and last - i < LIST_SPAN
    return out


def _is_prose(text: str) -> bool:
    """A paragraph of prose, which uses up a cue's reach; the items of a list under the cue ("Capital
    expenditures of $195 - $205 million"), and their headings, do not."""
    return len(text) > _ITEM or text.rstrip().endswith(".")


# "Full-year capital expenditures of $710 - $720 million" under "expects for the first quarter of 2025": the
# year, not the quarter the context names
_FULL_YEAR = kept_regex(r"[\s•*·-]*(?:for\s+the\s+)?full[\s-]year\b(?![\s-]+(?:over|ago|growth))", regex.I)


# ... "Full-year capital expenditures": the words right before the metric
_FULL_YEAR_AT_END = kept_regex(r"\b(?:for\s+the\s+)?full[\s-]year,?\s*$", regex.I)


def _full_year(clause: str, period: Period, cal: Calendar, opening: Optional[Period]) -> Optional[Period]:
    """`period`, or the fiscal year it falls in where the item opens by saying the full year, or says it right
    before the metric, and `period`, shorter, is the context's (not one the sentence opened with); None where
    that year cannot be told."""
    if opening is not None or period.is_instant or (period.end - period.start).days >= 350 \
            or not (_FULL_YEAR.match(clause) or _FULL_YEAR_AT_END.search(clause)):
        return period
    for fy in (period.end.year, period.end.year + 1):
        end, before = cal.fiscal_year_end(fy), cal.fiscal_year_end(fy - 1)
        if before < period.end <= end:
            return Period(end, before + timedelta(days=1))
    return None


_FOR_THE = kept_regex(r"(?:for|in|during)\s+the\b", regex.I)


def _attached(q, sent: str, mentions: list) -> bool:
    """A quarter named without its year dates an outlook only where it qualifies a metric: right before it
    ("Fourth quarter revenue is expected ...") or as "for the fourth quarter" ("diluted EPS for the fourth
    quarter of $0.40 to $0.44"), not in passing ("following strong fourth quarter results, ...")."""
    after = sent[q.end:]
    return any(m.start == q.end + len(after) - len(after.lstrip()) for m in mentions) \
        or bool(_FOR_THE.match(sent, q.start))


# between a range and the period it is for: "$310 million to $320 million for the first quarter of 2025"
_JUST_AFTER = kept_regex(r"\s*,?\s*(?:(?:for|in|during|over)\s+)?(?:the\s+)?", regex.I)
# between the items of a list "respectively" hands out: ranges ("$0.40 to $0.44 and $1.90 to $2.00"), periods ("the
# first quarter and the full year 2025")
_LIST_JOIN = kept_regex(r"\s*[,;]?\s*(?:and\s+)?(?:the\s+)?", regex.I)


def _period_list(sent: str, periods: list) -> list:
    """The periods a sentence names, where they are one list ("the first quarter and the full year 2025", "Q1
    2025, Q2 2025 and fiscal 2025"): each joined to the next by commas and "and" alone; else none (periods
    named apart, "... including the acquisition, which is expected to close in the first quarter of 2025",
    are no list a "respectively" hands ranges to)."""
    named = [pm for pm in periods if not pm.instant and len(pm.periods) == 1 and not pm.periods[0].is_instant]
    joins = [sent[a.end:b.start] for a, b in zip(named, named[1:])]
    if not all(_LIST_JOIN.fullmatch(j) for j in joins) or (joins and "and" not in joins[-1].lower()):
        return []   # ("in 2024, for 2025": two periods, no list of them)
    return [pm.periods[0] for pm in named]


def _listed(sent: str, ranges: list, first, limit: int) -> list:
    """`first` and the ranges listed after it before `limit`, joined by commas and "and" alone."""
    out = [first]
    for r in ranges:
        if r.start() >= out[-1].end() and r.start() < limit and _LIST_JOIN.fullmatch(sent, out[-1].end(), r.start()):
            out.append(r)
    return out


# the words of a clause before its amount: "EBITDA of $900 million and earnings of" names earnings
_CLAUSE_START = kept_regex(r"[,;]|\band\b|\bwhile\b", regex.I)
# "operating income of $2.10 to $2.30 on a per diluted share basis": a figure per share, whatever its metric
_PER_SHARE_BASIS = kept_regex(r"\s*,?\s*on\s+an?\s+per[\s-]+(?:basic\s+|diluted\s+)?(?:common\s+)?share\s+basis", regex.I)


def _ranges(sent: str, book: Rulebook, tax: Taxonomy, active: Period, cal: Calendar,
            latest_last: Optional[bool] = None):
    if "$" not in sent:   # every range is of amounts
        return
    ranges = list(RANGE.finditer(sent))   # first: most sentences hold no range, and matching metrics costs more
    if not ranges:
        return
    mentions = find_book_mentions(sent, book, "before", "guidance")
    after = find_book_mentions(sent, book, "after", "guidance")
    if book.ignores:
        spans = ignored_phrases(book, sent)
        mentions = [m for m in mentions if not any(m.start < e0 and s0 < m.end for s0, e0, _r in spans)]
    if not mentions and not after:
        return
    periods = find_periods(sent, cal)
    periods += [q for q in bare_quarters(sent, cal, active) if _attached(q, sent, mentions)
                and not any(p.start <= q.start < p.end for p in periods)]
    periods.sort(key=lambda p: p.start)
    # "For the third quarter of fiscal 2024, the Company expects net sales of ... and diluted EPS of ...":
    # the period a sentence opens with holds for every metric in it
    opening = next((p.periods[0] for p in periods if not p.instant and len(p.periods) == 1
                    and not sent[:p.start].strip(" \t•*-") and not p.periods[0].is_instant
                    and p.periods[0].end >= active.end - timedelta(days=400)), None)
    clause_start = 0
    taken: set[int] = set()
    # every metric with a range of its own before the next ("revenue and EPS of ... and ..., respectively" hands
    # its ranges to the metrics, not to periods)
    ends = [m.start for m in mentions[1:]] + [len(sent)]
    all_ranged = all(any(m.end <= r.start() < end for r in ranges) for m, end in zip(mentions, ends))
    for i, mention in enumerate(mentions):
        limit = mentions[i + 1].start if i + 1 < len(mentions) else len(sent)
        rng = next((r for r in ranges if mention.end <= r.start() < limit), None)
        row = [rng] if rng else []
        while row and (nxt := next((r for r in ranges if r.start() >= row[-1].end()), None)) is not None \
                and not sent[row[-1].end():nxt.start()].strip():
            row.append(nxt)
        if len(row) > 1:   # ranges side by side: columns of an outlook table
            rng = None if latest_last is None else (row[-1] if latest_last else row[0])
        start, clause_start = clause_start, (row[-1].end() if row else clause_start)
        if rng is None or restated(sent, mention.start) or PER_UNIT.match(sent, rng.end()) \
                or after_tax(sent, rng.end(), mention.rule.concept):
            continue
        if any(0 <= m.start - rng.end() <= 2 for m in after) or _PER_SHARE_BASIS.match(sent, rng.end()):
            # "net income attributable to common shareholders of $0.84 to $0.90 per diluted share": a figure
            # per share, never the metric's amount; earnings per share where the metric is earnings (read
            # below), nothing where it is another ("dividends of $1.00 per share")
            if mention.rule.concept not in EARNINGS:
                taken.add(rng.start())
            continue
        gap = sent[mention.end:row[0].start()]
        for p in periods:
            if mention.end <= p.start and p.end <= row[0].start():
                gap = gap.replace(sent[p.start:p.end], " ")
        if not GAP.match(gap):
            continue
        concept = tax.get(mention.rule.concept)
        if concept is None or concept.unit is None:
            continue
        listed = _listed(sent, ranges, rng, limit) if "respectively" in sent else [rng]
        if len(listed) > 1:
            # "For the first quarter and the full year 2025, ... EPS of $0.40 to $0.44 and $1.90 to $2.00,
            # respectively": each range is the period named in its place, where the sentence names one for each
            # (and every metric has ranges of its own: "revenue and EPS of ... and ..., respectively" hands
            # them to the metrics); else none is read
            taken.update(r.start() for r in listed)
            named = _period_list(sent, periods)
            if len(named) != len(listed) or concept.period == "instant" or not all_ranged:
                continue
            pairs = list(zip(listed, named))
        else:
            # "full-year 2025 revenue between ..., and Q4 2025 revenue between ...": the clause's own period;
            # "revenue of $310 million to $320 million for the first quarter of 2025": the one right after it
            own = [p for pm in periods if start <= pm.start and pm.end <= rng.start() and not pm.instant
                   for p in pm.periods if not p.is_instant and p.end >= active.end - timedelta(days=400)]
            trailing = [pm.periods[0] for pm in periods if rng.end() <= pm.start and pm.end <= limit and not pm.instant
                        and len(pm.periods) == 1 and not pm.periods[0].is_instant
                        and _JUST_AFTER.fullmatch(sent, rng.end(), pm.start)]
            if own and trailing and own[-1] != trailing[0]:
                continue
            period = own[-1] if own else trailing[0] if trailing else \
                _full_year(sent[start:mention.start], opening or active, cal, opening)
            if period is None:
                continue
            if concept.period == "instant":
                inst = [p for pm in periods if pm.instant for p in pm.periods]
                period = inst[0] if inst else Period(active.end)
            pairs = [(rng, period)]
        for pair, period in pairs:
            lo = _bound(pair, "a", pair["bscale"])
            hi = _bound(pair, "b", None)
            if lo.value > hi.value:
                continue
            taken.add(pair.start())
            yield mention.rule, lo, hi, period
    # "earnings guidance range of $3.85 to $3.95 per diluted share": a per-share wording right after its range
    for mention in after:
        rng = next((r for r in reversed(ranges) if r.end() <= mention.start), None)
        if rng is None or rng.start() in taken or sent[rng.end():mention.start].strip(" ,") \
                or restated(sent, rng.start()):
            continue
        before = max((r.end() for r in ranges if r.end() <= rng.start()), default=0)
        # whose per-share figure it is: the metric named nearest before it in its clause, where one is; else
        # the words there ("Core FFO of $2.48 to $2.54 per diluted share": per share, but no earnings)
        metric = next((m for m in reversed(mentions) if before <= m.start and m.end <= rng.start()), None)
        if metric is not None:
            words = sent[max(before, metric.start - 20):metric.end]
            if metric.rule.concept not in EARNINGS or restated(sent, metric.start) \
                    or names_another_per_share_measure(words):
                continue
        elif names_another_per_share_measure(_CLAUSE_START.split(sent[max(before, rng.start() - 60):rng.start()])[-1]):
            continue
        if qualified_after(sent, mention.end):
            continue   # "... per diluted share on an adjusted basis", "..., excluding special items"
        concept = tax.get(mention.rule.concept)
        if concept is None or concept.unit is None or concept.period == "instant":
            continue
        own = [p for pm in periods if pm.end <= rng.start() and not pm.instant for p in pm.periods
               if not p.is_instant and p.end >= active.end - timedelta(days=400)]
        lo = _bound(rng, "a", rng["bscale"])
        hi = _bound(rng, "b", None)
        if lo.value > hi.value:
            continue
        period = own[-1] if own else _full_year(sent, opening or active, cal, opening)
        if period is not None:
            yield mention.rule, lo, hi, period
