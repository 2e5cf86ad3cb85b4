"""Source diversity figures: share of voice, entropy, Gini-Simpson, and who is unheard.

All functions are pure: plain lists and dicts in, plain dicts out. Shares are
fractions in [0, 1]; entropy is in bits.

- Shannon entropy ``H = -Σ p_i log2 p_i`` (Shannon 1948, "A Mathematical Theory of
  Communication"), over the shares ``p_i`` of quoted words per source or per side.
- Normalised entropy ``H / log2(n)`` (Pielou's evenness J, Pielou 1966): 1 when the
  ``n`` voices get equal room; undefined (None) for fewer than two voices.
- Gini-Simpson index ``1 - Σ p_i²`` (Simpson 1949, "Measurement of diversity"): the
  chance that two quoted words drawn at random come from different sources.

Documents (a quoted law or treaty) are reported apart and are not voices.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

VOICE_EXCLUDED_TYPES = frozenset({"document"})


def shannon_entropy(weights: Iterable[float]) -> float:
    """Shannon entropy in bits of the distribution proportional to ``weights``."""
    ws = [w for w in weights if w > 0]
    total = sum(ws)
    if total <= 0:
        return 0.0
    return -sum((w / total) * math.log2(w / total) for w in ws) + 0.0


def normalised_entropy(weights: Iterable[float]) -> float | None:
    """Shannon entropy divided by its maximum ``log2(n)`` (Pielou's J); None if n < 2."""
    ws = [w for w in weights if w > 0]
    if len(ws) < 2:
        return None
    return shannon_entropy(ws) / math.log2(len(ws))


def gini_simpson(weights: Iterable[float]) -> float:
    """Gini-Simpson index ``1 - Σ p²`` of the distribution proportional to ``weights``."""
    ws = [w for w in weights if w > 0]
    total = sum(ws)
    if total <= 0:
        return 0.0
    return 1.0 - sum((w / total) ** 2 for w in ws)


def diversity_indices(weights: Iterable[float]) -> dict[str, Any]:
    """Entropy (bits and normalised) and Gini-Simpson of one distribution, rounded."""
    ws = [float(w) for w in weights if w > 0]
    j = normalised_entropy(ws)
    return {
        "n": len(ws),
        "shannon_bits": round(shannon_entropy(ws), 4),
        "shannon_normalised": None if j is None else round(j, 4),
        "gini_simpson": round(gini_simpson(ws), 4),
    }


def share_of_voice(sources: list[dict[str, Any]], by: str = "name") -> list[dict[str, Any]]:
    """Quotes and quoted words grouped by a source field (``name``, ``type``, ``side``),
    with each group's share of all voiced quotes and words; largest first."""
    groups: dict[str, dict[str, Any]] = {}
    for s in sources:
        if s.get("type") in VOICE_EXCLUDED_TYPES or not s.get("quotes"):
            continue
        key = s.get(by) or "unknown"
        g = groups.setdefault(key, {by: key, "sources": 0, "quotes": 0, "quoted_words": 0})
        g["sources"] += 1
        g["quotes"] += s["quotes"]
        g["quoted_words"] += s["quoted_words"]
    nq = sum(g["quotes"] for g in groups.values())
    nw = sum(g["quoted_words"] for g in groups.values())
    for g in groups.values():
        g["share_quotes"] = round(g["quotes"] / nq, 4) if nq else 0.0
        g["share_words"] = round(g["quoted_words"] / nw, 4) if nw else 0.0
    return sorted(groups.values(), key=lambda g: (-g["quoted_words"], -g["quotes"], str(g[by])))


def kind_shares(quotes: list[dict[str, Any]]) -> dict[str, Any]:
    """Direct, mixed and indirect quotes: counts and shares; ``reported`` = mixed +
    indirect."""
    n = len(quotes)
    counts = {k: sum(1 for q in quotes if q["kind"] == k) for k in ("direct", "mixed", "indirect")}
    out: dict[str, Any] = {k: {"quotes": c, "share": round(c / n, 4) if n else 0.0}
                           for k, c in counts.items()}
    out["direct_share"] = out["direct"]["share"]
    out["reported_share"] = round((counts["mixed"] + counts["indirect"]) / n, 4) if n else 0.0
    return out


def named_shares(quotes: list[dict[str, Any]], sources: list[dict[str, Any]]) -> dict[str, Any]:
    """Share of quotes from named sources, anonymous sources, and no known speaker."""
    type_of = {s["id"]: s["type"] for s in sources}
    qs = [q for q in quotes if type_of.get(q.get("source_id")) not in VOICE_EXCLUDED_TYPES]
    n = len(qs)
    anon = sum(1 for q in qs if type_of.get(q.get("source_id")) == "anonymous")
    none = sum(1 for q in qs if q.get("source_id") is None)
    named = n - anon - none

    def share(c: int) -> float:
        return round(c / n, 4) if n else 0.0

    return {"named": named, "anonymous": anon, "unattributed": none,
            "named_share": share(named), "anonymous_share": share(anon),
            "unattributed_share": share(none)}


def talked_about_not_heard(entities: list[dict[str, Any]], sources: list[dict[str, Any]],
                           min_mentions: int = 2) -> list[dict[str, Any]]:
    """People, organisations and countries mentioned at least ``min_mentions`` times
    that never speak. A country counts as heard when it, or a government voice of its
    side, is quoted (a US official's quote is the US heard)."""
    names = {s["name"] for s in sources}
    gov_sides = {s["side"] for s in sources if s["type"] == "government"}
    out = []
    for e in entities:
        if e["mentions"] < min_mentions or e["name"] in names:
            continue
        if e["kind"] == "country" and e.get("side") in gov_sides:
            continue
        out.append(dict(e))
    return out


def diversity_figures(quotes: list[dict[str, Any]], sources: list[dict[str, Any]],
                      entities: list[dict[str, Any]], cited: list[dict[str, Any]],
                      min_mentions: int = 2) -> dict[str, Any]:
    """Every diversity figure of one article.

    Keys: ``distinct_sources`` (voices, documents excluded), ``quotes``,
    ``quoted_words``, ``share_of_voice`` (``by_source``, ``by_type``, ``by_side``),
    ``indices`` (``basis`` "quoted_words"; ``sources`` and ``sides`` each with ``n``,
    ``shannon_bits``, ``shannon_normalised``, ``gini_simpson``), ``attribution``
    (named / anonymous / unattributed counts and shares), ``kinds`` (direct, mixed,
    indirect, ``direct_share``, ``reported_share``), ``documents_quoted``,
    ``talked_about_not_heard`` and ``cited_media``.
    """
    voices = [s for s in sources if s["type"] not in VOICE_EXCLUDED_TYPES]
    by_side = share_of_voice(voices, "side")
    return {
        "distinct_sources": len(voices),
        "quotes": len(quotes),
        "quoted_words": sum(s["quoted_words"] for s in voices),
        "share_of_voice": {
            "by_source": share_of_voice(voices, "name"),
            "by_type": share_of_voice(voices, "type"),
            "by_side": by_side,
        },
        "indices": {
            "basis": "quoted_words",
            "sources": diversity_indices(s["quoted_words"] for s in voices),
            "sides": diversity_indices(g["quoted_words"] for g in by_side),
        },
        "attribution": named_shares(quotes, sources),
        "kinds": kind_shares(quotes),
        "documents_quoted": [s["name"] for s in sources if s["type"] in VOICE_EXCLUDED_TYPES],
        "talked_about_not_heard": talked_about_not_heard(entities, sources, min_mentions),
        "cited_media": cited,
    }
