"""Outputs never overwrite an input, a device, a link or a read-only file, nor another output of the same run;
the manifest is only ever a regular file in the output folder. Each refusal is one line naming what is in
the way (and, for two inputs, both of them), and nothing is written."""
from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main
from converter.batch import MANIFEST

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "acme-q3-2025.txt"


def run(*args):
    return CliRunner().invoke(main, ["convert", *map(str, args)])


def one_line_error(res, *needles: str) -> str:
    assert res.exit_code == 3, res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("xbrlify: error: "), res.stderr
    assert all(n in lines[0] for n in needles), lines[0]
    return lines[0]


@pytest.fixture
def release(tmp_path) -> Path:
    p = tmp_path / "release.txt"
    shutil.copy(EXAMPLE, p)
    return p


# ------------------------------------------------------------------------------------------ one file

def test_output_named_as_the_input_is_refused(release):
    before = release.read_bytes()
    one_line_error(run(release, "-o", release), "would overwrite the input", str(release))
    assert release.read_bytes() == before


def test_an_input_its_own_taxonomy_file_would_replace_is_refused(tmp_path):
    src = tmp_path / "r.xsd"
    shutil.copy(EXAMPLE, src)
    before = src.read_bytes()
    one_line_error(run("--format", "pipe", src, "-o", tmp_path / "r.json"), "taxonomy schema", str(src))
    assert src.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xsd"]


def test_an_input_an_xbrl_csv_metadata_file_would_replace_is_refused(tmp_path):
    """--to csv writes OUT.csv and OUT-metadata.json: the metadata file is planned with the rest."""
    src = tmp_path / "r-metadata.json"
    shutil.copy(EXAMPLE, src)
    before = src.read_bytes()
    one_line_error(run("--format", "pipe", "--to", "csv", src, "-o", tmp_path / "r.csv"), "xBRL-CSV metadata",
                   str(src))
    assert src.read_bytes() == before


def test_a_fifo_or_device_at_the_output_path_is_not_replaced(release, tmp_path):
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    one_line_error(run(release, "-o", fifo), str(fifo), "not a file")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    device = tmp_path / "null.json"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))   # what /dev/null is
    except (PermissionError, OSError):
        return   # not root: no device node to try (and none we could replace either)
    one_line_error(run(release, "-o", device), str(device), "not a file")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_link_at_the_output_path_is_neither_followed_nor_replaced(release, tmp_path):
    target = tmp_path / "precious.json"
    target.write_text("keep me")
    link = tmp_path / "out.json"
    link.symlink_to(target)
    one_line_error(run(release, "-o", link), str(link), "symbolic link")
    assert link.is_symlink() and target.read_text() == "keep me"


def test_a_read_only_output_is_refused_and_stays_read_only(release, tmp_path):
    out = tmp_path / "out.json"
    out.write_text("old")
    out.chmod(0o444)
    one_line_error(run(release, "-o", out), str(out), "read-only")
    assert out.read_text() == "old" and stat.S_IMODE(out.stat().st_mode) == 0o444
    assert not (tmp_path / "out.xsd").exists()   # refused before any of its files was written


def test_a_replaced_output_keeps_its_permissions(release, tmp_path):
    out = tmp_path / "out.json"
    out.write_text("old")
    out.chmod(0o640)
    assert run(release, "-o", out).exit_code in (0, 1)
    assert json.loads(out.read_text())["facts"] and stat.S_IMODE(out.stat().st_mode) == 0o640


# ------------------------------------------------------------------------------------------ a batch

@pytest.mark.parametrize("first, second, shared", [("q.txt", "q_lab.txt", "q_lab.xml"),
                                                   ("a b.txt", "a_b.txt", "a_b.xsd"),
                                                   ("q.txt", "q-us-gaap.txt", "q-us-gaap.xsd")])
def test_two_inputs_that_would_write_one_file_are_told_apart(tmp_path, first, second, shared):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name in (first, second):
        shutil.copy(EXAMPLE, src / name)
    res = run("--to", "xbrl", src, "-o", out)
    assert res.exit_code == 3, res.output
    line = next(line for line in res.stderr.splitlines() if "would also be" in line)
    assert str(src / first) in line and str(src / second) in line and shared in line, line
    entries = [json.loads(line) for line in (out / MANIFEST).read_text().splitlines()]
    kept = min(first, second)   # a folder's files are taken in name order; the first keeps its files
    assert [e["source"] for e in entries] == [str(src / kept)]
    on_disk = {str(p) for p in out.iterdir() if p.name != MANIFEST}
    assert str(out / shared) in entries[0]["written"] and on_disk == set(entries[0]["written"])


def test_a_manifest_that_is_a_folder_stops_the_batch_before_it_starts(tmp_path):
    out, src = tmp_path / "out", tmp_path / "in"
    (out / MANIFEST).mkdir(parents=True)
    src.mkdir()
    shutil.copy(EXAMPLE, src / "a.txt")
    res = run(src, "-o", out)
    assert "Traceback" not in res.output
    one_line_error(res, str(out / MANIFEST), "is a folder", "remove it")
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST]


def test_a_manifest_that_is_a_link_is_not_written_through(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    target = tmp_path / "elsewhere.txt"
    target.write_text("not a manifest\n")
    (out / MANIFEST).symlink_to(target)
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(EXAMPLE, src / "a.txt")
    one_line_error(run(src, "-o", out), str(out / MANIFEST), "symbolic link")
    assert target.read_text() == "not a manifest\n" and (out / MANIFEST).is_symlink()
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST]


def test_the_manifest_is_a_regular_file_listing_what_was_written(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(EXAMPLE, src / name)
    assert run(src, "-o", out).exit_code in (0, 1)
    manifest = out / MANIFEST
    assert stat.S_ISREG(os.lstat(manifest).st_mode)
    written = {p for line in manifest.read_text().splitlines() for p in json.loads(line)["written"]}
    on_disk = {str(p) for p in out.iterdir() if p.name != MANIFEST}
    assert written == on_disk
