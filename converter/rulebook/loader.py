"""Loading rule files: base rules for every issuer, plus at most one issuer file.

YAML is read with safe loading only (yaml_read.py). A file's compiled rules come from the on-disk cache
(cache.py) when its bytes were checked before; patterns compile on first use (lazy.py).
Errors name the file (and the rule id when there is one) and never leave a half-loaded rulebook.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import regex

from ..paths import RULES_DIR
from . import cache
from .errors import RuleError
from .index import key_options
from .lazy import LazyPattern
from .regex_code import compile_keeping_code
from .model import IgnoreRule, Issuer, PhraseRule, RowRule, Rulebook, TableRule
from .table_specs import compile_year_end
from .timed import Owner, search

FLAGS = regex.IGNORECASE | regex.VERSION1


def read_rule_file(path: Path, raw: Optional[bytes] = None) -> dict:
    """The file's data (mappings remember their lines); `raw`: its bytes, when the caller has read them.
    YAML is read in yaml_read.py, imported here: a run whose rules come from the cache never needs it."""
    from .yaml_read import read_yaml
    return read_yaml(path, raw)


def strip_lines(obj):
    """The data without the `__line__` bookkeeping."""
    if isinstance(obj, dict):
        return {k: strip_lines(v) for k, v in obj.items() if k != "__line__"}
    if isinstance(obj, list):
        return [strip_lines(v) for v in obj]
    return obj


MAX_NESTING = 100   # groups inside groups: a wording needs a handful; the parsers recurse once per level


def nesting(pattern: str) -> int:
    """How deep the pattern's groups nest (escapes and character classes skipped)."""
    depth = deepest = 0
    i, n, in_class = 0, len(pattern), False
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern.startswith("]", i + 1) or pattern.startswith("^]", i + 1):
                i += 1 + (pattern[i + 1] == "^")
        elif c == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif c == ")":
            depth -= 1
        i += 1
    return deepest


def shown_pattern(pattern: str, limit: int = 80) -> str:
    """A pattern as a message quotes it: whole when short, its start otherwise."""
    return pattern if len(pattern) <= limit else f"{pattern[:limit - 3]}... ({len(pattern)} characters)"


_PROGRAMS: dict[str, tuple] = {}   # pattern -> the program regex compiled it to (regex_code.py)


@lru_cache(maxsize=None)
def compiled_regex(pattern: str) -> regex.Pattern:
    """A rule pattern compiled with the rules' flags, once per process: the schema check and the loader both
    need it, and regex's own cache is too small for a rule set (full case folding makes compiling slow).
    Groups nested past MAX_NESTING are refused before any parser recurses into them."""
    depth = nesting(pattern)
    if depth > MAX_NESTING:
        raise regex.error(f"its groups nest {depth} deep (at most {MAX_NESTING})")
    compiled, program = compile_keeping_code(pattern, FLAGS)
    if program is not None:
        _PROGRAMS[pattern] = program
    return compiled


def compile_pattern(pattern: str, where: str, rule_id: str) -> LazyPattern:
    """The pattern, checked to compile, with what the cache keeps of it: its program and literal keys."""
    try:
        compiled_regex(pattern)
        return LazyPattern(pattern, _PROGRAMS.get(pattern), key_options(pattern))
    except regex.error as e:
        raise RuleError(f"{where}: rule '{rule_id}': pattern {shown_pattern(pattern)!r} does not compile: "
                        f"{e}") from None


def as_list(v) -> list:
    """A YAML value that may be one item or a list of them, as a list."""
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def compile_rows(data: dict, path: str, origin: str) -> list[RowRule]:
    out = []
    for r in data.get("rows") or []:
        where = f"{path}:{r.get('__line__', 0)}"
        rid = r["id"]
        labels = tuple(compile_pattern(p, where, rid) for p in as_list(r.get("labels", r.get("label"))))
        opt = lambda k: compile_pattern(r[k], where, rid) if r.get(k) else None  # noqa: E731
        out.append(RowRule(id=rid, concept=r["concept"], labels=labels, sign=r.get("sign", "as-printed"),
                           section=opt("section"), not_section=opt("not_section"), table=opt("table"),
                           not_table=opt("not_table"), followed_by=opt("followed_by"),
                           not_followed_by=opt("not_followed_by"), at=r.get("at"),
                           after=opt("after"), total_of=opt("total_of"), priority=int(r.get("priority", 0)), origin=origin, file=path,
                           line=r.get("__line__", 0)))
    return out


