"""Readability of an article: every published formula from one shared set of counts.

All counts are over the article's body sentences (``article.sentences``: standfirst
and paragraphs); headline, subheadings, captions, credits and the source line are never
counted. One pass over the words collects, per sentence, the numbers every formula
needs (words, syllables, letters, polysyllables, Gunning's complex words, Dale-Chall
unfamiliar words), so the article figures, the sentence grades and the paragraph grades
all come from the same counts.

Where this differs from textstat 0.7.13 it is because textstat departs from the
published formula; ``docs/readability.md`` lists each difference with its reason, and
``tests/test_readability.py`` shows both values. textstat remains the source of the
Dale-Chall word list and of the formulas for languages other than English.
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from analysis import textstat_offline
from analysis.text import _WORD, Sentence, _syllable_table, in_cmudict, syllables

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article

textstat_offline.install()  # textstat must never download NLTK's cmudict at run time

DATA = Path(__file__).resolve().parent.parent / "data" / "readability.yaml"
with open(DATA, encoding="utf-8") as _f:
    KNOWLEDGE: dict[str, Any] = yaml.safe_load(_f)

_FAMILIAR_RULES = [tuple(r) for r in KNOWLEDGE["familiar_inflections"]]
_DOUBLING = tuple(KNOWLEDGE["doubling_endings"])
_GUNNING_ENDINGS = [tuple(r) for r in KNOWLEDGE["gunning_verb_endings"]]
_COMMON_ENDINGS = tuple(KNOWLEDGE["common_word_endings"])
_EN_FUNCTION = frozenset(KNOWLEDGE["english_function_words"])
WORDS_PER_MINUTE = float(KNOWLEDGE["reading_words_per_minute"])
SMOG_MIN_SENTENCES = 30
CONSENSUS_FORMULAS = (
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
)


@lru_cache(maxsize=1)
def dale_chall_list() -> frozenset[str]:
    """The Dale-Chall list of familiar words, from textstat's resources (lower case)."""
    from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

    return frozenset(w.lower() for w in get_lang_easy_words("en_US") if w)


# --- word-level judgements (cached: a news article repeats most of its words) ------

_LETTER = re.compile(r"[^\W\d_]")
_OPENING_QUOTES = "\"'“‘«(["


def _is_figure(word: str) -> bool:
    return word[:1].isdigit() or (word[:1] in "$£€¥" and word[1:2].isdigit())


@lru_cache(maxsize=1)
def _familiar_forms() -> frozenset[str]:
    """Every word of the Dale-Chall list with its regular inflections and contractions
    (see :func:`is_familiar_form`), generated once from the list and the rules in
    ``data/readability.yaml``: one set look-up per word instead of trying each rule."""
    easy = dale_chall_list()
    forms = set(easy)
    for e in easy:
        forms.add(e + "n't")
        forms.update(e + tail for tail in _CONTRACTION_TAILS)
        for ending, repl in _FAMILIAR_RULES:
            if repl and not e.endswith(repl):
                continue
            base = e[: len(e) - len(repl)]
            if len(base) >= 2:  # the rule needs more than one letter before its ending
                forms.add(base + ending)
            if ending in _DOUBLING and not repl and len(e) >= 2:
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
    for ending, repl in _GUNNING_ENDINGS:
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


def _profile(token: str) -> tuple[int, int, bool, bool, bool, str, int]:
    """Everything about a token that does not depend on where it stands:
    (syllables, letters, figure, familiar form, Gunning-easy form, lower case,
    case: 0 lower-case start, 1 capitalised, 2 capitalised opener that looks common)."""
    low = token.lower().replace("’", "'")
    figure = _is_figure(token)
    syl = syllables(token)
    bare = low.strip("'")
    if token[:1].isupper():
        looks_common = not token.isupper() or len(token) == 1
        case = 2 if looks_common and _looks_common(bare) else 1
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


def _looks_common(low: str) -> bool:
    """A capitalised sentence opener seen nowhere else in the article: a common word if
    it is familiar or ends like one (-tion, -ly, ...), else taken for a proper name."""
    return is_familiar_form(low) or (len(low) > 5 and low.endswith(_COMMON_ENDINGS))


