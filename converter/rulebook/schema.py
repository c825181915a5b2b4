"""The checks every rule file passes on every load: the JSON Schema (`schemas/rules.schema.json`, the same file
editors use to complete keys), patterns that compile and cannot backtrack catastrophically, rule ids unique
in the file, and concepts that exist. Each problem is located (file:line:column) and names its rule, so a
rule author reads one line and knows what to fix.

The loader calls `validate_rule_data` and stops at the first error; `xbrlify rules check` calls
`file_problems` and shows them all, with the checks that need more than one file (see `check.py`).
"""
from __future__ import annotations

import difflib
import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

import regex

from ..paths import SCHEMAS_DIR, TAXONOMY_FILE
from .backtrack import catastrophic_reason
from .loader import RuleError, as_list, compiled_regex, shown_pattern
from ..dataclass_code import dataclass

RULES_SCHEMA = SCHEMAS_DIR / "rules.schema.json"
TAXONOMY_SCHEMA = SCHEMAS_DIR / "taxonomy.schema.json"
STANDARD_PREFIXES = ("us-gaap", "srt", "dei", "ifrs-full", "xbrli", "xbrldi", "link", "xlink", "iso4217")
PATTERN_KEYS = {"rows": ("labels", "label", "section", "not_section", "table", "not_table", "followed_by",
                         "not_followed_by", "after", "total_of"),
                "phrases": ("metrics", "metric", "not_after"),
                "tables": ("title", "caption", "header", "first_row", "skip_columns"),
                "ignore": ("row", "section", "in_table", "table", "phrase", "sentence")}
RULE_KINDS = ("rows", "phrases", "tables", "ignore")
JSON_TYPES = {"string": "a string", "array": "a list", "object": "a mapping", "integer": "an integer",
              "number": "a number", "boolean": "true or false", "null": "empty"}


@dataclass(frozen=True)
class Problem:
    """One finding about a rule file. `level` is error or warning; `code` a short stable name."""
    level: str
    code: str
    file: str
    line: int
    col: int
    message: str
    rule: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"


# ------------------------------------------------------------------------------------------------ locations

