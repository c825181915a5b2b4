"""Trust: every fact right, or withheld with its reason. Small releases of our own, one precision mechanism
each: readings that disagree are settled by evidence, never by order."""
from __future__ import annotations

from decimal import Decimal

from converter.pipeline import convert_text

HEAD = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, February 11, 2025 -- Acme Corp today reported results.

"""

STATEMENT = """CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(in thousands)

| | Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Revenue | 47,459 | 45,784 |
| Net loss | (33,692) | (69,441) |

"""


def _convert(text: str):
    return convert_text(text, issuer="none")


def _values(result, concept: str) -> dict[str, Decimal]:
    return {str(f.period): f.value for f in result.facts if f.concept.endswith(":" + concept) and not f.dims}


def test_the_income_statement_outranks_a_highlights_table_that_disagrees_whatever_comes_first():
    other = """Revenue Highlights
(in thousands)

| | Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Revenue | 40,149 | 30,762 |

"""
    for text in (HEAD + STATEMENT + other, HEAD + other + STATEMENT):
        result = _convert(text)
        assert _values(result, "Revenues")["2024-10-01..2024-12-31"] == Decimal("47459000")
        why = [w for f, w in result.rejected if f.value == Decimal("40149000")]
        assert why and why[0].startswith("outranked")
        assert not [f for f in result.findings if f.code in ("inconsistent-duplicate", "withheld")]


def test_a_sentence_does_not_overrule_the_statement_even_when_it_prints_more_digits():
    text = HEAD + "Revenue for the fourth quarter of 2024 was $47,412,306.\n\n" + STATEMENT
    assert _values(_convert(text), "Revenues")["2024-10-01..2024-12-31"] == Decimal("47459000")


def test_two_tables_of_equal_standing_that_disagree_are_withheld_with_both_readings():
    a = """Selected Financial Data
(in thousands)

| | Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Revenue | 47,459 | 45,784 |

"""
    b = a.replace("47,459", "40,149").replace("Selected Financial Data", "Quarterly Data")
    result = _convert(HEAD + a + b)
    assert "2024-10-01..2024-12-31" not in _values(result, "Revenues")
    assert _values(result, "Revenues")["2023-10-01..2023-12-31"] == Decimal("45784000")   # they agree there
    [withheld] = [f for f in result.findings if f.code == "withheld"]
    assert "4.7459E+7" in withheld.message and "4.0149E+7" in withheld.message


def test_two_primary_statements_that_disagree_keep_the_balance_sheets_balance_and_say_so():
    text = HEAD + """CONDENSED CONSOLIDATED BALANCE SHEETS
(in thousands)

| | December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Cash and cash equivalents | 48,206 | 61,412 |
| Total assets | 900,000 | 850,000 |

CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS
(in thousands)

| | Year Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Net cash provided by operating activities | 10,000 | 9,000 |
| Cash and cash equivalents, beginning of year | 90,509 | 10,828 |
| Cash and cash equivalents, end of year | 48,206 | 61,412 |
"""
    result = _convert(text)
    assert _values(result, "CashAndCashEquivalentsAtCarryingValue")["2023-12-31"] == Decimal("61412000")
    [found] = [f for f in result.findings if f.code == "inconsistent-duplicate"]
    assert "9.0509E+7" in found.message


# ------------------------------------------------------------------------------- dates bounded by the release

def test_the_dateline_is_the_release_date_and_other_first_dates_are_not():
    from converter.engine.release_date import dateline
    assert str(dateline("SANTA CLARA, Calif.\u2014Feb. 25, 2026\u2015NVIDIA today reported")) == "2026-02-25"
    assert str(dateline("SEATTLE, Feb. 11, 2025 (GLOBE NEWSWIRE) -- Adaptive today")) == "2025-02-11"
    assert str(dateline("NEW YORK, NY / ACCESS Newswire / February 13, 2025 / The Glimpse Group")) == "2025-02-13"
    subtitle = "PDUFA Goal Date of September 7, 2025 -\nCAMBRIDGE, Mass., Feb. 13, 2025 (GLOBE NEWSWIRE) - Agios"
    assert str(dateline(subtitle)) == "2025-02-13"
    assert dateline("On January 5, 2024, we acquired Widget Co. for cash.") is None
    # Business Wire with no comma after the place, and a dateline that opens its line
    assert str(dateline("NEW YORK--(BUSINESS WIRE)--Feb 12, 2025--Acme Corp today reported")) == "2025-02-12"
    assert str(dateline("Feb. 12, 2025 -- Acme Corp today reported results")) == "2025-02-12"
    assert str(dateline("EL CENTRO, Calif. - (NewMediaWire) - October 18, 2024 - CMUV Bancorp")) == "2024-10-18"
    # a date written day first, as British, European and Australian datelines write it, is the dateline's date,
    # not a later date on its line (it had been no date, and earlier the quarter's end)
    assert str(dateline("NEW YORK, 12 February 2025 -- Acme Corp today reported results for the fourth quarter "
                        "ended December 31, 2024.")) == "2025-02-12"
    assert str(dateline("PERTH, Western Australia, 18 Feb. 2025 -- Acme Limited today reported")) == "2025-02-18"
    assert str(dateline("ZUG, Switzerland, 3rd March 2025 / Acme AG today reported")) == "2025-03-03"
    assert dateline("On 5 January 2024, we acquired Widget Co. for cash.") is None
    assert str(dateline("HALF MOON BAY, Calif., Feb. 12, 2025 -- Acme Corp today reported")) == "2025-02-12"
    # a title in capitals that names the period is no place
    assert str(dateline("HALF YEAR RESULTS, 30 June 2024\nLONDON, 24 July 2024 -- Acme plc today announced")) \
        == "2024-07-24"
    assert dateline("NEW YORK -- Acme Corp today reported results for the year ended 31 December 2024.") is None
    # nor is a date within a title line before a dash
    assert dateline("Acme Reports Results for the Quarter Ended December 31, 2024 - Revenue Up 10%") is None
    # an event's date that opens a highlight is no dateline, the one after it is
    assert str(dateline("December 3, 2024 - Widget opened its 500th store.\nANYTOWN, Ohio, February 12, 2025 -- "
                        "X Corp today reported results")) == "2025-02-12"
    assert dateline("December 3, 2024 - Widget opened its 500th store.") is None
    # a wire's name as a Markdown link
    assert str(dateline("NEW YORK--([BUSINESS WIRE](https://www.businesswire.com))--Feb. 12, 2025--Acme Corp today "
                        "reported")) == "2025-02-12"


def test_a_newswire_copys_front_matter_dates_a_release_with_no_dateline_and_is_no_part_of_it():
    """A scraper's copy opens with a YAML block ('date: "2025-02-12 05:20:47"'); with no dateline in the text,
    that is the release's date: an actual figure for a later period was misread."""
    from converter.readers import read_document
    from converter.engine.release_date import release_date
    copy = """---
title: "Acme Corp Reports Fourth Quarter 2024 Results"
date: "2025-02-12 05:20:47"
summary: "Acme Corp reported revenue of $47.5 million for the fourth quarter of 2024."
---

Acme Corp reported results for the fourth quarter ended December 31, 2024. Revenue for the fourth quarter of 2024 was
$47.5 million.
"""
    doc = read_document(copy)
    assert str(release_date(doc)) == "2025-02-12"
    assert "title:" not in " ".join(p.text for p in doc.paragraphs)
    result = _convert(copy)
    assert _values(result, "Revenues") == {"2024-10-01..2024-12-31": Decimal("47500000")}
    late = _convert(copy.replace("for the fourth quarter of 2024 was", "for the first quarter of 2025 was"))
    assert not _values(late, "Revenues")
    # a date that opens a line as a dateline does, but names no place or wire, does not outweigh it
    event = copy.replace("Acme Corp reported results", "December 3, 2023 - Acme Corp announced a new store.\n\nAcme "
                                                       "Corp reported results")
    assert str(release_date(read_document(event))) == "2025-02-12"
    # a rule line that opens a plain text is no front matter
    ruled = "---\nAcme Corp Reports Fourth Quarter 2024 Results\n---\n\n" + copy.split("---\n\n", 1)[1]
    assert "Fourth Quarter 2024 Results" in " ".join(p.text for p in read_document(ruled).paragraphs)



def test_a_dateline_a_pdf_reader_joined_to_the_bullets_before_it_is_still_the_release_date():
    """Reading-order PDF text joins wrapped lines: Intel's highlights and its dateline came out as one line, the
    date some 400 characters in, after the last bullet's sentence."""
    from converter.engine.release_date import dateline
    bullets = ("\u2022 First-quarter revenue of $11.7 billion, down 36% year over year (YoY). \u2022 Forecasting "
               "second-quarter 2023 revenue of $11.5 billion to $12.5 billion; expecting second-quarter EPS of "
               "$(0.62); non-GAAP EPS of $(0.04). ")
    assert len(bullets) > 120
    assert str(dateline(bullets + "SANTA CLARA, Calif., April 27, 2023 - Intel Corporation today reported")) \
        == "2023-04-27"
    assert dateline(bullets + "On January 5, 2024, we acquired Widget Co. for cash.") is None

JANUARY_YEAR = """Acme Announces Financial Results for Fourth Quarter and Fiscal 2026

SANTA CLARA, Calif. -- Feb. 25, 2026 -- Acme today reported revenue for the fourth quarter ended January 25, 2026.

Q4 Fiscal 2026 Summary
($ in millions)

| | Q4 FY26 | Q3 FY26 | Q4 FY25 |
|---|---|---|---|
| Revenue | 68,127 | 57,006 | 39,331 |
"""


