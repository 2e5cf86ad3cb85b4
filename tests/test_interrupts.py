"""Nothing lost on interruption (issue 12): real processes, real signals.

The report runs a fixture section that sleeps (``tests/fixtures/notebooks/slow.ipynb``)
so that a signal lands mid-run; each test starts from a complete previous report and
checks that it is still there, whole, afterwards.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.paths import ROOT, SEED_ARTICLE

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"
RENDER = """
import sys
from analysis.cli import _terminated
import signal
# Ctrl-C's default handling, even when the test run itself was started with SIGINT
# ignored (a background job of a shell without job control passes SIG_IGN on to its
# children, and the signal sent below would then never arrive)
signal.signal(signal.SIGINT, signal.default_int_handler)
signal.signal(signal.SIGTERM, _terminated)
from analysis.report import render_report
try:
    r = render_report(sys.argv[1], out_dir=sys.argv[2], formats=("html",),
                      notebooks=[sys.argv[3]], params={"seconds": float(sys.argv[4])})
except KeyboardInterrupt:
    sys.exit(130)
print(r.out_dir)
"""


def start_render(out: Path, seconds: float) -> subprocess.Popen:
    # the same SIGTERM handling as `python -m analysis report`, on a sleeping section
    return subprocess.Popen(
        [sys.executable, "-c", RENDER, str(SEED_ARTICLE), str(out),
         str(FIXTURES / "slow.ipynb"), str(seconds)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def previous_report(out: Path) -> dict[str, str]:
    out.mkdir(parents=True)
    files = {"report.html": "<p>the previous report</p>", "metrics.json": '{"id": "old"}'}
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    return files


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir()
                  if p.name.startswith(f".{out.name}.") and p.is_dir())


def wait_for_staging(out: Path, proc: subprocess.Popen, timeout: float = 120) -> None:
    """Until the run has its staging folder and its section is executing."""
    deadline = time.monotonic() + timeout
    while True:
        staged = [p for p in out.parent.glob(f".{out.name}.tmp-*") if p.is_dir()]
        if staged and any(staged[0].iterdir()):  # papermill has written the notebook
            return
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the run never reached its section"
        time.sleep(0.1)


@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signal_mid_report_keeps_the_previous_report_and_removes_temporary_files(
        tmp_path, sig, code):
    out = tmp_path / "report"
    files = previous_report(out)
    proc = start_render(out, seconds=120)
    wait_for_staging(out, proc)
    proc.send_signal(sig)
    proc.communicate(timeout=120)
    assert proc.returncode == code
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == files
    assert leftovers(out) == []


def test_after_a_kill_the_next_run_cleans_up_and_completes(tmp_path):
    out = tmp_path / "report"
    files = previous_report(out)
    proc = start_render(out, seconds=120)
    wait_for_staging(out, proc)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    # at worst a temporary folder is left, and the previous report is whole
    assert len(leftovers(out)) == 1
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == files
    done = start_render(out, seconds=0)
    stdout, stderr = done.communicate(timeout=300)
    assert done.returncode == 0, stderr
    assert leftovers(out) == []
    assert sorted(p.name for p in out.iterdir()) == ["metrics.json", "report.html", "slow.ipynb"]
    assert json.loads((out / "metrics.json").read_text(encoding="utf-8"))["id"] == \
        "aljazeera-2022-03-18-biden-xi-call-russia"


def test_two_runs_at_once_end_with_one_complete_report(tmp_path):
    out = tmp_path / "report"
    runs = [start_render(out, seconds=s) for s in (2, 3)]
    results = [r.communicate(timeout=300) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], [e for _, e in results]
    assert sorted(p.name for p in out.iterdir()) == ["metrics.json", "report.html", "slow.ipynb"]
    assert "done" in (out / "slow.ipynb").read_text(encoding="utf-8")  # executed, whole
    assert leftovers(out) == []


def test_sigterm_mid_analyze_keeps_the_previous_output(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    seed = SEED_ARTICLE.read_text(encoding="utf-8")
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": seed}) + "\n"
                              for i in range(400)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "previous"}\n', encoding="utf-8")
    partial = tmp_path / ".out.jsonl.partial"
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "analyze", str(corpus),
                             "--workers", "2", "-o", str(out)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.monotonic() + 300
    while not (partial.exists() and partial.read_bytes().count(b"\n") >= 5):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGTERM)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 143, stderr
    assert "Traceback" not in stderr
    assert out.read_text(encoding="utf-8") == '{"id": "previous"}\n'
    # what was done is kept for --resume, whole lines only
    lines = partial.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["id"].startswith("a") for line in lines)
