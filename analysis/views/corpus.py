"""Tables and charts for the corpus report, from :mod:`analysis.corpus_summary` frames.

Headlines and names come from the articles: every value that reaches HTML is escaped
here (tables are built as escaped HTML strings, links only to files the report made).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd

from analysis import corpus_summary as cs
from analysis.views.figures import OKABE_ITO, empty_state_html, figure_html

BAR = OKABE_ITO[4]  # the palette's blue (Okabe & Ito, colour-blind safe)


def _fmt(value: Any, kind: str = "") -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if kind == "pct":
        return f"{value:.0%}"
    if kind == "1":
        return f"{value:.1f}"
    return str(value)


def table_html(rows: list[list[str]], header: list[str], *, raw_cols: set[int] = frozenset(),
               caption: str | None = None) -> str:
    """An HTML table; every cell is escaped except the columns in ``raw_cols``, which
    the caller has built from escaped parts."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{c if i in raw_cols else html.escape(c)}</td>"
                         for i, c in enumerate(row)) + "</tr>"
        for row in rows)
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def overview_html(o: dict[str, Any]) -> str:
    """The corpus in one table: size, failures, outlets, dates, quotes."""
    span = (f"{o['first_month']} to {o['last_month']}" if o["first_month"]
            else "no publication dates")
    outlets = ", ".join(o["outlets"][:12]) + (" …" if len(o["outlets"]) > 12 else "")
    rows = [
        ["Articles", f"{o['articles']:,} ({o['analysed']:,} analysed, {o['failed']:,} could "
                     "not be read or analysed)"],
        ["Outlets", f"{len(o['outlets'])}: {outlets}" if o["outlets"] else "not given"],
        ["Published", span],
        ["Words analysed", f"{o['words']:,}"],
        ["Quotes found", f"{o['quotes']:,}"],
    ]
    return table_html(rows, ["", ""])


def distribution_table(articles: pd.DataFrame, labels: dict[str, str] | None = None) -> str:
    """Spread of each per-article measure: percentiles over the analysed articles."""
    measures = [("grade", "US grade (headline)", "1"), ("voices", "Voices per article", "1"),
                ("sides", "Sides heard per article", "1"), ("quotes", "Quotes per article", "1")]
    labels = labels or {}
    measures += [(f"share:{t}", f"Share of sentences on {labels.get(t, t)}", "pct")
                 for t in cs.topics_of(articles)]
    rows = []
    for col, label, kind in measures:
        d = cs.distribution(articles[col])
        rows.append([label, str(d["n"])] + [_fmt(d[k], kind) for k in
                                             ("p10", "p25", "median", "p75", "p90")])
    return table_html(rows, ["Measure", "Articles", "10th", "25th", "Median", "75th", "90th"])


def histogram(values: pd.Series, *, title: str, xlabel: str, bins: int | list = 20):
    """A histogram, or None when there is nothing to draw (the notebook says so)."""
    v = values.dropna()
    if v.empty:
        return None
    fig, ax = plt.subplots(figsize=(6.5, 2.6))
    ax.hist(v, bins=bins, color=BAR, edgecolor="white")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("articles")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def share_bars(shares: pd.DataFrame, by: str, *, title: str):
    """Horizontal bars of each group's share of all quoted words."""
    if shares.empty:
        return None
    s = shares.head(12).iloc[::-1]
    fig, ax = plt.subplots(figsize=(6.5, 0.8 + 0.3 * len(s)))
    ax.barh(s[by].astype(str), s["share"] * 100, color=BAR)
    for y, v in enumerate(s["share"] * 100):
        ax.text(v + 0.8, y, f"{v:.0f}%", va="center", fontsize=8)
    ax.set_xlim(0, max(s["share"].max() * 100, 10) * 1.15)
    ax.set_xlabel("share of quoted words (%)")
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def share_table(shares: pd.DataFrame, by: str) -> str:
    rows = [[str(r[by]), f"{r['words']:,}", _fmt(r["share"], "pct"), str(r["articles"])]
            for _, r in shares.iterrows()]
    return table_html(rows, [by.capitalize(), "Quoted words", "Share", "Articles heard in"])


def group_table(groups: pd.DataFrame, column: str, labels: dict[str, str] | None = None
                ) -> str:
    """By outlet or by month: count, median grade, voices, topic shares."""
    if groups.empty:
        return f"<p><em>The articles carry no {html.escape(column)}, so there is no " \
               "comparison by it.</em></p>"
    topics = [c.split(":", 1)[1] for c in groups.columns if c.startswith("mean_share:")]
    rows = [[str(r[column]), str(r["articles"]), _fmt(r["median_grade"], "1"),
             _fmt(r["mean_voices"], "1")] + [_fmt(r[f"mean_share:{t}"], "pct") for t in topics]
            for _, r in groups.iterrows()]
    header = [column.capitalize(), "Articles", "Median grade", "Voices (mean)"] + \
        [f"{(labels or {}).get(t, t)} (mean share)" for t in topics]
    return table_html(rows, header)