# --- counts -----------------------------------------------------------------------


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
_TOKEN_CACHE_MAX = 1 << 17  # distinct tokens kept before the tables start afresh
_INFO: dict[str, tuple[int, int, str]] = {}  # token -> (packed as a common word, case, low)
_LOWER: dict[str, str] = {}  # lower-case-initial token -> its lower-case form
_CAPITAL: dict[str, str] = {}  # capitalised token -> its lower-case form


_FIELDS = struct.Struct("<5I").unpack  # five little-endian 32-bit counts


def _unpack(packed: int) -> tuple[int, int, int, int, int]:
    """(syllables, letters, polysyllables, complex words, unfamiliar words) of a packed
    per-token total: five counts summed at once as one integer, 32 bits each."""
    return _FIELDS(packed.to_bytes(20, "little"))


def _counts_from_packed(sentences: int, words: int, packed: int) -> Counts:
    syl, letters, poly, cplx, unf = _unpack(packed)
    return Counts(sentences, words, syl, letters, poly, cplx, unf)


class _TokenCounts(dict):
    """token -> packed counts as it counts inside a sentence (a capitalised token as a
    name); fills :data:`_INFO`, :data:`_LOWER` and :data:`_CAPITAL` on first sight."""

    def __missing__(self, token: str) -> int:
        syl, letters, figure, familiar, easy_form, low, case = _profile(token)
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


def clear_word_caches() -> None:
    """Empty the per-word memo tables of the text layer and of readability (tokens of
    white-space chunks, syllables, word forms, per-token counts). They fill again as
    articles are read; the word lists and dictionaries stay loaded. For long-running
    processes that want the memory back, and for benchmarks of a cold start."""
    from analysis import text

    text._CHUNKS.clear()
    text.syllables.cache_clear()
    _gunning_easy_by_form.cache_clear()
    for table in (_TOKENS, _INFO, _LOWER, _CAPITAL, _FUNCTION_WORDS):
        table.clear()


def _is_name_opener(token: str, lower_seen: set, capital_inside: set) -> bool:
    """Whether a capitalised token at the opening of a sentence or quotation is a name:
    yes if the article capitalises it elsewhere and never writes it in lower case, no if
    the article writes it in lower case, else by :func:`_looks_common` (``case``)."""
    low = _CAPITAL[token]
    if low in lower_seen:
        return False
    if low in capital_inside:
        return True
    return _INFO[token][1] == 1


