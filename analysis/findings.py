"""Key findings: what the article does, in plain words, from the ``analyze`` numbers.

:func:`key_findings` reads one ``analyze`` result and returns the findings that open the
report: the grade level and what it means, the voices and their sides, the main topic
and where it sits, and what stands out (a party discussed but never heard, a topic
carried by one side's voices only). Every sentence is built from the figures beside it
and claims no more than they show: "the largest share" rather than "dominates" unless a
voice has more than half of the quoted words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analysis.voices_topics import (
    matrix_sentence,
    single_side_topics,
    unheard_parties,
    voices_by_topic,
)

# A voice or side with more than this share of the quoted words is said to dominate.
DOMINANT_SHARE = 0.5


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _and(items: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def readability_finding(r: Mapping[str, Any]) -> dict[str, Any]:
    """The grade level and what it means for readers."""
    # the headline grade (the measure that orders versions of the same text best, see
    # docs/readability.md) when there is one, else the consensus of the grade formulas
    headline = r.get("headline_grade")
    grade = headline if headline is not None else r.get("consensus_grade")
    if grade is None:
        note = r.get("note") or "No grade-level formula applies to this text."
        return {"id": "readability", "title": "Readability", "text": note,
                "figure": "n/a", "figure_label": "grade level", "section": "readability"}
    m = r["headline_meaning"] if headline is not None else r["grade_meaning"]
    lo, hi = m["news_typical_range"]
    text = (
        f"The article reads at US grade {grade:.1f}: {m['meaning']}. That is "
        f"{m['compared_with_news']} (general news usually scores {lo:g} to {hi:g}). "
    )
    spread = r.get("headline_range") if headline is not None else None
    if spread:
        text += (f"The readability formulas disagree: their grades run from {spread[0]:.1f} "
                 f"to {spread[1]:.1f}. ")
    text += f"Sentences average {r['words'] / max(r['sentences'], 1):.0f} words."
    return {"id": "readability", "title": "Readability", "text": text,
            "figure": f"{grade:.1f}", "figure_label": "grade level", "section": "readability"}


def voices_finding(result: Mapping[str, Any]) -> dict[str, Any]:
    """How many voices, from which sides, and who has the largest share."""
    d = result.get("diversity") or {}
    if not result.get("quotes") or not d.get("distinct_sources"):
        return {"id": "voices", "title": "Voices",
                "text": "No one is quoted: the body text holds no quotes or reported speech "
                        "with a speaker.",
                "figure": "0", "figure_label": "voices", "section": "sources"}
    by_side = d["share_of_voice"]["by_side"]
    by_source = d["share_of_voice"]["by_source"]
    n = d["distinct_sources"]
    # the voices' own quotes: a quoted document (a law, a treaty) is not a voice
    quotes = sum(s.get("quotes", 0) for s in by_source)
    sides = ", ".join(f"{s['side']} {_pct(s['share_words'])}" for s in by_side)
    text = (
        f"{n} voice{'s' if n != 1 else ''} in {quotes} quote{'s' if quotes != 1 else ''}"
        f", from {len(by_side)} side{'s' if len(by_side) != 1 else ''} "
        f"(share of quoted words: {sides})."
    )
    top = by_source[0]
    kind = {s["name"]: s.get("type") for s in result.get("sources") or []}.get(top["name"])
    who = f"{top['name']} ({kind})" if kind else top["name"]
    if top["share_words"] > DOMINANT_SHARE:
        text += f" {who} dominates with {_pct(top['share_words'])} of the quoted words."
    else:
        text += (
            f" No voice has half the quoted words; the largest share, "
            f"{_pct(top['share_words'])}, goes to {who}."
        )
    return {"id": "voices", "title": "Voices", "text": text, "figure": str(n),
            "figure_label": "voices quoted", "section": "sources"}


def topic_finding(result: Mapping[str, Any], topics_label: str) -> dict[str, Any]:
    """Which topic has the most sentences and where in the article it sits."""
    topics = result.get("topics") or {}
    n = (topics.get("_meta") or {}).get("sentences", 0)
    present = [(tid, e) for tid, e in topics.items()
               if not tid.startswith("_") and e.get("present")]
    if not present:
        return {"id": "topic", "title": "Topics",
                "text": f"None of the topics of {topics_label} is in the article.",
                "figure": "none", "figure_label": "main topic", "section": "topics"}
    tid, e = max(present, key=lambda x: x[1]["sentence_count"])
    peak = (e.get("position") or {}).get("peak")
    where = f", mostly at the {peak} of the article" if peak else ""
    text = (
        f"{e['label']} is the main topic: {e['sentence_count']} of {n} sentences "
        f"({_pct(e['sentence_share'])}){where}."
    )
    others = [f"{o['label']} {o['sentence_count']}" for t, o in present if t != tid]
    if others:
        text += f" Other topics, by sentences: {', '.join(others)}."
    if any("theme" in o for _, o in present):
        # "about" (a main subject: headline, lead, share) against "only mentioned"
        about = [o["label"] for _, o in present if o.get("theme")]
        mentioned = [o["label"] for _, o in present if not o.get("theme")]
        if about:
            text += f" The article is about {_and(about)}"
            text += f"; it only mentions {_and(mentioned)}." if mentioned else "."
        else:
            text += f" It only mentions {_and(mentioned)}: no topic is a main subject."
    return {"id": "topic", "title": "Topics", "text": text,
            "figure": f"{e['label']} {_pct(e['sentence_share'])}",
            "figure_label": "of sentences", "section": "topics"}


def standout_finding(
    result: Mapping[str, Any], sides: Mapping[str, Mapping[str, Any]] | None = None
) -> dict[str, Any] | None:
    """A party discussed but never heard, or a topic carried by one side only; None when
    neither is the case."""
    matrix = voices_by_topic(result, sides)
    if not unheard_parties(matrix) and not single_side_topics(matrix):
        return None
    n = ((result.get("topics") or {}).get("_meta") or {}).get("sentences", 0)
    unheard = unheard_parties(matrix)
    figure = ", ".join(u["party"] for u in unheard) if unheard else "one side"
    return {"id": "standout", "title": "What stands out",
            "text": matrix_sentence(matrix, n, sides),
            "figure": figure, "figure_label": "not heard" if unheard else "carries a topic",
            "section": "voices_topics"}


def key_findings(
    result: Mapping[str, Any],
    topics_label: str = "the topics file",
    sides: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """The report's key findings, in order: readability, voices, topic, what stands out.

    Each is ``{"id", "title", "text", "figure", "figure_label", "section"}``: a plain
    sentence or two, the key figure shown beside it, and the report section it links to.
    """
    findings = [
        readability_finding(result.get("readability") or {}),
        voices_finding(result),
        topic_finding(result, topics_label),
    ]
    standout = standout_finding(result, sides)
    if standout is not None:
        findings.append(standout)
    return findings
