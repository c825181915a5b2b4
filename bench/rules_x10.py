"""A rule set ten times the size of the shipped one, for the benchmark: the shipped rules plus nine
generated variants of every row and phrase rule.

A variant keeps its rule's shape (concept, constraints, priority, several label patterns) and adds one
made-up word before or after each pattern, so it reads like an issuer's qualified line ("revenues from
qobalu") and almost never matches a real label: the cost measured is the cost of carrying the rules.

    python bench/rules_x10.py OUTDIR      # writes OUTDIR/base/*.yaml (+ OUTDIR/issuers/*.yaml)
"""
from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
FACTOR = 10
_SYLLABLES = ["qo", "ba", "lu", "zi", "ven", "tor", "mek", "sa", "dri", "pol", "ux", "rin", "ka", "gel", "fo"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))


def _variant(pattern: str, k: int, rng: random.Random) -> str:
    w = _word(rng)
    return f"{w} {pattern}" if k % 2 else f"{pattern} (?:of |from )?{w}"


def _as_list(v):
    return [] if v is None else (v if isinstance(v, list) else [v])


def _grow(data: dict, rng: random.Random) -> dict:
    out: dict = {}
    for kind, key in (("rows", "labels"), ("phrases", "metrics")):
        extra = []
        for rule in data.get(kind) or []:
            patterns = _as_list(rule.get(key, rule.get(key[:-1])))
            # a row read by position prints no label: its variants vary the pattern that places it
            positional = [k2 for k2 in ("after", "total_of") if rule.get(k2)] if not patterns else []
            for k in range(1, FACTOR):
                r = {k2: v for k2, v in rule.items() if k2 not in (key, key[:-1])}
                r["id"] = f"{rule['id']}-gen{k}"
                if patterns:
                    r[key] = [_variant(p, k, rng) for p in patterns]
                elif positional:
                    r.update({k2: _variant(rule[k2], k, rng) for k2 in positional})
                else:
                    continue
                extra.append(r)
        if extra:
            out[kind] = extra
    return out


class _Dumper(yaml.SafeDumper):
    """Writes a value shared by several rules out each time: rule files refuse YAML aliases."""

    def ignore_aliases(self, data):
        return True


def write_rules_x10(outdir: Path, seed: int = 6) -> Path:
    """Copy rules/ to `outdir` and add the generated variants as one more base file per base file (and
    inside each issuer file). Returns `outdir`."""
    rng = random.Random(seed)
    outdir = Path(outdir)
    if outdir.exists():
        shutil.rmtree(outdir)
    shutil.copytree(RULES, outdir)
    for f in sorted((RULES / "base").glob("*.yaml")):
        grown = _grow(yaml.safe_load(f.read_text(encoding="utf-8")) or {}, rng)
        if grown:
            (outdir / "base" / f"{f.stem}-x{FACTOR}.yaml").write_text(yaml.dump(grown, Dumper=_Dumper, sort_keys=False))
    for f in sorted((RULES / "issuers").glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        grown = _grow(data, rng)
        for kind, rules in grown.items():
            data[kind] = (data.get(kind) or []) + rules
        (outdir / "issuers" / f.name).write_text(yaml.dump(data, Dumper=_Dumper, sort_keys=False))
    return outdir


def count_rules(rules_dir: Path) -> int:
    n = 0
    for f in sorted(Path(rules_dir).glob("*/*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        n += len(data.get("rows") or []) + len(data.get("phrases") or [])
    return n


if __name__ == "__main__":
    target = write_rules_x10(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/xbrlify-rules-x10"))
    print(f"{target}: {count_rules(target)} rules (shipped: {count_rules(RULES)})")