def test_a_fiscal_year_ending_in_january_is_named_so_that_no_actual_figure_postdates_the_release():
    result = _convert(JANUARY_YEAR)
    revenue = _values(result, "Revenues")
    assert revenue["2025-10-27..2026-01-25"] == Decimal("68127000000")
    assert revenue["2024-10-28..2025-01-26"] == Decimal("39331000000")
    assert all(f.period.end <= __import__("datetime").date(2026, 2, 25) for f in result.facts)


def test_an_actual_figure_that_still_ends_after_the_release_is_withheld_with_its_reason():
    text = HEAD + STATEMENT.replace("December 31,", "March 31,").replace("| 2024 | 2023 |", "| 2025 | 2024 |")
    result = _convert(text)    # dated February 11, 2025: a quarter ended March 31, 2025 cannot be reported
    assert "2025-01-01..2025-03-31" not in _values(result, "Revenues")
    assert _values(result, "Revenues")["2024-01-01..2024-03-31"] == Decimal("45784000")
    assert any(w.startswith("withheld: the period ends 2025-03-31") for _f, w in result.rejected)


# ------------------------------------------------------------------------------------ columns that are parts

def test_segment_columns_are_not_periods_of_the_company_and_the_total_column_is():
    text = HEAD + """Segment Information
(in thousands)

| | Three Months Ended December 31, 2024 | | | | | | | |
|---|---|---|---|---|---|---|---|---|
| | MRD | | Immune Medicine | | Unallocated | | Total | |
| Revenue | $ | 40,149 | $ | 7,310 | $ | - | $ | 47,459 |
| Operating expenses | | 54,979 | | 20,389 | | 5,928 | | 81,296 |
"""
    result = _convert(text)
    assert _values(result, "Revenues") == {"2024-10-01..2024-12-31": Decimal("47459000")}
    assert not [f for f in result.findings if f.code in ("withheld", "inconsistent-duplicate")]


def test_a_per_share_column_beside_an_amount_column_is_not_the_rows_amount():
    text = HEAD + """Reconciliation
(In millions, except per share data)

| | Three Months Ended December 31, | | | |
|---|---|---|---|---|
| | 2024 | | 2023 | |
| | $ | EPS | $ | EPS |
| Net income | 48.3 | 0.52 | 27.8 | 0.30 |
"""
    assert _values(_convert(text), "NetIncomeLoss") == {"2024-10-01..2024-12-31": Decimal("48300000"),
                                                        "2023-10-01..2023-12-31": Decimal("27800000")}


# ----------------------------------------------------------------------------- signs the arithmetic settles

def test_a_statement_that_subtracts_every_row_makes_income_in_parentheses_income():
    text = HEAD + """CONDENSED CONSOLIDATED STATEMENTS OF EARNINGS
(in millions)

| | Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Revenues | 1,632 | 1,608 |
| Earnings from Operations | 399 | 370 |
| Interest expense | 50 | 40 |
| Other nonoperating income, net | (4) | (13) |
| Earnings from continuing operations before income tax expense | 353 | 343 |
"""
    result = _convert(text)
    assert _values(result, "OtherNonoperatingIncomeExpense") == {
        "2024-10-01..2024-12-31": Decimal("4000000"), "2023-10-01..2023-12-31": Decimal("13000000")}
    assert _values(result, "InterestExpense")["2024-10-01..2024-12-31"] == Decimal("50000000")


def test_a_block_with_its_own_subtotal_takes_the_subtotals_direction_within_rounding():
    text = HEAD + """CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(in millions; amounts may not add due to rounding)

| | Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Operating income | 362 | 613 |
| Other (income)/expense | | |
| Equity in earnings of equity method investees | (32) | (1) |
| Interest expense | 66 | 47 |
| Other income, net | (7) | (151) |
| Total other expense/(income), net | 27 | (105) |
| Consolidated net income before tax | 334 | 718 |
"""
    result = _convert(text)
    assert _values(result, "IncomeLossFromEquityMethodInvestments")["2024-10-01..2024-12-31"] == Decimal("32000000")
    assert _values(result, "OtherNonoperatingIncomeExpense")["2023-10-01..2023-12-31"] == Decimal("151000000")
    assert _values(result, "InterestExpense")["2024-10-01..2024-12-31"] == Decimal("66000000")


# ---------------------------------------------------------------------- line items of an amount shared out

def test_rows_that_share_one_amount_out_by_line_are_not_the_lines_own_amounts():
    text = HEAD + STATEMENT + """| | Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| (A) Acquisition-related costs are comprised of amortization of intangible assets and are included in the following line items: | | |
| Cost of revenue | 48 | 118 |
| Research and development | 83 | 27 |
"""
    result = _convert(text)
    for concept in ("CostOfRevenue", "ResearchAndDevelopmentExpense"):
        assert not _values(result, concept), concept


# ------------------------------------------------------------------ the whole equity beside the parent's

ASSETS_AND_LIABILITIES = """(in thousands)

| | December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Total assets | 539,376 | 661,134 |
| Total liabilities | 336,891 | 352,856 |
"""


def test_total_equity_after_a_noncontrolling_interest_is_the_whole_and_the_parents_line_is_kept():
    text = HEAD + "CONSOLIDATED BALANCE SHEETS\n" + ASSETS_AND_LIABILITIES + """| Shareholders' equity | | |
| Total Acme Corporation shareholders' equity | 202,709 | 308,399 |
| Noncontrolling interest | (224) | (121) |
| Total shareholders' equity | 202,485 | 308,278 |
| Total liabilities and shareholders' equity | 539,376 | 661,134 |
"""
    result = _convert(text)
    assert _values(result, "StockholdersEquity") == {"2024-12-31": Decimal("202709000"), "2023-12-31": Decimal("308399000")}
    assert _values(result, "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest")["2024-12-31"] == \
        Decimal("202485000")
    renamed = text.replace("Total Acme Corporation shareholders' equity", "Total consolidated Acme Inc. equity")
    whole = _values(_convert(renamed), "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest")
    assert whole["2023-12-31"] == Decimal("308278000")


CONDENSED_BALANCE_SHEET = "CONDENSED CONSOLIDATED BALANCE SHEETS\n" + ASSETS_AND_LIABILITIES + """| Total equity | 202,485 | 308,278 |
| Total liabilities and equity | 539,376 | 661,134 |
"""


def test_a_condensed_balance_sheets_total_equity_includes_a_minority_the_income_statement_shows():
    minority = STATEMENT.rstrip("\n") + "\n| Less: Net income attributable to noncontrolling interests | — | 1 |\n\n"
    whole = _values(_convert(HEAD + minority + CONDENSED_BALANCE_SHEET),
                    "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest")
    assert whole == {"2024-12-31": Decimal("202485000"), "2023-12-31": Decimal("308278000")}
    # with no minority anywhere, "Total equity" is the company's own
    alone = _convert(HEAD + STATEMENT + "\n" + CONDENSED_BALANCE_SHEET)
    assert _values(alone, "StockholdersEquity")["2024-12-31"] == Decimal("202485000")
    assert not _values(alone, "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest")


def test_selected_balance_sheet_data_whose_equity_balances_the_assets_beside_a_minority_is_the_whole_equity():
    """"Total shareholders' equity" under total assets and total liabilities, no noncontrolling interest's line,
    in a release whose income statement gives the minority a share (Royalty Pharma's "Selected Balance Sheet
    Data"): with the liabilities it makes the assets, so the minority's equity is in it."""
    minority = STATEMENT.rstrip("\n") + "\n| Less: Net income attributable to noncontrolling interests | 126 | 223 |\n\n"
    selected = "SELECTED BALANCE SHEET DATA\n" + ASSETS_AND_LIABILITIES + \
        "| Total shareholders' equity | 202,485 | 308,278 |\n"
    whole = _values(_convert(HEAD + minority + selected),
                    "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest")
    assert whole == {"2024-12-31": Decimal("202485000"), "2023-12-31": Decimal("308278000")}
    # an equity that does not make the assets with the liabilities says nothing of what it holds
    short = _convert(HEAD + minority + selected.replace("202,485", "200,485"))
    assert _values(short, "StockholdersEquity")["2024-12-31"] == Decimal("200485000")
    # with no minority anywhere, the equity is the company's own
    alone = _convert(HEAD + STATEMENT + "\n" + selected)
    assert _values(alone, "StockholdersEquity")["2024-12-31"] == Decimal("202485000")
    # a line that names its owner is the parent's, a minority within the rounding notwithstanding
    named = _convert(HEAD + minority + selected.replace("| Total shareholders' equity", "| Total Acme Corp. shareholders' equity"))
    assert _values(named, "StockholdersEquity")["2024-12-31"] == Decimal("202485000")
    # a redeemable minority sits outside equity: nil at the date, the parent's equity makes the assets too
    redeemable = selected.replace("| Total shareholders' equity", "| Redeemable noncontrolling interests | — | — |\n"
                                  "| Total shareholders' equity")
    parents = _convert(HEAD + minority + redeemable)
    assert _values(parents, "StockholdersEquity")["2024-12-31"] == Decimal("202485000")


