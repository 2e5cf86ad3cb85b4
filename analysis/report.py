"""Render the report for one article: executed notebooks, one HTML page, one PDF.

:func:`render_report` executes the section notebooks listed in ``notebooks/report.yaml``
(those that exist, in that order) with papermill's Python API, joins the executed
notebooks into one report notebook (each notebook's title becomes a section), and
converts that with :class:`analysis.pdf_export.ReportHTMLExporter` to ``report.html``
and with WeasyPrint to ``report.pdf``. Beside them it keeps each executed notebook and
``metrics.json`` (the ``analyze`` result for the article)::

    reports/<article-slug>/
        report.html  report.pdf  metrics.json  overview.ipynb  readability.ipynb ...

Parameters are checked before anything runs: a name no notebook declares, or a value of
another type than the default in the notebook's ``parameters`` cell, is a
:class:`ReportError` that lists the valid parameters (papermill alone only warns).

Writes are atomic: everything is rendered into a temporary folder beside the output
folder and swapped in only when complete, so a failed run leaves the previous report
as it was. A notebook that fails is kept, partly executed, as
``<out>/failed/<name>.ipynb`` and the error names the notebook and the cell.
"""

from __future__ import annotations

import ast
import copy
import datetime as dt
import json
import logging
import os
import secrets
import shutil
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
import yaml
from traitlets.config import Config

from analysis import paths
from analysis.views.overview import display_date

KERNEL_NAME = "news-report"
SECTIONS_FILE = paths.NOTEBOOKS / "report.yaml"
FORMATS = ("html", "pdf")
# Files a report folder may hold; any other file in an existing --out folder means it
# is not a report folder, and it is never replaced.
_REPORT_FILES = {"report.html", "report.pdf", "metrics.json"}
_FAILED_DIR = "failed"

# Encrypt kernel traffic when the kernelspec supports it (ours declares CurveZMQ);
# otherwise ipykernel warns on stderr that it runs over TCP without encryption.
_KERNEL_CONFIG = Config(
    {
        "KernelManager": {"transport_encryption": "auto"},
        "AsyncKernelManager": {"transport_encryption": "auto"},
    }
)

# Charts as PNG at twice the resolution (shown at the same size): sharp in the PDF.
_KERNEL_ARGS = ["--InlineBackend.figure_formats=retina"]

log = logging.getLogger(__name__)
# nbconvert warns about every chart without alt text; not something a reader can act on.
_nbconvert_log = logging.getLogger(__name__ + ".nbconvert")
_nbconvert_log.addHandler(logging.NullHandler())
_nbconvert_log.propagate = False


class ReportError(ValueError):
    """The report could not be rendered; the message says why and what to do."""


# --- sections and their parameters -----------------------------------------------


@dataclass(frozen=True)
class Parameter:
    """One parameter a notebook declares in its ``parameters`` cell.

    ``type`` is the type of the default value (``type(None)`` for ``None``, which accepts
    a string or None), or None when the default is an expression that is not a literal,
    in which case any value is accepted.
    """

    name: str
    type: type | None
    default: Any
    default_source: str
    help: str = ""

    @property
    def type_name(self) -> str:
        if self.type is None:
            return "any"
        if self.type is type(None):
            return "str or None"
        return self.type.__name__


@dataclass(frozen=True)
class Section:
    """A notebook of the report: its name (file stem), path and declared parameters."""

    name: str
    path: Path
    parameters: dict[str, Parameter]


def _parameter(raw: Mapping[str, Any]) -> Parameter:
    source = str(raw.get("default", ""))
    try:
        value = ast.literal_eval(source)
        kind: type | None = type(value)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        value, kind = source, None
    return Parameter(
        name=str(raw["name"]),
        type=kind,
        default=value,
        default_source=source,
        help=str(raw.get("help") or ""),
    )


def inspect_section(path: str | Path) -> Section:
    """Read a notebook's declared parameters with ``papermill.inspect_notebook``."""
    import papermill

    p = Path(path)
    if not p.is_file():
        raise ReportError(f"{p}: no such notebook")
    try:
        raw = papermill.inspect_notebook(str(p))
    except Exception as exc:  # malformed JSON, no kernelspec, ...
        raise ReportError(f"{p}: cannot read the notebook's parameters: {exc}") from exc
    return Section(name=p.stem, path=p, parameters={n: _parameter(r) for n, r in raw.items()})


