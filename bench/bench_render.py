"""Rendering the seed report: wall time and peak memory, in-process against the CLI tools.

Run: ``.venv/bin/python bench/bench_render.py [--repeat N]``. Prints a markdown table and
writes it to ``bench/results/render.md``.

Two ways to get the same report notebooks executed and converted, each run in a fresh
Python process so that imports and kernel starts are counted, on the bundled article,
in the same run:

* **in-process**: ``python -m analysis report`` — one process executes every report
  notebook with ``papermill.execute_notebook`` (one kernel per notebook), converts the
  joined notebook to HTML with nbconvert's Python API and prints that HTML to PDF with
  WeasyPrint, and writes ``metrics.json``.
* **CLI tools**: what a user would otherwise script: for each notebook ``papermill
  NB OUT -k news-report --cwd ROOT -p article_path ...``, then ``jupyter nbconvert --to
  html --no-input`` and ``jupyter nbconvert --to weasypdf`` over the executed notebooks
  (nbconvert's own ``pdf`` needs TeX and ``webpdf`` a browser, so the PDF step uses this
  project's exporter in both routes). It gives one HTML and one PDF per notebook rather
  than one joined report, and no metrics.

Peak memory is the largest total resident set size of the process tree (the driver, its
kernels and CLI subprocesses), sampled every 20 ms with psutil (installed with
ipykernel); the median over the repeats is shown for both time and memory.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.paths import SEED_ARTICLE  # noqa: E402
from analysis.report import find_sections  # noqa: E402

OUT = ROOT / "bench" / "results" / "render.md"
BIN = Path(sys.executable).parent


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def measure(cmd: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak tree RSS in bytes and stdout of ``cmd``."""
    started = time.perf_counter()
    proc = psutil.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc))
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    return seconds, peak, out


def in_process_cmd(out_dir: Path) -> list[str]:
    return [str(BIN / "python"), __file__, "--worker", str(out_dir)]


def cli_cmd(out_dir: Path, notebooks: list[Path]) -> list[str]:
    """One shell script doing what a user would with the CLI tools."""
    lines = ["set -e"]
    for nb in notebooks:
        lines.append(
            f"'{BIN}/papermill' '{nb}' '{out_dir}/{nb.name}' -k news-report --cwd '{ROOT}' "
            f"-p article_path '{SEED_ARTICLE}' --no-progress-bar --log-level WARNING"
        )
    executed = " ".join(f"'{out_dir}/{nb.name}'" for nb in notebooks)
    lines.append(f"'{BIN}/jupyter' nbconvert --to html --no-input {executed} --log-level WARN")
    lines.append(f"'{BIN}/jupyter' nbconvert --to weasypdf {executed} --log-level WARN")
    return ["bash", "-c", "\n".join(lines)]


def worker(out_dir: str) -> None:
    from analysis.report import render_report

    result = render_report(SEED_ARTICLE, out_dir=out_dir)
    print(json.dumps({"timings": result.timings, "sections": result.sections}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--worker", metavar="OUT_DIR")
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return

    sections, _ = find_sections()
    notebooks = [s.path for s in sections]
    runs: dict[str, list[tuple[float, int]]] = {"in-process": [], "CLI tools": []}
    steps: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            # alternate the order so neither route always runs with warmer caches
            order = ["in-process", "CLI tools"] if i % 2 == 0 else ["CLI tools", "in-process"]
            for route in order:
                out = Path(tmp) / f"{route.replace(' ', '-')}-{i}"
                if route == "in-process":
                    seconds, peak, stdout = measure(in_process_cmd(out))
                    steps.append(json.loads(stdout.strip().splitlines()[-1])["timings"])
                else:
                    out.mkdir()
                    seconds, peak, _ = measure(cli_cmd(out, notebooks))
                runs[route].append((seconds, peak))

    names = ", ".join(s.name for s in sections)
    lines = [
        "# Rendering the seed report",
        "",
        f"Notebooks: {names}. Median of {args.repeat} runs each, same machine, same run; "
        "each run starts a fresh process (imports and kernel starts included).",
        "",
        "| route | wall time (s) | peak memory of the process tree (MiB) | output |",
        "|---|---:|---:|---|",
    ]
    outputs = {
        "in-process": "one joined report.html + report.pdf, executed notebooks, metrics.json",
        "CLI tools": "one HTML and one PDF per notebook, executed notebooks",
    }
    for route, values in runs.items():
        t = statistics.median(v[0] for v in values)
        m = statistics.median(v[1] for v in values) / 2**20
        lines.append(f"| {route} | {t:.1f} | {m:.0f} | {outputs[route]} |")
    lines += ["", "In-process steps (median seconds):", "", "| step | s |", "|---|---:|"]
    for key in steps[0]:
        lines.append(f"| {key} | {statistics.median(s[key] for s in steps):.2f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
