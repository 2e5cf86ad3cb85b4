"""The quotes found so far in one article, and the state every quote-finding pass shares.

:class:`Quote` is one extracted quote before its speaker is resolved.
:class:`FoundQuotes` holds the article's body, its cue hits, quotation-mark pairs and
speaker mentions, and the quotes found so far with indexes over them, so that each
look-up ("is this position inside a quote already?", "which quotes start here?") costs
what is near it rather than every quote so far. The passes that find quotes are
:mod:`analysis.quotes.extraction` (cues next to quotation marks),
:mod:`analysis.quotes.reported_speech` and :mod:`analysis.quotes.uncued_quotes`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.quotes.marks import Pair, quote_pairs
from analysis.quotes.mentions import Mention, body_scans, find_mentions
from analysis.quotes.phrase_matcher import Hit
from analysis.quotes.speaker_search import SpeakerSearch

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article


@dataclass
class Quote:
    """One extracted quote before speaker resolution."""

    start: int
    end: int
    kind: str  # direct | mixed | indirect
    cue: str | None
    cue_start: int | None
    speaker: Mention | None
    paragraph: int
    floating: bool = False
    rule: str = ""


def inside_any(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (half-open)."""
    return any(a <= pos < b for a, b in spans)


# a cue word after a determiner is a noun ("the report", "his claims")
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|an?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Tt]his|"
                                r"[Tt]hese|[Tt]hose)\s+$")
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?…”\"’']\s+)$")
_NAME_AFTER = re.compile(r"\s+[A-Z]")


def _opens_inversion(text: str, a: int, b: int) -> bool:
    """True for a capitalised cue that opens a sentence before a name ("Said Dorothy
    Poynter, …"), the only place where one counts."""
    return _SENTENCE_BEFORE.search(text, max(0, a - 3), a) is not None \
        and _NAME_AFTER.match(text, b) is not None


class FoundQuotes(SpeakerSearch):
    """An article's quote-finding state: body scans, cue hits, quotation-mark pairs,
    mentions (through :class:`~analysis.quotes.speaker_search.SpeakerSearch`), and the
    quotes found so far."""

    def __init__(self, article: Article):
        body = article.body
        self.scans = body_scans(article)
        self.cue_hits = [Hit(blk.start + h.start(), blk.start + h.end(), h.group(0))
                         for blk, sc in zip(body, self.scans, strict=True)
                         for h in sc["cue"]
                         if (not h.group(0)[0].isupper() or " " in h.group(0)
                             or _opens_inversion(blk.text, h.start(), h.end()))
                         and not _DETERMINER_BEFORE.search(blk.text, max(0, h.start() - 7),
                                                           h.start())]
        self.cue_starts = [h.start() for h in self.cue_hits]
        self.pairs: list[list[Pair]] = [quote_pairs(b.text, b.start) for b in body]
        self.pair_spans = [(q.open, q.stop) for ps in self.pairs for q in ps]
        super().__init__(article, find_mentions(article, self.pair_spans, self.scans))
        self.quotes: list[Quote] = []
        # Indexes over self.quotes, so that each look-up costs what is near it rather
        # than every quote so far (an article of 1 MB has thousands): starts in order,
        # the quotes in that order, each quote's place in self.quotes, the quotes of
        # each paragraph in the order found, the cue positions, the longest quote.
        self._starts: list[int] = []
        self._by_start: list[Quote] = []
        self.order: dict[int, int] = {}
        self.in_paragraph: dict[int, list[Quote]] = {}
        self._cue_at: set[int] = set()
        self._longest = 0
        # documents named outside quotes, in text order (mentions are in text order)
        self.documents = [m for m in self.mentions if m.kind == "document" and not m.in_quote]
        self.document_starts = [m.start for m in self.documents]

    def add(self, q: Quote) -> None:
        if q.end <= q.start:
            return
        self.order[id(q)] = len(self.quotes)
        self.quotes.append(q)
        i = bisect_right(self._starts, q.start)
        self._starts.insert(i, q.start)
        self._by_start.insert(i, q)
        self.in_paragraph.setdefault(q.paragraph, []).append(q)
        if q.cue_start is not None:
            self._cue_at.add(q.cue_start)
        self._longest = max(self._longest, q.end - q.start)

    def claimed(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quote found so far, or starts its cue."""
        if pos in self._cue_at:
            return True
        i = bisect_right(self._starts, pos)
        # only a quote starting within the longest quote's length before pos can cover it
        while i > 0 and self._starts[i - 1] > pos - self._longest:
            i -= 1
            if pos < self._by_start[i].end:
                return True
        return False

    def quotes_starting_in(self, a: int, b: int) -> list[Quote]:
        """The quotes found so far that start in [a, b), in the order they were found."""
        found = self._by_start[bisect_right(self._starts, a - 1):bisect_right(self._starts, b - 1)]
        return sorted(found, key=lambda q: self.order[id(q)])

    def main_speaker(self, s: int, cue: int) -> Mention | None:
        """Who speaks for a cue that continues its sentence's main clause ("…, noting
        …", "… but warned …"): the speaker of the last quote found in the sentence
        before the cue, else the sentence's subject."""
        joined = self.coordinated_subject(s, cue, [], last=True)
        if joined is not None and not self.quotes_starting_in(joined[0], cue):
            # "…, and the ACLU has already sued the city, saying …": that clause's subject
            return joined[1]
        return self.last_quote_speaker(s, cue) or self.subject(s, cue)

    def last_quote_speaker(self, s: int, cue: int) -> Mention | None:
        """The speaker of the last quote found so far that starts in [s, cue) and has
        one."""
        prev = [q for q in self.quotes_starting_in(s, cue) if q.speaker]
        return prev[-1].speaker if prev else None

    def cues_in(self, a: int, b: int) -> list[re.Match]:
        i = bisect_right(self.cue_starts, a - 1)
        j = bisect_right(self.cue_starts, b - 1)
        return [h for h in self.cue_hits[i:j] if h.b <= b]
