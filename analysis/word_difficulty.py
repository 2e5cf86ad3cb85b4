"""Word-level judgements for the readability formulas: is a word familiar (Dale-Chall),
is a long word still easy by its form (Gunning), and everything about a token that does
not depend on where it stands. Cached per word: a news article repeats most of its
words. The rules come from ``data/readability.yaml``, read on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.readability_knowledge import readability_knowledge
from analysis.text import _syllable_table, in_cmudict, syllables


@lru_cache(maxsize=1)
def dale_chall_list() -> frozenset[str]:
    """The Dale-Chall list of familiar words, from textstat's resources (lower case)."""
    from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

    return frozenset(w.lower() for w in get_lang_easy_words("en_US") if w)


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[tuple[str, str], ...], tuple[str, ...], tuple[tuple[str, str], ...],
                      tuple[str, ...]]:
    """(familiar inflections, doubling endings, Gunning verb endings, common-word
    endings) from ``data/readability.yaml``."""
    k = readability_knowledge()
    return (
        tuple(tuple(r) for r in k["familiar_inflections"]),
        tuple(k["doubling_endings"]),
        tuple(tuple(r) for r in k["gunning_verb_endings"]),
        tuple(k["common_word_endings"]),
    )


_LETTER = re.compile(r"[^\W\d_]")


def _is_figure(word: str) -> bool:
    return word[:1].isdigit() or (word[:1] in "$£€¥" and word[1:2].isdigit())


@lru_cache(maxsize=1)
def _familiar_forms() -> frozenset[str]:
    """Every word of the Dale-Chall list with its regular inflections and contractions
    (see :func:`is_familiar_form`), generated once from the list and the rules in
    ``data/readability.yaml``: one set look-up per word instead of trying each rule."""
    familiar_rules, doubling, _, _ = _rules()
    easy = dale_chall_list()
    forms = set(easy)
    for e in easy:
        forms.add(e + "n't")
        forms.update(e + tail for tail in _CONTRACTION_TAILS)
        for ending, repl in familiar_rules:
            if repl and not e.endswith(repl):
                continue
            base = e[: len(e) - len(repl)]
            if len(base) >= 2:  # the rule needs more than one letter before its ending
                forms.add(base + ending)
            if ending in doubling and not repl and len(e) >= 2:
                forms.add(e + e[-1] + ending)  # a doubled final consonant: stopped, bigger
    return frozenset(forms)
_CONTRACTION_TAILS = ("'ll", "'ve", "'re", "'d", "'m")


def is_familiar_form(word: str) -> bool:
    """True when lower-case ``word`` is on the Dale-Chall list or is a regular inflection
    of a word on it (Dale & Chall 1948: plurals, possessives, -s/-ed/-ing verb forms,
    -er/-est comparisons, with a doubled final consonant where English spells one), or
    a contraction of one, or a hyphenated compound of such words."""
    w = word.replace("’", "'")
    if w in _familiar_forms():
        return True
    if "-" in w:
        return all(is_familiar_form(p) for p in w.split("-") if p)
    return False


@lru_cache(maxsize=1 << 16)
def _gunning_easy_by_form(word: str) -> bool:
    """Gunning (1952): a word of three or more syllables is still not hard when it is a
    combination of short easy words (``book-keeper``, ``manpower``) or reaches three
    syllables only by the verb endings -ed, -es or -ing (``visited``)."""
    w = word.replace("’", "'")
    parts = [p for p in re.split("[-\u2010\u2011]", w) if p]
    if len(parts) > 1:
        return all(syllables(p) < 3 for p in parts)
    for ending, repl in _rules()[2]:
        if w.endswith(ending) and len(w) > len(ending) + 2:
            stem = w[: -len(ending)] + repl
            cands = [stem]
            if not repl and len(stem) > 2 and stem[-1] == stem[-2]:
                cands.append(stem[:-1])
            for c in cands:
                if in_cmudict(c) and syllables(c) < 3:
                    return True
    cmu = _syllable_table()  # in_cmudict, without a call per split
    for i in range(3, len(w) - 2):
        a, b = w[:i], w[i:]
        if a in cmu and b in cmu and is_familiar_form(a) and is_familiar_form(b):
            if syllables(a) < 3 and syllables(b) < 3:
                return True
    return False


def clear_word_form_cache() -> None:
    """Empty the per-word memo of Gunning's easy forms (the word lists stay loaded)."""
    _gunning_easy_by_form.cache_clear()


def word_profile(token: str) -> tuple[int, int, bool, bool, bool, str, int]:
    """Everything about a token that does not depend on where it stands:
    (syllables, letters, figure, familiar form, Gunning-easy form, lower case,
    case: 0 lower-case start, 1 capitalised, 2 capitalised opener that looks common)."""
    low = token.lower().replace("’", "'")
    figure = _is_figure(token)
    syl = syllables(token)
    bare = low.strip("'")
    if token[:1].isupper():
        may_be_common = not token.isupper() or len(token) == 1
        case = 2 if may_be_common and looks_common(bare) else 1
    else:
        case = 0
    return (
        syl,
        len(token) if token.isalpha() else len(_LETTER.findall(token)),
        figure,
        figure or is_familiar_form(bare),
        syl >= 3 and not figure and _gunning_easy_by_form(bare),
        low,
        case,
    )


def looks_common(low: str) -> bool:
    """A capitalised sentence opener seen nowhere else in the article: a common word if
    it is familiar or ends like one (-tion, -ly, ...), else taken for a proper name."""
    return is_familiar_form(low) or (len(low) > 5 and low.endswith(_rules()[3]))

