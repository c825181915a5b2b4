"""A literal index over rule patterns: which patterns can possibly match a text, found with a few dict
look-ups instead of running every pattern.

Most rule patterns must contain some literal text ("revenues?" needs "revenue", "(?:net )?cash used in"
needs "cash used in"). `key_options` reads that from the pattern; the index files the pattern under a rare
trigram of it, and `candidates(text)` returns the patterns filed under the text's trigrams plus the patterns
with no usable literal. Skipping the others never changes a result: a pattern whose required literal is
absent from the text cannot match it.

Why this is exact under the rule flags (IGNORECASE with full case folding): a literal character is kept only
when it is ASCII, and every character that matches an ASCII letter case-insensitively has that letter in its
`str.casefold()` (checked over all of Unicode when this was written), so the literal is a substring of the
casefolded text whenever the pattern matches. One exception: `regex` matches "İ" (U+0130) with "i", and
casefold spells it "i\u0307"; the literal checks read the text through `fold`, which allows for it (the
trigram filing reads plain casefold, as it always has). tests/test_property.py checks the index against
random patterns and texts.

Only a plain subset of the syntax is read: literals, escaped punctuation, `\\s \\d \\w \\b` and their
negations, `.`, `^`, `$`, simple character classes, `(...)`, `(?:...)`, `|` and the quantifiers `? * + {m,n}`
(lazy or possessive); look-arounds are skipped over. Anything else (inline flags, fuzzy matching, nested
sets, back-references, ...) makes the pattern "unindexed": it is tried on every text, as before.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from functools import lru_cache
from typing import Generic, Optional, Sequence, TypeVar

T = TypeVar("T")

_CLASS_ESCAPES = frozenset("sSdDwW")
_ZERO_WIDTH_ESCAPES = frozenset("bB")
_SPECIAL = frozenset("\\()|?*+{}[].^$")


class _Unsupported(Exception):
    pass


# A parsed pattern: a list of alternatives; an alternative is a list of atoms (kind, value, min_repeats).
#   kind "lit": value is one lower-case ASCII character; "group": value is a parsed pattern; "other": none.

def _parse(pattern: str):
    pos = 0

    def alternatives(depth: int):
        nonlocal pos
        alts = [[]]
        while pos < len(pattern):
            c = pattern[pos]
            if c == ")":
                if depth == 0:
                    raise _Unsupported
                return alts
            if c == "|":
                pos += 1
                alts.append([])
                continue
            atom = single()
            alts[-1].append(quantified(atom))
        if depth:
            raise _Unsupported
        return alts

    def single():
        nonlocal pos
        c = pattern[pos]
        if c == "(":
            look = next((a for a in ("(?=", "(?!", "(?<=", "(?<!") if pattern.startswith(a, pos)), None)
            if look:  # a look-around consumes nothing and requires nothing here; read it to skip it
                pos += len(look)
                alternatives(1)
                pos += 1
                return ["other", None, 1]
            if pattern.startswith("(?:", pos):
                pos += 3
            elif pattern.startswith("(?", pos):
                raise _Unsupported  # inline flags, look-arounds, named groups, ...
            else:
                pos += 1
            inner = alternatives(1)
            pos += 1  # ")"
            return ["group", inner, 1]
        if c == "[":
            end = _class_end(pattern, pos)
            pos = end + 1
            return ["other", None, 1]
        if c == "\\":
            if pos + 1 >= len(pattern):
                raise _Unsupported
            e = pattern[pos + 1]
            pos += 2
            if e in _CLASS_ESCAPES or e in _ZERO_WIDTH_ESCAPES:
                return ["other", None, 1]
            if e.isascii() and not e.isalnum() and e.isprintable():
                return ["lit", e.lower(), 1]
            raise _Unsupported  # \p, \N, \x, back-references, \G, \K, ...
        if c in ".^$":
            pos += 1
            return ["other", None, 1]
        if c in _SPECIAL:
            raise _Unsupported  # a stray quantifier, "{" or "}" (fuzzy constraints in `regex`)
        pos += 1
        if c.isascii() and c.isprintable():
            return ["lit", c.lower(), 1]
        return ["other", None, 1]

    def quantified(atom):
        nonlocal pos
        if pos >= len(pattern):
            return atom
        c = pattern[pos]
        if c in "?*+":
            pos += 1
            low = 1 if c == "+" else 0
        elif c == "{":
            end = pattern.find("}", pos)
            body = pattern[pos + 1:end] if end > 0 else ""
            low_text, _, high_text = body.partition(",")
            if end < 0 or not (low_text.isdigit() or low_text == "") or not (high_text.isdigit() or high_text == "") \
                    or body == "" or body == ",":
                raise _Unsupported
            pos = end + 1
            low = int(low_text or 0)
        else:
            return atom
        if pos < len(pattern) and pattern[pos] in "?+":
            pos += 1  # lazy or possessive: same minimum
        if pos < len(pattern) and pattern[pos] in "?*+{":
            raise _Unsupported
        kind, value, _ = atom
        if low == 0:
            return ["other" if kind == "lit" else kind, value, 0]
        # a repeated literal is required once, but what follows it is not adjacent to it
        return [kind, value, "repeat" if kind == "lit" else 1]

    return alternatives(0)


def _class_end(pattern: str, start: int) -> int:
    """The index of the "]" closing the class at `start`; nested sets and set operations are refused."""
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[" or pattern.startswith(("--", "&&", "||", "~~"), i):
            raise _Unsupported
        if c == "]":
            return i
        i += 1
    raise _Unsupported


def _alternative_keys(atoms) -> list[frozenset[str]]:
    """Every set of literals one of which any match of this alternative must contain."""
    keys: list[frozenset[str]] = []
    run = ""
    for kind, value, low in atoms:
        if kind == "lit" and low:
            run += value
            if low == "repeat":
                keys.append(frozenset([run]))
                run = ""
            continue
        if run:
            keys.append(frozenset([run]))
            run = ""
        if kind == "group" and low:
            inner = _alternation_key(value)
            if inner:
                keys.append(inner)
    if run:
        keys.append(frozenset([run]))
    return keys


def _alternation_key(alts) -> Optional[frozenset[str]]:
    """One literal per alternative (the best of each), or None when some alternative has none."""
    out: set[str] = set()
    for atoms in alts:
        best = _best([k for k in _alternative_keys(atoms) if all(len(s) >= 3 for s in k)])
        if best is None:
            return None
        out |= best
    return frozenset(out)


def _best(keys: list[frozenset[str]]) -> Optional[frozenset[str]]:
    """Prefer one long literal over several alternatives, and a longer shortest literal."""
    if not keys:
        return None
    return max(keys, key=lambda k: (min(len(s) for s in k), -len(k), sorted(k)))


@lru_cache(maxsize=None)
def key_options(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of literals (lower case, at least 3 characters), each such that any text the pattern matches
    contains one of its literals, ignoring case; empty when the pattern is outside the subset read here or
    requires no literal."""
    try:
        alts = _parse(pattern)
    except (_Unsupported, IndexError, ValueError):
        return ()
    if len(alts) == 1:
        keys = [k for k in _alternative_keys(alts[0]) if all(len(s) >= 3 for s in k)]
    else:
        keys = [k for k in [_alternation_key(alts)] if k]
    return tuple(sorted(set(keys), key=lambda k: sorted(k)))


