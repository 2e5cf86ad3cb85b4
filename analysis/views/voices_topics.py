"""The voices-against-topics matrix as an HTML table, from
:func:`analysis.voices_topics.voices_by_topic`. Every value is escaped."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any


def matrix_html(matrix: Mapping[str, Any]) -> str:
    """One row per topic, one column per side: the number of quotes of that side in the
    topic's sentences; the last column says whether the topic's own party is heard."""
    e = html.escape
    sides = matrix["sides"]
    head = "".join(f'<th scope="col">{e(s)}</th>' for s in sides)
    rows = []
    for t in matrix["topics"]:
        cells = "".join(
            f'<td class="num{" zero" if not t["by_side"][s] else ""}">{t["by_side"][s]}</td>'
            for s in sides
        )
        if t["party"] is None:
            party = "no party (not named after a side)"
        elif t["party_heard_on_topic"]:
            party = f"{t['party']}: heard"
        elif t["party_heard_anywhere"]:
            party = f"{t['party']}: heard elsewhere, not on this topic"
        else:
            party = f"{t['party']}: never quoted"
        rows.append(
            f'<tr><th scope="row">{e(t["label"])}</th><td class="num">{t["sentences"]}</td>'
            f'<td class="num">{t["quotes"]}</td>{cells}<td>{e(party)}</td></tr>'
        )
    return (
        '<table class="voices-topics"><caption>Quotes by side in the sentences on each '
        "topic. A quote counts for every topic of the sentences it overlaps.</caption>"
        f'<thead><tr><th scope="col">Topic</th><th scope="col">Sentences</th>'
        f'<th scope="col">Quotes</th>{head}<th scope="col">Its party</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def lead_html(sentence: str) -> str:
    """The sentence that sums the matrix up, as an escaped lead paragraph."""
    return f'<p class="report-lead">{html.escape(sentence)}</p>'
