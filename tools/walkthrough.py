"""The figures of docs/adding-an-issuer.md, produced from the walkthrough release and issuer file, so they never
go stale: `.venv/bin/python tools/walkthrough.py --write` rewrites each block between `<!-- figure: NAME -->` and
`<!-- end -->`; tests/test_walkthrough_doc.py fails when the page and the figures differ."""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "authoring"
RELEASE, ISSUER, GOLD = DATA / "harborline-q3-fy2024.htm", DATA / "harborline.yaml", DATA / "harborline-q3-fy2024.gold.csv"
DOC = ROOT / "docs" / "adding-an-issuer.md"
SHOWN = "tests/data/authoring/"


def _cli(*args: str) -> str:
    from click.testing import CliRunner
    from converter.cli import main
    return CliRunner().invoke(main, list(args)).output.replace(str(DATA) + "/", SHOWN)


def _score(issuer: str) -> str:
    from converter.api import convert
    from converter.emit import render_json
    sys.path.insert(0, str(ROOT.parent / "shared"))
    import score
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        out.write_text(render_json(convert(RELEASE, issuer=issuer), "out.xsd"))
        s = score.score(score.load_gold(str(GOLD)), score.load_output(str(out)))
    return f"recall={s['recall']:.3f} precision={s['precision']:.3f} f1={s['f1']:.3f}"


def _fact_block(text: str, period: str) -> str:
    lines = text.splitlines()
    start = next(i for i, l in enumerate(lines) if period in l and not l.startswith(" "))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return "\n".join(lines[start:end])


def figures() -> dict[str, str]:
    suspicious = _cli("explain", str(RELEASE), "--issuer", "none", "--suspicious").splitlines()
    return {
        "score-base": _score("none"),
        "suspicious": "\n".join(suspicious[:6] + ["..."] + suspicious[-5:]),
        "issuer-file": ISSUER.read_text().rstrip(),
        "check": _cli("rules", "check", str(ISSUER), "--no-timeouts").strip(),
        "explain-table": _fact_block(_cli("explain", str(RELEASE), "--issuer", str(ISSUER), "--concept",
                                          "GrossProfit"), "2024-02-04"),
        "suppressed": "\n".join(l.strip() for l in _cli("explain", str(RELEASE), "--issuer", str(ISSUER)).splitlines()
                                if "suppressed by" in l),
        "score-issuer": _score(str(ISSUER)),
        "suspicious-after": _cli("explain", str(RELEASE), "--issuer", str(ISSUER), "--suspicious").strip(),
    }


BLOCK = re.compile(r"(<!-- figure: (?P<name>[\w-]+) -->\n```[a-z]*\n)(?P<body>(?:(?!<!-- end -->).)*?)(```\n<!-- end -->)", re.S)


def render(text: str, figs: dict[str, str]) -> str:
    return BLOCK.sub(lambda m: m.group(1) + figs[m["name"]] + "\n" + m.group(4), text)


if __name__ == "__main__":
    text = DOC.read_text()
    new = render(text, figures())
    if "--write" in sys.argv:
        DOC.write_text(new)
    else:
        print(new)
