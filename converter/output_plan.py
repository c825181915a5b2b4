"""Where a run's outputs go, decided before anything is converted: no output may be an input of the run, and
no two inputs may write the same file.

An output is the instance (OUT) and its taxonomy files beside it, named after OUT's stem made safe (NAME):
NAME.xsd, NAME_lab.xml, NAME_cal.xml, NAME_def.xml, and NAME-PREFIX.xsd for each namespace its facts use.
Which prefixes appear is known only after converting, so NAME-PREFIX.xsd is claimed for every prefix the run
can use: the taxonomy's and the issuer files'. Inputs `q.txt` and `q_lab.txt` both claim `q_lab.xml` (the
first's label linkbase, the second's instance); `a b.txt` and `a_b.htm` both claim `a_b.xsd`; `q.txt` and
`q-us-gaap.txt` both claim `q-us-gaap.xsd`. The later of two is refused, with a message naming both.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Optional

from .emit.dts import safe_stem
from .dataclass_code import dataclass

_FIXED = (("{}.xsd", "taxonomy schema"), ("{}_lab.xml", "label linkbase"), ("{}_cal.xml", "calculation linkbase"),
          ("{}_def.xml", "definition linkbase"))


def _key(path: Path) -> str:
    """One spelling per file: the folder resolved (links and '..'), the name as given."""
    path = Path(path)
    return os.path.join(os.path.realpath(path.parent or "."), path.name)


@dataclass(frozen=True)
class Claim:
    source: str
    files: dict[str, str]        # key -> what it is ("the instance", "the label linkbase", ...)
    folder: str                  # the resolved folder of the outputs
    stem: str                    # NAME: the taxonomy files' stem


def claim(source: Path | str, instance: Path, to: str = "json") -> Claim:
    """The files an output at `instance` writes (the prefix schemas as the pattern NAME-PREFIX.xsd); an
    xBRL-CSV report writes its metadata file beside its table too."""
    stem = safe_stem(instance.stem)
    files = {_key(instance): "the instance"}
    if to == "csv":
        from .api import csv_metadata_name
        files[_key(instance.with_name(csv_metadata_name(instance.stem)))] = "the xBRL-CSV metadata"
    for pattern, what in _FIXED:
        files.setdefault(_key(instance.parent / pattern.format(stem)), f"the {what}")
    return Claim(str(source), files, os.path.realpath(instance.parent or "."), stem)


def possible_prefixes(issuer: Optional[str] = None) -> frozenset[str]:
    """The namespace prefixes a conversion may name schema files after: the taxonomy's, and the prefix of
    every issuer file (detection picks among them) or of the one given."""
    from .paths import RULES_DIR
    from .pipeline import base_taxonomy
    from .rulebook.loader import RuleError, compiled_file, issuer_files
    out = set(base_taxonomy().namespaces)
    files = list(issuer_files(RULES_DIR))
    if issuer and issuer != "none" and Path(issuer).suffix in (".yaml", ".yml"):
        files.append(Path(issuer))
    for f in files:
        try:
            found = compiled_file(f, "issuer")[2]
        except (RuleError, OSError):   # the conversion will say what is wrong with it
            continue
        if found is not None:
            out.add(found.prefix)
    return frozenset(out)


def conflicts(claims: list[Claim], inputs: Iterable[Path | str], prefixes: Iterable[str]) -> dict[int, str]:
    """For each claim that cannot be kept, why, in one line naming both inputs; the first claimant keeps its
    files. A claim that would write over an input of the run is refused too. Every look-up is a dict's, so
    a batch of many files is planned in time proportional to them."""
    return _Planner(frozenset(prefixes), inputs).run(claims)


class _Planner:
    def __init__(self, prefixes: frozenset[str], inputs: Iterable[Path | str]):
        self.prefixes = prefixes
        self.given = {os.path.realpath(p): str(p) for p in inputs}
        self.taken: dict[str, tuple[str, str]] = {}                 # key -> (whose, what)
        self.patterns: dict[tuple[str, str], str] = {}             # (folder, NAME) -> whose NAME-PREFIX.xsd
        self.shaped: dict[tuple[str, str], tuple[str, str]] = {}   # (folder, NAME) -> (a file so named, whose)
        for key, name in self.given.items():
            for fs in self.schema_stems(key):
                self.shaped.setdefault(fs, (key, f"the input {name}"))

    def schema_stems(self, path_key: str) -> list[tuple[str, str]]:
        """Every (folder, NAME) whose NAME-PREFIX.xsd this file would be."""
        folder, name = os.path.split(path_key)
        if not name.endswith(".xsd"):
            return []
        return [(folder, name[:-5 - len(p)]) for p in self.prefixes if name.endswith(f"-{p}.xsd")]

    def run(self, claims: list[Claim]) -> dict[int, str]:
        refused: dict[int, str] = {}
        for i, c in enumerate(claims):
            why = self.why(c)
            if why:
                refused[i] = why
                continue
            for key, what in c.files.items():
                self.taken[key] = (c.source, what)
                for fs in self.schema_stems(key):
                    self.shaped.setdefault(fs, (key, f"{what.removeprefix('the ')} of {c.source}"))
            self.patterns[(c.folder, c.stem)] = c.source
        return refused

    def why(self, c: Claim) -> Optional[str]:
        for key, what in c.files.items():
            real = os.path.realpath(key)
            if real in self.given:
                return f"{c.source}: {what} ({key}) would overwrite the input {self.given[real]}; choose another " \
                       f"output name"
            if key in self.taken:
                whose, theirs = self.taken[key]
                return f"{c.source}: {what} ({key}) would also be {theirs} of {whose}; rename one of them or " \
                       f"convert it separately"
            for fs in self.schema_stems(key):
                if fs in self.patterns:
                    return f"{c.source}: {what} ({key}) would also be a taxonomy schema of {self.patterns[fs]}; " \
                           f"rename one of them or convert it separately"
        if (c.folder, c.stem) in self.shaped:
            key, whose = self.shaped[(c.folder, c.stem)]
            if whose.startswith("the input"):
                return f"{c.source}: a taxonomy schema of its output would overwrite {whose} ({key}); choose " \
                       f"another output name"
            return f"{c.source}: a taxonomy schema of its output ({key}) would also be the {whose}; rename one " \
                   f"of them or convert it separately"
        return None
