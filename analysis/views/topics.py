"""Tables and charts of the topics section, from a :func:`analysis.topics.topic_proportions`
result. Article text is untrusted: every piece of it is escaped with ``html.escape``
before ``<mark>`` tags are put around matched terms, and tables use ``escape=True``.
"""

from __future__ import annotations

import html
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from analysis.article import Article
from analysis.topic_theme import THRESHOLD
from analysis.views.figures import OKABE_ITO

# Okabe & Ito's colour-blind-safe palette (analysis/views/figures.py), black left out.
PALETTE = OKABE_ITO[:-1]
UNITS = [
    ("sentence_share", "Sentences"),
    ("word_share", "Words"),
    ("paragraph_share", "Paragraphs"),
]
RULE_TEXT = {
    "core": "core term",
    "weak-pair": "two weak terms",
    "weak+context": "weak term in an on-topic passage",
    "weak+article": "weak term in an article on the topic",
    "reference+context": "refers back to the sentence before",
    "semantic": "semantic similarity",
}


def topic_ids(result: dict) -> list[str]:
    """The topic ids of a result, in the order of the topics file."""
    return [k for k in result if not k.startswith("_")]


def colour(result: dict, tid: str) -> str:
    return PALETTE[topic_ids(result).index(tid) % len(PALETTE)]


STATUS_TEXT = {"about": "about", "mentioned": "mentioned only", "absent": "not in it"}


def _status(e: dict) -> str:
    if "status" in e:
        return e["status"]
    return "mentioned" if e["present"] else "absent"  # a result without themes


def shares_table(result: dict) -> pd.DataFrame:
    """One row per topic and one for none of them: whether the article is about the
    topic (a theme) or only mentions it, with the theme score; shares in percent by
    unit, whether the topic is present, and where it first and last appears."""
    rows = []
    for tid in topic_ids(result):
        e = result[tid]
        rows.append(
            {
                "Topic": e["label"],
                "Article is": STATUS_TEXT[_status(e)],
                "Theme score": round(e["theme_score"], 2) if "theme_score" in e else "",
                "Present": "yes" if e["present"] else "no",
                **{name: round(100 * e[key], 1) for key, name in UNITS},
                "Sentences on topic": e.get("sentence_count", len(e["sentences"])),
                "First sentence": _ordinal(e["first_sentence"]),
                "Last sentence": _ordinal(e["last_sentence"]),
                "Concentrated at": (e.get("position") or {}).get("peak") or "",
            }
        )
    none = result["_none"]
    rows.append(
        {
            "Topic": "None of these",
            "Article is": "",
            "Theme score": "",
            "Present": "",
            **{name: round(100 * none.get(key, float("nan")), 1) for key, name in UNITS},
            "Sentences on topic": none.get("sentence_count", ""),
            "First sentence": "",
            "Last sentence": "",
            "Concentrated at": "",
        }
    )
    df = pd.DataFrame(rows).set_index("Topic")
    return df.rename(columns={n: f"{n} (%)" for _, n in UNITS})


def _ordinal(index: int | None) -> str:
    return "" if index is None else str(index + 1)