def _keys(p) -> tuple[frozenset[str], ...]:
    """A pattern's key options: worked out already when the pattern comes from the rulebook cache."""
    keys = getattr(p, "keys", None)
    return key_options(p.pattern) if keys is None else keys


def _grams(lit: str) -> list[str]:
    return [lit[k:k + 3] for k in range(len(lit) - 2)]


def _filing(patterns: list) -> tuple[dict[str, list[int]], list[int]]:
    """Where each pattern is filed (trigram -> pattern numbers) and the patterns filed nowhere (tried on
    every text). It depends on the pattern texts alone, so it is kept in the rulebook cache (cache.py)."""
    from . import cache
    digest = hashlib.sha256("\0".join(p.pattern for p in patterns).encode()).hexdigest()
    name, key = f"index-{digest[:32]}", cache.key_of("index", digest)
    found = cache.load(name, key)
    if found is None:
        found = _file(patterns)
        cache.store(name, key, found)
    return found


def _file(patterns: list) -> tuple[dict[str, list[int]], list[int]]:
    # Each pattern is filed under one of its key options, the one whose literals' trigrams are rarest
    # among all the patterns: few patterns then share a trigram, and a text calls up few of them.
    keys = [_keys(p) for p in patterns]
    counts: Counter = Counter()
    for options in keys:
        for lit in {lit for option in options for lit in option}:
            counts.update(set(_grams(lit)))

    def rarest(lit: str) -> str:
        return min(_grams(lit), key=lambda g: (counts[g], g))

    by_trigram: dict[str, list[int]] = {}
    always: list[int] = []
    for n, options in enumerate(keys):
        if not options:
            always.append(n)
            continue
        option = min(options, key=lambda o: (sum(counts[rarest(lit)] for lit in o), sorted(o)))
        for gram in sorted({rarest(lit) for lit in option}):
            by_trigram.setdefault(gram, []).append(n)
    return by_trigram, always


