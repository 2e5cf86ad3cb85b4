"""Importing the readability modules defines things and does nothing else: no file of
``data/`` is read and textstat is neither imported nor patched until first use
(issue 12, item 6). Checked in a fresh interpreter, with ``open`` spied on."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = r"""
import builtins, io, json, sys
opened = []
_open = builtins.open
def spy(file, *args, **kwargs):
    opened.append(str(file))
    return _open(file, *args, **kwargs)
builtins.open = io.open = spy

import analysis.readability as rd
from analysis import readability_knowledge, word_difficulty, language

state = {
    "opened_at_import": [p for p in opened if p.endswith(".yaml")],
    "textstat_imported_at_import": "textstat" in sys.modules,
    "knowledge_cached_at_import": readability_knowledge.readability_knowledge.cache_info().currsize,
}
r = rd.readability_of_text("The cat sat on the mat. The dog sat on the log.")
state["opened_after_use"] = [p for p in opened if p.endswith("readability.yaml")]
state["grade_after_use"] = r["consensus_grade"]
from analysis.textstat_offline import is_installed
state["patched_before_textstat_call"] = is_installed()
rd.textstat_scores("The cat sat on the mat.")
state["patched_after_textstat_call"] = is_installed()
print(json.dumps(state))
"""


def _probe() -> dict:
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_importing_readability_reads_no_readability_data_and_leaves_textstat_alone():
    state = _probe()
    # no knowledge file at all: neither readability's nor the text layer's word lists
    assert state["opened_at_import"] == []
    assert state["knowledge_cached_at_import"] == 0
    assert state["textstat_imported_at_import"] is False


def test_first_use_reads_the_knowledge_once_and_patches_textstat_on_first_call():
    state = _probe()
    assert len(state["opened_after_use"]) == 1  # read on first use, then cached
    assert state["grade_after_use"] is not None
    assert state["patched_before_textstat_call"] is False  # grading never needs textstat's
    assert state["patched_after_textstat_call"] is True
