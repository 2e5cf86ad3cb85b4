"""Speaker attribution and profiles on the seed article (issue 4, item 8), cited media,
the analyze contract, and odd inputs that must never raise.

Expected voices, types and sides are read off the seed article by hand
(data/articles/aljazeera-2022-03-18-biden-xi-call-russia.txt); the seed quotes and
their speakers are annotated in tests/fixtures/seed_quotes.yaml.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from analysis.article import Article, ArticleError, parse_text
from analysis.evaluation import annotated_spans, score_quotes, spans_match
from analysis.paths import SEED_ARTICLE
from analysis.sources import analyze_sources, cited_media

FIXTURES = Path(__file__).parent / "fixtures"
SEED = SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed():
    article = parse_text(SEED, id="seed")
    return article, analyze_sources(article)


def _source(result, name):
    found = [s for s in result["sources"] if s["name"] == name]
    assert found, f"no source named {name!r}: {[s['name'] for s in result['sources']]}"
    return found[0]


def _quote_containing(result, fragment):
    found = [q for q in result["quotes"] if fragment in q["text"]]
    assert found, f"no quote contains {fragment!r}"
    return found[0]


def test_white_house_is_a_us_government_voice(seed):
    _, r = seed
    s = _source(r, "White House")
    assert (s["type"], s["side"]) == ("government", "US")


def test_blinken_is_us_government_with_both_quotes(seed):
    _, r = seed
    s = _source(r, "Antony Blinken")
    assert (s["type"], s["side"], s["role"]) == ("government", "US", "Secretary of State")
    assert _quote_containing(r, "in particular has a responsibility")["speaker"] == "Antony Blinken"
    assert s["quotes"] == 2


def test_zhao_lijian_is_chinese_government_and_he_told_reporters_is_his(seed):
    article, r = seed
    s = _source(r, "Zhao Lijian")
    assert (s["type"], s["side"]) == ("government", "China")
    q = _quote_containing(r, "It is those countries that delude themselves")
    assert q["speaker"] == "Zhao Lijian"
    assert q["cue"] == "told"
    assert article.text[q["speaker_start"] : q["speaker_end"]] == "he"


def test_china_speaks_frank_in_depth_and_constructive(seed):
    _, r = seed
    q = _quote_containing(r, "frank, in-depth and constructive")
    assert q["speaker"] == "China"
    assert q["kind"] == "mixed"
    assert _source(r, "China")["side"] == "China"


def test_katrina_yu_is_an_al_jazeera_journalist_and_yu_says_counts_for_her(seed):
    article, r = seed
    s = _source(r, "Katrina Yu")
    assert (s["type"], s["affiliation"]) == ("journalist", "Al Jazeera")
    q = _quote_containing(r, "the self-ruled island")
    assert q["speaker"] == "Katrina Yu"
    assert article.text[q["speaker_start"] : q["speaker_end"]] == "Yu"
    assert s["quotes"] == 3  # two direct stretches and the later "Yu says"


def test_samir_puri_is_a_think_tank_voice_with_both_floating_paragraphs(seed):
    _, r = seed
    s = _source(r, "Samir Puri")
    assert s["type"] == "expert"
    assert s["affiliation"] == "International Institute for Strategic Studies"
    for fragment in ("In particular, the intelligence the US publicised",
                     "Because China trades with Russia openly"):
        q = _quote_containing(r, fragment)
        assert (q["speaker"], q["kind"], q["cue"]) == ("Samir Puri", "direct", None)


def test_mike_pompeo_is_a_former_us_official(seed):
    _, r = seed
    s = _source(r, "Mike Pompeo")
    assert (s["type"], s["side"]) == ("former official", "US")


def test_taiwan_relations_act_is_a_quoted_document_not_a_person(seed):
    _, r = seed
    s = _source(r, "Taiwan Relations Act")
    assert s["type"] == "document"
    assert "Taiwan Relations Act" in r["diversity"]["documents_quoted"]
    assert "Taiwan Relations Act" not in [g["name"] for g in
                                          r["diversity"]["share_of_voice"]["by_source"]]


def test_russia_and_taiwan_are_talked_about_but_not_heard(seed):
    _, r = seed
    sides = {s["side"] for s in r["sources"]}
    assert not sides & {"Russia", "Taiwan"}
    unheard = {e["name"] for e in r["diversity"]["talked_about_not_heard"]}
    assert {"Russia", "Taiwan"} <= unheard
    assert not unheard & {"China", "United States", "Katrina Yu"}


def test_captions_credits_and_source_line_never_speak(seed):
    article, r = seed
    body = [(b.start, b.end) for b in article.body]
    for q in r["quotes"]:
        assert any(s <= q["start"] and q["end"] <= e for s, e in body)
    names = {s["name"] for s in r["sources"]}
    assert not names & {"Reuters", "Kremlin", "Sputnik", "EPA", "Al Jazeera"}


def test_cited_media_lists_photo_agencies_and_the_publisher():
    article = parse_text(SEED, id="seed")
    media = cited_media(article)
    assert [(m["name"], m["kind"]) for m in media] == [
        ("Reuters", "photo_credit"), ("Kremlin", "photo_credit"), ("Sputnik", "photo_credit"),
        ("EPA", "photo_credit"), ("Al Jazeera", "publisher")]
    for m in media:
        assert article.text[m["start"] : m["end"]] == m["name"]


def test_every_profile_decision_names_its_words(seed):
    _, r = seed
    for s in r["sources"]:
        fields = {e["field"] for e in s["evidence"]}
        assert "type" in fields
        for e in s["evidence"]:
            assert e["rule"]


def test_analyze_contract_shape_offsets_and_order(seed):
    article, r = seed
    assert set(r) == {"quotes", "sources", "diversity"}
    json.dumps(r)
    starts = [q["start"] for q in r["quotes"]]
    assert starts == sorted(starts)
    ids = {s["id"] for s in r["sources"]}
    for q in r["quotes"]:
        assert set(q) == {"start", "end", "text", "kind", "cue", "speaker", "speaker_start",
                          "speaker_end", "source_id"}
        assert article.text[q["start"] : q["end"]] == q["text"]
        assert q["kind"] in ("direct", "mixed", "indirect")
        assert q["source_id"] in ids or q["speaker"] is None
    for s in r["sources"]:
        assert set(s) == {"id", "name", "type", "role", "affiliation", "side", "quotes",
                          "quoted_words", "evidence"}
        assert s["quotes"] == sum(q["source_id"] == s["id"] for q in r["quotes"])


def test_seed_quotes_match_the_hand_annotation(seed):
    article, r = seed
    ann = yaml.safe_load((FIXTURES / "seed_quotes.yaml").read_text(encoding="utf-8"))
    gold = annotated_spans(article.text, ann["quotes"])
    score = score_quotes(r["quotes"], gold)
    # every annotated quote found, nothing else: the seed is the issue's own acceptance test
    assert (score["precision"], score["recall"], score["speaker_accuracy"]) == (1.0, 1.0, 1.0)
    by_id = {s["id"]: s for s in r["sources"]}
    for g, item in zip(gold, ann["quotes"], strict=True):
        q = next(q for q in r["quotes"] if spans_match((q["start"], q["end"]),
                                                        (g["start"], g["end"])))
        src = by_id[q["source_id"]]
        assert (src["type"], src["side"]) == (item["type"], item["side"]), item["text"][:40]


ODD = sorted((FIXTURES / "odd_quotes").glob("*.txt"))


@pytest.mark.parametrize("path", ODD, ids=[p.name for p in ODD])
def test_odd_quote_marks_never_raise(path):
    text = path.read_text(encoding="utf-8")
    try:
        article = parse_text(text, id=path.stem)
    except ArticleError:
        article = Article(id=path.stem, text=text, blocks=[])
    r = analyze_sources(article)
    json.dumps(r)
    for q in r["quotes"]:
        assert 0 <= q["start"] < q["end"] <= len(text)


def test_empty_article_gives_empty_results():
    r = analyze_sources(Article(id="empty", text="", blocks=[]))
    assert r["quotes"] == [] and r["sources"] == []
    assert r["diversity"]["distinct_sources"] == 0


def test_quote_left_open_at_article_end_is_still_attributed():
    text = (FIXTURES / "odd_quotes" / "open_at_end.txt").read_text(encoding="utf-8")
    r = analyze_sources(parse_text(text, id="open"))
    last = r["quotes"][-1]
    assert last["text"].startswith("We are not finished")
    assert last["kind"] == "direct"


def test_nested_single_quotes_stay_inside_their_quote():
    text = (FIXTURES / "odd_quotes" / "nested_single.txt").read_text(encoding="utf-8")
    r = analyze_sources(parse_text(text, id="nested"))
    first = r["quotes"][0]
    assert first["text"] == "He told me ‘never again’ and left,"
    assert first["speaker"] == "Ana Ruiz"
    assert r["quotes"][1]["speaker"] == "Ana Ruiz"  # the floating second stretch


# --- roles, titles set off by commas, coordinated names (composed by hand) ----------


def _speakers(text: str) -> list[str | None]:
    return [q["speaker"] for q in analyze_sources(parse_text(text, id="t"))["quotes"]]


def test_a_role_refers_back_to_the_person_named_with_it():
    """A definite role description as speaker is the person named earlier with that
    role (the reader's reading); a different role is not linked."""
    text = ("Headline here\n\nPrime Minister Boris Johnson visited the hospital on Monday.\n\n"
            "“We will not stop until the job is done,” the prime minister said.\n\n"
            "“The plan is sound,” the foreign minister added.\n\nThe visit lasted an hour.")
    assert _speakers(text) == ["Boris Johnson", "foreign minister"]
    text = ("Headline here\n\nUS President Joe Biden spoke to Xi Jinping on Friday.\n\n"
            "“This is a moment of truth,” the president told reporters.\n\nMore talks follow.")
    assert _speakers(text) == ["Joe Biden"]


def test_a_title_set_off_by_commas_before_a_name_is_its_title():
    text = ("Headline here\n\nThe health secretary, Wes Streeting, announced the plan on "
            "Tuesday.\n\nThe health secretary said the changes would “save lives”.\n\n"
            "Germany’s chancellor, Olaf Scholz, met officials in Berlin.\n\n"
            "“We stand with Ukraine,” the chancellor said on Thursday.\n\nTalks continue.")
    result = analyze_sources(parse_text(text, id="t"))
    assert [q["speaker"] for q in result["quotes"]] == ["Wes Streeting", "Olaf Scholz"]
    assert _source(result, "Wes Streeting")["role"] == "health secretary"
    assert _source(result, "Olaf Scholz")["role"] == "chancellor"


def test_a_name_after_a_comma_is_not_the_title_of_an_object():
    """"To the health secretary, Wes Streeting said": Streeting is the subject, not the
    health secretary's apposition (no closing comma)."""
    text = ("Headline here\n\nIn a letter to the health secretary, Wes Streeting said the "
            "plan would fail.\n\nOthers agreed.")
    result = analyze_sources(parse_text(text, id="t"))
    assert _speakers(text) == ["Wes Streeting"]
    assert _source(result, "Wes Streeting")["role"] in (None, "")


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("A spokesperson for the Department of Health and Social Care said: “We are "
         "investing record sums.”", "Department of Health and Social Care"),
        ("“The rules are clear,” according to the Nursing and Midwifery Council.",
         "Nursing and Midwifery Council"),
        ("The Food and Drug Administration said the drug “met its safety goals”.",
         "Food and Drug Administration"),
    ],
)
def test_one_body_named_with_and_is_one_speaker(sentence, speaker):
    assert _speakers(f"Headline here\n\n{sentence}\n\nNurses disagree.") == [speaker]


