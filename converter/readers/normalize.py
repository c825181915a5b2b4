"""Text normalization shared by every reader: one spelling for quotes, dashes, spaces and bullets.

Rules and number parsing then see one alphabet whatever tool produced the text.
"""
from __future__ import annotations

import regex
from ..rulebook.regex_code import kept_regex

# ligatures a PDF's font maps its glyphs to ("Gross pro\ufb01t"): a label so spelt matches no rule
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
             "\ufb06": "st"}
_REPLACE = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200b": "", "\ufeff": "", "\u00ad": "",
    "\u2022": "•", "\u25cf": "•", "\u25aa": "•", "\u25a0": "•", "\u2023": "•", "\u2043": "•", "\u00b7": "•",
    "\uf0b7": "•", "\uf0a7": "•", "\u2219": "•",
    "\r": "",
    **LIGATURES,
    # the dotted capital I: the patterns match it as "i" ignoring case, but it lower-cases to "i" and a combining
    # dot, so a word matched ("THİRD") is no key of the tables that name it ("third")
    "\u0130": "I",
}
# Each character is looked for on its own (`in` scans in C, a twentieth of what a character class costs
# and str.translate would visit every character) and replaced wherever it stands: one at a time gives what
# a single pass would, since no replacement holds a character to replace (but "•", which stays itself).
_TO_REPLACE = tuple(_REPLACE.items())

# Markup left behind by HTML-to-text tools: `img src='...' alt="Graphic" style="...;">`.
_STRAY_IMG = kept_regex(r"""<?img\s+src=['"][^'"]*['"][^>]{0,400}?>""", regex.IGNORECASE)
_SPACES = kept_regex(r"[ \t\f\v]+")


# UTF-8 punctuation read once as Windows-1252 and saved again ("Stockholdersâ€™ equity"): newswire copies and
# converted filings carry it, and a label spelled so matches no rule.
_PUNCTUATION = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                "\u2022": "•", "\u00a0": " "}
_MOJIBAKE = {c.encode("utf-8").decode(codec, errors="ignore"): plain
             for c, plain in _PUNCTUATION.items() for codec in ("cp1252", "latin-1")}
_MOJIBAKE_RE = kept_regex("|".join(regex.escape(k) for k in sorted(_MOJIBAKE, key=len, reverse=True)))


def fix_mojibake(text: str) -> str:
    """Undo the common double-encodings of punctuation, read as Windows-1252 or as Latin-1 (checked cheaply
    first: most text has none)."""
    if "â\u20ac" not in text and "â\x80" not in text and "Â\xa0" not in text:
        return text
    return _MOJIBAKE_RE.sub(lambda m: _MOJIBAKE[m.group()], text)


def normalize_text(text: str) -> str:
    """Normalize characters and remove stray image markup; line structure is kept."""
    if not text.isascii() or "\r" in text:  # plain ASCII has nothing to map but CR
        text = fix_mojibake(text)
        for char, plain in _TO_REPLACE:
            if char in text:
                text = text.replace(char, plain)
    if "img" in text:
        text = _STRAY_IMG.sub(" ", text)
    return text


def collapse_spaces(s: str) -> str:
    """Runs of blanks as one space, ends stripped (most lines have no run: skip the regex for them)."""
    if "  " not in s and "\t" not in s and "\f" not in s and "\v" not in s:
        return s.strip()
    return _SPACES.sub(" ", s).strip()


# a word broken at the end of a line: "mil-" / "lion", "reve-" / "nue", "non-" / "controlling"
_BROKEN = kept_regex(r"(?<=[a-z])-$")
_WORD = kept_regex(r"[A-Za-z]+")
_SCALES = frozenset({"thousand", "thousands", "million", "millions", "billion", "billions"})


def join_wrapped(lines: list[str], text: str) -> str:
    """Hard-wrapped lines as one paragraph. A word the line broke with a hyphen is whole again where the
    release prints it whole elsewhere, or it is a scale ("$53.4 mil-" / "lion" is $53.4 million, not $53.4);
    otherwise it keeps its hyphen ("non-" / "controlling")."""
    out, words = "", None
    for line in lines:
        line = line.strip()
        if out and _BROKEN.search(out) and line[:1].islower():
            head = _WORD.findall(out)[-1].lower()
            tail = _WORD.match(line)
            whole = head + (tail.group(0).lower() if tail else "")
            words = words if words is not None else whole_words(text)   # (a broken word is rare: read once)
            out = out[:-1] + line if whole in words or whole in _SCALES else out + line
        else:
            out = f"{out} {line}" if out else line
    return collapse_spaces(out)


def whole_words(text: str) -> frozenset:
    """The words a text prints whole, in lower case: what a word broken at a line's end is checked against."""
    return frozenset(w.lower() for w in _WORD.findall(text))
