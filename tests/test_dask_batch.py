"""A batch on Dask (`--engine dask`, issue 16) gives the same bytes, report and manifest as the local batch,
and skips what is up to date the same way. Runs against a LocalCluster of two worker processes."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.batch import MANIFEST, run_batch
from converter.cli import main

distributed = pytest.importorskip("distributed")   # the dask extra: .ci/run installs it

REPO = Path(__file__).resolve().parent.parent
INPUTS = [REPO / "examples" / "acme-q3-2025.txt"] + sorted((REPO / "tests" / "data" / "real").glob("*.txt"))[:5]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c


@pytest.fixture
def inbox(tmp_path):
    """The inputs, plus an empty file that fails on the cluster as it fails locally."""
    src = tmp_path / "in"
    src.mkdir()
    for p in INPUTS:
        shutil.copy(p, src / p.name)
    (src / "empty.htm").write_bytes(b"")
    return src


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and p.name != MANIFEST}


def records(folder: Path) -> list[dict]:
    """The manifest's entries with this run's folder left out of the paths."""
    lines = (folder / MANIFEST).read_text().splitlines()
    return sorted((json.loads(line.replace(str(folder), "OUT")) for line in lines), key=lambda r: r["output"])


def report_rows(report) -> list[tuple]:
    return [(o.source, Path(o.output).name, o.code, o.message, o.facts, tuple(map(tuple, o.findings)),
             [Path(p).name for p in o.written], o.skipped) for o in report.outcomes]


def test_dask_gives_the_local_batch_bytes_report_and_manifest(cluster, inbox, tmp_path):
    local = run_batch([inbox], tmp_path / "local", jobs=1)
    dask = run_batch([inbox], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
    assert len(local.outcomes) == len(INPUTS) + 1 and local.failed
    assert files(tmp_path / "dask") == files(tmp_path / "local")
    assert report_rows(dask) == report_rows(local)
    assert dask.summary() == local.summary() and dask.code == local.code
    assert records(tmp_path / "dask") == records(tmp_path / "local")
    again = run_batch([inbox], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
    assert [o.skipped for o in again.outcomes if o.ok] == [True] * len(INPUTS)
    assert files(tmp_path / "dask") == files(tmp_path / "local")


def test_the_cli_runs_a_batch_on_a_scheduler(cluster, inbox, tmp_path):
    args = ["convert", "--to", "xbrl", str(inbox), "-o", str(tmp_path / "out"), "--report", str(tmp_path / "r.json")]
    local = CliRunner().invoke(main, args[:5] + [str(tmp_path / "local")])
    res = CliRunner().invoke(main, args + ["--engine", "dask", "--scheduler", cluster.scheduler_address])
    assert res.exit_code == local.exit_code == 3, res.output
    assert files(tmp_path / "out") == files(tmp_path / "local")
    assert res.stderr.splitlines()[-1] == local.stderr.splitlines()[-1].replace(str(tmp_path / "local"),
                                                                              str(tmp_path / "out"))
    report = json.loads((tmp_path / "r.json").read_text())
    assert len(report["files"]) == len(INPUTS) + 1


def test_scheduler_needs_the_dask_engine(tmp_path):
    res = CliRunner().invoke(main, ["convert", str(INPUTS[0]), "-o", f"{tmp_path}/", "--scheduler", "tcp://x:1"])
    assert res.exit_code == 2 and "--engine dask" in res.stderr


def test_a_window_of_one_file_in_flight_converts_them_all(cluster, inbox, tmp_path, monkeypatch):
    from converter import dask_engine
    monkeypatch.setattr(dask_engine, "IN_FLIGHT", 1)
    local = run_batch([inbox], tmp_path / "local")
    dask = run_batch([inbox], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
    assert files(tmp_path / "dask") == files(tmp_path / "local") and report_rows(dask) == report_rows(local)
