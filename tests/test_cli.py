"""The `analyze` JSON Lines contract, end to end through the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.paths import ROOT, SEED_ARTICLE

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
CONTRACT_KEYS = {"id", "error", "readability", "quotes", "sources", "diversity", "topics"}
READABILITY_KEYS = {
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
    "linsear_write",
    "consensus_grade",
    "sentences",
    "words",
    "syllables",
}


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def mixed_batch(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    tmp = tmp_path_factory.mktemp("batch")
    jsonl = tmp / "records.jsonl"
    seed_text = SEED_ARTICLE.read_text(encoding="utf-8")
    jsonl.write_text(
        "\n".join(
            [
                json.dumps({"id": "rec-seed", "text": seed_text, "outlet": "Al Jazeera"}),
                "{broken",
                json.dumps({"id": "rec-short", "text": "Prices rose. Officials said so."}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp / "out.jsonl"
    proc = run("analyze", str(SEED_ARTICLE), str(FIXTURES / "harbour-tariffs.html"), str(jsonl),
               "-o", str(out))
    return proc, out


def test_every_input_gets_one_line_in_input_order(mixed_batch):
    proc, out = mixed_batch
    results = lines(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in results] == [
        "aljazeera-2022-03-18-biden-xi-call-russia",
        "harbour-tariffs",
        "rec-seed",
        "records:2",
        "rec-short",
    ]
    for r in results:
        assert CONTRACT_KEYS <= set(r)


def test_one_bad_record_gets_an_error_and_the_run_goes_on(mixed_batch):
    proc, out = mixed_batch
    results = {r["id"]: r for r in lines(out.read_text(encoding="utf-8"))}
    assert "invalid JSON" in results["records:2"]["error"]
    assert results["records:2"]["readability"] == {}
    assert results["rec-short"]["error"] is None
    assert proc.returncode == 1  # some records failed; the output is still complete
    assert "invalid JSON" in proc.stderr


def test_readability_fields_are_filled(mixed_batch):
    _, out = mixed_batch
    for r in lines(out.read_text(encoding="utf-8")):
        if r["error"] is None:
            assert READABILITY_KEYS <= set(r["readability"])
            assert r["readability"]["words"] > 0


def test_jsonl_offsets_refer_to_the_text_as_given(mixed_batch):
    _, out = mixed_batch
    seed_text = SEED_ARTICLE.read_text(encoding="utf-8")
    rec = next(r for r in lines(out.read_text(encoding="utf-8")) if r["id"] == "rec-seed")
    for q in rec["quotes"]:
        assert seed_text[q["start"] : q["end"]] == q["text"]
    for topic_id, topic in rec["topics"].items():
        if topic_id.startswith("_"):
            continue
        for s in topic["sentences"]:
            assert s["end"] > s["start"]
            assert seed_text[s["start"] : s["end"]].strip()


def test_txt_and_jsonl_of_the_same_article_agree(mixed_batch):
    _, out = mixed_batch
    results = {r["id"]: r for r in lines(out.read_text(encoding="utf-8"))}
    txt = results["aljazeera-2022-03-18-biden-xi-call-russia"]
    rec = results["rec-seed"]
    assert txt["readability"] == rec["readability"]
    assert [q["start"] for q in txt["quotes"]] == [q["start"] for q in rec["quotes"]]


def test_stdout_when_no_output_file():
    proc = run("analyze", str(SEED_ARTICLE))
    assert proc.returncode == 0, proc.stderr
    (result,) = lines(proc.stdout)
    assert result["error"] is None
    assert result["outlet"] == "Al Jazeera"


@pytest.mark.parametrize(
    ("make_input", "message"),
    [
        (lambda tmp: tmp / "missing.txt", "no such file"),
        (lambda tmp: (tmp / "empty-folder").mkdir() or tmp / "empty-folder", "holds no articles"),
    ],
)
def test_fatal_input_exits_2_and_keeps_existing_output(tmp_path, make_input, message):
    out = tmp_path / "keep.jsonl"
    out.write_text('{"id": "earlier"}\n', encoding="utf-8")
    proc = run("analyze", str(make_input(tmp_path)), "-o", str(out))
    assert proc.returncode == 2
    assert message in proc.stderr
    assert out.read_text(encoding="utf-8") == '{"id": "earlier"}\n'
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_bad_single_file_exits_nonzero_with_reason(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("   \n", encoding="utf-8")
    proc = run("analyze", str(bad))
    assert proc.returncode == 1
    assert f"{bad}: the file is empty" in proc.stderr
    (result,) = lines(proc.stdout)
    assert result["id"] == "empty" and "empty" in result["error"]


def test_output_file_gets_the_usual_permissions(mixed_batch):
    import os

    _, out = mixed_batch
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