def test_net_income_left_for_common_shareholders_beside_the_parents_is_income_available_to_common():
    text = HEAD + """OPERATING RESULTS
(Amounts in thousands)

| | For the Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Net income (loss) attributable to Acme | 16,729 | (45,484) |
| Preferred share dividends | (15,526) | (15,529) |
| Net income (loss) attributable to common shareholders | 1,203 | (61,013) |

Net income per share
(Amounts in thousands)

| | For the Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Net income (loss) attributable to common shareholders | 1,203 | (61,013) |
"""
    result = _convert(text)
    assert _values(result, "NetIncomeLoss") == {"2024-10-01..2024-12-31": Decimal("16729000"),
                                                "2023-10-01..2023-12-31": Decimal("-45484000")}
    assert _values(result, "NetIncomeLossAvailableToCommonStockholdersBasic")["2023-10-01..2023-12-31"] == \
        Decimal("-61013000")


# ------------------------------------------------------------- parts are not totals, changes are not levels

def test_sentences_about_parts_changes_and_qualified_metrics_give_no_company_level():
    sentences = [
        "MRD revenue was $40.1 million for the quarter, representing a 31% increase from the fourth quarter in "
        "the prior year.",
        "Operating expenses for the fourth quarter were $2.1 million higher than in the prior year.",
        "Revenue grew by $0.4 million in the fourth quarter of 2024.",
        "Income after the provision for credit losses was $12.5 million in the fourth quarter of 2024.",
        "The decrease in revenue of $2.1 million in the fourth quarter of 2024 was due to lower volumes.",
        "The increase in operating expenses was $1.4 million in the fourth quarter of 2024.",
        "Revenue excluding pass-through costs was $80.1 million in the fourth quarter of 2024.",
    ]
    for sentence in sentences:
        result = _convert(HEAD + sentence + "\n")
        assert not [f for f in result.facts if f.concept.startswith("us-gaap:")], (sentence, result.facts)
    result = _convert(HEAD + "The provision for credit losses was $2.5 million in the fourth quarter of 2024.\n")
    assert _values(result, "ProvisionForLoanLeaseAndOtherLosses") == {"2024-10-01..2024-12-31": Decimal("2500000")}


def test_the_corresponding_period_in_a_year_is_the_same_length_a_year_earlier_not_that_fiscal_year():
    head = ("ATLANTA, February 13, 2025 -- Acme today announced results for its second fiscal quarter ended "
            "December 31, 2024. Its fiscal year ends June 30.\n\n")
    sentence = "Net loss for the six months ended December 31, 2024 was $1,892,000 compared to $4,419,000 for the " \
               "corresponding period in {}.\n"
    assert _values(_convert(head + sentence.format(2023)), "NetIncomeLoss") == {
        "2024-07-01..2024-12-31": Decimal("-1892000"), "2023-07-01..2023-12-31": Decimal("-4419000")}
    # a year that is not the one before: left unread rather than guessed
    assert _values(_convert(head + sentence.format(2022)), "NetIncomeLoss") == {
        "2024-07-01..2024-12-31": Decimal("-1892000")}


def test_a_53rd_week_the_text_names_moves_that_fiscal_years_end_and_what_it_adds_is_no_level():
    text = """RICHFIELD, Minn., March 2, 2023 -- Acme today reported results for the fourth quarter of fiscal 2023
ended January 28, 2023.

FY24 Financial Guidance

Revenue of $43.8 billion to $45.2 billion.

Note: Incorporated in the above guidance, the 53rd week is expected to add approximately $700 million of revenue
to Q4 FY24.
"""
    result = _convert(text)
    ranges = {str(f.period) for f in result.facts if f.concept == "us-gaap:Revenues" and f.dims}
    assert ranges == {"2023-01-29..2024-02-03"}
    assert not [f for f in result.facts if f.concept == "us-gaap:Revenues" and not f.dims]


def test_a_line_amount_printed_after_tax_is_its_effect_on_net_income_not_the_line():
    outlook = ("Acme expects interest expense of $370 million to $430 million after tax in 2025.\n"
               "Acme expects interest expense of $370 million to $430 million in 2025.\n")
    for line, expected in zip(outlook.splitlines(), (None, (Decimal("370000000"), Decimal("430000000")))):
        result = _convert(HEAD + line + "\n")
        got = [f for f in result.facts if f.concept.endswith(":InterestExpense")]
        if expected is None:
            assert not got, (line, got)
        else:
            assert got, line
    actual = "Interest expense was $12.5 million, net of tax, in the fourth quarter of 2024.\n"
    assert not _values(_convert(HEAD + actual), "InterestExpense")
    net = "Net income was $12.5 million, after tax, in the fourth quarter of 2024.\n"
    assert _values(_convert(HEAD + net), "NetIncomeLoss") == {"2024-10-01..2024-12-31": Decimal("12500000")}


UNSCALED = """CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS

| | Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Revenue | 47,459 | 45,784 |
| Net loss | (33,692) | (69,441) |
| Weighted average shares outstanding | 51,200 | 50,900 |

"""


def test_a_table_the_text_states_a_thousand_times_larger_is_read_at_the_texts_scale():
    text = "Revenue was $47.5 million in the fourth quarter of 2024, compared to $45.8 million a year ago.\n\n"
    result = _convert(HEAD + text + UNSCALED)
    assert _values(result, "Revenues") == {"2024-10-01..2024-12-31": Decimal("47459000"),
                                           "2023-10-01..2023-12-31": Decimal("45784000")}
    assert _values(result, "NetIncomeLoss")["2023-10-01..2023-12-31"] == Decimal("-69441000")
    # the same missed note may have scaled the share counts: they are not written
    assert not _values(result, "WeightedAverageNumberOfSharesOutstandingBasic")
    assert [f.code for f in result.findings if f.code == "rescaled"] == ["rescaled"]
    # printed at a scale the text confirms: nothing changes
    assert _values(_convert(HEAD + text + UNSCALED.replace("OPERATIONS\n", "OPERATIONS\n(in thousands)\n")),
                   "Revenues")["2024-10-01..2024-12-31"] == Decimal("47459000")


def test_a_table_the_text_restates_at_different_scales_has_its_money_withheld():
    text = ("Revenue was $47.5 million in the fourth quarter of 2024. Net loss was $33.7 billion in the fourth "
            "quarter of 2024.\n\n")
    result = _convert(HEAD + text + UNSCALED)
    assert not [f for f in result.facts if f.unit == "USD" and f.category == "table"]
    assert any(f.code == "withheld" and "different scales" in f.message for f in result.findings)


def test_a_table_that_states_its_own_scale_is_not_re_read_by_the_prose():
    # "$22.8" at a line's end read without the "million" under it: the statement's own "(in thousands)"
    # stands; re-read by the sentence, every figure had been a million times too small
    text = "Net loss was $33.7 in the fourth quarter of 2024.\n\n"
    result = _convert(HEAD + text + UNSCALED.replace("OPERATIONS\n", "OPERATIONS\n(in thousands)\n"))
    assert _values(result, "NetIncomeLoss")["2024-10-01..2024-12-31"] == Decimal("-33692000")
    assert _values(result, "Revenues")["2024-10-01..2024-12-31"] == Decimal("47459000")
    assert not [f for f in result.findings if f.code == "rescaled"]


def test_one_rough_restatement_is_no_evidence_of_scale():
    text = "Revenue was $47 million in the fourth quarter of 2024.\n\n"
    result = _convert(HEAD + text + UNSCALED)
    assert not [f for f in result.findings if f.code == "rescaled"]


def test_columns_whose_revenue_shrinks_as_the_period_grows_are_not_written():
    table = """CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(in millions)

| | Six Months Ended December 31, 2024 | Three Months Ended December 31, 2024 | Year Ended December 31, 2023 |
|---|---|---|---|
| Revenue | 1,050 | 2,071 | 4,100 |
| Cost of revenue | 610 | 1,207 | 2,300 |

"""
    result = _convert(HEAD + table)
    assert _values(result, "Revenues") == {"2023-01-01..2023-12-31": Decimal("4100000000")}
    assert any(f.code == "withheld" and "shorter one it contains" in f.message for f in result.findings)
    right = table.replace("| 1,050 | 2,071 |", "| 2,071 | 1,050 |").replace("| 610 | 1,207 |", "| 1,207 | 610 |")
    assert len(_values(_convert(HEAD + right), "Revenues")) == 3


def test_a_change_to_a_level_from_another_dates_the_level_the_change_reaches():
    table = STATEMENT   # the release reports the quarter ended December 31, 2024
    sentence = ("Net loss increased by $279,829 to $2,249,470 from $1,969,641 for the three months ended December 31, "
                "2024, compared to the same period in 2023.\n\n")
    # the comparison the sentence names says the period is the change's: the level reached is that period's
    assert _values(_convert(HEAD + sentence), "NetIncomeLoss") == {
        "2024-10-01..2024-12-31": Decimal("-2249470"), "2023-10-01..2023-12-31": Decimal("-1969641")}
    got = _values(_convert(HEAD + sentence + table), "NetIncomeLoss")
    assert got["2024-10-01..2024-12-31"] == Decimal("-33692000")   # the statement's own, which outranks
    narrative = [f for f in _convert(HEAD + sentence + table).rejected if f[0].category == "narrative"]
    assert {(str(f.period), f.value) for f, _why in narrative} == {
        ("2024-10-01..2024-12-31", Decimal("-2249470")), ("2023-10-01..2023-12-31", Decimal("-1969641"))}
    # the level it started from, with an earlier period of its own, is that period's
    earlier = "Revenue increased 10% to $5.2 million from $4.1 million in the fourth quarter of 2023.\n\n"
    assert _values(_convert(HEAD + earlier + table), "Revenues")["2023-10-01..2023-12-31"] == Decimal("45784000")
    rejected = {(str(f.period), f.value) for f, _w in _convert(HEAD + earlier + table).rejected
                if f.category == "narrative"}
    # (the level reached takes the quarter the release's heading names)
    assert rejected == {("2023-10-01..2023-12-31", Decimal("4100000")), ("2024-10-01..2024-12-31", Decimal("5200000"))}


