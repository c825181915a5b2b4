"""`xbrlify rules`: what a rule author runs while writing a rule file.

    xbrlify rules check [PATH...]              schema, concepts, regexes, ids, precedence
    xbrlify rules test [PATH...]               the examples rule files carry under tests:
    xbrlify rules new --issuer NAME RELEASE    a starter issuer file for a release

Exit codes: 0 clean (warnings allowed), 1 errors or failed tests, 2 usage error, 3 unreadable input.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click


from ..paths import RULES_DIR
from .options import layout_option

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3


def _paths(paths: tuple[Path, ...]) -> list[Path]:
    out = list(paths) or [RULES_DIR]
    missing = [p for p in out if not p.exists()]
    if missing:
        click.echo(f"xbrlify: error: no such file or folder: {missing[0]}", err=True)
        sys.exit(EXIT_USAGE)
    return out


@click.group("rules", short_help="Check, test and start rule files.")
def rules_cmd():
    """Check, test and start rule files (rules/base/*.yaml, rules/issuers/*.yaml)."""


@rules_cmd.command("check", short_help="Check rule files: schema, concepts, regexes, precedence.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.option("--no-timeouts", is_flag=True, help="Skip running patterns against hostile inputs (faster).")
def check_cmd(paths, quiet, no_timeouts):
    """Check rule files (default: rules/): the schema, unknown concepts, period mismatches, duplicate ids,
    shadowed and conflicting rules, regexes that do not compile or backtrack catastrophically, issuer
    prefix clashes. Exit 1 when there is an error; warnings do not fail."""
    from ..rulebook.check import check_paths, rule_paths, shown
    targets = _paths(paths)
    problems = check_paths(targets, timeouts=not no_timeouts)
    errors = [p for p in problems if p.level == "error"]
    for p in problems:
        if p.level == "error" or not quiet:
            click.echo(f"{shown(p.file)}:{p.line}:{p.col}: {p.level}: {p.message}")
    n = len(rule_paths(targets))
    warnings = len(problems) - len(errors)
    click.echo(f"{len(errors)} error{'s' * (len(errors) != 1)}, {warnings} warning{'s' * (warnings != 1)} "
               f"in {n} file{'s' * (n != 1)}", err=True)
    sys.exit(EXIT_FAILED if errors else EXIT_OK)


@rules_cmd.command("test", short_help="Run the examples rule files carry under tests:.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="List every test, not only failures.")
def test_cmd(paths, verbose):
    """Run the examples rule files carry under `tests:` (default: every file in rules/), each through the
    converter with the base rules plus its own file. A failure shows a diff: `-` a fact expected but not
    produced, `+` a fact produced but not expected. Exit 1 when a test fails."""
    from ..rulebook.check import kind_of, rule_paths, shown
    from ..rulebook.ruletests import run_file_tests
    passed = failed = files = 0
    for path in rule_paths(_paths(paths)):
        if kind_of(path, None) == "taxonomy":
            continue
        outcomes = run_file_tests(path)
        files += bool(outcomes)
        for o in outcomes:
            o.file = shown(o.file)
            if o.passed:
                passed += 1
                if verbose:
                    click.echo(f"{o.file}:{o.line}:{o.col}: test '{o.name}' passed")
            else:
                failed += 1
                click.echo("\n".join(o.report()))
    click.echo(f"{files} rule file{'s' * (files != 1)} with tests", err=True)
    click.echo(f"rules: {passed} passed, {failed} failed")
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


@rules_cmd.command("new", short_help="Write a starter issuer file for a release.")
@click.option("--issuer", "name", required=True, help="Short issuer name: the file name and extension prefix.")
@click.argument("release", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write (default rules/issuers/NAME.yaml; '-' for standard output).")
@layout_option
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def new_cmd(name, release, output, layout, force):
    """Write a starter issuer file for RELEASE: the issuer block filled from the text, and one commented
    rule stub per table row the base rules did not read. It passes `rules check` as written."""
    from ..readers import InputError
    from ..rulebook.loader import RuleError
    from ..rulebook.scaffold import starter_issuer_file
    target = output or RULES_DIR / "issuers" / f"{name}.yaml"
    if str(target) != "-" and target.exists() and not force:
        click.echo(f"xbrlify: error: {target} exists (use --force to overwrite)", err=True)
        sys.exit(EXIT_USAGE)
    try:
        text = starter_issuer_file(release, name, layout)
    except (InputError, RuleError) as e:
        click.echo(f"xbrlify: error: {e}", err=True)
        sys.exit(EXIT_INPUT)
    if str(target) == "-":
        click.echo(text, nl=False)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    stubs = text.count("\n  # - {")
    click.echo(f"wrote {target}: issuer block and {stubs} rule stubs; next: xbrlify rules check {target}", err=True)
