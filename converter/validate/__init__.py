"""Validators of the emitted outputs. They report, never repair: each returns a list (empty when clean).

- validate_json(text): the xBRL-JSON against schemas/xbrl-json.schema.json
- validate_xml(text, taxonomy=None): the instance against our structural XSD, and in strict mode against the
  XBRL base schemas plus the rendered taxonomy
- validate_xhtml(text): the inline XBRL document is well-formed XHTML with the inline XBRL header
- arelle_check(path): Arelle's XBRL 2.1 / Dimensions / Calculations 1.1 / UTR / OIM findings
"""
from .arelle_runner import ArelleUnavailable, arelle_check
from .json_schema import validate_json
from .xml_schema import validate_xhtml, validate_xml

__all__ = ["validate_json", "validate_xml", "validate_xhtml", "arelle_check", "ArelleUnavailable"]
