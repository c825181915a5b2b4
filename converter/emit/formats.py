"""Lexical forms shared by the XBRL 2.1 and xBRL-JSON emitters: values, periods, units, entity schemes.

Both outputs must say exactly the same thing, so every string that encodes a fact aspect is made here, once,
and the templates only place it. Money stays Decimal all the way: a float never touches a value.
"""
from __future__ import annotations

import re
from datetime import timedelta
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import lru_cache
from typing import NamedTuple, Optional

from ..model import Entity, Fact, Period
from ..rulebook.regex_code import kept_re

XBRLI_NS = "http://www.xbrl.org/2003/instance"
ISO4217_NS = "http://www.xbrl.org/2003/iso4217"
SEC_CIK_SCHEME = "http://www.sec.gov/CIK"
# Schemes we know by a short name. Anything else that is already a URI is used as is; a bare token becomes
# urn:xbrlify:entity-scheme:TOKEN so that the output stays valid and says plainly that the scheme is ours.
KNOWN_SCHEMES = {"cik": ("cik", SEC_CIK_SCHEME), "lei": ("lei", "http://standards.iso.org/iso/17442")}
FALLBACK_SCHEME_BASE = "urn:xbrlify:entity-scheme:"

_NCNAME_BAD = kept_re(r"[^A-Za-z0-9._-]")
# Characters XML 1.0 cannot carry at all; a label holding one would make the whole file unreadable.
_XML_ILLEGAL = kept_re("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def format_value(value: Decimal, decimals: int) -> str:
    """A Decimal as a plain decimal string rounded to `decimals` (no exponent, no "-0").

    Rounding is half-up, as printed figures are rounded; a wide context keeps large values exact.
    """
    if isinstance(value, float) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"fact values must be Decimal, got {type(value).__name__}: {value!r}")
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"fact value is not finite: {value}")
    # wide enough for every digit the quantized value has (facts past 18 digits are withheld before this)
    wide = _wide_context(max(200, value.adjusted() + decimals + 2))
    q = value.quantize(Decimal(1).scaleb(-decimals, context=wide), rounding=ROUND_HALF_UP, context=wide)
    if q.is_zero():
        q = q.copy_abs()
    return format(q, "f")   # exact: with no precision in the spec, no context rounds it


@lru_cache(maxsize=64)
def _wide_context(prec: int) -> Context:
    """One context per precision, handed to the operations above: a `localcontext` per value built and
    copied a Context each time, most of what formatting a fact cost. Operations only set its flags, which
    no result depends on (its traps are the defaults)."""
    return Context(prec=prec, Emax=10**9, Emin=-10**9)


def period_key(p: Period) -> tuple:
    """Sort key for periods: instants first, then by start and end (Period's own order fails on None)."""
    return (p.start is not None, p.start or p.end, p.end)


def fact_sort_key(f: Fact) -> tuple:
    """The emit order: concept, period, dims, unit, then value and decimals so duplicates are stable too."""
    return (f.concept, period_key(f.period), f.dims, f.unit, f.value, f.decimals)


@lru_cache(maxsize=1024)   # a release has a handful of periods and units, asked for by every fact
def oim_period(p: Period) -> str:
    """OIM datetimes: an XBRL date means the end of that day, so instants and ends move to next midnight."""
    end = (p.end + timedelta(days=1)).isoformat() + "T00:00:00"
    if p.start is None:
        return end
    return f"{p.start.isoformat()}T00:00:00/{end}"


def measure_qname(token: str) -> str:
    """One measure of a Fact.unit as a QName: shares and pure are xbrli, a currency code is iso4217."""
    token = token.strip()
    if ":" in token:
        return token
    if token in ("shares", "pure"):
        return f"xbrli:{token}"
    if re.fullmatch(r"[A-Z]{3}", token):
        return f"iso4217:{token}"
    raise ValueError(f"unknown unit measure {token!r} (expected shares, pure, an ISO 4217 code or a QName)")


