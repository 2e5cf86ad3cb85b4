"""Tables and charts for the source-diversity section, built from
:func:`analysis.sources.analyze_sources`'s dict.

Article text is untrusted: every value that reaches HTML is escaped here, and tables
are meant for ``DataFrame.to_html(escape=True)``.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd

from analysis.article import Article
from analysis.views.figures import side_colours

# Okabe & Ito's colour-blind-safe palette (analysis/views/figures.py), one colour a type.
TYPE_COLOURS = {
    "government": "#0072B2",
    "former official": "#56B4E9",
    "expert": "#009E73",
    "journalist": "#E69F00",
    "organisation": "#CC79A7",
    "anonymous": "#999999",
    "other": "#D55E00",
    "document": "#F0E442",
}


def paragraph_of(article: Article, pos: int) -> int:
    """The 1-based body paragraph (standfirst = 1) holding character ``pos``."""
    starts = [b.start for b in article.body]
    return max(1, bisect_right(starts, pos))


def _voices(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in result["sources"] if s["type"] != "document"]


def summary_html(result: dict[str, Any]) -> str:
    """The headline figures in plain words, as escaped HTML."""
    d = result["diversity"]
    if not result["quotes"]:
        return "<p><strong>No quotes or reported speech were found in the body text.</strong></p>"
    idx, att, kinds = d["indices"], d["attribution"], d["kinds"]
    top = d["share_of_voice"]["by_source"][:1]
    sides = d["share_of_voice"]["by_side"]
    j = idx["sources"]["shannon_normalised"]
    rows = [
        ("Voices", f"{d['distinct_sources']} distinct sources in {d['quotes']} quotes "
         f"({d['quoted_words']} quoted words)"),
        ("Loudest voice", f"{top[0]['name']}: {top[0]['share_words']:.0%} of quoted words"
         if top else "none"),
        ("Sides heard", ", ".join(f"{s['side']} {s['share_words']:.0%}" for s in sides)
         or "none"),
        ("Evenness over sources", "n/a (one voice)" if j is None else
         f"{j:.2f} (Shannon entropy {idx['sources']['shannon_bits']:.2f} bits; "
         f"1 = every voice gets equal room)"),
        ("Named vs anonymous", f"{att['named_share']:.0%} of quotes from named sources, "
         f"{att['anonymous_share']:.0%} anonymous, {att['unattributed_share']:.0%} "
         "without a known speaker"),
        ("Direct vs reported", f"{kinds['direct_share']:.0%} direct quotes, "
         f"{kinds['reported_share']:.0%} reported (mixed or indirect)"),
    ]
    if d["documents_quoted"]:
        rows.append(("Documents quoted (not voices)", ", ".join(d["documents_quoted"])))
    body = "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th>"
                   f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
    return f"<table>{body}</table>"


def sources_table(article: Article, result: dict[str, Any]) -> pd.DataFrame:
    """One row per source: name, role, affiliation, type, side, quotes, quoted words and
    the paragraph where the source is first quoted."""
    first: dict[str, int] = {}
    for q in result["quotes"]:
        if q["source_id"] and q["source_id"] not in first:
            first[q["source_id"]] = paragraph_of(article, q["start"])
    rows = [{
        "Source": s["name"],
        "Role": s["role"] or "",
        "Affiliation": s["affiliation"] or "",
        "Type": s["type"],
        "Side": s["side"] or "",
        "Quotes": s["quotes"],
        "Words": s["quoted_words"],
        "First paragraph": first.get(s["id"]),
    } for s in result["sources"]]
    return pd.DataFrame(rows, columns=["Source", "Role", "Affiliation", "Type", "Side",
                                       "Quotes", "Words", "First paragraph"])


def share_chart(result: dict[str, Any], by: str = "source"):
    """Horizontal bars of each source's (or side's) share of quoted words."""
    d = result["diversity"]["share_of_voice"]
    groups = d["by_source"] if by == "source" else d["by_side"]
    key = "name" if by == "source" else "side"
    type_of = {s["name"]: s["type"] for s in result["sources"]}
    labels = [str(g[key]) for g in groups][::-1]
    shares = [g["share_words"] * 100 for g in groups][::-1]
    if by == "source":
        colours = [TYPE_COLOURS.get(type_of.get(lab, ""), "#0072B2") for lab in labels]
    else:
        by_side = side_colours(labels)
        colours = [by_side[lab] for lab in labels]
    fig, ax = plt.subplots(figsize=(6.5, 0.8 + 0.32 * max(len(labels), 1)))
    ax.barh(labels, shares, color=colours)
    for y, v in enumerate(shares):
        ax.text(v + 0.8, y, f"{v:.0f}%", va="center", fontsize=8)
    ax.set_xlabel("share of quoted words (%)")
    ax.set_xlim(0, max(shares + [10]) * 1.15)
    ax.set_title(f"Share of voice by {by}")
    ax.spines[["top", "right"]].set_visible(False)
    if by == "source":
        seen = [t for t in TYPE_COLOURS if t in {type_of.get(lab) for lab in labels}]
        handles = [plt.Rectangle((0, 0), 1, 1, color=TYPE_COLOURS[t]) for t in seen]
        ax.legend(handles, seen, fontsize=7, frameon=False, loc="lower right")
    fig.tight_layout()
    return fig


def position_strip(article: Article, result: dict[str, Any]):
    """Where each voice speaks: one row per source, one column per body paragraph; a
    dark mark is a direct quote, a light one reported speech."""
    sources = result["sources"]
    n = max(len(article.body), 1)
    fig, ax = plt.subplots(figsize=(6.5, 0.8 + 0.3 * max(len(sources), 1)))
    row_of = {s["id"]: i for i, s in enumerate(sources)}
    for q in result["quotes"]:
        if q["source_id"] is None:
            continue
        p = paragraph_of(article, q["start"])
        colour = "#0072B2" if q["kind"] == "direct" else "#56B4E9"
        ax.add_patch(plt.Rectangle((p - 0.45, row_of[q["source_id"]] - 0.35), 0.9, 0.7,
                                   color=colour))
    ax.set_xlim(0.5, n + 0.5)
    ax.set_ylim(len(sources) - 0.5, -0.5)
    ax.set_yticks(range(len(sources)), [s["name"] for s in sources], fontsize=8)
    ax.set_xticks(range(1, n + 1, max(1, n // 15)))
    ax.set_xlabel("body paragraph (1 = standfirst)")
    ax.set_title("Where each voice appears (dark: direct quote, light: reported)")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


# Quotes listed by speaker: every quote of a news article; a longer text lists its first
# ones and says how many more there are (all are in metrics.json).
QUOTES_LISTED = 300


def quotes_by_speaker_html(result: dict[str, Any], limit: int = QUOTES_LISTED) -> str:
    """Every quote (the first ``limit``) grouped by speaker, in order of first
    appearance, as escaped HTML."""
    e = html.escape
    parts = []
    groups: dict[str | None, list[dict[str, Any]]] = {}
    for q in result["quotes"][:limit]:
        groups.setdefault(q["speaker"], []).append(q)
    info = {s["name"]: s for s in result["sources"]}
    for name, qs in groups.items():
        s = info.get(name) if name else None
        head = e(name) if name else "<em>No known speaker</em>"
        if s:
            head += f" <small>({e(s['type'])}, {e(s['side'] or 'no side')})</small>"
        items = "".join(
            f"<li><small>[{e(q['kind'])}{', cue: ' + e(q['cue']) if q['cue'] else ''}]"
            f"</small> {e(q['text'])}</li>" for q in qs)
        parts.append(f"<h4>{head}</h4><ul>{items}</ul>")
    more = len(result["quotes"]) - limit
    if more > 0:
        parts.append(f"<p><em>{more:,} more quotes are not listed here; every figure counts "
                     "them, and all are in metrics.json.</em></p>")
    return "".join(parts) or "<p><em>No quotes.</em></p>"


def cited_media_table(result: dict[str, Any]) -> pd.DataFrame:
    """Photo agencies and the publishing outlet, kept apart from the voices."""
    kinds = {"photo_credit": "photo credit", "publisher": "publisher (Source: line)"}
    rows = [{"Medium": m["name"], "Cited as": kinds.get(m["kind"], m["kind"])}
            for m in result["diversity"]["cited_media"]]
    return pd.DataFrame(rows, columns=["Medium", "Cited as"])


def unheard_table(result: dict[str, Any]) -> pd.DataFrame:
    """People, organisations and countries mentioned often but never quoted."""
    rows = [{"Talked about": e["name"], "Kind": e["kind"], "Mentions": e["mentions"]}
            for e in result["diversity"]["talked_about_not_heard"]]
    return pd.DataFrame(rows, columns=["Talked about", "Kind", "Mentions"])


def share_figure_html(result: dict[str, Any], by: str = "source") -> str:
    """The share-of-voice chart as a captioned figure, or a sentence when no one is
    quoted."""
    from analysis.views.figures import empty_state_html, figure_html

    groups = result["diversity"].get("share_of_voice", {}).get(
        "by_source" if by == "source" else "by_side") or []
    if not result["quotes"] or not groups:
        return empty_state_html("No one is quoted, so there is no share of voice to chart.")
    key = "name" if by == "source" else "side"
    alt = "Horizontal bars: " + "; ".join(
        f"{g[key]} {g['share_words']:.0%}" for g in groups) + " of quoted words."
    return figure_html(share_chart(result, by=by),
                       f"Share of quoted words by {by}.", alt)


def position_figure_html(article: Article, result: dict[str, Any]) -> str:
    """Where each voice appears, as a captioned figure, or a sentence when no one is
    quoted."""
    from analysis.views.figures import empty_state_html, figure_html

    if not result["quotes"] or not result["sources"]:
        return empty_state_html("No one is quoted, so no voice appears anywhere.")
    return figure_html(
        position_strip(article, result),
        "Where each voice appears: one column per body paragraph; dark marks are direct "
        "quotes, light marks reported speech.",
        f"Grid of {len(result['sources'])} sources by {len(article.body)} paragraphs "
        "marking the paragraphs where each source is quoted.",
    )
