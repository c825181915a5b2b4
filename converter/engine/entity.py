"""Who a release is about: the issuer file when one applies, else the text's own "(Nasdaq: ACME)" and
dateline, else a named fallback. `--entity SCHEME:ID` overrides all of it."""
from __future__ import annotations

from typing import Optional

import regex

from ..model import Entity
from ..rulebook.model import Issuer
from ..rulebook.regex_code import kept_regex

CIK_SCHEME = "http://www.sec.gov/CIK"
TICKER_SCHEME = "https://xbrlify.dev/ticker"      # fallback when no CIK is known: the exchange ticker
NAME_SCHEME = "https://xbrlify.dev/name"          # last resort: a slug of the company name
SCHEME_ALIASES = {"cik": CIK_SCHEME, "ticker": TICKER_SCHEME, "name": NAME_SCHEME}

_EXCHANGE = r"(?:NASDAQ|Nasdaq|NYSE(?:\s+American|\s+MKT|\s+Arca)?|AMEX|OTC(?:QB|QX|\s+Markets|\s+Pink)?|OTCQB|OTCQX|TSX|CSE|Cboe|BATS)(?:\s*(?:Global|Capital|Global\s+Select)\s+Market)?"
TICKER = kept_regex(rf"\(\s*(?:{_EXCHANGE})\s*:\s*(?P<t>[A-Z][A-Z.\-]{{0,6}})\s*(?:[;,][^)]*)?\)")
NAME_BEFORE = kept_regex(r"(?P<name>[A-Z][\w&'.\-]*(?:,?\s+(?:[A-Z&][\w&'.\-]*|of|and|de)){0,7})\s*,?\s*$")
EDGAR_PATH = kept_regex(r"edgar/data/(?P<cik>\d{1,10})/")
# "CUPERTINO, California—January 18, 2011—Apple® today announced", "October 18, 2024 - CMUV Bancorp, the ..."
DATELINE = kept_regex(
    r"(?:19|20)\d\d\s*(?:--|[-—–])\s*(?:\([^)]{1,40}\)\s*(?:--|[-—–])?\s*)?"
    r"(?P<name>[A-Z][\w&'.\-]*(?:,?\s+(?:[A-Z&][\w&'.\-]*|of|and|de)){0,6})[®™]?"
    r"\s*(?:\(|,|\s+today\b|\s+(?:reported|announced|reports|announces)\b)")
CIK_TEXT = kept_regex(r"\b(?:CIK|Central\s+Index\s+Key)\s*(?:No\.?|number)?\s*[:#]?\s*(?P<cik>\d{4,10})\b", regex.I)
_NOT_NAME = kept_regex(r"^(?:The|Today|Inc|Corporation|Company)$")


# What --entity accepts, checked where it comes in (a space or a control character in it used to reach the
# output and fail its schema, exit 4): a scheme alias or token, or a URI (the namespace pattern of
# schemas/rules.schema.json); an identifier of letters, digits, '.', '_' and '-'; a CIK of digits.
URI = kept_regex(r"(?:https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
                    r"(?:/[A-Za-z0-9._~%!$()*+,;=:@/-]*)?|urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[A-Za-z0-9._~%!$()*+,;=:@/-]+)")
_SCHEME_TOKEN = kept_regex(r"[A-Za-z][A-Za-z0-9.+-]{0,31}")
_IDENTIFIER = kept_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def parse_entity_option(value: str) -> Entity:
    """`cik:0000855654`, `ticker:ACME`, or `SCHEME-URI:ID` (the identifier follows the last colon).
    ValueError, naming what is wrong, for anything else."""
    scheme, sep, ident = value.rpartition(":")
    why = None
    if not sep or not scheme or not ident:
        why = "no scheme or no identifier"
    elif not (scheme.lower() in SCHEME_ALIASES or URI.fullmatch(scheme) or _SCHEME_TOKEN.fullmatch(scheme)):
        why = f"the scheme {scheme!r} is neither cik, ticker, name nor a URI"
    elif not _IDENTIFIER.fullmatch(ident):
        why = f"the identifier {ident!r} holds characters an identifier may not (letters, digits, '.', '_', '-')"
    elif SCHEME_ALIASES.get(scheme.lower()) == CIK_SCHEME and not (ident.isascii() and ident.isdigit()
                                                                   and len(ident) <= 10):
        why = f"a CIK is up to 10 digits, not {ident!r}"
    if why:
        raise ValueError(f"--entity takes SCHEME:ID (e.g. cik:0000855654), not {value!r}: {why}")
    scheme = SCHEME_ALIASES.get(scheme.lower(), scheme)
    if scheme == CIK_SCHEME:
        ident = ident.zfill(10)
    return Entity(scheme, ident)


def find_entity(text: str, issuer: Optional[Issuer], raw: str = "") -> Entity:
    """`text` is the document's normalized text; `raw` the source as given, which may still hold markup
    such as an EDGAR archive path (edgar/data/CIK/...)."""
    head = text[:30000]
    ticker_m = TICKER.search(head)
    ticker = ticker_m["t"] if ticker_m else ""
    name = ""
    if ticker_m:
        before = head[max(0, ticker_m.start() - 120):ticker_m.start()]
        before = regex.sub(r"\((?:[^()]{0,80})\)\s*$", "", before.rstrip())  # ("Paltalk," the "Company") (Nasdaq: PALT)
        before = regex.split(r"--|\)\s*-+|\s[-–]\s|\n", before)[-1]
        nm = NAME_BEFORE.search(before)
        if nm and not _NOT_NAME.match(nm["name"].strip()):
            name = nm["name"].strip(" ,")
    if not name:
        dl = DATELINE.search(head)
        if dl and not _NOT_NAME.match(dl["name"].strip()):
            name = dl["name"].strip(" ,")
    if issuer is not None:
        ticker = issuer.ticker or ticker
        name = issuer.name or name
        if issuer.cik:
            return Entity(CIK_SCHEME, issuer.cik.zfill(10), name, ticker)
    cik_m = CIK_TEXT.search(head) or EDGAR_PATH.search(raw or text)
    if cik_m:
        return Entity(CIK_SCHEME, cik_m["cik"].zfill(10), name, ticker)
    if ticker:
        return Entity(TICKER_SCHEME, ticker, name, ticker)
    slug = regex.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower() or "unknown"
    return Entity(NAME_SCHEME, slug, name, ticker)
