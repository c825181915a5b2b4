"""`xbrlify rules check`: the schema and file checks the loader runs, plus what only a view of several files
(or of the rules' meaning) can show: issuer files without an issuer block, prefixes two issuers share, rule
ids used twice across files, a duration concept read from a wording that names a balance, patterns that
time out on hostile input, and rules another rule always shadows or quietly out-ranks.

Every finding is a `Problem` located at file:line:column. Errors make the command fail; warnings do not.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import field
from pathlib import Path
from typing import Iterable, Optional

import regex

from ..paths import RULES_DIR
from . import cache
from .backtrack import times_out
from .loader import RuleError, base_files, compile_phrases, compile_rows, issuer_files, precedence, read_rule_file
from .index import PatternIndex
from .model import PhraseRule, RowRule
from ..taxonomies.standard import standard_concept
from .samples import expand
from .official_check import official_problems
from .timed import fullmatch
from .schema import (TAXONOMY_SCHEMA, Problem, as_list, file_problems, iter_patterns, locate, pattern_label,
                     schema_problems, taxonomy_concepts)
from .regex_code import kept_regex
from ..dataclass_code import dataclass

# Wordings that name a balance at a date: a duration concept read from them is a mistake.
INSTANT_WORDING = kept_regex(r"\b(?:beginning|end|start|close) of (?:the )?(?:period|year|quarter|month|fiscal)|"
                                r"\bas of\b|\b(?:beginning|ending|opening|closing) balance", regex.I)
# Wordings that name a flow over a period: an instant concept read from them is suspicious.
DURATION_WORDING = kept_regex(r"\b(?:net )?(?:increase|decrease|change)s? in\b|\bprovided by\b|\bused in\b|"
                                 r"\bfor the (?:period|year|quarter)\b|\bproceeds from\b|\bpayments? (?:for|to)\b",
                                 regex.I)


# Errors after which a file's rules cannot be compiled, so the checks that read them are skipped.
BLOCKING = {"schema", "yaml", "bad-regex"}


@dataclass
class RuleFile:
    path: Path
    kind: str                      # base | issuer | taxonomy
    data: Optional[dict] = None
    checked: bool = True           # False: read only as context (the repo's base and issuer files)
    sound: bool = False            # passed the file checks, so its rules compile
    problems: list[Problem] = field(default_factory=list)


def shown(path) -> str:
    """A path as the user would type it: relative to the working folder when it is under it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def rule_paths(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file())
        else:
            out.append(p)
    return list(dict.fromkeys(out))


def kind_of(path: Path, data: Optional[dict]) -> str:
    if path.name == "taxonomy.yaml" or (isinstance(data, dict) and "namespaces" in data):
        return "taxonomy"
    if path.parent.name == "issuers" or (isinstance(data, dict) and "issuer" in data):
        return "issuer"
    return "base"


def _read(path: Path, checked: bool) -> RuleFile:
    try:
        data = read_rule_file(path)
    except RuleError as e:
        rf = RuleFile(path, kind_of(path, None), None, checked)
        where, _, message = str(e).partition(": ")
        parts = where.rsplit(":", 2)
        line, col = (int(parts[1]), int(parts[2])) if len(parts) == 3 and parts[1].isdigit() else (1, 1)
        rf.problems.append(Problem("error", "yaml", str(path), line, col, message))
        return rf
    return RuleFile(path, kind_of(path, data), data, checked)


def check_paths(paths: Iterable[Path], rules_dir: Path = RULES_DIR, timeouts: bool = True) -> list[Problem]:
    """Every problem of the files under `paths` (files or folders), in file order. The repo's base and
    issuer files are read as context, so an issuer file is checked against the base rules it joins. The
    answer for the same files (bytes and paths), options and code is kept in the rulebook cache."""
    targets = rule_paths(paths)
    seen = {p.resolve() for p in targets}
    context = [p for p in base_files(rules_dir) + issuer_files(rules_dir) if p.resolve() not in seen]
    name = "check-" + hashlib.sha256(repr((targets, str(rules_dir))).encode()).hexdigest()[:32]
    key = cache.key_of("check", timeouts, os.getcwd(), *[part for p in targets + context
                                                          for part in (str(p), _bytes(p))])
    found = cache.load(name, key)
    if found is None:
        found = _check(targets, context, timeouts)
        cache.store(name, key, found)
    return found


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:   # not cached as such: the check reports it
        return f"unreadable: {e}".encode()


