"""Facts stated in sentences: "Revenues for the six month transition period ended December 31, 2016 were
$21.5 million, compared to $32.9 million for the six months ended December 31, 2015."

The vocabulary (which wordings name which concept, and the sign a wording implies) comes from phrase rules,
the grammar from sentence_grammar.py. This module reads a paragraph with them: a heading dates the paragraphs
under it, each sentence's amounts become facts of the metrics the grammar links them to (a per-share amount
with the amount before it), what no rule reads is kept for explain, and "from $A to $B" sentences that name no
period are dated at the end from the release's main comparison.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import field
from typing import Optional

import regex

from ..model import Fact, Paragraph, Period, Provenance, Span
from ..rulebook.model import PhraseRule, Rulebook
from ..taxonomy import Taxonomy
from .changes import change_clauses
from .dollar_amounts import AMOUNT, PER_UNIT, Amount, cents_as_dollars, parse_amount
from .guidance import RANGE
from .release_date import WIRE_NAMES
from .framing_periods import FORWARD, opening_period, reported_quarter, this_period, turned_from
from .release_calendar import Calendar
from .ignore import Suppressed, ignored_phrases, ignored_sentence
from .metric_mentions import Mention, find_book_mentions
from .not_the_line import EARNINGS, after_tax, expected_not_reported, nongaap_near, tied_to_an_item
from .periods_text import PeriodMention, find_periods, year_earlier
from .sentence_grammar import assign_periods, chains, from_to, metric_lists, respectively
from .sentence_parts import blanker, sentences
from ..rulebook.regex_code import kept_re, kept_regex
from ..dataclass_code import dataclass


@dataclass
class NarrativeOutcome:
    facts: list[Fact] = field(default_factory=list)
    amounts_seen: int = 0
    # (block, amount text in context, where the amount starts in the document text)
    unmapped: list[tuple[int, str, int]] = field(default_factory=list)
    # "improved from $(1.80) to $(0.42)" with no period: dated later from the document's main comparison
    undated: list[tuple] = field(default_factory=list)
    heading: Optional[PeriodMention] = None   # the period of the section heading above ("Fourth Quarter 2024
                                              # Highlights"), for amounts whose sentence names none
    suppressed: list[Suppressed] = field(default_factory=list)   # sentences and wordings ignore rules kept unread


HEADING_CHARS = 100
# "... Compared to Prior Year Period": what a highlights heading compares with names no period of its own
_VERSUS_PRIOR = kept_regex(r"\s*(?:,|-|\()?\s*(?:as\s+)?(?:compared\s+(?:to|with)|vs\.?|versus)\s+(?:the\s+)?"
                              r"(?:prior|previous|same)[\w\s-]*?(?:period|quarter|year)\)?\s*$", regex.I)
_VERSUS_HINT = kept_re(r"compared|vs|versus", re.I)
_YEARISH = kept_regex(r"(?:19|20)\d\d|\b[1-4]Q\s*'?\d\d\b|\b(?:Q[1-4]|FY)\s*'?\d\d\b")
_AND_PAIR = kept_regex(r"\sand\s", regex.I)
_FROM_BEFORE = kept_regex(r"\b(?:from|by)\s*$", regex.I)
_WIRE = kept_regex(rf"^{WIRE_NAMES}(?:\s+corp\.?)?$", regex.I)
_PERIOD_WORD = kept_regex(r"\b(?:quarters?|years?|months?|weeks?|half|ytd|year[\s-]to[\s-]date|Q[1-4]|[1-4]Q|H[12])\b",
                          regex.I)


_TITLE_WORD = kept_regex(r"[A-Za-z][\w'’&-]*")
_MINOR_WORDS = {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "vs", "with"}


def _title_like(text: str) -> bool:
    """A heading's words are capitalized ("Second Quarter Fiscal 2026 Financial Highlights"); a bullet or a
    line of prose ("- GAAP gross margin of 52.1%") is not a heading."""
    if text[0] in "-•*·▪–":
        return False
    words = [w for w in _TITLE_WORD.findall(text) if w.lower() not in _MINOR_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) * 4 >= len(words) * 3


def heading_period(text: str, cal: Calendar) -> tuple[bool, Optional[PeriodMention]]:
    """(is a heading, its period). A heading is a short line with no amount and no sentence end; its period
    counts when it names exactly one ("Fourth Quarter 2024 Highlights", "Full Year 2024 Results"), no other
    period word ("Fourth Quarter and Full Year 2024 Highlights" names two) and no outlook."""
    t = text.strip()
    if not t or len(t) > 2 * HEADING_CHARS or "$" in t or t.endswith((".", ";", ",")):
        return False, None
    if _VERSUS_HINT.search(t):   # the pattern is anchored at the end: tried only where it may match
        t = _VERSUS_PRIOR.sub("", t)
    if len(t) > HEADING_CHARS or not _title_like(t) or _WIRE.match(t):
        return False, None   # a newswire's name under the title is no section heading: the title still frames
    if not _YEARISH.search(t):   # every period a heading can name holds a year
        return True, None
    found = [p for p in find_periods(t, cal) if len(p.periods) == 1 and not p.relative]
    if len(found) != 1 or _PERIOD_WORD.search(t[:found[0].start] + " " + t[found[0].end:]) or FORWARD.search(t):
        return True, None   # no single period, or an outlook's ("Fiscal 2025 Outlook"): the guidance reads it
    return True, found[0]


def facts_from_paragraph(par: Paragraph, book: Rulebook, tax: Taxonomy, cal: Calendar,
                         out: NarrativeOutcome) -> None:
    heading, period = heading_period(par.text, cal)
    if heading:
        out.heading = period
        return
    if "cents" in par.text:   # "31 cents per diluted share" read as "$0.31 per diluted share"
        par = Paragraph(cents_as_dollars(par.text), par.span, par.index)
    if "$" not in par.text:   # every amount read here is in dollars: no sentence to split
        return
    for offset, sent in sentences(par.text):
        if "$" not in sent:
            continue
        amounts = [parse_amount(m) for m in AMOUNT.finditer(sent)]
        out.amounts_seen += len(amounts)
        ignore = ignored_sentence(book, sent) if book.ignores else None
        if ignore is not None:
            out.suppressed.append(Suppressed("sentence", par.index, sent.strip()[:300], ignore.id, ignore.reason,
                                             len(amounts)))
            continue
        mentions = find_book_mentions(sent, book, "before", "narrative")
        quiet = ignored_phrases(book, sent) if book.ignores else []
        if quiet:   # a metric an ignored wording overlaps is not read
            mentions = [m for m in mentions if not any(m.start < e0 and s0 < m.end for s0, e0, _r in quiet)]
        if not mentions:
            if quiet:
                _suppress_rest(out, par, offset, sent, amounts, set(), quiet, mentions)
                continue
            out.unmapped.extend(_unmapped(par, offset, sent, a) for a in amounts)
            continue
        # per-share amounts: "$0.91 per basic and diluted share" belongs to the amount before it
        per_share: dict[int, Mention] = {}
        for em in find_book_mentions(sent, book, "after", "narrative"):
            owner = [a for a in amounts if 0 <= em.start - a.end <= 2]
            if owner:
                per_share[owner[0].start] = em
        # both ends of a range ("$710 - $720 million") are an outlook's, the guidance's to read, never an actual
        # ("$110.2 million and $36.5 million" is two amounts, unless "between" makes them a range; "from $(1.80)
        # to $(0.42)" is a change from one to the other, and so is "increased by $279,829 to $2,249,470")
        ranged = [(m.start(), m.end()) for m in RANGE.finditer(sent)
                  if (not _AND_PAIR.search(m.group(0)) or m.group(0).lower().startswith("between"))
                  and not _FROM_BEFORE.search(sent, max(0, m.start() - 8), m.start())] \
            if "-" in sent or "–" in sent or "—" in sent or " to " in sent or "between" in sent else []
        plain = [a for a in amounts if a.start not in per_share and not PER_UNIT.match(sent, a.end)
                 and not any(s0 <= a.start < e0 for s0, e0 in ranged)]
        # "increased $5.2 million, or 8%, to $70.1 million": the change is no fact, and its clause is skipped
        changes = change_clauses(sent, plain)
        plain = [a for a in plain if all(a is not c for c, _s, _e in changes)]
        periods = [p for p in find_periods(sent, cal) if p.anchored]
        blanks = [(p.start, p.end) for p in periods]
        blanks += [(a.start, per_share[a.start].end) for a in amounts if a.start in per_share]
        blanks += [(s0, e0) for _c, s0, e0 in changes]

        taken: set[int] = {c.start for c, _s, _e in changes}
        last: list = []
        framing = opening_period(sent, periods, mentions, amounts)
        # a paragraph whose first word is in lower case is the rest of a sentence whose beginning, and the
        # period it named, a page break or a copy's wrap left elsewhere: the heading's period does not frame it
        first = sent.split(None, 1)
        fragment = offset == 0 and bool(first) and first[0].islower()
        if framing is None and out.heading is not None and not FORWARD.search(sent) and not fragment:
            framing = out.heading
        framing = this_period(sent, framing, blanks, cal)
        if framing is None and not fragment and not opening_period(sent, periods, mentions, amounts):
            framing = reported_quarter(sent, cal, blanks)
        # past a period the sentence says it is about ("The loss for the six months ended December 31, 2023
        # included ... a loss from operations of $1.6 million"), the heading's period frames no amount
        turned = turned_from(sent, periods, out.heading) if framing is out.heading else len(sent)
        cut = blanker(blanks)
        # the amounts that end an amount's reach for a period: not a per-share figure (it belongs to the
        # amount before it), and none in a "respectively" list (its period comes after the whole list); a
        # change or a cost per unit does, though no fact ("$70.1 million, a decrease of $5.2 million due to
        # the sale in the fourth quarter of 2024": that quarter is the sale's)
        stops = [] if "respectively" in sent else [a.start for a in amounts if a.start not in per_share]
        starts = [a.start for a in amounts]
        previous = None   # the concept of the chain before, for "$A compared to a net loss of $B"
        found = metric_lists(sent, mentions, list(chains(sent, mentions, plain, cut)), plain, cut)
        for mention, chain, limit in respectively(sent, found):
            # "Net loss was $1.5 million compared to a net loss of $0.2 million": a metric named after "compared
            # to" is the comparison, not the section's period. Named again, it is the same period a year
            # earlier; a metric the sentence did not read before ("Gross loss totaled $12.6 million, compared
            # to gross profit of $2.9 million") keeps only a period the words give it
            reach = max(0, mention.start - _COMPARED_REACH)
            compared = bool(_COMPARED.search(cut(sent[reach:mention.start], reach)))
            framed = None if compared or chain[0].start > turned else framing
            assigned = assign_periods(chain, mention, periods, limit, last, framed, sent, cal, stops)
            if compared and previous == mention.rule.concept and assigned[0] is None and last \
                    and isinstance(last[0], Period):
                assigned[0] = last[0] = year_earlier(last[0], cal)
            previous = mention.rule.concept
            if not periods and len(chain) == 2 and from_to(sent, mention, chain, cut):
                out.undated.append((mention, chain, par, offset, sent))
                taken.update(a.start for a in chain)
                continue
            for amount, per in zip(chain, assigned):
                taken.add(amount.start)
                if per is None or nongaap_near(sent, mention, amount) \
                        or after_tax(sent, amount.end, mention.rule.concept) or tied_to_an_item(sent, amount.end) \
                        or expected_not_reported(sent, mention.start, amount.start):
                    continue
                nxt = amounts[bisect_left(starts, amount.end + 1):]
                eps = nxt[0] if nxt and nxt[0].start in per_share and nxt[0].start - amount.end < 12 else None
                if eps is not None and mention.rule.concept not in EARNINGS:
                    eps = None   # "dividends of $5.0 million, or $0.25 per share": no earnings per share
                for p in (per if isinstance(per, tuple) else (per,)):
                    fact = _fact(mention.rule, mention.rule.sign, amount, p, tax, par, offset, sent)
                    if fact:
                        out.facts.append(fact)
                    if eps is not None:
                        taken.add(eps.start)
                        rule = per_share[eps.start].rule
                        sign = mention.rule.sign if rule.sign == "inherit" else rule.sign
                        fact = _fact(rule, sign, eps, p, tax, par, offset, sent)
                        if fact:
                            out.facts.append(fact)
        if quiet:
            _suppress_rest(out, par, offset, sent, amounts, taken, quiet, mentions)
            continue
        for a in amounts:
            if a.start not in taken:
                out.unmapped.append(_unmapped(par, offset, sent, a))


def _suppress_rest(out: NarrativeOutcome, par: Paragraph, offset: int, sent: str, amounts: list[Amount],
                   taken: set, quiet: list, kept: list[Mention]) -> None:
    """Amounts after an ignored wording, up to the next mention that is read, are suppressed, not unread; the
    others stay unread."""
    for _start, end, rule in quiet:
        limit = min([m.start for m in kept if m.start >= end] + [len(sent)])
        reached = [a for a in amounts if end <= a.start < limit and a.start not in taken]
        taken.update(a.start for a in reached)
        out.suppressed.append(Suppressed("phrase", par.index, sent.strip()[:300], rule.id, rule.reason, len(reached)))
    for a in amounts:
        if a.start not in taken:
            out.unmapped.append(_unmapped(par, offset, sent, a))


def _unmapped(par: Paragraph, offset: int, sent: str, a: Amount) -> tuple[int, str, int]:
    return par.index, sent[max(0, a.start - 60):a.end + 40], (par.span.start if par.span else 0) + offset + a.start


_COMPARED = kept_regex(r"(?:(?:as\s+)?compared\s+(?:to|with)|versus|vs\.?)\s+(?:an?\s+|the\s+)?$", regex.I)
_COMPARED_REACH = 1000   # characters before a metric looked at for _COMPARED (blanked periods are spaces)


def main_comparison(facts: list[Fact]) -> Optional[tuple[Period, Period]]:
    """The (prior, current) pair of periods most of the narrative compares, when there is one: same length,
    a year apart."""
    counts: dict[Period, int] = {}
    for f in facts:
        if not f.period.is_instant and not f.dims:
            counts[f.period] = counts.get(f.period, 0) + 1
    if not counts:
        return None
    current = max(counts, key=lambda p: (counts[p], p.end))
    prior = year_earlier(current)
    if prior not in counts or counts[prior] * 2 < counts[current]:
        return None
    return prior, current


def date_undated(out: NarrativeOutcome, tax: Taxonomy) -> None:
    """Give "from $A to $B" sentences the document's main comparison: A the prior period, B the current."""
    pair = main_comparison(out.facts)
    if pair is None:
        return
    for mention, chain, par, offset, sent in out.undated:
        for amount, period in zip(chain, pair):
            fact = _fact(mention.rule, mention.rule.sign, amount, period, tax, par, offset, sent)
            if fact:
                out.facts.append(fact)