class _Tally:
    """Per-sentence packed counts of a list of sentences, with the article-wide evidence
    on names (see :func:`count_sentences`)."""

    def __init__(self, sentences: Sequence[Sentence], text: str) -> None:
        if len(_TOKENS) > _TOKEN_CACHE_MAX:
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
        c = _counts_from_packed(1, len(texts), self.sums[k])
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
    never writes it in lower case, else by :func:`_looks_common`."""
    tally = _Tally(sentences, text)
    return [tally.counts(k) for k in range(len(sentences))]


# --- the formulas -----------------------------------------------------------------


def flesch_reading_ease(c: Counts) -> float | None:
    """Flesch Reading Ease, 0 (hard) to 100 (easy); Flesch (1948), "A new readability
    yardstick", J. Applied Psychology 32: 206.835 - 1.015 (words/sentences)
    - 84.6 (syllables/words)."""
    if not c.words or not c.sentences:
        return None
    return 206.835 - 1.015 * c.words / c.sentences - 84.6 * c.syllables / c.words


def flesch_kincaid_grade(c: Counts) -> float | None:
    """Flesch-Kincaid grade level (US school grade); Kincaid, Fishburne, Rogers & Chissom
    (1975), Navy research report 8-75: 0.39 (words/sentences) + 11.8 (syllables/words)
    - 15.59."""
    if not c.words or not c.sentences:
        return None
    return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59


def gunning_fog(c: Counts) -> float | None:
    """Gunning Fog index (US grade); Gunning (1952), The Technique of Clear Writing:
    0.4 (words/sentences + 100 hard words/words). Hard words have three or more
    syllables, leaving out capitalised words, combinations of short easy words and
    words made three syllables by -ed, -es or -ing."""
    if not c.words or not c.sentences:
        return None
    return 0.4 * (c.words / c.sentences + 100 * c.complex_words / c.words)


def smog_index(c: Counts) -> float | None:
    """SMOG grade (US grade); McLaughlin (1969), "SMOG grading: a new readability
    formula", J. Reading 12(8): 1.0430 sqrt(polysyllables x 30/sentences) + 3.1291.
    Defined for samples of 30 sentences; shorter texts are scaled to 30 sentences, and
    :func:`readability` reports ``smog_valid`` false for them."""
    if not c.sentences:
        return None
    return 1.0430 * math.sqrt(c.polysyllables * SMOG_MIN_SENTENCES / c.sentences) + 3.1291


def coleman_liau_index(c: Counts) -> float | None:
    """Coleman-Liau index (US grade); Coleman & Liau (1975), "A computer readability
    formula designed for machine scoring", J. Applied Psychology 60(2): 0.0588 L
    - 0.296 S - 15.8, L letters and S sentences per 100 words (letters only: not
    digits or punctuation)."""
    if not c.words:
        return None
    return 0.0588 * 100 * c.letters / c.words - 0.296 * 100 * c.sentences / c.words - 15.8


def automated_readability_index(c: Counts) -> float | None:
    """Automated Readability Index (US grade); Senter & Smith (1967), AMRL-TR-66-220, in
    the form of Smith & Kincaid (1970): 4.71 (letters/words) + 0.5 (words/sentences)
    - 21.43; letters only, no punctuation."""
    if not c.words or not c.sentences:
        return None
    return 4.71 * c.letters / c.words + 0.5 * c.words / c.sentences - 21.43


def dale_chall(c: Counts) -> float | None:
    """Dale-Chall score (4.9 and below: grade 4 and below ... 10 and above: college
    graduate); Dale & Chall (1948), "A formula for predicting readability", Educational
    Research Bulletin 27: 0.1579 PDW + 0.0496 ASL, plus 3.6365 when more than 5% of
    the words are unfamiliar (PDW: percentage of words not familiar; ASL: words per
    sentence)."""
    if not c.words or not c.sentences:
        return None
    pdw = 100 * c.unfamiliar_words / c.words
    score = 0.1579 * pdw + 0.0496 * c.words / c.sentences
    return score + 3.6365 if pdw > 5 else score


def dale_chall_new(c: Counts) -> float | None:
    """New Dale-Chall cloze score (higher is easier); Chall & Dale (1995), Readability
    Revisited: 64 - 0.95 PDW - 0.69 ASL, read as a grade band by
    :func:`dale_chall_new_level`."""
    if not c.words or not c.sentences:
        return None
    return 64 - 0.95 * 100 * c.unfamiliar_words / c.words - 0.69 * c.words / c.sentences


def dale_chall_new_level(cloze: float | None) -> dict[str, Any] | None:
    """Chall & Dale (1995) reading level of a cloze score: ``{"level": "9-10", "grade"}``."""
    if cloze is None:
        return None
    for row in KNOWLEDGE["new_dale_chall_levels"]:
        if round(cloze) >= row["min"]:
            return {"level": str(row["level"]), "grade": float(row["grade"])}
    return None


def dale_chall_level(score: float | None) -> str | None:
    """US grade band of a Dale-Chall (1948) score, from Dale & Chall's correction table
    (``data/readability.yaml``): 8.34 -> "11-12"."""
    if score is None:
        return None
    for row in KNOWLEDGE["dale_chall_levels"]:
        if score >= row["min"]:
            return str(row["level"])
    return None


def linsear_write(c: Counts) -> float | None:
    """Linsear Write (US grade); O'Hayre (1966), Gobbledygook Has Gotta Go, US Bureau of
    Land Management: r = (easy words + 3 hard words)/sentences, easy = up to two
    syllables, hard = three or more; grade = r/2 if r > 20 else (r - 2)/2. Defined on a
    100-word sample; the ratio is the same for any length, so it is applied to the
    whole text."""
    if not c.words or not c.sentences:
        return None
    r = (c.words - c.polysyllables + 3 * c.polysyllables) / c.sentences
    return r / 2 if r > 20 else (r - 2) / 2


GRADE_FORMULAS = {
    "flesch_kincaid_grade": flesch_kincaid_grade,
    "gunning_fog": gunning_fog,
    "smog_index": smog_index,
    "coleman_liau_index": coleman_liau_index,
    "automated_readability_index": automated_readability_index,
}


def consensus(c: Counts) -> tuple[float | None, float | None, list[float]]:
    """Mean, spread (max - min) and values of the five grade formulas
    (:data:`CONSENSUS_FORMULAS`) on the same counts."""
    values = [v for f in GRADE_FORMULAS.values() if (v := f(c)) is not None]
    if not values:
        return None, None, []
    return sum(values) / len(values), max(values) - min(values), values


def _packed_grade_entry(
    entry: dict[str, Any], words: int, sentences: int, packed: int
) -> dict[str, Any]:
    """``entry`` (a sentence's or paragraph's position fields) completed with its
    :func:`consensus` grade and spread, rounded to 2 decimals, and its counts, from its
    packed per-token totals (see :func:`_unpack`): the same arithmetic as the five
    formula functions, in one call (a batch needs thousands of these)."""
    syl, letters, poly, cplx, unf = _FIELDS(packed.to_bytes(20, "little"))
    if words and sentences:
        fk = 0.39 * words / sentences + 11.8 * syl / words - 15.59
        fog = 0.4 * (words / sentences + 100 * cplx / words)
        smog = 1.0430 * math.sqrt(poly * SMOG_MIN_SENTENCES / sentences) + 3.1291
        cl = 0.0588 * 100 * letters / words - 0.296 * 100 * sentences / words - 15.8
        ari = 4.71 * letters / words + 0.5 * words / sentences - 21.43
        entry["grade"] = round((fk + fog + smog + cl + ari) / 5, 2)
        entry["spread"] = round(max(fk, fog, smog, cl, ari) - min(fk, fog, smog, cl, ari), 2)
    else:
        grade, spread, _ = consensus(Counts(sentences, words, syl, letters, poly, cplx))
        entry["grade"] = _r(grade)
        entry["spread"] = _r(spread)
    entry["words"] = words
    entry["syllables"] = syl
    entry["long_words"] = poly
    entry["complex_words"] = cplx
    entry["unfamiliar_words"] = unf
    return entry


# --- meanings ---------------------------------------------------------------------


def grade_meaning(grade: float | None) -> dict[str, Any] | None:
    """A US school grade in words, with the typical range of general news."""
    if grade is None:
        return None
    news = KNOWLEDGE["news_typical_range"]
    for band in KNOWLEDGE["grade_bands"]:
        if grade <= band["max"]:
            if grade < news["low"]:
                rel = "easier than most general news"
            elif grade > news["high"]:
                rel = "harder than most general news"
            else:
                rel = "within the usual range of general news"
            return {
                "label": band["label"],
                "meaning": band["meaning"],
                "news_typical_range": [news["low"], news["high"]],
                "compared_with_news": rel,
                "news_range_source": news["source"],
            }
    return None


def flesch_band(score: float | None) -> str | None:
    """Flesch (1949) description of a Reading Ease score."""
    if score is None:
        return None
    for band in KNOWLEDGE["flesch_bands"]:
        if score >= band["min"]:
            return band["label"]
    return None


# --- language ---------------------------------------------------------------------


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``: English when English function words make up their
    usual share of the words (cheap, and right for any English prose), else langdetect
    (seeded, so the answer is repeatable); "unknown" when neither can tell."""
    toks = re.findall(r"[^\W\d_]+", text.lower())
    if not toks:
        return "unknown"
    share = sum(t in _EN_FUNCTION for t in toks) / len(toks)
    if share >= KNOWLEDGE["english_function_word_share"]:
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
        v = (1 + (low in _EN_FUNCTION) * (1 << 32)) if low[:1].isalpha() else 0
        if len(self) < _TOKEN_CACHE_MAX:
            self[token] = v
        return v


