"""A small corpus for the batch tests, and the command that analyses it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from analysis.paths import ROOT, SEED_ARTICLE

SEED_TEXT = SEED_ARTICLE.read_text(encoding="utf-8")
# Short articles in several shapes: a quote with a named speaker, reported speech, a
# topic sentence, none of these.
SHORT = [
    "Talks resume\n\n“We are ready to talk,” Foreign Minister Wang Yi said on Monday.",
    "Port reopens\n\nThe mayor said the port would reopen next week after the storm.",
    "Chips deal\n\nTaiwan agreed to sell more chips to the United States, officials said.",
    "Weather\n\nIt rained all day in the city. The river rose by a metre.",
]


def run(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, **kw)


def write_corpus(path: Path, n: int, *, broken_at: int | None = None) -> list[str]:
    """``n`` records cycling through SHORT and the seed; returns the ids in order."""
    ids = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            if i == broken_at:
                fh.write('{"id": "broken", "text": \n')
            text = SEED_TEXT if i % 5 == 4 else SHORT[i % 5]
            ids.append(f"a{i:04d}")
            fh.write(json.dumps({"id": ids[-1], "text": text, "outlet": "Test",
                                 "published": f"2022-0{i % 3 + 1}-15"}) + "\n")
    return ids
