"""Every path the project uses, in one place: no other module builds a path from
``__file__``.

In a checkout (and an editable install) the package sits beside ``data/``, ``notebooks/``
and ``reports/``. An installed wheel carries ``data/`` and ``notebooks/`` inside the
package, as ``analysis/bundled/data/`` and ``analysis/bundled/notebooks/`` (``pyproject.toml``
maps them there), and writes its reports to ``reports/`` under the working directory, never
into site-packages. (A folder of its own, not the package folder itself, because the
report's notebooks run with the project root as working directory, and the package's
modules must not become importable there under bare names like ``text``.)
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# A checkout has no analysis/bundled/; only a built package carries one.
INSTALLED = (PACKAGE / "bundled" / "data").is_dir()
ROOT = PACKAGE / "bundled" if INSTALLED else PACKAGE.parent
DATA = ROOT / "data"
ARTICLES = DATA / "articles"
NOTEBOOKS = ROOT / "notebooks"
REPORTS = Path("reports") if INSTALLED else ROOT / "reports"
TEMPLATES = PACKAGE / "templates"
SEED_ARTICLE = ARTICLES / "aljazeera-2022-03-18-biden-xi-call-russia.txt"

# Knowledge files (see README, "Layout"), one name each.
TEXT_LISTS = DATA / "text.yaml"
SPEECH_VERBS = DATA / "speech_verbs.yaml"
SPEAKER_ROLES = DATA / "speaker_roles.yaml"
SIDES = DATA / "sides.yaml"
PLACES = DATA / "places.yaml"
PERSON_NOUNS = DATA / "person_nouns.yaml"
TOPICS = DATA / "topics.yaml"
READABILITY = DATA / "readability.yaml"


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
