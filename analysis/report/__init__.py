"""Render the report for one article: executed notebooks, one HTML page, one PDF.

One module per step, as papermill keeps ``inspection``, ``parameterize`` and
``execute`` apart:

* :mod:`analysis.report.inspection` - which notebooks make the report and the typed
  parameters each declares;
* :mod:`analysis.report.parameterize` - the values each notebook runs with, converted
  and checked before anything runs;
* :mod:`analysis.report.joining` - executed notebooks joined into one, each a section;
* :mod:`analysis.report.render` - execution, HTML and PDF, and the atomic swap of the
  report folder (through :mod:`analysis.atomic`).

This package re-exports the public names, so ``from analysis.report import
render_report`` is all a caller needs.
"""

from analysis.report.errors import ReportError, ReportUsageError
from analysis.report.inspection import (
    SECTIONS_FILE,
    Parameter,
    Section,
    find_sections,
    inspect_section,
    section_names,
    valid_parameters_text,
)
from analysis.report.joining import combine_notebooks, report_metadata, section_title
from analysis.report.parameterize import (
    analysis_options,
    check_values,
    coerce_value,
    load_params_file,
    parameters_as_used,
    resolve_parameters,
)
from analysis.report.render import FORMATS, KERNEL_NAME, ReportResult, render_report

__all__ = [
    "FORMATS",
    "KERNEL_NAME",
    "SECTIONS_FILE",
    "Parameter",
    "ReportError",
    "ReportResult",
    "ReportUsageError",
    "Section",
    "analysis_options",
    "check_values",
    "coerce_value",
    "combine_notebooks",
    "find_sections",
    "inspect_section",
    "load_params_file",
    "parameters_as_used",
    "report_metadata",
    "resolve_parameters",
    "section_names",
    "render_report",
    "section_title",
    "valid_parameters_text",
]
