"""Period type and balance of US-GAAP elements, which the official element list (taxonomies/2024/us-gaap-2024-
elements.csv) lacks, from the official US-GAAP statement calculations:

    .venv/bin/python tools/us_gaap_attributes.py [../shared/taxonomy/us-gaap-2025-stm-cal] > taxonomies/2024/us-gaap-2024-attributes.csv

Period type: an element summed in a balance sheet network (sfp) is an instant; one in an income statement,
comprehensive income or cash flow network (soi, soc, scf) a duration; one in both, or only in the equity
statements (sheci, spc, which hold balances and changes alike), is left out. Balance: XBRL 2.1 requires a
summation's weights to agree with its concepts' balances (an item of weight +1 has its total's balance, of -1
the other), so balances spread from the ones rules/taxonomy.yaml gives through the official networks; an
element two paths give different balances is left without one. Only monetary elements of the 2024 list take a
balance; only numeric ones are written. Sums: "yes" for an element that is the total of two items or more in
some official network (a line a statement prints as the sum of lines above it: engine/totals.py).
"""
from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

INSTANT, DURATION = {"sfp"}, {"soi", "soc", "scf"}
NUMERIC = {"monetaryItemType", "sharesItemType", "perShareItemType", "percentItemType", "pureItemType",
           "decimalItemType"}


def attributes(folder: Path):
    from official_calcs import official_summations
    from converter.pipeline import base_taxonomy
    from converter.taxonomies.official import official_elements
    summations = official_summations(folder)
    statements: dict[str, set[str]] = defaultdict(set)
    edges: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for total, networks in summations.items():
        for where, items in networks.items():
            kind = "".join(c for c in where.split("-")[3] if c.isalpha())
            for q in [total, *items]:
                statements[q].add(kind)
            for item, weight in items.items():
                edges[total].append((item, weight))
                edges[item].append((total, weight))
    official = official_elements()
    balance: dict[str, str] = {n: d.balance for n, d in base_taxonomy().concepts.items()
                               if n.startswith("us-gaap:") and d.balance}
    conflict: set[str] = set()
    queue = list(balance)
    while queue:
        q = queue.pop()
        for other, weight in edges.get(q, ()):
            want = balance[q] if weight > 0 else {"debit": "credit", "credit": "debit"}[balance[q]]
            if other in balance:
                if balance[other] != want:
                    conflict.add(other)
                continue
            balance[other] = want
            queue.append(other)
    for q in sorted(statements):
        e = official.get(q)
        if e is None or e.type not in NUMERIC:
            continue
        kinds = statements[q]
        period = "instant" if kinds <= INSTANT else "duration" if kinds <= DURATION else None
        if period is None:
            continue
        bal = balance.get(q) if e.type == "monetaryItemType" and q not in conflict else None
        sums = any(len(items) >= 2 for items in summations.get(q, {}).values())
        yield q.split(":", 1)[1], period, bal or "", "yes" if sums else ""


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "taxonomy" / "us-gaap-2025-stm-cal"
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["name", "period", "balance", "sums"])
    out.writerows(attributes(folder))
