"""What a corpus report says, computed from the results tables (docs/corpus.md).

Pure: pandas frames in, frames and numbers out. Reading the database is
:func:`analysis.results_store.read_tables`; the corpus notebook only presents.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

# a document (a law, a report) is quoted, but it is not a voice
NOT_VOICES = {"document"}


def per_article(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per analysed article: its grade, voices, sides and topic shares.

    Columns: ``id``, ``headline``, ``outlet``, ``published``, ``month`` (YYYY-MM, or
    None), ``words``, ``grade`` (the headline US grade, else the consensus grade),
    ``consensus_grade``, ``quotes``, ``voices`` (distinct
    sources, documents excluded), ``sides`` (distinct known sides among them), and per
    topic ``share:<topic>`` (share of sentences) and ``theme:<topic>`` (a main subject).
    """
    a = tables["articles"]
    a = a[a["error"].isna()].copy()
    a["month"] = a["published"].map(_month)
    r = tables["readability"][["id", "headline_grade", "consensus_grade"]].copy()
    # the report's headline grade (New Dale-Chall as a US grade), else the consensus
    r["grade"] = r["headline_grade"].astype(float).fillna(r["consensus_grade"].astype(float))
    r = r[["id", "grade", "consensus_grade"]]
    out = a[["id", "position", "headline", "outlet", "published", "month", "words"]].merge(
        r, on="id", how="left")
    q = tables["quotes"].groupby("id").size().rename("quotes")
    voices = tables["sources"][~tables["sources"]["type"].isin(NOT_VOICES)]
    v = voices.groupby("id")["source_id"].nunique().rename("voices")
    known = voices[voices["side"].notna() & (voices["side"] != "unknown")]
    s = known.groupby("id")["side"].nunique().rename("sides")
    out = out.join(q, on="id").join(v, on="id").join(s, on="id")
    for col in ("quotes", "voices", "sides"):
        out[col] = out[col].fillna(0).astype(int)
    t = tables["topics"]
    if len(t):
        shares = t.pivot_table(index="id", columns="topic", values="sentence_share",
                               aggfunc="first")
        out = out.join(shares.add_prefix("share:"), on="id")
        if t["theme"].notna().any():
            themes = t.pivot_table(index="id", columns="topic", values="theme",
                                   aggfunc="first")
            out = out.join(themes.add_prefix("theme:"), on="id")
    return out.sort_values("position").reset_index(drop=True)


def _month(published: Any) -> str | None:
    """``YYYY-MM`` of an ISO date string, or None when there is no usable date."""
    if not isinstance(published, str) or len(published) < 7:
        return None
    head = published[:7]
    if head[:4].isdigit() and head[4] == "-" and head[5:7].isdigit():
        return head
    return None


def topics_of(articles: pd.DataFrame) -> list[str]:
    """The topic ids with a share column, in table order."""
    return [c.split(":", 1)[1] for c in articles.columns if c.startswith("share:")]


def overview(tables: dict[str, pd.DataFrame], articles: pd.DataFrame) -> dict[str, Any]:
    """Counts for the report's first lines: articles, failures, outlets, date range."""
    a = tables["articles"]
    months = articles["month"].dropna()
    return {
        "articles": int(len(a)),
        "analysed": int(len(articles)),
        "failed": int(a["error"].notna().sum()),
        "outlets": sorted(articles["outlet"].dropna().unique().tolist()),
        "first_month": months.min() if len(months) else None,
        "last_month": months.max() if len(months) else None,
        "quotes": int(articles["quotes"].sum()),
        "words": int(articles["words"].fillna(0).sum()),
    }


def distribution(values: pd.Series) -> dict[str, float | None]:
    """n, mean, and the 10th, 25th, 50th, 75th and 90th percentiles of ``values``
    (missing values left out; linear interpolation between ranks, pandas' default)."""
    v = values.dropna().astype(float)
    if v.empty:
        return {"n": 0, "mean": None, "p10": None, "p25": None, "median": None,
                "p75": None, "p90": None}
    q = v.quantile([0.1, 0.25, 0.5, 0.75, 0.9]).tolist()
    return {"n": int(len(v)), "mean": float(v.mean()), "p10": q[0], "p25": q[1],
            "median": q[2], "p75": q[3], "p90": q[4]}


