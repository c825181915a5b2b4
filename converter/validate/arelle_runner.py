"""Arelle as the oracle for XBRL 2.1, Dimensions, Calculations 1.1, UTR and OIM rules.

Arelle runs in-process through its supported API (arelle.api.Session), offline, with the same checks as

    arelleCmdLine --file F --validate --calc c11r --utr --validateDuplicateFacts inconsistent
                  --captureWarnings --internetConnectivity offline

xBRL-JSON needs no plugin: Arelle 2.47 loads OIM reports natively (the loadFromOIM plugin is deprecated and
only adds OIM checks to XML instances), so the same call validates both our formats.

One session per thread is kept and reused: starting Arelle costs about a second, a validation of our small
outputs a few hundredths. Log records are collected by our own handler, and only warnings and worse are
returned, as plain dicts, so callers never touch Arelle's objects.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

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


def _session() -> tuple[Any, _Collector]:
    """This thread's Arelle session and log collector (Arelle sessions may not cross threads)."""
    if getattr(_local, "session", None) is None:
        try:
            from arelle.api.Session import Session
        except ImportError as e:
            raise ArelleUnavailable(INSTALL_HINT) from e
        _local.session, _local.collector = Session(), _Collector()
    return _local.session, _local.collector


def _message(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except (TypeError, ValueError, KeyError):
        return str(record.msg)


def arelle_check(path: Path | str) -> list[dict]:
    """Validate an XBRL 2.1 instance or xBRL-JSON report with Arelle; return its warnings and errors as
    {"code", "level", "message", "source"} dicts, in the order Arelle logged them. Empty means clean."""
    try:
        from arelle.RuntimeOptions import RuntimeOptions
    except ImportError as e:
        raise ArelleUnavailable(INSTALL_HINT) from e
    path = Path(path).resolve()
    if not path.is_file():
        raise FileNotFoundError(path)
    session, collector = _session()
    collector.records.clear()
    options = RuntimeOptions(
        entrypointFile=str(path),
        validate=True,
        calcs="c11r",
        utrValidate=True,
        validateDuplicateFacts="inconsistent",
        testcaseResultsCaptureWarnings=True,
        internetConnectivity="offline",
        disablePersistentConfig=True,
        logLevel="DEBUG",
        logFormat="[%(messageCode)s] %(message)s - %(file)s",
    )
    session.run(options, logHandler=collector)
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
