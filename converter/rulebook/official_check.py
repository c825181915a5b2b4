"""`rules check` against the official taxonomies: a us-gaap, srt or dei name in a rule file must be an official
element, with the official data type (and period type and balance, where the official list gives them).

A standard name the taxonomy file declares but the official taxonomy lacks would pass every other check and
fail only when a processor loads the output; a misspelt one gets the nearest of the official names as a
did-you-mean, not only the nearest of ours.
"""
from __future__ import annotations

from ..taxonomies.official import is_official_prefix, official_problem
from .schema import Problem, locate


def official_problems(data, path: str, kind: str) -> list[Problem]:
    out: list[Problem] = []
    if not isinstance(data, dict):
        return out
    # an issuer's own concepts under an official prefix are refused by file_problems (the issuer's prefix)
    for name, spec in (data.get("concepts") or {}).items() if kind == "taxonomy" else ():
        if name == "__line__" or not is_official_prefix(name):
            continue
        line, col = locate(data, ("concepts",), name, on_key=True)
        spec = spec if isinstance(spec, dict) else {}
        why = official_problem(name, spec.get("type"), spec.get("period"), spec.get("balance"))
        if why:
            out.append(Problem("error", "not-official", path, line, col, why))
    for section in ("rows", "phrases") if kind == "taxonomy" else ():   # rules: schema.concept_problems says it
        for i, rule in enumerate(data.get(section) or []):
            concept = rule.get("concept") if isinstance(rule, dict) else None
            if isinstance(concept, str) and is_official_prefix(concept):
                why = official_problem(concept)
                if why:
                    line, col = locate(data, (section, i, "concept"))
                    out.append(Problem("error", "not-official", path, line, col,
                                       f"rule '{rule.get('id', i + 1)}': {why}", str(rule.get("id", ""))))
    for i, test in enumerate(data.get("tests") or []):
        for j, exp in enumerate((test or {}).get("expect") or []):
            for name in [exp.get("concept")] + [q for pair in (exp.get("dims") or {}).items() for q in pair]:
                if isinstance(name, str) and name != "__line__" and is_official_prefix(name):
                    why = official_problem(name)
                    if why:
                        line, col = locate(data, ("tests", i, "expect", j))
                        out.append(Problem("error", "not-official", path, line, col,
                                           f"test '{test.get('name') or i + 1}': {why}"))
    return out
