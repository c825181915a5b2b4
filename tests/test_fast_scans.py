"""The quicker scans give what the plain ones they replace give: each is checked against the plain scan on
random strings built from the characters that decide it (blanks of every kind, the separator controls,
dotted and long letters, digits, parentheses)."""
from __future__ import annotations

import random
import re
from decimal import Decimal
from itertools import permutations

import regex

from converter.engine.release_calendar import _FY_END, _QUARTER_ENDED, _QUARTER_WORDS
from converter.engine.dates import _DAY_YEAR, day_years
from converter.engine.periods_text import PERIOD, _matches, _windows
from converter.engine.word_starts import search_at_words
from converter.readers import fixed_lines, fixed_segments
from converter.readers import cells, pdf_text
from converter.readers.fixed_lines import _TOKEN, Line, classify, _tokens
from converter.readers.headers import _MONTH_GLUE_HINT
from converter.readers.markdown import _RULE
from converter.readers.newswire import _GROUPED
from converter.readers.normalize import collapse_spaces
from converter.readers.pdf_model import figure_value
from converter.readers.pdf_placement import _leading_orders
from converter.readers.tokens import WORD
from converter.rulebook.index import _contains_keys, fold
from converter.rulebook.loader import load_rulebook
from converter.rulebook.match import phrase_rules, row_index


def _strings(pieces: list[str], count: int, longest: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, longest)))


def test_day_years_are_the_day_and_year_matches():
    pieces = ["1", "2", "0", "9", "3", " ", ",", "\u00a0", "\n", "\u0663", "a", "\t", "20", "19", "2019", "30, "]
    for text in _strings(pieces, 5000, 25, 1):
        assert [m.span() for m in day_years(text)] == [m.span() for m in _DAY_YEAR.finditer(text)], text


def test_search_at_words_is_search():
    pieces = ["fiscal ", "year ", "FISCAL ", "Year ", "ended ", "ending ", "December 31, 2024", "quarter ",
              "of ", "\u0130", "\u017f", "\u212a", "fiſcal ", "2024 ", " ", "x"]
    for text in _strings(pieces, 5000, 12, 2):
        got = search_at_words(_FY_END, text, text.lower(), ("fiscal", "year"))
        want = _FY_END.search(text)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), text


def test_quarter_ended_searched_at_its_words_is_search():
    pieces = ["first ", "Second ", "THIRD ", "fourth ", "fiscal ", "quarter ", "Q3 ", "q4 ", "Q", "of ", "2024, ",
              "which ", "ended ", "ending ", "on ", "September 30, 2024", "Oct. 31, 2025 ", "(Q4 FY24)", "\u0130",
              "\u017f", "\u212a", "equity ", "subsequent ", " ", "x"]
    for text in _strings(pieces, 5000, 14, 6):
        got = search_at_words(_QUARTER_ENDED, text, text.lower(), _QUARTER_WORDS)
        want = _QUARTER_ENDED.search(text)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), text


def test_search_at_words_sees_before_the_word():
    pattern = regex.compile(r"(?<!quarter\s)year\s+ended", regex.I)
    text = "the quarter year ended, the fiscal year ended"
    assert search_at_words(pattern, text, text.lower(), ("year",)).span() == pattern.search(text).span()


def _periods_by_word(sentence: str):
    """The scan _matches replaced: PERIOD tried at each word start of each window after the last match."""
    seen = -1
    for a, b in _windows(sentence):
        for w in re.compile(r"\b\w").finditer(sentence, max(a, seen), b):
            if w.start() >= seen and (m := PERIOD.match(sentence, w.start(), b)):
                seen = m.end()
                yield m


