"""The canonical taxonomy: concept definitions loaded from rules/taxonomy.yaml plus issuer extensions.

Every stage asks the taxonomy what a concept is (its unit kind, period type, balance); nothing hard-codes it.
"""
from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import Optional
from .dataclass_code import Rebuilt, dataclass

UNIT_OF_TYPE = {"monetary": "USD", "perShare": "USD/shares", "shares": "shares", "percent": "pure"}


@dataclass(frozen=True)
class ConceptDef(Rebuilt):
    name: str                    # QName "prefix:Local"
    type: str                    # monetary | perShare | shares | percent | string | date
    period: str                  # duration | instant
    label: str
    balance: Optional[str] = None

    @property
    def prefix(self) -> str:
        return self.name.split(":", 1)[0]

    @property
    def local(self) -> str:
        return self.name.split(":", 1)[1]

    @property
    def unit(self) -> Optional[str]:
        return UNIT_OF_TYPE.get(self.type)


@dataclass(frozen=True)
class Calculation(Rebuilt):
    id: str
    total: str
    items: tuple[tuple[str, int], ...]   # (concept, weight)
    # concepts whose fact in a context means the summation has items it does not list there (a noncontrolling
    # interest beside Liabilities + StockholdersEquity): the calculation is not checked, nor written, for it
    unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class Equality(Rebuilt):
    id: str
    left: str
    right: str


@dataclass
class Taxonomy(Rebuilt):
    namespaces: dict[str, str]
    concepts: dict[str, ConceptDef]
    calculations: list[Calculation] = field(default_factory=list)
    equalities: list[Equality] = field(default_factory=list)

    def get(self, name: str) -> Optional[ConceptDef]:
        return self.concepts.get(name)

    def __contains__(self, name: str) -> bool:
        return name in self.concepts

    def extend(self, prefix: str, namespace: str, concepts: dict[str, dict]) -> "Taxonomy":
        """A copy with an issuer's extension namespace and concepts added."""
        merged = dict(self.concepts)
        for name, spec in concepts.items():
            merged[name] = concept_from_yaml(name, spec)
        return Taxonomy({**self.namespaces, prefix: namespace}, merged, list(self.calculations),
                        list(self.equalities))


    def with_calculations(self, extra: list[Calculation]) -> "Taxonomy":
        """A copy with the summations a document's own tables state added (same total and items: once)."""
        seen = {(c.total, c.items) for c in self.calculations}
        calcs = list(self.calculations)
        for c in extra:
            if (c.total, c.items) not in seen:
                seen.add((c.total, c.items))
                calcs.append(c)
        return Taxonomy(dict(self.namespaces), dict(self.concepts), calcs, list(self.equalities))


def concept_from_yaml(name: str, spec: dict) -> ConceptDef:
    return ConceptDef(name=name, type=spec["type"], period=spec["period"],
                      label=spec.get("label") or name.split(":", 1)[-1], balance=spec.get("balance"))


def load_taxonomy(path: Path) -> Taxonomy:
    """Read and check the taxonomy YAML against schemas/taxonomy.schema.json; the first error is a one-line
    RuleError naming file:line:col, as for rule files. A taxonomy that passed is kept in the rulebook cache
    (rulebook/cache.py), keyed on its bytes."""
    from .rulebook import cache
    from .rulebook.loader import RuleError
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise RuleError(f"{path}: cannot read: {e}") from None
    name, key = cache.rule_entry(str(path), "taxonomy"), cache.key_of(path, "taxonomy", raw)
    found = cache.load(name, key)
    if found is None:
        found = _check_and_build(path, raw)
        cache.store(name, key, found)
    return found


def _check_and_build(path: Path, raw: bytes) -> Taxonomy:
    from .rulebook.loader import RuleError, read_rule_file, strip_lines
    from .rulebook.schema import TAXONOMY_SCHEMA, schema_problems
    data = read_rule_file(path, raw)
    errors = [p for p in schema_problems(data, str(path), TAXONOMY_SCHEMA) if p.level == "error"]
    if errors:
        raise RuleError(str(errors[0]))
    data = strip_lines(data)
    concepts = {n: concept_from_yaml(n, s) for n, s in (data.get("concepts") or {}).items()}
    calcs = [Calculation(c["id"], c["total"], tuple((k, int(v)) for k, v in c["items"].items()),
                         tuple(c.get("unless") or ()))
             for c in data.get("calculations") or []]
    eqs = [Equality(e["id"], e["left"], e["right"]) for e in data.get("equalities") or []]
    return Taxonomy(dict(data.get("namespaces") or {}), concepts, calcs, eqs)
