"""Quote marks, cues, quote kinds and the evaluation scorer.

Each expected span below is read off the one-line example by hand.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from analysis.article import parse_text
from analysis.evaluation import annotated_spans, same_speaker, score_quotes, spans_match
from analysis.quotes import extract_quotes, quote_pairs
from analysis.sources import analyze_sources

FIXTURES = Path(__file__).parent / "fixtures"


def _quotes(body: str) -> list[dict]:
    return analyze_sources(parse_text("Headline here\n\n" + body + "\n", id="t"))["quotes"]


def _one(body: str) -> dict:
    qs = _quotes(body)
    assert len(qs) == 1, qs
    return qs[0]


def test_curly_pair_excludes_the_marks():
    pairs = quote_pairs("He said “yes” today.")
    assert [(p.open, p.close, p.closed) for p in pairs] == [(8, 12, True)]


def test_apostrophes_are_not_single_quote_marks():
    assert quote_pairs("It’s the workers’ union, isn’t it?") == []


def test_single_marks_are_primary_without_double_marks():
    text = "‘We’re ready,’ she said."
    (p,) = quote_pairs(text)
    assert text[p.open + 1 : p.close] == "We’re ready,"


def test_unclosed_quote_runs_to_paragraph_end():
    text = "“We will not stop"
    (p,) = quote_pairs(text)
    assert (p.open, p.close, p.closed) == (0, len(text), False)


def test_a_second_opening_mark_closes_the_unclosed_first():
    pairs = quote_pairs("“One “two”")
    assert [(p.open, p.close, p.closed) for p in pairs] == [(0, 4, False), (5, 9, True)]


def test_cue_after_quote_makes_a_direct_quote_with_inverted_speaker():
    q = _one("“We will rebuild,” said Maria Lopez, the mayor of Tarn.")
    assert (q["text"], q["kind"], q["cue"], q["speaker"]) == (
        "We will rebuild,", "direct", "said", "Maria Lopez")


def test_colon_introduces_a_direct_quote():
    q = _one("Tom Hale, a farmer, said: “The rain came too late.”")
    assert (q["text"], q["kind"], q["speaker"]) == ("The rain came too late.", "direct",
                                                    "Tom Hale")


def test_partial_quote_inside_reported_clause_is_mixed():
    q = _one("Energy Minister Ana Berg said the plan would “change everything” for farmers.")
    assert q["kind"] == "mixed"
    assert q["text"] == "the plan would “change everything” for farmers"
    assert q["speaker"] == "Ana Berg"


def test_said_that_is_indirect_without_that():
    q = _one("Carla Diaz said that the vote would be delayed.")
    assert (q["text"], q["kind"]) == ("the vote would be delayed", "indirect")


def test_said_without_that_needs_a_clause():
    assert _quotes("Carla Diaz stressed the importance of the vote.") == []
    q = _one("Carla Diaz stressed the vote would be delayed.")
    assert q["text"] == "the vote would be delayed"


def test_content_before_the_cue():
    q = _one("The bridge will reopen on Monday, the city council said.")
    assert (q["text"], q["speaker"]) == ("The bridge will reopen on Monday", "city council")


def test_according_to_puts_the_speaker_after_the_cue():
    q = _one("According to the World Bank, growth will slow to 2 percent.")
    assert (q["text"], q["speaker"]) == ("growth will slow to 2 percent", "World Bank")


def test_told_skips_the_audience():
    q = _one("Omar Said told reporters the strike was over.")
    assert (q["text"], q["cue"], q["speaker"]) == ("the strike was over", "told", "Omar Said")


def test_anonymous_source_speaks():
    q = _one("Talks will resume on Friday, a source familiar with the matter said.")
    assert q["speaker"] == "source familiar with the matter"
    r = analyze_sources(parse_text("H\n\nTalks will resume on Friday, officials said.\n", id="a"))
    assert r["sources"][0]["type"] == "anonymous"


def test_relative_clause_verb_is_not_a_cue():
    assert _quotes("The island, which Beijing claims as its own, was on the agenda.") == []


def test_scare_quotes_are_not_quotes():
    assert _quotes("The US has a policy of “strategic ambiguity” on the island.") == []


def test_quote_continued_over_paragraphs_keeps_one_speaker():
    body = ("“The first part goes on,” said Lena Vogt, an economist.\n\n“And the second "
            "paragraph opens again with no close.\n\n“Then it ends here.”")
    qs = _quotes(body)
    assert [q["speaker"] for q in qs] == ["Lena Vogt"] * 2
    # the second quotation runs over two paragraphs: one span, the break and the
    # repeated opening mark inside it, text equal to the slice of the input
    assert qs[1]["text"] == ("And the second paragraph opens again with no close.\n\n"
                             "“Then it ends here.")


def test_quote_continued_over_paragraphs_is_one_span_with_exact_offsets():
    text = ("Headline here\n\n“We lost the harvest,” said Tom Hale. “Then the bank "
            "called.\n\n“Then the rain came.\n\n“Then nothing.”\n")
    r = analyze_sources(parse_text(text, id="t"))
    q = r["quotes"][1]
    assert text[q["start"] : q["end"]] == q["text"]
    assert q["text"] == "Then the bank called.\n\n“Then the rain came.\n\n“Then nothing."
    assert (q["kind"], q["speaker"]) == ("direct", "Tom Hale")


def test_continued_quote_takes_the_cue_of_a_later_paragraph():
    body = ("Mara Lind, a farmer, spoke first.\n\n“The wells are dry.\n\n“The cattle are "
            "gone,” said Jon Berg, a vet.")
    qs = _quotes(body)
    assert len(qs) == 1 and qs[0]["speaker"] == "Jon Berg"
    assert qs[0]["text"] == "The wells are dry.\n\n“The cattle are gone,"


def test_closed_quote_then_new_paragraph_quote_stay_two():
    body = "“We are ready,” said Tom Hale.\n\n“We leave at dawn.”"
    assert [q["text"] for q in _quotes(body)] == ["We are ready,", "We leave at dawn."]


def test_subject_pronoun_opens_a_reported_clause():
    q = _one("Frank Doyle, 82, said he visits the library every week.")
    assert (q["text"], q["speaker"]) == ("he visits the library every week", "Frank Doyle")


def test_present_tense_verb_before_an_object_makes_a_clause():
    q = _one("Miners say the pause sends a worrying signal.")
    assert q["text"] == "the pause sends a worrying signal"
    assert _quotes("Carla Diaz stressed the rules of the game.") == []


def test_infinitive_after_urged_is_not_reported_speech_even_before_a_participle():
    qs = _quotes("Ana Berg urged both sides to return, warning that talks could fail.")
    assert [q["text"] for q in qs] == ["talks could fail"]


def test_participle_clause_ends_the_reported_content():
    q = _one("The chain warned that profits would fall, blaming rising wage bills.")
    assert q["text"] == "profits would fall"


def test_new_speech_verbs_complain_and_found():
    q = _one("Officials in Tokyo have complained that the rules are unfair.")
    assert q["text"] == "the rules are unfair"
    q = _one("Most patients recovered within a week, the study found.")
    assert (q["text"], q["speaker"]) == ("Most patients recovered within a week", "study")


def test_as_she_puts_it_introduces_a_quote():
    body = "Nina Roe left in May. The ward was, as she puts it, “a machine with no oil”."
    q = _one(body)
    assert (q["text"], q["speaker"]) == ("a machine with no oil", "Nina Roe")


def test_naming_verb_gives_a_short_quoted_phrase_to_its_subject():
    q = _one("Neil Calder described the game as ‘a free hit’.")
    assert (q["text"], q["kind"], q["speaker"]) == ("a free hit", "direct", "Neil Calder")


def test_naming_verb_in_a_relative_clause_gives_the_phrase_to_the_antecedent():
    qs = _quotes("The Royal College of Nursing, which has called the exodus a “slow-motion "
                 "crisis”, says pay is only part of the story.")
    assert [(q["text"], q["speaker"]) for q in qs] == [
        ("slow-motion crisis", "Royal College of Nursing"),
        ("pay is only part of the story", "Royal College of Nursing")]


def test_so_called_is_not_a_naming_verb():
    assert _quotes("The region is the so-called “lithium triangle” of South America.") == []


def test_colon_after_any_verb_of_the_speaker():
    q = _one("Asked about the team, Maria Lopez smiled: ‘Ask me on Friday.’")
    assert (q["text"], q["speaker"]) == ("Ask me on Friday.", "Maria Lopez")


def test_organisation_then_role_noun_speaks_as_the_organisation():
    q = _one("A Department of Health spokesperson said: “We are grateful to nurses.”")
    assert q["speaker"] == "Department of Health"


def test_inverted_speaker_after_a_role_word_is_the_person():
    q = _one("“We will fight on,” said resident Jane Morris, 38.")
    assert q["speaker"] == "Jane Morris"
    q = _one("“Pay the workers,” said Unite regional officer Mark Delaney.")
    assert q["speaker"] == "Mark Delaney"


def test_abbreviated_title_after_an_inverted_cue():
    q = _one("“These are not workouts,” said Dr. Helena Vos, an epidemiologist.")
    assert q["speaker"] == "Helena Vos"


def test_place_after_a_name_does_not_block_the_cue():
    q = _one("Sen. Mark Holloway of Ohio, who chairs a panel, said a delay would be unwise.")
    assert (q["text"], q["speaker"]) == ("a delay would be unwise", "Mark Holloway")


def test_name_and_colleagues_wrote():
    q = _one("Helena Vos and her colleagues wrote in the journal that the effect was large.")
    assert (q["text"], q["speaker"]) == ("the effect was large", "Helena Vos")


def test_nested_attribution_keeps_both_quotes():
    qs = _quotes("Laura Bennett, who drafted the rules, has argued that any delay would "
                 "be a mistake, two people familiar with her thinking said.")
    assert [(q["text"], q["speaker"]) for q in qs] == [
        ("Laura Bennett, who drafted the rules, has argued that any delay would be a "
         "mistake", "two people familiar with her thinking"),
        ("any delay would be a mistake", "Laura Bennett")]


def test_pronoun_takes_the_nearest_person():
    body = ("Ivan Petrov, a lawyer, said the case was weak.\n\n"
            "Anna Holm, a teacher, disagreed. “It is strong,” she said.")
    qs = _quotes(body)
    assert [q["speaker"] for q in qs] == ["Ivan Petrov", "Anna Holm"]


def test_surname_refers_back_to_the_full_name():
    body = "Nadia Kerr, a nurse, said staff were tired.\n\nKerr added that pay was low."
    assert [q["speaker"] for q in _quotes(body)] == ["Nadia Kerr", "Nadia Kerr"]


def test_extract_quotes_returns_mentions_outside_and_inside_quotes():
    a = parse_text("H\n\n“Paris is far,” said Jean Roux.\n", id="m")
    _, mentions = extract_quotes(a)
    assert [(m.name, m.in_quote) for m in mentions if m.kind == "person"] == [
        ("Jean Roux", False)]


def test_spans_match_needs_half_of_each():
    assert spans_match((0, 10), (5, 15))  # overlap 5 = half of each
    assert not spans_match((0, 10), (6, 16))  # overlap 4
    assert not spans_match((0, 4), (0, 10))  # overlap 4 < half of 10


def test_same_speaker_ignores_case_titles_and_accepts_surnames():
    assert same_speaker("Antony Blinken", "antony blinken")
    assert same_speaker("Blinken", "Antony Blinken")
    assert same_speaker("President Joe Biden", "Joe Biden")
    assert same_speaker("the White House", "White House")
    assert not same_speaker("Joe Biden", "Xi Jinping")
    assert not same_speaker(None, "Xi Jinping")


def test_score_quotes_hand_computed():
    gold = [{"start": 0, "end": 10, "speaker": "A B"}, {"start": 20, "end": 30, "speaker": "C"},
            {"start": 40, "end": 50, "speaker": "D"}]
    pred = [{"start": 1, "end": 10, "speaker": "B"}, {"start": 20, "end": 30, "speaker": "X"},
            {"start": 60, "end": 70, "speaker": "D"}, {"start": 80, "end": 90, "speaker": None}]
    # 2 of 4 predictions match 2 of 3 gold quotes; speakers right for 1 of the 2 matched
    assert score_quotes(pred, gold) == {
        "gold": 3, "predicted": 4, "matched": 2, "precision": 0.5, "recall": 0.667,
        "f1": 0.571, "speaker_accuracy": 0.5}


def test_composed_set_stays_accurate():
    """Regression guard on the composed, hand-annotated set (figures in docs/sources.md)."""
    ann = yaml.safe_load((FIXTURES / "attribution_set" / "annotations.yaml").read_text("utf-8"))
    pred_all, gold_all = [], []
    offset = 0
    for name, items in ann["articles"].items():
        text = (FIXTURES / "attribution_set" / name).read_text(encoding="utf-8")
        r = analyze_sources(parse_text(text, id=name))
        for q in r["quotes"]:
            pred_all.append({**q, "start": q["start"] + offset, "end": q["end"] + offset})
        for g in annotated_spans(text, items):
            gold_all.append({**g, "start": g["start"] + offset, "end": g["end"] + offset})
        offset += len(text) + 1
    score = score_quotes(pred_all, gold_all)
    assert score["gold"] >= 40
    assert score["f1"] >= 0.9 and score["speaker_accuracy"] >= 0.9, score


def test_according_to_a_phrase_without_a_known_name():
    q = _one("According to a large study published Monday, most patients recover.")
    assert (q["text"], q["speaker"]) == ("most patients recover", "large study")


def test_name_after_a_sentence_ending_in_a_full_word_is_found():
    body = ("Neil Calder was sacked in May.\n\n"
            "Rovers play on Saturday. Calder described the game as ‘a free hit’.")
    assert [(q["text"], q["speaker"]) for q in _quotes(body)] == [("a free hit", "Neil Calder")]


def test_pronoun_refers_to_the_subject_of_the_previous_paragraph():
    body = ("“Pay matters,” said Alison Greaves, a nurse.\n\n"
            "Back in Leicester, Tom Adeyemi, who works nights, has thought about leaving.\n\n"
            "“I’ve looked at the adverts,” he says.")
    assert [q["speaker"] for q in _quotes(body)] == ["Alison Greaves", "Tom Adeyemi"]


def test_possessor_is_not_the_antecedent_of_a_pronoun():
    body = ("“I stay,” said Tom Adeyemi, a nurse.\n\n"
            "He laughs at Christie Watson’s book. “I don’t read,” he says.")
    assert [q["speaker"] for q in _quotes(body)] == ["Tom Adeyemi", "Tom Adeyemi"]


def test_the_n_year_old_and_the_demonym_refer_back_to_a_person():
    body = ("Tyrone Mensah scored late. ‘I just attacked the ball,’ said the 19-year-old.\n\n"
            "The Scot, who has been under pressure, added that he was calm.")
    assert [q["speaker"] for q in _quotes(body)] == ["Tyrone Mensah", "Tyrone Mensah"]


def test_the_company_is_an_apposition_or_a_speaking_name_never_a_first_word():
    body = ("Brightline, the software company, announced that it would cut jobs.\n\n"
            "The company said it would hire again.")
    assert [q["speaker"] for q in _quotes(body)] == ["Brightline", "Brightline"]
    q = _one("Growth will slow, according to estimates from the central bank.")
    assert q["speaker"] == "central bank"


def _folder_score(folder: str) -> dict:
    """Quote and speaker scores of the rules over every article of an annotated fixture
    folder (offsets of each article shifted so that all are scored as one text)."""
    ann = yaml.safe_load((FIXTURES / folder / "annotations.yaml").read_text("utf-8"))
    pred_all, gold_all = [], []
    offset = 0
    for name, items in ann["articles"].items():
        text = (FIXTURES / folder / name).read_text(encoding="utf-8")
        r = analyze_sources(parse_text(text, id=name))
        for q in r["quotes"]:
            assert text[q["start"] : q["end"]] == q["text"]
            pred_all.append({**q, "start": q["start"] + offset, "end": q["end"] + offset})
        for g in annotated_spans(text, items):
            gold_all.append({**g, "start": g["start"] + offset, "end": g["end"] + offset})
        offset += len(text) + 1
    return score_quotes(pred_all, gold_all)


def test_blind_set_stays_accurate():
    """Regression guard on the blind set after tuning (docs/sources.md gives its honest
    first-run figures, F1 0.910 and speaker accuracy 0.783, the estimate for unseen
    text; these thresholds only stop the rules sliding back)."""
    score = _folder_score("attribution_blind")
    assert score["gold"] >= 120
    assert score["f1"] >= 0.95 and score["speaker_accuracy"] >= 0.9, score


def test_second_held_out_set_stays_accurate():
    """Regression guard on tests/fixtures/attribution_heldout (composed blind on
    2026-11-28). Its first-run figures with the role rules were F1 0.928 and speaker
    accuracy 0.786 (docs/sources.md); these thresholds only stop the rules sliding back."""
    score = _folder_score("attribution_heldout")
    assert score["gold"] == 114
    assert score["f1"] >= 0.9 and score["speaker_accuracy"] >= 0.78, score


def _pooled(folder: str) -> dict:
    """Issue 9's attribution figures pooled over an annotated fixture folder."""
    from analysis.evaluation import pooled_attribution, score_attribution

    ann = yaml.safe_load((FIXTURES / folder / "annotations.yaml").read_text("utf-8"))
    scores = []
    for name, items in ann["articles"].items():
        text = (FIXTURES / folder / name).read_text(encoding="utf-8")
        pred = analyze_sources(parse_text(text, id=name))["quotes"]
        scores.append(score_attribution(pred, annotated_spans(text, items)))
    return pooled_attribution(scores)


