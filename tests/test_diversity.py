"""Diversity figures on tiny hand-computed examples.

Shannon entropy H = -Σ p log2 p (Shannon 1948); normalised H / log2 n (Pielou 1966);
Gini-Simpson 1 - Σ p² (Simpson 1949). Every expected value is worked out in the comment
beside it.
"""

from __future__ import annotations

import math

import pytest

from analysis.diversity import (
    diversity_figures,
    gini_simpson,
    kind_shares,
    named_shares,
    normalised_entropy,
    shannon_entropy,
    share_of_voice,
    talked_about_not_heard,
)


def test_entropy_of_half_quarter_quarter_is_one_and_a_half_bits():
    # -(1/2 log2 1/2 + 2 * 1/4 log2 1/4) = 1/2 + 1 = 1.5
    assert shannon_entropy([2, 1, 1]) == pytest.approx(1.5)


def test_normalised_entropy_divides_by_log2_n():
    # 1.5 / log2 3 = 1.5 / 1.58496 = 0.94640
    assert normalised_entropy([2, 1, 1]) == pytest.approx(1.5 / math.log2(3))
    assert normalised_entropy([5, 5]) == pytest.approx(1.0)  # two equal voices
    assert normalised_entropy([7]) is None  # one voice: evenness undefined


def test_gini_simpson_of_half_quarter_quarter():
    # 1 - (1/4 + 1/16 + 1/16) = 0.625
    assert gini_simpson([2, 1, 1]) == pytest.approx(0.625)
    assert gini_simpson([3]) == 0.0
    assert gini_simpson([]) == 0.0


SOURCES = [
    {"id": "s1", "name": "A", "type": "government", "side": "US", "quotes": 2,
     "quoted_words": 50},
    {"id": "s2", "name": "B", "type": "expert", "side": "independent", "quotes": 1,
     "quoted_words": 25},
    {"id": "s3", "name": "C", "type": "government", "side": "US", "quotes": 1,
     "quoted_words": 25},
    {"id": "s4", "name": "Some Act", "type": "document", "side": None, "quotes": 1,
     "quoted_words": 40},
]


def test_share_of_voice_by_side_leaves_documents_out():
    by_side = share_of_voice(SOURCES, "side")
    # US: 75 of 100 voiced words, 3 of 4 voiced quotes; independent: 25 and 1
    assert by_side == [
        {"side": "US", "sources": 2, "quotes": 3, "quoted_words": 75, "share_quotes": 0.75,
         "share_words": 0.75},
        {"side": "independent", "sources": 1, "quotes": 1, "quoted_words": 25,
         "share_quotes": 0.25, "share_words": 0.25},
    ]


def test_figures_over_sources_and_sides():
    quotes = [{"kind": "direct", "source_id": "s1"}, {"kind": "mixed", "source_id": "s1"},
              {"kind": "indirect", "source_id": "s2"}, {"kind": "direct", "source_id": "s3"},
              {"kind": "direct", "source_id": "s4"}]
    d = diversity_figures(quotes, SOURCES, [], [])
    assert d["distinct_sources"] == 3
    # words 50/25/25 -> shares 1/2, 1/4, 1/4 -> 1.5 bits, J = 0.9464, GS = 0.625
    assert d["indices"]["sources"] == {"n": 3, "shannon_bits": 1.5,
                                       "shannon_normalised": 0.9464, "gini_simpson": 0.625}
    # sides 75/25 -> H = -(.75 log2 .75 + .25 log2 .25) = 0.8113; GS = 1 - .5625 - .0625
    assert d["indices"]["sides"] == {"n": 2, "shannon_bits": 0.8113,
                                     "shannon_normalised": 0.8113, "gini_simpson": 0.375}
    assert d["documents_quoted"] == ["Some Act"]


def test_direct_versus_reported_shares():
    quotes = [{"kind": "direct"}, {"kind": "direct"}, {"kind": "mixed"}, {"kind": "indirect"}]
    k = kind_shares(quotes)
    assert (k["direct_share"], k["reported_share"]) == (0.5, 0.5)
    assert k["mixed"] == {"quotes": 1, "share": 0.25}


def test_named_anonymous_and_unattributed_shares():
    sources = [{"id": "s1", "type": "government"}, {"id": "s2", "type": "anonymous"}]
    quotes = [{"source_id": "s1"}, {"source_id": "s1"}, {"source_id": "s2"},
              {"source_id": None}]
    assert named_shares(quotes, sources) == {
        "named": 2, "anonymous": 1, "unattributed": 1, "named_share": 0.5,
        "anonymous_share": 0.25, "unattributed_share": 0.25}


def test_talked_about_not_heard_skips_speakers_and_their_governments():
    entities = [
        {"name": "Russia", "kind": "country", "side": "Russia", "mentions": 9},
        {"name": "United States", "kind": "country", "side": "US", "mentions": 6},
        {"name": "A", "kind": "person", "side": None, "mentions": 4},
        {"name": "Putin", "kind": "person", "side": None, "mentions": 3},
        {"name": "Crimea", "kind": "country", "side": "Ukraine", "mentions": 1},
    ]
    unheard = talked_about_not_heard(entities, SOURCES, min_mentions=2)
    # US is heard through government voice A; A speaks; Crimea is mentioned once
    assert [e["name"] for e in unheard] == ["Russia", "Putin"]


def test_no_quotes_gives_zero_figures():
    d = diversity_figures([], [], [], [])
    assert d["distinct_sources"] == 0
    assert d["indices"]["sources"] == {"n": 0, "shannon_bits": 0.0, "shannon_normalised": None,
                                       "gini_simpson": 0.0}
    assert d["kinds"]["direct_share"] == 0.0
