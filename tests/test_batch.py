"""Batch analysis through the command line: workers, resume, outputs, bad records.

Every test runs the real command in a subprocess, as a user would.
"""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_corpus import SEED_TEXT, SHORT, run, write_corpus

from analysis.paths import ROOT, SEED_ARTICLE


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[str]]:
    tmp = tmp_path_factory.mktemp("corpus")
    path = tmp / "corpus.jsonl"
    ids = write_corpus(path, 30, broken_at=7)
    return path, ids


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path_factory.mktemp("serial") / "out.jsonl"
    proc = run("analyze", str(corpus[0]), "--workers", "1", "-o", str(out))
    return proc, out


def test_broken_record_is_an_error_row_and_the_rest_is_analysed(corpus, serial):
    path, ids = corpus
    proc, out = serial
    assert proc.returncode == 1, proc.stderr
    rows = jsonl(out)
    # the broken line sits before record 7: it keeps its place, with its line number
    assert [r["id"] for r in rows] == ids[:7] + ["corpus:8"] + ids[7:]
    broken = rows[7]
    assert broken["error"].startswith(f"{path}:8: invalid JSON")
    assert all(r["error"] is None for r in rows if r["id"] != "corpus:8")
    assert "1 article(s) could not be analysed" in proc.stderr


def test_output_does_not_depend_on_the_number_of_workers(corpus, serial, tmp_path):
    out = tmp_path / "out2.jsonl"
    proc = run("analyze", str(corpus[0]), "--workers", "2", "-o", str(out))
    assert proc.returncode == 1, proc.stderr
    assert out.read_bytes() == serial[1].read_bytes()


