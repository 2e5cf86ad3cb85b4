"""Cost against article length: is `analyze` linear from 1 KB to 10 MB?

Run: ``.venv/bin/python bench/bench_size.py``. Prints a markdown report and writes it to
``bench/results/size.md``.

Articles are the seed's headline over its body repeated to each size: as paragraphs
(the shape of a long article) and as one paragraph with no line breaks (the shape of a
scrape gone wrong), up to 1 MB. Time is CPU time of one process (parse and the whole
analysis, in-process, caches warm from one seed run first), so other jobs on the machine
disturb it less than wall time. Linear cost shows as a flat "ms per KB" column.

Articles over 1,000,000 bytes are refused by default (`--max-article-bytes`); this
benchmark calls the analysis directly to show what the limit protects against.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.article import parse_text  # noqa: E402
from analysis.pipeline import analyze_article  # noqa: E402

SEED = ROOT / "data" / "articles" / "aljazeera-2022-03-18-biden-xi-call-russia.txt"
OUT = ROOT / "bench" / "results" / "size.md"
SIZES = [1_000, 10_000, 100_000, 1_000_000, 5_000_000, 10_000_000]
ONE_PARAGRAPH_SIZES = [1_000, 10_000, 100_000, 1_000_000]


def article_of(size: int, one_paragraph: bool) -> str:
    head, _, body = SEED.read_text(encoding="utf-8").partition("\n\n")
    if one_paragraph:
        body = " ".join(body.split())
    sep = " " if one_paragraph else "\n\n"
    text = body
    while len(text) < size:
        text = text + sep + body
    cut = text.rfind(" ", 0, size) if len(text) > size else len(text)
    return head + "\n\n" + text[:cut]


def measure(text: str) -> float:
    start = time.process_time()
    analyze_article(parse_text(text, id="size"))
    return time.process_time() - start


def main() -> None:
    analyze_article(parse_text(SEED.read_text(encoding="utf-8"), id="warm-up"))
    lines = ["# Cost against article length", "",
             "`bench/bench_size.py`: CPU seconds for parse + readability + sources + topics, "
             "in one process.", "",
             "| shape | size (KB) | seconds | ms per KB |", "|---|---:|---:|---:|"]
    per_kb: dict[str, list[float]] = {}
    for shape, sizes in (("paragraphs", SIZES), ("one paragraph", ONE_PARAGRAPH_SIZES)):
        for size in sizes:
            text = article_of(size, shape == "one paragraph")
            seconds = measure(text)
            kb = len(text.encode("utf-8")) / 1000
            per_kb.setdefault(shape, []).append(1000 * seconds / kb)
            lines.append(f"| {shape} | {kb:,.0f} | {seconds:.2f} | {1000 * seconds / kb:.2f} |")
            print(lines[-1], file=sys.stderr, flush=True)
    lines.append("")
    for shape, costs in per_kb.items():
        # the smallest sizes carry fixed costs; linearity is judged from 10 KB up
        tail = costs[1:]
        lines.append(f"- {shape}: ms per KB from 10 KB up ranges {min(tail):.2f}–{max(tail):.2f}"
                     f" (largest/10 KB: {tail[-1] / tail[0]:.2f}x; 1.00x is exactly linear)")
    report = "\n".join(lines) + "\n"
    OUT.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
