"""Synthetic ConversionResults for the emit, Arelle and round-trip tests (a helper module, not a conftest).

The facts are small but cover every shape the emitters handle: an instant balance sheet, quarter and year
durations, EPS in USD/shares, share counts, guidance with the srt scenario and range axes, dei cover facts and
an issuer extension concept with prefix "acme" whose label needs escaping.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from converter.model import Entity, Fact, Period
from converter.paths import TAXONOMY_FILE
from converter.result import ConversionResult, DocumentInfo
from converter.taxonomy import load_taxonomy

Q4 = Period(end=date(2016, 12, 31), start=date(2016, 10, 1))
Q4_PRIOR = Period(end=date(2015, 12, 31), start=date(2015, 10, 1))
H2 = Period(end=date(2016, 12, 31), start=date(2016, 7, 1))
BS = Period(end=date(2016, 12, 31))
BS_PRIOR = Period(end=date(2015, 12, 31))
Q1_NEXT = Period(end=date(2017, 3, 31), start=date(2017, 1, 1))
FORECAST = ("srt:StatementScenarioAxis", "srt:ScenarioForecastMember")
ACME_NS = "http://acme.example/20161231"


def fact(concept, period, value, unit="USD", decimals=-3, dims=(), category="table"):
    return Fact(concept=concept, period=period, value=Decimal(value), unit=unit, decimals=decimals,
                dims=tuple(sorted(dims)), category=category)


def synthetic_facts() -> list[Fact]:
    g = "us-gaap:"
    return [
        # income statement, two quarters and a half year
        fact(g + "Revenues", Q4, "26741000"), fact(g + "Revenues", Q4_PRIOR, "15683000"),
        fact(g + "CostOfRevenue", Q4, "16443000"), fact(g + "CostOfRevenue", Q4_PRIOR, "9272000"),
        fact(g + "GrossProfit", Q4, "10298000"), fact(g + "GrossProfit", Q4_PRIOR, "6411000"),
        fact(g + "Revenues", H2, "51200000", decimals=-5, category="narrative"),
        fact(g + "NetIncomeLoss", Q4, "-1234000"), fact(g + "NetIncomeLoss", Q4_PRIOR, "250000"),
        fact(g + "EarningsPerShareBasic", Q4, "-0.39", unit="USD/shares", decimals=2),
        fact(g + "EarningsPerShareDiluted", Q4, "-0.39", unit="USD/shares", decimals=2),
        fact(g + "EarningsPerShareBasic", Q4_PRIOR, "0.08", unit="USD/shares", decimals=2),
        fact(g + "WeightedAverageNumberOfSharesOutstandingBasic", Q4, "3164000", unit="shares"),
        fact(g + "WeightedAverageNumberOfSharesOutstandingBasic", Q4_PRIOR, "3125000", unit="shares"),
        # balance sheet, two instants
        fact(g + "CashAndCashEquivalentsAtCarryingValue", BS, "5263000"),
        fact(g + "CashAndCashEquivalentsAtCarryingValue", BS_PRIOR, "11261000"),
        fact(g + "Liabilities", BS, "20000000"), fact(g + "StockholdersEquity", BS, "30000000"),
        fact(g + "LiabilitiesAndStockholdersEquity", BS, "50000000"), fact(g + "Assets", BS, "50000000"),
        fact(g + "Liabilities", BS_PRIOR, "18000000"), fact(g + "StockholdersEquity", BS_PRIOR, "-2000000"),
        fact(g + "LiabilitiesAndStockholdersEquity", BS_PRIOR, "16000000"),
        # issuer extension concept
        fact("acme:LicenseAndMilestoneFees", Q4, "1500000"),
        # guidance: a revenue range and a point EPS forecast
        fact(g + "Revenues", Q1_NEXT, "70000000", decimals=-6, category="guidance",
             dims=(FORECAST, ("srt:RangeAxis", "srt:MinimumMember"))),
        fact(g + "Revenues", Q1_NEXT, "75000000", decimals=-6, category="guidance",
             dims=(FORECAST, ("srt:RangeAxis", "srt:MaximumMember"))),
        fact(g + "EarningsPerShareDiluted", Q1_NEXT, "0.12", unit="USD/shares", decimals=2, category="guidance",
             dims=(FORECAST,)),
    ]


def synthetic_result(facts=None, **info) -> ConversionResult:
    taxonomy = load_taxonomy(TAXONOMY_FILE).extend("acme", ACME_NS, {
        "acme:LicenseAndMilestoneFees": {"type": "monetary", "period": "duration", "balance": "credit",
                                         "label": "License & milestone fees <net> \"]]>\""}})
    entity = Entity(scheme="cik", identifier="855654", name="Acme & Sons <Holdings> \"Inc\"", ticker="ACME")
    doc = DocumentInfo(source="acme-q4.htm", layout="html", document_type="8-K", period_end=date(2016, 12, 31),
                       issuer_prefix="acme")
    if info:
        doc = replace(doc, **info)
    return ConversionResult(facts=list(synthetic_facts() if facts is None else facts), entity=entity,
                            taxonomy=taxonomy, info=doc)
