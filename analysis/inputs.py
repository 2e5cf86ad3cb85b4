"""Reading articles from disk: plain text, HTML pages and JSON Lines records.

This is an edge of the system: it does the I/O and turns every problem with the input
into an :class:`~analysis.article.ArticleError` whose message says what is wrong and
where (file, line), so that a batch can record it and go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from analysis.article import Article, ArticleError, parse_text
from analysis.paths import resolve

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
META_SUFFIX = ".meta.yaml"
# Fewer words than this extracted from a page is navigation or boilerplate, not an article.
MIN_HTML_WORDS = 10


@dataclass
class Record:
    """One article to analyse, or the reason it could not be read."""

    id: str
    article: Article | None = None
    error: str | None = None


def _read_text(path: Path) -> str:
    """Read a file as UTF-8 text, refusing binary and mis-encoded files with a clear reason."""
    if not path.exists():
        raise ArticleError(f"{path}: no such file")
    if path.is_dir():
        raise ArticleError(f"{path}: is a directory, not an article file")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{path}: looks like a binary file (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ArticleError(
            f"{path}: line {line}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); save the file as UTF-8"
        ) from None
    if not text.strip():
        raise ArticleError(f"{path}: the file is empty (nothing but white space)")
    return text


def _metadata(path: Path) -> dict:
    """Metadata from ``<stem>.meta.yaml`` beside the article, if there is one."""
    meta_path = path.with_name(path.stem + META_SUFFIX)
    if not meta_path.exists():
        return {}
    try:
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise ArticleError(f"{meta_path}: {where}invalid YAML ({exc})") from None
    if not isinstance(meta, dict):
        raise ArticleError(f"{meta_path}: expected a mapping of metadata fields")
    return meta


def article_from_html(html: str, *, id: str, source_path: str | None = None) -> Article:
    """Extract the main text and metadata of a web page with trafilatura, then parse it.

    Offsets of the result refer to the extracted text (``article.text``), which begins
    with the headline when the page has one.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = (doc.text or "").strip() if doc is not None else ""
    n_words = len(text.split())
    if n_words < MIN_HTML_WORDS:
        found = f" (only {n_words} word(s): {text[:60]!r})" if n_words else ""
        raise ArticleError(f"{source_path or id}: no article text found in the HTML page{found}")
    title = (doc.title or None) if doc is not None else None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return parse_text(
        text,
        id=id,
        title=title,
        outlet=getattr(doc, "sitename", None) or None,
        published=getattr(doc, "date", None) or None,
        url=getattr(doc, "url", None) or None,
        source_path=source_path,
    )


def load_article(path: str | Path) -> Article:
    """Read one article file (.txt or .html) with its optional ``.meta.yaml`` sidecar."""
    p = resolve(path)
    suffix = p.suffix.lower()
    if p.exists() and p.is_file() and suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise ArticleError(
            f"{p}: unsupported file type {suffix or '(none)'}; "
            "give a .txt or .html article (or a .jsonl file to `analyze`)"
        )
    text = _read_text(p)
    meta = _metadata(p)
    article_id = str(meta.get("id") or p.stem)
    try:
        if suffix in HTML_SUFFIXES:
            article = article_from_html(text, id=article_id, source_path=str(p))
        else:
            article = parse_text(
                text,
                id=article_id,
                title=meta.get("headline"),
                source_path=str(p),
            )
    except ArticleError as exc:
        msg = str(exc)
        raise ArticleError(msg if msg.startswith(str(p)) else f"{p}: {msg}") from None
    article.outlet = meta.get("outlet") or article.outlet
    article.published = str(meta["published"]) if meta.get("published") else article.published
    article.url = meta.get("url") or article.url
    return article


def _jsonl_records(path: Path) -> Iterator[Record]:
    try:
        text = _read_text(path)
    except ArticleError as exc:
        yield Record(id=path.stem, error=str(exc))
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        fallback_id = f"{path.stem}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Record(fallback_id, error=f"{path}:{lineno}: invalid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield Record(fallback_id, error=f"{path}:{lineno}: expected a JSON object")
            continue
        rid = str(obj.get("id") or fallback_id)
        body = obj.get("text")
        if not isinstance(body, str):
            yield Record(rid, error=f"{path}:{lineno}: record has no string field 'text'")
            continue
        try:
            article = parse_text(
                body,
                id=rid,
                title=obj.get("title") if isinstance(obj.get("title"), str) else None,
                outlet=obj.get("outlet"),
                published=obj.get("published"),
                url=obj.get("url"),
                source_path=f"{path}:{lineno}",
            )
        except ArticleError as exc:
            yield Record(rid, error=f"{path}:{lineno}: {exc}")
            continue
        yield Record(rid, article=article)


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named by the user, directories expanded to their article files (sorted)."""
    out: list[Path] = []
    for given in paths:
        p = resolve(given)
        if not p.exists():
            raise ArticleError(f"{given}: no such file or directory")
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in ARTICLE_SUFFIXES
                and not f.name.endswith(META_SUFFIX)
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                raise ArticleError(
                    f"{given}: the directory holds no articles "
                    f"(looked for {', '.join(sorted(ARTICLE_SUFFIXES))})"
                )
            out.extend(found)
        else:
            out.append(p)
    return out


def iter_records(paths: Iterable[str | Path]) -> Iterator[Record]:
    """Every article named by ``paths`` in order; unreadable ones carry an ``error``.

    Raises :class:`ArticleError` up front only for what makes the whole run meaningless:
    a path that does not exist or a directory with no articles.
    """
    for p in _expand(paths):
        if p.suffix.lower() in JSONL_SUFFIXES:
            yield from _jsonl_records(p)
            continue
        try:
            article = load_article(p)
        except ArticleError as exc:
            yield Record(p.stem, error=str(exc))
            continue
        yield Record(article.id, article=article)
