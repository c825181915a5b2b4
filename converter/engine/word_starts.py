"""A case-insensitive engine pattern searched in a long text only where its match can begin.

A `regex` pattern compiled with IGNORECASE tries every position of a text, some 20 ns a character (a
release's calendar searches cost a third of a millisecond each). When every match of it begins with one of
a few words, the places those words stand are found in the lower-cased text for a tenth of that, and the
pattern is tried there alone: the first place it matches is where `search` would have found it, and the
match is the same (look-behinds and word boundaries still see the text before the place).

Why the places are all found: with simple case folding (IGNORECASE without FULLCASE), the only characters
beyond ASCII that match an ASCII letter are "İ" (as "i"), "ſ" (as "s") and the Kelvin sign (as "k"; it
lower-cases to "k"), checked over all of Unicode. A text holding "İ" (lower-cased to two characters, so
positions drift) or "ſ" (lower-cased to itself) is searched as before.
"""
from __future__ import annotations

from typing import Optional

import regex

_UNSPELT = ("\u0130", "\u017f")


def search_at_words(pattern: regex.Pattern, text: str, lower: str, words: tuple[str, ...]) -> Optional[regex.Match]:
    """`pattern.search(text)`, for a pattern each of whose matches begins with one of `words` (lower-case
    ASCII); `lower` is `text.lower()`."""
    if pattern.flags & regex.FULLCASE or len(lower) != len(text) or any(c in text for c in _UNSPELT):
        return pattern.search(text)
    starts = []
    for word in words:
        at = lower.find(word)
        while at >= 0:
            starts.append(at)
            at = lower.find(word, at + 1)
    for at in sorted(starts):
        m = pattern.match(text, at)
        if m is not None:
            return m
    return None
