"""Render the report for one article: execute, join, convert, swap in.

:func:`render_report` checks the parameters (:mod:`analysis.report.parameterize`),
executes the section notebooks (:mod:`analysis.report.inspection` lists them) with
papermill's Python API, joins the executed notebooks into one report notebook
(:mod:`analysis.report.joining`), and converts that with
:class:`analysis.pdf_export.ReportHTMLExporter` to ``report.html`` and with WeasyPrint
to ``report.pdf``. Beside them it keeps each executed notebook and ``metrics.json`` (the
``analyze`` result for the article)::

    reports/<article-slug>/
        report.html  report.pdf  metrics.json  overview.ipynb  readability.ipynb ...

Writes are atomic (:mod:`analysis.atomic`): everything is rendered into a temporary
folder beside the output folder and swapped in only when complete, so a failed run
leaves the previous report as it was. A notebook that fails is kept, partly executed, as
``<out>/failed/<name>.ipynb`` and the error names the notebook and the cell.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from traitlets.config import Config

from analysis import paths
from analysis.atomic import (
    new_sibling_dir,
    remove_stale_siblings,
    replace_dir,
    write_atomic,
)
from analysis.report.errors import ReportError, ReportUsageError
from analysis.report.inspection import Section, find_sections
from analysis.report.joining import combine_notebooks, report_metadata, section_title
from analysis.report.parameterize import analysis_options, load_params_file, resolve_parameters

KERNEL_NAME = "news-report"
FORMATS = ("html", "pdf")
# Files a report folder may hold; any other file in an existing --out folder means it
# is not a report folder, and it is never replaced.
_REPORT_FILES = {"report.html", "report.pdf", "metrics.json"}
_FAILED_DIR = "failed"

# Encrypt kernel traffic when the kernelspec supports it (ours declares CurveZMQ);
# otherwise ipykernel warns on stderr that it runs over TCP without encryption.
KERNEL_CONFIG = Config(
    {
        "KernelManager": {"transport_encryption": "auto"},
        "AsyncKernelManager": {"transport_encryption": "auto"},
    }
)

# Charts as PNG at twice the resolution (shown at the same size): sharp in the PDF.
KERNEL_ARGS = ["--InlineBackend.figure_formats=retina"]

log = logging.getLogger(__name__)
# nbconvert warns about every chart without alt text; not something a reader can act on.
_nbconvert_log = logging.getLogger(__name__ + ".nbconvert")
_nbconvert_log.addHandler(logging.NullHandler())
_nbconvert_log.propagate = False


# --- rendering --------------------------------------------------------------------


@dataclass
class ReportResult:
    """Where the rendered report went and what it holds."""

    out_dir: Path
    headline: str
    sections: list[str]
    section_titles: dict[str, str | None]
    notebooks: list[Path]
    metrics: Path
    html: Path | None = None
    pdf: Path | None = None
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # Wall time of each step in seconds: "execute <name>", "html", "pdf", "metrics", "swap".
    timings: dict[str, float] = field(default_factory=dict)

    def __str__(self) -> str:
        files = [p.name for p in (self.html, self.pdf, self.metrics) if p is not None]
        files += [p.name for p in self.notebooks]
        lines = [
            f"Report for {self.headline!r} written to {_pretty(self.out_dir)}/ "
            f"in {self.seconds:.1f} s",
            f"  files: {', '.join(files)}",
            f"  sections: {', '.join(self.sections)}",
        ]
        if self.skipped:
            lines.append(f"  skipped (no notebook yet): {', '.join(self.skipped)}")
        return "\n".join(lines)


def _pretty(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(p)


def _article_location(article_path: str | Path) -> Path:
    return paths.resolve(article_path).resolve()


def _check_replaceable(out: Path, section_files: set[str]) -> None:
    """Refuse to swap out a folder that holds anything but a previous report."""
    if not out.exists():
        return
    if not out.is_dir():
        raise ReportUsageError(f"{out}: exists and is not a folder; choose another --out")
    foreign = [
        p.name
        for p in out.iterdir()
        if not (
            p.name in _REPORT_FILES
            or (p.is_file() and p.suffix == ".ipynb")
            or (p.is_dir() and p.name == _FAILED_DIR)
        )
    ]
    if foreign:
        shown = ", ".join(sorted(foreign)[:5])
        raise ReportUsageError(
            f"{out}: holds files that are not part of a report ({shown}); the report "
            "replaces its folder as a whole, so give an empty or new folder with --out"
        )


def _failing_cell(nb_path: Path) -> tuple[int | None, str]:
    """Index (in the executed notebook) and first source line of the last cell that
    papermill started, i.e. the one running when execution stopped."""
    try:
        nb = nbformat.read(nb_path, as_version=4)
    except Exception:
        return None, ""
    started = [
        i
        for i, cell in enumerate(nb.cells)
        if cell.get("metadata", {}).get("papermill", {}).get("start_time")
    ]
    if not started:
        return None, ""
    source = nb.cells[started[-1]].source.strip()
    return started[-1], source.splitlines()[0] if source else ""


def _source_cell_number(nb_path: Path, executed_index: int) -> int:
    """1-based position in the original notebook of a cell of the executed notebook
    (papermill inserts an ``injected-parameters`` cell and error-marker cells)."""
    try:
        nb = nbformat.read(nb_path, as_version=4)
    except Exception:
        return executed_index + 1
    inserted = 0
    for cell in nb.cells[:executed_index]:
        tags = cell.get("metadata", {}).get("tags", [])
        if "injected-parameters" in tags or "papermill-error-cell-tag" in tags:
            inserted += 1
    return executed_index - inserted + 1


def _execution_error(
    section: Section, exc: BaseException, partial: Path, kept: Path | None, timeout: int
) -> ReportError:
    from papermill.exceptions import PapermillExecutionError

    where = f"notebook {section.name!r} ({_pretty(section.path)})"
    if isinstance(exc, PapermillExecutionError):
        # cell_index counts cells of the executed notebook before papermill's error
        # markers were added, so only the injected parameters cell shifts it.
        number = exc.cell_index + 1
        try:
            nb = nbformat.read(partial if partial.exists() else kept, as_version=4)
            before = [
                c
                for c in nb.cells
                if "papermill-error-cell-tag" not in c.get("metadata", {}).get("tags", [])
            ][: exc.cell_index]
            number -= sum(
                "injected-parameters" in c.get("metadata", {}).get("tags", []) for c in before
            )
        except Exception:
            pass
        first_line = exc.source.strip().splitlines()[0] if exc.source.strip() else ""
        what = f"{exc.ename}: {exc.evalue}"
        cell = f"cell {number} (In [{exc.exec_count}])"
    else:
        index, first_line = _failing_cell(kept or partial)
        cell = (
            f"cell {_source_cell_number(kept or partial, index)}"
            if index is not None
            else "a cell"
        )
        if type(exc).__name__ == "CellTimeoutError":
            what = f"the cell ran longer than the limit of {timeout} s per cell"
        else:
            what = f"{type(exc).__name__}: {exc}".strip()
    lines = [f"{where} failed at {cell}: {what}"]
    if first_line:
        lines.append(f"  the cell begins: {first_line[:120]}")
    if kept is not None:
        lines.append(f"  the partly executed notebook is kept at {_pretty(kept)}")
    return ReportError("\n".join(lines))


def render_report(
    article_path: str | Path,
    params: Mapping[str, Any] | None = None,
    params_file: str | Path | None = None,
    formats: Sequence[str] = FORMATS,
    out_dir: str | Path | None = None,
    timeout: int = 600,
    *,
    notebooks: Sequence[str | Path] | None = None,
    kernel_name: str = KERNEL_NAME,
) -> ReportResult:
    """Execute the report notebooks for one article and write HTML, PDF and metrics.

    ``params`` (e.g. from ``-p NAME VALUE``, values may be strings) override those of
    ``params_file`` (YAML). ``formats`` is any of ``"html"``, ``"pdf"``. ``out_dir`` is
    the report folder (default ``reports/<article-slug>/``), replaced as a whole when
    the run succeeds. ``timeout`` is the limit per notebook cell, in seconds.
    ``notebooks`` overrides the sections of ``notebooks/report.yaml``.

    Raises :class:`analysis.article.ArticleError` for an unreadable article and
    :class:`ReportError` for bad parameters or a failed run (the previous report is
    left intact).
    """
    import papermill

    from analysis.inputs import load_article
    from analysis.pipeline import analyze_article

    started = time.perf_counter()
    timings: dict[str, float] = {}
    wanted = wanted_formats(formats)

    article = load_article(article_path)
    article_file = str(_article_location(article_path))

    sections, skipped = find_sections(notebooks)
    given: dict[str, Any] = {}
    if params_file:
        given.update(load_params_file(params_file))
    given.update(params or {})
    per_section = resolve_parameters(sections, given, article_file)

    slug = article.slug or _article_location(article_path).stem
    out = Path(out_dir) if out_dir else paths.REPORTS / slug
    out = out.resolve()
    _check_replaceable(out, {f"{s.name}.ipynb" for s in sections})
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_siblings(out)  # what a killed run left behind
    staging = new_sibling_dir(out, "tmp")

    try:
        executed: list[tuple[str, nbformat.NotebookNode]] = []
        for section in sections:
            target = staging / f"{section.name}.ipynb"
            log.info("executing %s", section.path)
            t0 = time.perf_counter()
            try:
                nb = papermill.execute_notebook(
                    str(section.path),
                    str(target),
                    parameters=per_section[section.name],
                    kernel_name=kernel_name,
                    cwd=str(paths.ROOT),
                    execution_timeout=timeout,
                    progress_bar=False,
                    log_output=False,
                    config=KERNEL_CONFIG,
                    extra_arguments=KERNEL_ARGS,
                )
            except Exception as exc:
                kept = _keep_failed(target, out, section.name)
                raise _execution_error(section, exc, target, kept, timeout) from exc
            executed.append((section.name, nb))
            timings[f"execute {section.name}"] = time.perf_counter() - t0

        titles = {name: section_title(nb) for name, nb in executed}
        meta = report_metadata(article, [name for name, _ in executed], titles)
        combined = combine_notebooks(executed, meta)

        html_path, pdf_path = export_report(combined, staging, wanted, slug, timings)

        t0 = time.perf_counter()
        try:
            metrics = analyze_article(article, **analysis_options(per_section))
        except Exception as exc:
            raise ReportError(f"analysing {article_file} for metrics.json failed: {exc}") from exc
        write_atomic(
            staging / "metrics.json", json.dumps(metrics, ensure_ascii=False, indent=2) + "\n"
        )

        timings["metrics"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        replace_dir(staging, out)
        timings["swap"] = time.perf_counter() - t0
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise

    return ReportResult(
        out_dir=out,
        headline=meta["headline"],
        sections=[name for name, _ in executed],
        section_titles=titles,
        notebooks=[out / f"{name}.ipynb" for name, _ in executed],
        metrics=out / "metrics.json",
        html=out / "report.html" if html_path else None,
        pdf=out / "report.pdf" if pdf_path else None,
        skipped=skipped,
        seconds=time.perf_counter() - started,
        timings=timings,
    )


def wanted_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """The output formats asked for, lower case, each once; a usage error for any other
    than those of :data:`FORMATS`."""
    wanted = tuple(dict.fromkeys(f.strip().lower() for f in formats if f.strip()))
    bad = [f for f in wanted if f not in FORMATS]
    if bad:
        raise ReportUsageError(
            f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}"
        )
    return wanted


def export_report(combined: nbformat.NotebookNode, staging: Path, wanted: Sequence[str],
                  name: str, timings: dict[str, float]) -> tuple[Path | None, Path | None]:
    """Convert the joined notebook to ``report.html`` and ``report.pdf`` in ``staging``
    (each only if in ``wanted``); returns their paths, records the seconds taken."""
    from analysis.pdf_export import ReportHTMLExporter, html_to_pdf

    html_path = pdf_path = None
    try:
        t0 = time.perf_counter()
        html, _ = ReportHTMLExporter(log=_nbconvert_log).from_notebook_node(
            combined, resources={"metadata": {"name": name, "path": str(paths.ROOT)}}
        )
        if "html" in wanted:
            html_path = staging / "report.html"
            html_path.write_text(html, encoding="utf-8")
        timings["html"] = time.perf_counter() - t0
        if "pdf" in wanted:
            t0 = time.perf_counter()
            pdf_path = staging / "report.pdf"
            pdf_path.write_bytes(html_to_pdf(html, base_url=str(paths.ROOT) + "/"))
            timings["pdf"] = time.perf_counter() - t0
    except Exception as exc:
        raise ReportError(f"converting the executed notebooks failed: {exc}") from exc
    return html_path, pdf_path


def _keep_failed(partial: Path, out: Path, name: str) -> Path | None:
    """Move a partly executed notebook to ``<out>/failed/<name>.ipynb`` (only the latest
    failure is kept there); the report files in ``out`` are not touched."""
    if not partial.exists():
        return None
    failed = out / _FAILED_DIR
    if failed.exists():
        shutil.rmtree(failed, ignore_errors=True)
    failed.mkdir(parents=True, exist_ok=True)
    target = failed / f"{name}.ipynb"
    shutil.move(str(partial), target)
    return target
