"""Scoring against hand annotations: one home for precision, recall and F1.

Used by the quote and topic tests and benchmarks alike, with one convention: a
precision over no predictions is 1.0 (nothing predicted, nothing wrong) and a recall
over no gold items is 1.0 (nothing to find, nothing missed); F1 is then 0 whenever
the other figure is 0. This is the convention of the topic scorer since its first
version; the quote scorer used to give a precision of 0 over no predictions.

Spans match as in the Gender Gap Tracker's evaluation (Asr et al. 2021): a predicted
quote matches an annotated one when they overlap by at least half of each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPEAKER_PREFIX = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|prof|sir|dame|president|minister|sen|rep|gov|the)\.?\s+)+",
    re.I)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 (van Rijsbergen's F with beta = 1) from counts."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def spans_match(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two spans overlap by at least half of each."""
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    return overlap > 0 and overlap * 2 >= (a[1] - a[0]) and overlap * 2 >= (b[1] - b[0])


def speaker_key(name: str) -> str:
    """A speaker name lower-cased, without honorifics, titles or a leading "the"."""
    return _SPEAKER_PREFIX.sub("", " ".join(name.strip().lower().split())).strip(" .,")


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Speaker names match after lower-casing and dropping titles; a surname (the last
    name word of either found among the other's words) counts as the same person."""
    if not predicted or not gold:
        return predicted == gold
    p, g = speaker_key(predicted), speaker_key(gold)
    if p == g:
        return True
    pw, gw = p.split(), g.split()
    return bool(pw and gw) and (pw[-1] in gw or gw[-1] in pw or pw[0] == gw[0] and len(pw) == 1)


def match_quotes(predicted: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one matches ``(gold index, predicted index)``, greedy in gold order."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pi not in used and spans_match((p["start"], p["end"]), (g["start"], g["end"])):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def score_quotes(predicted: list[dict], gold: list[dict]) -> dict[str, float | int]:
    """Precision, recall and F1 of quote spans, and speaker accuracy over matched quotes.

    ``predicted`` and ``gold`` are lists of ``{"start", "end", "speaker"}``. Matching is
    one-to-one and greedy in text order. Speaker accuracy is the share of matched gold
    quotes whose predicted speaker is the same (:func:`same_speaker`), 0.0 when nothing
    matched.
    """
    pairs = match_quotes(predicted, gold)
    ok = sum(same_speaker(predicted[pi].get("speaker"), gold[gi].get("speaker"))
             for gi, pi in pairs)
    s = prf(len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs))
    return {
        "gold": len(gold),
        "predicted": len(predicted),
        "matched": len(pairs),
        "precision": round(s["precision"], 3),
        "recall": round(s["recall"], 3),
        "f1": round(s["f1"], 3),
        "speaker_accuracy": round(ok / len(pairs), 3) if pairs else 0.0,
    }


def distinct_voices(names: Iterable[str | None]) -> int:
    """Number of different speakers among ``names``: a surname and the full name are
    one voice (:func:`same_speaker`), and no speaker is no voice."""
    voices: list[str] = []
    for n in names:
        if n and not any(same_speaker(n, v) or same_speaker(v, n) for v in voices):
            voices.append(n)
    return len(voices)


def score_attribution(predicted: list[dict], gold: list[dict],
                      kinds: tuple[str, ...] = ("direct", "mixed")) -> dict[str, float | int]:
    """The attribution figures of one article or set (issue 9's measures).

    - ``speaker_accuracy``: right speakers among matched quotes of every kind;
    - ``quote_speaker_f1``: over quotes whose gold kind is in ``kinds`` (direct and mixed
      by default), a prediction is right when its span matches and its speaker is the
      same; predictions are restricted to the same kinds;
    - ``reported_recall``: the share of gold ``indirect`` quotes found (span match);
    - ``voices_gold`` / ``voices_predicted``: distinct speakers (:func:`distinct_voices`).
    """
    pairs = match_quotes(predicted, gold)
    ok = sum(same_speaker(predicted[pi].get("speaker"), gold[gi].get("speaker"))
             for gi, pi in pairs)
    g_k = [g for g in gold if g.get("kind") in kinds]
    p_k = [p for p in predicted if p.get("kind") in kinds]
    right = sum(same_speaker(p_k[pi].get("speaker"), g_k[gi].get("speaker"))
                for gi, pi in match_quotes(p_k, g_k))
    qs = prf(right, len(p_k) - right, len(g_k) - right)
    reported = [g for g in gold if g.get("kind") == "indirect"]
    found = len(match_quotes(predicted, reported))
    return {
        "gold": len(gold),
        "predicted": len(predicted),
        "matched": len(pairs),
        "speaker_ok": ok,
        "speaker_accuracy": round(ok / len(pairs), 3) if pairs else 0.0,
        "quote_speaker_tp": right,
        "quote_speaker_predicted": len(p_k),
        "quote_speaker_gold": len(g_k),
        "quote_speaker_precision": round(qs["precision"], 3),
        "quote_speaker_recall": round(qs["recall"], 3),
        "quote_speaker_f1": round(qs["f1"], 3),
        "reported_gold": len(reported),
        "reported_found": found,
        "reported_recall": round(found / len(reported), 3) if reported else 1.0,
        "voices_gold": distinct_voices(g.get("speaker") for g in gold),
        "voices_predicted": distinct_voices(p.get("speaker") for p in predicted),
    }


def annotated_spans(text: str, items: list[dict]) -> list[dict]:
    """Offsets of hand-annotated quotes given by their exact text (the ``occurrence``-th
    occurrence, 1 by default), as ``{"start", "end", "speaker", "kind"}``.

    Raises ``ValueError`` naming the quote when its text is not in the article.
    """
    out = []
    for item in items:
        pos = -1
        for _ in range(int(item.get("occurrence", 1))):
            pos = text.find(item["text"], pos + 1)
            if pos < 0:
                raise ValueError(f"annotated quote not found in the article: {item['text']!r}")
        out.append({"start": pos, "end": pos + len(item["text"]), "speaker": item.get("speaker"),
                    "kind": item.get("kind")})
    return out


def score_topics(
    gold: list[list[set[str]]],
    predicted: list[list[set[str]]],
    topic_ids: list[str],
    *,
    gold_about: list[set[str]] | None = None,
    pred_about: list[set[str]] | None = None,
) -> dict[str, dict[str, dict[str, float]]]:
    """Sentence- and article-level precision/recall/F1 per topic and micro-averaged.

    ``gold[a][i]`` / ``predicted[a][i]``: topic ids of sentence ``i`` of article ``a``.
    At the article level an article is about a topic when any of its sentences is,
    unless the article-level sets are given: ``gold_about[a]`` (a hand label such as
    :attr:`LabelledArticle.about`) and ``pred_about[a]`` (such as the topics ``present``).
    """
    if gold_about is None:
        gold_about = [set().union(*g_art) for g_art in gold]
    if pred_about is None:
        pred_about = [set().union(*p_art) for p_art in predicted]
    out: dict[str, dict[str, dict[str, float]]] = {"sentence": {}, "article": {}}
    totals = {"sentence": [0, 0, 0], "article": [0, 0, 0]}
    for tid in topic_ids:
        counts = {"sentence": [0, 0, 0], "article": [0, 0, 0]}
        for a, (g_art, p_art) in enumerate(zip(gold, predicted, strict=True)):
            pairs = list(zip(g_art, p_art, strict=True))
            for level, items in (
                ("sentence", [(tid in g, tid in p) for g, p in pairs]),
                ("article", [(tid in gold_about[a], tid in pred_about[a])]),
            ):
                for g, p in items:
                    c = counts[level]
                    c[0] += g and p
                    c[1] += p and not g
                    c[2] += g and not p
        for level in counts:
            out[level][tid] = prf(*counts[level])
            totals[level] = [a + b for a, b in zip(totals[level], counts[level], strict=True)]
    for level in totals:
        out[level]["micro"] = prf(*totals[level])
    return out


def pooled_attribution(scores: list[dict]) -> dict[str, float | int]:
    """Figures of :func:`score_attribution` pooled over articles: counts summed, then
    the ratios taken (never an average of ratios), and the share of articles whose
    distinct voices are within 25% of the annotation's."""
    def total(key: str) -> int:
        return sum(int(s[key]) for s in scores)

    tp = total("quote_speaker_tp")
    qs = prf(tp, total("quote_speaker_predicted") - tp, total("quote_speaker_gold") - tp)
    within = sum(abs(s["voices_predicted"] - s["voices_gold"]) <= 0.25 * s["voices_gold"]
                 for s in scores)
    matched, reported = total("matched"), total("reported_gold")
    return {
        "articles": len(scores),
        "gold": total("gold"),
        "matched": matched,
        "speaker_accuracy": round(total("speaker_ok") / matched, 3) if matched else 0.0,
        "quote_speaker_f1": round(qs["f1"], 3),
        "reported_recall": round(total("reported_found") / reported, 3) if reported else 1.0,
        "voices_within_25": round(within / len(scores), 3) if scores else 1.0,
    }
