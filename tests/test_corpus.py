"""Every corpus document, base rules only (no issuer file), scored against its gold: a floor per document,
and the corpus-wide goal of issue 4 (mean F1 >= 0.95, every precision >= 0.99)."""
from __future__ import annotations

import pytest

from converter import convert, write

from .conftest import SHARED, score_output, shared_path

# (recall, precision) reached; a drop below either is a regression
FLOORS = {
    "abvc-fy2024.html": (1.0, 1.0),
    "adobe-fy2023q1.html": (1.0, 1.0),
    "apple-fy2011q1.html": (1.0, 1.0),
    "oracle-fy2022q4.html": (1.0, 1.0),
    "adobe-fy2023q1-pdf.txt": (0.91, 1.0),
    "apple-fy2011q1-pdf.txt": (0.93, 1.0),
    "adobe-fy2023q1-pdflayout.txt": (1.0, 1.0),
    "apple-fy2011q1-pdflayout.txt": (1.0, 1.0),
    "cmuv-2024q3.txt": (0.94, 1.0),
    "goldenmatrix-2025q3.txt": (1.0, 1.0),
    "mobilehealth-2024fy.txt": (1.0, 1.0),
    "paltalk-2024q3.txt": (1.0, 1.0),
    "silexion-2024q3.txt": (1.0, 1.0),
}
_scores: dict[str, dict] = {}


def _score(name, tmp_path_factory):
    if name not in _scores:
        doc = shared_path("corpus", name)
        gold = shared_path("gold", name.rsplit(".", 1)[0] + ".gold.csv")
        out = tmp_path_factory.mktemp("corpus") / "out.json"
        write(convert(doc, issuer="none"), out, "json")
        _scores[name] = score_output(gold, out)
    return _scores[name]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_corpus_document_floor(name, tmp_path_factory):
    s = _score(name, tmp_path_factory)
    recall, precision = FLOORS[name]
    assert s["recall"] >= recall and s["precision"] >= precision, (s["misses"], s["false_positives"])


def test_corpus_goal(tmp_path_factory):
    if not (SHARED / "corpus").is_dir():
        pytest.skip("no shared corpus")
    scores = [_score(n, tmp_path_factory) for n in sorted(FLOORS)]
    assert sum(s["f1"] for s in scores) / len(scores) >= 0.95
    assert min(s["precision"] for s in scores) >= 0.99
