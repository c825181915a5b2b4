"""Facts stated in sentences: "Revenues for the six month transition period ended December 31, 2016 were
$21.5 million, compared to $32.9 million for the six months ended December 31, 2015."

The vocabulary (which wordings name which concept, and the sign a wording implies) comes from phrase rules;
this module holds the grammar every earnings release uses: a metric, a linking verb, an amount, a period,
and comparisons chained with "compared to", "and" or "respectively". An amount is taken only when the words
between it and its metric are that grammar and nothing else, so "Revenues ... include $12.9 million of
royalties" gives nothing.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import field
from decimal import Decimal
from functools import lru_cache
from typing import Optional

import regex

from ..model import Fact, Paragraph, Period, Provenance, Span
from ..rulebook.index import fold, may_match
from ..rulebook.match import finditer, phrase_rules, search
from ..rulebook.model import PhraseRule, Rulebook
from ..taxonomy import Taxonomy
from .changes import change_clauses
from .release_calendar import Calendar
from .ignore import Suppressed, ignored_phrases, ignored_sentence
from .numbers import SCALE_WORDS
from .periods_text import PeriodMention, find_periods, year_earlier
from .sentence_parts import between, blanker, first_after, pieces
from ..rulebook.regex_code import kept_re, kept_regex
from ..dataclass_code import dataclass

# compiled once: `regex.search(r"...", text)` looks the pattern up in regex's cache on every call
_FROM_END = kept_regex(r"\bfrom\s*$")
_TO = kept_regex(r"\s*to\s*")
_TO_END = kept_regex(r"\bto\s*$")

# The number is read whole (an atomic group: no shorter reading of its digits). Not an amount: digits in
# exponent notation ("$1e400 million"), or followed by letters or a scale word the
# grammar does not read ("$3.1T", "$5 quadrillion"): the digits alone would be a wrong figure (facts/magnitude.py
# reports them).
AMOUNT = kept_regex(
    r"""(?P<neg>\()?\$\s?(?P<neg2>\()?(?P<num>(?>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+))
        (?![eE][+-]?\d)\)?
        (?:\s*(?P<scale>millions?|billions?|trillions?|thousands?|mm|bn|tn|[MBK])\b)?
        (?![A-Za-z]{1,3}\b)(?!\s+[A-Za-z]*illions?\b)""", regex.I | regex.X)
# "$8.12 per Boe", "$1,750 to $1,850 per ounce", "$2.75/Boe": a cost per unit produced, not an amount of money
# (a per-share figure is read as one)
PER_UNIT = kept_regex(r"\s*(?:per\s+|/\s*)(?!(?:basic\s+|diluted\s+|common\s+|ordinary\s+)*shares?\b)\w", regex.I)

# What may stand between a metric and its first amount (periods are cut out first).
LINK = kept_regex(
    r"""^[\s,]*(?:attributable\s+to\s+(?!(?:the\s+)?(?:non-?controlling|minority|common|preferred))[\w\s.&'-]{1,40}?\s+)?
        (?:(?:was|were|is|are|totaled|totalled|totaling|of|amounted\s+to|reached|came\s+in\s+at|to|
        approximately|about|roughly|nearly|(?:an?\s+)?(?:new\s+)?record(?:\s+high)?(?:\s+of)?|an?\s+all[\s-]time\s+high\s+of|
        (?:was|were)?\s*(?:rose|increased|decreased|declined|fell|grew|dropped|improved|reduced|lowered|raised|
        narrowed|widened|expanded|up|down)(?:\s+(?:significantly|slightly|substantially))?(?:\s+by)?
        (?:\s+[\d.]+\s*(?:%|percent))?(?:\s+year[\s-]over[\s-]year)?\s+(?:to|from)|
        (?:was|were)\s+(?:approximately|about|roughly)|of\s+(?:approximately|about))\s*)+$""", regex.I | regex.X)
# What may chain a further amount to the same metric.
CHAIN = kept_regex(
    r"""^[\s,;]*(?:(?:representing|reflecting|an?|up|down|increase|decrease|(?:(?:was|were)\s+)?(?:increased|decreased|rose|
        fell|grew|declined|improved)|of|\d+(?:\.\d+)?\s*%|percent|
        year[\s-]over[\s-]year|over|(?:or\s+)?\d+(?:\.\d+)?\s*%\s+of\s+(?:net\s+|total\s+)?(?:sales|revenues?),?)\s*)*[\s,]*
        (?:(?:as\s+)?compared\s+(?:to|with)|versus|vs\.?|and|from|to|up\s+from|down\s+from|over)
        (?:\s+(?:a|an)\s+[\w\s-]{0,40}?\s+of|\s+the)?(?:\s+(?:approximately|about))?[\s,]*$""", regex.I | regex.X)
REVERSE = kept_regex(r"^\s+(?:in|of)\s+(?:total\s+)?(?:unrestricted\s+)?$", regex.I)
NONGAAP = kept_regex(r"\bnon[\s-]?gaap\b|\badjusted\b|\bconstant\s+currency\b|\bpro\s+forma\b", regex.I)
# a sentence ends at . ; ! ? (a quote may close after it), before a capital, a parenthesis, a quote or an amount,
# or before a dash that starts the next bullet ("... $30.4 million. - Net income was ...")
# a sentence opens with a capital, a bracket, a quote or "$"; or with some other mark right before a capital
# (a quote a PDF's font maps to "<": 'CFO. <Looking ahead ...' begins a sentence)
SENTENCE_END = kept_regex(r"(?<=[.;!?][\"'”’]?)\s+(?:[-–—*]\s+)?(?=[A-Z(\"$“‘]|[^\w\s][A-Z])|\s+•\s+|(?<=:)\s+(?=[A-Z•])")
_PUNCTUATION_GAP = kept_regex(r"[.;!?][\"'”’]?(\s+(?:[-–—*]\s+)?)(?=[A-Z(\"$“‘]|[^\w\s][A-Z])|:(\s+)(?=[A-Z•])")   # without •
_ABBREV = kept_regex(r"(?:\b(?:Inc|Corp|Co|Ltd|Mass|Calif|No|U\.S|approx|vs|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|St|Mr|Ms|Dr)\.)$")


@dataclass
class Mention:
    start: int
    end: int
    rule: PhraseRule


@dataclass
class Amount:
    start: int
    end: int
    value: Decimal
    decimals: int
    text: str


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


def _sentence_gaps(text: str):
    """(start, end) of the spaces between sentences. Without a bullet, a pattern led by the punctuation finds
    them twice as fast as SENTENCE_END's look-behind tried at every position."""
    if "•" in text:
        return (m.span() for m in SENTENCE_END.finditer(text))
    return (m.span(m.lastindex) for m in _PUNCTUATION_GAP.finditer(text))


def sentences(text: str):
    """(offset, sentence) pairs; abbreviations like "Inc." do not end a sentence. A run of text longer than
    any sentence a release prints comes in pieces (sentence_parts.py)."""
    start = 0
    for gap_start, gap_end in _sentence_gaps(text):
        # the last few characters only (`\b` still sees the one before them): an abbreviation is short
        if _ABBREV.search(text, max(start, gap_start - _ABBREV_REACH), gap_start):
            continue
        yield from pieces(text, start, gap_start)
        start = gap_end
    if start < len(text):
        yield from pieces(text, start, len(text))


_ABBREV_REACH = 12   # characters; the longest abbreviation ("approx.") has 7


def parse_amount(m: regex.Match) -> Amount:
    num = m["num"]
    value = Decimal(num.replace(",", ""))
    decimals = len(num.split(".", 1)[1]) if "." in num else 0
    scale = (m["scale"] or "").lower()
    power = SCALE_WORDS.get(scale, 0)
    if m["neg"] or m["neg2"]:
        value = -value
    return Amount(m.start(), m.end(), value.scaleb(power), decimals - power, m.group(0))


def find_mentions(sentence: str, rules: list[PhraseRule], context: str) -> list[Mention]:
    """Metric mentions in `sentence`, trying every rule in order (see `find_book_mentions` for the fast way)."""
    return _keep_longest(_mentions(sentence, [(r, p) for r in rules if context in r.contexts for p in r.metrics]))


def find_book_mentions(sentence: str, book: Rulebook, position: str, context: str) -> list[Mention]:
    """`find_mentions` over the book's phrase rules of one position, running only the patterns whose literals
    occur in the sentence (same result, see rulebook/index.py)."""
    _rules, index = phrase_rules(book, position, context)
    return _keep_longest(_mentions(sentence, index.candidates(sentence)))


_RATIO_OF = kept_regex(r"(?:%|\bpercent(?:age)?)\s+of\s+(?:total\s+|net\s+|the\s+)?$", regex.I)


# a metric named as a change: "increased revenue of $6.0 million contributed by ...", "incremental revenue"
# a change named as a noun of the metric: "the decrease in cash ... of $227.1 million", "the increase in revenue"
_CHANGE_OF = kept_regex(r"\b(?:increased|decreased|incremental|additional|(?:(?:net|year[\s-]over[\s-]year|"
                           r"sequential)\s+)?(?:increase|decrease|change|decline|growth|reduction|improvement|rise|drop)"
                           r"s?\s+in(?:\s+(?:our|the|its|total))?)\s+$", regex.I)


def _mentions(sentence: str, pairs) -> list[Mention]:
    found: list[Mention] = []
    for rule, pat in pairs:
        for m in finditer(rule, pat, sentence):
            if m.start() > 0 and sentence[m.start() - 1].isalnum():
                continue
            if m.end() < len(sentence) and sentence[m.end()].isalnum():
                continue
            if rule.not_after is not None and _before(rule, sentence, max(0, m.start() - 40), m.start()):
                continue  # "segment revenue": a part, not the whole
            if _RATIO_OF.search(sentence, max(0, m.start() - 30), m.start()):
                continue  # "or 40.0% of net sales": the base of a ratio, not a metric with an amount
            if _CHANGE_OF.search(sentence, max(0, m.start() - 45), m.start()):
                continue  # "increased revenue of $6.0 million": the change, not the metric
            found.append(Mention(m.start(), m.end(), rule))
    return found


def _before(rule: PhraseRule, sentence: str, start: int, end: int) -> bool:
    """Whether the rule's `not_after` wording is in sentence[start:end]; not run when the piece lacks its
    literals (a pattern with full case folding costs some 10 us even on a few words)."""
    return may_match(rule.not_after, fold(sentence[start:end])) and bool(search(rule, rule.not_after, sentence,
                                                                                  start, end))


def _keep_longest(found: list[Mention]) -> list[Mention]:
    # Longest first, then precedence (rules arrive sorted); drop mentions overlapping a kept one.
    found.sort(key=lambda x: (-(x.end - x.start), x.start))
    kept: list[Mention] = []   # by start; they do not overlap, so a new one need only be tried beside its place
    starts: list[int] = []
    for f in found:
        i = bisect_left(starts, f.start)
        if (i == 0 or kept[i - 1].end <= f.start) and (i == len(kept) or f.end <= kept[i].start):
            kept.insert(i, f)
            starts.insert(i, f.start)
    return kept


# A sentence that says up front it is on another basis: "On a non-GAAP basis, ... expects operating expenses
# of ..."; a metric named as what another figure leaves out or takes in ("Non-GAAP net loss, which excludes
# stock-based compensation expense, was ...", "Income after the provision for credit losses was ...") is not the
# subject of the amount.
_BASIS = kept_regex(r"\b(?:on|under)\s+an?\s+(?:non[\s-]?gaap|adjusted|pro\s+forma|constant[\s-]currency)\s+basis\b",
                       regex.I)
_OBJECT = kept_regex(r"\b(?:exclud(?:es|ing|ed)|includ(?:es|ing|ed)|net\s+of|other\s+than|after|before)\s+(?:the\s+|all\s+)?"
                        r"(?:non-?cash\s+)?$", regex.I)


_AFTER_TAX = kept_regex(r"\s*,?\s*(?:\(?\s*(?:after[\s-]tax|net\s+of\s+(?:income\s+)?tax(?:es)?|on\s+an\s+after[\s-]tax\s+basis)\b)",
                        regex.I)
# concepts that are after tax themselves: an amount "after tax" may be one of them, never a line above tax
AFTER_TAX_CONCEPTS = ("NetIncomeLoss", "ProfitLoss", "IncomeLossFromContinuingOperations", "EarningsPerShare",
                      "IncomeLossFromDiscontinuedOperations", "NetIncomeLossAvailableToCommonStockholders",
                      "ComprehensiveIncome")


def after_tax(sentence: str, end: int, concept: str) -> bool:
    """An amount printed "after tax" ("interest expense of $370 million to $430 million after tax") is a
    line's effect on net income, not the line, unless the concept is itself after tax."""
    return bool(_AFTER_TAX.match(sentence, end)) and not concept.split(":")[-1].startswith(AFTER_TAX_CONCEPTS)


# an amount tied to one item: "a net income tax benefit of $2.3 billion during fiscal 2021 which related to the
# partial realignment of our legal entity structure" is that item's, not the period's whole line
_TIED = kept_regex(r"\s*,?\s*(?:(?:during|in|for)\s+[^,;.$]{0,40}?\s*,?\s*)?(?:which\s+|that\s+)?"
                   r"(?:relat(?:ed|ing|es)\s+to|associated\s+with|in\s+connection\s+with)\b", regex.I)


def tied_to_an_item(sentence: str, end: int) -> bool:
    """The amount ending at `end` is said to relate to one item (a transaction, an event), so it is that
    item's share of the line, not the line."""
    return bool(_TIED.match(sentence, end))


def restated(sentence: str, start: int) -> bool:
    """Whether a metric mentioned at `start` is on a non-GAAP basis or only named by another figure."""
    return bool(NONGAAP.search(sentence, max(0, start - 25), start) or 0 <= _basis_end(sentence) <= start
                or _OBJECT.search(sentence, max(0, start - 30), start))


@lru_cache(maxsize=64)   # asked for each metric of a sentence: once per sentence, not once per metric
def _basis_end(sentence: str) -> int:
    """Where the sentence's first "on a non-GAAP basis" ends, or -1."""
    m = _BASIS.search(sentence)
    return m.end() if m else -1


def _is_nongaap_near(sentence: str, mention: Mention, amount: Amount) -> bool:
    after = sentence[amount.end:amount.end + 30].split(";", 1)[0]   # a semicolon ends the amount's clause
    return restated(sentence, mention.start) or bool(NONGAAP.search(after))


def chains(sentence: str, mentions: list[Mention], amounts: list[Amount], cut):
    """For each metric mention, the amounts the grammar gives it. `cut(text, offset)` blanks what the
    grammar may skip: period mentions and per-share clauses."""
    used: set[int] = set()
    starts = [a.start for a in amounts]   # amounts come in order and do not overlap
    for i, mention in enumerate(mentions):
        limit = mentions[i + 1].start if i + 1 < len(mentions) else len(sentence)
        own = [a for a in between(amounts, starts, mention.end, limit) if a.start not in used]
        chain: list[Amount] = []
        if own and LINK.match(cut(sentence[mention.end:own[0].start], mention.end)):
            chain.append(own[0])
        if not chain:  # "$160.0 million in cash and cash equivalents"
            k = bisect_left(starts, mention.start)   # the amounts before the metric, the last not yet used
            while k > 0 and (amounts[k - 1].end > mention.start or amounts[k - 1].start in used):
                k -= 1
            before = amounts[k - 1:k]
            if before and REVERSE.match(sentence[before[-1].end:mention.start]):
                chain.append(before[-1])
                own = [a for a in between(amounts, starts, mention.end, limit) if a.start not in used]
                if own and CHAIN.match(cut(sentence[mention.end:own[0].start], mention.end)):
                    chain.append(own[0])
                    own = own[1:]
                else:
                    own = []
            else:
                own = []
        else:
            own = own[1:]
        for a in own:
            if CHAIN.match(cut(sentence[chain[-1].end:a.start], chain[-1].end)):
                chain.append(a)
            else:
                break
        used.update(a.start for a in chain)
        if chain:
            yield mention, chain, limit


def assign_periods(chain: list[Amount], mention: Mention, periods: list[PeriodMention], limit: int,
                   last: list, framing: Optional[PeriodMention] = None, sentence: str = "",
                   cal: Optional[Calendar] = None, stops: tuple[int, ...] = ()):
    """Each amount's period: the period mention after it (before the next amount), else the one between the
    metric and the first amount, else the one the sentence opens with (`framing`: "For the nine months ended
    ..., R&D expenses were $A"); "respectively" lists hand out their periods in order; "the same period
    last year" is the previous amount's period a year earlier (`last` carries it across the sentence)."""
    out: list = [None] * len(chain)
    bounds = [a.start for a in chain[1:]] + [limit]
    for i, a in enumerate(chain):
        # up to the next amount, of this chain or not; a period a comparison introduces ("up 4.6% from the
        # fourth quarter of 2023") is what the amount is compared with, not its own
        bound = min(bounds[i], first_after(stops, a.end, bounds[i]))
        after = [p for p in periods if a.end <= p.start < bound
                 and not (sentence and _COMPARED_WITH.search(sentence[a.end:p.start]))]
        if after and i > 0 and len(after[0].periods) == 1 and out[i - 1] in (None, after[0].periods[0]) and sentence \
                and _FROM_END.search(sentence[chain[i - 1].end:a.start]) \
                and _TO_END.search(sentence[mention.end:chain[i - 1].start]):
            # "increased ... to $A from $B <period>": the period is B's own when it is an earlier one ("from
            # $4.1 million in the fourth quarter of 2023"), and the change's, A's, when it is the period the
            # release reports or the sentence then names the comparison ("for the three months ended December
            # 31, 2024, compared to the same period in 2023"); B then takes the period a year earlier only
            # where the sentence says so. Without either, neither is dated.
            p = after[0]
            compared = [q for q in periods if p.end <= q.start < bound and q.relative]
            latest = max(cal.ends) if cal is not None and cal.ends else None
            if not compared and latest is not None and p.periods[0].end < latest:
                out[i] = p.periods[0]
                last[:] = [out[i]]
                continue
            if not compared and p.periods[0].end != latest:
                continue
            out[i - 1] = p.periods[0]
            if compared:
                out[i] = year_earlier(out[i - 1], cal)
                if out[i] is not None and compared[0].year is not None and out[i].end.year != compared[0].year:
                    out[i] = None
            last[:] = [out[i - 1]]
            continue
        if after:
            p = after[0]
            pending = [j for j in range(i + 1) if out[j] is None]
            if len(p.periods) > 1:
                if len(pending) == len(p.periods):
                    for j, per in zip(pending, p.periods):
                        out[j] = per
                elif len(pending) == 1:  # "$1.4 million in each of the years ended ... 2022 and 2021"
                    out[pending[0]] = p.periods
            elif p.relative:
                out[i] = year_earlier(last[0], cal) if last and isinstance(last[0], Period) else None
                if out[i] is not None and p.year is not None and out[i].end.year != p.year:
                    out[i] = None   # "the corresponding period in 2022" is not a year before this one
            elif p.periods:
                out[i] = p.periods[0]
        elif i == 0:
            before = [p for p in periods if mention.end <= p.start < a.start and len(p.periods) == 1]
            # "third-quarter 2025 revenue of $412.5 million": the period printed right before the metric
            leading = [p for p in periods if p.end <= mention.start and len(p.periods) == 1
                       and sentence and not sentence[p.end:mention.start].strip()]
            if before:
                out[i] = before[-1].periods[0]
            elif leading:
                out[i] = leading[-1].periods[0]
            elif framing is not None:
                out[i] = framing.periods[0]
        if isinstance(out[i], Period):
            last[:] = [out[i]]
    # "For the three months ended September 30, 2025 and 2024, net income was $A and $B, respectively": the
    # periods listed before the amounts, handed out in order
    if sentence and "respectively" in sentence and len(chain) > 1 and all(o is None for o in out):
        listed = [p for p in periods if p.end <= chain[0].start and len(p.periods) == len(chain)]
        if listed:
            out = list(listed[-1].periods)
            last[:] = [out[-1]]
    return out


HEADING_CHARS = 100
# "... Compared to Prior Year Period": what a highlights heading compares with names no period of its own
_VERSUS_PRIOR = kept_regex(r"\s*(?:,|-|\()?\s*(?:as\s+)?(?:compared\s+(?:to|with)|vs\.?|versus)\s+(?:the\s+)?"
                              r"(?:prior|previous|same)[\w\s-]*?(?:period|quarter|year)\)?\s*$", regex.I)
_VERSUS_HINT = kept_re(r"compared|vs|versus", re.I)
_YEARISH = kept_regex(r"(?:19|20)\d\d|\b[1-4]Q\s*'?\d\d\b|\b(?:Q[1-4]|FY)\s*'?\d\d\b")
_PERIOD_WORD = kept_regex(r"\b(?:quarters?|years?|months?|weeks?|half|ytd|year[\s-]to[\s-]date)\b", regex.I)


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
    if len(t) > HEADING_CHARS or not _title_like(t):
        return False, None
    if not _YEARISH.search(t):   # every period a heading can name holds a year
        return True, None
    found = [p for p in find_periods(t, cal) if len(p.periods) == 1 and not p.relative]
    if len(found) != 1 or _PERIOD_WORD.search(t[:found[0].start] + " " + t[found[0].end:]) or _FORWARD.search(t):
        return True, None   # no single period, or an outlook's ("Fiscal 2025 Outlook"): the guidance reads it
    return True, found[0]


def facts_from_paragraph(par: Paragraph, book: Rulebook, tax: Taxonomy, cal: Calendar,
                         out: NarrativeOutcome) -> None:
    heading, period = heading_period(par.text, cal)
    if heading:
        out.heading = period
        return
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
        plain = [a for a in amounts if a.start not in per_share and not PER_UNIT.match(sent, a.end)]
        # "increased $5.2 million, or 8%, to $70.1 million": the change is no fact, and its clause is skipped
        changes = change_clauses(sent, plain)
        plain = [a for a in plain if all(a is not c for c, _s, _e in changes)]
        periods = [p for p in find_periods(sent, cal) if p.anchored]
        blanks = [(p.start, p.end) for p in periods]
        blanks += [(a.start, per_share[a.start].end) for a in amounts if a.start in per_share]
        blanks += [(s0, e0) for _c, s0, e0 in changes]

        taken: set[int] = {c.start for c, _s, _e in changes}
        last: list = []
        framing = _framing(sent, periods, mentions, amounts)
        # a paragraph whose first word is in lower case is the rest of a sentence whose beginning, and the
        # period it named, a page break or a copy's wrap left elsewhere: the heading's period does not frame it
        first = sent.split(None, 1)
        fragment = offset == 0 and bool(first) and first[0].islower()
        if framing is None and out.heading is not None and not _FORWARD.search(sent) and not fragment:
            framing = out.heading
        framing = _this_period(sent, framing, blanks)
        # past a period the sentence says it is about ("The loss for the six months ended December 31, 2023
        # included ... a loss from operations of $1.6 million"), the heading's period frames no amount
        turned = _turned_from(sent, periods, out.heading) if framing is out.heading else len(sent)
        cut = blanker(blanks)
        # the amounts that end an amount's reach for a period: not a per-share figure (it belongs to the
        # amount before it), and none in a "respectively" list (its period comes after the whole list); a
        # change or a cost per unit does, though no fact ("$70.1 million, a decrease of $5.2 million due to
        # the sale in the fourth quarter of 2024": that quarter is the sale's)
        stops = [] if "respectively" in sent else [a.start for a in amounts if a.start not in per_share]
        starts = [a.start for a in amounts]
        previous = None   # the concept of the chain before, for "$A compared to a net loss of $B"
        for mention, chain, limit in _respectively(sent, list(chains(sent, mentions, plain, cut))):
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
            if not periods and len(chain) == 2 and _from_to(sent, mention, chain, cut):
                out.undated.append((mention, chain, par, offset, sent))
                taken.update(a.start for a in chain)
                continue
            for amount, per in zip(chain, assigned):
                taken.add(amount.start)
                if per is None or _is_nongaap_near(sent, mention, amount) \
                        or after_tax(sent, amount.end, mention.rule.concept) or tied_to_an_item(sent, amount.end):
                    continue
                nxt = amounts[bisect_left(starts, amount.end + 1):]
                eps = nxt[0] if nxt and nxt[0].start in per_share and nxt[0].start - amount.end < 12 else None
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


_OPENING = kept_regex(r"^[\s•*·-]*$")
_COMPARED_WITH = kept_regex(r"\b(?:from|compared\s+(?:to|with)|versus|vs\.?|over|relative\s+to)\s*$", regex.I)
_COMPARED = kept_regex(r"(?:(?:as\s+)?compared\s+(?:to|with)|versus|vs\.?)\s+(?:an?\s+|the\s+)?$", regex.I)
_COMPARED_REACH = 1000   # characters before a metric looked at for _COMPARED (blanked periods are spaces)
_FORWARD = kept_regex(r"\b(?:expects?|expected|expecting|anticipates?|anticipated|anticipating|projects?|projected|"
                         r"projecting|forecast(?:s|ing|ed)?|"
                         r"outlook|guidance|targets?|plans?|will|estimates?|intends?)\b", regex.I)
_RESPECTIVELY = kept_regex(r"^[\s,]*respectively\b", regex.I)


def _framing(sent: str, periods: list[PeriodMention], mentions: list[Mention],
             amounts: list[Amount]) -> Optional[PeriodMention]:
    """The period a sentence opens with, before any metric or amount: "For the nine months ended September
    30, 2025, R&D expenses were ..." (one period, and nothing but a bullet before it)."""
    if _FORWARD.search(sent):   # "For fiscal 2025, the Company expects net sales of ...": an outlook
        return None
    first = min([m.start for m in mentions] + [a.start for a in amounts], default=len(sent))
    for p in periods:
        if p.end <= first and len(p.periods) == 1 and not p.relative and _OPENING.match(sent[:p.start]):
            return p
    return None


# "Capital expenditures for the quarter were $22.5 million": the period the sentence is framed by, named by its
# length alone
_THIS_PERIOD = kept_regex(r"\b(?:for|in|during)\s+the\s+(?:(?P<q>quarter|three\s+months)|(?P<y>(?:fiscal\s+)?year|"
                             r"twelve\s+months))(?![\w-])(?!\s+(?:ended|ending|of|ago|earlier|before|to\s+date)\b)", regex.I)


_ITS_OWN = kept_regex(r"\b(?:for|in|during)\s+(?:(?:the|its|each\s+of\s+the)\s+)?$|^(?:for|in|during)\b", regex.I)


def _turned_from(sent: str, periods: list[PeriodMention], heading: Optional[PeriodMention]) -> int:
    """Where the sentence first names, as its own ("for the six months ended ..."), a period other than the
    heading's; the sentence's length when it names none."""
    mine = heading.periods if heading is not None else ()
    for p in periods:
        if p.periods and p.periods != mine and (_ITS_OWN.search(sent[max(0, p.start - 20):p.start])
                                                 or _ITS_OWN.match(sent[p.start:p.end])):
            return p.start
    return len(sent)


def _this_period(sent: str, framing: Optional[PeriodMention], blanks: list) -> Optional[PeriodMention]:
    """The framing period, when every "for the quarter" ("for the year") of the sentence is that long; its
    phrases are then blanked for the grammar. A sentence naming another length has no framing period."""
    for m in _THIS_PERIOD.finditer(sent):
        period = framing.periods[0] if framing is not None and framing.periods else None
        days = (period.end - period.start).days + 1 if period is not None and period.start else 0
        if not (80 <= days <= 100 if m["q"] else 350 <= days <= 380):
            return None
        blanks.append(m.span())
    return framing


def _respectively(sent: str, found: list) -> list:
    """"R&D expenses were $A and G&A expenses were $B, compared to $C and $D, respectively, for ...": the
    comparison list after the last metric holds one amount per metric, in order, so it is handed out."""
    if len(found) < 2 or any(len(chain) != 1 for _m, chain, _l in found[:-1]):
        return found
    last_chain = found[-1][1]
    k = len(found)
    if len(last_chain) != k + 1 or not _RESPECTIVELY.match(sent[last_chain[-1].end:]):
        return found
    compared = last_chain[1:]
    out = []
    for (mention, chain, _limit), other in zip(found[:-1], compared):
        out.append((mention, [chain[0], other], len(sent)))
    out.append((found[-1][0], [last_chain[0], compared[-1]], len(sent)))
    return out


def _from_to(sent: str, mention: Mention, chain: list[Amount], cut) -> bool:
    """"<metric> ... from $A to $B": a change, prior value first."""
    return bool(_FROM_END.search(cut(sent[mention.end:chain[0].start], mention.end))
                and _TO.fullmatch(cut(sent[chain[0].end:chain[1].start], chain[0].end)))


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
