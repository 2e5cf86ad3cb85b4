"""Tables of the method appendix: the topic lexicon used, the rules that decided each
source, the knowledge files with their SHA-256, and the provenance record. Escaped."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from analysis import paths
from analysis.provenance import file_sha256

KNOWLEDGE_FILES = ("speech_verbs.yaml", "speaker_roles.yaml", "sides.yaml",
                   "readability.yaml", "text.yaml", "languages.yaml")
_EXAMPLES = 8


def _table(head: list[str], rows: list[list[str]], cls: str, caption: str = "") -> str:
    e = html.escape
    # a note before the table rather than a <caption>: WeasyPrint can leave a caption on
    # one page and move its table to the next
    cap = f'<p class="table-note">{e(caption)}</p>' if caption else ""
    th = "".join(f'<th scope="col">{e(h)}</th>' for h in head)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f'{cap}<table class="{cls}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


def lexicon_html(topic_set: Any) -> str:
    """Each topic of the topics file used: its core and weak terms (the first few, with
    the count) and its exclusions."""
    def few(terms: tuple[str, ...]) -> str:
        shown = ", ".join(terms[:_EXAMPLES])
        more = f" … ({len(terms)} in all)" if len(terms) > _EXAMPLES else ""
        return (shown + more) or "none"

    rows = [[t.label, few(t.core), few(t.terms("weak")), few(t.exclude)] for t in topic_set]
    return _table(["Topic", "Core terms", "Weak terms", "Excluded"], rows, "report-lexicon",
                  f"The topic lexicon of {topic_set.source}.")


def source_rules_html(result: Mapping[str, Any]) -> str:
    """The rule behind every role, affiliation, type and side given to a source."""
    rows = [
        [s["name"], ev["field"], str(ev["value"]), ev.get("words") or "", ev["rule"]]
        for s in result.get("sources") or []
        for ev in s.get("evidence") or []
    ]
    if not rows:
        return '<p class="report-empty">No source was found, so no role rule was used.</p>'
    return _table(["Source", "Field", "Value", "Words", "Rule"], rows, "report-rules",
                  "The role and side rules that decided each source "
                  "(data/speaker_roles.yaml, data/sides.yaml).")


def knowledge_files_html() -> str:
    """The knowledge files under data/ with their SHA-256."""
    rows = [[f"data/{name}", file_sha256(paths.DATA / name)] for name in KNOWLEDGE_FILES
            if (paths.DATA / name).exists()]
    return _table(["Knowledge file", "SHA-256"], rows, "report-files")


def provenance_html(rows: list[tuple[str, str]]) -> str:
    """The provenance record as a two-column table."""
    body = "".join(
        f'<tr><th scope="row">{html.escape(k)}</th><td>{html.escape(v)}</td></tr>'
        for k, v in rows
    )
    return f'<table class="report-provenance"><tbody>{body}</tbody></table>'