def test_income_attributable_to_common_shareholders_in_a_sentence_is_what_is_left_after_preferred_dividends():
    sentence = ("Net income attributable to common shareholders for the quarter ended December 31, 2024 was $1,203,000, "
                "compared to a net loss attributable to common shareholders of $61,013,000 for the prior year's "
                "quarter.\n")
    result = _convert(HEAD + sentence)
    assert not _values(result, "NetIncomeLoss")
    assert _values(result, "NetIncomeLossAvailableToCommonStockholdersBasic") == {
        "2024-10-01..2024-12-31": Decimal("1203000"), "2023-10-01..2023-12-31": Decimal("-61013000")}


BY_RUNS = """Acme Corp Reports Fourth Quarter 2024 Results
BOSTON, February 11, 2025 -- Acme Corp today reported results.

Statements of Operations
(in thousands)
Three Months Ended
December 31, 2024
December 31, 2023

Revenue
{second}
{third}
Operating expenses
Operating income

$

47,459
20,000
27,459
10,000
17,459

$

45,784
19,000
26,784
9,000
17,784
"""


def test_a_table_paired_by_order_whose_results_no_rows_join_is_withheld():
    right = BY_RUNS.format(second="Cost of revenue", third="Gross profit")
    result = convert_text(right, issuer="none", layout="pdf")
    assert _values(result, "GrossProfit") == {"2024-10-01..2024-12-31": Decimal("27459000"),
                                              "2023-10-01..2023-12-31": Decimal("26784000")}
    # the labels in another order than the figures: gross profit less the rows after it is no operating income
    wrong = BY_RUNS.format(second="Gross profit", third="Cost of revenue")
    result = convert_text(wrong, issuer="none", layout="pdf")
    assert not [f for f in result.facts if f.category == "table"]
    assert any(f.code == "withheld" and "paired with their labels by order" in f.message for f in result.findings)


BALANCE_BY_RUNS = """Acme Corp Reports Fourth Quarter 2024 Results
BOSTON, February 11, 2025 -- Acme Corp today reported results.

Balance Sheets
(in thousands)
December 31, 2024
December 31, 2023

Current assets:
Cash and cash equivalents
Accounts receivable
{third}
Total current assets
Property and equipment, net
Total assets

$

4,812
1,310
655
6,777
2,210
8,987

$

4,899
1,204
601
6,704
2,390
9,094
"""


def test_a_table_paired_by_order_is_written_only_where_a_total_holds_the_rows_above_it():
    # the section's rows add up to "Total current assets", and those with it to "Total assets": the figures
    # sit on their labels
    right = BALANCE_BY_RUNS.format(third="Inventories")
    result = convert_text(right, issuer="none", layout="pdf")
    assert _values(result, "AssetsCurrent") == {"2024-12-31": Decimal("6777000"), "2023-12-31": Decimal("6704000")}
    assert _values(result, "InventoryNet") == {"2024-12-31": Decimal("655000"), "2023-12-31": Decimal("601000")}
    # the labels in another order than the figures (a PDF's reading order put one line early): the figures
    # add up among themselves as before, but no labelled total holds the rows above it
    moved = BALANCE_BY_RUNS.format(third="Inventories\nProperty and equipment, net").replace(
        "Total current assets\nProperty and equipment, net\n", "Total current assets\n")
    result = convert_text(moved, issuer="none", layout="pdf")
    assert not [f for f in result.facts if f.category == "table"]
    assert any(f.code == "withheld" and "nothing ties its figures to their labels" in f.message
               for f in result.findings)


def test_a_table_paired_by_order_whose_per_share_line_prints_no_cents_is_withheld():
    # figures that add up (revenue less its cost is gross profit) but a share count under the per-share label:
    # the lines below the results are out of step
    text = BY_RUNS.format(second="Cost of revenue", third="Gross profit").replace(
        "Operating income\n", "Operating income\nNet income per share, basic\n").replace(
        "17,459\n", "17,459\n41,200\n").replace("17,784\n", "17,784\n40,900\n")
    result = convert_text(text, issuer="none", layout="pdf")
    assert not [f for f in result.facts if f.category == "table"]
    assert any("per-share line 'Net income per share, basic' prints no cents" in f.message for f in result.findings)
    # with cents it is a per-share line, and the table stands
    result = convert_text(text.replace("41,200", "0.42").replace("40,900", "0.44"), issuer="none", layout="pdf")
    assert _values(result, "GrossProfit")
    # and a share count given a per-share line's figures is out of step the other way
    shares = text.replace("Net income per share, basic", "Weighted average shares outstanding, basic").replace(
        "41,200", "0.42").replace("40,900", "0.44")
    result = convert_text(shares, issuer="none", layout="pdf")
    assert not [f for f in result.facts if f.category == "table"]
    assert any("share count 'Weighted average shares outstanding, basic' is printed as per-share amounts are"
               in f.message for f in result.findings)


def test_a_table_in_whole_dollars_after_one_in_thousands_does_not_take_its_note():
    # the balance sheet prints no scale; read at the income statement's "(in thousands)" its total assets were
    # $528 billion beside a net loss of $34 million. The text says nothing either way: its money is withheld
    whole_dollars = """CONDENSED CONSOLIDATED BALANCE SHEETS

| | December 31, 2024 | December 31, 2023 |
|---|---|---|
| Cash and cash equivalents | 4,812,331 | 4,899,120 |
| Total assets | 528,115,121 | 496,398,926 |
| Total liabilities | 470,112,447 | 442,120,554 |

"""
    result = _convert(HEAD + STATEMENT + whole_dollars)
    assert _values(result, "Assets") == {} and _values(result, "Liabilities") == {}
    assert _values(result, "Revenues")["2024-10-01..2024-12-31"] == Decimal("47459000")
    assert any("prints no scale" in f.message and "times those of the table" in f.message for f in result.findings)
    # the same balance sheet in thousands takes the note, as a release that prints it once means
    in_thousands = whole_dollars.replace("528,115,121", "528,115").replace("496,398,926", "496,398") \
        .replace("4,812,331", "4,812").replace("4,899,120", "4,899") \
        .replace("470,112,447", "470,112").replace("442,120,554", "442,120")
    result = _convert(HEAD + STATEMENT + in_thousands)
    assert _values(result, "Assets") == {"2024-12-31": Decimal("528115000"), "2023-12-31": Decimal("496398000")}


def test_a_line_two_tables_share_shows_the_scale_a_table_with_no_note_did_not_carry():
    """The highlights in thousands print gross profit 2,025; the statement after them prints no note and
    2,024,927 for the same quarter. Read at the carried thousands the statement was a thousand times too large
    (its typical figure just under the ratio that withholds), and outranked the highlights in the merge. The
    shared line agrees only in whole dollars: that is the statement's scale."""
    text = HEAD + """FINANCIAL HIGHLIGHTS
(in thousands)

| | Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Gross profit | 2,025 | 1,421 |

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS

| | Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Revenue | $3,168,934 | $2,076,425 |
| Gross profit | 2,024,927 | 1,420,916 |
| Net loss | $(466,593) | $(1,394,484) |
"""
    result = _convert(text)
    assert _values(result, "Revenues") == {"2024-10-01..2024-12-31": Decimal("3168934"),
                                           "2023-10-01..2023-12-31": Decimal("2076425")}
    assert _values(result, "GrossProfit")["2024-10-01..2024-12-31"] == Decimal("2024927")
    # a cash flow statement in thousands under an income statement in millions: its net income says so
    millions = HEAD + """CONSOLIDATED STATEMENTS OF OPERATIONS
(in millions)

| | Year Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Revenue | $412.3 | $388.1 |
| Net income | $38.4 | $33.1 |

CONSOLIDATED STATEMENTS OF CASH FLOWS

| | Year Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Net income | $38,412 | $33,120 |
| Net cash provided by operating activities | 71,220 | 63,310 |
"""
    result = _convert(millions)
    assert _values(result, "NetCashProvidedByUsedInOperatingActivities") == {
        "2024-01-01..2024-12-31": Decimal("71220000"), "2023-01-01..2023-12-31": Decimal("63310000")}
    assert _values(result, "NetIncomeLoss")["2024-01-01..2024-12-31"] == Decimal("38412000")
    # share counts the carried note excepted are as printed, and stay so
    shares = text.replace("(in thousands)", "(in thousands, except share and per share data)") + \
        "| Weighted average shares outstanding, basic | 15,330,441 | 15,480,002 |\n"
    assert _values(_convert(shares), "WeightedAverageNumberOfSharesOutstandingBasic")["2024-10-01..2024-12-31"] == \
        Decimal("15330441")
    # a shared line that agrees at the carried scale: the note carries
    carried = millions.replace("$38,412", "$38.4").replace("$33,120", "$33.1").replace("71,220", "71.2") \
        .replace("63,310", "63.3")
    assert _values(_convert(carried), "NetCashProvidedByUsedInOperatingActivities")["2024-01-01..2024-12-31"] == \
        Decimal("71200000")