def plain(obj):
    """The data as JSON sees it: no `__line__` bookkeeping, dates as ISO strings (YAML reads 2024-03-31
    as a date)."""
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items() if k != "__line__"}
    if isinstance(obj, list):
        return [plain(v) for v in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


def locate(data, path, key: Optional[str] = None, on_key: bool = False) -> tuple[int, int]:
    """Line and column of the value at `path` (a sequence of keys and indices); with `key`, of that key of
    the mapping at `path` (`on_key`: the key itself rather than its value). Falls back to the nearest
    enclosing mapping that knows its place."""
    node, where = data, getattr(data, "start", (1, 1))
    parent = None
    for step in list(path) + ([key] if key is not None else []):
        marks = getattr(node, "marks", None)
        if isinstance(node, dict):
            if marks and str(step) in marks:
                m = marks[str(step)]
                # a key's own place for the key, or for a mapping under it ("issuer:" for the issuer block)
                on_the_key = (on_key and step == key) or isinstance(node.get(step), dict)
                where = (m[0], m[1]) if on_the_key else (m[2], m[3])
            node, parent = node.get(step), node
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            pmarks = getattr(parent, "marks", None)
            if pmarks and parent_key_of(parent, node) in pmarks:
                items = pmarks[parent_key_of(parent, node)][4]
                if step < len(items):
                    where = items[step]
            node, parent = node[step], node
        else:
            break
        if isinstance(node, dict) and getattr(node, "start", None) and not isinstance(parent, dict):
            where = node.start  # a mapping in a list: where its first key is ("- id: ...")
    return where


def parent_key_of(parent, child) -> str:
    if isinstance(parent, dict):
        for k, v in parent.items():
            if v is child:
                return str(k)
    return ""


def rule_label(data, path) -> str:
    """"rule 'id': ", "issuer: " or "test 'name': " for the part of the file at `path`."""
    path = list(path)
    if not path:
        return ""
    head = path[0]
    if head in RULE_KINDS + ("tests",) and len(path) > 1 and isinstance(path[1], int):
        items = data.get(head) or []
        item = items[path[1]] if path[1] < len(items) else None
        if head == "tests":
            name = item.get("name") if isinstance(item, dict) else None
            return f"test '{name}': " if name else f"test {path[1] + 1}: "
        rid = item.get("id") if isinstance(item, dict) else None
        return f"rule '{rid}': " if isinstance(rid, str) else f"{head}[{path[1]}]: "
    if head == "issuer":
        return "issuer: "
    if head == "concepts" and len(path) > 1:
        return f"concept '{path[1]}': "
    return ""


# --------------------------------------------------------------------------------------------------- schema

@lru_cache(maxsize=4)
def _validator(schema_path: str):
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    import jsonschema   # here: a run that finds its rules in the cache (cache.py) never needs it
    return jsonschema.Draft202012Validator(schema)


def _allowed_keys(schema: dict, root: dict) -> list[str]:
    if "$ref" in schema:
        schema = _resolve(schema["$ref"], root)
    return sorted(schema.get("properties", {}))


def _resolve(ref: str, root: dict) -> dict:
    node = root
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return node


def _did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _name(path) -> str:
    keys = [p for p in path if isinstance(p, str)]
    return f"'{keys[-1]}'" if keys else "the file"


def _schema_message(err, root: dict, data) -> list[tuple[str, tuple, Optional[str], bool]]:
    """(message, path, key, on_key) for one schema error, in words a rule author uses."""
    path = tuple(err.absolute_path)
    v = err.validator
    if v == "additionalProperties":
        allowed = _allowed_keys(err.schema, root) if isinstance(err.schema, dict) else []
        extra = [k for k in err.instance if k not in allowed]
        return [(f"unknown key '{k}'{_did_you_mean(k, allowed)}", path, k, True) for k in extra]
    if v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return [(f"missing key '{missing}'", path, None, False)]
    if v == "anyOf" and all("required" in s for s in err.validator_value):
        keys = " or ".join(f"'{s['required'][0]}'" for s in err.validator_value)
        return [(f"missing key {keys}", path, None, False)]
    if v == "oneOf" and all("required" in s for s in err.validator_value):
        keys = [s["required"][0] for s in err.validator_value]
        present = [k for k in keys if isinstance(err.instance, dict) and k in err.instance]
        if present:
            return [(f"give one of {' or '.join(repr(k) for k in keys)}, not both", path, None, False)]
        return [(f"missing key {' or '.join(repr(k) for k in keys)}", path, None, False)]
    if v == "type":
        want = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        words = " or ".join(JSON_TYPES.get(t, t) for t in want if t != "null")
        got = _json_type(err.instance)
        shown = f" ({err.instance!r})" if got in ("a string", "a number", "an integer") else ""
        return [(f"{_name(path)} must be {words}, not {got}{shown}", path, None, False)]
    if v in ("enum", "const"):
        choices = err.validator_value if v == "enum" else [err.validator_value]
        return [(f"{_name(path)} must be one of {', '.join(map(str, choices))}, not {err.instance!r}"
                 f"{_did_you_mean(err.instance, choices)}", path, None, False)]
    if v == "pattern":
        what = {"concept": "a QName like us-gaap:Revenues", "id": "letters, digits, '-', '_' or '.'",
                "prefix": "lower-case letters and digits", "namespace": "a URI (http://..., urn:...)",
                "period": "YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD", "cik": "up to 10 digits",
                "ticker": "upper-case letters"}
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        if key == "concepts":
            return [(f"concept name {err.instance!r} must be a QName like acme:LicenseRevenue", path, None, False)]
        return [(f"{_name(path)} must be {what.get(key, 'of the form ' + err.validator_value)}, "
                 f"not {err.instance!r}", path, None, False)]
    if v in ("minLength", "minItems"):
        return [(f"{_name(path)} must not be empty", path, None, False)]
    if v in ("minimum", "maximum"):
        low, high = err.schema.get("minimum"), err.schema.get("maximum")
        return [(f"{_name(path)} must be between {low} and {high}, not {err.instance!r}", path, None, False)]
    if v == "oneOf" and path and path[-1] == "fiscal_year_end":
        return [(f"'fiscal_year_end' must be a month (dec, january, 12) or one rule like saturday-nearest: jan-31, "
                 f"not {plain(err.instance)!r}", path, None, False)]
    if v == "propertyNames":
        return [(f"{err.message}", path, None, False)]
    return [(f"{_name(path)}: {err.message}", path, None, False)]


def _json_type(v) -> str:
    if v is None:
        return "empty"
    if isinstance(v, bool):
        return "true or false"
    if isinstance(v, int):
        return "an integer"
    if isinstance(v, float):
        return "a number"
    if isinstance(v, str):
        return "a string"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, dict):
        return "a mapping"
    return type(v).__name__