def compile_phrases(data: dict, path: str, origin: str) -> list[PhraseRule]:
    out = []
    for r in data.get("phrases") or []:
        where = f"{path}:{r.get('__line__', 0)}"
        rid = r["id"]
        metrics = tuple(compile_pattern(p, where, rid) for p in as_list(r.get("metrics", r.get("metric"))))
        out.append(PhraseRule(id=rid, concept=r["concept"], metrics=metrics, sign=r.get("sign", "positive"),
                              position=r.get("position", "before"),
                              not_after=compile_pattern(r["not_after"] + r"\s*$", where, rid)
                              if r.get("not_after") else None,
                              contexts=tuple(as_list(r.get("contexts")) or ("narrative", "guidance")),
                              priority=int(r.get("priority", 0)), origin=origin, file=path,
                              line=r.get("__line__", 0)))
    return out


def compile_issuer(data: dict, path: str) -> Optional[Issuer]:
    i = data.get("issuer")
    if not i:
        return None
    where = f"{path}:{i.get('__line__', 0)}"
    detect = tuple(compile_pattern(p, where, "issuer") for p in as_list(i.get("detect")))
    return Issuer(name=i["name"], prefix=i["prefix"], namespace=i["namespace"], cik=str(i.get("cik", "") or ""),
                  ticker=i.get("ticker", "") or "", detect=detect, file=path,
                  fiscal_year_end=compile_year_end(i.get("fiscal_year_end"), where))


def compile_tables(data: dict, path: str, origin: str) -> list[TableRule]:
    from .table_specs import compile_table_rule
    return [compile_table_rule(r, path, origin) for r in data.get("tables") or []]


def compile_ignores(data: dict, path: str, origin: str) -> list[IgnoreRule]:
    from .table_specs import compile_ignore_rule
    return [compile_ignore_rule(r, path, origin) for r in data.get("ignore") or []]


def base_files(rules_dir: Path = RULES_DIR) -> list[Path]:
    return sorted((rules_dir / "base").glob("*.yaml"))


def issuer_files(rules_dir: Path = RULES_DIR) -> list[Path]:
    return sorted((rules_dir / "issuers").glob("*.yaml"))


def _compile_file(path: Path, origin: str):
    """One file's rules, from the on-disk cache when its bytes were checked and compiled before."""
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise RuleError(f"{path}: cannot read: {e}") from None
    name, key = cache.rule_entry(str(path), origin), cache.key_of(path, origin, raw)
    found = cache.load(name, key)
    if found is not None:
        return found
    compiled = _check_and_compile(path, origin, raw)
    cache.store(name, key, compiled)
    return compiled


def _check_and_compile(path: Path, origin: str, raw: bytes):
    from .schema import validate_rule_data  # late: schema.py imports this module
    data = read_rule_file(path, raw)
    validate_rule_data(data, str(path))
    try:
        rows = compile_rows(data, str(path), origin)
        phrases = compile_phrases(data, str(path), origin)
        issuer = compile_issuer(data, str(path))
        layout = (compile_tables(data, str(path), origin), compile_ignores(data, str(path), origin))
    except KeyError as e:
        raise RuleError(f"{path}: missing key {e}") from None
    concepts = {k: strip_lines(v) for k, v in (data.get("concepts") or {}).items() if k != "__line__"}
    line = (getattr(data, "marks", None) or {}).get("skip_sections", (0, 0, 0))[2]
    owner = Owner("skip_sections", str(path), line, "skip_sections pattern")
    skips = tuple((compile_pattern(p, f"{path}", "skip_sections"), owner) for p in as_list(data.get("skip_sections")))
    return rows, phrases, issuer, concepts, skips, layout


