"""Running the per-article analysis over a stream of articles.

Three ways to run the same function, :func:`analyze_chunk`:

- in this process (``workers=1``);
- on a local pool of worker processes (``workers=N``);
- on an existing Dask cluster (``scheduler=ADDRESS``); Dask is imported only then.

Whatever the way, results come back in input order, so the output does not depend on the
number of workers, and at most a bounded number of articles is in flight, so memory does
not grow with the corpus.
"""

from __future__ import annotations

import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice
from typing import Any

from analysis.inputs import MAX_ARTICLE_BYTES_ENV, Pending, Record, load_pending
from analysis.pipeline import analyze_record, empty_result

# Articles sent to a worker at a time: large enough that the cost of sending work and
# results between processes is small beside the analysis (~6-20 ms an article), small
# enough that the progress bar moves smoothly and a worker's share stays even.
LOCAL_CHUNK = 8
DASK_CHUNK = 32
# Chunks in flight per worker: one running, one waiting, so no worker ever idles.
CHUNKS_PER_WORKER = 3
# The longest one article may take, in seconds; longer becomes an error row.
DEFAULT_TIME_LIMIT = 120.0


@dataclass(frozen=True)
class Options:
    """What every worker needs to analyse an article the same way.

    ``topics_file`` is a path rather than loaded topics so that it travels cheaply to
    workers on other machines (each loads it once); ``time_limit`` is in seconds, None
    for no limit; ``max_article_bytes`` is None for the default limit.
    """

    topics_file: str | None = None
    language: str | None = None
    time_limit: float | None = DEFAULT_TIME_LIMIT
    max_article_bytes: int | None = None
    tables: bool = False  # also flatten each result into the results tables' rows


@dataclass
class Outcome:
    """One analysed article as it comes back from a worker: already serialised, so the
    parent only writes (serialising is a fifth of the work of a short article, and a
    string crosses between processes faster than the nested result)."""

    id: str
    error: str | None
    line: str  # the analyze JSON object on one line, without the newline
    rows: dict[str, list[tuple]] | None = None  # result_tables rows, when Options.tables


class ArticleTimeLimit(BaseException):
    """Raised inside an analysis that ran past the time limit.

    A BaseException, so that the pipeline's catch-all for analysis errors does not turn
    it into an ordinary failure message.
    """


@lru_cache(maxsize=4)
def _topics(path: str | None) -> Any:
    if path is None:
        return None
    from analysis.topics import load_topics

    return load_topics(path)


def _on_alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise ArticleTimeLimit


