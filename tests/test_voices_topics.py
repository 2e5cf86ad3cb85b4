"""Voices against topics, on small results built by hand (expected values counted by
hand from the spans below)."""

from __future__ import annotations

from analysis.voices_topics import (
    matrix_sentence,
    single_side_topics,
    topic_party,
    unheard_parties,
    voices_by_topic,
)

SIDES = {
    "Russia": {"speaker_name": "Russia", "names": ["Russia"], "adjectives": ["Russian"]},
    "Taiwan": {"speaker_name": "Taiwan", "names": ["Taiwan"], "adjectives": ["Taiwanese"]},
    "US": {"speaker_name": "United States", "names": ["US"], "adjectives": ["American"]},
    "China": {"speaker_name": "China", "names": ["China"], "adjectives": ["Chinese"]},
}


def _sent(index, start, end):
    return {"index": index, "start": start, "end": end}


def _result():
    # sentences: 0 [0,50) 1 [50,100) 2 [100,150) 3 [150,200)
    # russia: sentences 0, 1, 2; taiwan: sentence 3; trade: sentence 2
    return {
        "sources": [
            {"id": "s1", "name": "Blinken", "side": "US", "type": "government"},
            {"id": "s2", "name": "Zhao", "side": "China", "type": "government"},
            {"id": "s3", "name": "Taiwan Relations Act", "side": None, "type": "document"},
        ],
        "quotes": [
            {"start": 10, "end": 40, "source_id": "s1", "speaker": "Blinken"},  # in 0
            {"start": 90, "end": 120, "source_id": "s2", "speaker": "Zhao"},  # over 1 and 2
            {"start": 160, "end": 170, "source_id": "s3", "speaker": "Taiwan Relations Act"},
            {"start": 180, "end": 190, "source_id": None, "speaker": None},  # in 3, unknown
        ],
        "topics": {
            "russia": {"label": "Russia", "present": True,
                       "sentences": [_sent(0, 0, 50), _sent(1, 50, 100), _sent(2, 100, 150)]},
            "taiwan": {"label": "Taiwan", "present": True, "sentences": [_sent(3, 150, 200)]},
            "trade": {"label": "Trade", "present": True, "sentences": [_sent(2, 100, 150)]},
            "_none": {}, "_meta": {"sentences": 4},
        },
    }


def test_topic_named_after_a_side_has_that_party_and_others_none():
    assert topic_party("russia", "Russia", SIDES) == "Russia"
    assert topic_party("usa", "US", SIDES) == "US"
    assert topic_party("trade", "Trade", SIDES) is None


def test_a_quote_counts_for_every_topic_of_the_sentences_it_overlaps():
    m = voices_by_topic(_result(), SIDES)
    rows = {t["id"]: t for t in m["topics"]}
    # Blinken in sentence 0 and Zhao over sentences 1-2: both on Russia
    assert rows["russia"]["by_side"] == {"US": 1, "China": 1, "no side": 0}
    assert rows["russia"]["quotes"] == 2
    # Zhao's quote reaches sentence 2, which is also on trade
    assert rows["trade"]["by_side"] == {"US": 0, "China": 1, "no side": 0}
    # the document is no voice; the unattributed quote is "no side"
    assert rows["taiwan"]["by_side"] == {"US": 0, "China": 0, "no side": 1}
    assert m["sides"] == ["US", "China", "no side"]
    assert m["heard_sides"] == ["US", "China"]


def test_parties_never_quoted_are_listed_largest_topic_first():
    m = voices_by_topic(_result(), SIDES)
    assert unheard_parties(m) == [
        {"label": "Russia", "party": "Russia", "sentences": 3},
        {"label": "Taiwan", "party": "Taiwan", "sentences": 1},
    ]


def test_the_sentence_names_the_unheard_parties_with_their_figures():
    m = voices_by_topic(_result(), SIDES)
    text = matrix_sentence(m, 4, SIDES)
    assert text.startswith(
        "Russia (3 of 4 sentences) and Taiwan (1 of 4 sentences) are discussed, but no "
        "Russian or Taiwanese voice is quoted anywhere in the article."
    )


def test_a_topic_with_quotes_from_one_side_only_is_flagged_from_two_quotes():
    r = _result()
    r["quotes"].append({"start": 130, "end": 140, "source_id": "s2", "speaker": "Zhao"})
    m = voices_by_topic(r, SIDES)
    # trade (sentence 2): Zhao twice, both China
    assert single_side_topics(m) == [{"label": "Trade", "side": "China", "quotes": 2}]
    assert "Both quotes in the sentences on Trade come from one side, China (Zhao)." in (
        matrix_sentence(m, 4, SIDES))


def test_party_heard_is_said_so_and_nothing_is_claimed_without_topics():
    r = _result()
    r["sources"].append({"id": "s4", "name": "Peskov", "side": "Russia", "type": "government"})
    r["sources"].append({"id": "s5", "name": "Tsai", "side": "Taiwan", "type": "government"})
    r["quotes"] += [{"start": 20, "end": 30, "source_id": "s4", "speaker": "Peskov"},
                    {"start": 155, "end": 158, "source_id": "s5", "speaker": "Tsai"}]
    m = voices_by_topic(r, SIDES)
    assert unheard_parties(m) == []
    assert matrix_sentence(m, 4, SIDES).startswith(
        "Every topic named after a party also carries a voice from that party: Russia and "
        "Taiwan.")
    empty = {"sources": [], "quotes": [], "topics": {
        "trade": {"label": "Trade", "present": False, "sentences": []}}}
    assert matrix_sentence(voices_by_topic(empty, SIDES), 4, SIDES).startswith(
        "None of the topics is in the article")