def section_names(sections_file: str | Path = SECTIONS_FILE) -> list[str]:
    """The report's section notebook names, in order, from ``notebooks/report.yaml``."""
    p = Path(sections_file)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ReportError(f"{p}: cannot read the list of report sections: {exc}") from exc
    names = data.get("sections") if isinstance(data, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        raise ReportError(f"{p}: expected `sections:` followed by a list of notebook names")
    return names


def find_sections(
    notebooks: Sequence[str | Path] | None = None,
) -> tuple[list[Section], list[str]]:
    """The sections to render and the names listed but skipped (no such notebook).

    ``notebooks`` overrides ``notebooks/report.yaml``: paths to notebooks, or names of
    notebooks in ``notebooks/``. A listed notebook that does not exist is skipped when it
    comes from report.yaml and is an error when given explicitly.
    """
    explicit = notebooks is not None
    entries: Iterable[str | Path] = notebooks if explicit else section_names()
    sections: list[Section] = []
    skipped: list[str] = []
    for entry in entries:
        p = Path(entry)
        if p.suffix != ".ipynb":
            p = paths.NOTEBOOKS / f"{p.name}.ipynb"
        elif not p.is_absolute() and not p.exists():
            p = paths.ROOT / p
        if not p.exists():
            if explicit:
                raise ReportError(f"{entry}: no such notebook")
            skipped.append(p.stem)
            continue
        sections.append(inspect_section(p))
    if not sections:
        raise ReportError("no report notebooks found (see notebooks/report.yaml)")
    return sections, skipped


def _valid_parameters_text(sections: Sequence[Section]) -> str:
    lines = ["Valid parameters (name, type, default, notebooks):"]
    seen: dict[str, list[tuple[Parameter, str]]] = {}
    for s in sections:
        for p in s.parameters.values():
            seen.setdefault(p.name, []).append((p, s.name))
    if not seen:
        return "The report notebooks declare no parameters."
    for name in sorted(seen):
        first = seen[name][0][0]
        where = ", ".join(n for _, n in seen[name])
        note = "  (set by the ARTICLE argument)" if name == "article_path" else ""
        help_ = f"  # {first.help}" if first.help else ""
        lines.append(
            f"  {name}: {first.type_name} = {first.default_source}  [{where}]{note}{help_}"
        )
    return "\n".join(lines)


_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}
_NONE = {"none", "null", "~"}


def coerce_value(param: Parameter, value: Any) -> Any:
    """``value`` converted to the type of ``param``'s default; raises ValueError if it
    cannot be. Strings (as they come from ``-p NAME VALUE``) are parsed: ``"3"`` for an
    int, ``"yes"``/``"false"`` for a bool, ``"none"``/``"null"`` for a None default."""
    expected = param.type
    if expected is None:
        return value
    if expected is type(None):
        if value is None or (isinstance(value, str) and value.strip().lower() in _NONE):
            return None
        if isinstance(value, str):
            return value
        raise ValueError(f"expected a string or None, got {type(value).__name__} {value!r}")
    if expected is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise ValueError(f"expected true or false, got {value!r}")
    if expected is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                pass
        raise ValueError(f"expected an integer, got {value!r}")
    if expected is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str):
            try:
                return float(value.strip())
            except ValueError:
                pass
        raise ValueError(f"expected a number, got {value!r}")
    if expected is str:
        if isinstance(value, str):
            return value
        raise ValueError(f"expected a string, got {type(value).__name__} {value!r}")
    # containers (list, dict, tuple): a string is read as YAML
    if isinstance(value, str):
        try:
            value = yaml.safe_load(value)
        except yaml.YAMLError as exc:
            raise ValueError(f"expected a {expected.__name__}, got {value!r}") from exc
        if expected is tuple and isinstance(value, list):
            value = tuple(value)
    if isinstance(value, expected):
        return value
    raise ValueError(f"expected a {expected.__name__}, got {type(value).__name__} {value!r}")


