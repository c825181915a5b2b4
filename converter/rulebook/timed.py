"""Every pattern a rule file supplies runs here, under one time limit: row labels, sentence wordings,
section and table conditions, `not_after`, `skip_sections` and an issuer's `detect`. A pattern that
backtracks catastrophically is reported with its file, line and rule instead of hanging a batch.

When the limit is hit, the message names the real cause: a pattern that also runs out of time on a short
piece of the text is the rule's fault (catastrophic backtracking); one that does not is slow only because
the text is long, and the message names the text's size instead.
"""
from __future__ import annotations


from .errors import RuleError
from .lazy import LazyPattern
from ..dataclass_code import dataclass

# Seconds a pattern gets per label, heading, table context or sentence.
MATCH_TIMEOUT = 1.0
_PROBE = 2000   # characters a timed-out pattern is tried on again, to tell its fault from the text's length


@dataclass(frozen=True)
class Owner:
    """Where a pattern that belongs to no rule came from (`skip_sections`, an issuer's `detect`)."""
    id: str
    file: str = ""
    line: int = 0
    what: str = ""      # how messages name it ("skip_sections pattern"); a rule's id otherwise


def _name(owner) -> str:
    where = f"{owner.file}:{owner.line}: " if getattr(owner, "file", "") else ""
    # an Owner says how to name it; a rule is named by its id (an ignore rule's own `what` is its kind)
    what = (owner.what if isinstance(owner, Owner) else "") or f"rule '{owner.id}'"
    return f"{where}{what}"


class TextTooLong(RuleError):
    """A pattern ran out of time only because the text is long: the input's fault, not the rule's (the
    conversion names the input)."""


def _timed_out(owner, pattern, text: str, run) -> RuleError:
    shown = text if len(text) <= 60 else text[:57] + "..."
    if len(text) > _PROBE:
        try:
            run(text[:_PROBE], MATCH_TIMEOUT)
        except TimeoutError:
            pass
        else:
            return TextTooLong(f"a text of {len(text) / 1e6:.1f} MB ({shown!r}) is too long to read: "
                               f"{_name(owner)}'s pattern took over {MATCH_TIMEOUT:g} s on it, but not on a "
                               f"short piece of it; a release's labels and sentences are far shorter")
    return RuleError(f"{_name(owner)}: pattern {pattern.pattern!r} took over {MATCH_TIMEOUT:g} s on {shown!r} "
                     f"(catastrophic backtracking?); rewrite it")


# The time limit is passed by position, after the defaults of regex's (pos, endpos, [overlapped,] concurrent,
# partial): by keyword, regex's argument parsing costs as much as a short label's match (~0.4 us a call).
# A rule's LazyPattern, once compiled, is passed over for the pattern it holds: its forwarding call cost
# half again as much as a short label's match.

def fullmatch(owner, pattern, text: str):
    run = (pattern._compiled or pattern) if type(pattern) is LazyPattern else pattern
    try:
        return run.fullmatch(text, None, None, None, False, MATCH_TIMEOUT)
    except TimeoutError:
        raise _timed_out(owner, pattern, text, lambda t, s: pattern.fullmatch(t, timeout=s)) from None


def search(owner, pattern, text: str, pos: int = 0, endpos: int | None = None):
    end = len(text) if endpos is None else endpos
    run = (pattern._compiled or pattern) if type(pattern) is LazyPattern else pattern
    try:
        return run.search(text, pos, end, None, False, MATCH_TIMEOUT)
    except TimeoutError:
        raise _timed_out(owner, pattern, text[pos:end], lambda t, s: pattern.search(t, timeout=s)) from None


def finditer(owner, pattern, text: str) -> list:
    run = (pattern._compiled or pattern) if type(pattern) is LazyPattern else pattern
    try:
        return list(run.finditer(text, None, None, False, None, False, MATCH_TIMEOUT))
    except TimeoutError:
        raise _timed_out(owner, pattern, text, lambda t, s: list(pattern.finditer(t, timeout=s))) from None
