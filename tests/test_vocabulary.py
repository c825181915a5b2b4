"""The base rules know the common wordings of US earnings releases (tests/data/vocabulary.yaml)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from converter.rulebook.loader import load_rulebook
from converter.rulebook.match import match_row

CASES = [tuple(x.strip() for x in line.rsplit("|", 1))
         for line in yaml.safe_load((Path(__file__).parent / "data" / "vocabulary.yaml").read_text())]


@pytest.fixture(scope="module")
def book():
    return load_rulebook(None)


@pytest.mark.parametrize("label,concept", CASES, ids=[c[0] for c in CASES])
def test_base_rules_map_common_labels(book, label, concept):
    rule = match_row(book, label)
    assert (rule.concept if rule else "null") == concept
