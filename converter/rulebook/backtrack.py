"""Patterns that can backtrack catastrophically: a rule author's regex runs against every row label and
sentence of every release, so one `(\\w+\\s?)+$` can hang a batch.

Two looks. `catastrophic_reason` reads the pattern's structure (Python's own regex parser, which reads
everything our rule files use) and names an unbounded repeat whose body can match the same text in more
than one way: a nested quantifier like `(a+)+` or `(.*)*`, or alternatives like `(a|aa)+`. It is cheap, so
the loader runs it on every load. `times_out` runs the pattern against strings built to make a
backtracking engine explode, with the `regex` module's timeout; `xbrlify rules check` runs it too.
"""
from __future__ import annotations

import string
from typing import Optional

import regex

try:  # Python 3.11+: the parser moved; it reads the same syntax
    import re._parser as sre_parse  # type: ignore[import-not-found]
    from re._constants import MAXREPEAT  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]
    from sre_constants import MAXREPEAT  # type: ignore[no-redef]

ALPHABET = frozenset(string.printable + "’‘“”–—•é")
REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _op(name) -> str:
    return str(name)


def _chars(op, av) -> frozenset:
    """The characters (of a sample alphabet) one single-character node matches, case-insensitively."""
    op = _op(op)
    if op == "LITERAL":
        c = chr(av)
        return frozenset({c, c.lower(), c.upper()}) & ALPHABET or frozenset({c})
    if op == "NOT_LITERAL":
        c = chr(av)
        return ALPHABET - {c, c.lower(), c.upper()}
    if op == "ANY":
        return ALPHABET - {"\n"}
    if op == "IN":
        out: set = set()
        negate = False
        for sop, sav in av:
            sop = _op(sop)
            if sop == "NEGATE":
                negate = True
            elif sop == "LITERAL":
                out |= {chr(sav), chr(sav).lower(), chr(sav).upper()}
            elif sop == "RANGE":
                lo, hi = sav
                out |= {c for c in ALPHABET if lo <= ord(c) <= hi or lo <= ord(c.lower()) <= hi
                        or lo <= ord(c.upper()) <= hi}
            elif sop == "CATEGORY":
                out |= _category(str(sav))
        out &= ALPHABET
        return frozenset(ALPHABET - out if negate else out)
    return frozenset()


def _category(name: str) -> set:
    base = {"DIGIT": set(string.digits), "SPACE": set(" \t\n\r\f\v"),
            "WORD": set(string.ascii_letters + string.digits + "_é")}
    for key, chars in base.items():
        if name.endswith("NOT_" + key):
            return set(ALPHABET) - chars
        if name.endswith(key):
            return chars
    return set(ALPHABET)


def _first(seq) -> tuple[frozenset, bool]:
    """Characters a sequence can start with, and whether it can match the empty string."""
    first: set = set()
    for op, av in seq:
        op = _op(op)
        if op in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if op in REPEATS:
            lo, _hi, body = av
            f, empty = _first(body)
            first |= f
            if lo > 0 and not empty:
                return frozenset(first), False
            continue
        if op == "SUBPATTERN":
            f, empty = _first(av[-1])
            first |= f
            if not empty:
                return frozenset(first), False
            continue
        if op == "BRANCH":
            empty_any = False
            for alt in av[1]:
                f, empty = _first(alt)
                first |= f
                empty_any |= empty
            if not empty_any:
                return frozenset(first), False
            continue
        if op in ("GROUPREF", "GROUPREF_EXISTS"):
            return frozenset(ALPHABET), True
        chars = _chars(op, av)
        return frozenset(first | chars), False
    return frozenset(first), True


def _all_chars(seq) -> frozenset:
    out: set = set()
    for op, av in seq:
        op = _op(op)
        if op in REPEATS:
            out |= _all_chars(av[2])
        elif op == "SUBPATTERN":
            out |= _all_chars(av[-1])
        elif op == "BRANCH":
            for alt in av[1]:
                out |= _all_chars(alt)
        elif op not in ("AT", "ASSERT", "ASSERT_NOT"):
            out |= _chars(op, av)
    return frozenset(out)


def _literal(seq) -> Optional[str]:
    out = []
    for op, av in seq:
        if _op(op) != "LITERAL":
            return None
        out.append(chr(av).lower())
    return "".join(out)


