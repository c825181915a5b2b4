"""Reading statements as real releases print them: one mechanism per test, each on a small release of our own."""
from __future__ import annotations

from decimal import Decimal

from converter.pipeline import Trace, convert_text

HTML_HEAD = "<html><body><p>SANTA CLARA, Calif., Feb. 25, 2026 -- Acme today reported results.</p>"


def _values(text: str, concept: str, layout: str | None = None) -> dict[str, Decimal]:
    result = convert_text(text, issuer="none", layout=layout)
    return {str(f.period): f.value for f in result.facts if f.concept.endswith(":" + concept) and not f.dims}


def test_a_statement_split_over_two_tables_reads_its_second_part_with_the_first_parts_header():
    html = HTML_HEAD + """
<p>CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS</p><p>(In millions)</p>
<table>
<tr><td></td><td colspan="2">Year Ended</td></tr>
<tr><td></td><td>December 31, 2025</td><td>December 31, 2024</td></tr>
<tr><td>Net cash provided by operating activities</td><td>102,718</td><td>64,089</td></tr>
</table>
<table>
<tr><td>Net cash used in financing activities</td><td>(48,474)</td><td>(42,359)</td></tr>
</table>
</body></html>"""
    assert _values(html, "NetCashProvidedByUsedInFinancingActivities") == {
        "2025-01-01..2025-12-31": Decimal("-48474000000"), "2024-01-01..2024-12-31": Decimal("-42359000000")}


def test_a_table_after_prose_is_no_continuation():
    html = HTML_HEAD + """
<p>CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS</p><p>(In millions)</p>
<table>
<tr><td></td><td colspan="2">Year Ended</td></tr>
<tr><td></td><td>December 31, 2025</td><td>December 31, 2024</td></tr>
<tr><td>Net cash provided by operating activities</td><td>102,718</td><td>64,089</td></tr>
</table>
<p>""" + "Our outlook depends on many factors that we describe in our filings with the SEC. " * 4 + """</p>
<table>
<tr><td>Net cash used in financing activities</td><td>(48,474)</td><td>(42,359)</td></tr>
</table>
</body></html>"""
    assert _values(html, "NetCashProvidedByUsedInFinancingActivities") == {}


def test_a_balance_sheet_headed_year_ended_gives_its_balances_at_the_column_dates():
    text = """BOSTON, February 13, 2025 -- Acme today reported results.

Condensed Consolidated Balance Sheets (Unaudited)
(In millions)

| | Year Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Cash and cash equivalents | 544.5 | 545.8 |
| Total assets | 5,811.1 | 5,968.5 |
"""
    assert _values(text, "Assets") == {"2024-12-31": Decimal("5811100000"), "2023-12-31": Decimal("5968500000")}


def test_columns_under_fewer_lengths_than_date_groups_take_the_split_that_ends_each_year_at_year_end():
    text = """HOUSTON, February 12, 2025 -- Acme today reported results.

| **ACME LTD.** |
| --- |
| **CONDENSED CONSOLIDATED STATEMENTS OF INCOME (LOSS)** |
|  |  | **Three Months Ended** |  | **Year Ended** |
|  |  | **December 31,** |  | **September 30,** |  | **December 31,** |
| **(In thousands)** |  | **2024** |  | **2023** |  | **2024** |  | **2024** |  | **2023** |
| Operating revenues |  | $ 729,819 |  | $ 725,801 |  | $ 731,805 |  | $ 2,930,126 |  | $ 3,005,981 |
| Income (loss) before income taxes |  | (17,638) |  | 23,101 |  | (22,969) |  | (31,040) |  | 129,124 |
"""
    revenue = _values(text, "Revenues")
    assert revenue == {"2024-10-01..2024-12-31": Decimal("729819000"), "2023-10-01..2023-12-31": Decimal("725801000"),
                       "2024-07-01..2024-09-30": Decimal("731805000"), "2024-01-01..2024-12-31": Decimal("2930126000"),
                       "2023-01-01..2023-12-31": Decimal("3005981000")}