class UnitSpec(NamedTuple):
    id: str
    numerator: str                 # measure QName
    denominator: Optional[str]     # measure QName or None


@lru_cache(maxsize=256)
def unit_spec(unit: str) -> UnitSpec:
    """Fact.unit ("USD", "shares", "USD/shares", "pure") as an instance unit with an NCName id."""
    parts = unit.split("/")
    if len(parts) > 2 or not all(p.strip() for p in parts):
        raise ValueError(f"unsupported unit {unit!r}")
    num = measure_qname(parts[0])
    den = measure_qname(parts[1]) if len(parts) == 2 else None
    ident = _NCNAME_BAD.sub("_", num.split(":")[1]) + (f"-per-{_NCNAME_BAD.sub('_', den.split(':')[1])}" if den else "")
    return UnitSpec(ident, num, den)


@lru_cache(maxsize=256)
def oim_unit(unit: str) -> Optional[str]:
    """The OIM unit string; None for pure, which OIM expresses by leaving the unit out."""
    spec = unit_spec(unit)
    if spec.numerator == "xbrli:pure" and spec.denominator is None:
        return None
    return spec.numerator if spec.denominator is None else f"{spec.numerator}/{spec.denominator}"


class EntitySpec(NamedTuple):
    prefix: str       # OIM prefix for the scheme, e.g. "cik"
    scheme: str       # scheme URI
    identifier: str

    @property
    def is_cik(self) -> bool:
        return self.scheme == SEC_CIK_SCHEME


def entity_spec(entity: Entity) -> EntitySpec:
    """Entity scheme and identifier as XBRL needs them. A CIK is padded to its 10 digits."""
    ident = (entity.identifier or "").strip()
    if not ident:
        raise ValueError("entity identifier is empty: an instance must say whom its facts are about")
    raw = (entity.scheme or "").strip()
    if raw.lower() in KNOWN_SCHEMES:
        prefix, scheme = KNOWN_SCHEMES[raw.lower()]
    elif raw.lower() == SEC_CIK_SCHEME.lower():
        prefix, scheme = "cik", SEC_CIK_SCHEME
    elif "://" in raw or raw.startswith("urn:"):
        known = [k for k, (_, uri) in KNOWN_SCHEMES.items() if uri == raw]
        prefix, scheme = (known[0], raw) if known else ("scheme", raw)
    else:
        token = _NCNAME_BAD.sub("-", raw.lower()) or "unknown"
        prefix, scheme = "scheme", FALLBACK_SCHEME_BASE + token
    if scheme == SEC_CIK_SCHEME and ident.isdigit():
        ident = ident.zfill(10)
    return EntitySpec(prefix, scheme, ident)


def xml_safe(text: str) -> str:
    """Drop the characters XML 1.0 forbids; escaping of <, & and quotes is the templates' autoescape."""
    return _XML_ILLEGAL.sub("", text)


def context_id(period: Period, dims: tuple[tuple[str, str], ...]) -> str:
    """A readable context id: D20160701-20161231 or I20161231, then the members' local names."""
    base = (f"I{period.end:%Y%m%d}" if period.start is None
            else f"D{period.start:%Y%m%d}-{period.end:%Y%m%d}")
    for _axis, member in dims:
        base += "_" + _NCNAME_BAD.sub("_", member.split(":")[-1])
    return base


_NCNAME = kept_re(r"[A-Za-z_][A-Za-z0-9._-]*")


@lru_cache(maxsize=4096)   # a release's few dozen names are split ~300 times (report, taxonomy, namespaces)
def split_qname(qname: str) -> tuple[str, str]:
    """prefix, local of a "prefix:Local" QName; anything else is refused, since it becomes an element name."""
    prefix, _, local = qname.partition(":")
    if not (_NCNAME.fullmatch(prefix) and _NCNAME.fullmatch(local)):
        raise ValueError(f"not a prefixed QName: {qname!r}")
    return prefix, local
