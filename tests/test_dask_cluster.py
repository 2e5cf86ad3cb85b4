"""`analyze --scheduler` on a real Dask cluster: a scheduler and two workers, each its own
process on loopback, started with Dask's own command line as an operator would."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_corpus import run, write_corpus

from analysis.paths import ROOT

DASK = Path(sys.executable).with_name("dask")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if not DASK.exists():
        pytest.skip(f"the dask command line is not installed beside {sys.executable}")
    tmp = tmp_path_factory.mktemp("cluster")
    info = tmp / "scheduler.json"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False",
           "PYTHONPATH": str(ROOT)}  # workers import the package under test
    common = dict(cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                  start_new_session=True)
    procs = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0",
                               "--no-dashboard", "--scheduler-file", str(info)], **common)]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() or not info.read_text().strip():
            assert procs[0].poll() is None, "the scheduler exited"
            assert time.monotonic() < deadline, "the scheduler did not start in 60 s"
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        for _ in range(2):
            procs.append(subprocess.Popen(
                [str(DASK), "worker", "--scheduler-file", str(info), "--nthreads", "1",
                 "--no-dashboard", "--host", "127.0.0.1", "--memory-limit", "0"], **common))
        from dask.distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for p in reversed(procs):
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)


def test_cluster_results_equal_the_serial_run(cluster, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 40, broken_at=11)
    serial, remote = tmp_path / "serial.jsonl", tmp_path / "remote.jsonl"
    first = run("analyze", str(corpus), "--workers", "1", "-o", str(serial))
    assert first.returncode == 1, first.stderr  # the broken record
    proc = run("analyze", str(corpus), "--scheduler", cluster, "-o", str(remote),
               "--db", str(tmp_path / "r.duckdb"))
    assert proc.returncode == 1, proc.stderr
    assert remote.read_bytes() == serial.read_bytes()
    import duckdb

    con = duckdb.connect(str(tmp_path / "r.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 41
    con.close()


def test_without_the_flag_dask_is_not_imported(tmp_path):
    code = ("import sys; from analysis.cli import main; "
            f"rc = main(['analyze', {str(ROOT / 'data' / 'articles')!r}, '--workers', '2', "
            f"'-o', {str(tmp_path / 'o.jsonl')!r}]); "
            "print(rc, sorted(m for m in sys.modules if m.split('.')[0] in "
            "('dask', 'distributed')))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert proc.stdout.strip() == "0 []", proc.stderr