def _article_cell(row: pd.Series, links: dict[str, str]) -> str:
    label = html.escape(str(row["headline"] or row["id"]))
    href = links.get(row["id"])
    return f'<a href="{html.escape(href)}">{label}</a>' if href else label


def report_links(articles: pd.DataFrame, reports_dir: str | Path | None,
                 base: str | Path | None = None) -> dict[str, str]:
    """Article id -> relative link to its single-article report, for those rendered
    into ``reports_dir/<id>/report.html`` (nothing else is linked)."""
    if not reports_dir:
        return {}
    root = Path(reports_dir)
    links = {}
    for aid in articles["id"]:
        page = root / str(aid) / "report.html"
        if "/" not in str(aid) and page.is_file():
            links[aid] = str(page if base is None else _relative(page, Path(base)))
    return links


def _relative(path: Path, base: Path) -> Path:
    import os

    return Path(os.path.relpath(path.resolve(), base.resolve()))


def standouts_html(articles: pd.DataFrame, links: dict[str, str], n: int = 5,
                   labels: dict[str, str] | None = None) -> str:
    """For each measure, the articles at its extremes, with the figure that puts them
    there."""
    measures = [("grade", "Hardest to read (grade)", True, "1"),
                ("grade", "Easiest to read (grade)", False, "1"),
                ("voices", "Most voices", True, ""),
                ("quotes", "Most quotes", True, "")]
    measures += [(f"share:{t}", f"Most about {(labels or {}).get(t, t)} (share of sentences)",
                  True, "pct") for t in cs.topics_of(articles)]
    parts = []
    for col, label, highest, kind in measures:
        top = cs.standouts(articles, col, n=n, highest=highest)
        if top.empty or (kind == "pct" and top[col].max() == 0):
            continue
        rows = [[_article_cell(r, links), html.escape(str(r["outlet"] or "")),
                 html.escape(_fmt(r[col], kind))] for _, r in top.iterrows()]
        parts.append(f"<h3>{html.escape(label)}</h3>"
                     + table_html(rows, ["Article", "Outlet", "Figure"], raw_cols={0, 1, 2}))
    return "".join(parts)


def most_quoted_table(voices: pd.DataFrame) -> str:
    if voices.empty:
        return "<p><em>No named voice is quoted in these articles.</em></p>"
    rows = [[str(r["name"]), str(r["type"]), str(r["side"] or ""), str(r["articles"]),
             str(r["quotes"]), f"{r['words']:,}"] for _, r in voices.iterrows()]
    return table_html(rows, ["Voice", "Type", "Side", "Articles", "Quotes", "Quoted words"])


def coverage_table(coverage: pd.DataFrame, labels: dict[str, str] | None = None) -> str:
    """Per topic: articles that mention it, and articles about it (a main subject)."""
    if coverage.empty:
        return "<p><em>No topics were defined.</em></p>"
    rows = [[(labels or {}).get(r["topic"], str(r["topic"])),
             f"{r['mentioned']:,} ({r['mentioned'] / max(r['articles'], 1):.0%})",
             "–" if r["about"] is None or pd.isna(r["about"]) else
             f"{int(r['about']):,} ({r['about'] / max(r['articles'], 1):.0%})",
             _fmt(r["mean_share_when_mentioned"], "pct")] for _, r in coverage.iterrows()]
    return table_html(rows, ["Topic", "Articles mentioning it", "Articles about it",
                             "Share of sentences where mentioned"])


def histogram_figure(values: pd.Series, *, title: str, xlabel: str, caption: str,
                     empty: str, bins: int | list = 20) -> str:
    """A histogram as a captioned, numbered figure with alt text, or ``empty`` as a
    sentence when there is nothing to draw."""
    v = values.dropna()
    fig = histogram(values, title=title, xlabel=xlabel, bins=bins)
    if fig is None:
        return empty_state_html(empty)
    d = cs.distribution(v)
    alt = (f"Histogram of {xlabel} over {d['n']} articles: median {d['median']:.1f}, "
           f"half of the articles between {d['p25']:.1f} and {d['p75']:.1f}.")
    return figure_html(fig, caption, alt)


def share_figure(shares: pd.DataFrame, by: str, *, title: str, caption: str) -> str:
    """Share-of-voice bars as a captioned figure, or a sentence when no one is quoted."""
    fig = share_bars(shares, by, title=title)
    if fig is None:
        return empty_state_html("No quotes were found in these articles.")
    alt = f"Bars of the share of quoted words by {by}: " + "; ".join(
        f"{r[by]} {r['share']:.0%}" for _, r in shares.head(12).iterrows()) + "."
    return figure_html(fig, caption, alt)
