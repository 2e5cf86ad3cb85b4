"""The annotated article: the full body text with every analysis marked on it.

Built from an ``analyze`` result and the parsed article, so a reader can check every
figure against the text:

* each quote is highlighted in the colour of its speaker's side; the speaker is named in
  the ``title`` (shown on hover in a browser) and in a note after the quote, which the
  print stylesheet shows in the PDF;
* each sentence starts with its number and the topics it is on;
* the hardest sentences carry a mark with their grade;
* a legend explains the colours and marks.

Article text is untrusted: every piece of it is escaped with ``html.escape`` before any
tag is put around it. Offsets are character offsets into ``article.text``.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from collections.abc import Mapping
from typing import Any

from analysis.article import Article, Kind
from analysis.views.figures import NO_SIDE_COLOUR, side_colours

HARDEST_MARKED = 5


# The longest stretch of an article the annotated view shows, in sentences: more than
# any news article has (the seed has 30; long reads a few hundred).
MAX_SENTENCES_SHOWN = 600


def _side_class(side: str) -> str:
    return "side-" + "".join(ch if ch.isalnum() else "-" for ch in side.lower())


def quote_spans(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The quotes as ``{"start", "end", "kind", "speaker", "side", "type"}``, in text
    order; a quote without a known speaker has speaker None and side ``"no side"``, a
    quoted document (a law, a treaty: not a voice) the side ``"document"``."""
    info = {s["id"]: s for s in result.get("sources") or []}
    spans = []
    for q in sorted(result.get("quotes") or [], key=lambda q: (q["start"], q["end"])):
        s = info.get(q.get("source_id")) or {}
        side = "document" if s.get("type") == "document" else s.get("side") or "no side"
        spans.append({
            "start": q["start"], "end": q["end"], "kind": q.get("kind"),
            "speaker": q.get("speaker"), "side": side,
            "type": s.get("type"),
        })
    return spans


def sentence_topics(result: Mapping[str, Any]) -> dict[int, list[str]]:
    """Sentence index -> labels of the topics it is on, in topics-file order."""
    out: dict[int, list[str]] = {}
    for tid, entry in (result.get("topics") or {}).items():
        if tid.startswith("_"):
            continue
        for s in entry.get("sentences") or []:
            out.setdefault(s["index"], []).append(entry["label"])
    return out


def hardest_grades(result: Mapping[str, Any], limit: int = HARDEST_MARKED) -> dict[int, float]:
    """Sentence index -> grade of the ``limit`` hardest sentences."""
    hardest = (result.get("readability") or {}).get("hardest_sentences") or []
    return {h["index"]: h["grade"] for h in hardest[:limit]}


def _segments(start: int, end: int, cuts: set[int]) -> list[tuple[int, int]]:
    points = sorted({start, end} | {c for c in cuts if start < c < end})
    return list(zip(points, points[1:], strict=False))


def annotated_html(article: Article, result: Mapping[str, Any],
                   max_sentences: int = MAX_SENTENCES_SHOWN) -> str:
    """The body text (standfirst, subheadings, paragraphs) as annotated, escaped HTML.

    A long article is shown up to the paragraph that reaches ``max_sentences``, with a
    note: the report stays readable whatever the article's length, and every figure
    still counts the whole article."""
    e = html.escape
    quotes = quote_spans(result)
    quote_starts = [q["start"] for q in quotes]  # quotes are in text order
    sides = list(dict.fromkeys(q["side"] for q in quotes))
    colours = side_colours(sides)
    topics = sentence_topics(result)
    hardest = hardest_grades(result)
    sentences = article.sentences
    sentence_at = {s.start: i for i, s in enumerate(sentences)}
    cuts = {s.start for s in sentences}
    for q in quotes:
        cuts |= {q["start"], q["end"]}

    def quote_at(a: int, b: int) -> dict[str, Any] | None:
        # the quote starting last at or before a; quotes do not nest
        i = bisect_right(quote_starts, a)
        while i > 0:
            i -= 1
            q = quotes[i]
            if q["start"] <= a and b <= q["end"]:
                return q
            if i and quotes[i - 1]["end"] <= a:
                break
        return None

    parts: list[str] = []
    shown = 0
    for block in article.blocks:
        if shown >= max_sentences:
            break
        if block.kind == Kind.SUBHEADING:
            parts.append(f'<h4 class="ann-subheading">{e(block.text)}</h4>')
            continue
        if not block.is_body:
            continue
        out: list[str] = []
        for a, b in _segments(block.start, block.end, cuts):
            if a in sentence_at:
                i = sentence_at[a]
                shown = i + 1
                tags = "".join(
                    f'<span class="ann-topic">{e(label)}</span>' for label in topics.get(i, [])
                )
                hard = (
                    f'<span class="ann-hard" title="One of the hardest sentences">'
                    f"▲ grade {hardest[i]:.1f}</span>" if i in hardest else ""
                )
                out.append(
                    f'<span class="ann-sentence" id="sentence-{i + 1}">'
                    f'<span class="ann-number">{i + 1}</span>{tags}{hard}</span>'
                )
            text = e(article.text[a:b])
            q = quote_at(a, b)
            if q is None:
                out.append(text)
                continue
            who = q["speaker"] or "no known speaker"
            label = f"{who} ({q['side']}, {q['kind']})"
            colour = colours.get(q["side"], NO_SIDE_COLOUR)
            out.append(
                f'<mark class="ann-quote {_side_class(q["side"])}" '
                f'style="background:{colour}33;border-bottom:2px solid {colour}" '
                f'title="{e(label)}">{text}</mark>'
            )
            if b == q["end"]:
                out.append(f'<span class="ann-speaker">[{e(who)}]</span>')
        kind = "ann-standfirst" if block.kind == Kind.STANDFIRST else "ann-paragraph"
        parts.append(f'<p class="{kind}">{"".join(out)}</p>')

    legend = "".join(
        f'<li><mark style="background:{colours[s]}33;border-bottom:2px solid {colours[s]}">'
        f"{e(s)}</mark></li>" for s in sides
    )
    legend_html = (
        '<div class="ann-legend"><p><strong>How to read the annotated article.</strong> '
        "A number (#) opens each sentence, followed by the topics it is on "
        '(<span class="ann-topic">Topic</span>). '
        f'<span class="ann-hard">▲ grade</span> marks the {len(hardest)} hardest sentences. '
        + (
            "Quotes are highlighted in the colour of the speaker's side; hover over a quote "
            "to see its speaker (on touch screens the speaker follows the quote in "
            "brackets; in print it stands in the margin beside the quote):</p>"
            f'<ul class="ann-sides">{legend}</ul>'
            if quotes
            else "No quotes or reported speech were found, so nothing is highlighted.</p>"
        )
        + "</div>"
    )
    if shown < len(sentences):
        parts.append(
            f'<p class="ann-cut"><em>The first {shown:,} of {len(sentences):,} sentences are '
            "shown here. Every figure of this report counts the whole article; every "
            "quote, topic sentence and sentence grade is in metrics.json.</em></p>")
    return legend_html + '<div class="ann-article">' + "".join(parts) + "</div>"
