"""The published readability formulas on one set of :class:`Counts`, their consensus,
and what their numbers mean (grade bands, Flesch bands, Dale-Chall levels).

Every formula is a pure function of the counts; its docstring cites the publication.
The bands and tables are data in ``data/readability.yaml``, read on first use.
"""

from __future__ import annotations

import math
from typing import Any

from analysis.readability_counts import Counts, unpack
from analysis.readability_knowledge import readability_knowledge

SMOG_MIN_SENTENCES = 30
CONSENSUS_FORMULAS = (
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
)


def flesch_reading_ease(c: Counts) -> float | None:
    """Flesch Reading Ease, 0 (hard) to 100 (easy); Flesch (1948), "A new readability
    yardstick", J. Applied Psychology 32: 206.835 - 1.015 (words/sentences)
    - 84.6 (syllables/words)."""
    if not c.words or not c.sentences:
        return None
    return 206.835 - 1.015 * c.words / c.sentences - 84.6 * c.syllables / c.words


def flesch_kincaid_grade(c: Counts) -> float | None:
    """Flesch-Kincaid grade level (US school grade); Kincaid, Fishburne, Rogers & Chissom
    (1975), Navy research report 8-75: 0.39 (words/sentences) + 11.8 (syllables/words)
    - 15.59."""
    if not c.words or not c.sentences:
        return None
    return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59


def gunning_fog(c: Counts) -> float | None:
    """Gunning Fog index (US grade); Gunning (1952), The Technique of Clear Writing:
    0.4 (words/sentences + 100 hard words/words). Hard words have three or more
    syllables, leaving out capitalised words, combinations of short easy words and
    words made three syllables by -ed, -es or -ing."""
    if not c.words or not c.sentences:
        return None
    return 0.4 * (c.words / c.sentences + 100 * c.complex_words / c.words)


def smog_index(c: Counts) -> float | None:
    """SMOG grade (US grade); McLaughlin (1969), "SMOG grading: a new readability
    formula", J. Reading 12(8): 1.0430 sqrt(polysyllables x 30/sentences) + 3.1291.
    Defined for samples of 30 sentences; shorter texts are scaled to 30 sentences, and
    :func:`readability` reports ``smog_valid`` false for them."""
    if not c.sentences:
        return None
    return 1.0430 * math.sqrt(c.polysyllables * SMOG_MIN_SENTENCES / c.sentences) + 3.1291


def coleman_liau_index(c: Counts) -> float | None:
    """Coleman-Liau index (US grade); Coleman & Liau (1975), "A computer readability
    formula designed for machine scoring", J. Applied Psychology 60(2): 0.0588 L
    - 0.296 S - 15.8, L letters and S sentences per 100 words (letters only: not
    digits or punctuation)."""
    if not c.words:
        return None
    return 0.0588 * 100 * c.letters / c.words - 0.296 * 100 * c.sentences / c.words - 15.8


def automated_readability_index(c: Counts) -> float | None:
    """Automated Readability Index (US grade); Senter & Smith (1967), AMRL-TR-66-220, in
    the form of Smith & Kincaid (1970): 4.71 (letters/words) + 0.5 (words/sentences)
    - 21.43; letters only, no punctuation."""
    if not c.words or not c.sentences:
        return None
    return 4.71 * c.letters / c.words + 0.5 * c.words / c.sentences - 21.43


def dale_chall(c: Counts) -> float | None:
    """Dale-Chall score (4.9 and below: grade 4 and below ... 10 and above: college
    graduate); Dale & Chall (1948), "A formula for predicting readability", Educational
    Research Bulletin 27: 0.1579 PDW + 0.0496 ASL, plus 3.6365 when more than 5% of
    the words are unfamiliar (PDW: percentage of words not familiar; ASL: words per
    sentence)."""
    if not c.words or not c.sentences:
        return None
    pdw = 100 * c.unfamiliar_words / c.words
    score = 0.1579 * pdw + 0.0496 * c.words / c.sentences
    return score + 3.6365 if pdw > 5 else score


def dale_chall_new(c: Counts) -> float | None:
    """New Dale-Chall cloze score (higher is easier); Chall & Dale (1995), Readability
    Revisited: 64 - 0.95 PDW - 0.69 ASL, read as a grade band by
    :func:`dale_chall_new_level`."""
    if not c.words or not c.sentences:
        return None
    return 64 - 0.95 * 100 * c.unfamiliar_words / c.words - 0.69 * c.words / c.sentences


