"""Builds the printed-PDF test corpus (issue 13, item 5). Run by hand, never in CI; its output is committed.

Each source release is printed to PDF by up to four producers (one of them twice), so that the PDF reader is not fitted to one layout:

- headless Chromium (Debian package `chromium`):
  `chromium --headless --no-sandbox --disable-gpu --print-to-pdf=OUT --no-pdf-header-footer file://IN.html`
- WeasyPrint (PyPI `weasyprint`, a generation tool only, not a runtime dependency of the converter)
- Ghostscript (Debian package `ghostscript`): Chromium's print rewritten by `gs -sDEVICE=pdfwrite`, as PDFs
  distilled by Ghostscript are. It rebuilds each font and its map from glyphs to characters, and not always
  right: dashes come out as digits ("—" as "4", "–" as "3"), curly quotes as "<" and "=".
- Chromium again on an A4 landscape page ("landscape"): wide columns, so that a header cell stands far
  from its figures and a group title over one column of its group only.
- WeasyPrint on an A4 landscape page in smaller type ("weasyprint-landscape"), likewise.
- LibreOffice through Word's format (NAME.libreoffice-docx.pdf, five real releases): the page saved as .docx,
  then printed, as a release written in a word processor reaches PDF. It drops some tables' title rows (and
  with them their scale notes) and cuts wide tables at the page's edge, mid-figure; held to the precision floor.
  Through Rich Text Format likewise (NAME.libreoffice-rtf.pdf, two releases).
- LibreOffice (Debian package `libreoffice-writer-nogui`): `soffice --headless --convert-to pdf`, a word
  processor's layout engine rather than a browser's. It ignores most of the stylesheet: labels set right
  in narrow cells and wrapped around their figures, header cells wrapped a word a line, and tables wider
  than the page, their last columns cut off (so its prints are held to the precision floor only, not to
  their source's recall). It prints a file that opens with EDGAR's SGML wrapper as plain text, so the
  corpus HTML releases (all but abvc) are not printed by it.

Sources (NAME is the source's stem):

- the four corpus HTML releases in ../shared/corpus (abvc, adobe, apple, oracle), printed as they are;
- six real newswire releases saved as Markdown in tests/data/real (a bank, the REIT and four others), first
  rendered to HTML: YAML front matter stripped (its title becomes the page heading), pipe tables rendered
  with Python-Markdown's `tables` extension, and a plain newswire-like stylesheet (no table borders, labels
  left, figures right-aligned and kept on one line). Each cell prints where the Markdown copy has it: the
  copies lost the newswire page's colspans, so a header ("Three Months Ended December 31,", "2024") often
  stands in the `$` cell left of its figures and over the first column of its group only; a table's first
  row (often its title) is the <thead>, which Chromium and WeasyPrint repeat atop each page a table runs onto.

Chromium writes a tagged PDF (a structure tree with table tags); its files are larger for it (the Oracle
one is about 2 MB, most of it the tree).

Output, in this folder: NAME.chromium.pdf, NAME.weasyprint.pdf, NAME.ghostscript.pdf and NAME.gold.csv (the source document's gold,
copied: ../shared/gold/NAME.gold.csv for the corpus, tests/data/real/NAME.gold.csv for the real releases).
tests/test_printed_pdfs.py scores each PDF against that gold and against its source's own score.

Setup and run (from the repository root; the versions are the ones the committed PDFs were made with):

    apt-get install chromium ghostscript libreoffice-writer-nogui
                  # Chromium 156.0.8078.129, Ghostscript 10.0.0, LibreOffice 7.4.7 here
    .venv/bin/pip install weasyprint==70.0 markdown==3.11.3
    .venv/bin/python tests/data/printed/make.py                  # everything
    .venv/bin/python tests/data/printed/make.py vornado-2024q4   # some sources only
    .venv/bin/python tests/data/printed/make.py --producer weasyprint
    .venv/bin/python tests/data/printed/make.py --keep-html /tmp/html   # also keep the rendered pages

The shared folder is ../shared or $XBRLIFY_SHARED. Each PDF's size is printed; one over 1 MB is flagged.
"""
from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SHARED = Path(os.environ.get("XBRLIFY_SHARED", ROOT.parent / "shared"))
REAL = ROOT / "tests" / "data" / "real"

