"""Reading inputs: metadata, HTML extraction, JSON Lines, and clear errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.article import ArticleError, Kind
from analysis.inputs import iter_records, load_article
from analysis.paths import SEED_ARTICLE

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def test_seed_metadata_comes_from_sidecar():
    a = load_article(SEED_ARTICLE)
    assert a.id == "aljazeera-2022-03-18-biden-xi-call-russia"
    assert a.outlet == "Al Jazeera"
    assert a.published == "2022-03-18"
    assert a.url is None
    assert a.headline == "US, China discuss Russia as Biden and Xi hold call"


def test_relative_path_resolves_against_project_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a = load_article("data/articles/aljazeera-2022-03-18-biden-xi-call-russia.txt")
    assert a.outlet == "Al Jazeera"


def test_html_page_main_text_and_metadata():
    a = load_article(FIXTURES / "harbour-tariffs.html")
    assert a.headline == "Port city braces for new tariffs"
    assert a.outlet == "The Harbour Gazette"
    assert a.published == "2024-05-02"
    body = " ".join(b.text for b in a.body)
    assert "container traffic fell by 12 percent" in body
    assert "Privacy" not in a.text and "tracker" not in a.text  # footer and scripts dropped
    assert [b.text for b in a.blocks_of(Kind.SUBHEADING)] == ["Exporters look elsewhere"]
    for b in a.blocks:
        assert a.text[b.start : b.end] == b.text


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t \n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "Caf\u00e9 society\n\nIt was".encode("latin-1"), "line 1: not valid UTF-8"),
        ("photo.jpg", b"\xff\xd8\xff\xe0", "unsupported file type .jpg"),
    ],
)
def test_bad_files_are_refused_with_the_reason_and_the_path(tmp_path, name, data, message):
    path = _write(tmp_path, name, data)
    with pytest.raises(ArticleError) as err:
        load_article(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        load_article(tmp_path / "nope.txt")


def test_html_without_article_text_is_refused():
    with pytest.raises(ArticleError, match="no article text found in the HTML page"):
        load_article(FIXTURES / "no-article.html")


def test_directory_without_articles_is_fatal(tmp_path):
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    with pytest.raises(ArticleError, match="holds no articles"):
        list(iter_records([tmp_path]))


def test_jsonl_bad_records_are_reported_and_the_rest_go_on(tmp_path):
    lines = [
        json.dumps({"id": "ok-1", "text": "A first story. It has two sentences."}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok-2", "text": "Another story here.", "title": "T"}),
    ]
    path = _write(tmp_path, "batch.jsonl", ("\n".join(lines) + "\n").encode())
    records = list(iter_records([path]))
    assert [r.id for r in records] == ["ok-1", "batch:2", "no-text", "blank", "batch:5", "ok-2"]
    assert [r.error is None for r in records] == [True, False, False, False, False, True]
    assert f"{path}:2: invalid JSON" in records[1].error
    assert "no string field 'text'" in records[2].error
    assert "empty" in records[3].error


def test_directory_expands_sorted_and_skips_sidecars(tmp_path):
    (tmp_path / "b.txt").write_text("Second story. Words here.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First story. Words here.", encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text("outlet: Daily\n", encoding="utf-8")
    records = list(iter_records([tmp_path]))
    assert [r.id for r in records] == ["a", "b"]
    assert records[0].article.outlet == "Daily"
