"""The gender a given name shows ("Hillary" female, "Bob" male), for he/she resolution.

The knowledge is Jörg Michael's name dictionary (``nam_dict.txt``, about 48,000 given
names from 54 countries, each marked male, female, mostly male, mostly female or
unisex; GNU Free Documentation License), as the ``gender-guesser`` package ships it
(pinned in ``requirements.txt``). Only the file is read: the package's own
``Detector`` builds per-country tables and takes about 1.8 s to load, where reading
the columns needed here takes about 0.1 s, once per process, on first use.

A name gets a gender when every line of the dictionary that lists it agrees on one
("M", "1M" and "?M" are male, "F", "1F" and "?F" female; "?M"/"?F", "mostly", make it a
weak guess that a pronoun of the other gender may overrule: Lindsey Graham); a name also listed as
unisex ("?") or with both genders ("Andrea": male in Italy, female elsewhere) gets
none, and so does any name the dictionary lacks. The pronoun resolver treats a
person without a gender as fitting both "he" and "she", so a missing gender only
costs a missed filter, never a wrong one.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

# the first two columns of a line: its gender code
_MALE = frozenset({"M ", "1M", "?M"})
_FEMALE = frozenset({"F ", "1F", "?F"})


class _Dictionary(NamedTuple):
    genders: dict[str, str]  # name -> "male" | "female", where all its lines agree
    weak: frozenset[str]  # names some line gives only as "mostly" one gender ("?F")
    names: frozenset[str]  # every name listed, whatever its gender


@lru_cache(maxsize=1)
def _dictionary() -> _Dictionary:
    """The dictionary's columns this module needs, read once."""
    seen: dict[str, str] = {}
    weak: set[str] = set()
    path = files("gender_guesser") / "data" / "nam_dict.txt"
    with path.open("r", encoding="utf-8") as f:
        for line in f:
            code = line[:2]
            if code[:1] in ("#", "="):  # comments, and "=" lines that pair spellings
                continue
            # the name fills columns 4-29; "+" joins the parts of a compound name
            name = line[3:29].rstrip().replace("+", "-")
            if not name:
                continue
            gender = "male" if code in _MALE else "female" if code in _FEMALE else "?"
            prev = seen.get(name)
            seen[name] = gender if prev in (None, gender) else "?"
            if code[0] == "?":
                weak.add(name)
    return _Dictionary({name: g for name, g in seen.items() if g != "?"}, frozenset(weak),
                       frozenset(seen))


def given_name_gender(word: str) -> str | None:
    """``"male"``, ``"female"`` or None for one capitalised given name."""
    return _dictionary().genders.get(word)


def is_given_name(word: str) -> bool:
    """True when the dictionary lists ``word`` as a given name of any gender ("Mike",
    "Jordan"), for telling a person's name from other capitalised words."""
    return word in _dictionary().names


def weak_gender(word: str) -> bool:
    """True when the dictionary gives the name's gender only as "mostly" ("Lindsey":
    mostly female), so a pronoun of the other gender may still refer to it."""
    d = _dictionary()
    return word in d.weak and word in d.genders


def load() -> None:
    """Read the dictionary now (before worker processes are forked)."""
    _dictionary()