_PERIOD_PHRASES = [
    "for the three and nine months ended September 30, 2025", "in the six months ending June 30, 2024 and 2023",
    "during its fiscal year ended January 31, 2025", "over each of the fifty-two weeks ended May 3, 2025",
    "of the company's thirteen weeks then ended March 1, 2025", "Acme's twelve months ended December 31, 2024",
    "A.B&C's fourteen weeks ended April 5, 2025", "twenty six weeks ended June 28, 2025", "quarters ended June 30, 2025",
    "thirty-nine weeks ended Sept 27, 2025", "fifty-three weeks ended January 3, 2026",
    "13 weeks ended March 29, 2025", "6 and 9 months ended June 30, 2025", "52-weeks ended May 31, 2025",
    "1st quarter 2024", "2nd quarter of fiscal 2025", "4th quarter 2023", "fiscal years ended June 30, 2025", "year ended December 31, 2024",
    "for the fourth quarter of fiscal 2024", "in the 3rd quarter 2025", "the second-quarter of 2023",
    "third quarter of 2022", "during Q3 fiscal 2025", "of the Q4'24", "in fiscal year 2025 first quarter",
    "its FY 2024 fourth quarter", "for 3Q FY'25", "for the first nine months of fiscal 2025",
    "the first half of 2024", "first 6 months 2025", "as of December 31, 2025 and 2024", "at June 30, 2025",
    "on March 31, 2024", "for the full-year fiscal 2025", "in fiscal 2024", "FY'25", "calendar year 2024",
    "for 2025", "in 2024 and 2023", "to the same period of last year", "with the corresponding period in 2023",
    "versus the prior-year quarter", "vs. the prior period", "over the year-ago quarter", "a year ago",
    "a year earlier", "last year", "during the comparable prior-year period",
    "in the same period in the prior year"]


def _period_texts(count: int, seed: int):
    """Sentences of period phrases, each maybe cut short at either end, upper-cased, glued to the word before it, or with
    a letter spelt as one case folding reads as ASCII ("\u0130", "\u017f", the Kelvin sign)."""
    rng = random.Random(seed)
    noise = ["", " ", "\n", "revenue ", "was $1.2 million ", "-", "x", "'", "compared "]
    for _ in range(count):
        words = []
        for _phrase in range(rng.randint(1, 3)):
            phrase = rng.choice(_PERIOD_PHRASES)
            if rng.random() < 0.3:
                phrase = phrase[:rng.randint(0, len(phrase))]
            if rng.random() < 0.3:
                phrase = " ".join(phrase.split(" ")[rng.randint(1, 3):])
            if rng.random() < 0.2:
                phrase = phrase.upper()
            if rng.random() < 0.2:
                phrase = phrase.replace(" ", "", 1)
            if rng.random() < 0.2:
                phrase = phrase.replace("i", "\u0130", 1).replace("s", "\u017f", 1).replace("k", "\u212a", 1)
            words += [rng.choice(noise), phrase]
        yield " ".join(words)


def test_period_matches_are_period_at_every_word_start():
    for text in _period_texts(5000, 5):
        want = [(m.span(), m.groupdict()) for m in _periods_by_word(text)]
        assert [(m.span(), m.groupdict()) for m in _matches(text)] == want, text


def test_fixed_width_tokens_are_the_pattern_runs():
    pieces = ["a", " ", "  ", "\t", "\x1c", "\x1f", "\u00a0", "\u2003", "$", "1,2", "\x85", "\u3000", "(", "\x0b"]
    for text in _strings(pieces, 5000, 12, 3):
        assert [(t.text, t.start, t.end) for t in _tokens(text)] == \
            [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)], text


class _Block:
    def __init__(self, last: str):
        self.figures = [(last, None, False)]


def _leads_on(order, rows) -> bool:
    """The search _leading_orders replaced: each order tried against every pair of rows."""
    last = [figure_value(b.figures[-1][0]) for b in order]
    if any(v is None for v in last):
        return False
    return any(x is not y and (all(abs(last[c] - x[c] - y[c]) <= 1 for c in range(len(order)))
                               or all(abs(last[c] + x[c] - y[c]) <= 1 for c in range(len(order))))
               for x in rows for y in rows)