def test_a_column_whose_header_names_two_lengths_is_not_settled_by_elimination():
    # a header printed askew put "Three Months" and "Year Ended" over the same columns: neither length was
    # read, and the rest of the release, whose quarter disagreed with the column, left "the year" standing by
    # elimination: the quarter a year earlier was written as the whole year
    from converter.pipeline import convert_text
    text = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, February 11, 2025 -- Acme Corp today reported results.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (in thousands)
                                          Three Months Ended December 31,
                                              2024          2023
Revenue                                    725,801       734,816
Net income (loss)                          (32,869)        3,857

RECONCILIATION OF EARNINGS PER SHARE (in thousands)
                                              Three Months
                                              Year Ended
                                      December 31,     December 31,
                                              2024          2023
Net income (loss)                            3,857        49,904
Weighted average shares outstanding - basic  9,133         9,159
"""
    result = convert_text(text, issuer="none", layout="fixed")
    net = {str(f.period): f.value for f in result.facts if f.concept == "us-gaap:NetIncomeLoss"}
    assert net == {"2024-10-01..2024-12-31": Decimal("-32869000"), "2023-10-01..2023-12-31": Decimal("3857000")}


def test_an_outlook_for_a_period_that_ended_before_the_release_is_withheld():
    # a reading-order print joined the "2025 Financial Guidance" heading to the paragraph above it, and "full
    # year" guidance took the year the release reports: an outlook for a year already over is a misdating
    from datetime import date
    from converter.facts.release_bound import bound_by_release
    from converter.model import Fact, Period
    forecast = (("srt:RangeAxis", "srt:MaximumMember"), ("srt:StatementScenarioAxis", "srt:ScenarioForecastMember"))

    def guidance(start: date, end: date) -> Fact:
        return Fact(concept="us-gaap:CostsAndExpenses", period=Period(end=end, start=start), value=Decimal("3.5E+8"),
                    unit="USD", decimals=-6, dims=forecast, category="guidance")
    past, coming = guidance(date(2024, 1, 1), date(2024, 12, 31)), guidance(date(2025, 1, 1), date(2025, 12, 31))
    kept, withheld = bound_by_release([past, coming], date(2025, 2, 11))
    assert kept == [coming]
    assert [(f, why.split(":")[0]) for f, why in withheld] == [(past, "withheld")]
    assert "an outlook for a period that ended 2024-12-31" in withheld[0][1]
    # a release that prints no date bounds nothing
    assert bound_by_release([past, coming], None) == ([past, coming], [])


def test_a_paragraph_that_begins_mid_sentence_is_not_dated_by_the_heading():
    # a print broke the sentence over two paragraphs: its period ("for the year ended December 31, 2023") stayed
    # with the first, and the rest's operating loss was dated the fourth quarter its heading names
    text = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, February 11, 2025 -- Acme Corp today reported results for the fourth quarter ended December 31, 2024.

Fourth Quarter 2024 Results

Revenue was $47.5 million. The loss from discontinued operations for the year ended December 31, 2023 included an \
impairment loss of $2.0 million on the sale of the Trace clinic, a vacant medical office

building and three patient clinics and an operating loss of $1,552,000, primarily from the clinic prior to its sale.
"""
    result = _convert(text)
    assert _values(result, "Revenues") == {"2024-10-01..2024-12-31": Decimal("47500000")}
    assert _values(result, "OperatingIncomeLoss") == {}
    # begun in its own paragraph, the sentence is the quarter's, as the heading says
    whole = text.replace("office\n\nbuilding", "office building.\n\nThe quarter had three patient clinics")
    assert _values(_convert(whole), "OperatingIncomeLoss") == {"2024-10-01..2024-12-31": Decimal("-1552000")}


def test_a_cash_flow_statement_under_a_balance_sheet_title_is_no_balance_sheet():
    # a print repeated the balance sheet's title over the cash flow statement on the next page: read as a
    # balance sheet, its change in accounts payable stood against the balance sheet's balance as an equal
    # (and in a print that lost the real balance sheet's title, outranked it)
    text = HEAD + """Condensed Consolidated Balance Sheets (in thousands)

| | December 31, 2024 | December 31, 2023 |
|---|---|---|
| Cash and cash equivalents | 4,812 | 4,899 |
| Accounts payable | 8,077 | 7,920 |
| Total liabilities | 20,112 | 19,120 |

Condensed Consolidated Balance Sheets (in thousands)

| | Year Ended December 31, 2024 | Year Ended December 31, 2023 |
|---|---|---|
| Net loss | (62,746) | (41,112) |
| Accounts payable | (6,625) | (8,577) |
| Net cash used in operating activities | (12,354) | (37,222) |
"""
    result = _convert(text)
    assert _values(result, "AccountsPayableCurrent") == {"2024-12-31": Decimal("8077000"),
                                                         "2023-12-31": Decimal("7920000")}


EARNINGS = """Statements of Earnings (in millions)

| | Three Months Ended December 31, 2024 | Three Months Ended December 31, 2023 |
|---|---|---|
| Revenues | 1,632 | 1,608 |
| Cost of revenues | 1,143 | 1,124 |
| Gross Profit | 489 | 484 |
| Selling, general and administrative expenses | 105 | 119 |
| Acquisition, divestiture and integration expenses | 5 | 8 |
| Other operating income, net | (20) | (13) |
| Earnings from Operations | 399 | 370 |
"""


def test_a_statement_whose_results_no_rows_join_settles_no_sign_its_presentation_gives():
    # "Other operating income, net (20)" among the expenses is income listed as a deduction: 489 - 105 - 5 +
    # 20 = 399 says so. A print lost the SG&A line, the arithmetic settled nothing, and the printed
    # parenthesis was taken for a loss
    whole = _convert(HEAD + EARNINGS)
    assert _values(whole, "OtherOperatingIncomeExpenseNet") == {"2024-10-01..2024-12-31": Decimal("20000000"),
                                                                "2023-10-01..2023-12-31": Decimal("13000000")}
    lost = _convert(HEAD + EARNINGS.replace("| Selling, general and administrative expenses | 105 | 119 |\n", ""))
    assert _values(lost, "OtherOperatingIncomeExpenseNet") == {}
    assert any("its sign is not settled" in f.message for f in lost.findings)
    assert _values(lost, "OperatingIncomeLoss")["2024-10-01..2024-12-31"] == Decimal("399000000")


def test_rows_join_two_results_only_by_one_set_of_directions_for_every_column():
    # each column solved on its own found some directions (revenue + 30 - 20 in one, revenue - 30 + 20 in
    # the other): small figures in millions join almost anything that way, and a table paired by order was
    # taken as tied by them
    from converter.engine.chain_signs import chain_links
    from converter.model import Cell, Row, Table

    def table(second: tuple[str, str]) -> Table:
        rows = [("Revenue", ("100", "100")), ("Cost of revenue", ("30", second[0])),
                ("Other cost", ("20", second[1])), ("Gross profit", ("110", "90"))]
        return Table(header=[], ncols=2, rows=[Row(label, [Cell(v, i) for i, v in enumerate(vals)])
                                               for label, vals in rows])
    concepts = {0: "us-gaap:Revenues", 3: "us-gaap:GrossProfit"}
    mixed = table(("30", "20"))       # 100 + 30 - 20 = 110; 100 - 30 + 20 = 90
    assert chain_links(mixed, concepts, {}, lambda c: True) == []
    same = table(("10", "20"))        # 100 + 30 - 20 = 110; 100 + 10 - 20 = 90 (the same directions)
    assert chain_links(same, concepts, {}, lambda c: True) == [True]


CASH_FLOWS_BY_RUNS = """Acme Corp Reports Fourth Quarter 2024 Results
BOSTON, February 11, 2025 -- Acme Corp today reported results.

Statements of Cash Flows
(in thousands)
Year Ended
December 31, 2024
December 31, 2023

Net income
Adjustments to reconcile net income to net cash provided by operating activities:
Depreciation and amortization
Stock-based compensation
Changes in operating assets and liabilities:
Accounts receivable
Accounts payable
Net cash provided by operating activities

$

1,200
300
150
(80)
60
1,630

$

1,100
280
140
(50)
(20)
1,450
"""


def test_a_net_cash_total_ties_the_rows_of_its_activity_across_its_headings():
    # "Net cash provided by operating activities" sums net income, the adjustments and the changes in working
    # capital, each group under a heading of its own: the section check stopped at the last heading
    result = convert_text(CASH_FLOWS_BY_RUNS, issuer="none", layout="pdf")
    assert _values(result, "NetCashProvidedByUsedInOperatingActivities") == {
        "2024-01-01..2024-12-31": Decimal("1630000"), "2023-01-01..2023-12-31": Decimal("1450000")}
    # with a figure that breaks the sum, nothing ties the table, and it is withheld
    broken = CASH_FLOWS_BY_RUNS.replace("(80)\n60\n", "(80)\n70\n")
    assert _values(convert_text(broken, issuer="none", layout="pdf"), "NetCashProvidedByUsedInOperatingActivities") == {}


def _tied(rows: list[tuple[str, tuple[str, ...]]]) -> bool:
    from converter.engine.totals import named_totals, states_a_sum
    from converter.model import Cell, Row, Table
    table = Table(header=[], ncols=2, rows=[Row(label, [Cell(v, i) for i, v in enumerate(values)])
                                            for label, values in rows])
    return states_a_sum(table, named_totals(table, {}), lambda c: True)