def shares_chart(result: dict):
    """Grouped bars: for each topic (and none), its share of sentences, words and
    paragraphs, in percent."""
    ids = topic_ids(result)
    labels = [result[t]["label"] for t in ids] + ["None of these"]
    entries = [result[t] for t in ids] + [result["_none"]]
    fig, ax = plt.subplots(figsize=(6.5, 3))
    width = 0.26
    shades = ["#34495e", "#7f8c8d", "#bdc3c7"]
    for k, (key, name) in enumerate(UNITS):
        values = [100 * e.get(key, 0.0) for e in entries]
        xs = [i + (k - 1) * width for i in range(len(entries))]
        bars = ax.bar(xs, values, width, label=name, color=shades[k])
        for b, v in zip(bars, values, strict=True):
            ax.text(b.get_x() + b.get_width() / 2, v + 1, f"{v:.0f}", ha="center", fontsize=7)
    ax.set_xticks(range(len(entries)), labels)
    ax.set_ylim(0, 110)
    ax.set_ylabel("Share of the article (%)")
    ax.set_title("How much of the article is about each topic")
    ax.legend(frameon=False, fontsize=8, ncols=3, loc="upper right")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def strip_chart(result: dict, n_sentences: int):
    """One row per topic, one column per body sentence in reading order: a filled cell
    where the sentence is on the topic (lighter when decided by weak terms only)."""
    ids = topic_ids(result)
    fig, ax = plt.subplots(figsize=(6.5, 0.6 + 0.45 * max(len(ids), 1)))
    for row, tid in enumerate(ids):
        c = colour(result, tid)
        for s in result[tid]["sentences"]:
            strong = s["rule"] == "core"
            ax.add_patch(
                plt.Rectangle(
                    (s["index"], row + 0.1), 1, 0.8, color=c, alpha=1.0 if strong else 0.45, lw=0
                )
            )
    ax.set_xlim(0, max(n_sentences, 1))
    ax.set_ylim(len(ids), 0)
    ax.set_yticks([i + 0.5 for i in range(len(ids))], [result[t]["label"] for t in ids])
    step = max(1, n_sentences // 10)
    ax.set_xticks([i + 0.5 for i in range(0, n_sentences, step)])
    ax.set_xticklabels([str(i + 1) for i in range(0, n_sentences, step)], fontsize=8)
    ax.set_xlabel("Sentence, from the start of the article to the end")
    ax.set_title("Which topic each sentence carries")
    ax.legend(
        handles=[
            Patch(color="#555555", label="core term"),
            Patch(color="#555555", alpha=0.45, label="weak evidence"),
        ],
        frameon=False,
        fontsize=7,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
    )
    ax.grid(axis="x", color="#eeeeee")
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def cooccurrence_table(result: dict) -> pd.DataFrame:
    """Sentences on both topics of each pair; the diagonal is each topic's own count."""
    ids = topic_ids(result)
    labels = [result[t]["label"] for t in ids]
    table = pd.DataFrame(0, index=labels, columns=labels)
    for i, a in enumerate(ids):
        table.iloc[i, i] = len(result[a]["sentences"])
        for j, b in enumerate(ids):
            if j > i:
                n = result["_cooccurrence"].get(f"{a}|{b}", 0)
                table.iloc[i, j] = table.iloc[j, i] = n
    table.index.name = "Sentences on both"
    return table


def highlight(text: str, start: int, marks: list[tuple[int, int, str, str]]) -> str:
    """``text`` (which starts at offset ``start`` of the article) as HTML, each mark
    ``(start, end, css colour, title)`` wrapped in ``<mark>``. Every piece of text is
    escaped before tags are added, so the article cannot inject markup."""
    spans = sorted((max(s - start, 0), min(e - start, len(text)), c, t) for s, e, c, t in marks)
    merged: list[list[Any]] = []
    for s, e, c, t in spans:
        if s >= e:
            continue
        if merged and s < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], e)
            if t not in last[3]:
                last[3] = f"{last[3]}; {t}"
            continue
        merged.append([s, e, c, t])
    out, pos = [], 0
    for s, e, c, t in merged:
        out.append(html.escape(text[pos:s]))
        out.append(
            f'<mark style="background:{html.escape(c)}33;border-bottom:2px solid '
            f'{html.escape(c)}" title="{html.escape(t)}">{html.escape(text[s:e])}</mark>'
        )
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def evidence_rows(article: Article, result: dict) -> list[dict]:
    """One row per sentence on at least one topic: its number, the topics with the rule
    that decided, the terms, and the sentence as highlighted, escaped HTML."""
    sentences = article.sentences
    by_index: dict[int, list[tuple[str, dict]]] = {}
    for tid in topic_ids(result):
        for s in result[tid]["sentences"]:
            by_index.setdefault(s["index"], []).append((tid, s))
    rows = []
    for i in sorted(by_index):
        sent = sentences[i]
        marks = []
        decided = []
        for tid, s in by_index[i]:
            label = result[tid]["label"]
            rule = RULE_TEXT.get(s["rule"], s["rule"])
            if "similarity" in s:
                rule += f" ({s['similarity']:.2f})"
            decided.append(f"{label}: {rule}")
            for t in s["terms"]:
                marks.append((t["start"], t["end"], colour(result, tid), f"{label}, {t['tier']}"))
        rows.append(
            {
                "index": i,
                "decided": decided,
                "terms": sorted({t["term"] for _, s in by_index[i] for t in s["terms"]}),
                "html": highlight(sent.text, sent.start, marks),
            }
        )
    return rows


