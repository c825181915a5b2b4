"""Rule files carry their own examples, the way a semgrep rule carries its test file and a dbt model its
schema tests:

    tests:
      - name: license fees row
        text: |
          | Three Months Ended December 31, | 2016 | 2015
          | License and milestone fees | 1,234 | 1,100
        expect:
          - {concept: imgn:LicenseAndMilestoneFees, period: 2016-10-01..2016-12-31, value: 1234}
          - {concept: imgn:LicenseAndMilestoneFees, period: 2015-10-01..2015-12-31, value: 1100}
      - text: "| Three Months Ended December 31, | 2016 | 2015 | Deferred tax assets | 5 | 4"
        expect_none: true

A snippet runs through the whole converter (`convert_text`) with the base rules plus the file under test.
Consecutive lines holding `|` are one table (the pipe layout keeps a table on one line; a test may write a
row per line). `expect` lists exactly the facts the snippet gives: each listed field (concept, period,
value, decimals, rule, dims) must match, and a fact nobody expected fails the test too. `expect_none`
says the snippet gives nothing.
"""
from __future__ import annotations

from dataclasses import field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Optional

from ..model import Fact
from ..paths import RULES_DIR
from ..readers import InputError
from .check import kind_of
from .loader import RuleError, read_rule_file
from .schema import locate, validate_rule_data
from ..dataclass_code import dataclass


@dataclass
class TestOutcome:
    file: str
    line: int
    col: int
    name: str
    passed: bool
    missing: list[str] = field(default_factory=list)      # expected, not produced
    unexpected: list[str] = field(default_factory=list)   # produced, not expected
    error: str = ""

    def report(self) -> list[str]:
        """The failure as lines: where, then a diff (- expected but missing, + produced but unexpected)."""
        head = f"{self.file}:{self.line}:{self.col}: test '{self.name}' "
        if self.error:
            return [head + f"could not run: {self.error}"]
        return [head + "failed"] + [f"    - {m}" for m in self.missing] + [f"    + {u}" for u in self.unexpected]


def snippet_text(text: str) -> str:
    """A test's text as the pipe reader wants it: each run of lines holding `|` joined into one line."""
    out: list[str] = []
    run: list[str] = []
    for line in text.splitlines():
        if "|" in line:
            run.append(line.strip().strip("|").strip())
            continue
        if run:
            out.append(" | ".join(run))
            run = []
        out.append(line)
    if run:
        out.append(" | ".join(run))
    return "\n".join(out) + "\n"


def _num(v) -> Optional[Decimal]:
    try:
        return Decimal(str(v).replace(",", ""))
    except (InvalidOperation, ValueError):
        return None


def _period(v) -> str:
    return v.isoformat() if isinstance(v, date) else str(v)


def show_fact(f: Fact) -> str:
    dims = "".join(f" [{a}={m}]" for a, m in f.dims)
    rule = f.provenance.rule_id if f.provenance else "?"
    return f"{f.concept} {f.period}{dims} = {format(f.value, 'f')} (decimals {f.decimals}, rule {rule})"


def show_expected(e: dict) -> str:
    parts = [str(e.get("concept"))]
    if "period" in e:
        parts.append(_period(e["period"]))
    dims = "".join(f" [{a}={m}]" for a, m in (e.get("dims") or {}).items() if a != "__line__")
    text = " ".join(parts) + dims
    if "value" in e:
        text += f" = {e['value']}"
    extra = [f"decimals {e['decimals']}"] if "decimals" in e else []
    extra += [f"rule {e['rule']}"] if "rule" in e else []
    return text + (f" ({', '.join(extra)})" if extra else "")


def fact_matches(f: Fact, e: dict) -> bool:
    if f.concept != e.get("concept"):
        return False
    if "period" in e and str(f.period) != _period(e["period"]):
        return False
    if "value" in e and _num(e["value"]) != f.value:
        return False
    if "decimals" in e and int(e["decimals"]) != f.decimals:
        return False
    if "rule" in e and (f.provenance is None or f.provenance.rule_id != e["rule"]):
        return False
    if "dims" in e:
        want = {k: v for k, v in (e["dims"] or {}).items() if k != "__line__"}
        if dict(f.dims) != want:
            return False
    return True


def compare(facts: list[Fact], expected: list[dict]) -> tuple[list[str], list[str]]:
    """Expected facts not produced, and produced facts not expected (each fact answers one expectation)."""
    left = list(facts)
    missing = []
    for e in expected:
        hit = next((f for f in left if fact_matches(f, e)), None)
        if hit is None:
            missing.append(show_expected(e))
        else:
            left.remove(hit)
    return missing, [show_fact(f) for f in left]


def _issuer_arg(path: Path, data: dict) -> tuple[str, Path]:
    """How to load the rules for this file: an issuer file joins the repo's base rules; a base file is
    tested with the base folder it sits in."""
    if kind_of(path, data) == "issuer":
        return str(path), RULES_DIR
    if path.parent.name == "base":
        return "none", path.parent.parent
    return "none", RULES_DIR


def run_file_tests(path: Path) -> list[TestOutcome]:
    """Run the tests of one rule file. A file that does not load gives one failed outcome saying why."""
    from ..pipeline import convert_text  # the pipeline imports the rulebook; import it late

    path = Path(path)
    try:
        data = read_rule_file(path)
        validate_rule_data(data, str(path))
    except RuleError as e:
        return [TestOutcome(str(path), 1, 1, "(file)", False, error=str(e))]
    issuer, rules_dir = _issuer_arg(path, data)
    out = []
    for i, test in enumerate(data.get("tests") or []):
        line, col = locate(data, ("tests", i))
        name = test.get("name") or f"test {i + 1}"
        expected = [] if test.get("expect_none") else list(test.get("expect") or [])
        try:
            result = convert_text(snippet_text(test["text"]), source=f"{path}#{name}",
                                  layout=test.get("layout") or "pipe", issuer=issuer, rules_dir=rules_dir,
                                  snippet=True)
        except (RuleError, InputError, FileNotFoundError) as e:
            out.append(TestOutcome(str(path), line, col, name, False, error=str(e)))
            continue
        missing, unexpected = compare(result.facts, expected)
        out.append(TestOutcome(str(path), line, col, name, not missing and not unexpected, missing, unexpected))
    return out