def _ambiguous_body(body) -> Optional[str]:
    """Why an unboundedly repeated body can split one text into iterations in many ways, or None."""
    # (a+)+, (.*)*, (\w+\s?)+: an inner unbounded repeat, and everything else in the body optional or made
    # of characters the inner repeat also matches, so one run of text divides among iterations at will.
    for i, (op, av) in enumerate(body):
        inner = _unbounded_inside(op, av)
        if inner is None:
            continue
        rest = list(body[:i]) + list(body[i + 1:])
        _f, rest_empty = _first(rest)
        rest_chars = _all_chars(rest)
        if rest_empty or rest_chars <= inner:
            return "a repeat inside a repeat can match the same text in many ways (like (a+)+)"
    for op, av in body:  # (a|aa)+, (a|a)*: alternatives where one is the other repeated
        if _op(op) == "SUBPATTERN":
            why = _ambiguous_body(av[-1])
            if why:
                return why
        if _op(op) == "BRANCH":
            lits = [_literal(alt) for alt in av[1]]
            lits = [x for x in lits if x]
            for a in lits:
                for b in lits:
                    if a is not b and len(b) % len(a) == 0 and a * (len(b) // len(a)) == b:
                        return f"alternatives '{a}' and '{b}' overlap inside a repeat (like (a|aa)+)"
    return None


def _unbounded_inside(op, av) -> Optional[frozenset]:
    """The characters of an unbounded repeat at or under this node, if there is one."""
    op = _op(op)
    if op in REPEATS and av[1] == MAXREPEAT:
        return _all_chars(av[2]) or None
    if op == "SUBPATTERN":
        for sop, sav in av[-1]:
            found = _unbounded_inside(sop, sav)
            if found is not None:
                return found
    return None


def _walk(seq) -> Optional[str]:
    for op, av in seq:
        name = _op(op)
        if name in REPEATS:
            lo, hi, body = av
            if hi == MAXREPEAT or hi > 1:
                why = _ambiguous_body(list(body)) if hi == MAXREPEAT else None
                if why:
                    return why
            why = _walk(body)
            if why:
                return why
        elif name == "SUBPATTERN":
            why = _walk(av[-1])
            if why:
                return why
        elif name == "BRANCH":
            for alt in av[1]:
                why = _walk(alt)
                if why:
                    return why
        elif name in ("ASSERT", "ASSERT_NOT"):
            why = _walk(av[1])
            if why:
                return why
    return None


def catastrophic_reason(pattern: str) -> Optional[str]:
    """Why the pattern's structure invites catastrophic backtracking, or None. A pattern Python's parser
    cannot read (syntax only the `regex` module has) is left to `times_out`."""
    try:
        tree = sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - any syntax the stdlib parser lacks
        return None
    return _walk(list(tree))


def adversarial_inputs(pattern: str, size: int = 40) -> list[str]:
    """Long runs of what the pattern matches, ending in something it does not: the input that makes a
    backtracking engine try every way of splitting the run. The punctuation the pattern names is repeated
    too, between words ("a, a, a, ..." for `(?:.*?,){14}Z`), since a repeat may end at each one."""
    words = regex.findall(r"[a-z]{2,}", pattern.lower())[:6] or ["a"]
    chars = {"a", " ", "1", "x"} | {w[0] for w in words}
    marks = sorted({c for c in pattern if c in string.punctuation and c not in "\\^$|?*+{}[]"})
    out = [c * size + "\x00" for c in sorted(chars)]
    out += [(w + " ") * (size // 3) + "\x00" for w in words]
    out += [" ".join(words) * 3 + "\x00", "a1 " * size + "\x00"]
    out += [(words[0] + m + " ") * size + "\x00" for m in marks]
    return out


def times_out(pattern: str, flags: int = regex.IGNORECASE | regex.VERSION1, timeout: float = 0.25) -> bool:
    """True when the pattern needs more than `timeout` seconds on one adversarial input."""
    try:
        compiled = regex.compile(pattern, flags)
    except regex.error:
        return False
    for text in adversarial_inputs(pattern):
        try:
            compiled.search(text, timeout=timeout)
            compiled.fullmatch(text, timeout=timeout)
        except TimeoutError:
            return True
    return False