def dale_chall_new_level(cloze: float | None) -> dict[str, Any] | None:
    """Chall & Dale (1995) reading level of a cloze score: ``{"level": "9-10", "grade"}``."""
    if cloze is None:
        return None
    for row in readability_knowledge()["new_dale_chall_levels"]:
        if round(cloze) >= row["min"]:
            return {"level": str(row["level"]), "grade": float(row["grade"])}
    return None


NEW_DALE_CHALL_MAX_CLOZE = 64.0  # the cloze formula's constant: no unfamiliar word


def dale_chall_new_grade(cloze: float | None) -> float | None:
    """US school grade of a New Dale-Chall cloze score, read from Chall & Dale's (1995)
    table of cloze scores and reading levels (Readability Revisited; the rows are
    ``new_dale_chall_levels`` in ``data/readability.yaml``), linearly within a band.

    A band of cloze scores ``min`` to the next band's ``min - 1`` (the table is read on
    rounded scores, so the band runs from ``min - 0.5`` up to the next band's
    ``min - 0.5``) covers its grades ``first`` to ``last``, that is the grade interval
    from ``first`` (easy end) to ``last + 1`` (hard end), where the next harder band
    starts: cloze 42, in the band 40-44 (grades 5-6), gives 5 + 2 (44.5 - 42) / 5 = 6.0.
    The easiest band runs up to the formula's maximum, cloze 64 (grade 1); the hardest,
    "16+", is grade 16 throughout. The interpolation is this project's reading of the
    table, not Chall & Dale's: it keeps the order of the cloze scores (no ties inside a
    band), which is what the headline needs (``docs/readability.md``)."""
    if cloze is None:
        return None
    rows = readability_knowledge()["new_dale_chall_levels"]
    upper = NEW_DALE_CHALL_MAX_CLOZE
    for k, row in enumerate(rows):
        first, last = row["grades"]
        if k == len(rows) - 1:  # the open-ended hardest band
            return float(first)
        lower = row["min"] - 0.5
        if cloze >= lower:
            if cloze >= upper:
                return float(first)
            return first + (last + 1 - first) * (upper - cloze) / (upper - lower)
        upper = lower
    return None


# The headline grade: chosen on the OneStopEnglish development excerpts as the measure
# that best orders the same passage's three levels (bench/bench_readability.py,
# docs/readability.md). Its uncertainty is the spread of the formulas that give a US
# grade (GRADE_SCALE_FORMULAS and the headline itself).
HEADLINE_MEASURE = "dale_chall_new_grade"
GRADE_SCALE_FORMULAS = (*CONSENSUS_FORMULAS, "linsear_write")


def headline(c: Counts) -> dict[str, Any]:
    """The headline grade of one set of counts, unrounded: ``headline_grade`` (a US
    grade, higher is harder: :func:`dale_chall_new_grade` of :func:`dale_chall_new`),
    ``headline_measure`` (its name, :data:`HEADLINE_MEASURE`) and ``headline_range``
    (lowest and highest US grade given by the headline and the grade formulas
    :data:`GRADE_SCALE_FORMULAS`, the spread shown as its uncertainty). All None when
    there is nothing to measure."""
    grade = dale_chall_new_grade(dale_chall_new(c))
    if grade is None:
        return {"headline_grade": None, "headline_measure": None, "headline_range": None}
    every = scores(c)
    values = [grade, *(v for k in GRADE_SCALE_FORMULAS if (v := every[k]) is not None)]
    return {
        "headline_grade": grade,
        "headline_measure": HEADLINE_MEASURE,
        "headline_range": [min(values), max(values)],
    }


def dale_chall_level(score: float | None) -> str | None:
    """US grade band of a Dale-Chall (1948) score, from Dale & Chall's correction table
    (``data/readability.yaml``): 8.34 -> "11-12"."""
    if score is None:
        return None
    for row in readability_knowledge()["dale_chall_levels"]:
        if score >= row["min"]:
            return str(row["level"])
    return None


def linsear_write(c: Counts) -> float | None:
    """Linsear Write (US grade); O'Hayre (1966), Gobbledygook Has Gotta Go, US Bureau of
    Land Management: r = (easy words + 3 hard words)/sentences, easy = up to two
    syllables, hard = three or more; grade = r/2 if r > 20 else (r - 2)/2. Defined on a
    100-word sample; the ratio is the same for any length, so it is applied to the
    whole text."""
    if not c.words or not c.sentences:
        return None
    r = (c.words - c.polysyllables + 3 * c.polysyllables) / c.sentences
    return r / 2 if r > 20 else (r - 2) / 2


