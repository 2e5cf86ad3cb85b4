"""The ``analyze -o OUT.jsonl`` file: written as it goes, resumable, never half-written.

Lines go to ``.OUT.jsonl.partial`` beside the output, flushed one article at a time, and
the partial file takes the output's place only when the run completes. So a run that is
interrupted never leaves a half-written ``OUT.jsonl`` over a good one, and ``--resume``
carries on from the partial file (or from a complete earlier output) without repeating
or losing an article.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from analysis.atomic import default_mode


def partial_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.partial")


def _ids_in(path: Path) -> set[str]:
    """Ids of the complete lines of a JSONL output (a torn last line is ignored)."""
    ids: set[str] = set()
    with path.open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            try:
                ids.add(str(json.loads(raw)["id"]))
            except (ValueError, KeyError, TypeError):
                continue
    return ids


def _drop_torn_last_line(path: Path) -> None:
    """Cut a line that a kill left without its newline."""
    with path.open("rb+") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        if size == 0:
            return
        pos = size
        while pos > 0:
            step = min(65536, pos)
            fh.seek(pos - step)
            block = fh.read(step)
            if pos == size and block.endswith(b"\n"):
                return
            cut = block.rfind(b"\n")
            if cut >= 0:
                fh.truncate(pos - step + cut + 1)
                return
            pos -= step
        fh.truncate(0)


class JsonlOutput:
    """Append-as-you-go JSONL output that replaces ``path`` only when complete."""

    def __init__(self, path: str | Path, *, resume: bool = False):
        self.path = Path(path)
        self.partial = partial_path(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.done: set[str] = set()
        if resume and self.partial.exists():
            _drop_torn_last_line(self.partial)
            self.done = _ids_in(self.partial)
            mode = "ab"
        elif resume and self.path.exists():
            # an earlier complete run: keep its lines, add what is missing
            self.done = _ids_in(self.path)
            with self.path.open("rb") as src, self.partial.open("wb") as dst:
                while block := src.read(1 << 20):
                    dst.write(block)
            _drop_torn_last_line(self.partial)
            mode = "ab"
        else:
            mode = "wb"
        self.fh = self.partial.open(mode)

    def write(self, result: dict) -> None:
        self.write_line(json.dumps(result, ensure_ascii=False))

    def write_line(self, line: str) -> None:
        """One result already serialised as a line of JSON (without its newline)."""
        self.fh.write((line + "\n").encode("utf-8"))
        self.fh.flush()  # a kill loses at most the article being written

    def finish(self) -> None:
        """Move the complete output into place, with the mode a plain open() gives."""
        self.fh.close()
        os.chmod(self.partial, default_mode(directory=False))
        os.replace(self.partial, self.path)

    def abandon(self) -> None:
        """Stop without replacing the output; keep the partial file for ``--resume``
        unless it holds nothing."""
        self.fh.close()
        if self.partial.exists() and self.partial.stat().st_size == 0:
            self.partial.unlink()