class PatternIndex(Generic[T]):
    """Items (rules) with their patterns, in a fixed order; `candidates(text)` lists, in that order, the
    (item, pattern) pairs that may match `text`."""

    def __init__(self, entries: Sequence[tuple[T, Sequence]]):
        self.entries = list(entries)
        flat = [(i, p) for i, (_item, patterns) in enumerate(self.entries) for p in patterns]
        self.pairs: list[tuple[int, object]] = flat
        self.by_trigram, self.always = _filing([p for _i, p in flat])
        self.unindexed = len(self.always)
        self._keys = frozenset(self.by_trigram)
        self._gram_list = tuple(sorted(self.by_trigram))
        self._resolved = [(self.entries[i][0], p) for i, p in self.pairs]
        # every key option of each pattern, as tuples: a pattern is filed under one trigram of one option,
        # but a text lacking any option's literals cannot match it either (about two in three of the
        # patterns a trigram calls up), and a substring test costs far less than running the pattern
        self._options = [tuple(tuple(sorted(option)) for option in _keys(p)) for _i, p in flat]

    def candidates(self, text: str) -> list[tuple[T, object]]:
        """The text is folded once; its trigrams are listed, not made a set (the filed trigrams are one), and
        the literal checks run inline: half what a cached frozenset of trigrams and a call of _contains_keys
        per pattern cost (tests/test_fast_scans.py compares it with that plain lookup)."""
        found = set(self.always)
        folded = text.casefold()
        if 2 * len(self._gram_list) < len(folded):
            # few trigrams filed (a phrase index: about 60) and a long text (a sentence): looking each up in
            # the text costs less than listing the text's trigrams; the same trigrams are found either way
            present = [g for g in self._gram_list if g in folded]
        else:
            present = self._keys.intersection([folded[i:i + 3] for i in range(len(folded) - 2)])
        by_trigram = self.by_trigram
        for g in present:
            found.update(by_trigram[g])
        read = folded.replace("i\u0307", "i") if "\u0307" in folded else folded   # fold(text)
        resolved, options, out = self._resolved, self._options, []
        for n in sorted(found):
            for option in options[n]:   # _contains_keys(read, options[n]), inline
                for lit in option:
                    if lit in read:
                        break
                else:
                    break
            else:
                out.append(resolved[n])
        return out


def fold(text: str) -> str:
    """The text as the literal checks below read it: casefolded, with "i\u0307" read as "i". `regex` matches
    "İ" (U+0130) with "i" ignoring case, where casefold spells it "i\u0307": without this, "anticipat"
    would not be found in the fold of "ANTİCIPATE", which the pattern matches. No character matching an
    ASCII literal is a lone U+0307, so dropping it after an "i" hides no literal a pattern matched."""
    folded = text.casefold()
    return folded.replace("i\u0307", "i") if "\u0307" in folded else folded


def may_match(pattern, folded: str) -> bool:
    """False when `pattern` cannot match (search or fullmatch) in a text `folded` is the fold() of:
    for each of its top-level alternatives, the text lacks every literal of one set that alternative needs.
    Checking costs far less than running a pattern with full case folding, and a long text is folded once
    for all the patterns tried on it. Only for patterns read as written (no VERBOSE flag: its ignored spaces
    would be read as literals)."""
    needs = _needs(pattern.pattern)
    return needs is None or any(_contains_keys(folded, sets) for sets in needs)


@lru_cache(maxsize=None)
def _needs(pattern: str) -> Optional[tuple[tuple[frozenset[str], ...], ...]]:
    """Per top-level alternative, every set of literals one of which a match of it contains (all of them,
    not only the one the index files it under); None outside the subset read here. As in the index, only
    literals of three characters or more count: a pattern that needs no more than a letter or two ("Z") is
    always run, so the time limit still stops one that backtracks catastrophically on any text."""
    try:
        return tuple(tuple(k for k in _alternative_keys(atoms) if all(len(lit) >= 3 for lit in k))
                     for atoms in _parse(pattern))
    except (_Unsupported, IndexError, ValueError):
        return None


def _contains_keys(folded: str, options) -> bool:
    """Whether the folded text holds one literal of every key option (no options: it may match)."""
    for option in options:
        for lit in option:
            if lit in folded:
                break
        else:
            return False
    return True
