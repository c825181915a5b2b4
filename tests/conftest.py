"""Shared fixtures: where the shared documents are, a cached conversion per document, and the head of an
issuer file the rule-authoring tests write."""
from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("XBRLIFY_SHARED", ROOT.parent / "shared"))
# the rulebook cache (converter/rulebook/cache.py) of this test run, fresh, not the user's; subprocesses inherit it
os.environ["XBRLIFY_CACHE_DIR"] = tempfile.mkdtemp(prefix="xbrlify-test-cache-")
atexit.register(shutil.rmtree, os.environ["XBRLIFY_CACHE_DIR"], True)


def shared_path(*parts: str) -> Path:
    """A path under ../shared (or $XBRLIFY_SHARED); the test is skipped when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent (set XBRLIFY_SHARED to the shared folder)")
    return p


def score_module():
    """../shared/score.py; the test is skipped when it is absent."""
    shared_path("score.py")
    return _score_module()


@lru_cache(maxsize=None)
def _score_module():
    sys.path.insert(0, str(SHARED))
    try:
        import score  # ../shared/score.py
    finally:
        sys.path.pop(0)
    return score


def score_output(gold: Path, output: Path) -> dict:
    s = score_module()
    return s.score(s.load_gold(str(gold)), s.load_output(str(output)))


# the issuer block the rule-authoring tests start their issuer files with ("Acme Corp", prefix acme)
ISSUER_HEAD = """# yaml-language-server: $schema=../../schemas/rules.schema.json
issuer:
  name: Acme Corp
  prefix: acme
  namespace: http://acme.example/2024
  detect: ["\\\\bAcme Corp\\\\b"]
"""
