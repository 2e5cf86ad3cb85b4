"""Voices against topics: which sides speak in the sentences about each topic, and which
topics are discussed without a voice from the party they concern.

Pure functions over an ``analyze`` result (``quotes``, ``sources`` and ``topics`` as
:func:`analysis.pipeline.analyze_article` returns them). A quote counts for a topic when
its span overlaps a sentence on that topic (character offsets into the article text), so
a quote over two sentences counts for the topics of both. A topic's *party* is the side
of ``data/sides.yaml`` the topic is named after (the topic's label or id is the side's
key, speaker name or one of its names: the topic "Russia" concerns the side "Russia");
a topic such as "Trade" concerns no party.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

NO_SIDE = "no side"


def default_sides() -> dict[str, dict[str, Any]]:
    """The sides of ``data/sides.yaml`` (side -> its names, adjectives, ...)."""
    from analysis.quotes.knowledge import knowledge

    return knowledge().sides


def topic_party(topic_id: str, label: str, sides: Mapping[str, Mapping[str, Any]]) -> str | None:
    """The side a topic is named after, or None: the first side whose key,
    ``speaker_name`` or one of whose ``names`` equals the topic's label or id, ignoring
    case."""
    wanted = {topic_id.strip().lower(), label.strip().lower()}
    for side, entry in sides.items():
        names = {str(side), str(entry.get("speaker_name") or "")}
        names |= {str(n) for n in entry.get("names") or []}
        if wanted & {n.lower() for n in names if n}:
            return str(side)
    return None


def side_adjective(side: str, sides: Mapping[str, Mapping[str, Any]]) -> str:
    """The side's first adjective ("Russian"), or its name when it has none."""
    adjectives = (sides.get(side) or {}).get("adjectives") or []
    return str(adjectives[0]) if adjectives else side


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def voices_by_topic(
    result: Mapping[str, Any], sides: Mapping[str, Mapping[str, Any]] | None = None
) -> dict[str, Any]:
    """The voices-against-topics matrix of one ``analyze`` result.

    Returns ``{"sides": [...], "heard_sides": [...], "topics": [...]}`` where ``sides``
    are the matrix columns (the sides of the article's sources in order of first quote,
    then ``"no side"`` when a quote has no known side), ``heard_sides`` the sides with at
    least one quote anywhere in the article, and each topic is::

        {"id", "label", "present", "sentences": sentences on the topic,
         "quotes": quotes overlapping those sentences,
         "by_side": {side: quotes}, "sources_by_side": {side: [source names]},
         "party": side or None, "party_heard_on_topic": bool | None,
         "party_heard_anywhere": bool | None}

    Counts are numbers of quotes (a quote is one stretch of direct or reported speech);
    quotes from a document (type ``document``: a law or treaty) are left out.
    """
    sides = default_sides() if sides is None else sides
    topics = result.get("topics") or {}
    source_side = {s["id"]: (s.get("side") or NO_SIDE) for s in result.get("sources") or []}
    source_name = {s["id"]: s["name"] for s in result.get("sources") or []}
    documents = {s["id"] for s in result.get("sources") or [] if s.get("type") == "document"}
    # a quoted document (a law, a treaty) is not a voice
    quotes = [q for q in result.get("quotes") or [] if q.get("source_id") not in documents]

    def side_of(q: Mapping[str, Any]) -> str:
        return source_side.get(q.get("source_id"), NO_SIDE)

    columns: list[str] = []
    for q in quotes:
        side = side_of(q)
        if side not in columns:
            columns.append(side)
    if NO_SIDE in columns:  # the unknown column goes last
        columns = [c for c in columns if c != NO_SIDE] + [NO_SIDE]
    heard = [c for c in columns if c != NO_SIDE]

    rows = []
    for tid, entry in topics.items():
        if tid.startswith("_"):
            continue
        spans = [(s["start"], s["end"]) for s in entry.get("sentences") or []]
        in_topic = [
            q for q in quotes if any(_overlaps(q["start"], q["end"], a, b) for a, b in spans)
        ]
        by_side = {c: 0 for c in columns}
        names: dict[str, list[str]] = {c: [] for c in columns}
        for q in in_topic:
            side = side_of(q)
            by_side[side] += 1
            name = source_name.get(q.get("source_id")) or q.get("speaker")
            if name and name not in names[side]:
                names[side].append(name)
        party = topic_party(tid, str(entry.get("label") or tid), sides)
        rows.append(
            {
                "id": tid,
                "label": entry.get("label") or tid,
                "present": bool(entry.get("present")),
                "sentences": entry.get("sentence_count", len(spans)),
                "quotes": len(in_topic),
                "by_side": by_side,
                "sources_by_side": {c: n for c, n in names.items() if n},
                "party": party,
                "party_heard_on_topic": None if party is None else by_side.get(party, 0) > 0,
                "party_heard_anywhere": None if party is None else party in heard,
            }
        )
    return {"sides": columns, "heard_sides": heard, "topics": rows}


