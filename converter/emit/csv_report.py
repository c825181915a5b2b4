"""xBRL-CSV (OIM 1.0): the facts as one table, one fact a row, and the JSON metadata that says what its columns
mean. The table opens as it is in a spreadsheet or pandas (a header row, then rows); the metadata is what an
XBRL processor loads. Rows and lexical forms come from report.py, so the CSV states what the XBRL 2.1 instance
and the xBRL-JSON report state.
"""
from __future__ import annotations

import csv
import io
import json

from ..result import ConversionResult
from .report import build_report

DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-csv"
TEMPLATE = "facts"


def axis_column(axis: str) -> str:
    """A column name for a dimension: srt:RangeAxis -> srt_RangeAxis (column names are NCName-like)."""
    return axis.replace(":", "_").replace("-", "_")


def _cell(value: str) -> str:
    # a cell that starts with '#' is a special value in xBRL-CSV (#nil, #empty); a literal one doubles it
    return "#" + value if value.startswith("#") else value


def render_csv(result: ConversionResult, taxonomy_href: str, table_href: str) -> tuple[str, str]:
    """(metadata JSON, facts table CSV); `taxonomy_href` and `table_href` are relative to the metadata file."""
    report = build_report(result)
    axes = sorted({axis for f in report.facts for axis, _ in f.dims})
    dimensions = {"concept": "$concept", "entity": f"{report.entity.prefix}:{report.entity.identifier}",
                  "period": "$period", "unit": "$unit"}
    dimensions.update({axis: f"${axis_column(axis)}" for axis in axes})
    columns = {"id": {}, "concept": {}, "period": {}, "unit": {}, "decimals": {},
               **{axis_column(a): {} for a in axes}, "value": {"dimensions": {}}}
    metadata = {
        "documentInfo": {"documentType": DOCUMENT_TYPE, "namespaces": report.namespaces,
                         "taxonomy": [taxonomy_href]},
        "tableTemplates": {TEMPLATE: {"rowIdColumn": "id", "dimensions": dimensions, "decimals": "$decimals",
                                      "columns": columns}},
        "tables": {TEMPLATE: {"template": TEMPLATE, "url": table_href}},
    }
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(list(columns))
    for f in report.facts:
        dims = dict(f.dims)
        writer.writerow([f.id, f.concept, f.oim_period, f.oim_unit or "",
                         "" if f.decimals is None else str(f.decimals),
                         *(dims.get(a, "") for a in axes), _cell(f.value)])
    return json.dumps(metadata, indent=1, ensure_ascii=False) + "\n", out.getvalue()