# Rows of the evidence table: every sentence of a news article fits; a longer text shows
# its first sentences and says how many more there are (all are in metrics.json).
EVIDENCE_ROWS = 300


def evidence_html(article: Article, result: dict, limit: int | None = EVIDENCE_ROWS) -> str:
    """The evidence table as HTML: sentence number, topics and rules, highlighted text."""
    rows = evidence_rows(article, result)
    shown = rows if limit is None else rows[:limit]
    legend = " ".join(
        f'<mark style="background:{colour(result, t)}33;border-bottom:2px solid '
        f'{colour(result, t)}">{html.escape(result[t]["label"])}</mark>'
        for t in topic_ids(result)
    )
    parts = [
        f"<p>Highlighted terms: {legend}</p>",
        '<table class="topic-evidence"><thead><tr><th>#</th><th>Topics (rule)</th>'
        "<th>Sentence</th></tr></thead><tbody>",
    ]
    for r in shown:
        decided = "<br>".join(html.escape(d) for d in r["decided"])
        parts.append(
            f"<tr><td>{r['index'] + 1}</td><td>{decided}</td><td>{r['html']}</td></tr>"
        )
    parts.append("</tbody></table>")
    if limit is not None and len(rows) > limit:
        parts.append(f"<p><em>{len(rows) - limit:,} more sentences on the topics are not "
                     "shown here; all are counted above and listed in metrics.json.</em></p>")
    if not rows:
        parts = ["<p><em>No sentence of the article is on any of the topics.</em></p>"]
    return "\n".join(parts)


def rejected_table(result: dict) -> pd.DataFrame:
    """Weak evidence that was not enough: sentence number, topic and the lone term."""
    rows = []
    for tid in topic_ids(result):
        for d in result[tid].get("rejected", []):
            rows.append(
                {
                    "Sentence": d["index"] + 1,
                    "Topic": result[tid]["label"],
                    "Weak terms": ", ".join(t["term"] for t in d["terms"]),
                    "Why not counted": "a weak term alone"
                    if d["rule"] == "weak-alone"
                    else d["rule"],
                }
            )
    return pd.DataFrame(rows, columns=["Sentence", "Topic", "Weak terms", "Why not counted"])


def theme_reasons(e: dict) -> str:
    """The visible evidence behind a topic's theme score, in words (plain text)."""
    ev = e.get("theme_evidence")
    if not ev:
        return ""
    cues = []
    if ev["headline"]:
        cues.append("named in the headline (" + ", ".join(ev["headline_terms"]) + ")")
    else:
        cues.append("not in the headline")
    cues.append("in the lead" if ev["lead"] else "not in the lead")
    cues.append(f"{100 * ev['sentence_share']:.0f}% of the sentences")
    cues.append(f"{100 * ev['core_share']:.0f}% of them by core terms")
    return f"theme score {e['theme_score']:.2f} ({'; '.join(cues)})"


def theme_table(result: dict) -> pd.DataFrame:
    """One row per topic: about or mentioned, the theme score and each cue behind it."""
    rows = []
    for tid in topic_ids(result):
        e = result[tid]
        ev = e.get("theme_evidence") or {}
        rows.append({
            "Topic": e["label"],
            "Article is": STATUS_TEXT[_status(e)],
            "Theme score": round(e.get("theme_score", 0.0), 2),
            "In headline": ", ".join(ev.get("headline_terms", [])) or "no",
            "In lead": "yes" if ev.get("lead") else "no",
            "Sentences (%)": round(100 * ev.get("sentence_share", 0.0), 1),
            "By core terms (%)": round(100 * ev.get("core_share", 0.0), 1),
        })
    return pd.DataFrame(rows).set_index("Topic")