_FUNCTION_WORDS = _FunctionWordTally()


def _detect_from_sentences(sentences: Sequence[Sentence], sample: int = 300) -> str:
    """:func:`detect_language` on the first ``sample`` words, reusing the tokens."""
    first = islice(chain.from_iterable(s.tokens for s in sentences), sample)
    tally = sum(map(_FUNCTION_WORDS.__getitem__, first))
    words, function_words = tally & 0xFFFFFFFF, tally >> 32
    if words and function_words / words >= KNOWLEDGE["english_function_word_share"]:
        return "en"
    return detect_language(" ".join(s.text for s in sentences))


_TEXTSTAT_LANGUAGE_FORMULAS: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "de": [("wiener_sachtextformel", {"variant": 1})],
    "es": [("fernandez_huerta", {}), ("szigriszt_pazos", {}), ("gutierrez_polini", {}),
           ("crawford", {})],
    "it": [("gulpease_index", {})],
}


def _other_language(sentences: Sequence[Sentence], lang: str) -> dict[str, Any]:
    """Scores for a text not in English: textstat's Flesch Reading Ease constants for
    the language (Amstad for German, Fernández Huerta for Spanish, Kandel & Moles for
    French, Flesch-Vacca for Italian, Douma for Dutch, Oborneva for Russian) on our
    counts with textstat's syllable counter for it, plus textstat's own formulas
    written for that language."""
    from textstat.backend.counts._count_syllables import count_syllables
    from textstat.backend.utils.constants import LANG_CONFIGS

    out: dict[str, Any] = {"flesch_reading_ease": None, "language_scores": {}}
    cfg = LANG_CONFIGS.get(lang, {})
    n_words = sum(len(s.words) for s in sentences)
    if "fre_base" in cfg and n_words:
        try:
            syl = sum(count_syllables(w.text.lower(), lang) for s in sentences for w in s.words)
        except Exception:  # pyphen has no dictionary for this language
            syl = None
        if syl:
            out["syllables"] = syl
            out["flesch_reading_ease"] = (
                cfg["fre_base"]
                - cfg["fre_sentence_length"] * n_words / len(sentences)
                - cfg["fre_syll_per_word"] * syl / n_words
            )
    body = " ".join(s.text for s in sentences)
    from textstat.textstat import textstatistics

    ts = textstatistics()
    ts.set_lang(lang)
    for name, kwargs in _TEXTSTAT_LANGUAGE_FORMULAS.get(lang, []):
        try:
            out["language_scores"][name] = float(getattr(ts, name)(body, **kwargs))
        except Exception:
            out["language_scores"][name] = None
    return out


