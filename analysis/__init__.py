"""Readability, source diversity and topic proportions of news articles."""

from __future__ import annotations

DISTRIBUTION = "news-article-report"  # the name in pyproject.toml, where the version is set


def __getattr__(name: str) -> str:
    # ``analysis.__version__`` is read from the installed distribution's metadata (one
    # definition: pyproject.toml), and only when asked for, so importing stays cheap.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version(DISTRIBUTION)
        except PackageNotFoundError:  # a checkout that was never pip-installed
            return "0+unknown"
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
