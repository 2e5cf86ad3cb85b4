"""Which language a text is in: English by the share of English function words (cheap,
and right for any English prose), else langdetect. The function words and the share
live in ``data/readability.yaml``, read on first use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, islice

from analysis.readability_knowledge import readability_knowledge
from analysis.text import Sentence

FUNCTION_WORD_CACHE_MAX = 1 << 17  # distinct tokens kept before the table stops growing


@lru_cache(maxsize=1)
def english_function_words() -> frozenset[str]:
    """The English function words of ``data/readability.yaml`` (lower case)."""
    return frozenset(readability_knowledge()["english_function_words"])


def english_function_word_share() -> float:
    """The share of function words at or above which a text is taken for English."""
    return float(readability_knowledge()["english_function_word_share"])


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``: English when English function words make up their
    usual share of the words (cheap, and right for any English prose), else langdetect
    (seeded, so the answer is repeatable); "unknown" when neither can tell."""
    toks = re.findall(r"[^\W\d_]+", text.lower())
    if not toks:
        return "unknown"
    function_words = english_function_words()
    share = sum(t in function_words for t in toks) / len(toks)
    if share >= english_function_word_share():
        return "en"
    try:
        from langdetect import DetectorFactory, detect

        DetectorFactory.seed = 0
        return detect(text).split("-")[0]
    except Exception:  # langdetect raises on text without features
        return "unknown"


class _FunctionWordTally(dict):
    """token -> 0 (not a word of letters), 1 (a word) or 1 + 2**32 (an English function
    word), so that a sample's two counts are one ``sum``."""

    def __missing__(self, token: str) -> int:
        low = token.lower()
        v = (1 + (low in english_function_words()) * (1 << 32)) if low[:1].isalpha() else 0
        if len(self) < FUNCTION_WORD_CACHE_MAX:
            self[token] = v
        return v


_FUNCTION_WORDS = _FunctionWordTally()


def language_of_sentences(sentences: Sequence[Sentence], sample: int = 300) -> str:
    """:func:`detect_language` on the first ``sample`` words, reusing the tokens."""
    first = islice(chain.from_iterable(s.tokens for s in sentences), sample)
    tally = sum(map(_FUNCTION_WORDS.__getitem__, first))
    words, function_words = tally & 0xFFFFFFFF, tally >> 32
    if words and function_words / words >= english_function_word_share():
        return "en"
    return detect_language(" ".join(s.text for s in sentences))


def clear_function_word_cache() -> None:
    """Empty the per-token memo of :func:`language_of_sentences`."""
    _FUNCTION_WORDS.clear()