def unheard_parties(matrix: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The present topics whose party has no quote anywhere in the article, largest
    topic first: ``[{"label", "party", "sentences"}]``."""
    rows = [
        {"label": t["label"], "party": t["party"], "sentences": t["sentences"]}
        for t in matrix["topics"]
        if t["present"] and t["party"] is not None and not t["party_heard_anywhere"]
    ]
    return sorted(rows, key=lambda r: -r["sentences"])


def single_side_topics(matrix: Mapping[str, Any], min_quotes: int = 2) -> list[dict[str, Any]]:
    """Present topics whose quotes (at least ``min_quotes``) all come from one known side:
    ``[{"label", "side", "quotes"}]``."""
    out = []
    for t in matrix["topics"]:
        if not t["present"] or t["quotes"] < min_quotes:
            continue
        speaking = [s for s, n in t["by_side"].items() if n]
        if len(speaking) == 1 and speaking[0] != NO_SIDE:
            out.append({"label": t["label"], "side": speaking[0], "quotes": t["quotes"]})
    return out


def _join(items: list[str], word: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def matrix_sentence(
    matrix: Mapping[str, Any],
    n_sentences: int,
    sides: Mapping[str, Mapping[str, Any]] | None = None,
) -> str:
    """One plain-text sentence (or two) saying what the matrix shows: the topics
    discussed without a voice from their party, else that every party is heard."""
    sides = default_sides() if sides is None else sides
    unheard = unheard_parties(matrix)
    with_party = [t for t in matrix["topics"] if t["present"] and t["party"] is not None]
    if unheard:
        topics = _join(
            [f"{u['label']} ({u['sentences']} of {n_sentences} sentences)" for u in unheard]
        )
        voices = _join([side_adjective(u["party"], sides) for u in unheard], "or")
        verb = "is" if len(unheard) == 1 else "are"
        text = (
            f"{topics} {verb} discussed, but no {voices} voice is quoted anywhere in the "
            "article."
        )
    elif with_party:
        text = (
            "Every topic named after a party also carries a voice from that party: "
            + _join([t["label"] for t in with_party])
            + "."
        )
    elif any(t["present"] for t in matrix["topics"]):
        text = "None of the topics found is named after a country or camp, so no party is missing."
    else:
        return (
            "None of the topics is in the article, so there is nothing to set against the "
            "voices."
        )
    single = single_side_topics(matrix)
    names = {t["label"]: t["sources_by_side"] for t in matrix["topics"]}
    for s in single:
        who = _join(names[s["label"]].get(s["side"], []))
        text += (
            f" {'Both' if s['quotes'] == 2 else 'All ' + str(s['quotes'])} quotes in the "
            f"sentences on {s['label']} come from one side, "
            f"{s['side']} ({who})."
        )
    return text
