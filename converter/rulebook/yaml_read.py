"""Reading a rule file's YAML: safe loading only, every mapping remembering where it stands (so errors can
say file:line:column), duplicate keys and aliases refused, a date kept as the text it was written as."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import yaml

from .errors import RuleError

_ALIAS_REFUSED = "an alias (*name) repeats an anchored value; rule files do not use anchors and aliases: write " \
                 "the value out"


class _AliasFound(yaml.constructor.ConstructorError):
    pass


def _first_alias(text: str):
    """Where the first alias stands (the error is found on the node graph, which no longer knows)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark
    return None


class _NoAliases:
    """Refuses a document in which a node is reached twice (an alias, `*name`), before anything is built from
    it: nine levels of nine aliases are a few hundred bytes that expand to 9**9 values when the data is copied
    or validated. Rule files are written by hand and need none."""

    def construct_document(self, node):
        seen: set[int] = set()
        stack = [node]
        while stack:
            n = stack.pop()
            if id(n) in seen:
                raise _AliasFound(None, None, _ALIAS_REFUSED, n.start_mark)
            seen.add(id(n))
            if isinstance(n, yaml.SequenceNode):
                stack.extend(n.value)
            elif isinstance(n, yaml.MappingNode):
                stack.extend(v for pair in n.value for v in pair)
        return super().construct_document(node)

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError, TypeError) as e:   # a scalar typed but not buildable (2025-13-45)
            raise yaml.constructor.ConstructorError(None, None, f"a value cannot be read: {e}",
                                                    node.start_mark) from None


class _LineLoader(_NoAliases, yaml.SafeLoader):
    """Safe loader that records the line of every mapping, so errors can point at a rule."""


class _FastLineLoader(_NoAliases, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same on libyaml's parser, when PyYAML has it: 8x faster. A file it refuses is read again by the
    pure-Python parser, whose messages say more ("but got '<stream end>'")."""


class MarkedDict(dict):
    """A mapping read from YAML that remembers where it starts (`start`) and where each key and value starts
    (`marks[key]` = (key line, key column, value line, value column, item positions)); 1-based. Kept as
    attributes, not keys, so the data itself is unchanged and errors can still say line:column."""
    start: tuple = (0, 0)
    marks: dict = {}


def _construct_mapping(loader, node):
    mapping = MarkedDict(yaml.SafeLoader.construct_mapping(loader, node, deep=True))
    mapping["__line__"] = node.start_mark.line + 1
    mapping.start = (node.start_mark.line + 1, node.start_mark.column + 1)
    marks = {}
    for key_node, value_node in node.value:
        if key_node.value in marks:  # PyYAML keeps the last silently; a rule author lost the first
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key_node.value}' (first at "
                                                    f"line {marks[key_node.value][0]})", key_node.start_mark)
        items = tuple((n.start_mark.line + 1, n.start_mark.column + 1) for n in value_node.value) \
            if isinstance(value_node, yaml.SequenceNode) else ()
        marks[key_node.value] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                 value_node.start_mark.line + 1, value_node.start_mark.column + 1, items)
    mapping.marks = marks
    return mapping


def _construct_timestamp(loader, node):
    """A date stays the text it was written as: a period the schema checks (2024-13-01 is reported at its
    line, not raised by the YAML reader), and the same whether YAML saw a date or a string."""
    return loader.construct_scalar(node)


for _loader in (_LineLoader, _FastLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def read_yaml(path: Path, raw: Optional[bytes] = None) -> dict:
    """The file's data (mappings remember their lines); `raw`: its bytes, when the caller has read them."""
    try:
        text = (Path(path).read_bytes() if raw is None else raw).decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(f"{path}: cannot read: {e}") from None
    try:
        try:
            data = yaml.load(text, Loader=_FastLineLoader)
        except _AliasFound as e:
            e.problem_mark = _first_alias(text) or e.problem_mark
            raise
        except yaml.YAMLError:
            data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        context, cmark = getattr(e, "context", None), getattr(e, "context_mark", None)
        started = f" ({context} at line {cmark.line + 1})" if context and cmark and mark and cmark.line != mark.line else ""
        problem = getattr(e, "problem", None) or str(e)
        if isinstance(e, yaml.reader.ReaderError):   # a character YAML refuses: its place, in one line
            line = text.count("\n", 0, e.position) + 1
            where = f"{path}:{line}:{e.position - (text.rfind(chr(10), 0, e.position) + 1) + 1}"
            problem = f"character {chr(e.character)!r} is not allowed ({e.reason})" \
                if isinstance(e.character, int) else e.reason
        raise RuleError(f"{where}: invalid YAML: {' '.join(str(problem).split())}{started}") from None
    except RecursionError:
        raise RuleError(f"{path}: invalid YAML: nested too deeply") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise RuleError(f"{path}:1:1: a rule file is a mapping (issuer, concepts, rows, phrases, tests)")
    return data
