"""The headline grade: the New Dale-Chall cloze score read as a US grade from Chall &
Dale's (1995) table, and the ``analyze`` contract fields that carry it.

The table (Chall & Dale 1995, Readability Revisited: The New Dale-Chall Readability
Formula, Brookline Books; rows in ``data/readability.yaml``): cloze 58 and above ->
level 1, 54-57 -> 2, 50-53 -> 3, 45-49 -> 4, 40-44 -> 5-6, 34-39 -> 7-8, 28-33 -> 9-10,
22-27 -> 11-12, 16-21 -> 13-15, 15 and below -> 16+. Expected grades below are worked
out by hand from it (comment on each line), with the interpolation documented in
:func:`analysis.readability_formulas.dale_chall_new_grade`.
"""

from __future__ import annotations

import pytest

from analysis.article import parse_text
from analysis.paths import SEED_ARTICLE
from analysis.pipeline import analyze_article
from analysis.readability import (
    CONSENSUS_FORMULAS,
    Counts,
    dale_chall_new,
    dale_chall_new_grade,
    dale_chall_new_level,
    readability,
    readability_of_text,
)
from analysis.readability_formulas import GRADE_SCALE_FORMULAS, HEADLINE_MEASURE


@pytest.mark.parametrize(
    ("cloze", "grade"),
    [
        (42, 6.0),  # band 40-44 = 39.5..44.5 -> grades 5..7: 5 + 2 * (44.5 - 42) / 5
        (28, 9 + 2 * 5.5 / 6),  # band 28-33 = 27.5..33.5 -> 9..11: 10.833
        (44.5, 5.0),  # easy end of band 5-6
        (39.5, 7.0),  # hard end of band 5-6 = easy end of band 7-8
        (60, 1 + 4 / 6.5),  # band 58+ = 57.5..64 -> grades 1..2: 1.615
        (64, 1.0),  # the formula's maximum
        (57.5, 2.0),  # boundary of levels 1 and 2
        (24.22, 11 + 2 * (27.5 - 24.22) / 6),  # band 22-27 -> 11..13: 12.093 (the seed)
        (16.0, 13 + 3 * (21.5 - 16.0) / 6),  # band 16-21 = 15.5..21.5 -> 13..16: 15.75
        (15.4, 16.0),  # 16+ is grade 16 throughout
        (-3.0, 16.0),
    ],
)
def test_cloze_is_read_as_a_grade_from_chall_and_dale_table(cloze, grade):
    assert dale_chall_new_grade(cloze) == pytest.approx(grade, abs=1e-9)


def test_no_cloze_no_grade():
    assert dale_chall_new_grade(None) is None


def test_a_lower_cloze_is_always_a_higher_grade_down_to_16():
    clozes = [64 - 0.25 * k for k in range(int((64 - 15.5) / 0.25) + 1)]
    grades = [dale_chall_new_grade(c) for c in clozes]
    assert all(b > a for a, b in zip(grades, grades[1:], strict=False))


@pytest.mark.parametrize("cloze", [63.2, 55.0, 51.3, 46.8, 41.0, 36.6, 30.1, 23.9, 18.2, 10.0])
def test_the_grade_lies_in_the_band_of_the_published_level(cloze):
    level = dale_chall_new_level(cloze)["level"]
    first = int(level.split("-")[0].rstrip("+"))
    last = int(level.split("-")[-1].rstrip("+"))
    assert first <= dale_chall_new_grade(cloze) <= last + 1


@pytest.fixture(scope="module")
def seed():
    return readability(parse_text(SEED_ARTICLE.read_text(encoding="utf-8"), id="seed"))


def test_contract_has_the_headline_beside_every_formula_and_the_consensus(seed):
    for key in ("headline_grade", "headline_measure", "headline_range", "headline_meaning",
                "consensus_grade", "consensus_range", "dale_chall_new", *CONSENSUS_FORMULAS,
                "linsear_write", "dale_chall", "flesch_reading_ease"):
        assert seed[key] is not None, key
    assert seed["headline_measure"] == HEADLINE_MEASURE == "dale_chall_new_grade"


def test_headline_grade_is_what_its_measure_says(seed):
    # recomputed from the contract's own counts, not from the code's total
    c = Counts(sentences=seed["sentences"], words=seed["words"],
               unfamiliar_words=seed["unfamiliar_words"])
    assert seed["headline_grade"] == pytest.approx(dale_chall_new_grade(dale_chall_new(c)),
                                                   abs=0.005)
    level = seed["dale_chall_new_level"]["level"]  # "11-12" for the seed
    first, last = (int(x) for x in level.split("-"))
    assert first <= seed["headline_grade"] <= last + 1
    assert seed["headline_meaning"]["label"]  # the grade in words


def test_headline_range_spans_the_headline_and_every_grade_formula(seed):
    lo, hi = seed["headline_range"]
    values = [seed["headline_grade"], *(seed[k] for k in GRADE_SCALE_FORMULAS)]
    assert lo == min(values) and hi == max(values)
    assert lo <= seed["headline_grade"] <= hi


def test_no_headline_without_english_body_text():
    empty = readability_of_text("")
    french = readability_of_text(
        "Le président a déclaré que le gouvernement allait réformer les retraites. "
        "Les syndicats ont annoncé une grève pour la semaine prochaine.", language="fr")
    for r in (empty, french):
        assert r["headline_grade"] is None
        assert r["headline_measure"] is None
        assert r["headline_range"] is None


def test_analyze_writes_the_headline_into_the_readability_contract():
    out = analyze_article(parse_text(SEED_ARTICLE.read_text(encoding="utf-8"), id="seed"))
    r = out["readability"]
    assert r["headline_measure"] == "dale_chall_new_grade"
    assert isinstance(r["headline_grade"], float)