def load_params_file(path: str | Path) -> dict[str, Any]:
    """Parameters from a YAML mapping ``name: value``."""
    p = paths.resolve(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReportError(f"{path}: cannot read the parameters file: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise ReportError(f"{path}: {where}invalid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise ReportError(f"{path}: expected a mapping of parameter names to values")
    return data


def resolve_parameters(
    sections: Sequence[Section], given: Mapping[str, Any], article_path: str
) -> dict[str, dict[str, Any]]:
    """Per notebook, the parameters to pass it: ``article_path`` plus those of ``given``
    that it declares, converted to the declared types.

    Raises :class:`ReportError` listing the valid parameters for a name no notebook
    declares or a value that does not fit the declared type.
    """
    declared = {n for s in sections for n in s.parameters}
    problems: list[str] = []
    if "article_path" in given:
        problems.append("parameter 'article_path' is set by the ARTICLE argument, not by -p/-f")
    unknown = sorted(n for n in given if n not in declared and n != "article_path")
    for name in unknown:
        problems.append(f"unknown parameter {name!r}: no report notebook declares it")
    per_section: dict[str, dict[str, Any]] = {}
    for s in sections:
        values: dict[str, Any] = {}
        if "article_path" in s.parameters:
            values["article_path"] = article_path
        for name, value in given.items():
            if name == "article_path" or name not in s.parameters:
                continue
            param = s.parameters[name]
            try:
                values[name] = coerce_value(param, value)
            except ValueError as exc:
                problems.append(
                    f"parameter {name!r} of {s.name}.ipynb has type {param.type_name} "
                    f"(default {param.default_source}): {exc}"
                )
        per_section[s.name] = values
    if problems:
        raise ReportError("\n".join([*problems, _valid_parameters_text(sections)]))
    return per_section


# --- joining executed notebooks into one report ----------------------------------


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


def report_metadata(article: Any, sections: Sequence[str]) -> dict[str, Any]:
    """What the template's title block and footer show (all plain text; escaped there)."""
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
    return {
        "kicker": "News article report",
        "headline": headline,
        "byline": byline,
        "sections": list(sections),
        "footer": f"Generated on {today.day} {today:%B %Y} from {source} "
        "by news-article-report (papermill, nbconvert and WeasyPrint).",
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
        raise ReportError(f"{out}: exists and is not a folder; choose another --out")
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
        raise ReportError(
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
    from analysis.pdf_export import ReportHTMLExporter, html_to_pdf
    from analysis.pipeline import analyze_article

    started = time.perf_counter()
    timings: dict[str, float] = {}
    wanted = tuple(dict.fromkeys(f.strip().lower() for f in formats if f.strip()))
    bad = [f for f in wanted if f not in FORMATS]
    if bad:
        raise ReportError(f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}")

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
    staging = _new_sibling(out, "tmp")

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
                    config=_KERNEL_CONFIG,
                    extra_arguments=_KERNEL_ARGS,
                )
            except Exception as exc:
                kept = _keep_failed(target, out, section.name)
                raise _execution_error(section, exc, target, kept, timeout) from exc
            executed.append((section.name, nb))
            timings[f"execute {section.name}"] = time.perf_counter() - t0

        titles = {name: section_title(nb) for name, nb in executed}
        meta = report_metadata(article, [name for name, _ in executed])
        combined = combine_notebooks(executed, meta)

        html = pdf_path = html_path = None
        try:
            t0 = time.perf_counter()
            exporter = ReportHTMLExporter(log=_nbconvert_log)
            html, _ = exporter.from_notebook_node(
                combined, resources={"metadata": {"name": slug, "path": str(paths.ROOT)}}
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

        t0 = time.perf_counter()
        try:
            metrics = analyze_article(article, **_analysis_options(given, sections))
        except Exception as exc:
            raise ReportError(f"analysing {article_file} for metrics.json failed: {exc}") from exc
        metrics_path = staging / "metrics.json"
        metrics_path.write_text(
            json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )

        timings["metrics"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        _swap_in(staging, out)
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


def _analysis_options(given: Mapping[str, Any], sections: Sequence[Section]) -> dict[str, Any]:
    """The ``analyze`` options that notebook parameters also set, so that metrics.json
    agrees with the notebooks: ``language`` and ``topics_file``."""
    options: dict[str, Any] = {}
    by_name = {n: p for s in sections for n, p in s.parameters.items()}
    if given.get("language") is not None and "language" in by_name:
        options["language"] = coerce_value(by_name["language"], given["language"])
    if given.get("topics_file") is not None and "topics_file" in by_name:
        value = coerce_value(by_name["topics_file"], given["topics_file"])
        if value:
            from analysis.topics import load_topics

            options["topics"] = load_topics(value)
    return options


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


def _new_sibling(out: Path, kind: str) -> Path:
    """A new empty folder beside ``out`` (same file system, so renames are atomic),
    created with the usual permissions (``mkdtemp`` would make it private)."""
    while True:
        p = out.parent / f".{out.name}.{kind}-{secrets.token_hex(6)}"
        try:
            p.mkdir()
            return p
        except FileExistsError:
            continue


def _swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with two renames on one file system."""
    old: Path | None = None
    if out.exists():
        old = out.parent / f".{out.name}.old-{secrets.token_hex(6)}"
        os.replace(out, old)
    try:
        os.replace(staging, out)
    except BaseException:
        if old is not None:
            os.replace(old, out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