def schema_problems(data, path: str, schema_file: Path = RULES_SCHEMA) -> list[Problem]:
    """Schema errors in file order. A missing key that a misspelled key of the same mapping already
    suggests ("unknown key 'concpet' (did you mean 'concept'?)") is not reported twice."""
    found = sorted(_schema_problems(data, path, schema_file), key=lambda p: (p.line, p.col))
    suggested = {(p.rule, p.message.rsplit("'", 2)[-2]) for p in found if "(did you mean" in p.message
                 and "unknown key" in p.message}
    return [p for p in found if not (p.message.endswith("'") and "missing key '" in p.message
                                     and (p.rule, p.message.rsplit("'", 2)[-2]) in suggested)]


def _schema_problems(data, path: str, schema_file: Path) -> Iterator[Problem]:
    validator = _validator(str(schema_file))
    root = validator.schema
    for err in validator.iter_errors(plain(data)):
        if err.validator == "propertyNames":  # report the bad name at the key, via its own sub-error
            for sub in err.context or []:
                name = sub.instance
                line, col = locate(data, err.absolute_path, name, on_key=True)
                yield Problem("error", "schema", path, line, col,
                              f"{rule_label(data, err.absolute_path)}name {name!r} must be a QName like "
                              f"acme:LicenseRevenue", _rule_id(data, err.absolute_path))
            continue
        for message, p, key, on_key in _schema_message(err, root, data):
            line, col = locate(data, p, key, on_key)
            yield Problem("error", "schema", path, line, col, f"{rule_label(data, p)}{message}",
                          _rule_id(data, p))


def _rule_id(data, path) -> str:
    path = list(path)
    if len(path) > 1 and path[0] in RULE_KINDS and isinstance(path[1], int):
        items = data.get(path[0]) or []
        if path[1] < len(items) and isinstance(items[path[1]], dict):
            return str(items[path[1]].get("id", ""))
    return ""


# ------------------------------------------------------------------------------------------ after the schema

def iter_patterns(data) -> Iterator[tuple[str, tuple, str, str]]:
    """Every pattern of the file: (pattern, path to it, rule id, how the engine uses it: fullmatch|search)."""
    for kind, keys in PATTERN_KEYS.items():
        for i, rule in enumerate(data.get(kind) or []):
            for key in keys:
                value = rule.get(key)
                use = "fullmatch" if key in ("labels", "label", "after", "total_of", "row") else "search"
                if isinstance(value, list):
                    for j, p in enumerate(value):
                        yield p, (kind, i, key, j), str(rule.get("id", "")), use
                elif isinstance(value, str):
                    yield value, (kind, i, key), str(rule.get("id", "")), use
    issuer = data.get("issuer") or {}
    for j, p in enumerate(as_list(issuer.get("detect"))):
        yield p, ("issuer", "detect", j) if isinstance(issuer.get("detect"), list) else ("issuer", "detect"), "", "search"
    skips = data.get("skip_sections")
    for j, p in enumerate(as_list(skips)):
        yield p, ("skip_sections", j) if isinstance(skips, list) else ("skip_sections",), "", "search"


def pattern_label(data, where) -> str:
    """"rule 'id': ", "issuer: " or "skip_sections: ", for a message about the pattern at `where`."""
    return rule_label(data, where) or ("skip_sections: " if where[0] == "skip_sections" else "")


def pattern_problems(data, path: str) -> Iterator[Problem]:
    for pattern, where, rid, _use in iter_patterns(data):
        line, col = locate(data, where)
        label = pattern_label(data, where)
        try:
            compiled_regex(pattern)
        except regex.error as e:
            yield Problem("error", "bad-regex", path, line, col,
                          f"{label}pattern '{shown_pattern(pattern)}' does not compile: {e}", rid)
            continue
        reason = catastrophic_reason(pattern)
        if reason:
            yield Problem("error", "catastrophic-regex", path, line, col,
                          f"{label}pattern '{shown_pattern(pattern)}' can backtrack catastrophically: {reason}", rid)


