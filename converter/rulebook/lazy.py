"""A rule pattern that compiles on first use. A release calls up about 160 of the rule files' ~1,000
patterns (rulebook/index.py finds which), and compiling one with full case folding costs about a
millisecond: compiling them all up front was most of a command's start. It pickles as its text, the
program regex compiled it to (regex_code.py: rebuilt in microseconds) and its literal keys (index.py), so
the rulebook cache (cache.py) hands a run patterns that cost nothing until used and little then."""
from __future__ import annotations

from typing import Optional


class LazyPattern:
    """Stands in for a `regex.Pattern` compiled with the rules' flags (see loader.compiled_regex)."""
    __slots__ = ("pattern", "code", "keys", "_compiled")

    def __init__(self, pattern: str, code: Optional[tuple] = None, keys: Optional[tuple] = None):
        self.pattern = pattern
        self.code = code        # regex's program for it (regex_code.py), when it was recorded
        self.keys = keys        # index.key_options(pattern), when worked out
        self._compiled = None

    def compiled(self):
        if self._compiled is None:
            from .regex_code import from_code
            self._compiled = from_code(self.code) if self.code is not None else None
            if self._compiled is None:
                from .loader import compiled_regex
                self._compiled = compiled_regex(self.pattern)
        return self._compiled

    def search(self, *args, **kwargs):
        return (self._compiled or self.compiled()).search(*args, **kwargs)

    def fullmatch(self, *args, **kwargs):
        return (self._compiled or self.compiled()).fullmatch(*args, **kwargs)

    def match(self, *args, **kwargs):
        return (self._compiled or self.compiled()).match(*args, **kwargs)

    def finditer(self, *args, **kwargs):
        return (self._compiled or self.compiled()).finditer(*args, **kwargs)

    def __getattr__(self, name):   # flags, groupindex, sub, ...: whatever the compiled pattern has
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self):
        return LazyPattern, (self.pattern, self.code, self.keys)

    def __eq__(self, other):
        return isinstance(other, LazyPattern) and other.pattern == self.pattern

    def __hash__(self):
        return hash(self.pattern)

    def __repr__(self):
        return f"LazyPattern({self.pattern!r})"
