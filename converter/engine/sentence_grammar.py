"""The grammar every earnings release uses: a metric, a linking verb, an amount, a period, and comparisons
chained with "compared to", "and" or "respectively". An amount is taken only when the words between it and its
metric are that grammar and nothing else, so "Revenues ... include $12.9 million of royalties" gives nothing;
each amount taken then gets the period the words around it name.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional

import regex

from ..model import Period
from .dollar_amounts import Amount
from .numbers import SCALE_WORDS
from .metric_mentions import Mention
from .periods_text import PeriodMention, year_earlier
from .release_calendar import Calendar
from .sentence_parts import between, first_after
from ..rulebook.regex_code import kept_regex

# compiled once: `regex.search(r"...", text)` looks the pattern up in regex's cache on every call
_FROM_END = kept_regex(r"\bfrom\s*$")
_TO = kept_regex(r"\s*to\s*")
_TO_END = kept_regex(r"\bto\s*$")

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
_COMPARED_WITH = kept_regex(r"\b(?:from|compared\s+(?:to|with)|versus|vs\.?|over|relative\s+to)\s*$", regex.I)
# "..., compared with $0.27 per diluted share in 2023", "compared with 198 cents in the fourth quarter": a
# period after a comparison and its figure is that figure's, never one before the comparison (the quarter's net
# income had been dated the year 2023)
_COMPARE = r"\b(?:compared\s+(?:to|with)|versus|vs\.?)"
_COMPARED_THEN_AMOUNT = kept_regex(_COMPARE + r"\s[^$\d]*(?:\$|(?!(?:19|20)\d\d\b)\d)", regex.I)
_BARE_YEAR = kept_regex(r"\s*(?:in|for|during)\s+(?:fiscal\s+)?(?:19|20)\d\d\s*$", regex.I)


_PER_SHARE_CLAUSE = kept_regex(r"\bper\s+(?:(?:basic|diluted|fully\s+diluted|common|ordinary)\s+)*shares?\b", regex.I)
_SCALED = kept_regex(r"(?:\d|\s)(?:" + "|".join(sorted(SCALE_WORDS, key=len, reverse=True)) + r")$", regex.I)


def _per_share_compared(sentence: str, last: Amount, a: Amount) -> bool:
    """"$125.8 million, or $2.51 per diluted share, compared with $1.95 ...": an amount printed without a scale
    word after a per-share clause is compared with the per-share figure, not with the scaled amount before it
    (read as the metric's, it had been net income of $1.95)."""
    return bool(_SCALED.search(last.text)) and not _SCALED.search(a.text) \
        and bool(_PER_SHARE_CLAUSE.search(sentence, last.end, a.start))


_COMPARISON = kept_regex(_COMPARE + r"(?!\w)", regex.I)


_MENTION_REACH = 30   # characters before a metric's mention a comparison that introduces it stands within


def _compared(sentence: str, chain: list, mention, j: int) -> bool:
    """Whether the chain's amount `j` is one a comparison introduces ("..., compared with $98.0 million", "compared
    with net income of $57.8 million")."""
    start = chain[j - 1].end if j else max(0, mention.start - _MENTION_REACH)
    return bool(sentence) and bool(_COMPARISON.search(sentence, start, chain[j].start))


def _is_quarter(period) -> bool:
    return isinstance(period, Period) and period.start is not None and 80 <= (period.end - period.start).days <= 100


_WITH_OR_TO = kept_regex(r"(?:with|to)\b", regex.I)
# "$120.5 million (Q4 2023 - $110.2 million)", "(Q4 2023: $110.2 million)": a period that labels the amount after it
_LABELS_NEXT = kept_regex(r"\s*[-–—:]\s*\(?\$?\s?\d")


def _lead_word(sentence: str, p) -> str:
    """"with" or "to" when a period mention begins with it ("with the prior-year quarter"), so that the words
    before it, "compared", read as the comparison they are; else nothing."""
    m = _WITH_OR_TO.match(sentence, p.start)
    return m.group(0) if m else ""
_RESPECTIVELY = kept_regex(r"^[\s,]*respectively\b", regex.I)


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
            if CHAIN.match(cut(sentence[chain[-1].end:a.start], chain[-1].end)) \
                    and not _per_share_compared(sentence, chain[-1], a):
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
                 and not (sentence and _COMPARED_WITH.search(sentence[a.end:p.start] + _lead_word(sentence, p)))
                 and not (sentence and _LABELS_NEXT.match(sentence, p.end))
                 and not (sentence and _COMPARED_THEN_AMOUNT.search(sentence, a.end, p.start))]
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
                elif len(pending) == 1 and "respectively" not in sentence[p.end:]:
                    # "$1.4 million in each of the years ended ... 2022 and 2021"; not periods handed out in turn
                    # ("..., compared with a net loss of $2.0 million, ... for the three months ended December 31,
                    # 2024 and 2023, respectively": the loss is one of the two, not both)
                    out[pending[0]] = p.periods
            elif p.relative:
                # a year before the amount compared with, not before a period it was compared to ("$125.8
                # million, compared with $98.0 million in the fourth quarter of 2024 and $110.5 million in the
                # prior-year quarter"); the chain's own amount, where it has one, dated or not ("full-year
                # revenue was $2.0 billion, compared with $1.9 billion in the prior year": not the quarter's)
                anchor = last[0] if last and isinstance(last[0], Period) else None
                own = next((j for j in range(i - 1, -1, -1) if not _compared(sentence, chain, mention, j)), None)
                if own is not None:
                    anchor = out[own] if isinstance(out[own], Period) else None
                out[i] = year_earlier(anchor, cal) if anchor is not None else None
                if out[i] is not None and p.year is not None and out[i].end.year != p.year:
                    out[i] = None   # "the corresponding period in 2022" is not a year before this one
            elif p.periods:
                out[i] = p.periods[0]
                if i > 0 and sentence and _BARE_YEAR.match(sentence, p.start, p.end) and _is_quarter(out[i - 1]):
                    # "$55.0 million for the fourth quarter in 2023 and $60.0 million in 2024": the year's fourth
                    # quarter, as likely as the year: not settled
                    out[i] = None
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
        if isinstance(out[i], Period) and not _compared(sentence, chain, mention, i):
            last[:] = [out[i]]   # (a period compared to is no anchor for "the prior-year quarter" after it)
    # "For the three months ended September 30, 2025 and 2024, net income was $A and $B, respectively": the
    # periods listed before the amounts, handed out in order
    if sentence and "respectively" in sentence and len(chain) > 1 and all(o is None for o in out):
        listed = [p for p in periods if p.end <= chain[0].start and len(p.periods) == len(chain)]
        if listed:
            out = list(listed[-1].periods)
            last[:] = [out[-1]]
    return out