def test_leading_orders_are_the_orders_that_lead_on():
    rng = random.Random(4)
    values = ["10", "12", "(2)", "5", "7", "-", "abc", "1,000", "999", "3", "8", "2"]
    for _ in range(1000):
        ncols = rng.randint(2, 4)
        blocks = [_Block(rng.choice(values)) for _ in range(rng.randint(ncols, 6))]
        rows = [[Decimal(rng.choice([2, 3, 5, 7, -2, 10, 0, 1, -5, 8])) for _ in range(ncols)]
                for _ in range(rng.randint(2, 5))]
        rows.append(rows[0])   # the same row twice is not a pair
        want = {o for o in permutations(range(len(blocks)), ncols) if _leads_on([blocks[k] for k in o], rows)}
        assert _leading_orders(blocks, rows, ncols) == want


def test_cells_detection_reads_a_line_of_words_uncollapsed():
    """looks_like_cells tests a line with a word as printed: the word, the last character and a grouped
    figure are found there as in the collapsed line."""
    pieces = ["nil", "Nil ", "ab", "c", "  ", "\t", "\x0b", "\x1c", "\u2028", "\u00a0", " ", "1,234", ",", "5",
              ")", "%", "\u017f", "\u212a", "(", "x"]
    for text in _strings(pieces, 5000, 10, 5):
        if not text.strip():
            continue
        line = collapse_spaces(text)
        assert bool(WORD.search(text)) == bool(WORD.search(line)), text
        assert text.rstrip()[-1] == line[-1], text
        assert bool(_GROUPED.search(text)) == bool(_GROUPED.search(line)), text


def test_markdown_rule_holds_three_dashes():
    for text in _strings(["-", "--", ":", "|", " ", "\t", "a"], 5000, 12, 6):
        assert not _RULE.match(text) or "---" in text, text


def test_fixed_width_text_lines_classed_without_tokens(monkeypatch):
    """A line that no figure ends is classed without its tokens: as the token by token path classes it."""
    pieces = ["Net sales", " ", "  ", "    ", "\t", "$", "%", "1,234", "(5)", "2024", "December 31,", "Total",
              "n/m", "-", "\u00a0", "\x1c", "Three Months Ended", ".", "x", "\u2003"]
    lines = list(_strings(pieces, 3000, 9, 7))

    def classes():
        return [(ln.kind, ln.indent, ln.label, [(t.text, t.start, t.end, t.edge, t.numeric) for t in ln.tail])
                for ln in (classify(Line(0, text, 0, 0)) for text in lines)]
    fast = classes()
    monkeypatch.setattr(fixed_lines, "_SEPARATOR", regex.compile(""))   # every line by its tokens
    assert fast == classes()


def test_month_glue_hint_is_a_letter_then_a_month_capital():
    plain = regex.compile(r"[a-z][ADFJMNOS]")
    for text in _strings(["a", "z", "A", "S", "B", "s", " ", "\u00e9", "D", "1", "Ended", "September"], 5000, 10, 8):
        assert bool(_MONTH_GLUE_HINT.search(text)) == bool(plain.search(text)), text


def test_end_patterns_searched_near_the_end_only():
    """Each AtEnd pattern finds, from its `longest` characters before the end, what a search from the start
    finds."""
    patterns = [cells._CONTINUATION_END, pdf_text._CONTINUATION_END, fixed_segments._NAME_END,
                fixed_segments._CONTINUES, fixed_segments._BROKEN_OFF]
    pieces = ["of", "related", "Related", "including", "excluding", "than", "net", "Holdings.", "Bancorp.", "Inc.",
              "L.P.", "a", "x", " ", ",", "-", "(", "/", "\n", "\u017f", "ſ", "\u0130", "K", "\u212a", "before", "per"]
    for text in _strings(pieces, 5000, 6, 9):
        for p in patterns:
            got, want = p.search(text), p.pattern.search(text)
            assert (got and got.span()) == (want and want.span()), (text, p.pattern.pattern)


