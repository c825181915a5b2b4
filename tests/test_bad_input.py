"""Bad input, one test per kind: either a valid output (with warnings) or a one-line error with the
documented exit code, never a traceback, and never an output file left behind by a failure."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main
from converter.validate import validate_json

from .conftest import shared_path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "acme-q3-2025.txt"
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3


def run(*args):
    return CliRunner().invoke(main, ["convert", *map(str, args)])


def assert_one_line_error(res, code: int, needle: str):
    assert res.exit_code == code, (res.exit_code, res.output)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith("xbrlify: error: ") and needle in lines[0], lines[0]
    assert "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception


def assert_nothing_written(folder: Path, *keep: Path):
    left = sorted(p.name for p in folder.rglob("*") if p not in keep)
    assert left == [], left


def assert_valid_output(res, out: Path):
    assert res.exit_code in (EXIT_OK, EXIT_FINDINGS), res.output
    assert "Traceback" not in res.output
    assert validate_json(out.read_text(encoding="utf-8")) == []
    assert (out.parent / f"{out.stem}.xsd").exists()
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture
def io(tmp_path):
    src = tmp_path / "in"
    dst = tmp_path / "out"
    src.mkdir()
    return src, dst


# ------------------------------------------------------------------------------------ refused: exit 3

def test_empty_file(io):
    src, dst = io
    (src / "empty.htm").write_bytes(b"")
    assert_one_line_error(run("--to", "json", src / "empty.htm", "-o", dst / "r.json"), EXIT_INPUT, "empty")
    assert not dst.exists()


def test_whitespace_only_file(io):
    src, dst = io
    (src / "blank.txt").write_bytes(b"  \r\n\t\n")
    assert_one_line_error(run(src / "blank.txt", "-o", dst / "r.json"), EXIT_INPUT, "empty")
    assert not dst.exists()


def test_broken_pdf_bytes(io):
    src, dst = io
    (src / "release.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\n")
    assert_one_line_error(run(src / "release.pdf", "-o", dst / "r.json"), EXIT_INPUT, "the PDF is damaged")
    assert not dst.exists()


def test_png_bytes(io):
    src, dst = io
    (src / "logo.htm").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
    assert_one_line_error(run("--to", "xbrl", src / "logo.htm", "-o", dst / "r.xml"), EXIT_INPUT, "PNG")
    assert not dst.exists()


def test_other_binary_data(io):
    src, dst = io
    (src / "data.txt").write_bytes(bytes(range(256)) * 64)
    assert_one_line_error(run(src / "data.txt", "-o", dst / "r.json"), EXIT_INPUT, "binary data")
    assert not dst.exists()


def test_fifty_megabyte_file_is_refused_without_reading_it(io):
    src, dst = io
    big = src / "huge.htm"
    with open(big, "wb") as f:   # sparse: 50 MB on paper, nothing on disk
        f.write(b"<html><body><p>Revenues were $1 million.</p>")
        f.truncate(50 * 1024 * 1024)
    res = run(big, "-o", dst / "r.json")
    assert_one_line_error(res, EXIT_INPUT, "too large (50.0 MB")
    assert not dst.exists()


def test_a_file_that_grows_while_read_is_read_whole_up_to_the_limit(tmp_path, monkeypatch):
    """read_bytes reads what the file's size says, and on past it only when the file grew since: the bytes
    are those a read of the whole limit gives, and a file grown past the limit is refused."""
    from types import SimpleNamespace

    from converter.readers import source
    from converter.readers.detect import InputError
    path = tmp_path / "r.txt"
    path.write_bytes(b"x" * 5000)

    def shrunk(st, size):   # the file's status as it was before it grew to its present size
        return os.stat_result(tuple(st)[:6] + (size,) + tuple(st)[7:])
    for shown, limit, want in ((5000, 10**6, 5000), (10, 10**6, 5000), (0, 10**6, 5000), (10, 4000, None)):
        monkeypatch.setattr(source, "os", SimpleNamespace(stat=lambda p, s=shown: shrunk(os.stat(p), s),
                                                          fstat=lambda fd, s=shown: shrunk(os.fstat(fd), s)))
        monkeypatch.setattr(source, "MAX_INPUT_BYTES", limit)
        if want is None:
            with pytest.raises(InputError, match="too large .over"):
                source.read_bytes(path)
        else:
            assert source.read_bytes(path) == b"x" * want


def test_missing_file(io):
    src, dst = io
    assert_one_line_error(run(src / "nope.htm", "-o", dst / "r.json"), EXIT_INPUT, "cannot read")
    assert not dst.exists()


def test_unwritable_output_leaves_nothing(io):
    src, dst = io
    dst.mkdir()
    blocker = dst / "a-file"
    blocker.write_text("not a folder")
    res = run(EXAMPLE, "-o", blocker / "r.json")
    assert_one_line_error(res, EXIT_INPUT, "cannot write the output")
    assert_nothing_written(dst, blocker)


def test_broken_rule_file(io, tmp_path):
    src, dst = io
    rules = tmp_path / "broken.yaml"
    rules.write_text("rows: [ {id: x, concept: us-gaap:Revenues, labels: ['(unclosed'] } ]\n")
    res = run("--issuer", rules, EXAMPLE, "-o", dst / "r.json")
    assert_one_line_error(res, EXIT_INPUT, str(rules))
    assert not dst.exists()


def test_usage_errors_exit_2():
    assert run("--to", "csv", EXAMPLE).exit_code == EXIT_USAGE
    res = run("--entity", "nonsense", EXAMPLE)
    assert_one_line_error(res, EXIT_USAGE, "SCHEME:ID")


# ------------------------------------------------------------------------------------ converted, with warnings

def test_cp1252_text_converts_with_a_warning(io):
    src, dst = io
    text = EXAMPLE.read_text(encoding="utf-8").replace("Acme", "Acme\u2019s \u2014 caf\u00e9", 1)
    (src / "cp1252.txt").write_bytes(text.encode("cp1252", "replace"))
    res = run(src / "cp1252.txt", "-o", dst / "r.json")
    report = assert_valid_output(res, dst / "r.json")
    assert "read as Windows-1252" in res.stderr
    assert report["facts"]


def test_latin1_text_converts_with_a_warning(io):
    src, dst = io
    data = EXAMPLE.read_text(encoding="utf-8").encode("latin-1", "replace") + b"\n\x81 Zurich \xe9t\xe9\n"
    (src / "latin1.txt").write_bytes(data)
    res = run(src / "latin1.txt", "-o", dst / "r.json")
    assert_valid_output(res, dst / "r.json")
    assert "read as Latin-1" in res.stderr


def test_utf16_with_bom_converts(io):
    src, dst = io
    (src / "utf16.txt").write_bytes(EXAMPLE.read_text(encoding="utf-8").encode("utf-16"))
    res = run(src / "utf16.txt", "-o", dst / "r.json")
    assert assert_valid_output(res, dst / "r.json")["facts"]


def test_truncated_html(io):
    src, dst = io
    html = shared_path("corpus", "apple-fy2011q1.html").read_bytes()
    (src / "cut.html").write_bytes(html[: len(html) // 2])
    res = run(src / "cut.html", "-o", dst / "r.json")
    assert assert_valid_output(res, dst / "r.json")["facts"]


def test_html_cut_inside_a_tag(io):
    src, dst = io
    (src / "cut.htm").write_text("<html><body><p>Revenues for the quarter were $5.0 million.</p><table><tr><td>Rev")
    res = run(src / "cut.htm", "-o", dst / "r.json")
    assert_valid_output(res, dst / "r.json")


def test_release_without_tables(io):
    src, dst = io
    res = run(shared_path("corpus", "abvc-fy2024.html"), "-o", dst / "r.json")
    assert assert_valid_output(res, dst / "r.json")["facts"]


def test_table_without_headers(io):
    src, dst = io
    (src / "noheader.htm").write_text(
        "<html><body><p>Acme Corp. announced results.</p><table>"
        "<tr><td>Revenues</td><td>$</td><td>1,200</td><td>$</td><td>1,100</td></tr>"
        "<tr><td>Net income</td><td>$</td><td>200</td><td>$</td><td>150</td></tr>"
        "</table></body></html>")
    res = run(src / "noheader.htm", "-o", dst / "r.json")
    assert_valid_output(res, dst / "r.json")


def test_no_facts_is_a_warning_with_exit_1(io):
    src, dst = io
    (src / "memo.txt").write_text("A memo about the company picnic. Nothing financial here.\n")
    res = run(src / "memo.txt", "-o", dst / "r.json")
    assert res.exit_code == EXIT_FINDINGS
    assert "no-facts" in res.stderr
    assert validate_json((dst / "r.json").read_text()) == []


def test_real_process_prints_no_traceback(io):
    src, dst = io
    (src / "empty.txt").write_bytes(b"")
    xbrlify = Path(sys.executable).parent / "xbrlify"
    if not xbrlify.exists():
        pytest.skip("the xbrlify entry point is not installed beside this Python")
    proc = subprocess.run([str(xbrlify), "convert", str(src / "empty.txt"), "-o", str(dst / "r.json")],
                          capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == EXIT_INPUT
    assert proc.stderr.strip().splitlines() == [f"xbrlify: error: {src / 'empty.txt'}: the file is empty"]
    assert not dst.exists()


# ------------------------------------------------------------------------------------ figures XBRL cannot carry

def _facts_of(out: Path, concept: str) -> list[str]:
    facts = json.loads(out.read_text(encoding="utf-8"))["facts"].values()
    return [f["value"] for f in facts if f["dimensions"]["concept"] == concept]


def test_a_figure_of_two_hundred_digits_is_withheld_with_a_finding(io):
    src, dst = io
    huge = "9" * 210
    (src / "huge.htm").write_text(
        "<html><body><p>Acme Corp. announced results.</p><table>"
        "<tr><td></td><td colspan=2>Three Months Ended March 31,</td></tr><tr><td></td><td>2025</td><td>2024</td></tr>"
        f"<tr><td>Total revenues</td><td>{huge}</td><td>4,000</td></tr>"
        "<tr><td>Net income</td><td>1,000</td><td>900</td></tr></table></body></html>")
    res = run(src / "huge.htm", "-o", dst / "r.json")
    report = assert_valid_output(res, dst / "r.json")
    assert res.exit_code == EXIT_FINDINGS and "figure-out-of-range" in res.stderr, res.output
    values = _facts_of(dst / "r.json", "us-gaap:Revenues")
    assert values == ["4000"], values          # the readable column stays, the other is not truncated
    assert report["facts"]


@pytest.mark.parametrize("scale, power", [("trillion", 12), ("billion", 9), ("millions", 6)])
def test_scale_words_up_to_trillion_are_read(io, scale, power):
    src, dst = io
    (src / "t.txt").write_text("Acme Corp. announced results.\n\n"
                               f"Revenues for the quarter ended March 31, 2025 were $52.4 {scale}.\n")
    res = run(src / "t.txt", "-o", dst / "r.json")
    assert_valid_output(res, dst / "r.json")
    assert _facts_of(dst / "r.json", "us-gaap:Revenues") == [str(524 * 10 ** (power - 1))]


@pytest.mark.parametrize("amount, why", [("$1e400 million", "exponent"), ("$1.5E3 million", "exponent"),
                                         ("$52.4 quadrillion", "quadrillion"), ("$3.1T", "'T'")])
def test_amounts_the_grammar_cannot_read_are_refused_with_a_finding(io, amount, why):
    src, dst = io
    (src / "e.txt").write_text("Acme Corp. announced results.\n\n"
                               f"Revenues for the quarter ended March 31, 2025 were {amount}.\n")
    res = run(src / "e.txt", "-o", dst / "r.json")
    assert_valid_output(res, dst / "r.json")
    assert _facts_of(dst / "r.json", "us-gaap:Revenues") == []     # never 1, 1.5 or 52.4
    assert res.exit_code == EXIT_FINDINGS and "amount-not-read" in res.stderr and why in res.stderr, res.output


# ------------------------------------------------------------------------------------ inputs that are no files

def _xbrlify_process(*args, timeout: float = 20) -> subprocess.CompletedProcess:
    """The real command in a process of its own, so that an input that blocks fails the test, not hangs it."""
    return subprocess.run([sys.executable, "-c", "from converter.cli import main; main()", *map(str, args)],
                          capture_output=True, text=True, cwd=REPO, timeout=timeout)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_without_reading_it(io):
    src, dst = io
    proc = _xbrlify_process("convert", "/dev/zero", "-o", dst / "r.json")
    assert proc.returncode == EXIT_INPUT, proc.stderr
    assert proc.stderr.strip() == "xbrlify: error: /dev/zero: is a device, not a regular file; give the release's file"
    assert not dst.exists()


def test_a_fifo_is_refused_without_waiting_for_a_writer(io):
    src, dst = io
    fifo = src / "release.txt"
    os.mkfifo(fifo)
    proc = _xbrlify_process("convert", fifo, "-o", dst / "r.json")
    assert proc.returncode == EXIT_INPUT and "FIFO" in proc.stderr and str(fifo) in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not dst.exists()


# ------------------------------------------------------------------------------------ identifiers at the edge

@pytest.mark.parametrize("value", ["cik:12 34", "ticker:AC\x01ME", "ticker:ACME\n", "http://ex ample.com:ACME",
                                   "cik:ABC", "ticker:A<B>", "ticker:", "a&b:ACME"])
def test_entity_values_that_are_no_identifier_are_usage_errors(value):
    res = run("--entity", value, EXAMPLE)
    assert_one_line_error(res, EXIT_USAGE, "SCHEME:ID")


@pytest.mark.parametrize("value", ["cik:855654", "ticker:BRK.A", "https://example.com/ids:acme-1", "lei:5493001KJTIIGC8Y1R12"])
def test_entity_values_that_are_identifiers_convert(tmp_path, value):
    res = run("--entity", value, EXAMPLE, "-o", tmp_path / "r.json")
    assert_valid_output(res, tmp_path / "r.json")


@pytest.mark.parametrize("to", ["xbrl", "json"])
@pytest.mark.parametrize("namespace", ["'http://example.com/a&b<c'", "'http://example.com/a\"b'",
                                       "'urn:x:a b'", "'http://example.com/{x}'"])
def test_an_issuer_namespace_that_is_no_uri_is_refused_as_a_rule_error(tmp_path, to, namespace):
    rules = tmp_path / "odd.yaml"
    rules.write_text(f"issuer:\n  name: Odd Corp\n  prefix: odd\n  namespace: {namespace}\n")
    res = run("--to", to, "--issuer", rules, EXAMPLE, "-o", tmp_path / "out" / "r.xml")
    assert_one_line_error(res, EXIT_INPUT, "'namespace' must be a URI")
    assert str(rules) in res.stderr and not (tmp_path / "out").exists()
