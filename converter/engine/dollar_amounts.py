"""Dollar amounts in prose ("$21.5 million", "$(0.42)", "$1.2B"): value and printed precision, and the
costs per unit ("$8.12 per Boe") that look like amounts but are no sum of money. Table cells are numbers.py's;
an amount in a sentence carries its own sign and scale word, so it has its own pattern, shared by the narrative
and the guidance.
"""
from __future__ import annotations

from decimal import Decimal

import regex

from .numbers import SCALE_WORDS
from ..rulebook.regex_code import kept_regex
from ..dataclass_code import dataclass

# The number is read whole (an atomic group: no shorter reading of its digits). Not an amount: digits in
# exponent notation ("$1e400 million"), or followed by letters or a scale word the
# grammar does not read ("$3.1T", "$5 quadrillion"): the digits alone would be a wrong figure (facts/magnitude.py
# reports them).
AMOUNT = kept_regex(
    r"""(?P<neg>\()?\$\s?(?P<neg2>\()?(?P<num>(?>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+))
        (?![eE][+-]?\d)(?P<close>\))?
        (?:\s*(?P<scale>millions?|billions?|trillions?|thousands?|mm|bn|tn|[MBK])\b)?
        (?![A-Za-z]{1,3}\b)(?!\s+[A-Za-z]*illions?\b)""", regex.I | regex.X)
# "$8.12 per Boe", "$1,750 to $1,850 per ounce", "$2.75/Boe": a cost per unit produced, not an amount of money
# (a per-share figure is read as one)
PER_UNIT = kept_regex(r"\s*(?:per\s+|/\s*)(?!(?:basic\s+|diluted\s+|common\s+|ordinary\s+)*shares?\b)\w", regex.I)


_AFTER_AMOUNT = kept_regex(r"(?:\d|\b(?:thousand|million|billion)s?)\s*$", regex.I)
_NEGATIVE_ASIDE = kept_regex(r"[^()]*\(\s*\$?\s*\d[\d,.]*\s*%?\s*\)[^()]*\)")


@dataclass
class Amount:
    start: int
    end: int
    value: Decimal
    decimals: int
    text: str


def parse_amount(m: regex.Match) -> Amount:
    num = m["num"]
    value = Decimal(num.replace(",", ""))
    decimals = len(num.split(".", 1)[1]) if "." in num else 0
    scale = (m["scale"] or "").lower()
    power = SCALE_WORDS.get(scale, 0)
    # "$(0.42)", "($0.42)", "($1.2 million)", "was ($3.3 million, compared with ...)": negative. A parenthesis
    # right after an amount that closes after other words is an aside ("$53.9 million ($0.17 per share)"),
    # negative only where it prints its other figures in parentheses too
    if m["neg2"] or m["neg"] and (m["close"] or not _AFTER_AMOUNT.search(m.string, 0, m.start())
                                  or _NEGATIVE_ASIDE.match(m.string, m.end())):
        value = -value
    return Amount(m.start(), m.end(), value.scaleb(power), decimals - power, m.group(0))


# "31 cents per diluted share", "12.5 cents a share": a per-share figure in cents, as newswire style prints it
_CENTS = kept_regex(r"(?<![\w.,$])(\d{1,3}(?:\.\d+)?)\s+cents?(?=\s+(?:per|a)\s+(?:(?:basic|diluted|fully|common|"
                    r"ordinary|and)\s+)*shares?\b)", regex.I)


def cents_as_dollars(text: str) -> str:
    """`text` with each per-share figure in cents written in dollars ("31 cents" as "$0.31"), padded to its
    length before it (the per-share words stay right after it), so that every place in the text stays where
    it was (facts point into the source by place)."""
    return _CENTS.sub(lambda m: f"${Decimal(m[1]).scaleb(-2)}".rjust(len(m.group(0))), text)
