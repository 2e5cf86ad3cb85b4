"""The ``analyze`` object of one article as rows of flat tables, keyed by article id.

Pure: no database here. The same rows go into DuckDB and Parquet
(:mod:`analysis.results_store`); the schema is documented in ``docs/corpus.md``.
Columns are fixed (a field missing from a result is NULL), so a table's shape never
depends on which articles came first.
"""

from __future__ import annotations

from typing import Any

# column name -> DuckDB type, in table order; every table starts with the article id
ARTICLES = {
    "id": "VARCHAR PRIMARY KEY",
    "position": "BIGINT",  # place in the input of the run that wrote it
    "headline": "VARCHAR",
    "outlet": "VARCHAR",
    "published": "VARCHAR",
    "url": "VARCHAR",
    "error": "VARCHAR",
    "language": "VARCHAR",
    "sentences": "INTEGER",
    "words": "INTEGER",
}
READABILITY = {
    "id": "VARCHAR",
    "flesch_reading_ease": "DOUBLE",
    "flesch_kincaid_grade": "DOUBLE",
    "gunning_fog": "DOUBLE",
    "smog_index": "DOUBLE",
    "coleman_liau_index": "DOUBLE",
    "automated_readability_index": "DOUBLE",
    "dale_chall": "DOUBLE",
    "dale_chall_new": "DOUBLE",
    "linsear_write": "DOUBLE",
    "consensus_grade": "DOUBLE",
    "consensus_spread": "DOUBLE",
    "headline_grade": "DOUBLE",
    "headline_measure": "VARCHAR",
    "flesch_band": "VARCHAR",
    "syllables": "INTEGER",
    "reading_time_minutes": "DOUBLE",
}
QUOTES = {
    "id": "VARCHAR",
    "quote_index": "INTEGER",
    "start": "INTEGER",
    "end": "INTEGER",
    "kind": "VARCHAR",
    "cue": "VARCHAR",
    "speaker": "VARCHAR",
    "source_id": "VARCHAR",
    "words": "INTEGER",
    "text": "VARCHAR",
}
SOURCES = {
    "id": "VARCHAR",
    "source_id": "VARCHAR",
    "name": "VARCHAR",
    "type": "VARCHAR",
    "role": "VARCHAR",
    "affiliation": "VARCHAR",
    "side": "VARCHAR",
    "quotes": "INTEGER",
    "quoted_words": "INTEGER",
}
TOPICS = {
    "id": "VARCHAR",
    "topic": "VARCHAR",
    "label": "VARCHAR",
    "present": "BOOLEAN",
    "theme": "BOOLEAN",
    "theme_score": "DOUBLE",
    "sentence_count": "INTEGER",
    "word_count": "INTEGER",
    "sentence_share": "DOUBLE",
    "word_share": "DOUBLE",
    "paragraph_share": "DOUBLE",
    "first_sentence": "INTEGER",
    "peak": "VARCHAR",
}
TOPIC_SENTENCES = {
    "id": "VARCHAR",
    "topic": "VARCHAR",
    "sentence_index": "INTEGER",
    "paragraph": "INTEGER",
    "start": "INTEGER",
    "end": "INTEGER",
    "rule": "VARCHAR",
    "terms": "VARCHAR",  # the matched terms, joined by "; "
}

SCHEMA: dict[str, dict[str, str]] = {
    "articles": ARTICLES,
    "readability": READABILITY,
    "quotes": QUOTES,
    "sources": SOURCES,
    "topics": TOPICS,
    "topic_sentences": TOPIC_SENTENCES,
}


def _pick(columns: dict[str, str], values: dict[str, Any]) -> tuple:
    return tuple(values.get(name) for name in columns)


def _terms(terms: Any) -> str | None:
    if not terms:
        return None
    return "; ".join(t if isinstance(t, str) else str(t.get("term", t)) for t in terms)


def result_rows(result: dict[str, Any], position: int | None = None,
                ) -> dict[str, list[tuple]]:
    """Rows for every table in :data:`SCHEMA`, as tuples in column order.

    An article whose analysis failed has its ``articles`` row (with ``error``) and no
    other rows.
    """
    aid = result["id"]
    r = result.get("readability") or {}
    rows: dict[str, list[tuple]] = {name: [] for name in SCHEMA}
    rows["articles"].append(_pick(ARTICLES, {
        "id": aid,
        "position": position,
        "headline": result.get("headline"),
        "outlet": result.get("outlet"),
        "published": result.get("published"),
        "url": result.get("url"),
        "error": result.get("error"),
        "language": r.get("language"),
        "sentences": r.get("sentences"),
        "words": r.get("words"),
    }))
    if result.get("error"):
        return rows
    if r:
        rows["readability"].append(_pick(READABILITY, {**r, "id": aid}))
    for i, q in enumerate(result.get("quotes") or []):
        rows["quotes"].append(_pick(QUOTES, {
            **q, "id": aid, "quote_index": i, "words": len((q.get("text") or "").split()),
        }))
    for s in result.get("sources") or []:
        rows["sources"].append(_pick(SOURCES, {**s, "id": aid, "source_id": s.get("id")}))
    for key, t in (result.get("topics") or {}).items():
        if key.startswith("_"):
            continue  # _none, _cooccurrence, _meta: article-level summaries
        rows["topics"].append(_pick(TOPICS, {
            **t, "id": aid, "topic": key, "peak": (t.get("position") or {}).get("peak"),
        }))
        for s in t.get("sentences") or []:
            rows["topic_sentences"].append(_pick(TOPIC_SENTENCES, {
                "id": aid, "topic": key, "sentence_index": s.get("index"),
                "paragraph": s.get("paragraph"), "start": s.get("start"),
                "end": s.get("end"), "rule": s.get("rule"), "terms": _terms(s.get("terms")),
            }))
    return rows