def test_duplicate_ids_are_renamed_and_both_analysed(tmp_path):
    path = tmp_path / "dups.jsonl"
    path.write_text("\n".join(json.dumps({"id": "same", "text": t}) for t in SHORT[:3]) + "\n",
                    encoding="utf-8")
    proc = run("analyze", str(path), "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in jsonl_text(proc.stdout)] == ["same", "same~2", "same~3"]
    assert f"{path}:2: id 'same' seen before; this article is 'same~2'" in proc.stderr


def jsonl_text(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_database_and_parquet_hold_the_same_tables(corpus, serial, tmp_path):
    import duckdb

    db, pq = tmp_path / "r.duckdb", tmp_path / "pq"
    proc = run("analyze", str(corpus[0]), "--workers", "2", "--db", str(db), "--parquet", str(pq))
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""  # results went to the database, not the terminal
    expected = jsonl(serial[1])
    con = duckdb.connect(str(db), read_only=True)
    ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY position").fetchall()]
    assert ids == [r["id"] for r in expected]
    errors = con.execute("SELECT id, error FROM articles WHERE error IS NOT NULL").fetchall()
    assert [e[0] for e in errors] == ["corpus:8"]
    for table, count in [
        ("quotes", sum(len(r["quotes"]) for r in expected)),
        ("sources", sum(len(r["sources"]) for r in expected)),
        ("topics", sum(sum(1 for k in r["topics"] if not k.startswith("_")) for r in expected)),
        ("topic_sentences", sum(len(t["sentences"]) for r in expected
                                for k, t in r["topics"].items() if not k.startswith("_"))),
        ("readability", len(expected) - 1),
    ]:
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == count, table
        parquet = str(pq / f"{table}.parquet")
        assert con.execute(f"SELECT count(*) FROM read_parquet('{parquet}')").fetchone()[0] \
            == count, table
    # one article's figures, read back: the seed's consensus grade and first quote
    seed = next(r for r in expected if r["id"] == "a0004")
    grade, = con.execute("SELECT consensus_grade FROM readability WHERE id = 'a0004'").fetchone()
    assert grade == seed["readability"]["consensus_grade"]
    first = con.execute("SELECT speaker, text FROM quotes WHERE id = 'a0004' "
                        "AND quote_index = 0").fetchone()
    assert first == (seed["quotes"][0]["speaker"], seed["quotes"][0]["text"])
    con.close()


def test_rerunning_into_the_database_replaces_rows(corpus, tmp_path):
    import duckdb

    db = tmp_path / "r.duckdb"
    small = tmp_path / "small.jsonl"
    write_corpus(small, 5)
    for _ in range(2):
        assert run("analyze", str(small), "--workers", "1", "--db", str(db)).returncode == 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (5, 5)
    # the seed (a0004) has 17 quotes in its hand-checked reading (tests/test_quotes.py)
    assert con.execute("SELECT count(*) FROM quotes WHERE id = 'a0004'").fetchone()[0] == 17
    con.close()


def _kill_when(proc: subprocess.Popen, ready, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        assert proc.poll() is None, "finished before it could be interrupted"
        assert time.monotonic() < deadline, "never reached the point to interrupt"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_resume_after_a_kill_completes_without_duplicates(tmp_path, corpus, serial):
    out = tmp_path / "out.jsonl"
    partial = tmp_path / ".out.jsonl.partial"
    args = [sys.executable, "-m", "analysis", "analyze", str(corpus[0]), "--workers", "1",
            "-o", str(out)]
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _kill_when(proc, lambda: partial.exists() and partial.read_bytes().count(b"\n") >= 10)
    assert not out.exists()  # nothing half-written where the output goes
    broken_done = b'"corpus:8"' in partial.read_bytes()
    resumed = run("analyze", str(corpus[0]), "--workers", "2", "-o", str(out), "--resume")
    # the exit status is this run's: 1 only if the broken record was left for it to meet
    assert resumed.returncode == (0 if broken_done else 1), resumed.stderr
    assert "already in the output were skipped (--resume)" in resumed.stderr
    assert not partial.exists()
    assert out.read_bytes() == serial[1].read_bytes()


def test_killed_database_run_is_consistent_and_resumes(tmp_path, corpus, serial):
    import duckdb

    out, db = tmp_path / "out.jsonl", tmp_path / "r.duckdb"
    partial = tmp_path / ".out.jsonl.partial"
    args = [sys.executable, "-m", "analysis", "analyze", str(corpus[0]), "--workers", "1",
            "-o", str(out), "--db", str(db)]
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _kill_when(proc, lambda: partial.exists() and partial.read_bytes().count(b"\n") >= 25)
    expected = {r["id"]: r for r in jsonl(serial[1])}
    con = duckdb.connect(str(db), read_only=True)
    present = [r[0] for r in con.execute("SELECT id FROM articles").fetchall()]
    for aid in present:  # whatever made it in is whole: every quote row with its article
        n, = con.execute("SELECT count(*) FROM quotes WHERE id = ?", [aid]).fetchone()
        assert n == len(expected[aid]["quotes"]), aid
    con.close()
    resumed = run("analyze", str(corpus[0]), "--workers", "2", "-o", str(out), "--db", str(db),
                  "--resume")
    assert resumed.returncode in (0, 1), resumed.stderr  # 1 if the broken record was left
    con = duckdb.connect(str(db), read_only=True)
    ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY position").fetchall()]
    assert ids == list(expected)
    total, = con.execute("SELECT count(*) FROM quotes").fetchone()
    assert total == sum(len(r["quotes"]) for r in expected.values())
    con.close()
    assert out.read_bytes() == serial[1].read_bytes()


def test_resume_skips_what_the_database_already_has(tmp_path, corpus):
    import duckdb

    db = tmp_path / "r.duckdb"
    first = tmp_path / "first.jsonl"
    first.write_text("".join(corpus[0].read_text(encoding="utf-8").splitlines(True)[:4]),
                     encoding="utf-8")
    assert run("analyze", str(first), "--workers", "1", "--db", str(db)).returncode == 0
    # the same records under another file name: ids come from the records, so 4 are done
    again = tmp_path / "again.jsonl"
    again.write_text("".join(corpus[0].read_text(encoding="utf-8").splitlines(True)[:6]),
                     encoding="utf-8")
    proc = run("analyze", str(again), "--workers", "1", "--db", str(db), "--resume")
    assert proc.returncode == 0, proc.stderr
    assert "4 article(s) already in the output were skipped" in proc.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
    con.close()


def test_time_limit_turns_a_slow_article_into_an_error_row(tmp_path):
    # 1 ms is far below what parsing and analysing the seed takes (tens of ms)
    proc = run("analyze", str(SEED_ARTICLE), "--workers", "1", "--time-limit", "0.001")
    assert proc.returncode == 1
    row, = jsonl_text(proc.stdout)
    assert "longer than the time limit of 0.001 s" in row["error"]


def test_article_over_the_size_limit_is_refused_naming_the_limit(tmp_path):
    proc = run("analyze", str(SEED_ARTICLE), "--max-article-bytes", "1000")
    assert proc.returncode == 1
    row, = jsonl_text(proc.stdout)
    size = SEED_ARTICLE.stat().st_size
    assert f"article is {size:,} bytes, over the limit of 1,000 bytes" in row["error"]


def test_closed_output_pipe_ends_quietly(corpus):
    proc = subprocess.run(
        f"{sys.executable} -m analysis analyze {corpus[0]} --workers 2 | head -n 1",
        shell=True, cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert len(proc.stdout.splitlines()) == 1
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr, proc.stderr


def test_progress_bar_shows_total_on_a_terminal(tmp_path):
    path = tmp_path / "three.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"t{i}", "text": t})
                              for i, t in enumerate(SHORT[:3])) + "\n", encoding="utf-8")
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "analyze", str(path),
                             "--workers", "1", "-o", str(tmp_path / "o.jsonl")],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=120)
    os.close(leader)
    assert proc.returncode == 0
    assert b"/3 " in seen  # done/total
    quiet = run("analyze", str(path), "--workers", "1", "-q", "-o", str(tmp_path / "q.jsonl"))
    assert quiet.stderr == ""


