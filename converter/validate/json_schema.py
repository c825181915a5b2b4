"""The xBRL-JSON output checked against schemas/xbrl-json.schema.json, our contract for what we emit.

JSON Schema cannot see duplicate keys (json.loads keeps the last), and OIM forbids them, so parsing refuses
them first.

Every conversion validates its output, so the check must be cheap: the schema is also compiled to Python
with fastjsonschema (draft-07 reads every keyword this schema uses the same way), which passes a valid report
in about a millisecond; only a report it rejects goes through jsonschema, for the full list of messages.
The compiled validator is kept in the cache (rulebook/cache.py), keyed on the schema's bytes, so a run does
not generate and compile its Python again; jsonschema is imported only for a report that fails.
"""
from __future__ import annotations

import json
import marshal
import re
from functools import lru_cache

from ..paths import SCHEMAS_DIR

SCHEMA_FILE = SCHEMAS_DIR / "xbrl-json.schema.json"


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator
    with open(SCHEMA_FILE, encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@lru_cache(maxsize=1)
def _fast_validator():
    """fastjsonschema's validator for the schema: its generated code, compiled, from the cache."""
    import fastjsonschema   # the generated code imports its exceptions
    from ..rulebook import cache
    raw = SCHEMA_FILE.read_bytes()
    name = cache.rule_entry(str(SCHEMA_FILE), "fastjsonschema")
    key = cache.key_of(SCHEMA_FILE, fastjsonschema.VERSION, raw)
    found = cache.load(name, key)
    if found is None:
        schema = _refuse_constants_by_pattern(json.loads(raw))
        schema["$schema"] = "http://json-schema.org/draft-07/schema#"
        source = fastjsonschema.compile_to_code(schema)
        function = source.split("\ndef ", 1)[1].split("(", 1)[0]   # the schema's own: the first one defined
        found = function, marshal.dumps(compile(source, str(SCHEMA_FILE), "exec"))
        cache.store(name, key, found)
    function, code = found
    namespace: dict = {}
    exec(marshal.loads(code), namespace)
    return namespace[function]


def _refuse_constants_by_pattern(node):
    """The schema with each string that must match an anchored pattern and not be one constant ("unit" is
    no "xbrli:pure") checked by the pattern alone, led by a look-ahead that refuses the constant: the same
    strings pass. fastjsonschema checks a `not` by raising and catching an exception when it holds, for the
    unit of every fact (an eighth of a report's validation). jsonschema reads the schema as written."""
    if isinstance(node, list):
        return [_refuse_constants_by_pattern(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _refuse_constants_by_pattern(v) for k, v in node.items()}
    refused, pattern = out.get("not"), out.get("pattern")
    if out.get("type") == "string" and isinstance(pattern, str) and pattern.startswith("^") \
            and isinstance(refused, dict) and list(refused) == ["const"] and isinstance(refused["const"], str):
        del out["not"]
        out["pattern"] = f"^(?!{re.escape(refused['const'])}$)" + pattern[1:]   # fastjsonschema reads $ as \Z
    return out


def _passes_fast(doc) -> bool:
    from fastjsonschema import JsonSchemaException
    try:
        _fast_validator()(doc)
        return True
    except JsonSchemaException:
        return False


def _refuse_duplicates(pairs: list[tuple[str, object]]) -> dict:
    """The object as json.loads builds it, refused when a key repeats (dict() does the counting: it is asked
    of every object in the report)."""
    seen = dict(pairs)
    if len(seen) != len(pairs):
        names: set[str] = set()
        for key, _value in pairs:
            if key in names:
                raise ValueError(f"duplicate key {key!r}")
            names.add(key)
    return seen


def validate_json(text: str) -> list[str]:
    """Messages for every way `text` breaks the schema ("path: message"), sorted; empty when valid."""
    try:
        doc = json.loads(text, object_pairs_hook=_refuse_duplicates)
    except ValueError as e:
        return [f"(document): not valid JSON: {e}"]
    if _passes_fast(doc):
        return []
    messages = []
    for error in _validator().iter_errors(doc):
        path = "/".join(str(p) for p in error.absolute_path) or "(root)"
        messages.append(f"{path}: {error.message}")
    return sorted(messages)
