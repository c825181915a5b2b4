"""A rule pattern that compiles on first use. A release calls up a few dozen of the rule files' ~1,000
patterns (rulebook/index.py finds which), and compiling one with full case folding costs about a
millisecond: compiling them all up front was most of a command's start. Pickles as its text, so the
rulebook cache (rulebook/cache.py) stores no compiled program."""
from __future__ import annotations


class LazyPattern:
    """Stands in for a `regex.Pattern` compiled with the rules' flags (see loader.compiled_regex)."""
    __slots__ = ("pattern", "_compiled")

    def __init__(self, pattern: str):
        self.pattern = pattern
        self._compiled = None

    def compiled(self):
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
        return LazyPattern, (self.pattern,)

    def __eq__(self, other):
        return isinstance(other, LazyPattern) and other.pattern == self.pattern

    def __hash__(self):
        return hash(self.pattern)

    def __repr__(self):
        return f"LazyPattern({self.pattern!r})"