# --- the entry point --------------------------------------------------------------


def _r(x: float | None, nd: int = 2) -> float | None:
    return None if x is None else round(float(x), nd)


def _listed(words: list[str], total: int, limit: int = 6) -> str:
    """Up to ``limit`` distinct words, with an ellipsis when ``total`` has more."""
    shown = list(dict.fromkeys(words))[:limit]
    return ", ".join(shown) + (", …" if total > len(shown) else "")


def _words(n: int) -> str:
    return f"{n} word" if n == 1 else f"{n} words"


def _why(c: Counts, mean_len: float) -> str:
    parts = []
    if c.words > 1.5 * mean_len:
        parts.append(f"long: {c.words} words (article average {mean_len:.0f})")
    if c.long_word_list:
        n = len(c.long_word_list)
        parts.append(
            f"{_words(n)} of three or more syllables ({_listed(c.long_word_list, n)})"
        )
    if c.unfamiliar_word_list:
        long = set(c.long_word_list)
        other = [w for w in c.unfamiliar_word_list if w not in long]
        n = len(c.unfamiliar_word_list)
        if not other:
            which = "all among the long words"
        elif len(other) < n:
            which = f"besides long words: {_listed(other, len(other))}"
        else:
            which = _listed(other, len(other))
        parts.append(f"{_words(n)} not on the Dale-Chall list ({which})")
    return "; ".join(parts) or f"{c.words} words"


