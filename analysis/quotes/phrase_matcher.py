"""The phrase matcher: whole-word lookup of many literal phrases in one pass."""

from __future__ import annotations

import re
from typing import Any

_KEY = re.compile(r"\w+")

class Hit:
    """A phrase found in a text, with the ``re.Match`` methods the extractor uses."""

    __slots__ = ("a", "b", "phrase")

    def __init__(self, start: int, end: int, text: str):
        self.a, self.b, self.phrase = start, end, text

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b

    def group(self, _: int = 0) -> str:
        return self.phrase


class _Word:
    """A ``\\w+`` run as the lexicon reads it (start offset and text)."""

    __slots__ = ("start", "text")

    def __init__(self, start: int, text: str):
        self.start, self.text = start, text


class Lexicon:
    """Whole-word lookup of many literal phrases in several categories at once.

    Phrases are keyed by their first word, so a text is scanned with one dictionary
    lookup per word instead of a regular expression with hundreds of alternatives tried
    at every character: the speed the 5 ms budget needs. Within a category the longest
    phrase at a position wins and hits do not overlap.
    """

    def __init__(self) -> None:
        # first word -> [(phrase, category, len(phrase), characters that may not follow)]
        self.by_first: dict[str, list[tuple[str, str, int, str]]] = {}
        self.no_suffix: dict[str, str] = {}
        self._one: dict[str, dict[str, list[tuple[str, str, int, str]]]] = {}

    def add(self, phrases: list[str], category: str, *, any_case: bool = False,
            no_suffix: str = "") -> None:
        self.no_suffix[category] = no_suffix
        self._one.clear()
        variants = set()
        for ph in phrases:
            variants.add(ph)
            if any_case:
                variants.update({ph.lower(), ph[:1].upper() + ph[1:]})
        for ph in variants:
            m = _KEY.match(ph)
            if m:
                self.by_first.setdefault(m.group(0), []).append(
                    (ph, category, len(ph), no_suffix))
        for cands in self.by_first.values():
            cands.sort(key=lambda c: -c[2])

    def _only(self, category: str) -> dict[str, list[tuple[str, str, int, str]]]:
        """The phrases of one category, keyed by first word (built once)."""
        one = self._one.get(category)
        if one is None:
            one = {}
            for first, cands in self.by_first.items():
                mine = [c for c in cands if c[1] == category]
                if mine:
                    one[first] = mine
            self._one[category] = one
        return one

    def scan(self, text: str, a: int = 0, b: int | None = None, only: str | None = None
             ) -> dict[str, list[Hit]]:
        """Hits of every category in ``text[a:b]``, each list in text order; with
        ``only``, the hits of that one category (the same hits, found faster)."""
        b = len(text) if b is None else b
        words = [_Word(m.start(), m.group(0)) for m in _KEY.finditer(text, a, b)]
        if only is None:
            return self._scan(text, words, b, 0, self.by_first, self.no_suffix)
        return self._scan(text, words, b, 0, self._only(only), (only,))

    def scan_words(self, text: str, words: Any, b: int, offset: int = 0
                   ) -> dict[str, list[Hit]]:
        """Hits of every category at the given words of ``text`` (objects with ``start``
        and ``text``, such as the shared text layer's ``Word``; their offsets minus
        ``offset`` index ``text``), none ending after ``b``."""
        return self._scan(text, words, b, offset, self.by_first, self.no_suffix)

    @staticmethod
    def _scan(text: str, words: Any, b: int, offset: int,
              by_first: dict[str, list[tuple[str, str, int, str]]], categories: Any
              ) -> dict[str, list[Hit]]:
        out: dict[str, list[Hit]] = {c: [] for c in categories}
        # the next hit of a category starts at or after the end of its last hit, so the
        # longest phrase at a position (candidates are longest first) is the one kept
        last_end = dict.fromkeys(categories, 0)
        n = len(text)
        get = by_first.get
        for w in words:
            word = w.text
            cands = get(word)
            if cands is None:
                if word.isalnum():
                    continue
                m = _KEY.match(word)  # "China’s", "U.S.", "US-led": look up the first part
                if m is None:
                    continue
                cands = get(m.group(0))
                if cands is None:
                    continue
            s = w.start - offset
            if s > 0 and text[s - 1] in "’'-":
                continue
            for ph, cat, length, no_suffix in cands:
                if s < last_end[cat]:
                    continue
                e = s + length
                if e <= b and text.startswith(ph, s) and not (
                        e < n and (text[e].isalnum() or text[e] == "_"
                                   or text[e] in no_suffix)):
                    out[cat].append(Hit(s, e, ph))
                    last_end[cat] = e
        return out

