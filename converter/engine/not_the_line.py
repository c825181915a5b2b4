"""Amounts the grammar links to a metric that are still not the metric's reported line: on a non-GAAP
basis, after tax, tied to one item, expected rather than reported, or where the metric is only named as what
another figure leaves out. The narrative and the guidance both pass them by, so the tests are kept in one place.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from .dollar_amounts import Amount
from .metric_mentions import Mention, find_book_mentions
from .sentence_parts import sentences
from ..facts.checks import NUMERATORS
from ..rulebook.regex_code import kept_regex

if TYPE_CHECKING:
    from ..rulebook.model import Rulebook

NONGAAP = kept_regex(r"\bnon[\s-]?gaap\b|\badjusted\b|\bconstant\s+currency\b|\bpro\s+forma\b", regex.I)
# the other names of a non-GAAP figure, right before its metric: "Core net income", "Comparable diluted EPS",
# "Underlying", "Normalized", "Recurring" (after an amount they name other things: "growth in our core markets")
_OTHER_WORDS = r"\b(?:core|comparable|underlying|normali[sz]ed|(?<!non-)(?<!non)recurring)"
_OTHER_NAMES = kept_regex(_OTHER_WORDS + r"\s+$", regex.I)
_CASH_EARNINGS = kept_regex(r"(?<!non-)(?<!non)\bcash\s+(?=net\s+(?:income|earnings)|earnings|eps\b|diluted)", regex.I)
# the net income family, the only metrics a per-share amount after them is earnings per share of
EARNINGS = frozenset(NUMERATORS) | {"us-gaap:ProfitLoss", "us-gaap:IncomeLossFromContinuingOperations",
                                     "us-gaap:NetIncomeLossAvailableToCommonStockholdersDiluted"}
_OTHER_BASIS = kept_regex(_OTHER_WORDS + r"\b", regex.I)   # the same names anywhere in a clause
# measures stated per share that are no earnings per share: a REIT's funds from operations, a bank's book
# value, a partnership's distributable cash flow, dividends ("Core FFO of $2.48 to $2.54 per diluted share");
# and earnings of a part ("from continuing operations": its own per-share concept, not the whole's EPS)
_OTHER_PER_SHARE = kept_regex(r"\b(?:a?ffo|fad|funds\s+(?:from|available)|distributable|cash\s+(?:available|flows?)|"
                              r"(?:operating|cash)\s+earnings|earnings\s+before|continuing\s+operations|"
                              r"ebitda|dividends?|distributions?|book\s+value|nav|net\s+asset\s+value)\b", regex.I)


def names_another_per_share_measure(words: str) -> bool:
    """Whether the words before a per-share amount name a measure other than earnings: another per-share
    measure, or earnings on another basis ("adjusted", "core")."""
    return bool(_OTHER_PER_SHARE.search(words) or NONGAAP.search(words) or _OTHER_BASIS.search(words))


# "$0.69 excluding a $0.07 restructuring charge", "$12.5 million before taxes": not the reported line
_EXCLUDING = kept_regex(r"\s*,?\s*\(?(?:excluding|before)\s", regex.I)


_CLAUSE_END = kept_regex(r"[;$]")   # a semicolon, or the next amount


def qualified_after(sentence: str, end: int) -> bool:
    """Whether the words right after an amount (up to the next amount or clause) set it on another basis:
    "... per diluted share on an adjusted basis", "..., excluding special items"."""
    after = _CLAUSE_END.split(sentence[end:end + 60], maxsplit=1)[0]
    word = NONGAAP.search(after)
    return (word is not None and word.start() < 30) or bool(_EXCLUDING.match(after))


# A sentence that says up front it is on another basis: "On a non-GAAP basis, ... expects operating expenses
# of ..."; a metric named as what another figure leaves out or takes in ("Non-GAAP net loss, which excludes
# stock-based compensation expense, was ...", "Income after the provision for credit losses was ...") is not the
# subject of the amount.
_BASIS = kept_regex(r"\b(?:on|under)\s+an?\s+(?:non[\s-]?gaap|adjusted|pro\s+forma|constant[\s-]currency|comparable|core|"
                   r"underlying|normali[sz]ed|like[\s-]for[\s-]like|continuing[\s-]operations)\s+basis\b", regex.I)
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
                or _OTHER_NAMES.search(sentence, max(0, start - 25), start)
                or _cash_earnings(sentence, start)
                or _OBJECT.search(sentence, max(0, start - 30), start))


def _cash_earnings(sentence: str, start: int) -> bool:
    m = _CASH_EARNINGS.search(sentence, max(0, start - 8), start + 14)
    return m is not None and m.end() == start


@lru_cache(maxsize=64)   # asked for each metric of a sentence: once per sentence, not once per metric
def _basis_end(sentence: str) -> int:
    """Where the sentence's first "on a non-GAAP basis" ends, or -1."""
    m = _BASIS.search(sentence)
    return m.end() if m else -1