def test_resume_without_an_output_is_a_usage_error():
    proc = run("analyze", str(SEED_ARTICLE), "--resume")
    assert proc.returncode == 2
    assert "--resume needs an output" in proc.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_unwritable_output_folder_is_a_usage_error(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        proc = run("analyze", str(SEED_ARTICLE), "-o", str(locked / "out.jsonl"))
    finally:
        locked.chmod(0o700)
    assert proc.returncode == 2
    assert "cannot write the output here (Permission denied)" in proc.stderr


def test_output_under_a_file_is_a_usage_error(tmp_path):
    # a path whose parent is a file cannot be written by anyone, root included
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    proc = run("analyze", str(SEED_ARTICLE), "-o", str(blocker / "out.jsonl"))
    assert proc.returncode == 2
    assert f"{blocker / 'out.jsonl'}: cannot write the output here" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("meta, message", [
    ("headline: [a, b]\n", "field 'headline' should be text, got list"),
    ("outlet: 42\n", "field 'outlet' should be text, got int 42"),
    ("published: {year: 2022}\n", "field 'published' should be a date (YYYY-MM-DD)"),
])
def test_sidecar_with_wrong_types_is_an_error_row(tmp_path, meta, message):
    article = tmp_path / "story.txt"
    article.write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "story.meta.yaml").write_text(meta, encoding="utf-8")
    proc = run("analyze", str(article))
    assert proc.returncode == 1
    row, = jsonl_text(proc.stdout)
    assert row["error"] == f"{tmp_path / 'story.meta.yaml'}: {message}" or \
        row["error"].startswith(f"{tmp_path / 'story.meta.yaml'}: {message}")


def test_report_refuses_an_article_over_the_size_limit_at_once(tmp_path):
    big = tmp_path / "big.txt"
    # the seed's paragraphs repeated past the default limit of 1,000,000 bytes
    body = SEED_TEXT.partition("\n\n")[2]
    big.write_text("A very long article\n\n" + "\n\n".join([body] * 200), encoding="utf-8")
    size = big.stat().st_size
    assert size > 1_000_000
    proc = run("report", str(big), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"error: {big}: article is {size:,} bytes, over the limit of 1,000,000 bytes "
        "(raise it with --max-article-bytes or NEWS_REPORT_MAX_ARTICLE_BYTES)")
    assert not (tmp_path / "out").exists()