def test_income_listed_among_the_costs_is_a_deduction_when_the_arithmetic_says_so():
    text = """HOUSTON, February 12, 2025 -- Acme today reported results.

CONDENSED CONSOLIDATED STATEMENTS OF INCOME
(In thousands)

| | Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Total revenues and other income | 738,647 | 737,843 |
| Costs and other deductions: | | |
| Direct costs | 433,404 | 424,769 |
| Interest expense | 53,642 | 49,938 |
| Other, net | 37,021 | 7,878 |
| Total costs and other deductions | 524,067 | 482,585 |
| Income before income taxes | 214,580 | 255,258 |
"""
    assert _values(text, "OtherNonoperatingIncomeExpense") == {"2024-10-01..2024-12-31": Decimal("-37021000"),
                                                              "2023-10-01..2023-12-31": Decimal("-7878000")}


def test_a_result_closes_the_heading_above_it_but_not_a_per_share_heading():
    from converter.readers.detect import read_document
    text = """NEW YORK, February 10, 2025 -- Acme today reported results.

OPERATING RESULTS
(Amounts in thousands, except per share amounts)

| | For the Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Net income (loss) | 5,758 | (100,613) |
| Less net loss (income) attributable to noncontrolling interests in: | | |
| Consolidated subsidiaries | 11,107 | 49,717 |
| Net income (loss) attributable to Acme | 16,865 | (50,896) |
| Preferred share dividends | (15,526) | (15,529) |
| EARNINGS PER SHARE-Basic | | |
| Net income attributable to Acme | 0.09 | (0.27) |
"""
    [table] = read_document(text).tables
    sections = [(r.label, r.section) for r in table.rows if r.cells]
    assert sections[1] == ("Consolidated subsidiaries", ("Less net loss (income) attributable to noncontrolling interests in:",))
    assert sections[2:4] == [("Net income (loss) attributable to Acme", ()), ("Preferred share dividends", ())]
    assert sections[4] == ("Net income attributable to Acme", ("EARNINGS PER SHARE-Basic",))
    assert _values(text, "EarningsPerShareBasic")["2024-10-01..2024-12-31"] == Decimal("0.09")


PFIZER_LIKE = """NEW YORK, July 25, 2023 -- Acme today reported results for the quarter ended July 2, 2023.

                               CONSOLIDATED STATEMENTS OF INCOME
                                (millions, except per share data)

                                                     Second-Quarter      % Incr. /     Six Months        % Incr. /
                                                       2023      2022    (Decr.)       2023      2022    (Decr.)
     Revenues                                      $  12,734  $  27,742   (54)    $  31,015  $  53,402    (42)
     Cost of sales                                    3,237     8,648     (63)        8,122    18,632     (56)

     The three and six months ended July 2, 2023 and July 3, 2022 are presented.

     (5)   Components of Other (income)/deductions--net include:
                                                              Second-Quarter              Six Months
           (MILLIONS)                                          2023         2022         2023          2022
           Interest income                                     $ (316)      $  (30)      $ (493)       $  (44)
           Interest expense                                      508          293          826           614
           Net (gains)/losses on equity securities              (135)          541          316         1,241
           Other, net                                            (24)           26         (421)         (62)

     (7)   The components of non-GAAP Adjusted Other (income)/deductions--net include the following:
                                                              Second-Quarter              Six Months
           (MILLIONS)                                          2023         2022         2023          2022
           Interest expense                                      510          295          830           619
"""


def test_a_quarter_named_by_number_and_a_length_without_ended_over_years_are_the_fiscal_periods():
    revenue = _values(PFIZER_LIKE, "Revenues", "fixed")
    # the quarter ends on the weekend date the text prints near June 30, and "Six Months" runs to it
    assert revenue["2023-04-03..2023-07-02"] == Decimal("12734000000")
    assert revenue["2022-04-04..2022-07-03"] == Decimal("27742000000")
    assert revenue["2023-01-02..2023-07-02"] == Decimal("31015000000")


