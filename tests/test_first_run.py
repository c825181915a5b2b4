"""What a person meets on a first run (issue 16): one line on what a conversion wrote and found, a batch
summary that names the files with findings, `-o out/` as a folder, write errors that name the target,
`python -m converter`, one `--format` everywhere, help that is not cut off, and a plain conversion that
imports nothing it does not use."""
from __future__ import annotations

import errno
import json
import shutil
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

import converter
from converter import __version__
from converter.cli import main
from converter.cli.options import LAYOUT_HELP
from converter.readers import LAYOUTS

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "acme-q3-2025.txt"
WITH_FINDINGS = REPO / "tests" / "data" / "real" / "nabors-2024q4.txt"   # its EPS do not agree with its figures: exit 1


def run(*args):
    return CliRunner().invoke(main, ["convert", *map(str, args)])


def last_line(res) -> str:
    return res.stderr.strip().splitlines()[-1]


def test_one_line_says_what_was_written(tmp_path):
    out = tmp_path / "acme.json"
    res = run("--to", "json", EXAMPLE, "-o", out)
    assert res.exit_code == 0, res.output
    facts = len(converter.convert(EXAMPLE).facts)   # the facts read (the file adds the dei cover facts)
    assert len(json.loads(out.read_text())["facts"]) > facts
    taxonomy = len([p for p in tmp_path.iterdir() if p != out])
    assert last_line(res) == f"xbrlify: wrote {out} (+ {taxonomy} taxonomy files): {facts} facts, no findings"
    quiet = run("--to", "json", EXAMPLE, "-o", out, "-q")
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_exit_1_is_explained_in_that_line(tmp_path):
    out = tmp_path / "nabors.xml"
    res = run("--to", "xbrl", WITH_FINDINGS, "-o", out)
    assert res.exit_code == 1, res.output
    findings = [line for line in res.stderr.splitlines() if line.startswith("xbrlify: warning:")
                or line.startswith("xbrlify: error:")]
    assert findings
    first = findings[0].split(": ", 3)[3]
    line = last_line(res)
    assert line.startswith(f"xbrlify: wrote {out} (+ ")
    assert f"; exit 1: {len(findings)} finding{'s' * (len(findings) != 1)}: {first}" in line


def test_csv_line_names_both_files(tmp_path):
    res = run("--to", "csv", EXAMPLE, "-o", tmp_path / "r.csv")
    assert res.exit_code == 0, res.output
    assert last_line(res).startswith(f"xbrlify: wrote {tmp_path / 'r.csv'}, r-metadata.json (+ ")


def test_batch_summary_names_the_files_with_findings(tmp_path):
    res = run("--to", "json", EXAMPLE, WITH_FINDINGS, "-o", tmp_path / "out")
    assert res.exit_code == 1, res.output
    line = last_line(res)
    assert line.startswith("xbrlify: 2 files: 2 converted, 0 up to date, 0 failed; 1 with check findings (exit 1): ")
    assert str(WITH_FINDINGS) in line and str(EXAMPLE) not in line
    one = run("--to", "json", EXAMPLE, "-o", f"{tmp_path / 'one'}/")
    assert last_line(one) == "xbrlify: 1 file: 1 converted, 0 up to date, 0 failed; no check findings"


def test_trailing_slash_means_a_folder_for_one_input(tmp_path):
    out = tmp_path / "new"   # does not exist yet
    res = run("--to", "xbrl", EXAMPLE, "-o", f"{out}/")
    assert res.exit_code == 0, res.output
    assert (out / "acme-q3-2025.xml").is_file() and (out / "acme-q3-2025.xsd").is_file()


def test_write_error_names_the_target_not_a_temporary_file(tmp_path, monkeypatch):
    import converter.emit.write as write

    def full_disk(path, mode="r", *args, **kwargs):
        if "x" in mode:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return open(path, mode, *args, **kwargs)

    monkeypatch.setattr(write, "open", full_disk, raising=False)
    out = tmp_path / "acme.json"
    res = run("--to", "json", EXAMPLE, "-o", out)
    assert res.exit_code == 3
    assert "No space left on device" in res.stderr
    assert str(tmp_path / "acme") in res.stderr and ".tmp" not in res.stderr
    assert list(tmp_path.iterdir()) == []


def test_python_m_converter_works_like_xbrlify(tmp_path):
    help_ = subprocess.run([sys.executable, "-m", "converter", "--help"], capture_output=True, text=True)
    assert help_.returncode == 0 and help_.stdout.startswith("Usage: xbrlify ")
    module = subprocess.run([sys.executable, "-m", "converter", "convert", "--to", "json", str(EXAMPLE)],
                            capture_output=True, text=True)
    assert module.returncode == 0, module.stderr
    assert module.stdout == run("--to", "json", EXAMPLE).stdout


def _commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + (name,))
        else:
            yield prefix + (name,), command


def test_format_offers_every_layout_in_every_subcommand():
    assert list(LAYOUT_HELP) and set(LAYOUT_HELP) == set(LAYOUTS)
    with_format = 0
    for path, command in _commands(main):
        for param in command.params:
            if "--format" in getattr(param, "opts", []):
                with_format += 1
                assert list(param.type.choices) == list(LAYOUT_HELP), path
                text = CliRunner().invoke(main, [*path, "--help"], terminal_width=100).output
                flat = " ".join(text.split())
                for layout, meaning in LAYOUT_HELP.items():
                    assert f"{layout}: {meaning}" in flat, (path, layout)
    assert with_format == 4   # convert, explain, review, rules new


def test_help_is_not_cut_off():
    for args in ([], ["rules"]):
        text = CliRunner().invoke(main, [*args, "--help"], terminal_width=80).output
        commands = text.split("Commands:", 1)[1].splitlines()
        assert commands and not any(line.rstrip().endswith("...") for line in commands), text


def test_version_matches_the_package():
    from importlib.metadata import version
    assert __version__ == version("xbrlify")


_IMPORTS = r"""
import sys
from converter.cli import main
try:
    main(["convert", "--to", "json", sys.argv[1]])
except SystemExit as e:
    code = e.code
print(code, " ".join(sorted(m for m in sys.modules if m.split(".")[0] in
      ("jsonschema", "multiprocessing", "concurrent", "arelle", "distributed", "dask", "referencing"))),
      file=sys.stderr)
"""


def test_a_plain_conversion_imports_only_what_it_uses():
    # the first run after an edit compiles and checks the rules (JSON Schema included) and fills the cache;
    # the run measured is the one after it, whatever ran before this test
    subprocess.run([sys.executable, "-c", _IMPORTS, str(EXAMPLE)], capture_output=True, text=True)
    proc = subprocess.run([sys.executable, "-c", _IMPORTS, str(EXAMPLE)], capture_output=True, text=True)
    code, *modules = proc.stderr.strip().splitlines()[-1].split(" ")
    assert code == "0" and proc.stdout.startswith("{"), proc.stderr
    assert modules == [], modules
