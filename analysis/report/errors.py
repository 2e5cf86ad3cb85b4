"""The report's errors: one for a failed run, a subclass for unusable arguments."""

from __future__ import annotations


class ReportError(ValueError):
    """The report could not be rendered; the message says why and what to do."""


class ReportUsageError(ReportError):
    """The request itself is unusable (unknown parameter or format, a value of the wrong
    type, a missing topics file): found before anything runs; the CLI exits 2."""
