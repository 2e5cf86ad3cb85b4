"""The OneStopEnglish excerpt cutter of ``bench/onestop_excerpts.py``: excerpts are whole
paragraphs, aligned across the three levels of one article, and at least 120 words in
every level. Synthetic articles have paragraphs on distinct subjects, so which advanced
paragraph a simpler one renders is known by construction."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "bench" / "onestop_excerpts.py"
_spec = importlib.util.spec_from_file_location("onestop_excerpts", _PATH)
ox = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ox)

# one vocabulary per subject, no word shared between subjects
SUBJECTS = {
    "cats": "Cats purr softly while kittens chase yarn around sunny kitchens.",
    "dogs": "Dogs bark loudly when puppies fetch sticks across muddy parks.",
    "rivers": "Rivers flood valleys after storms swell streams near bridges.",
    "mountains": "Mountains tower above glaciers where climbers pitch tents on ridges.",
    "trains": "Trains rumble through stations carrying commuters toward factories.",
    "ships": "Ships sail harbours loaded with cargo containers bound overseas.",
}


def paragraph(subject: str, words: int) -> str:
    """A paragraph about ``subject`` of exactly ``words`` words."""
    vocab = SUBJECTS[subject].split()
    return " ".join(vocab[i % len(vocab)] for i in range(words))


def article(parts: list[list[tuple[str, int]]]) -> str:
    """Paragraphs, each a list of (subject, words) pieces joined into one paragraph."""
    return "\n".join(" ".join(paragraph(s, n) for s, n in p) for p in parts)


def subjects_of(text: str) -> list[str]:
    return [s for s in SUBJECTS if SUBJECTS[s].split()[0] in text]


def test_a_merged_paragraph_is_never_cut_and_every_other_boundary_can_be():
    # 130-word paragraphs: every consistent boundary is a cut (each side has >= 120)
    adv = article([[(s, 130)] for s in SUBJECTS])
    # intermediate merges rivers and mountains into one paragraph
    inter = article([[("cats", 130)], [("dogs", 130)], [("rivers", 125), ("mountains", 125)],
                     [("trains", 130)], [("ships", 130)]])
    # elementary splits trains into two short paragraphs
    elem = article([[("cats", 125)], [("dogs", 125)], [("rivers", 125)], [("mountains", 125)],
                    [("trains", 70)], [("trains", 60)], [("ships", 125)]])
    ex = ox.cut_group({0: elem, 1: inter, 2: adv})
    # worked out by hand: no cut between rivers and mountains (merged in level 1)
    assert [subjects_of(e[2]) for e in ex] == [
        ["cats"], ["dogs"], ["rivers", "mountains"], ["trains"], ["ships"]
    ]
    for e in ex:  # the same passage in every level
        assert subjects_of(e[0]) == subjects_of(e[1]) == subjects_of(e[2])
    # the two halves of the elementary split stay together
    assert ex[3][0].count("\n") == 1


def test_paragraphs_are_grouped_until_every_level_has_120_words():
    # 70-word paragraphs: two make an excerpt (140 >= 120), one alone does not
    adv = article([[(s, 70)] for s in SUBJECTS])
    inter = article([[(s, 65)] for s in SUBJECTS])
    elem = article([[(s, 61)] for s in SUBJECTS])
    ex = ox.cut_group({0: elem, 1: inter, 2: adv})
    assert [subjects_of(e[0]) for e in ex] == [
        ["cats", "dogs"], ["rivers", "mountains"], ["trains", "ships"]
    ]
    assert all(ox.words(e[lv]) >= 120 for e in ex for lv in ox.LEVELS)


def test_a_short_remainder_joins_the_last_excerpt():
    subjects = list(SUBJECTS)[:5]  # 2 + 2 + one left over of 70 words
    ex = ox.cut_group({lv: article([[(s, 70)] for s in subjects]) for lv in ox.LEVELS})
    assert [subjects_of(e[2]) for e in ex] == [
        ["cats", "dogs"], ["rivers", "mountains", "trains"]
    ]


def test_an_article_without_a_consistent_cut_is_one_excerpt():
    adv = article([[(s, 130)] for s in ("cats", "dogs")])
    merged = article([[("cats", 130), ("dogs", 130)]])
    ex = ox.cut_group({0: merged, 1: merged, 2: adv})
    assert len(ex) == 1 and ex[0][2] == adv


def test_the_development_split_cuts_into_whole_aligned_paragraphs_of_120_words():
    records = ox.load_records()
    ex = ox.excerpts(records)
    originals = {(r["group"], r["level"]): r["text"] for r in records}
    by_article: dict[tuple[str, int], list[str]] = {}
    for e in ex:
        assert ox.words(e["text"]) >= ox.MIN_WORDS, e["id"]
        by_article.setdefault((e["article"], e["level"]), []).append(e["text"])
    # nothing lost or reordered: the excerpts are the article's paragraphs, in order
    assert set(by_article) == set(originals)
    for key, texts in by_article.items():
        assert "\n".join(texts) == "\n".join(p for p in originals[key].split("\n") if p.strip())
    groups: dict[str, set[int]] = {}
    for e in ex:
        groups.setdefault(e["group"], set()).add(e["level"])
    assert all(levels == {0, 1, 2} for levels in groups.values())
    assert len(groups) > 35  # more passages than articles: the articles were cut


def test_only_the_development_split_is_read(tmp_path):
    with pytest.raises(ValueError):
        ox.load_records(tmp_path / "readability_test.jsonl")
