"""Releases printed to PDF (issue 13, item 5): tests/data/printed holds the four corpus HTML releases and six
real newswire releases (tests/data/real, Markdown rendered to HTML) printed by three producers, headless
Chromium (NAME.chromium.pdf), WeasyPrint (NAME.weasyprint.pdf) and Chromium's print rewritten by Ghostscript
(NAME.ghostscript.pdf: fonts rebuilt, dashes coded as digits), each with its source's gold copied as
NAME.gold.csv; and a fourth producer, LibreOffice (NAME.libreoffice.pdf), for seven of them and four more
real releases, and Chromium and WeasyPrint on a landscape page (NAME.landscape.pdf,
NAME.weasyprint-landscape.pdf) for four releases whose copies lost their header's spans, and LibreOffice
through Word's format (NAME.libreoffice-docx.pdf) for five and Rich Text Format (NAME.libreoffice-rtf.pdf) for two.
tests/data/printed/make.py made them (by hand, not in CI).

The issue's done-when, base rules only: every PDF scores at least 0.98 of the F1 its source document scores,
with precision >= 0.99. A PDF that does not meet it yet is marked xfail (strict) with its measured figures, so
that the mark has to go once the PDF reader reads it. LibreOffice lays the wide tables out past the page's
edge and cuts their last columns off, so its prints are held to the precision floor only: what it cut off
cannot be read, and what is left must not be misread. So are the landscape prints: their sources' headers
are garbled, and printed wide they contradict themselves; what they do not settle is withheld."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from converter import convert, write

from .conftest import score_output, shared_path

DATA = Path(__file__).parent / "data"
PRINTED = DATA / "printed"
ALL_PDFS = sorted(p.name for p in PRINTED.glob("*.pdf"))
CLIPPED = "libreoffice"   # the producer that cuts wide tables off at the page's edge
WIDE = {"landscape", "weasyprint-landscape"}   # Chromium and WeasyPrint on a landscape page, for sources whose
                                               # copies lost their header's spans
THROUGH_WORD = CLIPPED + "-docx"   # LibreOffice through Word's format, which also drops some tables' title rows
THROUGH_RTF = CLIPPED + "-rtf"     # ... and through Rich Text Format
FLOOR_ONLY = {CLIPPED, THROUGH_WORD, THROUGH_RTF} | WIDE
PDFS = [pdf for pdf in ALL_PDFS if pdf.split(".")[1] not in FLOOR_ONLY]
F1_RATIO = 0.98
PRECISION = 0.99

# NAME.PRODUCER.pdf -> what it scores today (source F1; the PDF's recall, precision, F1 and F1 ratio)
NOT_YET: dict[str, str] = {}


def _stem(pdf: str) -> str:
    return pdf.split(".")[0]


def _source(stem: str) -> Path:
    """The document the PDF was printed from: a real release here, or a corpus release in ../shared."""
    real = DATA / "real" / f"{stem}.txt"
    return real if real.exists() else shared_path("corpus", f"{stem}.html")


def _scored(doc: Path, gold: Path, out: Path) -> dict:
    write(convert(doc, issuer="none"), out, "json")
    return score_output(gold, out)


@lru_cache(maxsize=None)
def _source_f1(stem: str, tmp: Path) -> float:
    return _scored(_source(stem), PRINTED / f"{stem}.gold.csv", tmp / f"{stem}.json")["f1"]


def _cases():
    for pdf in PDFS:
        marks = []
        if pdf in NOT_YET:
            marks = [pytest.mark.xfail(strict=True, reason=NOT_YET[pdf])]
        yield pytest.param(pdf, marks=marks, id=pdf)


def test_there_are_printed_pdfs_from_four_producers_and_their_variants():
    assert {pdf.split(".")[1] for pdf in ALL_PDFS} == {"chromium", "weasyprint", "ghostscript", CLIPPED, THROUGH_WORD,
                                                        THROUGH_RTF} | WIDE
    assert set(NOT_YET) <= set(PDFS)


@pytest.mark.parametrize("pdf", ALL_PDFS)
def test_the_gold_is_the_source_documents(pdf):
    stem = _stem(pdf)
    source = _source(stem)
    gold = source.with_name(f"{stem}.gold.csv") if source.parent.name == "real" \
        else shared_path("gold", f"{stem}.gold.csv")
    assert (PRINTED / f"{stem}.gold.csv").read_bytes() == gold.read_bytes()


@pytest.mark.parametrize("pdf", list(_cases()))
def test_a_printed_pdf_scores_as_its_source(pdf, tmp_path_factory):
    stem = _stem(pdf)
    source_f1 = _source_f1(stem, tmp_path_factory.getbasetemp())
    scored = _scored(PRINTED / pdf, PRINTED / f"{stem}.gold.csv", tmp_path_factory.mktemp("pdf") / "out.json")
    figures = (f"source F1 {source_f1:.3f}; PDF R {scored['recall']:.3f} P {scored['precision']:.3f} "
               f"F1 {scored['f1']:.3f}, ratio {scored['f1'] / source_f1 if source_f1 else 0:.3f}")
    assert scored["precision"] >= PRECISION, (figures, scored["false_positives"])
    assert scored["f1"] >= F1_RATIO * source_f1, \
        (figures, [m["label"] + " " + m["period_s"] for m in scored["misses"]])


@pytest.mark.parametrize("pdf", [pdf for pdf in ALL_PDFS if pdf.split(".")[1] in FLOOR_ONLY])
def test_a_print_held_to_the_precision_floor_writes_no_false_fact(pdf, tmp_path):
    # labels wrapped around their figures, header cells a word a line beside their columns, a noncontrolling
    # share wrapped over two lines, a header that contradicts itself: read or withheld, never misread
    scored = _scored(PRINTED / pdf, PRINTED / f"{_stem(pdf)}.gold.csv", tmp_path / "out.json")
    assert scored["precision"] >= PRECISION, (scored["recall"], scored["precision"], scored["false_positives"])
