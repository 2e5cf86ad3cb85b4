"""Who speaks: the source analysis of one article, the ``analyze`` contract's
``sources`` part.

:func:`analyze_sources` is what the pipeline calls. It runs the quote extractor
(:mod:`analysis.quotes`), resolves each quote's speaker mention to a source
(:mod:`analysis.speaker_resolution`), builds each source's profile from the words
around its name (:mod:`analysis.source_profiles`), lists the media cited and the
entities talked about (:mod:`analysis.talked_about`), and computes the diversity
figures (:mod:`analysis.diversity`).
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from analysis.quotes import Mention, extract_quotes
from analysis.source_profiles import government_orgs, speaker_profile
from analysis.speaker_resolution import SpeakerResolver
from analysis.talked_about import cited_media, entity_mentions

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article

__all__ = ["analyze_sources", "cited_media", "entity_mentions", "speaker_profile"]

_START = attrgetter("start")


def _words_between(word_starts: list[int], start: int, end: int) -> int:
    """Words of the text layer that start inside ``[start, end)``."""
    return bisect_left(word_starts, end) - bisect_left(word_starts, start)


# --- entry point ----------------------------------------------------------------------


def analyze_sources(article: Article) -> dict[str, Any]:
    """Quotes, sources and diversity figures of one article (the ``analyze`` contract).

    Returns ``{"quotes": [...], "sources": [...], "diversity": {...}}``:
    quotes are ``{"start", "end", "text", "kind", "cue", "speaker", "speaker_start",
    "speaker_end", "source_id"}`` in text order (offsets into ``article.text``; speaker
    null when unknown); sources are ``{"id", "name", "type", "role", "affiliation",
    "side", "quotes", "quoted_words", "evidence"}`` in order of first quote; diversity
    is described in :func:`analysis.diversity.diversity_figures`. Never raises on odd
    text: an article without body text gives empty lists.
    """
    from analysis.diversity import diversity_figures

    try:
        raw, mentions = extract_quotes(article)
    except Exception:  # pragma: no cover - a last guard; extraction is written not to raise
        raw, mentions = [], []
    resolver = SpeakerResolver(article, mentions)
    by_key: dict[str, list[Mention]] = {}
    order: list[str] = []
    quotes: list[dict[str, Any]] = []
    for q in raw:
        via, key = resolver.resolve(q)
        resolver.record(q, via, key)
        if key is not None and via is not None:
            if key not in by_key:
                by_key[key] = []
                order.append(key)
            by_key[key].append(via)
        att = q.speaker if q.speaker is not None and not q.floating else via
        quotes.append({
            "start": q.start,
            "end": q.end,
            "text": article.text[q.start : q.end],
            "kind": q.kind,
            "cue": q.cue,
            "speaker": key,
            "speaker_start": att.start if att else None,
            "speaker_end": att.end if att else None,
            "source_id": None,
        })
    sources: list[dict[str, Any]] = []
    ids: dict[str, str] = {}
    persons: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.kind == "person" and not m.in_quote:
            persons.setdefault(m.name, []).append(m)
    gov = government_orgs(mentions)
    gov_starts = [x.start for x in gov]
    for n, key in enumerate(order, 1):
        ms = by_key[key]
        same = persons.get(ms[0].name, []) if ms[0].kind == "person" else []
        profile = speaker_profile(ms + same, mentions, article, gov,
                                  all_starts=resolver.mention_starts, government_starts=gov_starts)
        ids[key] = f"s{n}"
        sources.append({"id": f"s{n}", "name": key, **{f: profile[f] for f in (
            "type", "role", "affiliation", "side")}, "quotes": 0, "quoted_words": 0,
            "evidence": profile["evidence"]})
    by_id = {s["id"]: s for s in sources}
    word_starts = list(map(_START, chain.from_iterable(s.words for s in article.sentences)))
    for q in quotes:
        if q["speaker"] is not None:
            q["source_id"] = ids[q["speaker"]]
            src = by_id[q["source_id"]]
            src["quotes"] += 1
            src["quoted_words"] += _words_between(word_starts, q["start"], q["end"])
    diversity = diversity_figures(quotes, sources, entity_mentions(article, mentions),
                                  cited_media(article))
    return {"quotes": quotes, "sources": sources, "diversity": diversity}
