"""The xBRL-JSON output checked against schemas/xbrl-json.schema.json, our contract for what we emit.

JSON Schema cannot see duplicate keys (json.loads keeps the last), and OIM forbids them, so parsing refuses
them first.

Every conversion validates its output, so the check must be cheap: the schema is also compiled to Python
with fastjsonschema (draft-07 reads every keyword this schema uses the same way), which passes a valid report
in about a millisecond; only a report it rejects goes through jsonschema, for the full list of messages.
"""
from __future__ import annotations

import json
from functools import lru_cache

import fastjsonschema
from jsonschema import Draft202012Validator

from ..paths import SCHEMAS_DIR

SCHEMA_FILE = SCHEMAS_DIR / "xbrl-json.schema.json"


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    with open(SCHEMA_FILE, encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@lru_cache(maxsize=1)
def _fast_validator():
    with open(SCHEMA_FILE, encoding="utf-8") as f:
        schema = json.load(f)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    return fastjsonschema.compile(schema)


def _passes_fast(doc) -> bool:
    try:
        _fast_validator()(doc)
        return True
    except fastjsonschema.JsonSchemaException:
        return False


def _refuse_duplicates(pairs: list[tuple[str, object]]) -> dict:
    seen: dict[str, object] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"duplicate key {key!r}")
        seen[key] = value
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