CORPUS = ["abvc-fy2024", "adobe-fy2023q1", "apple-fy2011q1", "oracle-fy2022q4"]
# a bank, the REIT, oilfield services (five-quarter tables), building materials (segments), SaaS (non-GAAP
# reconciliations), and a small company reporting in whole dollars with a June fiscal year
REAL_MARKDOWN = ["fhlbdesmoines-2024q4", "vornado-2024q4", "nabors-2024q4", "martinmarietta-2024q4",
                 "freshworks-2024q4", "intelligentbio-fy2025q2"]
# printed by LibreOffice only: releases whose LibreOffice prints showed misreadings (wrapped header cells,
# a sentence's comparison, a noncontrolling share wrapped around its figures)
LIBREOFFICE_ONLY = ["tigoenergy-2024q4", "adaptivebio-2024q4", "avient-2024q4", "crispr-2024q4"]
LIBREOFFICE_SKIPS = {"adobe-fy2023q1", "apple-fy2011q1", "oracle-fy2022q4"}   # EDGAR's SGML wrapper: printed as text
# printed landscape: releases whose copies lost their header's spans, which a wide page sets far apart
LANDSCAPE_ONLY = {"tigoenergy-2024q4", "avient-2024q4"}
# LibreOffice through Word's format (the page saved as .docx, then printed): a word processor's document, as
# releases written in Word reach PDF; it drops some tables' title rows and cuts wide ones at the page's edge
DOCX_ONLY = {"tigoenergy-2024q4", "avient-2024q4", "martinmarietta-2024q4", "intelligentbio-fy2025q2",
             "freshworks-2024q4"}
# ... and through Rich Text Format, which sets a segment's name left of its figures
RTF_ONLY = {"adaptivebio-2024q4", "vornado-2024q4"}
WEASY_LANDSCAPE_ONLY = {"nabors-2024q4", "glimpsegroup-fy2025q2"}
PRODUCERS = ["chromium", "weasyprint", "ghostscript", "libreoffice", "landscape", "weasyprint-landscape",
             "libreoffice-docx", "libreoffice-rtf"]
LANDSCAPE = "@page { size: A4 landscape; margin: 0.4in }"
SMALL_TYPE = "table { font-size: 7pt }"
CHROMIUM = "/usr/bin/chromium"
TOO_BIG = 1_000_000

STYLE = """
@page { size: Letter; margin: 0.6in 0.6in; }
body { font-family: "Liberation Serif", "DejaVu Serif", serif; font-size: 11pt; line-height: 1.35;
       color: #111; }
h1 { font-size: 15pt; line-height: 1.25; margin: 0 0 0.8em 0; }
p { margin: 0 0 0.7em 0; }
table { border-collapse: collapse; border: none; margin: 0.6em 0 1.2em 0;
        font-family: "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 8pt; line-height: 1.2; }
th, td { border: none; padding: 1px 3px; vertical-align: bottom; text-align: right; font-weight: normal; }
th { font-weight: bold; }
th:first-child, td:first-child { text-align: left; }
td.num { white-space: nowrap; }
"""

NUMERIC = re.compile(r"^[\s$€£()\-—–%,.\d]*\d[\s$€£()\-—–%,.\d]*$|^\s*[—–-]\s*$|^\s*\)\s*$|^\s*\$\s*$")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The YAML front matter's plain `key: "value"` lines, and the body after it."""
    m = re.match(r"\A---\n(.*?)\n---\n", text, flags=re.S)
    if not m:
        return {}, text
    meta = {}
    for line in m.group(1).splitlines():
        kv = re.match(r'^(\w+):\s*"(.*)"\s*$', line)
        if kv:
            meta[kv.group(1)] = kv.group(2)
    return meta, text[m.end():]


