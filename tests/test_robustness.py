"""No article text makes the analysis raise, and every offset it returns slices the text.

The inputs are the seed article mutated at random (a fixed seed, so the test is
repeatable): quotation marks, brackets and line breaks inserted and deleted where real
copy-editing slips put them, plus a few degenerate texts.
"""

from __future__ import annotations

import random

import pytest

from analysis.article import parse_text
from analysis.paths import SEED_ARTICLE
from analysis.pipeline import analyze_article

SEED = SEED_ARTICLE.read_text(encoding="utf-8")
NOISE = ["“", "”", "‘", "’", '"', "'", "«", "»", "[", "]", "(", ")", "\n", "\n\n", ":", "—", "…"]


def _mutations(n: int) -> list[str]:
    rng = random.Random(20220318)
    out = []
    for _ in range(n):
        chars = list(SEED)
        for _ in range(rng.randint(5, 60)):
            pos = rng.randrange(len(chars))
            if rng.random() < 0.5 and chars[pos] in "“”‘’\"'\n":
                del chars[pos]
            else:
                chars.insert(pos, rng.choice(NOISE))
        out.append("".join(chars))
    return out


# (texts with no word at all are refused by parse_text: see test_article.py)
DEGENERATE = [
    "”He said.",
    "“Unclosed quote that runs to the end of the article",
    "Source: Al Jazeera",
    "[File: Reuters]",
    "a",
    "1 2 3 4 5",
    "\u200b word \u00a0 word",
    "He said. She said. They said.",
    "Dr. Dr. Dr. U.S. U.S.",
    "x" * 5000,
    "Le président a déclaré: « Nous ne céderons pas », a-t-il dit.",
]


def _check_offsets(text: str, result: dict) -> None:
    for q in result["quotes"]:
        assert 0 <= q["start"] < q["end"] <= len(text)
        assert text[q["start"] : q["end"]] == q["text"]
        if q["speaker_start"] is not None:
            assert 0 <= q["speaker_start"] < q["speaker_end"] <= len(text)
    for topic_id, topic in result["topics"].items():
        if topic_id.startswith("_"):
            continue
        assert 0.0 <= topic["sentence_share"] <= 1.0
        for s in topic["sentences"]:
            assert 0 <= s["start"] < s["end"] <= len(text)
    for s in result["readability"].get("sentence_grades", []):
        assert 0 <= s["start"] < s["end"] <= len(text)


@pytest.mark.parametrize("text", _mutations(40) + [t for t in DEGENERATE if t.strip()])
def test_analysis_never_raises_and_offsets_slice_the_text(text):
    article = parse_text(text, id="fuzz")
    result = analyze_article(article)
    assert result["error"] is None
    _check_offsets(text, result)
