"""The parameters each notebook is run with, converted and checked before anything runs.

Values come from ``-p NAME VALUE`` (strings) and ``-f params.yaml``. Each is converted
to the type its notebook declares (:func:`coerce_value`), then the parameters the
analyses share are checked for meaning (:func:`check_values`): ``language`` must be an
ISO 639-1 code or ``auto``, and ``topics_file`` must exist and parse, with the message
``analyze --topics`` gives. A problem is a :class:`ReportUsageError` listing the valid
parameters, raised before any notebook starts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from analysis import paths
from analysis.report.errors import ReportUsageError
from analysis.report.inspection import Parameter, Section, valid_parameters_text

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}
_NONE = {"none", "null", "~"}


# number types: what a value may already be, and how an error names the type
_NUMBERS: dict[type, tuple[tuple[type, ...], str]] = {
    int: ((int,), "an integer"),
    float: ((int, float), "a number"),
}


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
    if expected in _NUMBERS:
        accepted, what = _NUMBERS[expected]
        if isinstance(value, accepted) and not isinstance(value, bool):
            return expected(value)
        if isinstance(value, str):
            try:
                return expected(value.strip())
            except ValueError:
                pass
        raise ValueError(f"expected {what}, got {value!r}")
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
        raise ReportUsageError(
            f"{path}: cannot read the parameters file: {exc.strerror}"
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise ReportUsageError(f"{path}: {where}invalid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise ReportUsageError(f"{path}: expected a mapping of parameter names to values")
    return data


def check_values(values: Mapping[str, Any]) -> list[str]:
    """Problems with the values of the parameters the analyses share (empty if none):
    ``language`` (ISO 639-1 or ``auto``) and ``topics_file`` (exists and parses, with
    the message of ``analyze --topics``)."""
    problems: list[str] = []
    if values.get("language") is not None:
        from analysis.languages import check_language

        try:
            check_language(values["language"])
        except ValueError as exc:
            problems.append(f"parameter 'language': {exc}")
    if values.get("topics_file"):
        from analysis.topics import TopicFileError, load_topics

        try:
            load_topics(values["topics_file"])
        except TopicFileError as exc:
            problems.append(f"parameter 'topics_file': {exc}")
    return problems


def resolve_parameters(
    sections: Sequence[Section], given: Mapping[str, Any], article_path: str
) -> dict[str, dict[str, Any]]:
    """Per notebook, the parameters to pass it: ``article_path`` plus those of ``given``
    that it declares, converted to the declared types and checked by
    :func:`check_values`.

    Raises :class:`ReportUsageError` listing the valid parameters for a name no notebook
    declares, a value that does not fit the declared type, or one that
    :func:`check_values` rejects.
    """
    declared = {n for s in sections for n in s.parameters}
    problems: list[str] = []
    if "article_path" in given:
        problems.append("parameter 'article_path' is set by the ARTICLE argument, not by -p/-f")
    unknown = sorted(n for n in given if n not in declared and n != "article_path")
    for name in unknown:
        problems.append(f"unknown parameter {name!r}: no report notebook declares it")
    per_section: dict[str, dict[str, Any]] = {}
    converted: dict[str, Any] = {}
    for s in sections:
        values: dict[str, Any] = {}
        if "article_path" in s.parameters:
            values["article_path"] = article_path
        for name, value in given.items():
            if name == "article_path" or name not in s.parameters:
                continue
            param = s.parameters[name]
            try:
                values[name] = converted[name] = coerce_value(param, value)
            except ValueError as exc:
                problems.append(
                    f"parameter {name!r} of {s.name}.ipynb has type {param.type_name} "
                    f"(default {param.default_source}): {exc}"
                )
        per_section[s.name] = values
    problems += [p for p in check_values(converted) if p not in problems]
    if problems:
        raise ReportUsageError("\n".join([*problems, valid_parameters_text(sections)]))
    return per_section


def parameters_as_used(sections: Sequence[Section], per_section: Mapping[str, Mapping[str, Any]]
                       ) -> dict[str, Any]:
    """Every declared parameter with the value the notebooks ran with (given or default),
    for the provenance record."""
    used: dict[str, Any] = {}
    for s in sections:
        for name, p in s.parameters.items():
            if name in per_section.get(s.name, {}):
                used[name] = per_section[s.name][name]
            else:
                used.setdefault(name, p.default)
    return used


def analysis_options(per_section: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The ``analyze`` options that notebook parameters also set, so that metrics.json
    agrees with the notebooks: ``language`` and ``topics``."""
    from analysis.languages import check_language
    from analysis.topics import load_topics

    options: dict[str, Any] = {}
    merged: dict[str, Any] = {}
    for values in per_section.values():
        merged.update(values)
    language = check_language(merged.get("language"))
    if language is not None:
        options["language"] = language
    if merged.get("topics_file"):
        options["topics"] = load_topics(merged["topics_file"])
    return options
