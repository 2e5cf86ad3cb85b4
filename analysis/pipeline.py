"""One article in, the ``analyze`` JSON object out.

The field names here are the project's public contract (see README, "The analyze
contract"): later work adds fields, never renames them.
"""

from __future__ import annotations

import traceback
from typing import Any

from analysis.article import Article
from analysis.inputs import Record


def empty_result(article_id: str, error: str | None) -> dict[str, Any]:
    """The contract's shape with every analysis empty (used for records that failed)."""
    return {
        "id": article_id,
        "error": error,
        "readability": {},
        "quotes": [],
        "sources": [],
        "diversity": {},
        "topics": {},
    }


def analyze_article(
    article: Article, *, topics: Any = None, language: str | None = None
) -> dict[str, Any]:
    """Readability, quotes and sources, diversity and topics of one article.

    ``topics`` is a loaded topic set (``analysis.topics.load_topics``) or None for the
    defaults; ``language`` overrides language detection (an ISO 639-1 code).
    """
    from analysis.readability import readability
    from analysis.sources import analyze_sources
    from analysis.topics import topic_proportions

    result = empty_result(article.id, None)
    result.update(
        {
            "headline": article.headline,
            "outlet": article.outlet or article.source_outlet,
            "published": article.published,
            "url": article.url,
        }
    )
    result["readability"] = readability(article, language=language)
    voices = analyze_sources(article)
    result["quotes"] = voices["quotes"]
    result["sources"] = voices["sources"]
    result["diversity"] = voices["diversity"]
    result["topics"] = topic_proportions(article, topics)
    return result


def analyze_record(
    record: Record, *, topics: Any = None, language: str | None = None
) -> dict[str, Any]:
    """Like :func:`analyze_article`, but never raises: a failure becomes ``error``."""
    if record.article is None:
        return empty_result(record.id, record.error or "unreadable input")
    try:
        return analyze_article(record.article, topics=topics, language=language)
    except Exception as exc:  # one bad record must not stop a batch
        where = record.article.source_path or record.id
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return empty_result(record.id, f"{where}: analysis failed: {detail}")
