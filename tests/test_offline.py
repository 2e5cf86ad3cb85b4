"""No network at run time: textstat's syllable counting and the readability notebook run
with every non-local connection refused (tests/offline/sitecustomize.py, loaded by the
subprocess and by the notebook kernel it starts) and NLTK_DATA pointing at an empty
folder, so a cached NLTK download cannot hide a download attempt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.paths import NOTEBOOKS, ROOT

BLOCKER = Path(__file__).parent / "offline"


def _offline_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    log = tmp_path / "network.log"
    nltk_data = tmp_path / "nltk_data"
    nltk_data.mkdir()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(BLOCKER), str(ROOT), env.get("PYTHONPATH", "")])
    env["NETWORK_BLOCK_LOG"] = str(log)
    env["NLTK_DATA"] = str(nltk_data)
    env["HOME"] = str(tmp_path)  # no ~/nltk_data either
    return env, log


def test_the_blocker_really_blocks(tmp_path):
    env, log = _offline_env(tmp_path)
    code = "import socket; socket.create_connection(('example.org', 80), timeout=2)"
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert proc.returncode != 0 and "blocked" in proc.stderr
    assert "example.org" in log.read_text()


def test_textstat_counts_syllables_with_the_network_blocked(tmp_path):
    env, log = _offline_env(tmp_path)
    code = (
        "import analysis.readability, textstat\n"
        "from analysis.textstat_offline import is_installed\n"
        "assert not is_installed()\n"  # importing patches nothing
        "analysis.readability.textstat_scores('One two.')\n"  # the first call does
        "assert is_installed()\n"
        # CMUdict: 'readability' has 5 syllables, 'dictionary' 4
        "print(textstat.syllable_count('readability dictionary'),"
        " round(textstat.flesch_kincaid_grade('The cat sat on the mat.'), 2))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["9", "-1.45"]
    assert not log.exists(), log.read_text()


@pytest.mark.skipif(not (NOTEBOOKS / "readability.ipynb").exists(), reason="no notebook yet")
def test_readability_notebook_runs_with_the_network_blocked(tmp_path):
    env, log = _offline_env(tmp_path)
    out = tmp_path / "out.ipynb"
    code = (
        "import papermill, sys\n"
        "papermill.execute_notebook(sys.argv[1], sys.argv[2], kernel_name='news-report',"
        " cwd=sys.argv[3], progress_bar=False, execution_timeout=300)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(NOTEBOOKS / "readability.ipynb"), str(out), str(ROOT)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not log.exists(), log.read_text()
    assert "textstat" in out.read_text(encoding="utf-8")  # the notebook did call textstat
