"""Which notebooks make the report, and which parameters each declares.

Like papermill's own ``inspection`` module, this reads notebooks without running them:
:func:`inspect_section` reads a notebook's ``parameters`` cell with
``papermill.inspect_notebook`` (the annotation of each assignment gives its type, so
``papermill --help-notebook`` shows the same types), and :func:`find_sections` lists the
notebooks of ``notebooks/report.yaml`` in order.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from analysis import paths
from analysis.report.errors import ReportError, ReportUsageError

SECTIONS_FILE = paths.NOTEBOOKS / "report.yaml"

# Annotations a parameters cell may carry, as papermill reports them, and the type a
# value given with -p/-f is converted to. ``Optional[str]`` accepts a string or None.
ANNOTATION_TYPES: dict[str, type] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": bool,
    "list": list,
    "dict": dict,
    "Optional[str]": type(None),
}


@dataclass(frozen=True)
class Parameter:
    """One parameter a notebook declares in its ``parameters`` cell.

    ``type`` comes from the annotation (``language: str = "auto"``) or, without one,
    from the default value (``type(None)`` for ``None``, which accepts a string or
    None); it is None when neither tells, and then any value is accepted.
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


def parameter_from_papermill(raw: Mapping[str, Any]) -> Parameter:
    """A :class:`Parameter` from one entry of ``papermill.inspect_notebook``'s result."""
    source = str(raw.get("default", ""))
    try:
        value = ast.literal_eval(source)
        kind: type | None = type(value)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        value, kind = source, None
    annotation = str(raw.get("inferred_type_name") or "None").strip()
    if annotation in ANNOTATION_TYPES:
        kind = ANNOTATION_TYPES[annotation]
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
        raise ReportUsageError(f"{p}: no such notebook")
    try:
        raw = papermill.inspect_notebook(str(p))
    except Exception as exc:  # malformed JSON, no kernelspec, ...
        raise ReportError(f"{p}: cannot read the notebook's parameters: {exc}") from exc
    return Section(
        name=p.stem, path=p, parameters={n: parameter_from_papermill(r) for n, r in raw.items()}
    )


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
                raise ReportUsageError(f"{entry}: no such notebook")
            skipped.append(p.stem)
            continue
        sections.append(inspect_section(p))
    if not sections:
        raise ReportError("no report notebooks found (see notebooks/report.yaml)")
    return sections, skipped


def valid_parameters_text(sections: Sequence[Section]) -> str:
    """Every declared parameter with its type, default, notebooks and help, one a line."""
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
