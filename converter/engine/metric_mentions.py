"""Where a sentence names a metric: the phrase rules' wordings, found at word boundaries, the longest kept
where two overlap. A wording is passed by where it names a part ("segment revenue"), the base of a ratio ("40%
of net sales") or a change ("increased revenue of $6.0 million"): the amount after it is not the metric's.
"""
from __future__ import annotations

from bisect import bisect_left

import regex

from ..rulebook.index import fold, may_match
from ..rulebook.match import finditer, phrase_rules, search
from ..rulebook.model import PhraseRule, Rulebook
from ..rulebook.regex_code import kept_regex
from ..dataclass_code import dataclass


@dataclass
class Mention:
    start: int
    end: int
    rule: PhraseRule


def find_book_mentions(sentence: str, book: Rulebook, position: str, context: str) -> list[Mention]:
    """Metric mentions in `sentence` by the book's phrase rules of one position and context, the longest where
    they overlap, running only the patterns whose literals occur in the sentence (rulebook/index.py)."""
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
