"""Emitters: a ConversionResult as xBRL-JSON, as an XBRL 2.1 instance, and as the taxonomy both need.

Layout of what `write_outputs(result, DIR/NAME.json|xml, to)` writes (NAME is the output's stem):

    DIR/NAME.json | NAME.xml     the report; its schemaRef / documentInfo.taxonomy is NAME.xsd
    DIR/NAME.xsd                 entry point, namespace urn:xbrlify:report:NAME: imports the official US-GAAP,
                                 SRT and DEI entry points (https://xbrl.fasb.org/..., https://xbrl.sec.gov/...)
                                 and the extension schemas below, references the linkbases, declares one
                                 roleType per calculation and, when facts have dimensions, the hypercube
    DIR/NAME-PREFIX.xsd          one extension schema per prefix of ours (the issuer's, the project's own), with
                                 only the elements the report uses; nothing is declared in an official namespace
    DIR/NAME_lab.xml             standard labels of every declared element
    DIR/NAME_cal.xml             Calculations 1.1 summations from taxonomy.calculations, one role each, only
                                 those the facts can satisfy (see dts.py); absent when none
    DIR/NAME_def.xml             dimensions: primary items -> closed hypercube (scenario) -> axes -> domain
                                 (the default) -> members; absent when no fact has dimensions

The XBRL base schemas (xbrl-instance, xbrldt, Calculations 1.1, the DTR types) are referenced by their official
URLs, which Arelle resolves from the copies it ships; the official US-GAAP, SRT and DEI entry points resolve
online, or offline from the project's taxonomy package (`xbrlify package`, converter/taxonomies/package.py).
"""
from .render import entry_filename, render_json, render_taxonomy, render_xbrl, taxonomy_view
from .write import write_outputs

__all__ = ["render_json", "render_xbrl", "render_taxonomy", "write_outputs", "entry_filename", "taxonomy_view"]
