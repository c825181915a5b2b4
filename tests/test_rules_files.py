"""Every rule file in rules/ passes `rules check` without an error, and every example it carries under
`tests:` passes (the same runs as `xbrlify rules check rules/` and `xbrlify rules test rules/`)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from converter.cli import main
from converter.paths import RULES_DIR
from converter.rulebook.check import check_paths, kind_of, rule_paths
from converter.rulebook.loader import read_rule_file
from converter.rulebook.ruletests import run_file_tests, snippet_text

FILES = [p for p in rule_paths([RULES_DIR]) if kind_of(p, None) != "taxonomy"]


def test_rules_folder_checks_clean():
    errors = [str(p) for p in check_paths([RULES_DIR]) if p.level == "error"]
    assert not errors, "\n".join(errors)


def test_every_rule_file_starts_with_the_schema_line():
    for path in rule_paths([RULES_DIR]):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        assert first.split("=", 1)[1].endswith(("rules.schema.json", "taxonomy.schema.json")), path


def _cases():
    for path in FILES:
        data = read_rule_file(path)
        for i, test in enumerate(data.get("tests") or []):
            yield pytest.param(path, i, id=f"{path.parent.name}/{path.name}::{test.get('name') or i + 1}")


@pytest.mark.parametrize("path,index", list(_cases()))
def test_rule_file_example(path, index):
    outcome = run_file_tests(path)[index]
    assert outcome.passed, "\n".join(outcome.report())


def test_rules_test_command_passes_on_rules_folder():
    res = CliRunner().invoke(main, ["rules", "test", str(RULES_DIR)])
    assert res.exit_code == 0, res.output
    assert " passed, 0 failed" in res.output


def test_rules_check_command_passes_on_rules_folder():
    res = CliRunner().invoke(main, ["rules", "check", "--no-timeouts", str(RULES_DIR)])
    assert res.exit_code == 0, res.output


def test_failing_example_shows_a_diff(tmp_path):
    src = (RULES_DIR / "issuers" / "immunogen.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "issuers" / "imgx.yaml"
    broken.parent.mkdir()
    broken.write_text(src.replace("imgn", "imgx").replace("immunogen.com", "immunogen.example")
                      .replace("value: 1234}", "value: 1235}"), encoding="utf-8")
    res = CliRunner().invoke(main, ["rules", "test", str(broken)])
    assert res.exit_code == 1
    assert "test 'revenue lines of the statement of operations' failed" in res.output
    assert "    - imgx:LicenseAndMilestoneFees 2016-10-01..2016-12-31 = 1235" in res.output
    assert "    + imgx:LicenseAndMilestoneFees 2016-10-01..2016-12-31 = 1234 (decimals 0, rule imgx-license-fees)" \
        in res.output
    assert "Traceback" not in res.output


def test_snippet_rows_per_line_become_one_pipe_table():
    text = "Intro.\n| Three Months Ended December 31, | 2016 | 2015\n| Revenues | 1 | 2\nAfter.\n"
    assert snippet_text(text) == "Intro.\nThree Months Ended December 31, | 2016 | 2015 | Revenues | 1 | 2\nAfter.\n"
