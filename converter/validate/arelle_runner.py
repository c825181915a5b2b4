"""Arelle as the oracle for XBRL 2.1, Dimensions, Calculations 1.1, UTR and OIM rules.

Arelle runs in-process through its supported API (arelle.api.Session), offline, with the same checks as

    arelleCmdLine --file F --packages PACKAGE.zip --validate --calc c11r --utr
                  --validateDuplicateFacts inconsistent --captureWarnings --internetConnectivity offline

PACKAGE.zip is the project's taxonomy package (taxonomies/package.py): the outputs import the official US-GAAP,
SRT and DEI entry points, and the package's catalog maps those URLs to its declarations, so nothing is fetched.

xBRL-JSON needs no plugin: Arelle 2.47 loads OIM reports natively (the loadFromOIM plugin is deprecated and
only adds OIM checks to XML instances), so the same call validates both our formats.

One session per thread is kept and reused: starting Arelle costs about a second, a validation of our small
outputs a few hundredths. Log records are collected by our own handler, and only warnings and worse are
returned, as plain dicts, so callers never touch Arelle's objects.
"""
from __future__ import annotations

import logging
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

INSTALL_HINT = ("Arelle is not installed: pip install 'xbrlify[test]' (or pip install arelle-release==2.47.3)")
# Arelle's own levels between WARNING and ERROR (WARNING-SEMANTIC, INCONSISTENCY, ...) are findings too;
# ASSERTION-SATISFIED is the one that is good news.
_NOT_FINDINGS = {"ASSERTION-SATISFIED"}


class ArelleUnavailable(RuntimeError):
    """Arelle is needed but not importable."""


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_local = threading.local()


class _PackagesConfig(dict):
    """Arelle 2.47's package registry, which survives a session's runs. Each run starts by clearing it, and the
    next run's --packages then fails on the missing keys (KeyError 'packages'); cleared, this one is empty
    again rather than keyless."""

    def __init__(self) -> None:
        super().__init__(packages=[], remappings={})

    def clear(self) -> None:
        super().clear()
        self.update(packages=[], remappings={})


def _session() -> tuple[Any, _Collector]:
    """This thread's Arelle session and log collector (Arelle sessions may not cross threads)."""
    if getattr(_local, "session", None) is None:
        try:
            from arelle.api.Session import Session
        except ImportError as e:
            raise ArelleUnavailable(INSTALL_HINT) from e
        from arelle import PackageManager
        PackageManager.getInstance().packagesConfig = _PackagesConfig()
        _local.session, _local.collector = Session(), _Collector()
    return _local.session, _local.collector


def _message(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except (TypeError, ValueError, KeyError):
        return str(record.msg)


def _run(path: Path | str, packages: Optional[list[str]], keep_open: bool = False, **extra):
    try:
        from arelle.RuntimeOptions import RuntimeOptions
    except ImportError as e:
        raise ArelleUnavailable(INSTALL_HINT) from e
    path = Path(path).resolve()
    if not path.is_file():
        raise FileNotFoundError(path)
    if packages is None:
        from ..taxonomies.package import package_path
        packages = [str(package_path())]
    session, collector = _session()
    collector.records.clear()
    options = RuntimeOptions(
        entrypointFile=str(path),
        packages=list(packages) or None,
        validate=True,
        calcs="c11r",
        utrValidate=True,
        validateDuplicateFacts="inconsistent",
        testcaseResultsCaptureWarnings=True,
        internetConnectivity="offline",
        disablePersistentConfig=True,
        logLevel="DEBUG",
        logFormat="[%(messageCode)s] %(message)s - %(file)s",
        keepOpen=keep_open,
        **extra,
    )
    session.run(options, logHandler=collector)
    return session, collector


def _findings(collector: _Collector) -> list[dict]:
    findings = []
    for record in collector.records:
        if record.levelno < logging.WARNING or record.levelname in _NOT_FINDINGS:
            continue
        refs = getattr(record, "refs", None) or []
        findings.append({
            "code": getattr(record, "messageCode", "") or "",
            "level": record.levelname.lower(),
            "message": _message(record),
            "source": (refs[0].get("href", "") if refs and isinstance(refs[0], dict) else ""),
        })
    collector.records.clear()
    return findings


def arelle_check(path: Path | str, packages: Optional[list[str]] = None) -> list[dict]:
    """Validate an XBRL 2.1 instance, inline XBRL document, xBRL-JSON or xBRL-CSV report with Arelle; return its
    warnings and errors as {"code", "level", "message", "source"} dicts, in the order Arelle logged them. Empty
    means clean. `packages` defaults to the project's taxonomy package."""
    _session_obj, collector = _run(path, packages)
    return _findings(collector)


def arelle_facts(path: Path | str) -> tuple[set[tuple], list[dict]]:
    """The facts Arelle reads from a report of any of our formats, as comparable tuples (concept Clark name,
    entity, period, dimensions, unit, value, decimals), and its findings. Whatever the format, the same facts
    give the same set: this is how the formats are compared, with Arelle as the judge."""
    session, collector = _run(path, None, keep_open=True)
    models = list(session.get_models())
    try:
        facts = set()
        for model in models:
            for f in model.factsInInstance:
                ctx, unit = f.context, f.unit
                period = ("instant", ctx.instantDatetime) if ctx.isInstantPeriod else \
                    ("duration", ctx.startDatetime, ctx.endDatetime)
                dims = frozenset((str(d.dimensionQname.clarkNotation), str(d.memberQname.clarkNotation))
                                 for d in ctx.qnameDims.values())
                measures = None
                if unit is not None:
                    measures = tuple(tuple(sorted(q.clarkNotation for q in side)) for side in unit.measures)
                # numbers as Decimals, so that 1.8 printed as "1.80" is the same value
                value = Decimal(str(f.xValue)) if f.isNumeric else f.value
                facts.add((f.qname.clarkNotation, ctx.entityIdentifier, period, dims, measures, value,
                           f.decimals if f.isNumeric else None))
        return facts, _findings(collector)
    finally:
        for model in models:     # closed and forgotten, so the session's next run starts with none
            model.close()
        session.get_models().clear()