def test_components_of_a_nonoperating_line_are_read_in_its_convention_and_adjusted_ones_not_at_all():
    # "Other (income)/deductions--net" prints deductions positive and income in parentheses, and so do the
    # rows of the note that lists its components: interest income (316) is income of 316, a (135) on equity
    # securities a gain of 135
    assert _values(PFIZER_LIKE, "InvestmentIncomeInterest", "fixed")["2023-04-03..2023-07-02"] == Decimal("316000000")
    gains = _values(PFIZER_LIKE, "EquitySecuritiesFvNiGainLoss", "fixed")
    assert gains["2023-04-03..2023-07-02"] == Decimal("135000000")
    assert gains["2022-04-04..2022-07-03"] == Decimal("-541000000")
    # the GAAP components' interest expense; the adjusted table's 510 is no GAAP line
    assert _values(PFIZER_LIKE, "InterestExpense", "fixed") == {
        "2023-04-03..2023-07-02": Decimal("508000000"), "2022-04-04..2022-07-03": Decimal("293000000"),
        "2023-01-02..2023-07-02": Decimal("826000000"), "2022-01-03..2022-07-03": Decimal("614000000")}
    # "Other, net" among the components is the line's catch-all, not the line
    assert _values(PFIZER_LIKE, "OtherNonoperatingIncomeExpense", "fixed") == {}
    assert _values(PFIZER_LIKE, "CostOfRevenue", "fixed")   # the statement itself is read


def test_components_of_a_line_that_is_no_nonoperating_line_stay_unread():
    text = PFIZER_LIKE.replace("Components of Other (income)/deductions--net include:",
                               "Components of stock-based compensation include:")
    assert _values(text, "InterestExpense", "fixed") == {}
    assert _values(text, "InvestmentIncomeInterest", "fixed") == {}


def test_a_label_ending_with_a_company_name_is_no_sentence_that_ends_the_table():
    text = PFIZER_LIKE.replace("     The three and six months", """     Earnings per common share--basic:
      Income from continuing operations attributable to Acme Holdings Inc.
       common shareholders                          $   0.41  $   1.76     (77)    $    1.40  $   3.17     (56)
      Net income attributable to Acme Holdings Inc. common shareholders
                                                    $   0.41  $   1.77     (77)    $    1.40  $   3.17     (56)

     The three and six months""")
    assert _values(text, "EarningsPerShareBasic", "fixed")["2022-04-04..2022-07-03"] == Decimal("1.77")
    assert _values(text, "Revenues", "fixed")["2023-04-03..2023-07-02"] == Decimal("12734000000")


def test_revenue_and_other_income_beside_operating_revenues_is_not_revenue_and_the_arithmetic_restarts_from_it():
    text = """HOUSTON, February 12, 2025 -- Acme today reported results.

CONDENSED CONSOLIDATED STATEMENTS OF INCOME
(In thousands)

| | Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Operating revenues | 729,819 | 725,801 |
| Investment income (loss) | 8,828 | 12,042 |
| Total revenues and other income | 738,647 | 737,843 |
| Costs and other deductions: | | |
| Direct costs | 433,404 | 424,769 |
| Other, net | 37,021 | 7,878 |
| Total costs and other deductions | 470,425 | 432,647 |
| Income before income taxes | 268,222 | 305,196 |
"""
    assert _values(text, "Revenues") == {"2024-10-01..2024-12-31": Decimal("729819000"),
                                         "2023-10-01..2023-12-31": Decimal("725801000")}
    assert _values(text, "OtherNonoperatingIncomeExpense")["2024-10-01..2024-12-31"] == Decimal("-37021000")