def nongaap_near(sentence: str, mention: Mention, amount: Amount) -> bool:
    after = sentence[amount.end:amount.end + 60].split(";", 1)[0]   # a semicolon ends the amount's clause
    word = NONGAAP.search(after)   # within 30 characters; the words after it only say what it names
    # "$0.69 excluding a $0.07 restructuring charge": the figure without it, no reported line
    return restated(sentence, mention.start) or (word is not None and word.start() < 30) or bool(_EXCLUDING.match(after))


# "Operating income, a non-GAAP measure, was ...", "operating income (a non-GAAP financial measure)", "Core
# earnings is a non-GAAP measure": the release names a line's own wording as its non-GAAP measure. The measure
# itself is named ("a non-GAAP reconciliation of which" names none), and the wording opens its clause
# ("Segment operating income, a non-GAAP measure" is the segments' measure, not the line's)
_DECLARED = kept_regex(r"\s*(?:,|\()?\s*(?:which\s+is\s+|is\s+|are\s+)?an?\s+non[\s-]?gaap\s+(?:financial\s+)?measures?"
                       r"\s*(?:[,).;]|$)", regex.I)
_CLAUSE_OPENS = kept_regex(r"(?:[,;:(•*·-]|\b(?:and|the|our|its|their))\s*$", regex.I)


def declared_nongaap(texts: list[str], book: "Rulebook") -> dict[str, str]:
    """The concepts whose wording the release itself calls a non-GAAP measure, each with the words that say
    so: an insurer's "operating income" is then no operating income of the statements wherever its prose
    names it (the statements' own rows still are)."""
    out: dict[str, str] = {}
    for text in texts:
        if "easure" not in text or not NONGAAP.search(text):   # "measure", "Measure"
            continue
        for _offset, sent in sentences(text):
            if "measure" not in sent.lower():   # every declaration names the measure: most sentences do not
                continue
            for m in find_book_mentions(sent, book, "before", "narrative"):
                before = sent[max(0, m.start - 40):m.start]
                if _DECLARED.match(sent, m.end) and not restated(sent, m.start) \
                        and (not sent[:m.start].strip() or _CLAUSE_OPENS.search(before)):
                    out.setdefault(m.rule.concept, sent[m.start:m.end + 30].strip())
    return out


# a verb of expecting in the clause that leads to an amount: "we expect revenue of $2.3 billion in 2025",
# "Revenue is expected to be $2.3 billion" (not "higher than expected", "as anticipated")
# (a noun of the same spelling, "project execution", "our targets", says nothing of the amount: verbs only)
_EXPECTED = kept_regex(r"(?<!\bthan[\s-])(?<!\bas\s)(?<!\bhad\s)\b(?:expects?|expected|expecting|anticipates?|"
                       r"anticipated|anticipating|projected|projecting|forecasts?|forecasted|guid(?:es|ed|ing|ance)|"
                       r"outlook|will\s+be|should\s+be|plans?\s+to)\b", regex.I)
# where a clause begins: "..., and we expect", "; the Company anticipates"
_CLAUSE = kept_regex(r"[;:]|,\s*(?:and|but|while|whereas)\b|\b(?:and|but|while|whereas)\s+(?=(?:we|the\s+company|it|"
                     r"management)\b)|,\s*(?=(?:we|the\s+company|management)\b)", regex.I)


def expected_not_reported(sentence: str, mention_start: int, amount_start: int) -> bool:
    """Whether the clause that names the metric and leads to its amount speaks of what is expected: a
    forecast in a sentence that also reports ("we grew revenue to $512.3 million and we expect revenue of
    $2.3 billion in 2025"), never an actual figure."""
    start = max((m.end() for m in _CLAUSE.finditer(sentence, 0, mention_start)), default=0)
    return bool(_EXPECTED.search(sentence, start, amount_start))