def test_what_a_total_must_hold_to_tie_a_table():
    parts = [("Cash", ("40", "30")), ("Receivables", ("25", "20"))]
    assert _tied(parts + [("Total current assets", ("65", "50"))])
    assert _tied(parts + [("Total current assets", ("66", "49"))])       # a unit of rounding either way
    assert not _tied(parts + [("Total current assets", ("67", "50"))])   # two units off in one column
    # one part that prints a figure is no sum: any pairing puts a line's figures under a total equal to them
    assert not _tied([("Cash", ("40", "30")), ("Receivables", ("-", "-")), ("Total current assets", ("40", "30"))])
    # a part that prints nothing in a column the total prints leaves that column unchecked: no tie
    assert not _tied([("Cash", ("40", "30")), ("Receivables", ("25",)), ("Total current assets", ("65", "50"))])
    # a zero total ties nothing (dashes add up to a dash)
    assert not _tied([("Cash", ("-", "-")), ("Receivables", ("-", "-")), ("Total current assets", ("-", "-"))])


def test_a_table_paired_by_order_tied_only_by_a_calculation_of_the_taxonomy_is_written():
    # no total to hold its rows' sum and no two results: net interest income = interest income - interest
    # expense, a calculation of the taxonomy, holds in both columns and ties the figures to their labels
    text = BY_RUNS.format(second="Interest expense", third="Net interest income").replace(
        "Revenue\n", "Interest income\n").replace("Operating expenses\nOperating income\n", "").replace(
        "10,000\n17,459\n", "").replace("9,000\n17,784\n", "")
    result = convert_text(text, issuer="none", layout="pdf")
    assert _values(result, "InterestIncomeExpenseNet") == {"2024-10-01..2024-12-31": Decimal("27459000"),
                                                           "2023-10-01..2023-12-31": Decimal("26784000")}
    # the same lines out of step break it, and nothing is written
    wrong = text.replace("47,459\n20,000\n", "20,000\n47,459\n").replace("45,784\n19,000\n", "19,000\n45,784\n")
    assert not [f for f in convert_text(wrong, issuer="none", layout="pdf").facts if f.category == "table"]


def test_a_per_share_outlook_is_earnings_per_share_only_where_its_metric_is_earnings():
    # "net income attributable to common shareholders of $0.84 to $0.90 per diluted share" had been net income
    # of 84 cents (a dollar amount); "Core FFO of $2.48 to $2.54 per diluted share", diluted EPS
    result = _convert(HEAD + "The Company expects net income attributable to common shareholders of $0.84 to $0.90 "
                             "per diluted share and Core FFO of $2.48 to $2.54 per diluted share for the year ending "
                             "December 31, 2025.\n")
    got = sorted((f.concept, f.unit, f.value) for f in result.facts)
    assert got == [("us-gaap:EarningsPerShareDiluted", "USD/shares", Decimal("0.84")),
                   ("us-gaap:EarningsPerShareDiluted", "USD/shares", Decimal("0.90"))]
    for measure in ("Core FFO", "AFFO", "distributable cash flow", "dividends"):
        result = _convert(HEAD + f"The Company expects {measure} of $2.48 to $2.54 per diluted share for 2025.\n")
        assert result.facts == [], (measure, result.facts)


def test_a_wording_the_release_calls_a_non_gaap_measure_is_not_that_line_in_its_prose():
    # an insurer's "operating income", which the release says is non-GAAP, was the statements' operating
    # income where a later sentence named it without the qualifier
    result = _convert(HEAD + "Fourth quarter 2024 net income was $62.4 million. Operating income, a non-GAAP measure, "
                             "was $58.1 million, or $2.15 per diluted share.\n\nFor the full year 2024, net income "
                             "was $221.5 million, or $8.19 per diluted share, and operating income was $214.0 "
                             "million, or $7.91 per diluted share.\n")
    assert not [f for f in result.facts if f.concept == "us-gaap:OperatingIncomeLoss"]
    assert _values(result, "NetIncomeLoss") == {"2024-10-01..2024-12-31": Decimal("62400000"),
                                                "2024-01-01..2024-12-31": Decimal("221500000")}
    # qualified, the declaration is another measure's: "Adjusted operating income, a non-GAAP measure"
    result = _convert(HEAD + "Adjusted operating income, a non-GAAP measure, was $58.1 million. Operating income "
                             "was $50.2 million in the fourth quarter of 2024.\n")
    assert _values(result, "OperatingIncomeLoss") == {"2024-10-01..2024-12-31": Decimal("50200000")}


def test_a_per_share_outlook_is_read_by_its_own_clause_and_basis():
    # the review's cases: earnings named after another measure in the sentence is still earnings; a range set
    # on another basis after its per-share words is not; a line's amount "on a per diluted share basis" is
    # no amount of that line
    eps = [("us-gaap:EarningsPerShareDiluted", Decimal("2.10")), ("us-gaap:EarningsPerShareDiluted", Decimal("2.30"))]
    for outlook, expected in [
        ("EBITDA of $900 million and earnings of $2.10 to $2.30 per diluted share", eps),
        ("net income available to common shareholders after preferred dividends of $2.10 to $2.30 per diluted share", eps),
        ("net income of $2.10 to $2.30 per diluted share, or $2.50 to $2.70 per diluted share on an adjusted basis", eps),
        ("earnings of $2.10 to $2.30 per diluted share, excluding special items", []),
        ("earnings of $2.50 to $2.70 per diluted share on a non-GAAP basis", []),
        ("operating earnings of $2.10 to $2.30 per diluted share", []),
        ("operating income of $2.10 to $2.30 on a per diluted share basis", []),
        ("earnings from continuing operations of $2.10 to $2.30 per diluted share", []),   # a part's, not EPS
    ]:
        result = _convert(HEAD + f"For 2025, the Company expects {outlook}.\n")
        assert sorted((f.concept, f.value) for f in result.facts) == expected, outlook


def test_only_a_wording_that_opens_its_clause_and_is_called_a_measure_is_declared_non_gaap():
    statement = "Operating income was $300 million in the fourth quarter of 2024. "
    for declaration in ("Segment operating income, a non-GAAP measure, was $350 million.",
                        "Operating income, a non-GAAP reconciliation of which is below, reflects charges."):
        result = _convert(HEAD + statement + declaration + "\n")
        assert _values(result, "OperatingIncomeLoss") == {"2024-10-01..2024-12-31": Decimal("300000000")}, declaration


_QUARTERS = """CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(in thousands)

| | Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
"""


def test_a_total_printed_without_a_label_or_heading_is_named_by_the_words_its_parts_share():
    table = _QUARTERS + """| {a} | 30,000 | 28,000 |
| {b} | 17,459 | 17,784 |
| | 47,459 | 45,784 |
| Net loss | (33,692) | (69,441) |
"""
    result = _convert(HEAD + table.format(a="Product revenue", b="Service revenue"))
    assert _values(result, "Revenues") == {"2024-10-01..2024-12-31": Decimal("47459000"),
                                           "2023-10-01..2023-12-31": Decimal("45784000")}
    # parts that share only words that break off ("net income attributable to") name no line
    result = _convert(HEAD + table.format(a="Net income attributable to Acme", b="Net income attributable to others"))
    assert not [f for f in result.facts if f.value in (Decimal("47459000"), Decimal("45784000"))]


def test_a_total_with_no_label_is_not_named_by_words_that_leave_out_what_sets_its_parts_apart():
    # the review's cases: "Income from continuing operations" and "Income from discontinued operations" share
    # "income from ... operations" (their sum had been operating income); "GAAP gross profit" and "Stock-based
    # compensation in gross profit" share "gross profit", the name of one of the parts
    table = _QUARTERS + """| {a} | 5,000 | 4,000 |
| {b} | 1,000 | 2,000 |
| | 6,000 | 6,000 |
"""
    for a, b in [("Income from continuing operations", "Income from discontinued operations"),
                 ("GAAP gross profit", "Stock-based compensation in gross profit")]:
        result = _convert(HEAD + table.format(a=a, b=b))
        assert not [f for f in result.facts if f.value == Decimal("6000000")], (a, b)
    result = _convert(HEAD + table.format(a="GAAP gross profit", b="Stock-based compensation in gross profit"))
    assert _values(result, "GrossProfit") == {"2024-10-01..2024-12-31": Decimal("5000000"),
                                              "2023-10-01..2023-12-31": Decimal("4000000")}


def test_a_year_named_in_passing_dates_no_outlook_and_a_sentence_opening_with_a_year_no_quarter():
    # a reverted change read "sees 2025 as a year of continued growth" as the period of the full-year outlook
    # beside it (the 2024 outlook written as 2025), and "2023 revenue was $260.0 million", a sentence opening
    # with its year, as the reported quarter's revenue
    head = "Acme Reports Third Quarter 2024 Results\n\nBOSTON, Nov. 5, 2024 -- Acme today reported results.\n\n"
    result = _convert(head + "For the full year, the Company now expects revenue of $480 million to $490 million, "
                             "and it sees 2025 as a year of continued growth.\n")
    assert not [f for f in result.facts if f.period.end.year == 2025]
    result = _convert(HEAD + "Revenue for the full year 2024 was $270.1 million. 2023 revenue was $260.0 million.\n")
    assert _values(result, "Revenues") == {"2024-01-01..2024-12-31": Decimal("270100000")}


