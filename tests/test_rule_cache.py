"""The rulebook cache (converter/rulebook/cache.py): a second run takes the compiled rules from disk and
compiles a pattern only when it is used; an entry for other bytes is ignored, a damaged one rebuilt,
concurrent writers leave a whole entry, and XBRLIFY_NO_CACHE turns it off."""
from __future__ import annotations

import multiprocessing
import pickle
import shutil
from pathlib import Path

import pytest

from converter.paths import RULES_DIR
from converter.rulebook import cache, loader
from converter.rulebook.loader import RuleError, compiled_file
from converter.rulebook.check import check_paths

ISSUER = RULES_DIR / "issuers" / "immunogen.yaml"


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder, and no rule file remembered in this process."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XBRLIFY_CACHE_DIR", str(folder))
    monkeypatch.delenv("XBRLIFY_NO_CACHE", raising=False)
    loader._compiled.cache_clear()
    loader._book.cache_clear()
    yield folder
    loader._compiled.cache_clear()
    loader._book.cache_clear()


def entry(folder: Path, path: Path, origin: str) -> Path:
    return folder / f"{cache.rule_entry(str(path.resolve()), origin)}.pickle"


def rules_of(compiled) -> list:
    rows, phrases, issuer, concepts, skips, (tables, ignores) = compiled
    return [(r.id, r.concept, [p.pattern for p in r.labels]) for r in rows] + \
           [(r.id, r.concept, [p.pattern for p in r.metrics]) for r in phrases] + [issuer, concepts]


def test_second_load_comes_from_the_cache_uncompiled(fresh):
    first = compiled_file(ISSUER, "issuer")
    assert entry(fresh, ISSUER, "issuer").is_file()
    loader._compiled.cache_clear()
    again = compiled_file(ISSUER, "issuer")
    assert again is not first and rules_of(again) == rules_of(first)
    rows = again[0]
    assert rows and all(p._compiled is None for r in rows for p in r.labels)   # compiled when first used
    rows[0].labels[0].fullmatch("some label")
    assert rows[0].labels[0]._compiled is not None and rows[1].labels[0]._compiled is None


def test_other_bytes_are_not_served_from_the_cache(fresh, tmp_path):
    copy = tmp_path / "acme.yaml"
    shutil.copy(ISSUER, copy)
    before = compiled_file(copy, "issuer")
    text = copy.read_text()
    rid = before[0][0].id
    copy.write_text(text.replace(rid, f"{rid}-renamed", 1))
    loader._compiled.cache_clear()
    assert compiled_file(copy, "issuer")[0][0].id == f"{rid}-renamed"
    copy.write_text(text.replace("concept: imgn:", "concept: imgn:Nope", 1))   # now broken: the error is not hidden
    loader._compiled.cache_clear()
    with pytest.raises(RuleError, match="imgn:Nope"):
        compiled_file(copy, "issuer")


def test_a_damaged_entry_is_ignored_and_rebuilt(fresh):
    compiled_file(ISSUER, "issuer")
    path = entry(fresh, ISSUER, "issuer")
    path.write_bytes(path.read_bytes()[:50])
    loader._compiled.cache_clear()
    assert rules_of(compiled_file(ISSUER, "issuer"))
    key, payload = pickle.loads(path.read_bytes())
    assert key == cache.key_of(ISSUER.resolve(), "issuer", ISSUER.read_bytes())


def _store(args):
    folder, n = args
    import os
    os.environ["XBRLIFY_CACHE_DIR"] = folder
    for _ in range(30):
        cache.store("shared", b"key", [n] * 20000)
    return n


def test_concurrent_writers_leave_a_whole_entry(fresh):
    with multiprocessing.get_context("fork").Pool(4) as pool:
        pool.map(_store, [(str(fresh), n) for n in range(4)])
    found = cache.load("shared", b"key")
    assert found is not None and len(set(found)) == 1 and len(found) == 20000
    assert [p.name for p in fresh.iterdir()] == ["shared.pickle"]   # no temporary file left behind


def test_no_cache_writes_nothing(fresh, monkeypatch):
    monkeypatch.setenv("XBRLIFY_NO_CACHE", "1")
    assert rules_of(compiled_file(ISSUER, "issuer"))
    assert not fresh.exists()


def test_rules_check_answer_follows_the_files(fresh, tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(RULES_DIR, folder)
    assert [p for p in check_paths([folder], folder, timeouts=False) if p.level == "error"] == []
    target = folder / "issuers" / ISSUER.name
    target.write_text(target.read_text().replace("concept: imgn:", "concept: imgn:Nope", 1))
    errors = [p for p in check_paths([folder], folder, timeouts=False) if p.level == "error"]
    assert errors and "imgn:Nope" in errors[0].message


def test_kept_dataclass_code_makes_the_standard_classes(fresh):
    """converter/dataclass_code.py: the same class the standard decorator makes, from kept code the second
    time, and the standard factory back in place afterwards."""
    import dataclasses
    from converter import dataclass_code

    def make(decorate):
        @decorate(frozen=True)
        class Point:
            x: int
            y: int = 0
            tags: tuple = dataclasses.field(default=())
        return Point

    standard = make(dataclasses.dataclass)
    factory = dataclasses._create_fn
    kept = make(dataclass_code.dataclass)
    assert dataclasses._create_fn is factory
    assert len(dataclass_code._codes()) > 0
    again = make(dataclass_code.dataclass)
    for cls in (kept, again):
        p = cls(1, tags=("a",))
        assert (repr(p).split("(", 1)[1], p == cls(1, 0, ("a",)), hash(p) == hash(cls(1, 0, ("a",)))) == \
               (repr(standard(1, tags=("a",))).split("(", 1)[1], True, True)
        with pytest.raises(dataclasses.FrozenInstanceError):
            p.x = 2
        assert [f.name for f in dataclasses.fields(cls)] == ["x", "y", "tags"]
