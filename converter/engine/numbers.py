"""Reading printed figures: "(1,234)", "$ 0.39", "-" for nil, "$21.5 million". Decimal only, never float.

A figure's `decimals` is its printed precision before scaling ("21.5" → 1); scaling a figure by 10^k lowers
its decimals by k, which is how "(in thousands)" turns 159,964 into decimals -3.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Optional

import regex
from ..rulebook.regex_code import kept_regex
from ..dataclass_code import dataclass

NIL_MARKS = {"-", "--", "---", "—", "–", "nil", "n/a", "—%", "-%", "*"}

_FIGURE = kept_regex(
    r"""^\$?\s*(?P<neg1>\()?\s*\$?\s*(?P<minus>[-\u2212])?\s*\$?\s*
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
        \s*(?P<neg2>\))?\s*(?P<pct>%)?$""", regex.VERBOSE)

# a footnote's mark printed after a figure ("4,495*", "9,995(1)", "487 (a)", "12.5%†"); a number in parentheses
# only against it, no space between: "12 (3)" may be two figures run together
_GLUED_MARK = kept_regex(r"(?<=[\d)%])(?:\s*(?:\*+|[†‡§]+|\([a-z]\))|\(\d{1,2}\))$")


def without_mark(text: str) -> str:
    """`text` without a footnote's mark printed against its figure's end; as it was where none is."""
    m = _GLUED_MARK.search(text) if text[-1:] in "*)†‡§" else None
    return text[:m.start()] if m else text


# _FIGURE's groups by number: `regex` looks a group name up in about ten times the time of a number
_FIGURE_GROUPS = tuple(_FIGURE.groupindex[g] for g in ("num", "neg1", "minus", "neg2", "pct"))

SCALE_WORDS = {"thousand": 3, "thousands": 3, "k": 3, "million": 6, "millions": 6, "mm": 6, "mil": 6, "m": 6,
               "billion": 9, "billions": 9, "bn": 9, "b": 9, "trillion": 12, "trillions": 12, "tn": 12}


@dataclass(frozen=True)
class Figure:
    value: Optional[Decimal]   # None when nil
    decimals: int              # printed decimals
    nil: bool = False
    percent: bool = False

    @property
    def negative(self) -> bool:
        return self.value is not None and self.value < 0


@lru_cache(maxsize=8192)   # readers and the engine ask about the same cells many times; a Figure is frozen
def parse_figure(text: str) -> Optional[Figure]:
    """Parse one table cell; None when it is not a figure at all."""
    t = without_mark(text.strip())
    t = t.replace(" ", "") if len(text) < 40 else t
    if not t:
        return None
    if t.lower().strip("$") in NIL_MARKS or t in ("$-", "$—", "(-)", "$(-)"):
        return Figure(None, 0, nil=True)
    m = _FIGURE.match(t)
    if not m:
        return None
    num, neg1, minus, neg2, pct = m.group(*_FIGURE_GROUPS)
    neg = bool(neg1) or bool(minus)
    if bool(neg1) != bool(neg2):
        return None  # half a parenthesis: the reader should have joined "(1,234" and ")"
    value = Decimal(num.replace(",", ""))
    decimals = len(num.split(".", 1)[1]) if "." in num else 0
    return Figure(-value if neg else value, decimals, percent=bool(pct))


def scaled(fig: Figure, power: int) -> tuple[Optional[Decimal], int]:
    """Value and decimals after multiplying by 10^power."""
    if fig.value is None:
        return Decimal(0), -power if power else 0
    return fig.value.scaleb(power), fig.decimals - power


def is_year(text: str) -> bool:
    t = text.strip()
    return len(t) == 4 and t.isdigit() and 1950 <= int(t) <= 2100
