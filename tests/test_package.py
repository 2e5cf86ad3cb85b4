"""The project as a real package: the wheel carries every file the code reads, paths come
from ``analysis/paths.py`` alone, and an installed wheel runs ``analyze`` and ``report``
from a folder outside the checkout.

The wheel is built from a copy of the checkout (so the test never leaves ``build/`` or
stale files behind in it) with ``pip wheel --no-deps``, and installed with ``--no-deps``
into a fresh ``python -m venv``. The runtime dependencies are not installed again: a
``.pth`` file puts this environment's site-packages *after* the fresh one's on
``sys.path`` (a ``.pth`` line only adds a folder; the editable install's own ``.pth``
there is not run), so ``import analysis`` finds the wheel and nothing else. Installing
the dependencies again would test pip, not this project, and take minutes.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from analysis.paths import ROOT, SEED_ARTICLE

PACKAGE_DIR = ROOT / "analysis"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Where pyproject.toml's package-dir puts data/ and notebooks/ inside the wheel.
BUNDLED = "analysis/bundled"


def _copy_ignoring(folder: str, names: list[str]) -> set[str]:
    rel = Path(folder).resolve().relative_to(ROOT)
    skip = {".venv", ".git", "build", "reports", "__pycache__", ".pytest_cache",
            ".ruff_cache", ".ipynb_checkpoints", ".benchmarks", "dist", ".hypothesis"}
    if rel == Path("data"):
        skip.add("external")  # git-ignored corpora, possibly large; a stand-in is made below
    return {n for n in names if n in skip or n.endswith(".egg-info")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src") / "project"
    shutil.copytree(ROOT, src, ignore=_copy_ignoring)
    # stands in for the git-ignored corpora, which must never be packaged
    (src / "data" / "external" / "polnear").mkdir(parents=True)
    (src / "data" / "external" / "polnear" / "never-packaged.yaml").write_text("x: 1\n")
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(src)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    (built,) = out.glob("*.whl")
    return built


def test_the_wheel_carries_every_module_knowledge_file_notebook_and_template(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {p.relative_to(ROOT).as_posix() for p in PACKAGE_DIR.rglob("*.py")}
    expected |= {
        p.relative_to(ROOT).as_posix()
        for p in (PACKAGE_DIR / "templates").rglob("*")
        if p.is_file()
    }
    expected |= {f"{BUNDLED}/data/{p.name}" for p in (ROOT / "data").glob("*.yaml")}
    expected |= {f"{BUNDLED}/data/articles/{p.name}" for p in (ROOT / "data/articles").iterdir()}
    expected |= {f"{BUNDLED}/notebooks/{p.name}" for p in (ROOT / "notebooks").glob("*.ipynb")}
    expected.add(f"{BUNDLED}/notebooks/report.yaml")
    missing = sorted(expected - names)
    assert not missing, (
        f"missing from the wheel: {missing}; a new subpackage or data folder must be "
        "listed under [tool.setuptools] in pyproject.toml"
    )
    # the knowledge files the code names are among them (not only what a glob finds)
    for name in ("text", "speech_verbs", "speaker_roles", "sides", "topics", "readability"):
        assert f"{BUNDLED}/data/{name}.yaml" in names
    assert any(n.endswith("templates/news_report/index.html.j2") for n in names)


def test_the_wheel_leaves_out_corpora_and_evaluation_sets(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert not [n for n in names if "/external/" in n or "/datasets/" in n]
    assert not [n for n in names if n.startswith(("tests/", "bench/", "data/", "notebooks/"))]


def test_the_console_script_and_exporter_entry_points_are_declared(wheel):
    zf = zipfile.ZipFile(wheel)
    (ep_name,) = [n for n in zf.namelist() if n.endswith("entry_points.txt")]
    entry_points = zf.read(ep_name).decode()
    assert "news-report = analysis.__main__:main" in entry_points
    assert "weasypdf = analysis.pdf_export:WeasyPDFExporter" in entry_points


def _modules_building_paths_from_file() -> set[str]:
    """Modules other than paths.py that mention ``__file__`` in code (not in text)."""
    found = set()
    for path in PACKAGE_DIR.rglob("*.py"):
        if path.name == "paths.py" and path.parent == PACKAGE_DIR:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(n, ast.Name) and n.id == "__file__" for n in ast.walk(tree)):
            found.add(path.relative_to(ROOT).as_posix())
    return found


def test_only_paths_py_builds_paths_from_the_package_location():
    assert _modules_building_paths_from_file() == set()


def test_version_comes_from_pyproject(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "--version"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"news-report {PYPROJECT['project']['version']}"


# --- the installed wheel, end to end --------------------------------------------------


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> dict:
    """A fresh venv with the wheel installed, and the environment to run it in."""
    base = tmp_path_factory.mktemp("installed")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=300)
    python = venv / "bin" / "python"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--quiet", str(wheel)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    (Path(site) / "_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # nbconvert's base templates are data files of the nbconvert install here; only those,
    # so that Jupyter finds no kernel of this environment (the report must use its own)
    jupyter_path = base / "jupyter-path"
    jupyter_path.mkdir()
    (jupyter_path / "nbconvert").symlink_to(Path(sys.prefix) / "share" / "jupyter" / "nbconvert")
    env = {
        k: v for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "JUPYTER_PATH", "JUPYTER_DATA_DIR", "VIRTUAL_ENV"}
    }
    env.update(JUPYTER_PATH=str(jupyter_path), JUPYTER_DATA_DIR=str(base / "jupyter-user"),
               PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}")
    # the kernel a user of the package installs once (README, "Installing the package")
    subprocess.run([str(python), "-m", "ipykernel", "install", "--sys-prefix",
                    "--name", "news-report"], env=env, check=True, capture_output=True,
                   timeout=300)
    work = base / "elsewhere"  # outside the checkout
    work.mkdir()
    shutil.copy(SEED_ARTICLE, work / "article.txt")
    return {"venv": venv, "python": python, "site": Path(site), "env": env, "work": work}


def _run(installed: dict, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=installed["work"], env=installed["env"],
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
def test_the_installed_package_is_the_wheel_not_the_checkout(installed):
    proc = _run(installed, str(installed["python"]), "-c",
                "import analysis, analysis.paths as p; print(analysis.__file__); "
                "print(p.INSTALLED); print(p.DATA)")
    assert proc.returncode == 0, proc.stderr
    module, flag, data = proc.stdout.splitlines()
    assert Path(module).is_relative_to(installed["site"])
    assert flag == "True"
    assert Path(data) == installed["site"] / BUNDLED / "data"
    kernel = _run(installed, str(installed["python"]), "-c",
                  "from jupyter_client.kernelspec import KernelSpecManager as M; "
                  "print(M().get_kernel_spec('news-report').argv[0])")
    assert kernel.returncode == 0, kernel.stderr
    assert Path(kernel.stdout.strip()).parent == installed["venv"] / "bin"


@pytest.mark.slow
def test_the_installed_command_prints_its_version(installed):
    proc = _run(installed, str(installed["venv"] / "bin" / "news-report"), "--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"news-report {PYPROJECT['project']['version']}"


@pytest.mark.slow
def test_the_installed_analyze_gives_the_checkouts_output(installed):
    proc = _run(installed, str(installed["venv"] / "bin" / "news-report"), "analyze",
                "article.txt", "-o", "out.jsonl")
    assert proc.returncode == 0, proc.stderr
    installed_out = (installed["work"] / "out.jsonl").read_text(encoding="utf-8")
    (record,) = [json.loads(line) for line in installed_out.splitlines()]
    assert record["error"] is None
    assert record["readability"]["words"] > 0 and record["quotes"] and record["topics"]
    checkout = subprocess.run(
        [sys.executable, "-m", "analysis", "analyze", str(installed["work"] / "article.txt")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert checkout.returncode == 0, checkout.stderr
    (expected,) = [json.loads(line) for line in checkout.stdout.splitlines()]
    # the one difference allowed: which copy of the default topics file was read
    assert Path(record["topics"]["_meta"].pop("topics_file")) == (
        installed["site"] / BUNDLED / "data" / "topics.yaml"
    )
    assert Path(expected["topics"]["_meta"].pop("topics_file")) == ROOT / "data" / "topics.yaml"
    assert record == expected


@pytest.mark.slow
def test_the_installed_report_renders_html_outside_the_checkout(installed):
    proc = _run(installed, str(installed["venv"] / "bin" / "news-report"), "report",
                "article.txt", "--format", "html", timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = installed["work"] / "reports" / "article"
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "US, China discuss Russia as Biden and Xi hold call" in html
    assert {"overview.ipynb", "readability.ipynb", "sources.ipynb", "topics.ipynb",
            "metrics.json"} <= {p.name for p in out.iterdir()}
    assert not (installed["site"] / "reports").exists()
    assert not (installed["site"] / BUNDLED / "reports").exists()
