"""Shared fixtures: the seed report is rendered once per test session."""

from __future__ import annotations

import pytest

from analysis.paths import SEED_ARTICLE


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory):
    """The full report (HTML and PDF) of the bundled seed article, rendered once."""
    from analysis.report import render_report

    out = tmp_path_factory.mktemp("reports") / "seed"
    return render_report(SEED_ARTICLE, out_dir=out)
