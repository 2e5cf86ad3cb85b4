"""The report page declares a Content-Security-Policy that lets nothing run or load: even
if article text slipped past escaping, a browser would refuse its scripts and remote
resources."""

from __future__ import annotations

from bs4 import BeautifulSoup
from nbformat.v4 import new_markdown_cell, new_notebook

from analysis.pdf_export import ReportHTMLExporter


def _policy() -> dict[str, list[str]]:
    nb = new_notebook(cells=[new_markdown_cell("# Section\n\nText.")])
    page, _ = ReportHTMLExporter().from_notebook_node(nb)
    soup = BeautifulSoup(page, "html.parser")
    metas = soup.head.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert len(metas) == 1, "exactly one policy, in <head>"
    directives = [d.split() for d in metas[0]["content"].split(";") if d.strip()]
    return {d[0]: d[1:] for d in directives}


def test_the_report_page_allows_no_script_and_no_remote_load():
    policy = _policy()
    assert policy["default-src"] == ["'none'"]  # scripts, frames, connections: none
    assert "script-src" not in policy and "connect-src" not in policy
    for directive in ("img-src", "font-src"):
        assert policy.get(directive, ["data:"]) == ["data:"], directive
    assert not any("http" in v or v == "*" for values in policy.values() for v in values)