def test_a_year_after_a_comparison_and_its_amount_dates_only_that_amount():
    # "Net income for the quarter was $12.4 million, or $0.31 per diluted share, compared with $0.27 per diluted
    # share in 2023": the quarter's net income and EPS were written as the year 2023's (in cents as in dollars)
    head = "Acme Reports Fourth Quarter 2024 Results\n\nBOSTON, Feb. 11, 2025 -- Acme today reported results for the " \
           "fourth quarter of 2024.\n\n"
    for eps in ("$0.31 per diluted share, compared with $0.27", "31 cents per diluted share, compared with 27 cents"):
        result = _convert(head + f"Net income for the quarter was $12.4 million, or {eps} per diluted share in 2023.\n")
        assert not [f for f in result.facts if f.period.end.year == 2023], eps
        assert _values(result, "NetIncomeLoss") == {"2024-10-01..2024-12-31": Decimal("12400000")}


def test_an_amount_with_periods_handed_out_respectively_is_not_every_periods():
    # "... compared with a net loss of $2.0 million, ..., for the three months ended December 31, 2024 and 2023,
    # respectively": the loss was written for both quarters, as if "in each of" them
    head = "Acme Reports Fourth Quarter 2024 Results\n\nBOSTON, Feb. 11, 2025 -- Acme today reported results.\n\n"
    result = _convert(head + "Net income was $12.4 million, or $0.31 per diluted share, compared with a net loss of "
                             "$2.0 million, or $0.05 per diluted share, for the three months ended December 31, 2024 "
                             "and 2023, respectively.\n")
    assert _values(result, "NetIncomeLoss") == {"2024-10-01..2024-12-31": Decimal("12400000"),
                                                "2023-10-01..2023-12-31": Decimal("-2000000")}


PACKED = """CONSOLIDATED STATEMENTS OF INCOME
(in thousands)

| | Three Months Ended December 31, | Year Ended December 31, | |
| --- | --- | --- | --- |
| | 2024 | 2023 | 2024 |
| Revenue | $121,340 | $114,870 | $471,330 |
| Net income | $14,880 | $13,280 | $57,920 |
"""


def test_fixed_width_titles_set_left_over_their_first_columns_do_not_date_the_years_they_cross():
    """"Year Ended" set left over its one column stands nearer the year-ago quarter than "Three Months Ended"
    does: the fixed-width reader put it over "Dec. 31, 2023" and the quarter was written as the year 2023. The
    dates mark the groups ("2024 2023 | 2024"); the columns a title crosses are not read, in fixed-width text
    as in cells."""
    text = HEAD + """                     CONSOLIDATED STATEMENTS OF OPERATIONS
                            (in thousands, unaudited)
                                                   Three Months Ended                    Year Ended
                                                   Dec. 31, 2024      Dec. 31, 2023      Dec. 31, 2024
Total revenue                                            101,000            102,001            103,002
Operating income                                         201,007            202,008            203,009
"""
    result = convert_text(text, issuer="none", layout="fixed")
    assert "2023-01-01..2023-12-31" not in _values(result, "Revenues")
    assert _values(result, "Revenues")["2024-10-01..2024-12-31"] == Decimal("101000000")


def test_titles_packed_into_the_first_cells_of_a_header_do_not_date_the_years_they_cross():
    """A scraper that lost a header's spans packs "Three Months Ended | Year Ended" into its first cells and pads
    the row: "Year Ended" then stands over the year-ago quarter (2023 of "2024 2023 | 2024"), and that quarter
    was written as the year 2023. The years mark the groups; where a title crosses them, the columns it
    crosses are not read."""
    result = _convert(HEAD + PACKED)
    assert _values(result, "Revenues") == {"2024-10-01..2024-12-31": Decimal("121340000")}
    # a bank's dates mark the groups as the years do
    bank = PACKED.replace("| Three Months Ended December 31, | Year Ended December 31, | |",
                          "| Three Months Ended | Year Ended | | |").replace("| --- | --- | --- | --- |",
                                                                            "| --- | --- | --- | --- | --- |")
    bank = bank.replace("| | 2024 | 2023 | 2024 |", "| | December 31, 2024 | September 30, 2024 | December 31, 2023 | "
                        "December 31, 2024 |").replace("| $471,330 |", "| $118,010 | $471,330 |") \
        .replace("| $57,920 |", "| $13,020 | $57,920 |")
    assert set(_values(_convert(HEAD + bank), "Revenues")) == {"2024-10-01..2024-12-31"}
    # set where the groups are, the titles date every column
    spanned = PACKED.replace("| | Three Months Ended December 31, | Year Ended December 31, | |",
                             "| | Three Months Ended December 31, | | Year Ended December 31, |")
    assert _values(_convert(HEAD + spanned), "Revenues") == {
        "2024-10-01..2024-12-31": Decimal("121340000"), "2023-10-01..2023-12-31": Decimal("114870000"),
        "2024-01-01..2024-12-31": Decimal("471330000")}
    # "Year to Date" over "Nine Months Ended" counts no length of its own: no clash with the months
    ytd = """CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(in thousands)

| | Third Quarter | | Year to Date | |
|---|---|---|---|---|
| | Three Months Ended September 30, | | Nine Months Ended September 30, | |
| | 2024 | 2023 | 2024 | 2023 |
| Revenue | 47,459 | 45,784 | 140,100 | 130,200 |
"""
    assert _values(_convert(HEAD + ytd), "Revenues")["2024-01-01..2024-09-30"] == Decimal("140100000")
    # two titles each over two of a run of years going back ("2025 2024 | 2023 2022") are two groups
    two = """CONSOLIDATED STATEMENTS OF OPERATIONS
(in thousands)

| | Three Months Ended March 31, | | Year Ended December 31, | |
|---|---|---|---|---|
| | 2025 | 2024 | 2023 | 2022 |
| Revenue | 101,007 | 102,014 | 403,021 | 394,028 |
"""
    assert _values(_convert(HEAD + two), "Revenues")["2023-01-01..2023-12-31"] == Decimal("403021000")
    # a bank's quarters dated oldest first beside bare years: dates beside years are no one line of time
    bank_oldest = """CONSOLIDATED STATEMENTS OF INCOME
(in thousands)

| | Three Months Ended | | | Year Ended December 31, | |
|---|---|---|---|---|---|
| | March 31, 2024 | June 30, 2024 | September 30, 2024 | 2023 | 2024 |
| Revenue | 51,200 | 52,300 | 53,400 | 195,000 | 211,400 |
"""
    assert _values(_convert(HEAD + bank_oldest), "Revenues")["2024-07-01..2024-09-30"] == Decimal("53400000")
    # each column naming its own period, years interleaved, is no crossing
    own = """CONSOLIDATED STATEMENTS OF INCOME
(in thousands)

| | Three Months Ended December 31, 2024 | Year Ended December 31, 2024 | Three Months Ended December 31, 2023 | Year Ended December 31, 2023 |
| --- | --- | --- | --- | --- |
| Revenue | 121,340 | 471,330 | 114,870 | 455,000 |
"""
    assert len(_values(_convert(HEAD + own), "Revenues")) == 4


def test_a_per_share_figure_the_text_does_not_qualify_is_the_one_the_statement_agrees_with():
    """"net income of $7,106 million, or $12.42 per share" beside a statement printing basic 12.50 and diluted
    12.42: written as basic-and-diluted EPS it stated a basic EPS the statement contradicts."""
    text = """Mesa Ridge Reports 2024 Results

HOUSTON, Feb. 27, 2025 /PRNewswire/ -- Mesa Ridge Resources, Inc. today reported results. For the full year 2024, Mesa Ridge earned net income of $7,106 million, or {eps} per share.

INCOME STATEMENTS
(in millions, except per share data)

| | Twelve Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Net income | 7,106 | 7,599 |
| Net income per share | | |
| Basic | 12.50 | 13.02 |
| Diluted | 12.42 | 12.92 |
"""
    result = _convert(text.format(eps="$12.42"))
    assert not _values(result, "EarningsPerShareBasicAndDiluted")
    assert _values(result, "EarningsPerShareBasic")["2024-01-01..2024-12-31"] == Decimal("12.50")
    # agreeing with neither, it is withheld with its reason
    neither = _convert(text.format(eps="$12.46"))
    assert not _values(neither, "EarningsPerShareBasicAndDiluted")
    assert any("does not call basic or diluted" in f.message for f in neither.findings)


def test_a_header_of_amount_and_per_share_columns_keeps_each_measure_in_its_own_column():
    """A BDC's "Q4-24" over "Total Amount | Per Share": "GAAP net income per share | $358 | $0.54" had its
    amount, $358 million, written as earnings per share of $358."""
    text = HEAD + """FOURTH QUARTER 2024 FINANCIAL RESULTS

| (dollar amounts in millions, except per share data) | Q4-24 | | Q4-23 | |
|---|---|---|---|---|
| | Total Amount | Per Share | Total Amount | Per Share |
| GAAP net income per share | $358 | $0.54 | $403 | $0.70 |
| Net investment income | $370 | $0.56 | $317 | $0.55 |
"""
    result = _convert(text)
    assert all(f.value < 10 for f in result.facts if f.unit == "USD/shares")
    assert _values(result, "NetInvestmentIncome")["2024-10-01..2024-12-31"] == Decimal("370000000")