def _can_time_out() -> bool:
    """A timer signal can only interrupt the main thread; Dask runs tasks in threads."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def analyze_pending(item: Pending, options: Options) -> dict[str, Any]:
    """Load, parse and analyse one article; never raises for a bad article.

    The time limit covers reading and parsing too. Where no timer signal is available
    (a Dask worker's thread) the article runs without a limit.
    """
    if options.max_article_bytes:
        os.environ[MAX_ARTICLE_BYTES_ENV] = str(options.max_article_bytes)
    topics = _topics(options.topics_file)
    limit = options.time_limit if options.time_limit and _can_time_out() else None
    if limit is None:
        return analyze_record(load_pending(item), topics=topics, language=options.language)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            return analyze_record(load_pending(item), topics=topics, language=options.language)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except ArticleTimeLimit:
        return empty_result(
            item.id,
            f"{item.path}{':' + str(item.lineno) if item.lineno else ''}: analysis took "
            f"longer than the time limit of {limit:g} s and was stopped (--time-limit)",
        )
    finally:
        signal.signal(signal.SIGALRM, previous)


def outcome(result: dict[str, Any], options: Options) -> Outcome:
    """A result serialised for the parent (and flattened to table rows if asked)."""
    import json

    rows = None
    if options.tables:
        from analysis.result_tables import result_rows

        rows = result_rows(result)
    return Outcome(result["id"], result["error"], json.dumps(result, ensure_ascii=False),
                   rows)


def analyze_chunk(items: list[Pending], options: Options) -> list[Outcome]:
    """:func:`analyze_pending` over a few articles: the unit of work sent to a worker."""
    return [outcome(analyze_pending(item, options), options) for item in items]


def _chunks(items: Iterable[Pending], size: int) -> Iterator[list[Pending]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _in_order(submit: Callable[[list[Pending]], Any], chunks: Iterable[list[Pending]],
              window: int) -> Iterator[Outcome]:
    """Submit chunks, keeping at most ``window`` in flight, and yield results in order."""
    in_flight: deque = deque()
    for chunk in chunks:
        in_flight.append(submit(chunk))
        if len(in_flight) >= window:
            yield from in_flight.popleft().result()
    while in_flight:
        yield from in_flight.popleft().result()


def _worker_init() -> None:
    # Ctrl-C goes to the whole process group; the parent alone decides what to do with it,
    # so workers do not each print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's unwinding handler


def _warm_up(options: Options) -> None:
    """Load every lexicon and model once in the parent, so forked workers share them."""
    from analysis.article import parse_text

    _topics(options.topics_file)
    # a full name, so that the given-name dictionary is read here too
    sample = parse_text("Warm-up.\n\n“It works,” Jane Doe said on Monday in Beijing.",
                        id="warm-up")
    analyze_record(Record(sample.id, article=sample), topics=_topics(options.topics_file),
                   language=options.language)


def run_local(items: Iterable[Pending], options: Options, workers: int = 1,
              ) -> Iterator[Outcome]:
    """Results for ``items`` in order, in this process or on ``workers`` processes."""
    if workers <= 1:
        for item in items:
            yield outcome(analyze_pending(item, options), options)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _warm_up(options)
    # fork: workers start in milliseconds and share the loaded lexicons copy-on-write
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init,
                               mp_context=multiprocessing.get_context("fork"))
    try:
        yield from _in_order(lambda chunk: pool.submit(analyze_chunk, chunk, options),
                             _chunks(items, LOCAL_CHUNK), workers * CHUNKS_PER_WORKER)
    finally:
        # on Ctrl-C, a closed pipe or an error: drop the work not yet started
        pool.shutdown(wait=True, cancel_futures=True)


def run_dask(items: Iterable[Pending], options: Options, address: str,
             ) -> Iterator[Outcome]:
    """Results for ``items`` in order, computed on the Dask cluster at ``address``.

    Each worker needs this package installed (the function travels by name). Results
    stream back through a bounded window, as with the local pool.
    """
    from dask.distributed import Client

    with Client(address, set_as_default=False) as client:
        threads = sum(client.nthreads().values()) or 1
        yield from _in_order(
            lambda chunk: client.submit(analyze_chunk, chunk, options, pure=False),
            _chunks(items, DASK_CHUNK),
            max(2, threads * CHUNKS_PER_WORKER),
        )


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def analyze_to_database(inputs: Iterable[str], db: str, *, options: Options | None = None,
                        workers: int = 1, batch: int = 64) -> tuple[int, int]:
    """Analyse every article of ``inputs`` into the results database ``db``.

    The corpus report's way in when it is given articles rather than a database.
    Returns (articles written, articles with an error).
    """
    from analysis.inputs import iter_pending
    from analysis.results_store import ResultsStore

    options = replace(options or Options(), tables=True)
    store = ResultsStore(db)
    written = failed = 0
    rows: list[tuple[int, Outcome]] = []
    try:
        for position, done in enumerate(run_local(iter_pending(inputs), options, workers)):
            rows.append((position, done))
            written += 1
            failed += bool(done.error)
            if len(rows) >= batch:
                store.write_outcomes(rows)
                rows = []
        store.write_outcomes(rows)
    finally:
        store.close()
    return written, failed


def corpus_tables(source: str, *, workers: int = 1) -> dict[str, Any]:
    """The results tables of a corpus: read from a results database (``.duckdb``), or
    computed from a folder or ``.jsonl`` file of articles into a temporary one."""
    import tempfile
    from pathlib import Path

    from analysis.paths import resolve
    from analysis.results_store import read_tables

    path = resolve(source)
    if path.suffix.lower() in {".duckdb", ".db"}:
        return read_tables(path)
    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
        db = str(Path(tmp) / "results.duckdb")
        analyze_to_database([str(path)], db, workers=workers)
        return read_tables(db)