@lru_cache(maxsize=64)
def _compiled(path: str, mtime: float, origin: str):
    return _compile_file(Path(path), origin)


def compiled_file(path: Path, origin: str):
    p = Path(path).resolve()
    return _compiled(str(p), p.stat().st_mtime, origin)


def load_rulebook(issuer_file: Optional[Path] = None, rules_dir: Path = RULES_DIR,
                  extra_files: Iterable[Path] = ()) -> Rulebook:
    """Base rules plus one issuer file; issuer rules take precedence (see `precedence`). The same files, unchanged
    since, give the same book: a batch builds it once (callers only read it)."""
    base = tuple(base_files(rules_dir)) + tuple(extra_files)
    files = base + ((Path(issuer_file),) if issuer_file is not None else ())
    stamps = tuple((os.path.abspath(f), os.stat(f).st_mtime_ns) for f in files)   # no realpath: a stat per file
    return _book(stamps, base, issuer_file)


@lru_cache(maxsize=16)
def _book(_stamps: tuple, base: tuple, issuer_file: Optional[Path]) -> Rulebook:
    book = Rulebook()
    for f in base:
        rows, phrases, _issuer, concepts, skips, (tables, ignores) = compiled_file(f, "base")
        book.tables.extend(tables)
        book.ignores.extend(ignores)
        book.skip_sections.extend(skips)
        book.rows.extend(rows)
        book.phrases.extend(phrases)
        book.extension_concepts.update(concepts)
        book.files.append(str(f))
    if issuer_file is not None:
        rows, phrases, issuer, concepts, skips, (tables, ignores) = compiled_file(issuer_file, "issuer")
        book.tables.extend(tables)
        book.ignores.extend(ignores)
        if issuer is None:
            raise RuleError(f"{issuer_file}:1:1: missing issuer block: an issuer file starts with "
                            f"issuer: {{name, prefix, namespace}}")
        book.skip_sections.extend(skips)
        book.rows.extend(rows)
        book.phrases.extend(phrases)
        book.issuer = issuer
        book.extension_concepts.update(concepts)
        book.files.append(str(issuer_file))
    _unique_ids(book.rows + book.phrases + book.tables + book.ignores)
    book.rows.sort(key=precedence)
    book.phrases.sort(key=precedence)
    book.tables.sort(key=precedence)
    book.ignores.sort(key=precedence)
    return book


def _unique_ids(rules) -> None:
    """Two rules with one id would make provenance and precedence ambiguous: refuse the pair."""
    seen = {}
    for rule in rules:
        if rule.id in seen:
            first = seen[rule.id]
            raise RuleError(f"{rule.file}:{rule.line}: rule '{rule.id}': id already used in "
                            f"{first.file}:{first.line}")
        seen[rule.id] = rule


def precedence(rule) -> tuple:
    """Issuer rules first, then explicit priority, then the more specific pattern; id breaks ties so the
    order never depends on load order."""
    if isinstance(rule, RowRule):
        spec = rule.specificity
    elif isinstance(rule, PhraseRule):
        spec = max((len(p.pattern) for p in rule.metrics), default=0)
    else:
        spec = 0
    return (0 if rule.origin == "issuer" else 1, -rule.priority, -spec, rule.id)


def detect_issuer(text: str, rules_dir: Path = RULES_DIR) -> Optional[Path]:
    """The issuer file whose `detect` patterns occur in the text; None when no file matches."""
    head = text[:20000]
    best = None
    for f in issuer_files(rules_dir):
        issuer = compiled_file(f, "issuer")[2]
        if issuer is None:
            continue
        owner = Owner("issuer", issuer.file, 0, "issuer detect pattern")
        hits = sum(1 for p in issuer.detect if search(owner, p, head))
        if hits and (best is None or hits > best[0]):
            best = (hits, f)
    return best[1] if best else None
