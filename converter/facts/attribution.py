"""A release with a noncontrolling interest prints the parent's figures attributed ("Net income attributable
to Acme", "Total Acme shareholders' equity") and the whole plain ("Net income", "Total equity"). Where the
reader kept a plain line or sentence but nothing attributed beside it to tell which it is (a table split by a
PDF reader's reading order, a statement cut short, a sentence alone), it may be the consolidated total: it is
withheld rather than written as the parent's (facts/consolidated.py tells the two apart when both are read)."""
from __future__ import annotations

import regex

from ..model import Fact, Finding
from ..engine.word_starts import search_at_words
from ..rulebook.index import fold, may_match
from ..rulebook.regex_code import kept_regex
from .merge import consistent

_ATTRIBUTED = kept_regex(r"\b(?:attributable|available|applicable|allocable) to\b", regex.I)
# a sentence's net income attributed, right after it, to someone other than the minority
_SAID_WHOSE = kept_regex(r"\bnet\s+(?:income|loss|earnings)\b[^.$]{0,40}?\b(?:attributable|available|applicable|allocable)\s+"
                         r"to\s+(?!(?:the\s+)?(?:non-?controlling|minority))", regex.I)
# concept -> (what the text prints when the concept has a noncontrolling share, whether a plain table line is
# doubted too: not a balance sheet's, whose own lines say it with their "Total equity"; the words each match
# of the pattern begins with, where alone the text is searched: engine/word_starts.py)
PLAIN = {
    "us-gaap:NetIncomeLoss": (
        # (a label wrapped in fixed-width text breaks it anywhere, its figures between the lines)
        kept_regex(r"(?:net\s+)?(?:income|earnings|loss)[^|.]{0,40}?attributable\s+to[\s\d().,$—–-]*?(?:the\s+)?"
                   r"(?:non-?controlling|minority)\s+interests?"
                   r"|(?:non-?controlling|minority) interests?['’]? (?:share|portion) of (?:net )?(?:income|earnings)",
                   regex.I),
        True, ("net", "income", "earnings", "loss", "non", "minority")),
    "us-gaap:StockholdersEquity": (kept_regex(r"\b(?:non-?controlling|minority) interests?\b", regex.I), False,
                                   ("non", "minority")),
}


def unattributed_totals(facts: list[Fact], text: str) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """The facts less the plain lines and sentences of net income and equity that no attributed reading of
    the same period agrees with, in a release that prints a noncontrolling interest's share of them."""
    doubtful: dict[int, str] = {}
    folded = lower = ""   # the text folded (index.fold) and lower-cased, when a search needs them
    for concept, (share, tables_too, starts) in PLAIN.items():
        plain, others = [], {}
        for f in facts:
            if f.concept != concept or f.dims:
                continue
            if f.provenance and f.category in ("table", "narrative") and _plain(f, tables_too):
                plain.append(f)
            else:
                others.setdefault(f.period, []).append(f)
        alone = [f for f in plain if not any(consistent(f, g) for g in others.get(f.period, ()))]
        if not alone:
            continue
        # the whole text is searched last, and only for a plain reading left alone: that search costs most,
        # and the literals it needs are looked for first
        folded = folded or fold(text)
        if not may_match(share, folded):
            continue
        lower = lower or text.lower()
        if search_at_words(share, text, lower, starts):
            doubtful.update((id(f), concept) for f in alone)
    if not doubtful:
        return facts, [], []
    kept = [f for f in facts if id(f) not in doubtful]
    withheld = [(f, _why(f.concept)) for f in facts if id(f) in doubtful]
    findings = []
    for concept in sorted({c for c in doubtful.values()}):
        mine = [f for f, _w in withheld if f.concept == concept]
        periods = ", ".join(sorted({str(f.period) for f in mine}))
        findings.append(Finding("warning", "withheld", f"{concept} of {periods} is not written: "
                                                       f"{_why(concept)[len('withheld: '):]}", tuple(mine)))
    return kept, withheld, findings


def _plain(f: Fact, tables_too: bool) -> bool:
    """A sentence, or a table line when `tables_too`, that does not attribute its figure to anyone."""
    if f.category == "narrative":   # "of which $2.0 million was attributable to noncontrolling interests" is the
        return not _SAID_WHOSE.search(f.provenance.source_text)   # minority's share, no word on whose the rest is
    return tables_too and not _ATTRIBUTED.search(f.provenance.source_text.split(" | ")[0])


def _why(concept: str) -> str:
    what = "net income" if concept.endswith("NetIncomeLoss") else "equity"
    return (f"withheld: plain {what} in a release that prints a noncontrolling interest's share of it, with no "
            f"reading attributed to the company to say whether it is the company's or the consolidated total")
