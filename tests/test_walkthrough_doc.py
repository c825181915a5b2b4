"""docs/adding-an-issuer.md shows what the commands print today: every figure block is what tools/walkthrough.py
produces from the walkthrough release and issuer file (`.venv/bin/python tools/walkthrough.py --write`)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from .conftest import shared_path

ROOT = Path(__file__).resolve().parent.parent


def test_the_page_shows_what_the_commands_print():
    shared_path("score.py")
    spec = importlib.util.spec_from_file_location("walkthrough", ROOT / "tools" / "walkthrough.py")
    walkthrough = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(walkthrough)
    page = walkthrough.DOC.read_text()
    assert page.count("<!-- figure: ") == 8
    assert walkthrough.render(page, walkthrough.figures()) == page
