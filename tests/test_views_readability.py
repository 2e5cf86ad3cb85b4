"""The readability section's headline: it names its measure and why, and shows the
spread across formulas as its uncertainty; article-derived text stays escaped."""

from __future__ import annotations

import pytest

from analysis.article import parse_text
from analysis.paths import SEED_ARTICLE
from analysis.readability import readability, readability_of_text
from analysis.views import readability as view


@pytest.fixture(scope="module")
def seed():
    return readability(parse_text(SEED_ARTICLE.read_text(encoding="utf-8"), id="seed"))


def test_statement_names_the_measure_the_reason_and_the_spread(seed):
    text = view.headline_statement(seed)
    assert "New Dale-Chall" in text
    assert "best ranks the harder version" in text  # why
    lo, hi = seed["headline_range"]
    assert f"between grade {lo:.1f} and {hi:.1f}" in text
    assert f"a spread of {hi - lo:.1f} grades" in text


def test_spread_table_holds_the_headline_and_every_grade_formula_hardest_first(seed):
    df = view.headline_spread_table(seed)
    grades = [float(g) for g in df["US grade"][:-1]]  # the last row is the consensus
    assert grades == sorted(grades, reverse=True)
    assert len(grades) == len(view.SPREAD_MEASURES)
    assert (min(grades), max(grades)) == pytest.approx(tuple(seed["headline_range"]), abs=0.05)
    assert df["Measure"].iloc[-1].startswith("Consensus")


def test_headline_html_leads_with_the_headline_grade_and_explains_it(seed):
    out = view.headline_html(seed)
    assert out.index("Grade<") < out.index("Consensus grade")
    assert f"{seed['headline_grade']:.1f}" in out
    assert "Chall &amp; Dale" in out  # the statement, escaped


def test_no_statement_and_no_spread_without_a_headline():
    r = readability_of_text("")
    assert view.headline_statement(r) == ""
    assert view.headline_spread_table(r).empty


def test_sentence_table_is_the_charts_data():
    from analysis.views.readability import sentence_table

    r = {"sentence_grades": [
        {"index": 0, "paragraph": 0, "words": 21, "grade": 12.234},
        {"index": 1, "paragraph": 2, "words": 9, "grade": 4.05},
    ]}
    t = sentence_table(r)
    # 1-based numbers as the chart labels them; grades to one decimal as shown
    assert t.to_dict("records") == [
        {"Sentence": 1, "Paragraph": 1, "Words": 21, "Grade": 12.2},
        {"Sentence": 2, "Paragraph": 3, "Words": 9, "Grade": 4.0},
    ]
    assert sentence_table({}).empty
