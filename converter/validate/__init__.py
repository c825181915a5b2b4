"""Validators of the emitted outputs. They report, never repair: each returns a list (empty when clean).

- validate_json(text): the xBRL-JSON against schemas/xbrl-json.schema.json
- validate_xml(text, taxonomy=None): the instance against our structural XSD, and in strict mode against the
  XBRL base schemas plus the rendered taxonomy
- validate_xhtml(text): the inline XBRL document is well-formed XHTML with the inline XBRL header
- arelle_check(path): Arelle's XBRL 2.1 / Dimensions / Calculations 1.1 / UTR / OIM findings
"""
import importlib

_HOME = {"validate_json": "json_schema", "validate_xml": "xml_schema", "validate_xhtml": "xml_schema",
         "arelle_check": "arelle_runner", "ArelleUnavailable": "arelle_runner"}


def __getattr__(name):
    """Each validator is imported when first asked for: a JSON conversion loads neither lxml's schemas nor
    Arelle's runner."""
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)


__all__ = ["validate_json", "validate_xml", "validate_xhtml", "arelle_check", "ArelleUnavailable"]