def _fact(rule: PhraseRule, sign: str, amount: Amount, period: Period, tax: Taxonomy, par: Paragraph,
          offset: int, sent: str) -> Optional[Fact]:
    concept = tax.get(rule.concept)
    if concept is None or concept.unit is None:
        return None
    if concept.unit == "USD/shares" and abs(amount.value) >= 10000:
        return None   # "$12.0 million" is no amount per share, whatever words stand before it
    if concept.period == "instant" and not period.is_instant:
        period = Period(period.end)
    if concept.period == "duration" and period.is_instant:
        return None
    # a wording that names a loss or an outflow makes the amount negative however it is printed; any other
    # keeps the sign printed ("operating cash flow was $(4.9) million")
    value = -abs(amount.value) if sign == "negative" else amount.value
    start = par.span.start + offset + amount.start if par.span else 0
    steps = (f"period: {period}", f"amount: {amount.text} -> {value}", f"decimals: {amount.decimals}")
    if sign == "negative":
        steps += ("sign: the wording states a loss or an outflow",)
    return Fact(concept=rule.concept, period=period, value=value, unit=concept.unit, decimals=amount.decimals,
                provenance=Provenance(rule.id, par.index, Span(start, start + len(amount.text)),
                                      sent.strip()[:300], steps, "narrative"), category="narrative")
