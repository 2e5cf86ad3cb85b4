"""Report parameters are typed in the notebooks and checked before anything runs."""

from __future__ import annotations

import subprocess
import sys

import papermill
import pytest

from analysis.languages import check_language
from analysis.paths import NOTEBOOKS, ROOT, SEED_ARTICLE
from analysis.report import ReportUsageError, find_sections, render_report


def _cli(*args, tmp_path):
    return subprocess.run(
        [sys.executable, "-m", "analysis", "report", str(SEED_ARTICLE), "--out",
         str(tmp_path / "o"), *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )


@pytest.mark.parametrize("value", ["42", "klingon", "english", "e"])
def test_language_must_be_iso_639_1_or_auto(value):
    with pytest.raises(ValueError, match="not an ISO 639-1 language code"):
        check_language(value)


def test_language_codes_and_auto_are_accepted():
    assert check_language("EN") == "en" and check_language("zh") == "zh"
    assert check_language("auto") is None and check_language(None) is None


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_every_report_parameter_has_a_type_papermill_shows(path):
    for name, raw in papermill.inspect_notebook(str(path)).items():
        assert raw["inferred_type_name"] != "None", f"{path.name}: {name} has no type"
        assert raw["help"], f"{path.name}: {name} has no help comment"


def test_sections_read_the_annotated_types():
    sections, _ = find_sections()
    for s in sections:
        assert s.parameters["language"].type is str
        assert s.parameters["topics_file"].default == "data/topics.yaml"


def test_bad_language_fails_before_any_notebook_runs(tmp_path):
    with pytest.raises(ReportUsageError, match="'language'.*'klingon' is not an ISO 639-1"):
        render_report(SEED_ARTICLE, params={"language": "klingon"}, out_dir=tmp_path / "o")
    assert list(tmp_path.iterdir()) == []


def test_missing_topics_file_gives_the_analyze_message_and_exits_2(tmp_path):
    missing = tmp_path / "nope.yaml"
    proc = _cli("-p", "topics_file", str(missing), tmp_path=tmp_path)
    assert proc.returncode == 2
    # the message of analyze --topics (analysis.topics.load_topics)
    analyze = subprocess.run(
        [sys.executable, "-m", "analysis", "analyze", str(SEED_ARTICLE), "--topics", str(missing)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert analyze.returncode == 2
    message = analyze.stderr.strip().removeprefix("error: ")
    assert message == f"{missing}: no such topics file"
    assert f"parameter 'topics_file': {message}" in proc.stderr
    assert not (tmp_path / "o").exists()


def test_unknown_format_is_a_usage_error_exiting_2(tmp_path):
    proc = _cli("--format", "docx", tmp_path=tmp_path)
    assert proc.returncode == 2
    assert "unknown format(s) docx; choose from html, pdf" in proc.stderr
