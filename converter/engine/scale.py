"""Scale notes: "(in thousands, except per share amounts)", "$ in millions", "(Dollars in thousands)".

Money is scaled by the note; share counts too unless the note excepts them ("except share and per share
data") or names the money it scales ("U.S. dollars in thousands"); per-share amounts never.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

import regex
from ..rulebook.regex_code import kept_re, kept_regex
from ..dataclass_code import dataclass

# a currency named before the word: "(in USD thousands)", "(€ millions)", "(in EUR thousands)"
_MONEY = r"(?:USD|US\$|EUR|€|£|GBP|CAD|C\$|CA\$|RMB|CNY|¥|JPY|NT\$|HK\$|A\$|AUD|CHF|INR|₹)"
_NOTE = kept_regex(
    rf"""(?:\bin\s+|\(|\$\s*|\bdollars\s+in\s+|\bamounts\s+in\s+|\bUS\$\s*|;\s*)
        (?P<money>{_MONEY}\s*)?(?P<word>thousands|millions|billions)\b(?P<rest>[^)\n]{{0,80}})""", regex.I | regex.X)
# (an apostrophe may be printed curly: "Amounts in 000’s"); "(£000)", "(EUR 000)", "(in TEUR)"
_ZEROS = kept_regex(rf"\(\s*(?:\$\s*|{_MONEY}\s*)?0{{3}}(?:['’]?s)?\s*(?:omitted)?\s*(?P<rest>[,;][^)\n]{{0,80}})?\)"
                    r"|\$000s?\b|\(000s?\)|\b(?:in\s+)?(?:TEUR|kEUR|T€|k€)\b"
                    r"|\bin\s+\$?\s*000['’]?s\b(?P<tail>[^)\n]{0,80})", regex.I)
# a header cell that is a note alone, its currency first and its word in the singular or cut short: "EUR
# thousand", "USD millions", "£m", "$bn" (European and British reports head their label or figure columns so)
_CELL_NOTE = kept_regex(rf"^\s*\(?\s*(?P<money>{_MONEY}|\$)\s*(?P<word>(?:thousand|million|billion)s?|m|mn|bn)\s*\)?\s*$",
                        regex.I)
# a note in parentheses that names its currency, then its word in the singular or cut short: "(€ million)",
# "(US$ million, except per share data)", "(in EUR million)", "(£m)"
_CURRENCY_NOTE = kept_regex(rf"\(\s*(?:in\s+)?(?P<money>{_MONEY}|\$)\s*(?P<word>thousand|million|billion|m|mn|bn)\b"
                            r"(?P<rest>\s*[,;][^)\n]{0,80})?\s*\)", regex.I)
POWER = {"thousands": 3, "millions": 6, "billions": 9}
_SHORT = {word[:-1]: power for word, power in POWER.items()} | {"m": 6, "mn": 6, "bn": 9}
# every note holds one of these
_HINT = kept_re(rf"000|thousand|million|billion|TEUR|kEUR|T€|k€|(?:{_MONEY}|\$)\s*(?:m|mn|bn)\b", re.I)


@dataclass(frozen=True)
class Scale:
    power: int = 0              # money is printed in 10^power
    shares_power: int = 0       # share counts are printed in 10^shares_power
    note: str = ""

    def for_unit(self, unit: str) -> int:
        if unit == "USD/shares" or unit == "pure":
            return 0
        if unit == "shares":
            return self.shares_power
        return self.power


# A row's or its heading's own note: "Average common shares outstanding (millions)", "Diluted shares (in
# thousands)". Only a note that closes right after its word: "(in millions, except per share data)" is a
# table's note, read by find_scale.
_ROW_NOTE = kept_regex(r"\((?:\$\s*|shares\s+)?(?:in\s+)?(?P<word>thousands|millions|billions)\)", regex.I)


def row_power(texts: Iterable[str]) -> Optional[int]:
    """The power of ten a row's own note gives (the label first, then its headings, nearest first), or None."""
    for t in texts:
        m = _ROW_NOTE.search(t)
        if m:
            return POWER[m["word"].lower()]
    return None


def _shares_excepted(rest: str) -> bool:
    return bool(_SHARES_EXCEPTED.search(rest))


_SHARES_EXCEPTED = kept_regex(
    r"except\s+(?:for\s+)?(?:number\s+of\s+)?shares?\b|shares?\s+(?:and|&)\s+per|(?<!per[\s-])share\s+(?:data|amounts|counts?)")


# "Employees (in thousands)": a line's own note on what it counts, after the words that name the line
_LABELS_OWN = kept_regex(r"^\s*[A-Za-z][^()]*?\(\s*(?:in\s+)?(?:thousands|millions|billions)\s*\)\s*$", regex.I)


def find_scale(texts: Iterable[str]) -> Optional[Scale]:
    """The first scale note among the texts, or None. Words with a note of their own ("Employees (in
    thousands)", a row a reader left among a table's title lines) give way to a note that stands alone
    ("(In Millions, Except Par Value)")."""
    texts = list(texts)
    hinted = [t for t in texts if _HINT.search(t)]
    if not hinted:   # no text names a scale (most paragraphs): nothing for _first_note to find either
        return None
    alone = [t for t in hinted if not _LABELS_OWN.match(t)]
    found = _first_note(alone) if len(alone) < len(hinted) else None
    return found or _first_note(texts)


def _short_power(word: str) -> int:
    """The power of ten of a note's word in the singular or cut short ("million", "Millions", "m", "bn")."""
    w = word.lower()
    return _SHORT[w[:-1] if w.endswith("s") and len(w) > 3 else w]


def _first_note(texts: Iterable[str]) -> Optional[Scale]:
    for t in texts:
        if not _HINT.search(t):   # most texts name no scale: one cheap look before the two patterns
            continue
        cell = _CELL_NOTE.match(t)
        if cell:
            power = _short_power(cell["word"])
            return Scale(power, power, cell.group(0).strip())
        named = _CURRENCY_NOTE.search(t)
        if named:
            power = _short_power(named["word"])
            return Scale(power, 0 if _shares_excepted((named["rest"] or "").lower()) else power, named.group(0))
        m = _NOTE.search(t)
        if m:
            power = POWER[m["word"].lower()]
            rest = m["rest"].lower()
            shares_excepted = _shares_excepted(rest)
            shares = regex.search(r"shares?(?:\s+amounts)?\s+(?:which\s+are\s+)?(?:reflected\s+|presented\s+|shown\s+|are\s+)?"
                                  r"in\s+(?P<w>thousands|millions|billions)", rest)
            if shares:
                return Scale(power, POWER[shares["w"]], m.group(0))
            # "U.S. dollars in thousands", "in thousands of dollars": the note names the money it scales
            dollars_only = m.group(0).lower().startswith("dollars") or bool(
                regex.match(r"\s*of\s+(?:u\.?\s?s\.?\s+)?dollars\b", rest))
            return Scale(power, 0 if shares_excepted or dollars_only else power, m.group(0))
        z = _ZEROS.search(t)
        if z:   # "($000's omitted, except per share data)", "Amounts in 000's, except per share"
            rest = (z["rest"] or z["tail"] or "").lower()
            return Scale(3, 0 if _shares_excepted(rest) else 3, z.group(0))
    return None
