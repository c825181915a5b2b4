"""Real releases nobody here wrote (tests/data/real: the eighteen of ../shared/realcorpus, newswire Markdown
and one EDGAR HTML; tests/data/realpdf: six PDF files as their companies published them, and two of them
rewritten by Ghostscript, `gs -sDEVICE=pdfwrite -o NAME.ghostscript.pdf NAME.pdf`, which rebuilds their
fonts' maps from glyphs to characters: dashes came out as digits), converted with the
base rules only and scored against gold written by hand from each document (NAME.notes.md says how). Each
floor is what the converter reached; precision is the point: a wrong fact is worse than a missing one.

Also: withholding is for what the evidence cannot settle, never a way to pass. No fact the gold expects is
among the readings the converter withheld."""
from __future__ import annotations

from pathlib import Path

import pytest

from converter import convert, write

from .conftest import score_module, score_output

DATA = Path(__file__).parent / "data"

# document -> (recall floor, precision floor)
FLOORS = {
    "real/adaptivebio-2024q4.txt": (0.96, 1.0),
    "real/agios-2024q4.txt": (0.98, 1.0),
    "real/arvinas-2024q4.txt": (0.94, 1.0),
    "real/avient-2024q4.txt": (1.00, 1.0),
    "real/crispr-2024q4.txt": (1.00, 1.0),
    "real/fhlbdesmoines-2024q4.txt": (0.48, 1.0),    # a Federal Home Loan Bank's own lines (advances, obligations)
    "real/freshworks-2024q4.txt": (0.98, 1.0),
    "real/friedman-fy2025q3.txt": (0.92, 1.0),
    "real/glimpsegroup-fy2025q2.txt": (0.90, 1.0),
    "real/ideaya-2024q4.txt": (1.00, 1.0),
    "real/intelligentbio-fy2025q2.txt": (0.98, 1.0),
    "real/martinmarietta-2024q4.txt": (0.93, 1.0),
    "real/nabors-2024q4.txt": (0.97, 1.0),
    "real/nvidia-fy2026q4.htm": (0.99, 1.0),
    "real/royaltypharma-2024q4.txt": (0.98, 1.0),
    "real/sunlinkhealth-fy2025q2.txt": (1.00, 1.0),
    "real/tigoenergy-2024q4.txt": (0.97, 1.0),
    "real/vornado-2024q4.txt": (1.00, 1.0),
    "realpdf/bestbuy-fy2023q4.pdf": (0.99, 1.0),
    "realpdf/intel-2023q1.pdf": (0.99, 1.0),
    "realpdf/intel-2023q1.ghostscript.pdf": (0.99, 1.0),
    "realpdf/johnsonjohnson-2023q1.pdf": (1.00, 1.0),
    "realpdf/pepsico-2023q2.pdf": (1.00, 1.0),
    "realpdf/pfizer-2023q2.pdf": (0.97, 1.0),
    "realpdf/pge-2023q2.pdf": (1.00, 1.0),
    "realpdf/pge-2023q2.ghostscript.pdf": (1.00, 1.0),
}


def _gold(name: str) -> Path:
    doc = DATA / name
    return doc.with_name(doc.name.split(".")[0] + ".gold.csv")   # NAME.ghostscript.pdf is NAME's


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_real_release_scores_at_least_its_floor(name, tmp_path):
    out = tmp_path / "out.json"
    result = convert(DATA / name, issuer="none")
    write(result, out, "json")
    scored = score_output(_gold(name), out)
    recall, precision = FLOORS[name]
    assert scored["precision"] >= precision, scored["false_positives"]
    assert scored["recall"] >= recall, [m["label"] + " " + m["period_s"] for m in scored["misses"]]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_no_fact_the_gold_expects_is_withheld(name):
    score = score_module()
    gold = [g for g in score.load_gold(str(_gold(name))) if not g["dims"]]
    result = convert(DATA / name, issuer="none")
    hidden = []
    for fact, why in result.rejected:
        if not why.startswith("withheld"):
            continue
        period = score.norm_period(str(fact.period))
        local = fact.concept.split(":")[-1]
        for g in gold:
            if local in g["concepts"] and score.period_matches(period, g["period"]) \
                    and score.value_matches(g["value"], g["decimals"], fact.value):
                hidden.append(f"{g['label']} {g['period_s']} {g['value']}: {why[:120]}")
    assert not hidden, hidden


# The check findings left on the real releases are the sources' own: each is named here with why it stands.
SOURCE_FINDINGS = {
    # Nabors' EPS numerator also deducts the distributions owed to its redeemable noncontrolling interest
    # (its "Reconciliation of Earnings per Share" table shows them), so EPS is not net income / shares
    ("nabors-2024q4.txt", "eps-inconsistency", "2023-01-01..2023-12-31"),
    ("nabors-2024q4.txt", "eps-inconsistency", "2023-10-01..2023-12-31"),
    ("nabors-2024q4.txt", "eps-inconsistency", "2024-01-01..2024-12-31"),
    ("nabors-2024q4.txt", "eps-inconsistency", "2024-07-01..2024-09-30"),
    ("nabors-2024q4.txt", "eps-inconsistency", "2024-10-01..2024-12-31"),
    # Tigo prints a 2023 basic loss per share of (0.08) that no printed numerator and share count give
    # (its gold notes: the adjusted numerator is not printed)
    ("tigoenergy-2024q4.txt", "eps-inconsistency", "2023-01-01..2023-12-31"),
}


def test_the_check_findings_left_on_real_releases_are_the_sources_own():
    found = set()
    for name in FLOORS:
        for f in convert(DATA / name, issuer="none").findings:
            if f.code != "withheld":
                found.add((Path(name).name, f.code, str(f.facts[0].period) if f.facts else f.message))
    assert found == SOURCE_FINDINGS
