"""Emitters: a ConversionResult as xBRL-JSON, as an XBRL 2.1 instance, and as the taxonomy both need.

Layout of what `write_outputs(result, DIR/NAME.json|xml, to)` writes (NAME is the output's stem):

    DIR/NAME.json | NAME.xml     the report; its schemaRef / documentInfo.taxonomy is NAME.xsd
    DIR/NAME.xsd                 entry point, namespace urn:xbrlify:report:NAME: imports the schemas below,
                                 references the linkbases, declares one roleType per calculation, a local
                                 arcroleType for the Calculations 1.1 summation-item arcrole (the official
                                 schema cannot be fetched offline) and, when facts have dimensions, the
                                 hypercube ReportTable
    DIR/NAME-PREFIX.xsd          one stand-in schema per concept prefix (us-gaap, srt, dei, the issuer's), with
                                 the namespace URI of the taxonomy file but only the elements the report uses
                                 (concepts, axes, domains, members)
    DIR/NAME_lab.xml             standard labels of every declared element
    DIR/NAME_cal.xml             Calculations 1.1 summations from taxonomy.calculations, one role each, only
                                 those the facts can satisfy (see dts.py); absent when none
    DIR/NAME_def.xml             dimensions: primary items -> closed hypercube (scenario) -> axes -> domain
                                 (the default) -> members; absent when no fact has dimensions

The XBRL base schemas (xbrl-instance, xbrldt, the DTR numeric and non-numeric types) are referenced by their
official URLs, which Arelle resolves from the copies it ships; nothing else outside DIR is needed.
"""
from .render import entry_filename, render_json, render_taxonomy, render_xbrl, taxonomy_view
from .write import write_outputs

__all__ = ["render_json", "render_xbrl", "render_taxonomy", "write_outputs", "entry_filename", "taxonomy_view"]