def _check(targets: list[Path], context: list[Path], timeouts: bool) -> list[Problem]:
    files = [_read(p, True) for p in targets] + [_read(p, False) for p in context]
    known = dict(taxonomy_concepts())
    for rf in files:
        if rf.data is None:
            continue
        rf.problems += official_problems(rf.data, str(rf.path), rf.kind)
        if rf.kind == "taxonomy":
            rf.problems += list(schema_problems(rf.data, str(rf.path), TAXONOMY_SCHEMA))
            continue
        rf.problems += file_problems(rf.data, str(rf.path), known)
        rf.sound = not any(p.level == "error" and p.code in BLOCKING for p in rf.problems)
        if rf.sound:
            rf.problems += _kind_problems(rf) + _period_problems(rf, known) + _test_problems(rf, known)
            if timeouts and rf.checked:
                rf.problems += _timeout_problems(rf)
    sound = [rf for rf in files if rf.data is not None and rf.kind != "taxonomy" and rf.sound]
    _cross_file(sound)
    _precedence(sound)
    out = [p for rf in files if rf.checked for p in rf.problems]
    return sorted(dict.fromkeys(out), key=lambda p: (p.file, p.line, p.col))


# --------------------------------------------------------------------------------------------- one file

SCHEMA_LINE = "# yaml-language-server: $schema="


def _kind_problems(rf: RuleFile) -> list[Problem]:
    data, path, out = rf.data, str(rf.path), []
    try:
        first = rf.path.read_text(encoding="utf-8").split("\n", 1)[0]
    except OSError:
        first = ""
    if not first.startswith(SCHEMA_LINE):
        out.append(Problem("warning", "no-schema-line", path, 1, 1,
                           f"the first line is not '{SCHEMA_LINE}../../schemas/rules.schema.json', so editors "
                           f"will not complete keys"))
    if rf.kind == "issuer" and not data.get("issuer"):
        out.append(Problem("error", "missing-issuer", path, 1, 1,
                           "missing issuer block: an issuer file starts with issuer: {name, prefix, namespace}"))
    if rf.kind == "base" and data.get("issuer"):
        line, col = locate(data, (), "issuer", on_key=True)
        out.append(Problem("error", "issuer-in-base", path, line, col,
                           "issuer: a base file applies to every issuer; move this file to rules/issuers/"))
    if rf.kind == "issuer" and data.get("issuer") and not data["issuer"].get("detect"):
        line, col = locate(data, ("issuer",))
        out.append(Problem("warning", "no-detect", path, line, col,
                           "issuer: no detect pattern, so the file applies only with --issuer"))
    used = {r.get("concept") for k in ("rows", "phrases") for r in data.get(k) or []}
    used |= {e.get("concept") for t in data.get("tests") or [] for e in t.get("expect") or []}
    for name in data.get("concepts") or {}:
        if name != "__line__" and name not in used:
            line, col = locate(data, ("concepts",), name, on_key=True)
            out.append(Problem("warning", "unused-concept", path, line, col,
                               f"concept '{name}': declared but no rule maps to it"))
    return out


def _period_problems(rf: RuleFile, known: dict) -> list[Problem]:
    data, path, out = rf.data, str(rf.path), []
    own = {k: v for k, v in (data.get("concepts") or {}).items() if k != "__line__"}
    for kind, keys in (("rows", ("labels", "label")), ("phrases", ("metrics", "metric"))):
        for i, rule in enumerate(data.get(kind) or []):
            spec = own.get(rule["concept"]) or known.get(rule["concept"]) or {}
            rid, period = rule["id"], spec.get("period")
            line, col = locate(data, (kind, i, "concept"))
            if spec.get("type") in ("string", "date"):
                out.append(Problem("warning", "non-numeric-concept", path, line, col,
                                   f"rule '{rid}': {rule['concept']} is a {spec['type']} concept; the engine "
                                   f"reads numbers only", rid))
            if rule.get("at") and period == "duration":
                aline, acol = locate(data, (kind, i, "at"))
                out.append(Problem("error", "period-mismatch", path, aline, acol,
                                   f"rule '{rid}': 'at' places a balance, but {rule['concept']} is a duration "
                                   f"concept", rid))
            for key in keys:
                for j, pattern in enumerate(as_list(rule.get(key))):
                    where = (kind, i, key, j) if isinstance(rule.get(key), list) else (kind, i, key)
                    pline, pcol = locate(data, where)
                    if period == "duration" and INSTANT_WORDING.search(pattern):
                        out.append(Problem("error", "period-mismatch", path, pline, pcol,
                                           f"rule '{rid}': {rule['concept']} is a duration concept, but "
                                           f"'{pattern}' names a balance at a date", rid))
                    elif period == "instant" and DURATION_WORDING.search(pattern):
                        out.append(Problem("warning", "period-mismatch", path, pline, pcol,
                                           f"rule '{rid}': {rule['concept']} is an instant concept, but "
                                           f"'{pattern}' names a flow over a period", rid))
    return out


