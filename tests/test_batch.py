"""Batch runs: many files or folders into OUTDIR, one odd file never stops the batch, a failure report, a
re-run that skips what is up to date, worker processes that give the same bytes, and the library API."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import converter
from converter.batch import MANIFEST, run_batch
from converter.cli import main
from converter.validate import validate_json

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "acme-q3-2025.txt"


def run(*args):
    return CliRunner().invoke(main, ["convert", *map(str, args)])


def outputs(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != MANIFEST}


@pytest.fixture
def inbox(tmp_path):
    """A folder of two good releases (one in a subfolder), an empty file, a PNG, and a note that is skipped."""
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(EXAMPLE, src / "acme.txt")
    shutil.copy(EXAMPLE, src / "sub" / "acme-copy.txt")
    (src / "empty.htm").write_bytes(b"")
    (src / "logo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (src / "notes.md").write_text("not a release")
    (src / ".hidden.txt").write_text("skipped too")
    return src


def test_one_odd_file_does_not_stop_the_batch(inbox, tmp_path):
    out = tmp_path / "out"
    res = run("--to", "json", inbox, "-o", out)
    assert res.exit_code == 3, res.output
    assert (out / "acme.json").exists() and (out / "sub" / "acme-copy.json").exists()
    assert validate_json((out / "acme.json").read_text()) == []
    assert (out / "acme.xsd").exists()
    # the failure report: each failed file and why; nothing written for them
    assert f"2 of 4 files failed" in res.stderr
    assert f"{inbox / 'empty.htm'}: the file is empty" in res.stderr
    assert f"{inbox / 'logo.html'}: the file is a PNG image" in res.stderr
    assert not list(out.glob("empty*")) and not list(out.glob("logo*"))
    assert not list(out.rglob("*.tmp"))
    assert "Traceback" not in res.output


def test_rerun_skips_what_is_up_to_date(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(EXAMPLE, src / "a.txt")
    shutil.copy(EXAMPLE, src / "b.txt")
    out = tmp_path / "out"
    first = run(src, "-o", out)
    assert first.exit_code == 0, first.output
    assert "2 converted, 0 up to date" in first.stderr
    second = run(src, "-o", out)
    assert second.exit_code == 0 and "0 converted, 2 up to date" in second.stderr
    (src / "b.txt").write_text(EXAMPLE.read_text().replace("52.4", "52.5"))
    third = run(src, "-o", out)
    assert "1 converted, 1 up to date" in third.stderr
    (out / "a.xsd").unlink()  # a missing taxonomy file makes its output stale
    assert "1 converted, 1 up to date" in run(src, "-o", out).stderr
    assert "2 converted, 0 up to date" in run(src, "-o", out, "--force").stderr
    assert "0 converted, 2 up to date" in run(src, "-o", out, "--to", "json").stderr
    assert "2 converted" in run(src, "-o", tmp_path / "xml", "--to", "xbrl").stderr


def test_failed_files_are_tried_again(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "late.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert run(src, "-o", out).exit_code == 3
    shutil.copy(EXAMPLE, src / "late.txt")
    res = run(src, "-o", out)
    assert res.exit_code == 0 and "1 converted" in res.stderr


def test_workers_give_the_same_bytes(tmp_path, inbox):
    one, two = tmp_path / "one", tmp_path / "two"
    a = run("--to", "xbrl", inbox, EXAMPLE, "-o", one, "--jobs", "1")
    b = run("--to", "xbrl", inbox, EXAMPLE, "-o", two, "--jobs", "2")
    assert a.exit_code == b.exit_code == 3
    assert outputs(one) == outputs(two) and outputs(one)


def test_report_lists_every_file(tmp_path, inbox):
    report = tmp_path / "report.json"
    run(inbox, "-o", tmp_path / "out", "--report", report, "-q")
    data = json.loads(report.read_text())
    by_name = {Path(f["source"]).name: f for f in data["files"]}
    assert set(by_name) == {"acme.txt", "acme-copy.txt", "empty.htm", "logo.html"}
    assert by_name["acme.txt"]["code"] == 0 and by_name["acme.txt"]["facts"] > 10
    assert by_name["empty.htm"]["code"] == 3 and "empty" in by_name["empty.htm"]["message"]
    assert data["code"] == 3


def test_quiet_when_not_a_terminal(tmp_path):
    res = run(EXAMPLE, EXAMPLE.parent, "-o", tmp_path / "out")
    assert "converting" not in res.stderr   # no progress bar: CliRunner's stderr is not a terminal
    assert res.stderr.strip().splitlines()[-1].startswith("xbrlify: 2 files:")


def test_same_output_name_twice_is_refused(tmp_path):
    other = tmp_path / "x"
    other.mkdir()
    shutil.copy(EXAMPLE, other / EXAMPLE.name)
    res = run(EXAMPLE, other / EXAMPLE.name, "-o", tmp_path / "out")
    assert res.exit_code == 3
    line = next(line for line in res.stderr.splitlines() if "would also be" in line)
    assert str(other / EXAMPLE.name) in line and f"the instance of {EXAMPLE}" in line, line


def test_batch_needs_an_output_folder(tmp_path):
    res = run(EXAMPLE, EXAMPLE, tmp_path)
    assert res.exit_code == 2 and "-o OUTDIR" in res.stderr
    (tmp_path / "file").write_text("x")
    assert run(EXAMPLE, EXAMPLE, "-o", tmp_path / "file").exit_code == 2
    assert run(EXAMPLE, "-o", tmp_path / "out", "--validate", EXAMPLE).exit_code == 2


def test_missing_path_is_a_failure_not_a_stop(tmp_path):
    res = run(EXAMPLE, tmp_path / "nope", "-o", tmp_path / "out")
    assert res.exit_code == 3
    assert f"{tmp_path / 'nope'}: no such file or folder" in res.stderr
    assert (tmp_path / "out" / "acme-q3-2025.json").exists()


def test_existing_folder_as_output_of_one_file(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    res = run("--to", "xbrl", EXAMPLE, "-o", out)
    assert res.exit_code == 0, res.output
    assert (out / "acme-q3-2025.xml").exists() and (out / "acme-q3-2025.xsd").exists()


def test_library_api(tmp_path):
    result = converter.convert(EXAMPLE)
    concepts = {f.concept for f in result.facts}
    assert "us-gaap:Revenues" in concepts and result.entity.identifier
    report = run_batch([EXAMPLE], tmp_path / "lib", to="json")
    assert report.code == 0 and report.outcomes[0].facts == len(result.facts)
    assert (tmp_path / "lib" / "acme-q3-2025.json").exists()
    again = run_batch([EXAMPLE], tmp_path / "lib", to="json")
    assert again.outcomes[0].skipped and again.code == 0
