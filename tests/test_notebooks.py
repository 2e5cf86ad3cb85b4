"""Every notebook runs with its default parameters, and is committed as source only."""

from __future__ import annotations

import json

import nbformat
import papermill
import pytest

from analysis.paths import NOTEBOOKS, ROOT

NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("*.ipynb"))


def test_there_are_notebooks():
    names = {p.stem for p in NOTEBOOK_FILES}
    assert {"readability", "sources", "topics"} <= names


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.stem)
def test_notebook_is_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name}: a code cell has outputs"
            assert cell.get("execution_count") is None


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.stem)
def test_notebook_has_title_and_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.lstrip().startswith("# ")
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: needs exactly one cell tagged 'parameters'"
    params = papermill.inspect_notebook(str(path))
    # the corpus report reads a results database; every other notebook, one article
    assert ("results" if path.stem == "corpus" else "article_path") in params


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.stem)
def test_notebook_executes_with_default_parameters(path, tmp_path):
    out = tmp_path / path.name
    papermill.execute_notebook(
        str(path),
        str(out),
        kernel_name="news-report",
        cwd=str(ROOT),
        progress_bar=False,
        execution_timeout=300,
    )
    nb = nbformat.read(out, as_version=4)
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert not errors
    assert any(c.cell_type == "code" and c.outputs for c in nb.cells), "nothing was displayed"
