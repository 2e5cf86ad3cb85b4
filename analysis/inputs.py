"""Reading articles from disk: plain text, HTML pages and JSON Lines records.

This is an edge of the system: it does the I/O and turns every problem with the input
into an :class:`~analysis.article.ArticleError` whose message says what is wrong and
where (file, line), so that a batch can record it and go on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from analysis.article import Article, ArticleError, parse_text
from analysis.paths import resolve
from analysis.yaml_files import load_yaml_text

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
META_SUFFIX = ".meta.yaml"
# sidecar fields that must be text (YAML would also read numbers, lists and mappings)
META_TEXT_FIELDS = {"headline", "outlet", "url"}
# Fewer words than this extracted from a page is navigation or boilerplate, not an article.
MIN_HTML_WORDS = 10
# The largest article accepted, in bytes of UTF-8. Long-form news runs to ~100 KB; anything
# past 1 MB is a concatenation or a scrape gone wrong, and every analysis and the report
# grow with it. Override with `--max-article-bytes` or NEWS_REPORT_MAX_ARTICLE_BYTES.
DEFAULT_MAX_ARTICLE_BYTES = 1_000_000
MAX_ARTICLE_BYTES_ENV = "NEWS_REPORT_MAX_ARTICLE_BYTES"


def max_article_bytes() -> int:
    """The size limit in force: the environment variable if set, else the default."""
    raw = os.environ.get(MAX_ARTICLE_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_ARTICLE_BYTES
    try:
        value = int(raw)
    except ValueError:
        raise ArticleError(
            f"{MAX_ARTICLE_BYTES_ENV}={raw!r}: expected a whole number of bytes"
        ) from None
    if value <= 0:
        raise ArticleError(f"{MAX_ARTICLE_BYTES_ENV}={raw!r}: must be positive")
    return value


def check_size(n_bytes: int, where: str) -> None:
    """Refuse an article larger than :func:`max_article_bytes`, naming the limit."""
    limit = max_article_bytes()
    if n_bytes > limit:
        raise ArticleError(
            f"{where}: article is {n_bytes:,} bytes, over the limit of {limit:,} bytes "
            f"(raise it with --max-article-bytes or {MAX_ARTICLE_BYTES_ENV})"
        )


@dataclass
class Record:
    """One article to analyse, or the reason it could not be read."""

    id: str
    article: Article | None = None
    error: str | None = None


@dataclass
class Pending:
    """An article found but not yet parsed: cheap to make, small to send to a worker.

    ``fields`` holds a JSONL record's object; files are read by the worker itself.
    ``id`` is the article's id as found (the JSONL ``id``, the sidecar's ``id`` or the
    file name); ``error`` is set when the input was already seen to be unusable.
    """

    id: str
    path: str
    lineno: int | None = None
    fields: dict | None = None
    error: str | None = None


def _read_text(path: Path) -> str:
    """Read a file as UTF-8 text, refusing binary and mis-encoded files with a clear reason."""
    if not path.exists():
        raise ArticleError(f"{path}: no such file")
    if path.is_dir():
        raise ArticleError(f"{path}: is a directory, not an article file")
    check_size(path.stat().st_size, str(path))
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
        meta = load_yaml_text(meta_path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise ArticleError(f"{meta_path}: {where}invalid YAML ({exc})") from None
    if not isinstance(meta, dict):
        raise ArticleError(f"{meta_path}: expected a mapping of metadata fields")
    for name, value in meta.items():
        if name in META_TEXT_FIELDS and value is not None and not isinstance(value, str):
            raise ArticleError(f"{meta_path}: field {name!r} should be text, got "
                               f"{type(value).__name__} {value!r}")
        if name == "id" and not isinstance(value, str | int) or name == "published" \
                and value is not None and not isinstance(value, str | date):
            raise ArticleError(f"{meta_path}: field {name!r} should be "
                               f"{'text' if name == 'id' else 'a date (YYYY-MM-DD)'}, got "
                               f"{type(value).__name__} {value!r}")
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


def _record_from_fields(obj: dict, rid: str, where: str) -> Record:
    """Parse one JSONL record's object into an article (the slow part, done in workers)."""
    body = obj.get("text")
    if not isinstance(body, str):
        return Record(rid, error=f"{where}: record has no string field 'text'")
    try:
        check_size(len(body.encode("utf-8")), where)
        article = parse_text(
            body,
            id=rid,
            title=obj.get("title") if isinstance(obj.get("title"), str) else None,
            outlet=_optional_str(obj.get("outlet")),
            published=_optional_str(obj.get("published")),
            url=_optional_str(obj.get("url")),
            source_path=where,
        )
    except ArticleError as exc:
        msg = str(exc)
        return Record(rid, error=msg if msg.startswith(where) else f"{where}: {msg}")
    return Record(rid, article=article)


