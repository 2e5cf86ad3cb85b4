"""Every path the project uses, in one place."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTICLES = DATA / "articles"
NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"
SEED_ARTICLE = ARTICLES / "aljazeera-2022-03-18-biden-xi-call-russia.txt"


def resolve(path: str | Path) -> Path:
    """A user-given path: as given if it exists (relative to the working directory),
    else relative to the project root, so notebooks run from any folder."""
    p = Path(path).expanduser()
    if p.is_absolute() or p.exists():
        return p
    rooted = ROOT / p
    return rooted if rooted.exists() else p


def display_path(path: str | Path) -> str:
    """A path relative to the project root when it is inside it, else absolute."""
    p = Path(path).resolve()
    try:
        return str(p.relative_to(ROOT))
    except ValueError:
        return str(p)