def test_a_fiscal_half_the_calendar_ends_in_another_month_than_its_title_says_is_withheld():
    # an Australian half year: "H1 FY24" under "Half-year ended 31 December" had been read as January to June
    # 2024, the calendar's first half, where nothing says when the issuer's fiscal year ends
    lead = ("PERTH, Western Australia, 18 February 2025 -- X Limited today reported its results for the half-year "
            "ended 31 December 2024.\n\n")

    def facts(title: str, columns: str) -> dict:
        text = (lead + f"**Consolidated income statement** (US$ million)\n\n**{title}**\n\n| | {columns} |\n"
                "| --- | --- | --- |\n| Revenue | 5,412 | 5,105 |\n")
        return _values(convert_text(text, issuer="none", layout="markdown"), "Revenues")

    assert facts("Half-year ended 31 December", "H1 FY25 | H1 FY24") == {}
    # the title's month agrees with the calendar's: read
    assert facts("Six months ended 30 June", "H1 FY24 | H1 FY23") == {"2024-01-01..2024-06-30": Decimal("5412000000"),
                                                                      "2023-01-01..2023-06-30": Decimal("5105000000")}


def test_a_parenthesis_around_a_per_share_aside_is_no_minus():
    # "($0.17 per share)" is an aside; its parenthesis closes after other words. "($0.17)" and "$(0.17)" are
    # negative
    lead = "TORONTO, Feb. 25, 2025 -- X Corp. reports results for the three months ended December 31, 2024.\n\n"
    aside = _values(_convert(lead + "Net earnings for the fourth quarter of 2024 were $53.9 million ($0.17 per "
                                    "share).\n"), "EarningsPerShareBasicAndDiluted")
    assert aside == {"2024-10-01..2024-12-31": Decimal("0.17")}
    # an aside that prints its other figures in parentheses prints the amount so too; one that does not is an
    # aside of a positive amount
    remark = _values(_convert(lead + "Operating income for the fourth quarter of 2024 was ($3.3 million, or (4.1%) of "
                                     "revenue).\n"), "OperatingIncomeLoss")
    assert remark == {"2024-10-01..2024-12-31": Decimal("-3300000")}
    # a parenthesis that follows no amount is no aside: "was ($4.2 million, or 8.0% of revenue)" is a loss
    plain = _values(_convert(lead + "Net income for the fourth quarter of 2024 was ($4.2 million, or 8.0% of "
                                    "revenue).\n"), "NetIncomeLoss")
    assert plain == {"2024-10-01..2024-12-31": Decimal("-4200000")}
    for printed in ("($0.17) per share", "$(0.17) per share"):
        minus = _values(_convert(lead + f"Net loss for the fourth quarter of 2024 was $53.9 million, or {printed}.\n"),
                        "EarningsPerShareBasicAndDiluted")
        assert minus == {"2024-10-01..2024-12-31": Decimal("-0.17")}, printed


def test_a_title_naming_a_quarter_and_a_year_frames_no_sentence():
    # "Q4 and Full Year 2024 Results": two periods, though "Q4" has no year of its own; the year's had framed
    # a sentence that names none ("Net earnings were $53.9 million")
    text = ("X Corp. Reports Q4 and Full Year 2024 Results\n\nTORONTO, Feb. 25, 2025 -- X Corp. reports its "
            "results.\n\nNet earnings were $53.9 million.\n")
    assert _values(_convert(text), "NetIncomeLoss") == {}
    one = text.replace("Q4 and ", "")
    assert _values(_convert(one), "NetIncomeLoss") == {"2024-01-01..2024-12-31": Decimal("53900000")}


def test_a_sentences_period_off_the_quarters_the_tables_report_is_withheld():
    # a fiscal year ending in May, which nothing in the text states: "the third quarter of fiscal 2006" had
    # been dated July to September 2006, where the tables' quarters end in February
    text = """OMAHA, Neb., March 20, 2007 -- Marrick Foods Company today reported net income of $24.6 million for
the third quarter of fiscal 2007, compared with net income of $19.3 million for the third quarter of fiscal 2006.

CONSOLIDATED STATEMENTS OF INCOME
(In millions)

| | Three Months Ended February 28, | |
|---|---|---|
| | 2007 | 2006 |
| Net sales | 184.8 | 178.5 |
| Net income | 24.6 | 19.3 |
"""
    result = convert_text(text, issuer="none", layout="markdown")
    assert _values(result, "NetIncomeLoss") == {"2006-12-01..2007-02-28": Decimal("24600000"),
                                                "2005-12-01..2006-02-28": Decimal("19300000")}
    assert any("off the quarters the tables report" in f.message for f in result.findings)
    # a date the sentence prints is its own
    cash = text.replace("CONSOLIDATED", "Cash and cash equivalents were $70.2 million as of January 31, 2007.\n\n"
                                        "CONSOLIDATED")
    assert _values(convert_text(cash, issuer="none", layout="markdown"), "CashAndCashEquivalentsAtCarryingValue") == {
        "2007-01-31": Decimal("70200000")}
    # the tables' quarters end in December: the text's quarters are on their grid and stay
    december = text.replace("February 28", "December 31").replace("March 20, 2007", "January 20, 2007")
    assert not any("off the quarters" in f.message for f in convert_text(december, issuer="none",
                                                                           layout="markdown").findings)


def test_share_counts_too_few_to_be_whole_shares_are_withheld():
    # "(Dollars in millions, except per share amounts)" scales the money only; the shares printed "38" had
    # been written as 38 shares
    text = """CLEVELAND, Ohio, Feb. 10, 2009 -- Corwin Manufacturing today reported results.

CONSOLIDATED STATEMENTS OF INCOME
(Dollars in millions, except per share amounts)

| | Year Ended December 31, | |
|---|---|---|
| | 2008 | 2007 |
| Net sales | 1,250 | 1,190 |
| Weighted average shares outstanding - basic | 38 | 39 |
"""
    result = convert_text(text, issuer="none", layout="markdown")
    assert _values(result, "WeightedAverageNumberOfSharesOutstandingBasic") == {}
    assert _values(result, "Revenues")["2008-01-01..2008-12-31"] == Decimal("1250000000")
    # a small bank's counts that its net income over them makes its EPS are whole shares
    bank = text.replace("(Dollars in millions", "(Dollars in thousands").replace(
        "| Net sales | 1,250 | 1,190 |", "| Net income | 1,300 | 1,170 |\n| Basic earnings per share | 100.00 | 90.00 |"
    ).replace("| 38 | 39 |", "| 13,000 | 13,000 |")
    assert _values(convert_text(bank, issuer="none", layout="markdown"),
                   "WeightedAverageNumberOfSharesOutstandingBasic")["2008-01-01..2008-12-31"] == Decimal("13000")
    whole = text.replace("| 38 | 39 |", "| 38,012,500 | 39,004,000 |")
    assert _values(convert_text(whole, issuer="none", layout="markdown"),
                   "WeightedAverageNumberOfSharesOutstandingBasic")["2008-01-01..2008-12-31"] == Decimal("38012500")


def test_the_first_three_quarters_of_a_fiscal_year_are_its_nine_months():
    # "For the first three quarters of fiscal 2011 ... compared with ... for the comparable period of fiscal
    # 2010": the nine months had been dated as the quarters, and contradicted the statement
    text = ("ANYTOWN, Ohio, November 18, 2010 -- Acme Corp. today reported results.\n\n"
            "For the first three quarters of fiscal 2010, net sales were $416.4 million, compared with $370.7 "
            "million for the comparable period of fiscal 2009.\n")
    assert _values(_convert(text), "Revenues") == {"2010-01-01..2010-09-30": Decimal("416400000"),
                                                   "2009-01-01..2009-09-30": Decimal("370700000")}
    # a sentence that gives each quarter its own amount names no nine months
    for sentence in ("In the first two quarters of 2010, revenue was $49.0 million and $50.0 million, respectively.",
                     "Quarterly revenue was $50.0 million in the first two quarters of 2010."):
        each = "ANYTOWN, Ohio, November 18, 2010 -- Acme Corp. today reported results.\n\n" + sentence + "\n"
        assert "2010-01-01..2010-06-30" not in _values(_convert(each), "Revenues"), sentence


def test_half_year_columns_named_by_a_bare_year_are_the_stated_fiscal_years_halves():
    # "H1 2024", "First half 2024" over a bare year: the issuer's fiscal half, read where the text
    # states when its fiscal year ends; where it does not (a March year's "H1 2024" is April to September),
    # withheld
    stated = ("ZURICH, 25 July 2024 -- X AG today reported its results for the first half of 2024. The fiscal year "
              "ended December 31, 2023 was its tenth.\n\n")

    def periods(lead: str, columns: str, title: str = "") -> set[str]:
        text = (lead + f"**Consolidated income statement** (in millions)\n\n{title}| | {columns} |\n"
                "| --- | --- | --- |\n| Revenue | 5,412 | 5,105 |\n")
        return set(_values(convert_text(text, issuer="none", layout="markdown"), "Revenues"))

    for columns in ("H1 2024 | H1 2023", "First half 2024 | First half 2023"):
        assert periods(stated, columns) == {"2024-01-01..2024-06-30", "2023-01-01..2023-06-30"}, columns
    unstated = stated.replace(" The fiscal year ended December 31, 2023 was its tenth.", "")
    assert periods(unstated, "H1 2024 | H1 2023") == set()
    assert periods(stated, "H1 2024 | H1 2023", "**Half-year ended 31 December**\n\n") == set()
