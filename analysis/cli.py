"""Command line: ``python -m analysis analyze ...`` and ``python -m analysis report ...``.

Exit codes: 0 all good; 1 some articles could not be analysed (the output still holds
a line for each, with its ``error``) or the report failed; 2 unusable arguments or input
(nothing was written).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from analysis.article import ArticleError
from analysis.atomic import write_atomic


def cmd_analyze(args: argparse.Namespace) -> int:
    from analysis.inputs import iter_records
    from analysis.pipeline import analyze_record

    topics = None
    if args.topics:
        from analysis.topics import load_topics

        try:
            topics = load_topics(args.topics)
        except ValueError as exc:  # TopicFileError: names the file and line
            print(f"error: {exc}", file=sys.stderr)
            return 2

    failures = 0

    def results():
        nonlocal failures
        from tqdm import tqdm

        # a progress bar only for a person watching a terminal, never in logs or pipes
        records = tqdm(iter_records(args.inputs), unit=" articles", file=sys.stderr,
                       disable=not sys.stderr.isatty(), leave=False)
        for record in records:
            result = analyze_record(record, topics=topics, language=args.language)
            if result["error"]:
                failures += 1
                tqdm.write(f"error: {result['error']}", file=sys.stderr)
            yield json.dumps(result, ensure_ascii=False) + "\n"

    if args.output:
        write_atomic(Path(args.output), results())
    else:
        for line in results():
            sys.stdout.write(line)
        sys.stdout.flush()
    if failures:
        print(f"{failures} article(s) could not be analysed; see 'error' in the output",
              file=sys.stderr)
    return 1 if failures else 0


def cmd_report(args: argparse.Namespace) -> int:
    from analysis.report import ReportError, ReportUsageError, render_report

    params: dict[str, str] = {}
    for name, value in args.param or []:
        params[name] = value
    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    try:
        result = render_report(
            args.article,
            params=params,
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
    a.set_defaults(func=cmd_analyze)

    r = sub.add_parser("report", help="render the notebooks for one article into HTML and PDF")
    r.add_argument("article", metavar="ARTICLE", help="a .txt or .html article file")
    r.add_argument("-p", "--param", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help="set a notebook parameter (repeatable)")
    r.add_argument("-f", "--params-file", metavar="params.yaml", help="notebook parameters as YAML")
    r.add_argument("--format", default="html,pdf", help="comma-separated: html, pdf (default both)")
    r.add_argument("--out", metavar="DIR", help="output folder (default: reports/<article-slug>/)")
    r.add_argument("--timeout", type=int, default=600, metavar="SECONDS",
                   help="longest a single notebook cell may run (default 600)")
    r.set_defaults(func=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ArticleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