def cells(line: str) -> list[str]:
    """A pipe-table row's cells (an escaped pipe `\\|` is no separator)."""
    s = line.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") and not s.endswith("\\|") else s
    return re.split(r"(?<!\\)\|", s)


def pad_tables(body: str) -> str:
    """Pads each pipe table's header row and `| --- |` rule to its widest row: Python-Markdown, like GitHub's
    renderer, cuts every row to the header's cell count, and newswire copies often have a one-cell title as
    the header ('| **NABORS INDUSTRIES LTD. AND SUBSIDIARIES** |') above rows of eleven cells, all printed."""
    lines = body.split("\n")
    i = 0
    while i + 1 < len(lines):
        if lines[i].startswith("|") and re.match(r"^\|\s*:?-{3,}", lines[i + 1]):
            j = i
            while j < len(lines) and lines[j].startswith("|"):
                j += 1
            width = max(len(cells(line)) for line in lines[i:j])
            for k, fill in ((i, " "), (i + 1, " --- ")):
                have = cells(lines[k])
                if len(have) < width:
                    lines[k] = "|" + "|".join(have + [fill] * (width - len(have))) + "|"
            i = j
        else:
            i += 1
    return "\n".join(lines)


def markdown_page(source: Path) -> str:
    """A newswire release saved as Markdown, as the HTML page a reader would print."""
    import markdown  # generation tool only: pip install markdown==3.11.3

    meta, body = front_matter(source.read_text(encoding="utf-8"))
    rendered = markdown.markdown(pad_tables(body), extensions=["tables"], output_format="html")

    def mark_numeric(m: re.Match) -> str:
        return m.group(0) if not NUMERIC.match(html.unescape(re.sub(r"<[^>]+>", "", m.group(2)))) \
            else f'<td class="num"{m.group(1)}>{m.group(2)}</td>'
    rendered = re.sub(r"<td([^>]*)>(.*?)</td>", mark_numeric, rendered, flags=re.S)
    title = html.escape(meta.get("title", source.stem))
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{STYLE}</style></head>\n<body>\n<h1>{title}</h1>\n{rendered}\n</body></html>\n")


def print_chromium(page: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
                        f"--print-to-pdf={out}", "--no-pdf-header-footer", page.resolve().as_uri()],
                       check=True, capture_output=True, timeout=300)
    if not out.exists() or out.stat().st_size == 0:
        raise RuntimeError(f"chromium wrote no PDF for {page}")


def print_weasyprint(page: Path, out: Path) -> None:
    import logging

    import weasyprint  # generation tool only: pip install weasyprint==70.0

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # missing logo images, unsupported CSS
    weasyprint.HTML(filename=str(page), base_url=str(page.parent)).write_pdf(str(out))


def print_ghostscript(page: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        printed = Path(tmp) / "chromium.pdf"
        print_chromium(page, printed)
        subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", f"-sOutputFile={out}",
                        str(printed)], check=True, capture_output=True, timeout=300)