def test_a_revenue_of_nothing_makes_no_running_total_of_the_costs_under_it():
    # "Collaboration revenue —": nothing plus the costs is their total, which had been read as revenue run
    # on, so the costs were "added" and written negative
    text = """CAMBRIDGE, Mass., Aug. 8, 2024 -- Acme Therapeutics today reported results.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(in thousands)

| | Three Months Ended June 30, | |
|---|---|---|
| | 2024 | 2023 |
| Collaboration revenue | — | — |
| Research and development | $ 45,120 | $ 36,980 |
| General and administrative | 12,410 | 10,220 |
| Total operating expenses | 57,530 | 47,200 |
| Loss from operations | (57,530) | (47,200) |
"""
    assert _values(text, "ResearchAndDevelopmentExpense") == {"2024-04-01..2024-06-30": Decimal("45120000"),
                                                              "2023-04-01..2023-06-30": Decimal("36980000")}
    assert _values(text, "GeneralAndAdministrativeExpense")["2024-04-01..2024-06-30"] == Decimal("12410000")


def test_an_income_printed_as_a_deduction_in_a_reconciliation_is_not_written_negative():
    # the bridge takes investment income away on its way to fee-related earnings: "(55.2)" says which way it
    # runs, not that the income was a loss (it had been written as -55.2 million)
    text = """NEW YORK, Feb. 6, 2025 -- Acme Capital today reported results for the fourth quarter of 2024.

**Reconciliation to Fee-Related Earnings**
(Dollars in millions)

| | Q4 2024 | Q4 2023 |
|---|---|---|
| Income before taxes | $ 470.4 | $ 301.8 |
| Net performance income | (98.0) | (40.0) |
| Investment income | (55.2) | (41.0) |
| Fee-related earnings | $ 317.2 | $ 220.8 |
"""
    assert _values(text, "InvestmentIncomeInterest") == {}
    # a bank named Bridge prints no reconciliation
    named = text.replace("**Reconciliation to Fee-Related Earnings**", "**BRIDGE BANCORP, INC. STATEMENTS OF INCOME**")
    assert _values(named, "InvestmentIncomeInterest") != {}
    assert _values(text, "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest")[
        "2024-10-01..2024-12-31"] == Decimal("470400000")
    # a loss the bridge starts from is the loss it is
    loss = text.replace("$ 470.4 | $ 301.8", "$ (70.4) | $ (30.8)")
    assert _values(loss, "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest")[
        "2024-10-01..2024-12-31"] == Decimal("-70400000")


def test_a_sum_under_a_heading_that_prints_its_own_total_later_or_wraps_is_no_heading_total():
    # "Liabilities and Shareholders'" / "Equity": deposits, their sum, other lines, "Total shareholders'
    # equity". The deposits' sum had been "Total Equity", stockholders' equity of 4.46 billion
    text = """BOSTON, Jan. 22, 2025 -- Harbor Bancorp today reported fourth quarter 2024 results.

                              Consolidated Balance Sheets (Unaudited)
                                     (dollars in thousands)
                                                         Dec. 31, 2024          Dec. 31, 2023
       Total assets                                    $     5,576,940    $         5,454,784
       Liabilities and Shareholders'
       Equity
       Noninterest-bearing deposits                    $     1,021,286    $         1,021,286
       Interest-bearing deposits                             3,440,266              3,342,541
                                                             4,461,552              4,363,827
       Other liabilities                                       254,542                312,542
       Total shareholders' equity                              860,846                778,415
       Total liabilities and shareholders' equity      $     5,576,940    $         5,454,784
"""
    assert _values(text, "StockholdersEquity", "fixed") == {"2024-12-31": Decimal("860846000"),
                                                           "2023-12-31": Decimal("778415000")}
    # sums under "Liabilities:" are the heading's where no later line prints "Total liabilities" itself
    # ("Total liabilities and stockholders' equity" is another total)
    bank = """BOSTON, Jan. 22, 2025 -- Harbor Bancorp today reported fourth quarter 2024 results.

CONSOLIDATED BALANCE SHEETS
(dollars in thousands)

| | Dec. 31, 2024 | Dec. 31, 2023 |
|---|---|---|
| Total assets | 5,576,940 | 5,454,784 |
| Liabilities: | | |
| Deposits | 4,461,552 | 4,363,827 |
| Other liabilities | 254,542 | 312,542 |
| | 4,716,094 | 4,676,369 |
| Total stockholders' equity | 860,846 | 778,415 |
| Total liabilities and stockholders' equity | 5,576,940 | 5,454,784 |
"""
    assert _values(bank, "Liabilities") == {"2024-12-31": Decimal("4716094000"), "2023-12-31": Decimal("4676369000")}
    # the heading whole on one line, its total printed on a later line: the sum is a part's
    whole = text.replace("Shareholders'\n       Equity\n", "Shareholders' Equity\n")
    assert _values(whole, "StockholdersEquity", "fixed") == {"2024-12-31": Decimal("860846000"),
                                                            "2023-12-31": Decimal("778415000")}