def _grade_entry(c: Counts) -> dict[str, Any]:
    grade, spread, _ = consensus(c)
    return {
        "grade": _r(grade),
        "spread": _r(spread),
        "words": c.words,
        "syllables": c.syllables,
        "long_words": c.polysyllables,
        "complex_words": c.complex_words,
        "unfamiliar_words": c.unfamiliar_words,
    }


def scores(c: Counts) -> dict[str, float | None]:
    """Every formula on one set of counts, unrounded."""
    return {
        "flesch_reading_ease": flesch_reading_ease(c),
        "flesch_kincaid_grade": flesch_kincaid_grade(c),
        "gunning_fog": gunning_fog(c),
        "smog_index": smog_index(c),
        "coleman_liau_index": coleman_liau_index(c),
        "automated_readability_index": automated_readability_index(c),
        "dale_chall": dale_chall(c),
        "dale_chall_new": dale_chall_new(c),
        "linsear_write": linsear_write(c),
    }


_SCORE_NAMES = (*scores(Counts()), "consensus_grade", "consensus_spread")


def readability_of_sentences(
    sentences: Sequence[Sentence], text: str, *, language: str | None = None,
    hardest: int = 5,
) -> dict[str, Any]:
    """:func:`readability` for a list of sentences of ``text`` (see there)."""
    lang = (language or _detect_from_sentences(sentences)).lower()
    lang = lang.split("_")[0].split("-")[0]
    if lang == "en":
        tally = _Tally(sentences, text)
        sums = tally.sums
        lengths = list(map(len, tally.texts))
        packed = sum(sums)
        total = _counts_from_packed(len(sentences), sum(lengths), packed)
    else:
        total = Counts(
            sentences=len(sentences), words=sum(len(s.words) for s in sentences)
        )

    result: dict[str, Any] = {
        "language": lang,
        "note": None,
        "sentences": total.sentences,
        "words": total.words,
        "syllables": total.syllables if lang == "en" else None,
        "letters": total.letters if lang == "en" else None,
        "complex_words": total.complex_words if lang == "en" else None,
        "polysyllabic_words": total.polysyllables if lang == "en" else None,
        "unfamiliar_words": total.unfamiliar_words if lang == "en" else None,
    }
    for k in _SCORE_NAMES:
        result[k] = None
    result.update(
        {
            "consensus_range": None,
            "smog_valid": total.sentences >= SMOG_MIN_SENTENCES,
            "dale_chall_new_level": None,
            "flesch_band": None,
            "grade_meaning": None,
            "reading_time_minutes": _r(total.words / WORDS_PER_MINUTE, 1),
            "sentence_grades": [],
            "paragraph_grades": [],
            "hardest_sentences": [],
        }
    )
    if lang != "en":
        other = _other_language(sentences, lang)
        result["syllables"] = other.get("syllables")
        result["flesch_reading_ease"] = _r(other["flesch_reading_ease"])
        result["language_scores"] = {k: _r(v) for k, v in other["language_scores"].items()}
        result["flesch_band"] = None
        result["note"] = (
            f"The text is not in English (language: {lang}). The English grade formulas "
            "and word lists do not apply, so they are left empty"
            + (
                "; Flesch Reading Ease uses textstat's constants for this language."
                if result["flesch_reading_ease"] is not None
                else "; textstat has no formula for this language."
            )
        )
        return result
    if not total.words:
        result["note"] = "The article has no body text to measure."
        return result

    for k, v in scores(total).items():
        result[k] = _r(v)
    grade, spread, values = consensus(total)
    result["consensus_grade"] = _r(grade)
    result["consensus_spread"] = _r(spread)
    result["consensus_range"] = [_r(min(values)), _r(max(values))]
    result["dale_chall_new_level"] = dale_chall_new_level(dale_chall_new(total))
    result["flesch_band"] = flesch_band(result["flesch_reading_ease"])
    result["grade_meaning"] = grade_meaning(grade)
    if not result["smog_valid"]:
        result["note"] = (
            f"SMOG is defined on 30 sentences; this text has {total.sentences}, so its "
            "SMOG grade is scaled up from fewer sentences and is less reliable."
        )

    mean_len = total.words / total.sentences
    sentence_grades = []
    grades = []
    by_par: dict[int, list[int]] = {}  # paragraph -> [start, end, sentences, words, packed]
    for s, n, pk in zip(sentences, lengths, sums, strict=True):
        p = s.paragraph
        entry = _packed_grade_entry(
            {"index": s.index, "start": s.start, "end": s.end, "paragraph": p}, n, 1, pk
        )
        grades.append(entry["grade"])
        sentence_grades.append(entry)
        par = by_par.get(p)
        if par is None:
            by_par[p] = [s.start, s.end, 1, n, pk]
        else:
            par[1] = s.end
            par[2] += 1
            par[3] += n
            par[4] += pk
    result["sentence_grades"] = sentence_grades

    paragraph_grades = []
    for p, (start, end, ns, n, pk) in by_par.items():
        paragraph_grades.append(_packed_grade_entry(
            {"paragraph": p, "start": start, "end": end, "sentences": ns}, n, ns, pk
        ))
    result["paragraph_grades"] = paragraph_grades

    lowest = float("-inf")
    order = sorted(range(len(grades)), key=lambda i: -(grades[i] or lowest))[:hardest]
    hard = []
    for i in order:
        c = tally.counts(i)
        s = sentences[i]
        hard.append({
            "index": s.index,
            "start": s.start,
            "end": s.end,
            "text": s.text,
            "grade": grades[i],
            "words": c.words,
            "long_words": list(dict.fromkeys(c.long_word_list)),
            "unfamiliar_words": list(dict.fromkeys(c.unfamiliar_word_list)),
            "why": _why(c, mean_len),
        })
    result["hardest_sentences"] = hard
    return result


