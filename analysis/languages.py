"""Language codes the analyses accept: ISO 639-1 (``data/languages.yaml``) or ``auto``."""

from __future__ import annotations

from functools import cache

import yaml

from analysis import paths

LANGUAGES_FILE = paths.DATA / "languages.yaml"
AUTO = "auto"


@cache
def iso_639_1() -> frozenset[str]:
    """The two-letter ISO 639-1 codes listed in ``data/languages.yaml``."""
    data = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))
    return frozenset(str(c).lower() for c in data["iso_639_1"])


def check_language(value: str | None) -> str | None:
    """``value`` as a lower-case ISO 639-1 code, or None for ``auto``/None (detect it).

    Raises ValueError with a message saying what is accepted for anything else
    (``"42"``, ``"klingon"``, ``"english"``).
    """
    if value is None:
        return None
    code = str(value).strip().lower()
    if code in ("", AUTO):
        return None
    if code in iso_639_1():
        return code
    raise ValueError(
        f"{value!r} is not an ISO 639-1 language code; give a two-letter code such as "
        f"en, fr or zh (the list is in data/languages.yaml), or {AUTO} to detect it"
    )
