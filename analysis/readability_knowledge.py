"""The readability knowledge in ``data/readability.yaml`` (word-form rules, grade bands,
reading rate, language-detection words), read once, on first use.

Nothing is read when a module is imported: every reader calls
:func:`readability_knowledge`, which loads the file the first time and caches it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from analysis.paths import READABILITY
from analysis.yaml_files import SafeLoader

KNOWLEDGE_FILE = READABILITY


@lru_cache(maxsize=1)
def readability_knowledge() -> dict[str, Any]:
    """The parsed ``data/readability.yaml`` (loaded on the first call, then cached)."""
    with open(KNOWLEDGE_FILE, encoding="utf-8") as f:
        return yaml.load(f, Loader=SafeLoader)  # noqa: S506 - a safe loader


def words_per_minute() -> float:
    """Silent reading rate of adult non-fiction readers, words per minute (Brysbaert
    2019, J. Memory and Language 109; the number lives in ``data/readability.yaml``)."""
    return float(readability_knowledge()["reading_words_per_minute"])
