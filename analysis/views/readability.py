"""Tables and charts for the readability section, built from :func:`readability`'s dict.

Article text is untrusted: every value that reaches HTML is escaped here.
"""

from __future__ import annotations

import html
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd

from analysis.readability import dale_chall_level
from analysis.readability_knowledge import readability_knowledge

FORMULAS = [
    # key, name, scale, inputs, source
    ("flesch_reading_ease", "Flesch Reading Ease", "0-100, higher is easier",
     "words, sentences, syllables", "Flesch 1948"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade", "US grade",
     "words, sentences, syllables", "Kincaid et al. 1975"),
    ("gunning_fog", "Gunning Fog", "US grade", "words, sentences, complex words",
     "Gunning 1952"),
    ("smog_index", "SMOG", "US grade", "sentences, polysyllabic words", "McLaughlin 1969"),
    ("coleman_liau_index", "Coleman-Liau", "US grade", "letters, words, sentences",
     "Coleman & Liau 1975"),
    ("automated_readability_index", "Automated Readability Index", "US grade",
     "letters, words, sentences", "Senter & Smith 1967"),
    ("dale_chall", "Dale-Chall", "score",
     "words, sentences, unfamiliar words", "Dale & Chall 1948"),
    ("dale_chall_new", "New Dale-Chall", "cloze score, higher is easier",
     "words, sentences, unfamiliar words", "Chall & Dale 1995"),
    ("linsear_write", "Linsear Write", "US grade", "words, sentences, polysyllabic words",
     "O'Hayre 1966"),
]
_IN_CONSENSUS = {"flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
                 "automated_readability_index"}