GRADE_FORMULAS = {
    "flesch_kincaid_grade": flesch_kincaid_grade,
    "gunning_fog": gunning_fog,
    "smog_index": smog_index,
    "coleman_liau_index": coleman_liau_index,
    "automated_readability_index": automated_readability_index,
}


def consensus(c: Counts) -> tuple[float | None, float | None, list[float]]:
    """Mean, spread (max - min) and values of the five grade formulas
    (:data:`CONSENSUS_FORMULAS`) on the same counts."""
    values = [v for f in GRADE_FORMULAS.values() if (v := f(c)) is not None]
    if not values:
        return None, None, []
    return sum(values) / len(values), max(values) - min(values), values


def packed_grade_entry(
    entry: dict[str, Any], words: int, sentences: int, packed: int
) -> dict[str, Any]:
    """``entry`` (a sentence's or paragraph's position fields) completed with its
    :func:`consensus` grade and spread, rounded to 2 decimals, and its counts, from its
    packed per-token totals (see :func:`analysis.readability_counts.unpack`): the same
    arithmetic as the five formula functions, in one call (a batch needs thousands)."""
    syl, letters, poly, cplx, unf = unpack(packed)
    if words and sentences:
        fk = 0.39 * words / sentences + 11.8 * syl / words - 15.59
        fog = 0.4 * (words / sentences + 100 * cplx / words)
        smog = 1.0430 * math.sqrt(poly * SMOG_MIN_SENTENCES / sentences) + 3.1291
        cl = 0.0588 * 100 * letters / words - 0.296 * 100 * sentences / words - 15.8
        ari = 4.71 * letters / words + 0.5 * words / sentences - 21.43
        entry["grade"] = round((fk + fog + smog + cl + ari) / 5, 2)
        entry["spread"] = round(max(fk, fog, smog, cl, ari) - min(fk, fog, smog, cl, ari), 2)
    else:
        grade, spread, _ = consensus(Counts(sentences, words, syl, letters, poly, cplx))
        entry["grade"] = round2(grade)
        entry["spread"] = round2(spread)
    entry["words"] = words
    entry["syllables"] = syl
    entry["long_words"] = poly
    entry["complex_words"] = cplx
    entry["unfamiliar_words"] = unf
    return entry


# --- meanings ---------------------------------------------------------------------


def grade_meaning(
    grade: float | None, news_range: str = "news_typical_range"
) -> dict[str, Any] | None:
    """A US school grade in words, with the typical range of general news on the same
    measure: ``news_range`` names the range in ``data/readability.yaml``
    (``news_typical_range`` for the consensus grade, ``headline_news_typical_range``
    for the headline grade)."""
    if grade is None:
        return None
    news = readability_knowledge()[news_range]
    for band in readability_knowledge()["grade_bands"]:
        if grade <= band["max"]:
            if grade < news["low"]:
                rel = "easier than most general news"
            elif grade > news["high"]:
                rel = "harder than most general news"
            else:
                rel = "within the usual range of general news"
            return {
                "label": band["label"],
                "meaning": band["meaning"],
                "news_typical_range": [news["low"], news["high"]],
                "compared_with_news": rel,
                "news_range_source": news["source"],
            }
    return None


def flesch_band(score: float | None) -> str | None:
    """Flesch (1949) description of a Reading Ease score."""
    if score is None:
        return None
    for band in readability_knowledge()["flesch_bands"]:
        if score >= band["min"]:
            return band["label"]
    return None



def round2(x: float | None, nd: int = 2) -> float | None:
    """``x`` rounded to ``nd`` decimals (2 by default), None kept: how every figure of
    the ``analyze`` contract is rounded."""
    return None if x is None else round(float(x), nd)


def scores(c: Counts) -> dict[str, float | None]:
    """Every formula on one set of counts, unrounded."""
    return {
        "flesch_reading_ease": flesch_reading_ease(c),
        "flesch_kincaid_grade": flesch_kincaid_grade(c),
        "gunning_fog": gunning_fog(c),
        "smog_index": smog_index(c),
        "coleman_liau_index": coleman_liau_index(c),
        "automated_readability_index": automated_readability_index(c),
        "dale_chall": dale_chall(c),
        "dale_chall_new": dale_chall_new(c),
        "linsear_write": linsear_write(c),
    }


SCORE_NAMES = (*scores(Counts()), "consensus_grade", "consensus_spread")