def _test_problems(rf: RuleFile, known: dict) -> list[Problem]:
    data, path, out = rf.data, str(rf.path), []
    own = {k for k in (data.get("concepts") or {}) if k != "__line__"}
    for i, test in enumerate(data.get("tests") or []):
        for j, exp in enumerate(test.get("expect") or []):
            concept = exp.get("concept")
            if concept not in known and concept not in own and standard_concept(str(concept))[0] is None:
                line, col = locate(data, ("tests", i, "expect", j, "concept"))
                name = test.get("name") or f"{i + 1}"
                out.append(Problem("error", "unknown-concept", path, line, col,
                                   f"test '{name}': unknown concept '{concept}'"))
    return out


def _timeout_problems(rf: RuleFile) -> list[Problem]:
    out = []
    for pattern, where, rid, _use in iter_patterns(rf.data):
        if times_out(pattern):
            line, col = locate(rf.data, where)
            label = pattern_label(rf.data, where)
            out.append(Problem("error", "catastrophic-regex", str(rf.path), line, col,
                               f"{label}pattern '{pattern}' can backtrack catastrophically: it timed out on "
                               f"a long repetitive input", rid))
    return out


# ------------------------------------------------------------------------------------------ across files

def _ids(rf: RuleFile):
    for kind in ("rows", "phrases"):
        for i, rule in enumerate(rf.data.get(kind) or []):
            yield rule["id"], locate(rf.data, (kind, i, "id"))


def _cross_file(files: list[RuleFile]) -> None:
    """Ids used in two files, and issuers sharing a prefix or namespace: told in both files, so the one
    being checked hears of it whichever was read first."""
    uses: dict[str, list[tuple[RuleFile, int, int]]] = {}
    for rf in files:
        for rid, (line, col) in _ids(rf):
            uses.setdefault(rid, []).append((rf, line, col))
    for rid, places in uses.items():
        for rf, line, col in places:
            others = [f"{shown(o.path)}:{oline}" for o, oline, _c in places if o is not rf]
            if others:
                rf.problems.append(Problem("error", "duplicate-id", str(rf.path), line, col,
                                           f"rule '{rid}': id also used in {', '.join(others)}", rid))
    owners: dict[tuple[str, str], list[RuleFile]] = {}
    for rf in files:
        issuer = rf.data.get("issuer") or {}
        for key in ("prefix", "namespace"):
            if issuer.get(key):
                owners.setdefault((key, issuer[key]), []).append(rf)
    for (key, value), owning in owners.items():
        for rf in owning:
            others = [shown(o.path) for o in owning if o is not rf]
            if others:
                line, col = locate(rf.data, ("issuer", key))
                rf.problems.append(Problem("error", "prefix-clash", str(rf.path), line, col,
                                           f"issuer: {key} '{value}' is also used by {', '.join(others)}"))


def _compiled(rf: RuleFile, origin: str) -> tuple[list[RowRule], list[PhraseRule]]:
    return compile_rows(rf.data, str(rf.path), origin), compile_phrases(rf.data, str(rf.path), origin)


