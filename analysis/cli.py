"""Command line: ``python -m analysis analyze ...`` and ``python -m analysis report ...``.

Exit codes: 0 all good; 1 some articles could not be analysed (the output still holds
a line for each, with its ``error``) or the report failed; 2 unusable arguments or input
(nothing was written).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import threading
import time
from collections import deque
from dataclasses import replace
from pathlib import Path

from analysis.article import ArticleError

# Articles written to the results database per transaction: an interrupted run loses at
# most this many finished articles from the database (the JSONL output keeps them).
STORE_BATCH = 64
STORE_EVERY = 2.0  # seconds: a slow stream still reaches the database this often


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {text}")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more, got {text}")
    return value


def _usage_error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def cmd_analyze(args: argparse.Namespace) -> int:
    from analysis.batch import Options, default_workers, run_dask, run_local
    from analysis.inputs import MAX_ARTICLE_BYTES_ENV, count_articles, iter_pending
    from analysis.languages import check_language

    try:
        language = check_language(args.language)
    except ValueError as exc:
        return _usage_error(f"--language {exc}")
    if args.max_article_bytes:
        os.environ[MAX_ARTICLE_BYTES_ENV] = str(args.max_article_bytes)
    topics_file = None
    if args.topics:
        from analysis.topics import load_topics

        try:
            load_topics(args.topics)  # checked here, once, before any work
        except ValueError as exc:  # TopicFileError: names the file and line
            return _usage_error(str(exc))
        topics_file = str(Path(args.topics).resolve())
    to_stdout = not (args.output or args.db or args.parquet)
    if args.resume and to_stdout:
        return _usage_error("--resume needs an output to resume: -o, --db or --parquet")

    total = count_articles(args.inputs)  # raises ArticleError (exit 2) for a bad path
    options = Options(topics_file=topics_file, language=language,
                      time_limit=args.time_limit or None,
                      max_article_bytes=args.max_article_bytes,
                      tables=bool(args.db or args.parquet))

    from analysis.jsonl_output import JsonlOutput

    try:
        jsonl = JsonlOutput(args.output, resume=args.resume) if args.output else None
    except OSError as exc:
        return _usage_error(f"{args.output}: cannot write the output here "
                            f"({exc.strerror or exc})")
    store = parquet_tmp = None
    if args.db or args.parquet:
        from analysis.results_store import ResultsStore, ResultsStoreError

        try:
            if args.db:
                store = ResultsStore(args.db)
            else:  # Parquet only: gather in a scratch database, export at the end
                parquet_tmp = tempfile.TemporaryDirectory(prefix=".analyze-")
                store = ResultsStore(Path(parquet_tmp.name) / "results.duckdb")
                if args.resume and Path(args.parquet).is_dir():
                    store.import_parquet(args.parquet)
        except ResultsStoreError as exc:
            if jsonl:
                jsonl.abandon()
            return _usage_error(str(exc))

    done: set[str] | None = None  # skip an article only if every output has it
    if args.resume:
        for have in ([jsonl.done] if jsonl else []) + ([store.done_ids()] if store else []):
            done = have if done is None else done & have
    done = done or set()

    from tqdm import tqdm

    # a progress bar only for a person watching a terminal, never in logs or pipes
    show = not args.quiet and sys.stderr.isatty()
    # a terminal that reports no size (some CI consoles, `script`) would hide the bar
    sized = show and os.get_terminal_size(sys.stderr.fileno()).lines > 0
    bar = tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=sized,
               ncols=None if sized else 80, nrows=None if sized else 24,
               disable=not show, leave=False)
    positions: deque[int] = deque()
    skipped = renamed = 0

    def todo():
        nonlocal skipped, renamed
        seen: dict[str, int] = {}
        for position, item in enumerate(iter_pending(args.inputs)):
            n = seen[item.id] = seen.get(item.id, 0) + 1
            if n > 1:  # ids are keys: a repeated id is analysed as <id>~2, ~3, ...
                new_id = f"{item.id}~{n}"
                renamed += 1
                bar.write(f"warning: {item.path}{':' + str(item.lineno) if item.lineno else ''}:"
                          f" id {item.id!r} seen before; this article is {new_id!r}",
                          file=sys.stderr)
                item = replace(item, id=new_id)
            if item.id in done:
                skipped += 1
                bar.update(1)
                continue
            positions.append(position)
            yield item

    if args.scheduler:
        results = run_dask(todo(), options, args.scheduler)
    else:
        workers = args.workers or default_workers()
        results = run_local(todo(), options, workers=max(1, min(workers, total)))

    failures = written = 0
    pending_rows: list = []
    store_due = time.monotonic() + STORE_EVERY
    status = 0
    finished = False  # every result came back
    try:
        for outcome in results:
            position = positions.popleft()
            if outcome.error:
                failures += 1
                bar.write(f"error: {outcome.error}", file=sys.stderr)
            if jsonl and outcome.id not in jsonl.done:  # it may lack what the db has
                jsonl.write_line(outcome.line)
            elif to_stdout:
                sys.stdout.write(outcome.line + "\n")
            if store:
                pending_rows.append((position, outcome))
                if len(pending_rows) >= STORE_BATCH or time.monotonic() > store_due:
                    store.write_outcomes(pending_rows)
                    pending_rows = []
                    store_due = time.monotonic() + STORE_EVERY
            written += 1
            bar.update(1)
        finished = True
        if store:
            store.write_outcomes(pending_rows)
            pending_rows = []
        if to_stdout:
            sys.stdout.flush()
    except BrokenPipeError:
        # the reader stopped reading (`analyze ... | head`): stop quietly, as Unix tools do
        results.close()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the exit-time flush cannot fail again
        return 0
    except KeyboardInterrupt:
        status = 130
    finally:
        bar.close()
        if status and store and pending_rows:
            store.write_outcomes(pending_rows)  # finished articles are kept; resume skips them
        if jsonl and (status or not finished):
            jsonl.abandon()
    if status:
        kept = [str(jsonl.partial)] if jsonl and jsonl.partial.exists() else []
        kept += [args.db] if args.db else []
        where = f" ({written} article(s) kept in {', '.join(kept)})" if kept else ""
        print(f"interrupted{where}; run again with --resume to carry on", file=sys.stderr)
        return status
    if jsonl:
        jsonl.finish()
    if store:
        if args.parquet:
            store.export_parquet(args.parquet)
        store.close()
    if parquet_tmp:
        parquet_tmp.cleanup()
    if skipped and not args.quiet:
        print(f"{skipped} article(s) already in the output were skipped (--resume)",
              file=sys.stderr)
    if failures:
        print(f"{failures} article(s) could not be analysed; see 'error' in the output",
              file=sys.stderr)
    return 1 if failures else 0


def cmd_report(args: argparse.Namespace) -> int:
    from analysis.report import ReportError, ReportUsageError, render_report
    from analysis.report.corpus import is_corpus_source, render_corpus_report

    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    corpus = is_corpus_source(args.article)
    if corpus and (args.param or args.params_file):
        return _usage_error("-p/-f set an article report's parameters; a corpus report "
                            "takes none")
    try:
        if corpus:
            result = render_corpus_report(args.article, formats=formats, out_dir=args.out,
                                          timeout=args.timeout, workers=args.workers)
        else:
            result = render_report(
                args.article,
                params=dict(args.param or []),
                params_file=args.params_file,
                formats=formats,
                out_dir=args.out,
                timeout=args.timeout,
            )
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, ReportUsageError) else 1
    print(result)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Readability, source diversity and topic proportions of news articles.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    a = sub.add_parser("analyze", help="analyse articles and write one JSON object per article")
    a.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".txt or .html article files, folders of them, or .jsonl record files")
    a.add_argument("-o", "--output", metavar="OUT.jsonl", help="write here instead of stdout")
    a.add_argument("--topics", metavar="TOPICS.yaml",
                   help="topic definitions (default: data/topics.yaml)")
    a.add_argument("--language", metavar="CODE",
                   help="the articles' language, e.g. en (default: detected)")
    a.add_argument("--db", metavar="RESULTS.duckdb",
                   help="also write the results as tables into this DuckDB database "
                        "(an article's earlier rows are replaced)")
    a.add_argument("--parquet", metavar="DIR",
                   help="also write the same tables as Parquet files into DIR")
    a.add_argument("--workers", type=_positive_int, metavar="N",
                   help="worker processes (default: every core; 1 runs in this process)")
    a.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on an existing Dask cluster, e.g. tcp://10.0.0.5:8786")
    a.add_argument("--resume", action="store_true",
                   help="skip articles whose ids are already in the output(s)")
    a.add_argument("--time-limit", type=_seconds, default=120.0, metavar="SECONDS",
                   help="stop analysing an article after this long and record an error "
                        "(default 120; 0 for none; not enforced on a Dask cluster)")
    a.add_argument("--max-article-bytes", type=_positive_int, metavar="N",
                   help="refuse articles larger than this (default 1000000)")
    a.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no notes, only errors")
    a.set_defaults(func=cmd_analyze)

    r = sub.add_parser("report", help="render the notebooks for one article (or a corpus) "
                                      "into HTML and PDF")
    r.add_argument("article", metavar="ARTICLE",
                   help="a .txt or .html article file; or, for a corpus report, a folder of "
                        "articles, a .jsonl file or a results database (.duckdb)")
    r.add_argument("-p", "--param", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help="set a notebook parameter (repeatable)")
    r.add_argument("-f", "--params-file", metavar="params.yaml", help="notebook parameters as YAML")
    r.add_argument("--format", default="html,pdf", help="comma-separated: html, pdf (default both)")
    r.add_argument("--out", metavar="DIR", help="output folder (default: reports/<article-slug>/)")
    r.add_argument("--timeout", type=int, default=600, metavar="SECONDS",
                   help="longest a single notebook cell may run (default 600)")
    r.add_argument("--workers", type=_positive_int, metavar="N",
                   help="corpus report: worker processes analysing the articles "
                        "(default: every core)")
    r.set_defaults(func=cmd_report)
    return parser


def _terminated(signum, frame):  # noqa: ARG001 - signal handler signature
    # SIGTERM unwinds like Ctrl-C: temporary files go, outputs keep their last good state
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminated)
    try:
        return args.func(args)
    except ArticleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; nothing already written was changed", file=sys.stderr)
        return 130
