"""The report exporters on hand-made notebooks (no kernel): what the page shows and
hides, embedded images, numbered PDF pages, and no network access while printing."""

from __future__ import annotations

import base64
import http.server
import io
import threading

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from pypdf import PdfReader

from analysis.pdf_export import (
    ReportHTMLExporter,
    WeasyPDFExporter,
    html_to_pdf,
    offline_url_fetcher,
)

# A 1x1 transparent PNG.
PNG_1PX = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def _notebook() -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.cells = [
        new_markdown_cell("# Sample section\n\nProse for the reader."),
        new_code_cell(
            "secret_code_line = 1",
            execution_count=1,
            outputs=[
                new_output("stream", name="stdout", text="visible printout\n"),
                new_output("stream", name="stderr", text="UserWarning: noisy warning\n"),
            ],
        ),
        new_code_cell(
            "chart()",
            execution_count=2,
            outputs=[
                new_output(
                    "display_data",
                    data={"image/png": PNG_1PX, "text/plain": "<Figure>"},
                ),
                new_output(
                    "execute_result",
                    data={"text/html": "<table><tr><td>cell</td></tr></table>",
                          "text/plain": "table"},
                    execution_count=2,
                ),
            ],
        ),
    ]
    return nb


def _pdf_pages(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def test_html_shows_outputs_but_no_code_prompts_or_stderr():
    page, _ = ReportHTMLExporter().from_notebook_node(_notebook())
    assert "Prose for the reader." in page
    assert "visible printout" in page
    assert "<td>cell</td>" in page
    assert "secret_code_line" not in page
    assert "noisy warning" not in page
    assert "In&nbsp;[" not in page and "Out[" not in page


def test_html_embeds_images_and_has_no_scripts():
    page, _ = ReportHTMLExporter().from_notebook_node(_notebook())
    soup = BeautifulSoup(page, "html.parser")
    [img] = soup.find_all("img")
    assert img["src"] == f"data:image/png;base64,{PNG_1PX}"
    assert soup.find_all("script") == []
    assert soup.find_all("link") == []


def test_javascript_outputs_are_dropped_from_the_static_page():
    nb = _notebook()
    nb.cells[2].outputs.append(
        new_output("display_data", data={"application/javascript": "alert('js output')",
                                         "text/plain": "js fallback"})
    )
    page, _ = ReportHTMLExporter().from_notebook_node(nb)
    assert "alert('js output')" not in page
    assert "js fallback" in page


def test_pdf_pages_are_numbered_page_x_of_n():
    nb = _notebook()
    # 20 paragraphs of 60 words (1,200 words) cannot fit on one A4 page at 10.5 pt.
    para = " ".join(["word"] * 60)
    nb.cells.append(new_markdown_cell("\n\n".join([para] * 20)))
    pdf, resources = WeasyPDFExporter().from_notebook_node(nb)
    assert pdf.startswith(b"%PDF-") and resources["output_extension"] == ".pdf"
    pages = _pdf_pages(pdf)
    assert len(pages) >= 2
    for i, text in enumerate(pages, start=1):
        assert f"Page {i} of {len(pages)}" in text


def test_pdf_text_has_the_section_title_and_no_code():
    pdf, _ = WeasyPDFExporter().from_notebook_node(_notebook())
    text = " ".join(_pdf_pages(pdf))
    assert "Sample section" in text and "visible printout" in text
    assert "secret_code_line" not in text and "noisy warning" not in text


def test_weasypdf_is_registered_as_an_nbconvert_exporter():
    from nbconvert.exporters import get_exporter

    assert get_exporter("weasypdf") is WeasyPDFExporter


@pytest.fixture
def counting_server():
    """A local HTTP server that counts the requests it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            hits.append(self.path)
            body = base64.b64decode(PNG_1PX) if self.path.endswith(".png") else b"p{}"
            self.send_response(200)
            self.send_header("Content-Type", "image/png" if self.path.endswith(".png")
                             else "text/css")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()
    server.server_close()


def test_pdf_printing_fetches_nothing_over_the_network(counting_server):
    import weasyprint

    base, hits = counting_server
    page = (
        f'<html><head><link rel="stylesheet" href="{base}/style.css"></head>'
        f'<body><p>Offline</p><img src="{base}/chart.png"></body></html>'
    )
    # The server answers: WeasyPrint's own fetcher does request both files ...
    weasyprint.HTML(string=page).write_pdf()
    assert sorted(hits) == ["/chart.png", "/style.css"]
    hits.clear()
    # ... and ours requests neither.
    pdf = html_to_pdf(page)
    assert hits == []
    assert "Offline" in " ".join(_pdf_pages(pdf))


def test_offline_fetcher_serves_data_urls_and_refuses_http():
    fetcher = offline_url_fetcher()
    response = fetcher.fetch(f"data:image/png;base64,{PNG_1PX}")
    assert response.read() == base64.b64decode(PNG_1PX)
    with pytest.raises(ValueError, match="offline"):
        fetcher.fetch("https://example.com/font.woff2")