def test_a_total_printed_without_a_label_takes_its_headings_name_when_it_adds_up():
    text = """PURCHASE, N.Y., July 13, 2023 -- Acme today reported results.

                                  Condensed Consolidated Balance Sheet
                                  (in millions except per share amounts)
                                                                          6/17/2023      12/31/2022
       Current Assets
         Cash and cash equivalents                                       $     6,116   $     4,954
         Inventories:
           Raw materials and packaging                                        2,638           2,366
           Work-in-process                                                      110             114
           Finished goods                                                     3,221           2,742
                                                                              5,969           5,222
         Prepaid expenses and other current assets                            1,075             806
"""
    assert _values(text, "InventoryNet", "fixed") == {"2023-06-17": Decimal("5969000000"),
                                                      "2022-12-31": Decimal("5222000000")}
    off = text.replace("5,969           5,222", "5,970           5,222")   # no sum in one column: unread
    assert _values(off, "InventoryNet", "fixed") == {}


def test_a_total_printed_without_a_label_is_its_headings_total():
    # under "Other income (expense):" the unlabelled sum of interest expense and income is the non-operating
    # total, not the "other" line the heading's own words name
    text = """GREENFIELD, Ind., March 12, 2025 -- Acme today reported results.

                              CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
                                                                  Three Months Ended December 31,
                                                                       2024              2023
       Income from operations                                        903,315           635,381
       Other income (expense):
         Interest expense                                            (45,120)          (51,330)
         Interest income                                              12,004             8,115
                                                                     (33,116)          (43,215)
       Income before income taxes                                    870,199           592,166
"""
    assert _values(text, "NonoperatingIncomeExpense", "fixed") == {"2024-10-01..2024-12-31": Decimal("-33116"),
                                                                   "2023-10-01..2023-12-31": Decimal("-43215")}
    assert _values(text, "OtherNonoperatingIncomeExpense", "fixed") == {}


PROPERTY = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, February 11, 2025 -- Acme Corp today reported results.

CONSOLIDATED BALANCE SHEETS
(in thousands)

| | December 31, 2024 | December 31, 2023 |
|---|---|---|
| Property and equipment | 10,000 | 9,000 |
| Less accumulated depreciation | (4,000) | (3,000) |
| Property and equipment{dash}net | 6,000 | 6,000 |
| Total assets | 50,000 | 45,000 |
"""


def test_a_property_line_that_less_accumulated_depreciation_follows_is_the_gross_amount():
    for dash in (" – ", "--", " - ", ", "):
        text = PROPERTY.replace("{dash}", dash)
        assert _values(text, "PropertyPlantAndEquipmentGross") == {
            "2024-12-31": Decimal("10000000"), "2023-12-31": Decimal("9000000")}, dash
        assert _values(text, "AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment") == {
            "2024-12-31": Decimal("4000000"), "2023-12-31": Decimal("3000000")}
        # the line after it, net of a dash used as a comma, is the net amount
        assert _values(text, "PropertyPlantAndEquipmentNet") == {
            "2024-12-31": Decimal("6000000"), "2023-12-31": Decimal("6000000")}, dash
    # with nothing deducted after it, the same words are the net amount
    alone = PROPERTY.replace("| Less accumulated depreciation | (4,000) | (3,000) |\n", "").replace(
        "| Property and equipment{dash}net | 6,000 | 6,000 |\n", "")
    assert _values(alone, "PropertyPlantAndEquipmentNet") == {
        "2024-12-31": Decimal("10000000"), "2023-12-31": Decimal("9000000")}


def test_a_word_in_parentheses_before_a_line_says_what_its_parentheses_mean_and_the_line_is_the_same():
    table = """Acme Bancorp Reports Fourth Quarter 2024 Results

