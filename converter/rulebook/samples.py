"""Strings a pattern matches, so the checker can ask "does that other rule read these too?".

`expand` walks the pattern's structure and lists the texts it matches: all of them when the pattern is a
finite set of wordings (optional words, alternatives), as most label patterns are; a few representatives
otherwise (one character for a class, none/one/two turns of an unbounded repeat), flagged as not exact.
"""
from __future__ import annotations

from itertools import product
from typing import Optional

import regex

from .backtrack import MAXREPEAT, sre_parse

LIMIT = 200
_CATEGORY_SAMPLE = {"DIGIT": "1", "SPACE": " ", "WORD": "a"}


def _one_char(op: str, av) -> tuple[str, bool]:
    if op == "LITERAL":
        return chr(av).lower(), True
    if op == "NOT_LITERAL":
        return ("x" if chr(av).lower() != "x" else "y"), False
    if op == "ANY":
        return "x", False
    if op == "IN":
        items = [(str(o), a) for o, a in av]
        if any(o == "NEGATE" for o, _a in items):
            excluded = {chr(a).lower() for o, a in items if o == "LITERAL"}
            return next(c for c in "xyz!" if c not in excluded), False
        lits = [chr(a).lower() for o, a in items if o == "LITERAL"]
        exact = len(items) == len(lits) and len(set(lits)) == 1
        if lits:
            return lits[0], exact
        for o, a in items:
            if o == "RANGE":
                return chr(a[0]).lower(), False
            if o == "CATEGORY":
                name = str(a)
                key = next((k for k in _CATEGORY_SAMPLE if name.endswith(k) and "NOT_" not in name), None)
                return (_CATEGORY_SAMPLE[key] if key else "!"), False
    return "", False


def _seq(seq) -> tuple[list[str], bool]:
    texts, exact = [""], True
    for op, av in seq:
        options, ok = _node(str(op), av)
        exact &= ok
        combined = [a + b for a, b in product(texts, options)]
        if len(combined) > LIMIT:
            combined, exact = combined[:LIMIT], False
        texts = combined
    return texts, exact


def _node(op: str, av) -> tuple[list[str], bool]:
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        lo, hi, body = av
        inner, exact = _seq(body)
        unbounded = hi == MAXREPEAT
        top = lo + 2 if unbounded else min(hi, lo + 2)
        exact &= not unbounded and top == hi
        out: list[str] = []
        for n in range(lo, top + 1):
            out += ["".join(p) for p in product(inner, repeat=n)][:LIMIT]
        return list(dict.fromkeys(out))[:LIMIT], exact
    if op == "SUBPATTERN":
        return _seq(av[-1])
    if op == "BRANCH":
        out, exact = [], True
        for alt in av[1]:
            texts, ok = _seq(alt)
            out += texts
            exact &= ok
        return list(dict.fromkeys(out))[:LIMIT], exact
    if op == "AT":
        return [""], True
    if op in ("ASSERT", "ASSERT_NOT", "GROUPREF", "GROUPREF_EXISTS"):
        return [""], False
    ch, exact = _one_char(op, av)
    return [ch], exact


def expand(pattern: str, compiled: Optional[regex.Pattern] = None) -> tuple[list[str], bool]:
    """Texts the pattern matches in full, and whether they are all of them. Texts the pattern itself does
    not fullmatch (a lookaround the walk ignored) are dropped."""
    try:
        tree = sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - syntax only the regex module has
        return [], False
    texts, exact = _seq(list(tree))
    if compiled is not None:
        kept = [t for t in texts if _matches(compiled, t)]
        exact &= len(kept) == len(texts)
        texts = kept
    return texts, exact


def _matches(compiled: regex.Pattern, text: str) -> bool:
    """A sample the pattern reads; one it cannot settle in time is left out (the checker reports the
    pattern as catastrophic on its own)."""
    try:
        return bool(compiled.fullmatch(text, timeout=0.1))
    except TimeoutError:
        return False
