"""Render the corpus report: one notebook over a results database, as HTML and PDF.

``python -m analysis report`` given a folder, a ``.jsonl`` file or a results database
(``.duckdb``) lands here. Articles are first analysed into ``results.duckdb`` (on every
core, as ``analyze --db`` does); then ``notebooks/corpus.ipynb`` runs on that database
with papermill and is converted with the same exporter, template and PDF printer as the
single-article report. Everything is written into a folder beside the output and
swapped in only when complete (:mod:`analysis.atomic`)::

    reports/corpus-<name>/
        report.html  report.pdf  corpus.ipynb  results.duckdb
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from analysis import paths
from analysis.article import slugify
from analysis.atomic import new_sibling_dir, remove_stale_siblings, replace_dir
from analysis.report.errors import ReportError, ReportUsageError
from analysis.report.joining import combine_notebooks
from analysis.report.render import (
    FORMATS,
    KERNEL_ARGS,
    KERNEL_CONFIG,
    KERNEL_NAME,
    ReportResult,
    export_report,
    wanted_formats,
)

CORPUS_NOTEBOOK = "corpus"
DATABASE_SUFFIXES = {".duckdb", ".db"}


def is_corpus_source(path: str | Path) -> bool:
    """Whether ``path`` names a corpus (a folder, a ``.jsonl`` file or a results
    database) rather than one article."""
    p = paths.resolve(path)
    return p.is_dir() or p.suffix.lower() in {".jsonl", *DATABASE_SUFFIXES}


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()


def corpus_metadata(source: Path, n_articles: int) -> dict[str, Any]:
    """What the template's title block, contents and footer show for a corpus."""
    today = dt.date.today()
    return {
        "kicker": "Corpus report",
        "headline": f"{n_articles:,} articles from {source.name}",
        "byline": [str(paths.display_path(source))],
        "sections": [CORPUS_NOTEBOOK],
        "contents": [{"id": f"section-{CORPUS_NOTEBOOK}", "title": "Corpus report"}],
        "footer": f"Generated on {today.day} {today:%B %Y} from {source.name} by "
        "news-article-report (analyze --db, papermill, nbconvert and WeasyPrint).",
    }


def render_corpus_report(
    source: str | Path,
    *,
    formats: Sequence[str] = FORMATS,
    out_dir: str | Path | None = None,
    timeout: int = 600,
    workers: int | None = None,
    kernel_name: str = KERNEL_NAME,
) -> ReportResult:
    """Analyse a corpus (unless ``source`` is already a results database) and render
    its report. ``workers`` defaults to every core. Raises :class:`ReportError` for a
    failed run (the previous report is left intact) and
    :class:`analysis.article.ArticleError` for a path that holds no articles."""
    import papermill

    from analysis.batch import Options, analyze_to_database, default_workers
    from analysis.results_store import ResultsStoreError, read_tables

    started = time.perf_counter()
    timings: dict[str, float] = {}
    wanted = wanted_formats(formats)
    src = paths.resolve(source).resolve()
    if not src.exists():
        raise ReportUsageError(f"{source}: no such file or directory")
    notebook = paths.NOTEBOOKS / f"{CORPUS_NOTEBOOK}.ipynb"
    name = slugify(src.stem if src.is_file() else src.name)
    out = (Path(out_dir) if out_dir else paths.REPORTS / f"corpus-{name}").resolve()
    if out.exists() and any(p.name not in {"report.html", "report.pdf", "corpus.ipynb",
                                           "results.duckdb"} for p in out.iterdir()):
        raise ReportUsageError(f"{out}: holds files that are not a corpus report's; "
                               "choose another --out")
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_siblings(out)  # what a killed run left behind
    staging = new_sibling_dir(out, "tmp")
    try:
        t0 = time.perf_counter()
        if src.suffix.lower() in DATABASE_SUFFIXES:
            db = src
        else:
            db = staging / "results.duckdb"
            analyze_to_database([str(src)], str(db), options=Options(),
                                workers=workers or default_workers())
        timings["analyze"] = time.perf_counter() - t0
        try:
            n_articles = len(read_tables(db)["articles"])
        except ResultsStoreError as exc:
            raise ReportUsageError(str(exc)) from None

        t0 = time.perf_counter()
        target = staging / f"{CORPUS_NOTEBOOK}.ipynb"
        try:
            nb = papermill.execute_notebook(
                str(notebook), str(target),
                parameters={"results": str(db), "reports_dir": str(paths.REPORTS),
                            "link_base": str(out), "workers": 1},
                kernel_name=kernel_name, cwd=str(paths.ROOT), execution_timeout=timeout,
                progress_bar=False, log_output=False, config=KERNEL_CONFIG,
                extra_arguments=KERNEL_ARGS,
            )
        except Exception as exc:
            raise ReportError(f"{notebook.name} failed: {type(exc).__name__}: {exc}") from exc
        timings[f"execute {CORPUS_NOTEBOOK}"] = time.perf_counter() - t0

        meta = corpus_metadata(src, n_articles)
        meta["provenance"] = {"source": str(src),
                              "source_sha256": _sha256(src) if src.is_file() else None}
        combined = combine_notebooks([(CORPUS_NOTEBOOK, nb)], meta)
        html_path, pdf_path = export_report(combined, staging, wanted, out.name, timings)
        replace_dir(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ReportResult(
        out_dir=out, headline=meta["headline"], sections=[CORPUS_NOTEBOOK],
        section_titles={CORPUS_NOTEBOOK: "Corpus report"},
        notebooks=[out / f"{CORPUS_NOTEBOOK}.ipynb"],
        metrics=out / "results.duckdb" if db != src else src,
        html=out / "report.html" if html_path else None,
        pdf=out / "report.pdf" if pdf_path else None,
        seconds=time.perf_counter() - started, timings=timings,
    )
