"""Rendering the report: real papermill execution, nbconvert HTML and WeasyPrint PDF.

One full render of the bundled article (it executes every report notebook) is shared by
the session (tests/conftest.py); the error cases run small fixture notebooks from
tests/fixtures/notebooks/.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from analysis.paths import ROOT, SEED_ARTICLE
from analysis.report import ReportError, render_report

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"
PARAMS_DEMO = FIXTURES / "params_demo.ipynb"
FAILS = FIXTURES / "fails.ipynb"
# From data/articles/aljazeera-2022-03-18-biden-xi-call-russia.meta.yaml
SEED_HEADLINE = "US, China discuss Russia as Biden and Xi hold call"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _pdf_text(path: Path) -> str:
    return _squash(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))


@pytest.fixture(scope="module")
def seed(seed_report):
    return seed_report


@pytest.fixture(scope="module")
def seed_html(seed):
    return seed.html.read_text(encoding="utf-8")


def test_seed_report_holds_html_pdf_metrics_and_each_executed_notebook(seed):
    names = {p.name for p in seed.out_dir.iterdir()}
    expected = {"report.html", "report.pdf", "metrics.json"}
    expected |= {f"{s}.ipynb" for s in seed.sections}
    assert names == expected
    assert seed.sections[0] == "overview"
    metrics = json.loads(seed.metrics.read_text(encoding="utf-8"))
    assert metrics["error"] is None
    assert {"readability", "quotes", "sources", "diversity", "topics"} <= set(metrics)
    for nb_path in seed.notebooks:
        nb = nbformat.read(nb_path, as_version=4)
        assert any(c.cell_type == "code" and c.outputs for c in nb.cells)


def test_seed_report_renders_every_existing_notebook_in_report_yaml_order(seed):
    import yaml

    listed = yaml.safe_load((ROOT / "notebooks" / "report.yaml").read_text())["sections"]
    existing = [n for n in listed if (ROOT / "notebooks" / f"{n}.ipynb").exists()]
    assert seed.sections == existing


def test_report_html_has_the_headline_as_title_and_every_section_title(seed, seed_html):
    soup = BeautifulSoup(seed_html, "html.parser")
    assert soup.title.get_text() == SEED_HEADLINE
    assert soup.select_one(".report-headline").get_text() == SEED_HEADLINE
    section_ids = [s["data-section"] for s in soup.select("section.report-section")]
    assert section_ids == seed.sections
    for name in seed.sections:
        title = seed.section_titles[name]
        assert title, f"{name}.ipynb has no title heading"
        heading = soup.select_one(f'section[data-section="{name}"] h1')
        assert heading is not None and heading.get_text(strip=True) == title


def test_report_pdf_text_has_the_headline_and_every_section_title(seed):
    text = _pdf_text(seed.pdf)
    assert SEED_HEADLINE in text
    for name in seed.sections:
        assert _squash(seed.section_titles[name]) in text
    assert "Page 1 of" in text


def test_report_html_loads_nothing_from_the_network(seed_html):
    soup = BeautifulSoup(seed_html, "html.parser")
    assert soup.find_all("script") == []
    for tag in soup.find_all(["img", "link", "iframe", "source", "embed", "object", "video"]):
        for attr in ("src", "href", "data"):
            value = tag.get(attr)
            if value is not None:
                assert value.startswith("data:"), f"<{tag.name} {attr}={value[:60]!r}>"
    for style in soup.find_all("style"):
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", style.get_text())
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']?(https?:)?//", seed_html)


def test_report_html_shows_no_code_prompts_or_stderr(seed, seed_html):
    soup = BeautifulSoup(seed_html, "html.parser")
    assert soup.select(".jp-CodeCell .jp-InputArea, .jp-InputPrompt, .jp-OutputPrompt") == []
    assert "In&nbsp;[" not in seed_html and "Out[" not in seed_html
    assert "article_path =" not in seed_html
    assert 'data-mime-type="application/vnd.jupyter.stderr"' not in seed_html


def _fixture_article(tmp_path: Path, standfirst: str, headline: str = "A plain headline") -> Path:
    path = tmp_path / "escape-test.txt"
    path.write_text(
        f"{headline}\n\n{standfirst}\n\n"
        "The council met on Monday. It voted to keep the library open.\n\n"
        "“We are pleased,” said the mayor.\n",
        encoding="utf-8",
    )
    return path


def test_article_markup_is_shown_as_text_not_run(tmp_path):
    article = _fixture_article(
        tmp_path,
        "Residents wrote <script>alert(1)</script> on the <b>notice</b> board.",
        headline="Council keeps <i>library</i> open",
    )
    result = render_report(
        article,
        formats=("html",),
        out_dir=tmp_path / "out",
        notebooks=[ROOT / "notebooks" / "overview.ipynb"],
    )
    page = result.html.read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find_all("script") == []
    assert soup.find("b") is None and soup.find("i") is None
    assert html.escape("<script>alert(1)</script>") in page
    assert soup.title.get_text() == "Council keeps <i>library</i> open"
    assert result.pdf is None and not (result.out_dir / "report.pdf").exists()


def test_unknown_parameter_fails_before_running_and_lists_valid_parameters(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(ReportError) as err:
        render_report(SEED_ARTICLE, params={"colour": "red"}, out_dir=out, notebooks=[PARAMS_DEMO])
    msg = str(err.value)
    assert "unknown parameter 'colour'" in msg
    # every parameter of params_demo.ipynb with its type and default
    for line in ("n: int = 3", "ratio: float = 0.5", "flag: bool = False",
                 'label: str = "plain"', "maybe: str or None = None"):
        assert line in msg
    assert "how many" in msg  # the parameter's comment is shown as its help
    assert not out.exists()


def test_wrongly_typed_value_fails_and_lists_valid_parameters(tmp_path):
    with pytest.raises(ReportError) as err:
        render_report(SEED_ARTICLE, params={"n": "three"}, out_dir=tmp_path / "o",
                      notebooks=[PARAMS_DEMO])
    msg = str(err.value)
    assert "parameter 'n'" in msg and "int" in msg and "'three'" in msg
    assert "Valid parameters" in msg and "ratio: float = 0.5" in msg


def test_params_file_with_wrong_type_fails(tmp_path):
    params = tmp_path / "p.yaml"
    params.write_text("flag: maybe\n", encoding="utf-8")
    with pytest.raises(ReportError, match="parameter 'flag'.*bool"):
        render_report(SEED_ARTICLE, params_file=params, out_dir=tmp_path / "o",
                      notebooks=[PARAMS_DEMO])


def test_string_values_are_converted_to_declared_types_and_override_the_file(tmp_path):
    params = tmp_path / "p.yaml"
    params.write_text("n: 7\nlabel: from file\nratio: 2\n", encoding="utf-8")
    result = render_report(
        SEED_ARTICLE,
        params={"n": "5", "flag": "yes", "maybe": "null"},  # as -p NAME VALUE gives them
        params_file=params,
        formats=("html",),
        out_dir=tmp_path / "out",
        notebooks=[PARAMS_DEMO],
    )
    nb = nbformat.read(result.out_dir / "params_demo.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                      for o in c.outputs)
    assert printed.strip() == "(5, 2.0, True, 'from file', None)"


def test_failing_cell_leaves_previous_report_intact_and_names_the_cell(tmp_path):
    out = tmp_path / "out"
    render_report(SEED_ARTICLE, out_dir=out, notebooks=[PARAMS_DEMO])
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(ReportError) as err:
        render_report(SEED_ARTICLE, out_dir=out, notebooks=[PARAMS_DEMO, FAILS])
    msg = str(err.value)
    # fails.ipynb: markdown title (1), parameters (2), x = 1 (3), x / 0 (4)
    assert "'fails'" in msg and "cell 4" in msg
    assert "ZeroDivisionError" in msg and "x / 0" in msg
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "failed"}
    assert after == before
    kept = out / "failed" / "fails.ipynb"
    assert "failed/fails.ipynb" in msg
    nb = nbformat.read(kept, as_version=4)
    assert any(o.output_type == "error" for c in nb.cells if c.cell_type == "code"
               for o in c.outputs)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left


def test_out_folder_with_other_files_is_never_replaced(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ReportError, match="not part of a report"):
        render_report(SEED_ARTICLE, out_dir=tmp_path, notebooks=[PARAMS_DEMO])
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_cli_report_failure_exits_non_zero_with_the_message(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "report", str(SEED_ARTICLE), "-p", "colour", "red",
         "--out", str(tmp_path / "o")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert proc.returncode != 0
    assert "unknown parameter 'colour'" in proc.stderr and "Valid parameters" in proc.stderr


def test_jupyter_nbconvert_to_weasypdf_works_from_the_command_line(seed, tmp_path):
    executed = seed.notebooks[0]
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "jupyter"), "nbconvert", "--to", "weasypdf",
         str(executed), "--output-dir", str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    pdf = tmp_path / (executed.stem + ".pdf")
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert _squash(seed.section_titles[seed.sections[0]]) in _pdf_text(pdf)
