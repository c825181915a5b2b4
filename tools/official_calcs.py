"""Compare the summations rules/taxonomy.yaml declares with the official US-GAAP statement calculations.

    .venv/bin/python tools/official_calcs.py [../shared/taxonomy/us-gaap-2025-stm-cal]

For each declared calculation: the official statement networks in which its total is a summation, the items it
lists that the official calculations do not sum directly into the total (or that they sum with the other
weight), and the official items it leaves out. The findings are kept as comments in rules/taxonomy.yaml.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LINK, XLINK = "{http://www.xbrl.org/2003/linkbase}", "{http://www.w3.org/1999/xlink}"


def official_summations(folder: Path) -> dict[str, dict[str, dict[str, int]]]:
    """total QName -> {file#role: {item QName: weight}}."""
    out: dict[str, dict[str, dict[str, int]]] = defaultdict(dict)
    for path in sorted(folder.glob("*.xml")):
        root = etree.parse(str(path)).getroot()
        for link in root.iter(f"{LINK}calculationLink"):
            locs = {}
            for loc in link.iter(f"{LINK}loc"):
                prefix, _, local = loc.get(f"{XLINK}href").split("#", 1)[1].partition("_")
                locs[loc.get(f"{XLINK}label")] = f"{prefix}:{local}"
            where = f"{path.name}#{link.get(f'{XLINK}role').rsplit('/', 1)[1]}"
            for arc in link.iter(f"{LINK}calculationArc"):
                total, item = locs[arc.get(f"{XLINK}from")], locs[arc.get(f"{XLINK}to")]
                out[total].setdefault(where, {})[item] = int(float(arc.get("weight")))
    return out


def compare(calcs, official) -> list[str]:
    lines = []
    for c in calcs:
        networks = official.get(c.total, {})
        if not networks:
            lines.append(f"{c.id}: {c.total} is the total of no official statement calculation")
            continue
        direct = {}
        for items in networks.values():
            direct.update(items)
        extra = [f"{i} ({w:+d})" for i, w in c.items if direct.get(i) != w]
        missing = sorted(set(direct) - {i for i, _ in c.items})
        lines.append(f"{c.id}: total in {len(networks)} official networks; "
                     f"items not summed directly with that weight: {', '.join(extra) or 'none'}; "
                     f"official items left out: {len(missing)} ({', '.join(missing[:6])}{', ...' if len(missing) > 6 else ''})")
    return lines


if __name__ == "__main__":
    from converter.pipeline import base_taxonomy
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "taxonomy" / "us-gaap-2025-stm-cal"
    print("\n".join(compare(base_taxonomy().calculations, official_summations(folder))))