def _precedence(files: list[RuleFile]) -> None:
    """Shadowed rules and equal-rank conflicts, for base rules alone and for each issuer over them."""
    base = [rf for rf in files if rf.kind == "base"]
    by_path = {str(rf.path): rf for rf in files}
    base_rows, base_phrases = [], []
    for rf in base:
        rows, phrases = _compiled(rf, "base")
        base_rows += rows
        base_phrases += phrases
    books = [(None, base_rows, base_phrases)]
    for rf in files:
        if rf.kind == "issuer":
            rows, phrases = _compiled(rf, "issuer")
            books.append((rf, rows + base_rows, phrases + base_phrases))
    reported: set = set()
    checked = {str(rf.path) for rf in files if rf.checked}
    for issuer, rows, phrases in books:
        if issuer is not None and not issuer.checked:
            continue
        for finding in _shadows(sorted(rows, key=precedence), _samples, _row_covers, checked) + \
                _shadows(sorted(phrases, key=precedence), _samples, _phrase_covers, checked):
            level, rule, message = finding
            if issuer is not None and rule.origin == "base":
                continue  # an issuer rule overriding a base rule is the point of an issuer file
            rf = by_path.get(rule.file)
            if rf is None or (rule.id, message) in reported:
                continue
            reported.add((rule.id, message))
            rf.problems.append(Problem(level, "shadowed" if "never" in message else "conflict", rule.file,
                                       rule.line, _id_col(rf, rule), f"rule '{rule.id}': {message}", rule.id))


def _id_col(rf: RuleFile, rule) -> int:
    for kind in ("rows", "phrases"):
        for i, r in enumerate(rf.data.get(kind) or []):
            if r.get("id") == rule.id:
                return locate(rf.data, (kind, i))[1]
    return 1


def _patterns(rule) -> tuple[regex.Pattern, ...]:
    return rule.labels if isinstance(rule, RowRule) else rule.metrics


def _samples(rule):
    """Texts the rule's patterns match, and whether they are all of them (see samples.expand)."""
    out, exact = [], True
    for p in _patterns(rule):
        texts, ok = expand(p.pattern, p)
        out += texts
        exact &= ok and bool(texts)
    return out, exact


def _same(a: Optional[regex.Pattern], b: Optional[regex.Pattern]) -> bool:
    return (a.pattern if a else None) == (b.pattern if b else None)


def _row_covers(a: RowRule, b: RowRule) -> bool:
    """Whenever b's conditions hold, a's hold too (a asks for no more than b)."""
    return all(getattr(a, k) is None or _same(getattr(a, k), getattr(b, k))
               for k in ("section", "not_section", "table", "not_table", "followed_by", "not_followed_by"))


def _phrase_covers(a: PhraseRule, b: PhraseRule) -> bool:
    return a.position == b.position and set(b.contexts) <= set(a.contexts)


def _shadows(ordered: list, samples_of, covers, checked: set) -> list[tuple[str, object, str]]:
    """For each rule of a checked file: (level, rule, message) when earlier rules read all its samples
    (shadowed) or some of them for another concept at the same rank (a conflict precedence resolves
    only by pattern length or id)."""
    findings = []
    # the literal index (index.py) lists, in rule order, the only patterns that can match a sample: the
    # first earlier rule matching it is found without trying every rule on every sample
    index = PatternIndex([(k, _patterns(a)) for k, a in enumerate(ordered)])
    for k, b in enumerate(ordered):
        if b.file not in checked:
            continue
        samples, exact = samples_of(b)
        if not samples:
            continue
        winners = {}
        for text in samples:
            a = next((ordered[j] for j, p in index.candidates(text)
                      if j < k and covers(ordered[j], b) and fullmatch(ordered[j], p, text)), None)
            if a is not None:
                winners[text] = a
        if len(winners) == len(samples):
            names = sorted({f"'{a.id}' ({shown(a.file)}:{a.line})" for a in winners.values()})
            level = "error" if exact and all(a.origin == b.origin for a in winners.values()) else "warning"
            findings.append((level, b, f"never applies: {', '.join(names)} comes first in precedence and "
                                       f"reads every label it reads" + ("" if exact else " (as far as samples show)")))
            continue
        for text, a in winners.items():
            if a.concept != b.concept and a.origin == b.origin and a.priority == b.priority:
                why = "its longer pattern" if precedence(a)[2] != precedence(b)[2] else "its id, alphabetically"
                findings.append(("warning", b, f"conflicts with '{a.id}' ({shown(a.file)}:{a.line}) on {text!r}: "
                                               f"'{a.id}' wins by {why}; set priority: to say which"))
                break
    return findings