def duplicate_id_problems(data, path: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for kind in RULE_KINDS:
        for i, rule in enumerate(data.get(kind) or []):
            rid = rule.get("id")
            if not isinstance(rid, str):
                continue
            line, col = locate(data, (kind, i, "id"))
            if rid in seen:
                yield Problem("error", "duplicate-id", path, line, col,
                              f"rule '{rid}': duplicate id (first at line {seen[rid]})", rid)
            else:
                seen[rid] = line


@lru_cache(maxsize=4)
def _taxonomy_concepts(path: str, mtime: float) -> dict:
    import yaml
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    return dict(data.get("concepts") or {})


def taxonomy_concepts(taxonomy_file: Path = TAXONOMY_FILE) -> dict:
    p = Path(taxonomy_file)
    return _taxonomy_concepts(str(p), p.stat().st_mtime) if p.exists() else {}


def concept_problems(data, path: str, known: Optional[dict] = None) -> Iterator[Problem]:
    """Concepts a rule names must be in the taxonomy or declared by the file; extension concepts take the
    issuer's prefix."""
    known = dict(taxonomy_concepts() if known is None else known)
    own = {k: v for k, v in (data.get("concepts") or {}).items() if k != "__line__"}
    issuer = data.get("issuer") or {}
    prefix = issuer.get("prefix")
    if isinstance(prefix, str) and prefix in STANDARD_PREFIXES:
        line, col = locate(data, ("issuer", "prefix"))
        yield Problem("error", "prefix-clash", path, line, col,
                      f"issuer: prefix '{prefix}' is a standard taxonomy's; pick the issuer's own (e.g. its ticker)")
    for name in own:
        line, col = locate(data, ("concepts",), name, on_key=True)
        pre = str(name).split(":", 1)[0]
        if not prefix:
            yield Problem("error", "extension-without-issuer", path, line, col,
                          f"concept '{name}': only an issuer file declares extension concepts")
        elif pre != prefix:
            yield Problem("error", "extension-prefix", path, line, col,
                          f"concept '{name}': an extension concept takes the issuer's prefix '{prefix}:'")
        elif name in known:
            yield Problem("warning", "redeclared-concept", path, line, col,
                          f"concept '{name}': already in the taxonomy")
    known.update(own)
    for kind in ("rows", "phrases"):
        for i, rule in enumerate(data.get(kind) or []):
            concept = rule.get("concept")
            if not isinstance(concept, str) or concept in known:
                continue
            line, col = locate(data, (kind, i, "concept"))
            rid = str(rule.get("id", ""))
            if concept.split(":", 1)[0] in ("us-gaap", "srt", "dei"):
                from ..taxonomies.standard import standard_concept   # late: it loads the element lists
                found, why = standard_concept(concept)
                if found is None:
                    from ..taxonomies.official import official_problem
                    code = "not-official" if official_problem(concept) else "not-usable"
                    yield Problem("error", code, path, line, col, f"rule '{rid}': {why}", rid)
                continue
            yield Problem("error", "unknown-concept", path, line, col,
                          f"rule '{rid}': unknown concept '{concept}'{_concept_hint(concept, known, prefix)}", rid)


def _concept_hint(concept: str, known: dict, prefix: Optional[str]) -> str:
    close = difflib.get_close_matches(concept, list(known), n=1, cutoff=0.75)
    if close:
        return f" (did you mean '{close[0]}'?)"
    local = concept.split(":", 1)[-1]
    by_local = [k for k in known if k.split(":", 1)[-1] == local]
    if by_local:
        return f" (did you mean '{by_local[0]}'?)"
    if prefix and concept.startswith(prefix + ":"):
        return " (declare it under concepts:)"
    return " (not in rules/taxonomy.yaml)"


def file_problems(data, path: str, known: Optional[dict] = None) -> list[Problem]:
    """Everything one file can be checked for alone. Later checks run only on a file the schema accepts,
    so their messages never stack on a structural error."""
    problems = list(schema_problems(data, path))
    if any(p.level == "error" for p in problems):
        return problems
    problems += list(pattern_problems(data, path))
    problems += list(duplicate_id_problems(data, path))
    problems += list(concept_problems(data, path, known))
    from .layout_check import layout_problems   # late: it reads this module's helpers
    problems += list(layout_problems(data, path))
    return problems


def validate_rule_data(data, path: str) -> None:
    """The loader's gate: the first error of the file, as a one-line RuleError."""
    for problem in file_problems(data, path):
        if problem.level == "error":
            raise RuleError(str(problem))