# the grade-scale measures of the spread table: key, name
SPREAD_MEASURES = [
    ("headline_grade", "New Dale-Chall, read as a grade (headline)"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade"),
    ("gunning_fog", "Gunning Fog"),
    ("smog_index", "SMOG"),
    ("coleman_liau_index", "Coleman-Liau"),
    ("automated_readability_index", "Automated Readability Index"),
    ("linsear_write", "Linsear Write"),
]


def headline_statement(r: dict[str, Any]) -> str:
    """Which measure the headline grade is, why, and how far the formulas disagree on
    this article (its uncertainty), in plain words (not yet escaped); empty when there
    is no headline grade."""
    if r.get("headline_grade") is None:
        return ""
    ev = readability_knowledge()["headline_evidence"]
    lo, hi = r["headline_range"]
    return (
        f"The headline grade is {ev['measure']}: the share of words outside a list of "
        "3,000 words familiar to most readers, and sentence length. It is the measure "
        "that best ranks the harder version of the same news passage above the easier "
        f"one: {ev['pairs']:.0%} of pairs right on {ev['passages']} OneStopEnglish "
        f"passages (Spearman {ev['spearman']:.2f}), against {ev['consensus_pairs']:.0%} "
        f"({ev['consensus_spearman']:.2f}) for the consensus of five formulas. "
        f"The formulas that give a US grade put this article between grade {lo:.1f} and "
        f"{hi:.1f}, a spread of {hi - lo:.1f} grades: read the headline as a band, "
        "not a point."
    )


def headline_spread_table(r: dict[str, Any]) -> pd.DataFrame:
    """The headline grade beside every formula that gives a US grade, hardest first,
    and the consensus: the spread across them is the headline's uncertainty."""
    rows = [
        {"Measure": name, "US grade": f"{r[key]:.1f}"}
        for key, name in sorted(
            ((k, n) for k, n in SPREAD_MEASURES if r.get(k) is not None),
            key=lambda kn: -r[kn[0]],
        )
    ]
    if r.get("consensus_grade") is not None:
        rows.append({"Measure": "Consensus (mean of five formulas)",
                     "US grade": f"{r['consensus_grade']:.1f}"})
    return pd.DataFrame(rows, columns=["Measure", "US grade"])


def headline_html(r: dict[str, Any]) -> str:
    """The headline figures with their meaning in plain words, which measure the
    headline grade is and why, and its spread across formulas, as escaped HTML."""
    e = html.escape
    if r.get("consensus_grade") is None:
        note = r.get("note") or "No readability figures for this text."
        fre = r.get("flesch_reading_ease")
        extra = f"<p>Flesch Reading Ease ({e(r.get('language') or '')}): {fre}</p>" if fre else ""
        return f"<p><strong>{e(note)}</strong></p>{extra}"
    m = r["grade_meaning"]
    lo, hi = m["news_typical_range"]
    rows = []
    hm = r.get("headline_meaning")
    if r.get("headline_grade") is not None and hm:
        hlo, hhi = hm["news_typical_range"]
        rows.append((
            "Grade",
            f"{r['headline_grade']:.1f} (formulas range {r['headline_range'][0]:.1f}"
            f"–{r['headline_range'][1]:.1f})",
            f"{hm['label'].capitalize()}: {hm['meaning']}. General news usually scores "
            f"{hlo:g}–{hhi:g} on this measure; this article is {hm['compared_with_news']}.",
        ))
    rows += [
        ("Consensus grade",
         f"{r['consensus_grade']:.1f} (formulas range {r['consensus_range'][0]:.1f}"
         f"–{r['consensus_range'][1]:.1f})",
         f"{m['label'].capitalize()}: {m['meaning']}. General news usually scores "
         f"{lo:g}–{hi:g}; this article is {m['compared_with_news']}."),
        ("Flesch Reading Ease", f"{r['flesch_reading_ease']:.1f}",
         f"{(r.get('flesch_band') or '').capitalize()} on Flesch's 0–100 scale (60–70 is "
         "plain English)."),
        ("Length", f"{r['words']} words in {r['sentences']} sentences",
         f"About {r['reading_time_minutes']:g} minutes to read; "
         f"{r['words'] / max(r['sentences'], 1):.0f} words per sentence on average."),
    ]
    body = "".join(
        f"<tr><th style='text-align:left'>{e(a)}</th><td>{e(b)}</td><td>{e(c)}</td></tr>"
        for a, b, c in rows
    )
    note = f"<p><em>{e(r['note'])}</em></p>" if r.get("note") else ""
    why = headline_statement(r)
    why_html = f"<p>{e(why)}</p>" if why else ""
    return f"<table>{body}</table>{why_html}{note}"


def formulas_table(r: dict[str, Any]) -> pd.DataFrame:
    """Every formula with its value, scale, inputs and source."""
    counts = {
        "words": r.get("words"),
        "sentences": r.get("sentences"),
        "syllables": r.get("syllables"),
        "letters": r.get("letters"),
        "complex words": r.get("complex_words"),
        "polysyllabic words": r.get("polysyllabic_words"),
        "unfamiliar words": r.get("unfamiliar_words"),
    }
    rows = []
    for key, name, scale, inputs, source in FORMULAS:
        value = r.get(key)
        used = ", ".join(f"{n} {counts[n]}" for n in inputs.split(", ") if n in counts)
        if key == "dale_chall" and dale_chall_level(value) is not None:
            scale += f"; US grades {dale_chall_level(value)}"
        if key == "dale_chall_new" and r.get("dale_chall_new_level"):
            scale += f"; reading level {r['dale_chall_new_level']['level']}"
        if key == "smog_index" and not r.get("smog_valid"):
            scale += " (fewer than 30 sentences: indicative)"
        rows.append(
            {
                "Formula": name,
                "Value": "n/a" if value is None else f"{value:.2f}",
                "Scale": scale,
                "Inputs": used,
                "In consensus": "yes" if key in _IN_CONSENSUS else "",
                "Source": source,
            }
        )
    return pd.DataFrame(rows)


def comparison_table(r: dict[str, Any], textstat_values: dict[str, float]) -> pd.DataFrame:
    """Our value beside textstat 0.7.13's for each formula (same body text)."""
    rows = []
    for key, name, *_ in FORMULAS:
        ours, theirs = r.get(key), textstat_values.get(key)
        rows.append(
            {
                "Formula": name,
                "This report": "n/a" if ours is None else f"{ours:.2f}",
                "textstat 0.7.13": "n/a" if theirs is None else f"{theirs:.2f}",
            }
        )
    return pd.DataFrame(rows)


# Sentences drawn in the per-sentence chart: all of a news article's; a longer text draws
# its first ones and says so in the title (every grade is in metrics.json).
SENTENCES_CHARTED = 600


def sentence_chart(r: dict[str, Any]):
    """Consensus grade of every sentence through the article, paragraphs shaded."""
    all_grades = r.get("sentence_grades") or []
    grades = all_grades[:SENTENCES_CHARTED]
    fig, ax = plt.subplots(figsize=(6.5, 3))
    if not grades:
        ax.text(0.5, 0.5, "No sentences to grade", ha="center", va="center")
        ax.set_axis_off()
        return fig
    xs = [g["index"] + 1 for g in grades]
    ys = [g["grade"] for g in grades]
    for x, g in zip(xs, grades, strict=True):
        if g["paragraph"] % 2:
            ax.axvspan(x - 0.5, x + 0.5, color="#f2f2f2", lw=0)
    ax.bar(xs, ys, color="#0072B2", width=0.7)
    if r.get("consensus_grade") is not None:
        ax.axhline(r["consensus_grade"], color="#D55E00", lw=1.4,
                   label=f"article {r['consensus_grade']:.1f}")
    lo, hi = r["grade_meaning"]["news_typical_range"] if r.get("grade_meaning") else (None, None)
    if lo is not None:
        ax.axhspan(lo, hi, color="#009E73", alpha=0.18, lw=0, label="typical news")
    cut = (f" (first {len(grades):,} of {len(all_grades):,})"
           if len(all_grades) > len(grades) else "")
    ax.set_title(f"Grade of each sentence{cut} (consensus of five formulas)")
    ax.set_xlabel("Sentence (grey bands: alternate paragraphs)")
    ax.set_ylabel("US school grade")
    ax.set_xlim(0.5, len(xs) + 0.5)
    ax.legend(loc="upper right", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def hardest_html(r: dict[str, Any], limit: int = 5) -> str:
    """The hardest sentences with their grade and why, as escaped HTML."""
    items = (r.get("hardest_sentences") or [])[:limit]
    if not items:
        return "<p><em>No sentences to show.</em></p>"
    e = html.escape
    out = []
    for h in items:
        out.append(
            f"<li><p><strong>Grade {h['grade']:.1f}</strong> (sentence {h['index'] + 1}): "
            f"{e(h['text'])}</p><p><em>Why: {e(h['why'])}.</em></p></li>"
        )
    return "<ol>" + "".join(out) + "</ol>"


def table_html(df: pd.DataFrame) -> str:
    """A DataFrame as escaped HTML without the index."""
    return df.to_html(index=False, escape=True, border=0)


def sentence_figure_html(r: dict[str, Any]) -> str:
    """The sentence chart as a captioned figure, or a sentence when nothing is graded."""
    from analysis.views.figures import empty_state_html, figure_html

    grades = r.get("sentence_grades") or []
    if not grades:
        return empty_state_html("No sentence could be graded, so there is no chart.")
    hardest = max(grades, key=lambda g: g["grade"])
    return figure_html(
        sentence_chart(r),
        "Grade of each sentence through the article, with the article's consensus grade "
        "(line) and the range of typical news (band).",
        f"Bar chart of the US school grade of each of {len(grades)} sentences; the hardest, "
        f"sentence {hardest['index'] + 1}, reaches grade {hardest['grade']:.1f}.",
    )


def sentence_table(r: dict[str, Any]) -> pd.DataFrame:
    """The data of the sentence chart as a table: sentence, paragraph, words, grade
    (the same sentences the chart draws)."""
    grades = (r.get("sentence_grades") or [])[:SENTENCES_CHARTED]
    return pd.DataFrame(
        [{"Sentence": g["index"] + 1, "Paragraph": g["paragraph"] + 1, "Words": g["words"],
          "Grade": round(g["grade"], 1)} for g in grades],
        columns=["Sentence", "Paragraph", "Words", "Grade"])