_LISTED = kept_regex(r"^[\s,]*(?:and|&)?[\s,]*$", regex.I)


def metric_lists(sent: str, mentions: list[Mention], found: list, amounts: list[Amount], cut) -> list:
    """"Revenue, gross profit and net income were $A, $B and $C, respectively": metrics listed before their
    amounts, which the grammar gave all to the last of them. With "respectively" after the run, the amounts are
    handed out in the list's order, each read up to that "respectively" (a second run, "compared with $D, $E
    and $F, respectively", likewise, each second amount with its own); without it, which amount is whose is not
    said, and the list's amounts are read for none."""
    out = list(found)
    i = 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and _LISTED.match(cut(sent[mentions[j].end:mentions[j + 1].start], mentions[j].end)):
            j += 1
        listed = mentions[i:j + 1]
        k = next((x for x, (m, _c, _l) in enumerate(out) if m is listed[-1]), None)
        if len(listed) > 1 and k is not None and not any(m is other for m in listed[:-1] for other, _c, _l in out):
            n = len(listed)
            chain = _listed_run(sent, out[k][1], amounts, n)
            first = _RESPECTIVELY.match(sent[chain[n - 1].end:]) if len(chain) >= n else None
            if first and len(chain) == n:
                end = chain[n - 1].end + first.end()
                out[k:k + 1] = [(m, [a], end) for m, a in zip(listed, chain)]
            elif len(chain) == 2 * n and _RESPECTIVELY.match(sent[chain[-1].end:]):
                out[k:k + 1] = [(m, [chain[x], chain[n + x]], out[k][2]) for x, m in enumerate(listed)]
            else:
                out[k] = (listed[-1], [], out[k][2])
        i = j + 1
    return [(m, c, lim) for m, c, lim in out if c]


def _listed_run(sent: str, chain: list[Amount], amounts: list[Amount], n: int) -> list[Amount]:
    """The chain, with the amounts that follow it in a list ("$A, $B and $C") up to `n` of them."""
    run = list(chain)
    for a in amounts:
        if len(run) >= n or not run:
            break
        if a.start >= run[-1].end and _LISTED.match(sent[run[-1].end:a.start]) and a.start > run[-1].start:
            run.append(a)
    return run


def respectively(sent: str, found: list) -> list:
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


def from_to(sent: str, mention: Mention, chain: list[Amount], cut) -> bool:
    """"<metric> ... from $A to $B": a change, prior value first."""
    return bool(_FROM_END.search(cut(sent[mention.end:chain[0].start], mention.end))
                and _TO.fullmatch(cut(sent[chain[0].end:chain[1].start], chain[0].end)))