def by_group(articles: pd.DataFrame, column: str, *, min_articles: int = 1) -> pd.DataFrame:
    """Per value of ``column`` (``outlet`` or ``month``): article count, median grade,
    mean voices and mean share of each topic. Groups with fewer than ``min_articles``
    articles are left out; an empty frame when the metadata has no such field."""
    a = articles[articles[column].notna()]
    if a.empty:
        return pd.DataFrame(columns=[column, "articles", "median_grade", "mean_voices"])
    agg: dict[str, tuple[str, str]] = {
        "articles": ("id", "count"),
        "median_grade": ("grade", "median"),
        "mean_voices": ("voices", "mean"),
    }
    for tid in topics_of(articles):
        agg[f"mean_share:{tid}"] = (f"share:{tid}", "mean")
    g = a.groupby(column).agg(**agg).reset_index()
    return g[g["articles"] >= min_articles].sort_values(column).reset_index(drop=True)


def standouts(articles: pd.DataFrame, measure: str, *, n: int = 5,
              highest: bool = True) -> pd.DataFrame:
    """The ``n`` articles highest (or lowest) on ``measure``, ties broken by input
    order; articles without the measure are left out."""
    a = articles[articles[measure].notna()]
    return (a.sort_values([measure, "position"], ascending=[not highest, True], kind="stable")
            .head(n).reset_index(drop=True))


def share_of_voice(tables: dict[str, pd.DataFrame], by: str) -> pd.DataFrame:
    """Corpus-wide share of quoted words by source ``type`` or ``side``: the words, the
    share of all quoted words, and in how many articles the group is heard."""
    s = tables["sources"]
    s = s[~s["type"].isin(NOT_VOICES)].copy()
    s[by] = s[by].fillna("unknown")
    g = s.groupby(by).agg(words=("quoted_words", "sum"), articles=("id", "nunique"),
                          voices=("source_id", "count")).reset_index()
    total = g["words"].sum()
    g["share"] = g["words"] / total if total else 0.0
    return g.sort_values(["words", by], ascending=[False, True]).reset_index(drop=True)


def most_quoted(tables: dict[str, pd.DataFrame], *, n: int = 15) -> pd.DataFrame:
    """The voices with the most quoted words over the corpus, named voices only (an
    anonymous "official" in one article is not the same person as in another)."""
    s = tables["sources"]
    s = s[~s["type"].isin(NOT_VOICES | {"anonymous"})]
    g = s.groupby("name").agg(
        type=("type", lambda x: x.mode().iat[0]),
        side=("side", lambda x: x.dropna().mode().iat[0] if x.notna().any() else None),
        articles=("id", "nunique"), quotes=("quotes", "sum"),
        words=("quoted_words", "sum"),
    ).reset_index()
    return g.sort_values(["words", "name"], ascending=[False, True]).head(n).reset_index(
        drop=True)


def topic_coverage(articles: pd.DataFrame) -> pd.DataFrame:
    """Per topic: how many articles mention it (at least one sentence on it) and how
    many are about it (it is a main subject, ``theme``), and the mean share of
    sentences over the articles that mention it."""
    rows = []
    for tid in topics_of(articles):
        share = articles[f"share:{tid}"].fillna(0)
        theme_col = f"theme:{tid}"
        about = int(articles[theme_col].fillna(False).astype(bool).sum()) \
            if theme_col in articles else None
        mentioned = int((share > 0).sum())
        rows.append({"topic": tid, "articles": int(len(articles)), "mentioned": mentioned,
                     "about": about,
                     "mean_share_when_mentioned": float(share[share > 0].mean())
                     if mentioned else None})
    return pd.DataFrame(rows, columns=["topic", "articles", "mentioned", "about",
                                       "mean_share_when_mentioned"])


def topic_labels(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Topic id -> its label as the topics file gives it ("russia" -> "Russia")."""
    t = tables["topics"]
    return {row.topic: (row.label or row.topic) for row in
            t[["topic", "label"]].drop_duplicates("topic").itertuples()}