def test_pdf_lines_with_words_are_no_marks_figures_or_days():
    """The PDF text reader tries a line with a word as none of these."""
    from converter.readers.pdf_columns import figure_line, is_mark_line
    pieces = ["US", "$", "(1)", "*", "30,", "1,234", "nil", "abc", "Dec", " ", "\t", "%", "\u017f", "x"]
    for text in _strings(pieces, 5000, 6, 10):
        if WORD.search(text):
            assert not is_mark_line(text) and figure_line(text) is None, text
            assert not pdf_text._DAY.match(text.strip()) and not pdf_text._FOOTNOTE_MARK.match(text.strip()), text


def _random_tiling(rng: random.Random):
    """Segments of labels (some of them totals) and bands of figures, of sizes that often tile and often not."""
    from converter.model import Span
    from converter.readers.pdf_model import FigureBlock, LabelLine
    ncols = rng.randint(1, 3)
    segs, pos = [], 0
    for _ in range(rng.randint(1, 4)):
        seg = []
        for _ in range(rng.randint(1, 4)):
            seg.append(LabelLine(rng.choice(["Revenue", "Cost", "Other", "Total", "Total costs"]), Span(pos, pos + 1),
                                 False, pos))
            pos += 1
        segs.append(seg)
    bands = []
    for _ in range(rng.randint(0, 5)):
        size = rng.randint(1, 4)
        bands.append([FigureBlock([(rng.choice(["1", "2", "3", "5", "1.5", "(2)", "-"]), Span(pos, pos + 1),
                                    rng.random() < 0.05) for _ in range(size)], pos, pos + size)
                      for _ in range(ncols)])
        pos += size
    return segs, bands


def test_tile_counts_what_best_reading_counted_and_knows_when_running_on_adds_nothing():
    """best_reading used to count each segment's totals again after `tile`, and to tile again running on over
    headings every time; it now takes the count from `tile` and tiles again only when `tile` says it stopped
    where running on could go further."""
    from converter.readers.pdf_bands import tile
    from converter.readers.pdf_model import totals_confirmed
    rng = random.Random(7)
    stuck_seen = 0
    for _ in range(3000):
        segs, bands = _random_tiling(rng)
        whole = rng.random() < 0.5
        cells, used, confirmed, stuck = tile(segs, bands, whole, run_on=False)
        assert confirmed == sum(totals_confirmed(seg, cells) or 0 for seg in segs)
        more, more_used, _c, _s = tile(segs, bands, whole, run_on=True)
        stuck_seen += stuck
        if not stuck:
            assert (more, more_used) == (cells, used)
    assert stuck_seen > 50


def test_page_numbers_found_on_short_digit_lines_only():
    """page_number_lines runs its pattern only on lines of three characters at most, all digits: the same
    lines the pattern alone took, on lines of digits of every script, blanks and signs."""
    from converter.readers.pdf_columns import _BARE_INT
    pieces = ["1", "2", "3", "12", "0", " ", "\t", "\u00a0", "\u0663", "\u00b2", "\u2460", "a", "-", ".", "\f"]
    rng = random.Random(11)
    for _ in range(3000):
        lines = [(text, rng.randint(1, 6)) for text in _strings(pieces, rng.randint(0, 12), 5, rng.random())]
        for text, _page in lines:
            t = text.strip()
            assert bool(len(t) <= 3 and t.isdigit() and _BARE_INT.match(t)) == bool(_BARE_INT.match(t)), text


def _split_plainly(line: str):
    """The split split_wordless replaced: blanks found by the pattern `\\s`, on a stripped line."""
    from converter.engine.numbers import parse_figure
    out = []
    for p in [p for p in regex.split(r"\s+", line.strip()) if p]:
        if p in ("$", "US$"):
            continue
        q = p.lstrip("$")
        if q.startswith("(") and q.endswith(")") and len(q) > 2 and q[1] == "$":
            q = "(" + q[2:]
        if q.startswith("$("):
            q = q[1:]
        if parse_figure(q) is None:
            return None
        out.append(q)
    return out or None


