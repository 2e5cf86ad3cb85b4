"""nbconvert exporters for the news report: static HTML, and PDF through WeasyPrint.

:class:`ReportHTMLExporter` renders a notebook as the report page: code cells hidden,
no prompts, no stderr output, images embedded as ``data:`` URIs, and a template
(``analysis/templates/news_report``) whose head loads nothing from the network (no
require.js, MathJax, Mermaid, widget scripts or web fonts) and whose
Content-Security-Policy forbids scripts and remote loads, so the page is complete offline.

:class:`WeasyPDFExporter` prints that same page to PDF with WeasyPrint, which only needs
pango (no browser, no TeX). It is registered under the ``nbconvert.exporters`` entry
point as ``weasypdf`` (see ``pyproject.toml``), so ``jupyter nbconvert --to weasypdf
notebook.ipynb`` works as well as the in-process route used by :mod:`analysis.report`.
"""

from __future__ import annotations

import copy
import logging
import re
import warnings
from pathlib import Path
from typing import Any

from nbconvert.exporters import HTMLExporter
from nbformat import NotebookNode
from traitlets import default
from traitlets.config import Config

from analysis import paths

TEMPLATES = paths.TEMPLATES
TEMPLATE_NAME = "news_report"

# Output kinds a static page can show, best first. JavaScript and widget views are left
# out (nothing may run), and so is LaTeX (MathJax is not loaded; the plain text reads better).
DISPLAY_PRIORITY = [
    "text/html",
    "text/markdown",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/plain",
]

# A printed table whose longest unbreakable words add up to more characters than this
# (about the A4 text width at the print stylesheet's 8.5 pt table type, cell padding
# included) cannot be laid out by content and is switched to equal-width columns.
WIDE_TABLE_CHARS = 90
WIDE_TABLE_CLASS = "report-wide-table"

log = logging.getLogger(__name__)


def strip_stderr(nb: NotebookNode) -> NotebookNode:
    """A copy of ``nb`` without stderr stream outputs (warnings, logging, progress bars)."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            cell.outputs = [
                o
                for o in cell.get("outputs", [])
                if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
            ]
    return nb


def table_min_chars(table: Any) -> int:
    """Characters the table needs at the least on one line: per column the longest word
    of any of its cells, plus two for padding, summed over the columns."""
    longest: dict[int, int] = {}
    for row in table.find_all("tr"):
        col = 0
        for cell in row.find_all(["th", "td"], recursive=False):
            span = max(1, int(cell.get("colspan", 1) or 1)) if str(
                cell.get("colspan", "1")).isdigit() else 1
            words = cell.get_text(" ").split()
            need = max((len(w) for w in words), default=0)
            if span == 1:
                longest[col] = max(longest.get(col, 0), need)
            col += span
    return sum(n + 2 for n in longest.values())


def mark_wide_tables(page: str, max_chars: int = WIDE_TABLE_CHARS) -> str:
    """Add the class ``report-wide-table`` to tables too wide for a printed page; the print
    stylesheet lays those out with fixed, equal columns whose words may break."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, features="html.parser")
    changed = False
    for table in soup.find_all("table"):
        if table_min_chars(table) > max_chars:
            table["class"] = [*table.get("class", []), WIDE_TABLE_CLASS]
            changed = True
    return str(soup) if changed else page


class ReportHTMLExporter(HTMLExporter):
    """The report as one static HTML page (see the module docstring)."""

    # Not offered in JupyterLab's export menu: the PDF exporter is the user-facing one.
    export_from_notebook = None

    @default("template_name")
    def _template_name_default(self) -> str:
        return TEMPLATE_NAME

    @default("extra_template_basedirs")
    def _extra_template_basedirs_default(self) -> list[str]:
        return [str(TEMPLATES)]

    @default("exclude_input")
    def _exclude_input_default(self) -> bool:
        return True

    @default("exclude_input_prompt")
    def _exclude_input_prompt_default(self) -> bool:
        return True

    @default("exclude_output_prompt")
    def _exclude_output_prompt_default(self) -> bool:
        return True

    @default("embed_images")
    def _embed_images_default(self) -> bool:
        return True

    @default("exclude_anchor_links")
    def _exclude_anchor_links_default(self) -> bool:
        return True

    @property
    def default_config(self) -> Config:
        c = super().default_config
        c.merge(Config({"NbConvertBase": {"display_data_priority": list(DISPLAY_PRIORITY)}}))
        return c

    def from_notebook_node(
        self, nb: NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[str, dict[str, Any]]:
        page, resources = super().from_notebook_node(strip_stderr(nb), resources, **kw)
        return mark_wide_tables(page), resources


_URL_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def _weasyprint_fetcher_class():
    from weasyprint.urls import URLFetcher

    class OfflineURLFetcher(URLFetcher):
        """Fetches ``data:`` and local ``file:`` URLs only; anything else is refused.

        WeasyPrint would otherwise follow ``http(s)://`` references in the page (images,
        stylesheets, fonts); a report is rendered offline and must not phone home.
        """

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(allowed_protocols=("data", "file"), **kwargs)

        def fetch(self, url: str, headers: Any = None) -> Any:
            m = _URL_SCHEME.match(url)
            scheme = m.group(1).lower() if m else ""
            if scheme not in ("data", "file"):
                log.warning("not fetching %s: the report renders offline", url[:200])
                raise ValueError(f"refusing to fetch {url[:200]!r}: the report renders offline")
            return super().fetch(url, headers)

    return OfflineURLFetcher


def offline_url_fetcher() -> Any:
    """A WeasyPrint URL fetcher that refuses everything but ``data:`` and local files."""
    return _weasyprint_fetcher_class()()


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """Print an HTML page to PDF bytes with WeasyPrint (print media, no network)."""
    with warnings.catch_warnings():
        # "HarfBuzz-Subset will be required by future versions": about the system
        # libraries, not this document; fonts are embedded whole without it.
        warnings.simplefilter("ignore", DeprecationWarning)
        import weasyprint

    # WeasyPrint logs each CSS property it does not implement at WARNING level; those
    # concern the browser-oriented parts of the stylesheet and are not actionable here.
    wp_log = logging.getLogger("weasyprint")
    level = wp_log.level
    wp_log.setLevel(logging.ERROR)
    try:
        document = weasyprint.HTML(
            string=html,
            base_url=base_url or str(TEMPLATES),
            url_fetcher=offline_url_fetcher(),
            media_type="print",
        )
        return document.write_pdf()
    finally:
        wp_log.setLevel(level)


class WeasyPDFExporter(ReportHTMLExporter):
    """The report page printed to PDF with WeasyPrint (A4, page numbers, no code)."""

    export_from_notebook = "PDF via WeasyPrint"
    output_mimetype = "application/pdf"

    @default("file_extension")
    def _file_extension_default(self) -> str:
        return ".pdf"

    @default("template_extension")
    def _template_extension_default(self) -> str:
        return ".html.j2"

    def from_notebook_node(  # type: ignore[override]
        self, nb: NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[bytes, dict[str, Any]]:
        html, resources = super().from_notebook_node(nb, resources, **kw)
        path = (resources.get("metadata") or {}).get("path") or None
        base_url = str(Path(path).resolve()) + "/" if path else None
        self.log.info("Building PDF with WeasyPrint")
        pdf = html_to_pdf(html, base_url=base_url)
        return pdf, resources