def print_landscape(page: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wide = Path(tmp) / page.name
        wide.write_text(page.read_text(encoding="utf-8").replace("</style>", LANDSCAPE + "</style>", 1), encoding="utf-8")
        print_chromium(wide, out)


def print_weasyprint_landscape(page: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wide = Path(tmp) / page.name
        wide.write_text(page.read_text(encoding="utf-8").replace("</style>", LANDSCAPE + SMALL_TYPE + "</style>", 1),
                        encoding="utf-8")
        print_weasyprint(wide, out)


def print_libreoffice(page: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation={Path(tmp).as_uri()}/profile",
                        "--convert-to", "pdf", "--outdir", tmp, str(page)], check=True, capture_output=True, timeout=300)
        printed = Path(tmp) / f"{page.stem}.pdf"
        if not printed.exists() or printed.stat().st_size == 0:
            raise RuntimeError(f"libreoffice wrote no PDF for {page}")
        shutil.copyfile(printed, out)


def _print_libreoffice_through(page: Path, out: Path, via: tuple[str, str]) -> None:
    """The page saved in a word processor's format (`via`: LibreOffice's filter, and the file's extension), then
    that document printed."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = f"-env:UserInstallation={Path(tmp).as_uri()}/profile"
        for target, src in ((via[0], page), ("pdf", Path(tmp) / f"{page.stem}.{via[1]}")):
            subprocess.run(["soffice", "--headless", profile, "--convert-to", target, "--outdir", tmp, str(src)],
                           check=True, capture_output=True, timeout=300)
        printed = Path(tmp) / f"{page.stem}.pdf"
        if not printed.exists() or printed.stat().st_size == 0:
            raise RuntimeError(f"libreoffice wrote no PDF for {page} through .{via[1]}")
        shutil.copyfile(printed, out)


def print_libreoffice_docx(page: Path, out: Path) -> None:
    _print_libreoffice_through(page, out, ("docx:MS Word 2007 XML", "docx"))


def print_libreoffice_rtf(page: Path, out: Path) -> None:
    _print_libreoffice_through(page, out, ("rtf:Rich Text Format", "rtf"))


def sources() -> dict[str, tuple[Path, Path, bool]]:
    """name -> (source document, its gold, whether it is Markdown to render first)."""
    out = {}
    for name in CORPUS:
        out[name] = (SHARED / "corpus" / f"{name}.html", SHARED / "gold" / f"{name}.gold.csv", False)
    for name in REAL_MARKDOWN + LIBREOFFICE_ONLY + sorted(WEASY_LANDSCAPE_ONLY - set(REAL_MARKDOWN)):
        out[name] = (REAL / f"{name}.txt", REAL / f"{name}.gold.csv", True)
    return out


def producers_of(name: str) -> list[str]:
    if name in LIBREOFFICE_ONLY:
        out = ["libreoffice"]
    elif name in REAL_MARKDOWN or name in CORPUS:
        out = [p for p in PRODUCERS[:4] if not (p == "libreoffice" and name in LIBREOFFICE_SKIPS)]
    else:
        out = []
    return out + (["landscape"] if name in LANDSCAPE_ONLY else []) + \
        (["weasyprint-landscape"] if name in WEASY_LANDSCAPE_ONLY else []) + \
        (["libreoffice-docx"] if name in DOCX_ONLY else []) + (["libreoffice-rtf"] if name in RTF_ONLY else [])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="*", help="source stems (default: all)")
    ap.add_argument("--producer", choices=PRODUCERS, action="append", help="default: all")
    ap.add_argument("--keep-html", type=Path, metavar="DIR", help="also save the HTML rendered from Markdown")
    args = ap.parse_args()
    todo = sources()
    for name in args.names:
        if name not in todo:
            ap.error(f"unknown source {name}; known: {', '.join(todo)}")
    names = args.names or list(todo)
    producers = args.producer or PRODUCERS
    printers = {"chromium": print_chromium, "weasyprint": print_weasyprint, "ghostscript": print_ghostscript,
                "libreoffice": print_libreoffice, "landscape": print_landscape,
                "weasyprint-landscape": print_weasyprint_landscape, "libreoffice-docx": print_libreoffice_docx,
                "libreoffice-rtf": print_libreoffice_rtf}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            source, gold, is_markdown = todo[name]
            if not source.exists() or not gold.exists():
                print(f"{name}: {source} or {gold} is absent", file=sys.stderr)
                return 1
            if is_markdown:
                page = Path(tmp) / f"{name}.html"
                page.write_text(markdown_page(source), encoding="utf-8")
                if args.keep_html:
                    args.keep_html.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(page, args.keep_html / page.name)
            else:
                page = source
            shutil.copyfile(gold, HERE / f"{name}.gold.csv")
            for producer in [p for p in producers if p in producers_of(name)]:
                out = HERE / f"{name}.{producer}.pdf"
                printers[producer](page, out)
                size = out.stat().st_size
                flag = "  OVER 1 MB" if size > TOO_BIG else ""
                print(f"{out.name:45s} {size / 1024:8.0f} KB{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