def test_figure_lines_split_as_by_the_blank_pattern():
    """split_wordless splits by str.split() unless a separator control is in the line, and figure_line no
    longer searches for a word after its rewriting: the same figures as the plain split of the rewritten
    line, on lines of figures, blanks of every kind, separator controls, marks and letters."""
    from converter.readers.pdf_columns import _SPACED_PAREN, _SPACED_PERCENT, _TRAILING_DOLLAR, figure_line
    from converter.readers.tokens import percent_outside, split_wordless
    pieces = ["1", "2,5", "00", ".5", " ", "  ", "\t", "\u00a0", "\u2003", "\x1c", "\x1f", "\x0b", "\f", "\x85",
              "$", "(", ")", "%", "-", "—", "US$", "nil", "n/a", "abc", "e", "\u0663"]
    for text in _strings(pieces, 20000, 8, 12):
        if not WORD.search(text):
            assert split_wordless(text) == _split_plainly(text), repr(text)
        t = text.strip()
        t = _SPACED_PAREN.sub(")", _SPACED_PERCENT.sub("%", t))
        want = None if WORD.search(text) else _split_plainly(percent_outside(t))
        got = figure_line(text)
        assert (got[0] if got else None) == want, repr(text)
        assert got is None or got[1] == bool(_TRAILING_DOLLAR.search(text.strip())), repr(text)


def test_blocks_of_values_alone_kept_whole_as_their_kind_runs_would_give_them():
    """value_blocks keeps a block with no percentage as it is, without cutting it into runs of one kind: the
    same figures, lines and marks as the plain cut, on blocks of values, nil marks and percentages."""
    from converter.model import Span
    from converter.readers.pdf_model import FigureBlock
    from converter.readers.pdf_percent import _alternating_values, _kind_runs, is_percent, value_blocks

    def plain(blocks):
        out = []
        for block in blocks:
            alternating = _alternating_values(block)
            if alternating is not None:
                out.append(alternating)
                continue
            runs = _kind_runs(block)
            if len(runs) == 1 and len(block) == 1:
                out.append(block)
                continue
            out.extend(run for run in runs if not any(is_percent(f) for f, _s, _t in run.figures))
        return out

    def fields(blocks):
        return [(b.figures, b.first, b.last, b.mark_after) for b in blocks]

    rng = random.Random(5)
    for _ in range(3000):
        blocks = []
        for _ in range(rng.randint(1, 4)):
            first, size = rng.randint(0, 50), rng.randint(1, 6)
            figures = [(rng.choice(["1,234", "(5)", "-", "*", "0.5", "12%", "(3)%", "—"]), Span(k, k + 1),
                        rng.random() < 0.1) for k in range(size)]
            blocks.append(FigureBlock(figures, first, first + size - 1, rng.random() < 0.3))
        assert fields(value_blocks(blocks)) == fields(plain(blocks))


def test_mark_and_footnote_patterns_tried_only_on_lines_that_begin_as_they_do():
    """is_mark_line runs its pattern only on lines that begin with '$' or 'U', and the reader its footnote
    pattern only on lines that begin with '(' or '*': the same answers as the patterns alone."""
    from converter.readers.pdf_columns import _MARK_LINE, is_mark_line
    pieces = ["US", "U", "S", "$", "(", ")", "1", "12", "*", " ", "\t", "\u00a0", "\x1c", "\n", "x"]
    for text in _strings(pieces, 20000, 6, 13):
        t = text.strip()
        assert is_mark_line(text) == bool(_MARK_LINE.match(t)), repr(text)
        assert not pdf_text._FOOTNOTE_MARK.match(t) or t[:1] in ("(", "*"), repr(text)