BOSTON, February 11, 2025 -- Acme Bancorp today reported results.

CONSOLIDATED STATEMENTS OF INCOME
(in thousands)

| | Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Net interest income | 47,459 | 45,784 |
| (Reduction) provision for credit losses | {a} | {b} |
| Net income | 5,000 | 4,000 |
"""
    got = _values(table.format(a="(120)", b="300"), "ProvisionForLoanLeaseAndOtherLosses")
    assert got == {"2024-10-01..2024-12-31": Decimal("-120000"), "2023-10-01..2023-12-31": Decimal("300000")}
    # both years reductions: still reductions, not costs printed as deductions
    got = _values(table.format(a="(120)", b="(300)"), "ProvisionForLoanLeaseAndOtherLosses")
    assert got == {"2024-10-01..2024-12-31": Decimal("-120000"), "2023-10-01..2023-12-31": Decimal("-300000")}


def test_a_share_count_with_a_fraction_under_a_note_that_scales_only_money_is_not_read_as_units():
    text = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, February 11, 2025 -- Acme Corp today reported results.

RECONCILIATION OF NET EARNINGS
(Dollars in Millions Except Per Share Data)

| | Three Months Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Net earnings | 7,068 | 7,129 |
| Average shares outstanding (Diluted) | 2,634.3 | 2,666.5 |
"""
    assert not _values(text, "WeightedAverageNumberOfDilutedSharesOutstanding")
    assert _values(text, "NetIncomeLoss")["2024-10-01..2024-12-31"] == Decimal("7068000000")


def test_cash_at_the_beginning_of_a_period_under_a_bare_date_is_not_dated_by_it():
    # a cash flow statement whose "Year Ended" the printer lost: 641.1 is the cash at the start of the year that
    # ends December 31, 2023, not at that date
    text = """SPRINGFIELD, Feb. 12, 2025 -- Acme today reported results.

CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS
(In millions)

| | December 31, 2024 | December 31, 2023 |
|---|---|---|
| Net increase (decrease) in cash and cash equivalents | (1.3) | (95.3) |
| Cash and cash equivalents at beginning of year | 545.8 | 641.1 |
"""
    assert _values(text, "CashAndCashEquivalentsAtCarryingValue") == {}
    # with its length printed, the column says where the year began
    dated = _values(text.replace("| | December 31, 2024 | December 31, 2023 |",
                                 "| | Year Ended December 31, 2024 | Year Ended December 31, 2023 |"),
                    "CashAndCashEquivalentsAtCarryingValue")
    assert dated == {"2023-12-31": Decimal("545800000"), "2022-12-31": Decimal("641100000")}