def test_tuning_set_stays_accurate():
    """Regression guard on tests/fixtures/attribution_tuning (composed 2026-11-29 to be
    tuned on). First run 0.875 / 0.869 / 0.915 speaker accuracy (nyt / ap / qa); after
    tuning 0.932 overall. These thresholds only stop the rules sliding back."""
    pooled = _pooled("attribution_tuning")
    assert pooled["gold"] == 218
    assert pooled["speaker_accuracy"] >= 0.92 and pooled["quote_speaker_f1"] >= 0.92, pooled


def test_house_style_set_stays_accurate():
    """Regression guard on tests/fixtures/attribution_styles (composed blind on
    2026-11-29, never tuned on). First run of the rules before issue 9: speaker accuracy
    0.25-0.94 by style; first run of its rules 0.904 overall (docs/sources.md). These
    thresholds, below today's 0.926 / 0.875, only stop the rules sliding back."""
    pooled = _pooled("attribution_styles")
    assert pooled["gold"] == 217
    assert pooled["speaker_accuracy"] >= 0.9 and pooled["quote_speaker_f1"] >= 0.85, pooled


def test_a_speaker_never_starts_inside_a_word():
    # found by the property tests (tests/test_properties.py): "0B told ..." gave the
    # speaker "B", cut out of the token "0B"; "3M said" gave a source called "M"
    for text in ("The deal was off, 3M said.", "0B told/0/TOLD",
                 "The phone is late, iPhone maker Apple said on Monday."):
        for q in analyze_sources(parse_text(text))["quotes"]:
            if q["speaker_start"] is not None:
                s, e = q["speaker_start"], q["speaker_end"]
                assert s == 0 or not text[s - 1].isalnum(), (text, text[s:e])
            assert q["speaker"] not in {"M", "B", "Phone"}, text
