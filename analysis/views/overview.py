"""The overview section of the report: what the article is and how long it is.

:func:`overview` is pure (article in, JSON-able dict out); :func:`facts_table_html` and
:func:`standfirst_html` turn it into escaped HTML for the notebook to display. Article
text is untrusted, so every value is escaped before it reaches HTML.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from typing import Any

from analysis.article import Article, Kind
from analysis.readability import WORDS_PER_MINUTE

# The readability analysis owns the reading rate (data/readability.yaml: 238 words per
# minute, Brysbaert 2019), so the overview and the readability section agree.
READING_WPM = WORDS_PER_MINUTE


def overview(article: Article) -> dict[str, Any]:
    """Facts about ``article`` for the report's overview.

    Returns ``{"headline", "standfirst", "outlet", "published", "url", "source_line",
    "words", "sentences", "paragraphs", "subheadings", "photos", "reading_minutes"}``.
    Counts are of body text only (standfirst and paragraphs, as the text layer splits
    them); ``photos`` counts captions and credits, whichever is larger, so a photo with
    only a credit line still counts; ``reading_minutes`` is ``words / READING_WPM``
    rounded up (at least 1 for a non-empty body). Missing values are None.
    """
    sentences = article.sentences
    words = sum(len(s.words) for s in sentences)
    photos = max(len(article.blocks_of(Kind.CAPTION)), len(article.credits))
    return {
        "headline": article.headline,
        "standfirst": article.standfirst,
        "outlet": article.outlet or article.source_outlet,
        "published": article.published,
        "url": article.url,
        "source_line": article.source_line,
        "words": words,
        "sentences": len(sentences),
        "paragraphs": len(article.blocks_of(Kind.PARAGRAPH)),
        "subheadings": len(article.blocks_of(Kind.SUBHEADING)),
        "photos": photos,
        "reading_minutes": math.ceil(words / READING_WPM) if words else 0,
    }


def display_date(value: str | None) -> str | None:
    """An ISO date as '18 March 2022'; anything else is shown as given."""
    if not value:
        return None
    try:
        d = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{d.day} {d:%B %Y}"


def facts_rows(facts: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) rows for the facts table, in reading order, as plain text."""
    minutes = facts["reading_minutes"]
    rows = [
        ("Headline", facts["headline"]),
        ("Outlet", facts["outlet"]),
        ("Published", display_date(facts["published"])),
        ("Address", facts["url"]),
        ("Source line", facts["source_line"]),
        ("Words", f"{facts['words']:,}"),
        ("Sentences", f"{facts['sentences']:,}"),
        ("Paragraphs", f"{facts['paragraphs']:,} (and a standfirst)"
         if facts["standfirst"] else f"{facts['paragraphs']:,}"),
        ("Subheadings", f"{facts['subheadings']:,}"),
        ("Photos", f"{facts['photos']:,}"),
        ("Reading time", f"about {minutes} minute{'s' if minutes != 1 else ''}"
         if minutes else None),
    ]
    # an unknown web address is the usual case for a text file: leave the row out
    return [
        (label, "not given" if value is None else str(value))
        for label, value in rows
        if not (label == "Address" and value is None)
    ]


def facts_table_html(facts: dict[str, Any]) -> str:
    """The facts as a two-column HTML table, every value escaped."""
    body = "\n".join(
        f'<tr><th scope="row">{html.escape(label)}</th><td>{html.escape(value)}</td></tr>'
        for label, value in facts_rows(facts)
    )
    return (
        '<table class="report-facts">\n'
        "<caption>The article at a glance. Counts cover the standfirst and body "
        "paragraphs only.</caption>\n"
        f"<tbody>\n{body}\n</tbody>\n</table>"
    )


def standfirst_html(facts: dict[str, Any]) -> str:
    """The standfirst as an escaped pull quote, or an empty string when there is none."""
    text = facts.get("standfirst")
    if not text:
        return ""
    return f'<blockquote class="report-standfirst"><p>{html.escape(text)}</p></blockquote>'


def findings_html(findings: list[dict[str, Any]]) -> str:
    """The key findings as escaped HTML: one row per finding, its key figure beside the
    sentence, linking to the report section the figure comes from."""
    e = html.escape
    items = []
    for f in findings:
        items.append(
            '<div class="finding">'
            f'<a class="finding-figure" href="#section-{e(f["section"])}">'
            f'<span class="finding-value">{e(f["figure"])}</span>'
            f'<span class="finding-label">{e(f["figure_label"])}</span></a>'
            f'<div class="finding-text"><h3>{e(f["title"])}</h3><p>{e(f["text"])}</p></div>'
            "</div>"
        )
    return '<div class="report-findings">' + "".join(items) + "</div>"