def test_cash_at_the_beginning_of_a_quarter_counted_in_weeks_is_dated_only_where_the_release_prints_that_date():
    # a 52/53-week year: "Three Months Ended Apr 2, 2022" was a 14-week quarter that began on December 26, 2021,
    # and nothing in the release says whether it had 13 weeks or 14. The current quarter's start follows the
    # year end the balance sheet prints.
    text = """SANTA CLARA, Calif., April 27, 2023 -- Acme today reported results.

CONSOLIDATED CONDENSED BALANCE SHEETS
(In millions)

| | Apr 1, 2023 | Dec 31, 2022 |
|---|---|---|
| Cash and cash equivalents | 8,232 | 11,144 |

CONSOLIDATED CONDENSED STATEMENTS OF CASH FLOWS
(In millions)

| | Three Months Ended | |
|---|---|---|
| | Apr 1, 2023 | Apr 2, 2022 |
| Cash and cash equivalents, beginning of period | 11,144 | 4,827 |
| Net increase (decrease) in cash and cash equivalents | (2,912) | 1,388 |
| Cash and cash equivalents, end of period | 8,232 | 6,215 |
"""
    values = _values(text, "CashAndCashEquivalentsAtCarryingValue")
    assert values["2022-12-31"] == Decimal("11144000000")
    assert values["2023-04-01"] == Decimal("8232000000") and values["2022-04-02"] == Decimal("6215000000")
    assert "2022-01-01" not in values and Decimal("4827000000") not in values.values()
    trace = Trace()
    convert_text(text, issuer="none", trace=trace)
    assert any("4,827" in what and "counted in weeks" in why for what, why in trace.tables.skipped)
    # a release that prints the year end where the earlier quarter began settles it
    told = text.replace("today reported results.", "today reported results. The year ended January 1, 2022 "
                                                  "had 52 weeks.")
    assert _values(told, "CashAndCashEquivalentsAtCarryingValue")["2022-01-01"] == Decimal("4827000000")
    # a quarter ending on a month's end is counted in months: its start is never in doubt
    months = text.replace("Apr 1, 2023", "Mar 31, 2023").replace("Apr 2, 2022", "Mar 31, 2022")
    assert _values(months, "CashAndCashEquivalentsAtCarryingValue")["2021-12-31"] == Decimal("4827000000")


def test_a_cash_flow_statements_working_capital_lines_are_no_balances_whatever_its_header_lost():
    # a page's edge cut "Three Months" and "Year" off the header, and the heading over the working capital
    # lines was set where no row stands under it: under bare dates, "Accounts payable 796" had been read as the
    # payables owed at December 31, 2023
    text = """SPRINGFIELD, Feb. 12, 2025 -- Acme today reported results.

CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS
(in thousands)

| | Ended December 31, 2024 | Ended December 31, 2023 |
|---|---|---|
| Cash Flows from Operating Activities: | | |
| Net loss | (21,900) | (28,081) |
| Accounts payable | (5,326) | 796 |
| Net cash provided by operating activities | 41,362 | 30,866 |
| Cash and cash equivalents at end of period | 544,511 | 545,800 |
"""
    assert _values(text, "AccountsPayableCurrent") == {}
    # the balance a line says is one still is
    assert _values(text, "CashAndCashEquivalentsAtCarryingValue")["2024-12-31"] == Decimal("544511000")


def test_a_table_whose_other_column_holds_what_the_text_dates_is_not_written():
    # the header as read puts 2023 first, and the text's full-year 2024 revenue is the first column's figure:
    # the columns' dates were misread (a header wrapped in large type), and the statement, which outranks the
    # prose, would have stood with the years swapped
    text = """SPRINGFIELD, Feb. 12, 2025 -- Acme today reported results. Revenue for the full year 2024 was $54.0
million.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(In thousands)

| | Year Ended December 31, | |
|---|---|---|
| | 2023 | 2024 |
| Net revenue | 54,014 | 145,233 |
| Cost of revenue | 58,170 | 93,924 |
"""
    assert _values(text, "CostOfRevenue") == {}
    assert _values(text, "Revenues") == {"2024-01-01..2024-12-31": Decimal("54000000")}   # the text's own
    # the text agreeing with the column it dates leaves the table as read
    agreeing = text.replace("$54.0\nmillion", "$145.2\nmillion")
    assert _values(agreeing, "CostOfRevenue")["2024-01-01..2024-12-31"] == Decimal("93924000")
