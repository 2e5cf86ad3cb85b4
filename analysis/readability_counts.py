"""Counts for the readability formulas: one pass over an article's sentences collects,
per sentence, the words, syllables, letters, polysyllables, Gunning's complex words and
Dale-Chall unfamiliar words, deciding proper names with article-wide evidence.

Per-token counts are memoised by token text and packed into one integer per token, so
that a sentence's totals are one C-level ``sum`` (see :data:`TOKEN_CACHE_MAX`,
:func:`unpack`).
"""

from __future__ import annotations

import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain, islice

from analysis.text import _WORD, Sentence
from analysis.word_difficulty import word_profile


@dataclass
class Counts:
    """Everything the formulas need, for one sentence or summed over many."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    letters: int = 0
    polysyllables: int = 0  # words of three or more syllables (SMOG, Linsear Write)
    complex_words: int = 0  # Gunning's hard words
    unfamiliar_words: int = 0  # Dale-Chall: not familiar
    long_word_list: list[str] = field(default_factory=list)
    unfamiliar_word_list: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.sentences += other.sentences
        self.words += other.words
        self.syllables += other.syllables
        self.letters += other.letters
        self.polysyllables += other.polysyllables
        self.complex_words += other.complex_words
        self.unfamiliar_words += other.unfamiliar_words


_QUOTE_OR_COLON = re.compile(r"[\"'“‘«(\[:]")


def _initial_positions(sentence: Sentence) -> tuple[int, ...]:
    """Indexes of words that open the sentence or a quotation inside it (after a
    quotation mark, bracket or colon), where a capital says nothing about being a name."""
    text = sentence.text
    tokens = sentence.tokens
    if not tokens:
        return _FIRST
    marks = _QUOTE_OR_COLON.finditer(text, text.find(tokens[0]) + len(tokens[0]))
    first = next(marks, None)
    if first is None:  # most sentences: no quotation or colon inside
        return _FIRST
    out = {0}
    n = len(tokens)
    count_before = _WORD.findall
    for m in chain((first,), marks):
        # the first word at or after the mark: a mark falls between words or inside a
        # word only at an apostrophe or a time's colon, where the text before it is
        # still one word, so the words before the mark are the words of text[:mark]
        i = len(count_before(text, 0, m.start()))
        if i < n:
            out.add(i)
    return tuple(sorted(out))


# Per-token counts, memoised by token text in plain dicts shared across articles (a news
# article repeats most of its words, and a batch repeats most of its vocabulary). The
# five counts a sentence sums are packed into one integer of 32-bit fields, so that a
# sentence's totals are one C-level ``sum``: syllables | letters | polysyllable |
# Gunning-complex | Dale-Chall-unfamiliar. A capitalised token inside a sentence is a
# proper name (not complex, not unfamiliar); at the opening of a sentence or quotation
# it is decided with article-wide evidence (see :func:`count_sentences`).
_BITS = 32
_MASK = (1 << _BITS) - 1
_POLY = 1 << 2 * _BITS
_CPLX = 1 << 3 * _BITS
_UNF = 1 << 4 * _BITS
_POLY_FIELD = _MASK * _POLY  # the bits of the polysyllable count
_UNF_FIELD = _MASK * _UNF  # the bits of the unfamiliar-word count
TOKEN_CACHE_MAX = 1 << 17  # distinct tokens kept before the tables start afresh
_INFO: dict[str, tuple[int, int, str]] = {}  # token -> (packed as a common word, case, low)
_LOWER: dict[str, str] = {}  # lower-case-initial token -> its lower-case form
_CAPITAL: dict[str, str] = {}  # capitalised token -> its lower-case form


_FIELDS = struct.Struct("<5I").unpack  # five little-endian 32-bit counts


def unpack(packed: int) -> tuple[int, int, int, int, int]:
    """(syllables, letters, polysyllables, complex words, unfamiliar words) of a packed
    per-token total: five counts summed at once as one integer, 32 bits each."""
    return _FIELDS(packed.to_bytes(20, "little"))


def counts_from_packed(sentences: int, words: int, packed: int) -> Counts:
    """:class:`Counts` of ``sentences`` sentences and ``words`` words from their packed
    per-token total (see :func:`unpack`)."""
    syl, letters, poly, cplx, unf = _FIELDS(packed.to_bytes(20, "little"))
    return Counts(sentences, words, syl, letters, poly, cplx, unf)


class _TokenCounts(dict):
    """token -> packed counts as it counts inside a sentence (a capitalised token as a
    name); fills :data:`_INFO`, :data:`_LOWER` and :data:`_CAPITAL` on first sight."""

    def __missing__(self, token: str) -> int:
        syl, letters, figure, familiar, easy_form, low, case = word_profile(token)
        name = syl | letters << _BITS | (syl >= 3) * _POLY
        common = name | (syl >= 3 and not (figure or easy_form)) * _CPLX | (not familiar) * _UNF
        _INFO[token] = (common, case, low)
        if case:
            _CAPITAL[token] = low
        else:
            _LOWER[token] = low
            name = common
        self[token] = name
        return name


_TOKENS = _TokenCounts()


def clear_token_caches() -> None:
    """Empty the per-token count tables (they fill again as articles are read)."""
    for table in (_TOKENS, _INFO, _LOWER, _CAPITAL):
        table.clear()


def _is_name_opener(token: str, lower_seen: set, capital_inside: set) -> bool:
    """Whether a capitalised token at the opening of a sentence or quotation is a name:
    yes if the article capitalises it elsewhere and never writes it in lower case, no if
    the article writes it in lower case, else by
    :func:`analysis.word_difficulty.looks_common` (``case``)."""
    low = _CAPITAL[token]
    if low in lower_seen:
        return False
    if low in capital_inside:
        return True
    return _INFO[token][1] == 1


class Tally:
    """Per-sentence packed counts of a list of sentences, with the article-wide evidence
    on names (see :func:`count_sentences`)."""

    def __init__(self, sentences: Sequence[Sentence], text: str) -> None:
        if len(_TOKENS) > TOKEN_CACHE_MAX:
            for table in (_TOKENS, _INFO, _LOWER, _CAPITAL):
                table.clear()
        count = _TOKENS.__getitem__
        self.texts = texts_of = [s.tokens for s in sentences]
        sums = [sum(map(count, texts)) for texts in texts_of]
        # A quotation mark or colon anywhere after the first character is rare; only
        # then is the exact position of the openings worth working out.
        search = _QUOTE_OR_COLON.search
        self.initials = initials = [
            _initial_positions(s) if search(s.text, 1) else _FIRST for s in sentences
        ]
        # tokens seen away from the opening of a sentence or quotation
        inside = set(
            chain.from_iterable(
                islice(texts, 1, None)
                if init is _FIRST
                else (t for i, t in enumerate(texts) if i not in init)
                for texts, init in zip(texts_of, initials, strict=True)
            )
        )
        capital_inside = set(map(_CAPITAL.get, inside))
        lower_seen = set(map(_LOWER.get, set(chain.from_iterable(texts_of))))
        self.lower_seen, self.capital_inside = lower_seen, capital_inside
        info = _INFO
        for k, texts in enumerate(texts_of):
            if texts and texts[0] in _CAPITAL or initials[k] is not _FIRST:
                for i in initials[k]:
                    t = texts[i]
                    if t in _CAPITAL and not _is_name_opener(t, lower_seen, capital_inside):
                        sums[k] = sums[k] - _TOKENS[t] + info[t][0]
        self.sums = sums

    def counts(self, k: int) -> Counts:
        """Sentence ``k`` as :class:`Counts`, with its lists of long and unfamiliar
        words."""
        texts, init = self.texts[k], self.initials[k]
        c = counts_from_packed(1, len(texts), self.sums[k])
        commons = [_INFO[t][0] for t in texts]
        c.long_word_list = [t for t, cm in zip(texts, commons, strict=True) if cm & _POLY_FIELD]
        c.unfamiliar_word_list = [
            t
            for i, (t, cm) in enumerate(zip(texts, commons, strict=True))
            if cm & _UNF_FIELD
            and (
                t not in _CAPITAL
                or (i in init and not _is_name_opener(t, self.lower_seen, self.capital_inside))
            )
        ]
        return c


_FIRST = (0,)


def count_sentences(sentences: Sequence[Sentence], text: str) -> list[Counts]:
    """Per-sentence counts in one pass, deciding proper names with article-wide
    evidence: a capitalised word inside a sentence is a name (Dale & Chall 1948 count
    names as familiar; Gunning 1952 leaves capitalised words out of hard words); a
    capitalised sentence opener is a name if the article capitalises it elsewhere and
    never writes it in lower case, else by
    :func:`analysis.word_difficulty.looks_common`."""
    tally = Tally(sentences, text)
    return [tally.counts(k) for k in range(len(sentences))]
