"""Corpus summaries over small hand-made results tables; every expected figure is
worked out by hand from the rows below."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import corpus_summary as cs
from analysis.result_tables import SCHEMA


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{c: r.get(c) for c in SCHEMA[table]} for r in rows],
                        columns=list(SCHEMA[table]))


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    return {
        "articles": frame("articles", [
            {"id": "a", "position": 0, "outlet": "X", "published": "2022-03-18", "words": 100},
            {"id": "b", "position": 1, "outlet": "X", "published": "2022-04-02", "words": 300},
            {"id": "c", "position": 2, "outlet": "Y", "published": "March 2022", "words": 200},
            {"id": "bad", "position": 3, "error": "x.jsonl:4: invalid JSON"},
        ]),
        "readability": frame("readability", [
            {"id": "a", "consensus_grade": 11.0, "headline_grade": 10.0},
            {"id": "b", "consensus_grade": 14.0},  # no headline grade: the consensus
            {"id": "c", "consensus_grade": 9.5, "headline_grade": 8.0},
        ]),
        "quotes": frame("quotes", [{"id": "a"}, {"id": "a"}, {"id": "a"}, {"id": "b"}]),
        "sources": frame("sources", [
            {"id": "a", "source_id": "s1", "name": "Joe Biden", "type": "government",
             "side": "US", "quotes": 2, "quoted_words": 30},
            {"id": "a", "source_id": "s2", "name": "Xi Jinping", "type": "government",
             "side": "China", "quotes": 1, "quoted_words": 10},
            {"id": "a", "source_id": "s3", "name": "the treaty", "type": "document",
             "side": None, "quotes": 1, "quoted_words": 50},
            {"id": "b", "source_id": "s1", "name": "Joe Biden", "type": "government",
             "side": "US", "quotes": 1, "quoted_words": 20},
            {"id": "b", "source_id": "s2", "name": "an official", "type": "anonymous",
             "side": None, "quotes": 1, "quoted_words": 40},
        ]),
        "topics": frame("topics", [
            {"id": "a", "topic": "russia", "sentence_share": 0.5, "theme": True},
            {"id": "b", "topic": "russia", "sentence_share": 0.1, "theme": False},
            {"id": "c", "topic": "russia", "sentence_share": 0.0, "theme": False},
        ]),
        "topic_sentences": frame("topic_sentences", []),
    }


def test_per_article_counts_voices_without_documents(tables):
    a = cs.per_article(tables)
    assert a["id"].tolist() == ["a", "b", "c"]  # the failed article is left out
    assert a["quotes"].tolist() == [3, 1, 0]
    assert a["voices"].tolist() == [2, 2, 0]  # a: Biden, Xi (the treaty is a document)
    assert a["sides"].tolist() == [2, 1, 0]  # b: US only; the anonymous one has no side
    assert a["month"].tolist()[:2] == ["2022-03", "2022-04"]
    assert pd.isna(a["month"].iloc[2])  # "March 2022" is not an ISO date
    assert a["share:russia"].tolist() == [0.5, 0.1, 0.0]
    assert a["theme:russia"].tolist() == [True, False, False]


def test_overview_counts(tables):
    o = cs.overview(tables, cs.per_article(tables))
    assert o == {"articles": 4, "analysed": 3, "failed": 1, "outlets": ["X", "Y"],
                 "first_month": "2022-03", "last_month": "2022-04", "quotes": 4,
                 "words": 600}


def test_distribution_percentiles_by_linear_interpolation():
    d = cs.distribution(pd.Series([8.0, 10.0, 14.0, None]))
    # ranks 0..2: p25 at rank 0.5 = 9, median 10, p75 at rank 1.5 = 12, p10 at 0.2 = 8.4
    assert d["n"] == 3 and d["mean"] == pytest.approx(32 / 3)
    assert (d["p10"], d["p25"], d["median"], d["p75"]) == pytest.approx((8.4, 9, 10, 12))
    assert cs.distribution(pd.Series([], dtype=float))["median"] is None


def test_by_outlet(tables):
    g = cs.by_group(cs.per_article(tables), "outlet")
    assert g["outlet"].tolist() == ["X", "Y"]
    assert g["articles"].tolist() == [2, 1]
    assert g["median_grade"].tolist() == [12.0, 8.0]  # X: median of 10 and 14
    assert g["mean_voices"].tolist() == [2.0, 0.0]
    assert g["mean_share:russia"].tolist() == pytest.approx([0.3, 0.0])


def test_standouts_highest_and_lowest(tables):
    a = cs.per_article(tables)
    assert cs.standouts(a, "grade", n=2)["id"].tolist() == ["b", "a"]
    assert cs.standouts(a, "grade", n=1, highest=False)["id"].tolist() == ["c"]
    # a tie on voices (a and b both 2) goes to input order
    assert cs.standouts(a, "voices", n=2)["id"].tolist() == ["a", "b"]


def test_share_of_voice_by_side_leaves_documents_out(tables):
    s = cs.share_of_voice(tables, "side")
    # quoted words: US 30 + 20 = 50, unknown (the anonymous official) 40, China 10
    assert s["side"].tolist() == ["US", "unknown", "China"]
    assert s["words"].tolist() == [50, 40, 10]
    assert s["share"].tolist() == pytest.approx([0.5, 0.4, 0.1])
    assert s["articles"].tolist() == [2, 1, 1]


def test_most_quoted_names_only(tables):
    m = cs.most_quoted(tables)
    assert m["name"].tolist() == ["Joe Biden", "Xi Jinping"]  # no anonymous, no document
    assert m["words"].tolist() == [50, 10]
    assert m["articles"].tolist() == [2, 1]


def test_topic_coverage_mentioned_and_about(tables):
    c = cs.topic_coverage(cs.per_article(tables))
    # russia: shares 0.5, 0.1, 0.0 -> mentioned in 2, about (theme) in 1 (article a);
    # mean share over the two that mention it = (0.5 + 0.1) / 2
    row = c.iloc[0]
    assert (row["topic"], row["articles"], row["mentioned"], row["about"]) == \
        ("russia", 3, 2, 1)
    assert row["mean_share_when_mentioned"] == pytest.approx(0.3)