def test_two_names_joined_by_and_stay_two():
    """No article before them, or a first part that is already a body or a country:
    two names ("Biden and White House officials", "the Senate and House", "the US and
    China")."""
    from analysis.quotes import extract_quotes

    text = ("Headline here\n\nBiden and White House officials met on Monday. The Senate "
            "and House will vote. Ties between the US and China are strained, Smith said."
            "\n\nNo more.")
    _, mentions = extract_quotes(parse_text(text, id="t"))
    names = {m.name for m in mentions}
    assert "Biden and White House" not in names and "Senate and House" not in names
    assert not any(" and " in n for n in names), names


def test_a_role_is_an_antecedent_for_he_and_she_and_may_carry_a_team_name():
    """"the Ashford manager, Graham Kerr," gives Kerr the title "Ashford manager"; later
    "The manager …" then "he said" is Kerr, not the player quoted last, and the team
    name inside "the Ashford manager" is not a person of its own. Composed by hand."""
    text = ("Headline here\n\nCallum Reid scored twice as Ashford Town won.\n\n"
            "The Ashford manager, Graham Kerr, praised his side.\n\n"
            "‘It’s the best I’ve felt,’ Reid said.\n\n"
            "The manager was full of praise for his captain. ‘Joe has been magnificent,’ "
            "he said.\n\nAsked about promotion, the Ashford manager laughed. ‘Ask me in "
            "April,’ he said.\n\nAshford play again on Saturday.")
    result = analyze_sources(parse_text(text, id="t"))
    assert [q["speaker"] for q in result["quotes"]] == ["Callum Reid", "Graham Kerr",
                                                       "Graham Kerr"]
    assert _source(result, "Graham Kerr")["role"] == "Ashford manager"
