"""Change amounts in prose: "Revenue increased $5.2 million, or 8%, to $70.1 million", "$70.1 million, an
increase of $5.2 million compared to $64.9 million", "$70.1 million, a $5.2 million increase from $64.9 million".

A change is the difference between two periods' values, a figure no fact states (XBRL has no concept for
"the increase in revenue"). It is recognized by its wording: a change verb or noun right before the amount,
or "a" before it and the noun right after. The clause (wording, amount, the percentage printed with it) is
then blanked for the grammar, so the metric links to the amount the change leads to ("to $70.1 million") and
the comparison after it chains on.
"""
from __future__ import annotations

import regex
from ..rulebook.regex_code import kept_regex

_PERCENT = r"[\s,]*(?:or\s+)?\(?[\d.]+\s*(?:%|percent)\)?"   # ", or 8%", " (8%)"
# the wording right before a change amount: "increased", "grew by", "was down", "an increase of", "is expected to
# add approximately" (what a part adds to a whole: "the 53rd week is expected to add $700 million of revenue")
_BEFORE = kept_regex(
    r"""(?:\b(?:increased|decreased|rose|fell|grew|declined|dropped|climbed|jumped|improved|(?:was|were)\s+(?:up|down)
           |up|down|(?:to\s+|will\s+|would\s+)?(?:add|adds|added|contribute[sd]?|subtract(?:s|ed)?|reduce[sd]?))
           (?:\s+(?:by|approximately|about|nearly|almost|roughly))*
        |\b(?:an?\s+)?(?:(?:year[\s-]over[\s-]year|sequential)\s+)?(?:increase|decrease|improvement|decline|growth|
           reduction|rise)\s+of(?:\s+(?:approximately|about|nearly|almost))?)\s*$""", regex.I | regex.X)
# what the change may carry after it: its percentage and its span ("or 8%", "(8%)", "or 5.3% annualized",
# "year over year")
_AFTER = kept_regex(rf"(?:{_PERCENT}(?:\s+annualized)?|[\s,]*(?:year[\s-]over[\s-]year|sequentially|"
                       r"on\s+an\s+annualized\s+basis))*", regex.I)
# "a $5.2 million increase": the change named after its amount
_ARTICLE = kept_regex(r"\ban?\s*$", regex.I)
_NOUN_AFTER = kept_regex(rf"(?:{_PERCENT}|[\s,]*year[\s-]over[\s-]year)*[\s,]*"
                            r"(?:increase|decrease|improvement|decline|rise|drop|reduction)\b", regex.I)
_REACH = 60   # characters before an amount its change wording may take


def change_clauses(sentence: str, amounts: list) -> list[tuple[object, int, int]]:
    """(amount, clause start, clause end) for each amount its wording makes a change."""
    out = []
    for a in amounts:
        before = _BEFORE.search(sentence, max(0, a.start - _REACH), a.start)
        if before is not None:
            after = _AFTER.match(sentence, a.end)
            out.append((a, before.start(), after.end() if after else a.end))
            continue
        article, noun = _ARTICLE.search(sentence, max(0, a.start - 4), a.start), _NOUN_AFTER.match(sentence, a.end)
        if article is not None and noun is not None:
            after = _AFTER.match(sentence, noun.end())
            out.append((a, article.start(), after.end() if after else noun.end()))
    return out
