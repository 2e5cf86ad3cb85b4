"""Key findings from hand-built ``analyze`` results: every figure in the expected text
was computed by hand from the inputs below, never by the code under test."""

from __future__ import annotations

from analysis.findings import key_findings, readability_finding, topic_finding, voices_finding

SIDES = {"Russia": {"names": ["Russia"], "adjectives": ["Russian"]}}


def _readability(grade=15.21):
    return {
        "consensus_grade": grade, "words": 880, "sentences": 30,
        "grade_meaning": {"meaning": "it needs the reading skill of a university student",
                          "news_typical_range": [11.2, 13.5],
                          "compared_with_news": "harder than most general news"},
    }


def _voices(shares):
    """Sources named A, B, ... with the given shares of quoted words, all side 'US'."""
    names = "ABCDEFG"
    return {
        "quotes": [{"start": 0, "end": 1}] * len(shares),
        "diversity": {
            "distinct_sources": len(shares), "quotes": len(shares),
            "share_of_voice": {
                "by_source": [{"name": names[i], "share_words": s, "quotes": 1}
                              for i, s in enumerate(shares)],
                "by_side": [{"side": "US", "share_words": 1.0}],
            },
        },
    }


def test_grade_finding_says_the_grade_its_meaning_and_the_mean_sentence_length():
    f = readability_finding(_readability())
    # 880 words / 30 sentences = 29.3 -> "29"
    assert f["text"] == (
        "The article reads at US grade 15.2: it needs the reading skill of a university "
        "student. That is harder than most general news (general news usually scores 11.2 "
        "to 13.5). Sentences average 29 words.")
    assert f["figure"] == "15.2" and f["section"] == "readability"


def test_no_grade_gives_the_note_instead_of_a_figure():
    f = readability_finding({"consensus_grade": None, "note": "The text is not in English."})
    assert f["text"] == "The text is not in English." and f["figure"] == "n/a"


def test_a_voice_dominates_only_with_more_than_half_of_the_quoted_words():
    text = voices_finding(_voices([0.6, 0.4]))["text"]
    assert "A dominates with 60% of the quoted words." in text
    text = voices_finding(_voices([0.5, 0.5]))["text"]
    assert "dominates" not in text
    assert "No voice has half the quoted words; the largest share, 50%, goes to A." in text


def test_quotes_are_counted_over_voices_and_the_top_voice_has_its_type():
    result = _voices([0.6, 0.4])
    result["diversity"]["quotes"] = 3  # one more quote, from a document: not a voice
    result["sources"] = [{"name": "A", "type": "expert"}]
    text = voices_finding(result)["text"]
    assert text.startswith("2 voices in 2 quotes, from 1 side")
    assert "A (expert) dominates" in text


def test_no_quotes_is_said_in_words():
    f = voices_finding({"quotes": [], "diversity": {}})
    assert f["figure"] == "0" and f["text"].startswith("No one is quoted")


def test_main_topic_is_the_one_with_most_sentences_and_where_it_peaks():
    topics = {
        "russia": {"label": "Russia", "present": True, "sentence_count": 21,
                   "sentence_share": 0.7, "position": {"peak": "beginning"}},
        "trade": {"label": "Trade", "present": True, "sentence_count": 2,
                  "sentence_share": 2 / 30, "position": {"peak": "end"}},
        "taiwan": {"label": "Taiwan", "present": False, "sentence_count": 0,
                   "sentence_share": 0.0, "position": {"peak": None}},
        "_meta": {"sentences": 30},
    }
    f = topic_finding({"topics": topics}, "data/topics.yaml")
    assert f["text"] == ("Russia is the main topic: 21 of 30 sentences (70%), mostly at the "
                         "beginning of the article. Other topics, by sentences: Trade 2.")
    none = topic_finding({"topics": {"taiwan": topics["taiwan"], "_meta": {"sentences": 30}}},
                         "my-topics.yaml")
    assert none["text"] == "None of the topics of my-topics.yaml is in the article."


def test_findings_come_in_order_and_the_unheard_party_stands_out():
    result = {
        "readability": _readability(),
        **_voices([0.6, 0.4]),
        "sources": [{"id": "s1", "name": "A", "side": "US", "type": "government"}],
        "topics": {
            "russia": {"label": "Russia", "present": True, "sentence_count": 3,
                       "sentence_share": 0.75, "position": {"peak": "beginning"},
                       "sentences": [{"index": 0, "start": 0, "end": 10}]},
            "_meta": {"sentences": 4},
        },
    }
    result["quotes"] = [{"start": 2, "end": 5, "source_id": "s1", "speaker": "A"}]
    findings = key_findings(result, "data/topics.yaml", SIDES)
    assert [f["id"] for f in findings] == ["readability", "voices", "topic", "standout"]
    assert findings[3]["text"] == ("Russia (3 of 4 sentences) is discussed, but no Russian "
                                   "voice is quoted anywhere in the article.")
    assert findings[3]["section"] == "voices_topics"


def test_grade_finding_uses_the_headline_grade_and_gives_the_spread():
    r = {**_readability(), "headline_grade": 12.09, "headline_range": [12.09, 19.53],
         "headline_meaning": {"meaning": "it needs the reading skill of a final-year "
                                         "secondary-school student",
                              "news_typical_range": [9.0, 11.0],
                              "compared_with_news": "harder than most general news"}}
    f = readability_finding(r)
    assert f["text"] == (
        "The article reads at US grade 12.1: it needs the reading skill of a final-year "
        "secondary-school student. That is harder than most general news (general news "
        "usually scores 9 to 11). The readability formulas disagree: their grades run from "
        "12.1 to 19.5. Sentences average 29 words.")
    assert f["figure"] == "12.1"


def test_topic_finding_tells_about_from_mentioned():
    topics = {
        "russia": {"label": "Russia", "present": True, "sentence_count": 21, "theme": True,
                   "sentence_share": 0.7, "position": {"peak": "beginning"}},
        "taiwan": {"label": "Taiwan", "present": True, "sentence_count": 6, "theme": False,
                   "sentence_share": 0.2, "position": {"peak": "end"}},
        "trade": {"label": "Trade", "present": True, "sentence_count": 2, "theme": False,
                  "sentence_share": 2 / 30, "position": {"peak": "end"}},
        "_meta": {"sentences": 30},
    }
    f = topic_finding({"topics": topics}, "data/topics.yaml")
    assert f["text"].endswith("The article is about Russia; it only mentions Taiwan and "
                              "Trade.")
    for t in ("russia", "taiwan", "trade"):
        topics[t]["theme"] = False
    f = topic_finding({"topics": topics}, "data/topics.yaml")
    assert f["text"].endswith("It only mentions Russia, Taiwan and Trade: no topic is a main "
                              "subject.")