def readability(article: Article, language: str | None = None) -> dict[str, Any]:
    """Readability of an article's body text, as a JSON-serialisable dict.

    Keys (numbers rounded to 2 decimals; null where a formula does not apply):
    ``flesch_reading_ease``, ``flesch_kincaid_grade``, ``gunning_fog``, ``smog_index``,
    ``coleman_liau_index``, ``automated_readability_index``, ``dale_chall`` (1948),
    ``dale_chall_new`` (1995 cloze score) with ``dale_chall_new_level``,
    ``linsear_write``, ``consensus_grade`` (mean of Flesch-Kincaid, Fog, SMOG,
    Coleman-Liau and ARI) with ``consensus_spread`` (max - min) and ``consensus_range``;
    counts ``sentences``, ``words``, ``syllables``, ``letters``, ``complex_words``
    (Gunning), ``polysyllabic_words``, ``unfamiliar_words`` (Dale-Chall);
    ``smog_valid`` (at least 30 sentences), ``reading_time_minutes`` (238 words per
    minute), ``flesch_band``, ``grade_meaning``, ``language``, ``note``;
    ``sentence_grades`` and ``paragraph_grades`` (consensus grade of each, with offsets
    into ``article.text``) and ``hardest_sentences`` (with the reasons).

    ``language`` (ISO 639-1) overrides detection. A text not in English gets a note
    and only the formulas textstat has for its language.
    """
    return readability_of_sentences(article.sentences, article.text, language=language)


def readability_of_text(text: str, language: str | None = None) -> dict[str, Any]:
    """:func:`readability` of a plain string taken as one body paragraph per line."""
    from analysis.article import Article, Block, Kind

    blocks = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            s = pos + line.index(stripped)
            blocks.append(Block(Kind.PARAGRAPH, s, s + len(stripped), stripped))
        pos += len(line)
    return readability(Article(id="text", text=text, blocks=blocks), language=language)


def textstat_scores(text: str) -> dict[str, float]:
    """textstat 0.7.13's nine formula functions on ``text`` (for comparison only)."""
    import textstat

    return {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "coleman_liau_index": textstat.coleman_liau_index(text),
        "automated_readability_index": textstat.automated_readability_index(text),
        "dale_chall": textstat.dale_chall_readability_score(text),
        "dale_chall_new": textstat.dale_chall_readability_score_v2(text),
        "linsear_write": textstat.linsear_write_formula(text),
    }