def _plain_candidates(index, text: str) -> list:
    """The lookup candidates() replaced: the text's trigrams as a set, then _contains_keys per pattern."""
    folded = text.casefold()
    grams = frozenset(folded[i:i + 3] for i in range(len(folded) - 2))
    found = set(index.always).union(*(index.by_trigram[g] for g in grams & index._keys))
    return [index._resolved[n] for n in sorted(found) if _contains_keys(fold(text), index._options[n])]


def test_candidates_are_the_plain_lookup():
    """The shipped row and phrase indexes, on labels and sentences pieced from their own literals (so that many
    patterns are called up and many turned away), case changed and spelt with letters that fold to ASCII."""
    book = load_rulebook(None)
    indexes = [row_index(book)] + [phrase_rules(book, pos, "narrative")[1] for pos in ("before", "after")]
    for n, index in enumerate(indexes):
        literals = sorted({lit for options in index._options for option in options for lit in option})
        pieces = literals + [" ", "  ", ", ", "(", ")", "\u0130", "\u017f", "\u212a", "ß", "1,234", "net ", "TOTAL "]
        for text in _strings(pieces, 3000, 8 if n == 0 else 40, 20 + n):
            if text and text[0] == "t":
                text = text.upper()
            assert index.candidates(text) == _plain_candidates(index, text), text


def _dateline_plain(text: str):
    """The dateline reading _last_ends_from sped up: the last sentence end looked for from the line's start."""
    from converter.engine.dates import full_dates, make_date
    from converter.engine.release_date import (ANNOUNCE_REACH, _ANNOUNCES, _DASH_AFTER, _MARKUP, _PLACE,
                                               _SENTENCE_END, _WIRE_AFTER, _WIRE_BEFORE, LINE_START)
    weak = None
    for m in full_dates(text):
        d = make_date(m["m"], m["d"], m["y"])
        if d is None:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start:m.start()]
        if len(before) > LINE_START:
            ends = list(_SENTENCE_END.finditer(before))
            before = before[ends[-1].end():] if ends else before
            if len(before) > LINE_START:
                continue
        opens = not before.strip(_MARKUP)
        if _PLACE.search(before) or _WIRE_BEFORE.search(before) or (opens and _WIRE_AFTER.match(text, m.end())):
            return d
        if weak is None and opens and _DASH_AFTER.match(text, m.end()) \
                and _ANNOUNCES.search(text, m.end(), min(len(text), m.end() + ANNOUNCE_REACH)):
            weak = d
    return weak


def test_dateline_finds_the_last_sentence_end_near_the_date_as_from_the_line_start():
    """Long lines of sentences, blanks of every kind (a run of them may span the point the look starts at),
    quotes and capitals, with datelines and other dates along them."""
    from converter.engine.release_date import _SENTENCE_END, _last_ends_from, dateline
    pieces = ["SANTA CLARA, Calif., ", "Jan. 5, 2024 ", "-- Acme ", "(GLOBE NEWSWIRE) ", ". ", '." ', "’ ", ") ",
              "! ", "? ", "     ", "\u00a0\u2028 ", "\x1c", "\t", "\n", "We ", "said ", "x" * 37, "Revenue rose",
              "On March 3, 2023, ", "NEW YORK, NY / ACCESS Newswire / ", "Feb 29, 2023 ", "A", "."]
    for text in _strings(pieces, 3000, 40, 30):
        assert dateline(text) == _dateline_plain(text), text
        line = text.replace("\n", " ")
        for end in range(0, len(line), 7):
            before = line[:end]
            whole = list(_SENTENCE_END.finditer(before))
            tail = list(_SENTENCE_END.finditer(before, _last_ends_from(before)))
            if whole and len(before) - whole[-1].end() <= 120:
                assert tail and tail[-1].span() == whole[-1].span(), before
            else:
                assert not tail or len(before) - tail[-1].end() > 120, before