def summary_text(result: dict) -> str:
    """One plain sentence per topic, for the prose of the notebook (escaped HTML): is
    the article *about* the topic (a theme) or does it only *mention* it, and how much
    of it the topic takes."""
    parts = []
    n = result.get("_meta", {}).get("sentences", 0)
    for tid in topic_ids(result):
        e = result[tid]
        label = html.escape(e["label"])
        if not e["present"]:
            parts.append(f"<li><b>{label}</b>: not in the article.</li>")
            continue
        status = _status(e)
        verdict = "is <b>about</b> it" if status == "about" else "only <b>mentions</b> it"
        reasons = theme_reasons(e)
        parts.append(
            f"<li><b>{label}</b>: the article {verdict}"
            + (f", {html.escape(reasons)}" if reasons else "")
            + f". {e['sentence_count']} of {n} sentences "
            f"({100 * e['sentence_share']:.0f}%), {100 * e['word_share']:.0f}% of the words, "
            f"from sentence {e['first_sentence'] + 1} to {e['last_sentence'] + 1}, mostly "
            f"at the {html.escape(e['position']['peak'] or '')} of the article.</li>"
        )
    none = result["_none"]
    parts.append(
        f"<li><b>None of these</b>: {100 * none['sentence_share']:.0f}% of the sentences.</li>"
    )
    note = ("<p><em>About</em> means the topic is a main subject: it scores at least "
            f"{THRESHOLD:g} "
            "from the headline, the lead (first two sentences), its share of the sentences "
            "and the strength of its terms (docs/topics.md). <em>Mentioned</em> means at "
            "least one sentence is on it, but it is not a main subject.</p>")
    return "<ul>" + "".join(parts) + "</ul>" + note


__all__ = [
    "cooccurrence_table",
    "evidence_html",
    "evidence_rows",
    "highlight",
    "rejected_table",
    "shares_chart",
    "shares_table",
    "strip_chart",
    "summary_text",
    "theme_reasons",
    "theme_table",
]


def shares_figure_html(result: dict) -> str:
    """The shares chart as a captioned figure, or a sentence when no topic is present."""
    from analysis.views.figures import empty_state_html, figure_html

    ids = topic_ids(result)
    if not any(result[t]["present"] for t in ids):
        return empty_state_html(
            "None of the topics is in the article, so there are no shares to chart.")
    alt = "Grouped bars of the share of sentences, words and paragraphs per topic: " + "; ".join(
        f"{result[t]['label']} {100 * result[t]['sentence_share']:.0f}% of sentences"
        for t in ids) + "."
    return figure_html(shares_chart(result),
                       "How much of the article is about each topic, measured three ways.", alt)


def strip_figure_html(result: dict, n_sentences: int) -> str:
    """The strip chart as a captioned figure, or a sentence when no topic is present."""
    from analysis.views.figures import empty_state_html, figure_html

    ids = topic_ids(result)
    if not any(result[t]["present"] for t in ids):
        return empty_state_html("No sentence is on any of the topics.")
    alt = "Strip chart, one row per topic, marking the sentences on it: " + "; ".join(
        f"{result[t]['label']} sentences {result[t]['first_sentence'] + 1} to "
        f"{result[t]['last_sentence'] + 1}" for t in ids if result[t]["present"]) + "."
    return figure_html(strip_chart(result, n_sentences),
                       "Which topic each sentence carries, from the start of the article to "
                       "the end; dark cells have a core term, light ones weak evidence.", alt)


def _any_present(result: dict) -> bool:
    return any(result[t]["present"] for t in topic_ids(result))


def shares_table_html(result: dict) -> str:
    """The shares table as escaped HTML (no stray index-name row), or a sentence when no
    topic is present."""
    from analysis.views.figures import empty_state_html

    if not _any_present(result):
        return empty_state_html("Every share is 0%: no sentence matches any topic.")
    return shares_table(result).to_html(escape=True, na_rep="", index_names=False)


def cooccurrence_html(result: dict) -> str:
    """The co-occurrence table as escaped HTML, or a sentence when fewer than two topics
    are present (nothing can co-occur)."""
    from analysis.views.figures import empty_state_html

    present = [t for t in topic_ids(result) if result[t]["present"]]
    if len(present) < 2:
        return empty_state_html("Fewer than two topics are in the article, so no two share a "
                                "sentence.")
    return cooccurrence_table(result).to_html(escape=True, index_names=False)
