"""Joining executed notebooks into one report notebook, each notebook a section.

The joined notebook carries, in ``metadata.news_report``, what the page template needs
beyond the cells: the title block, the table of contents (section ids and titles) and
the footer. All of it is plain text; the template escapes it.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import nbformat

from analysis.views.overview import display_date


def section_title(nb: nbformat.NotebookNode) -> str | None:
    """The first markdown heading of a notebook (its section title), without the #s."""
    for cell in nb.cells:
        if cell.get("cell_type") != "markdown":
            continue
        for line in cell.source.splitlines():
            s = line.strip()
            if s.startswith("#"):
                return s.lstrip("#").strip() or None
        return None
    return None


def report_metadata(
    article: Any, sections: Sequence[str], titles: Mapping[str, str | None] | None = None
) -> dict[str, Any]:
    """What the template's title block, contents and footer show (plain text; escaped
    there). ``titles`` maps a section name to its title (the name when missing)."""
    headline = article.headline or article.title or article.id
    byline = [
        x
        for x in (
            article.outlet or article.source_outlet,
            display_date(article.published),
            article.url,
        )
        if x
    ]
    source = Path(article.source_path).name if article.source_path else article.id
    today = dt.date.today()
    titles = titles or {}
    return {
        "kicker": "News article report",
        "headline": headline,
        "byline": byline,
        "sections": list(sections),
        "contents": [
            {"id": f"section-{name}", "title": titles.get(name) or name} for name in sections
        ],
        "footer": f"Generated on {today.day} {today:%B %Y} from {source} "
        "by news-article-report (papermill, nbconvert and WeasyPrint). "
        "How it was made: see Provenance.",
    }


def combine_notebooks(
    executed: Sequence[tuple[str, nbformat.NotebookNode]], metadata: Mapping[str, Any]
) -> nbformat.NotebookNode:
    """One notebook holding the cells of ``executed`` in order, each notebook a section.

    The first cell of each notebook is marked ``news_report.section_start`` (the template
    opens a ``<section>`` there); cell ids are prefixed with the section name so they stay
    unique.
    """
    nb = nbformat.v4.new_notebook()
    if executed:
        first = executed[0][1].metadata
        for key in ("kernelspec", "language_info"):
            if key in first:
                nb.metadata[key] = copy.deepcopy(first[key])
    nb.metadata["title"] = metadata.get("headline", "")
    nb.metadata["news_report"] = dict(metadata)
    for index, (name, enb) in enumerate(executed):
        for j, cell in enumerate(enb.cells):
            c = copy.deepcopy(cell)
            c["id"] = f"{name}-{j}"[:64]
            if j == 0:
                c.metadata["news_report"] = {
                    "section_start": True,
                    "section": name,
                    "section_index": index,
                }
            nb.cells.append(c)
    return nb
