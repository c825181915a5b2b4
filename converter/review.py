"""The review page: the release as inline XBRL opened in the Arelle iXBRL Viewer, so that a person sees at a
glance which printed numbers became which facts.

Every tagged figure is highlighted by the viewer; selecting one shows its concept, period and unit, and its
footnote names the rule that produced it and what it was read from. Figures printed in statement tables that
became no fact are outlined (inline/tagging.py). The viewer is the `ixbrl-viewer` Arelle plugin, run in its own
Arelle process (plugins are process-wide state in Arelle); its script ships in the wheel and is copied beside
the page, so the page works offline.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from .dataclass_code import dataclass

VIEWER_PLUGIN = "iXBRLViewerPlugin"


class ReviewError(RuntimeError):
    """The viewer could not be built; the message says why, in one line."""


@dataclass
class Review:
    page: Path          # the viewer HTML
    facts: int
    tagged: int
    unread: int


def build_review(source: Path, out: Path, layout=None, issuer=None, entity=None) -> Review:
    from .batch import write_all
    from .emit import render_taxonomy
    from .inline.tagging import build_ixbrl
    from .emit.render import entry_filename
    from .pipeline import Trace, convert_text
    from .readers.source import read_release
    from .taxonomies.package import package_path

    release, trace = read_release(source), Trace()
    result = convert_text(release.text, source=str(source), layout=layout or release.layout, issuer=issuer,
                          entity=entity, trace=trace)
    stem = Path(source).stem
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="xbrlify-review-") as tmp:
        folder = Path(tmp)
        text, tagging = build_ixbrl(result, release.text, trace.document, entry_filename(stem), review=True)
        files = {folder / n: t for n, t in render_taxonomy(result, stem).items()}
        files[folder / f"{stem}.htm"] = text
        write_all(files)
        _run_viewer(folder / f"{stem}.htm", out, package_path())
    return Review(out, len(result.facts), len(tagging.tagged), len(tagging.unread))


def _run_viewer(document: Path, out: Path, package: Path) -> None:
    try:
        import iXBRLViewerPlugin  # noqa: F401  (installed with the test extras, pinned)
    except ImportError as e:
        raise ReviewError("the review page needs the iXBRL Viewer: pip install 'xbrlify[test]' "
                          "(ixbrl-viewer)") from e
    cmd = [sys.executable, "-m", "arelle.CntlrCmdLine", "--plugins", VIEWER_PLUGIN, "--file", str(document),
           "--packages", str(package), "--internetConnectivity", "offline", "--disablePersistentConfig",
           "--save-viewer", str(out.resolve())]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    if done.returncode != 0 or not out.is_file():
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise ReviewError(f"the iXBRL Viewer failed: {last[0]}")