def _optional_str(value) -> str | None:
    """A metadata field as text: strings as given, numbers and dates as their text."""
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def _jsonl_pending(path: Path) -> Iterator[Pending]:
    """One :class:`Pending` per non-blank line, read line by line (memory stays flat)."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Pending(path.stem, str(path), error=f"{path}: cannot read ({exc.strerror})")
        return
    with fh:
        head = fh.read(8192)
        if b"\x00" in head:
            yield Pending(path.stem, str(path),
                          error=f"{path}: looks like a binary file (it contains NUL bytes), "
                                "not JSON Lines")
            return
        fh.seek(0)
        limit = max_article_bytes()
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{lineno}"
            fallback_id = f"{path.stem}:{lineno}"
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            # a record is its text plus a little metadata and JSON escaping
            if len(raw) > 2 * limit + 65536:
                yield Pending(fallback_id, str(path), lineno,
                              error=f"{where}: record is {len(raw):,} bytes, over twice the "
                                    f"article limit of {limit:,} bytes")
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield Pending(fallback_id, str(path), lineno,
                              error=f"{where}: not valid UTF-8 (byte 0x{raw[exc.start]:02x}); "
                                    "save the file as UTF-8")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Pending(fallback_id, str(path), lineno,
                              error=f"{where}: invalid JSON ({exc.msg})")
                continue
            if not isinstance(obj, dict):
                yield Pending(fallback_id, str(path), lineno,
                              error=f"{where}: expected a JSON object, got "
                                    f"{type(obj).__name__}")
                continue
            given = obj.get("id")
            rid = str(given) if given not in (None, "") else fallback_id
            yield Pending(rid, str(path), lineno, fields=obj)


def _file_id(path: Path) -> str:
    """The id :func:`load_article` will give a file: its sidecar's ``id``, else its stem."""
    try:
        meta = _metadata(path)
    except ArticleError:
        return path.stem  # the worker reports the broken sidecar
    return str(meta.get("id") or path.stem)


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


def iter_pending(paths: Iterable[str | Path]) -> Iterator[Pending]:
    """Every article named by ``paths``, in order, found but not parsed.

    Raises :class:`ArticleError` up front only for what makes the whole run meaningless:
    a path that does not exist or a directory with no articles.
    """
    for p in _expand(paths):
        if p.suffix.lower() in JSONL_SUFFIXES:
            yield from _jsonl_pending(p)
        else:
            yield Pending(_file_id(p), str(p))


def count_articles(paths: Iterable[str | Path]) -> int:
    """How many articles :func:`iter_pending` will yield, counted cheaply.

    Files count one each; a JSONL file counts its non-blank lines, read in 1 MB blocks
    without decoding. Blank lines are rare, so counting newlines is exact in practice and
    at worst a small over-estimate of the total.
    """
    total = 0
    for p in _expand(paths):
        if p.suffix.lower() not in JSONL_SUFFIXES:
            total += 1
            continue
        try:
            with p.open("rb") as fh:
                last = b"\n"
                while block := fh.read(1 << 20):
                    total += block.count(b"\n")
                    last = block[-1:]
                total += last != b"\n"  # a last line without a newline
        except OSError:
            total += 1  # it will be one error row
    return total


def load_pending(item: Pending) -> Record:
    """Read and parse one found article; every problem becomes the record's ``error``."""
    if item.error:
        return Record(item.id, error=item.error)
    if item.fields is not None:
        return _record_from_fields(item.fields, item.id, f"{item.path}:{item.lineno}")
    try:
        article = load_article(item.path)
    except ArticleError as exc:
        return Record(item.id, error=str(exc))
    article.id = item.id  # the same unless the batch renamed a duplicate
    return Record(item.id, article=article)


def iter_records(paths: Iterable[str | Path]) -> Iterator[Record]:
    """Every article named by ``paths`` in order; unreadable ones carry an ``error``.

    Raises :class:`ArticleError` up front only for what makes the whole run meaningless:
    a path that does not exist or a directory with no articles.
    """
    for item in iter_pending(paths):
        yield load_pending(item)
