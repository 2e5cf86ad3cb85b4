"""The one atomic-write helper used by ``analyze -o`` and the report's folder swap."""

from __future__ import annotations

import os
import stat

import pytest

from analysis.atomic import new_sibling_dir, replace_dir, write_atomic


def test_write_atomic_writes_all_chunks_with_the_usual_mode(tmp_path):
    target = tmp_path / "sub" / "out.jsonl"
    write_atomic(target, (f"{i}\n" for i in range(3)))
    assert target.read_text(encoding="utf-8") == "0\n1\n2\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in target.parent.iterdir()] == ["out.jsonl"]


def test_a_failing_writer_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("good\n", encoding="utf-8")

    def chunks():
        yield "half"
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        write_atomic(target, chunks())
    assert target.read_text(encoding="utf-8") == "good\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_replace_dir_swaps_a_folder_and_removes_the_old_one(tmp_path):
    out = tmp_path / "report"
    out.mkdir()
    (out / "old.txt").write_text("old", encoding="utf-8")
    staging = new_sibling_dir(out, "tmp")
    assert staging.parent == tmp_path and staging.name.startswith(".report.tmp-")
    (staging / "new.txt").write_text("new", encoding="utf-8")
    replace_dir(staging, out)
    assert [p.name for p in out.iterdir()] == ["new.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["report"]
