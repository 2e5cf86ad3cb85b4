"""Knowledge read from ``data/speech_verbs.yaml``, ``data/speaker_roles.yaml``,
``data/sides.yaml``, ``data/places.yaml`` and ``data/person_nouns.yaml``, compiled once
into a :class:`Knowledge`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

import yaml

from analysis import paths
from analysis.quotes.phrase_matcher import Lexicon
from analysis.yaml_files import SafeLoader

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_CAP_REST = rf"(?:[\w.\-’']*\w\.?|\.?(?:[{_UPPER}]\.)*)"
_CAP_TOKEN = rf"[{_UPPER}]{_CAP_REST}"
# The first token of a run starts a word: "3M" holds no name "M". (The look-behind comes
# after the capital so that the pattern still opens with a character set, which the
# regex engine scans for quickly.)
# Nor does a prefix's hyphen open one: "anti-Muslim", "pro-Trump", "non-Russian".
_FIRST_CAP_TOKEN = rf"[{_UPPER}](?<!\w.)(?<!\banti-.)(?<!\bpro-.)(?<!\bnon-.){_CAP_REST}"


_YEAR_OLD = re.compile(r"\b(\d+-year-old)\b")


@dataclass(frozen=True)
class Knowledge:
    """Everything read from the YAML files under ``data/``, compiled once."""

    verb_forms: dict[str, str]  # form -> lemma
    needs_object: frozenset[str]
    not_relative_cues: frozenset[str]  # "who asked not to be named": no speech
    inverted_openers: frozenset[str]  # "Said", "Asked": a capitalised cue opening a sentence
    audiences: tuple[str, ...]
    phrases: tuple[tuple[str, bool], ...]  # (text, speaker_after)
    clause_words: frozenset[str]
    # every word known to be a verb: the speech verbs' forms and the clause words
    verb_words: frozenset[str]
    clause_subjects: frozenset[str]
    plural_verbs: frozenset[str]  # "conservatives need": a verb after a plural subject
    naming_verbs: frozenset[str]
    titles: dict[str, dict]  # lower-case phrase -> {type, side?, generic?}
    max_title_words: int
    title_last_words: frozenset[str]
    title_first_words: frozenset[str]
    former_markers: frozenset[str]
    org_heads: dict[str, str]
    org_heads_list: tuple[tuple[str, str], ...]
    head_rank: dict[str, int]
    organisations: dict[str, str]
    media: frozenset[str]
    documents: frozenset[str]
    group_nouns: dict[str, str]
    bare_groups: dict[str, str]
    not_names: frozenset[str]
    not_name_words: frozenset[str]
    connectors: frozenset[str]  # lower-case words inside a name ("of", "von")
    name_particles: frozenset[str]  # connectors a person's name may hold ("von")
    name_suffixes: frozenset[str]  # "Jr.", "Sr.": their full stop is part of the name
    not_acronym_bodies: frozenset[str]  # "PM", "TV": capitals that are no body
    title_modifiers: frozenset[str]
    title_abbreviations: dict[str, str]  # "sen." -> "senator"
    party_words: frozenset[str]  # "Republican", "Democrat" (case-sensitive)
    generic_titles: frozenset[str]
    allowed_gap: re.Pattern  # what may stand between a speaker and the cue
    honorifics: dict[str, str | None]  # "Mr" -> "male" (written without the full stop)
    pronoun_surnames: frozenset[str]
    relation_nouns: tuple[str, ...]  # longest first
    possessed_bodies: tuple[str, ...]  # longest first
    owned_nouns: tuple[str, ...]  # relation nouns and possessed bodies, longest first
    direct_only: frozenset[str]  # cues of direct quotes only ("“…?” Hannity pressed.")
    types: tuple[dict, ...]
    sides: dict[str, dict]
    places: frozenset[str]  # US states and cities: never speakers (data/places.yaml)
    # common nouns whose first sense is a person ("woman", "heckler"; WordNet 3.0,
    # data/person_nouns.yaml), and their irregular plurals ("women" -> "woman")
    person_nouns: frozenset[str]
    person_plurals: dict[str, str]
    alias_side: dict[str, tuple[str, str]]  # alias -> (side, name|adjective|metonym|institution)
    alias_name: dict[str, str]  # alias -> its side's speaker_name, else the alias itself
    alias_first_words: frozenset[str]
    lexicon: Lexicon
    anon: dict[str, Any]
    anon_heads: frozenset[str]  # lower-case heads of the anonymous list ("official")
    run_re: re.Pattern
    description_re: re.Pattern


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))


def _anonymous_rules(anon: dict) -> dict[str, Any]:
    """Small anchored patterns built from the ``anonymous`` word lists."""
    dets = _alternation(anon.get("determiners") or ["a"])
    mods = _alternation(anon.get("modifiers") or ["senior"])
    quals = _alternation(anon.get("qualifiers") or ["familiar with"])
    clauses = _alternation(anon.get("anonymity_clauses") or ["asked not to be named"])
    return {
        "qualified": {str(h).lower() for h in anon.get("qualified_heads") or []},
        "not_heads": frozenset(str(h).lower() for h in anon.get("not_heads") or []),
        "words": {str(w).lower() for key in ("determiners", "modifiers")
                  for w in anon.get(key) or []},
        # words before a head, matched at the end of the text before it
        "before": re.compile(rf"(?:\b(?:{dets})\s+)?(?:\b(?:{mods})\s+){{0,3}}$", re.I),
        "after": re.compile(
            rf"\s+(?i:{quals})\s+(?:(?i:the|an?|his|her|their)\s+)?"
            # "Cruz’s thinking", "Donald Trump’s plans": a name's possessive and its noun
            r"(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3}(?:’s|'s)\s+[a-z][\w\-]*|"
            r"[A-Z][\w’'\-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w’'\-]*){0,4}|"
            r"(?:[\w\-]+(?:’s|'s)\s+)?[\w\-]+)"),  # "familiar with the company's plans"
        "clause": re.compile(rf"who\s+(?:{clauses})", re.I),
        # "one engineer, who …", "a nurse at a hospital in the north of England, who …"
        "noun_before": re.compile(r"\b(?:an?|one)\s+(?:[a-z\-]+\s+){0,2}?(?P<head>[a-z]+)"
                                  r"(?:\s+(?:at|from|in|with|for|of)\s+[^,.;:“”\"]{1,60}?)?,?\s*$",
                                  re.I),
    }


def _allowed_gap(gap_words: list[str], ly_nouns: list[str]) -> re.Pattern:
    """The gap allowed between a speaker and its cue: a place ("X of Ohio", "officials
    in Tokyo"), up to four appositions between commas ("Trump, speaking at a rally in
    Wilmington, N.C., warned"), one in brackets and one between dashes, "and his
    colleagues", and the ``gap_words`` of
    ``speech_verbs.yaml`` ("also", "later", "in a statement")."""
    # a manner adverb ("emphatically proclaimed") and a weekday ("Priebus later Thursday
    # told") may also stand there;
    # nouns in -ly are no adverbs ("the influential US daily wrote")
    words = (_alternation(gap_words)
             + r"|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
             r"(?:\s+(?:morning|afternoon|evening|night))?"
             + rf"|(?!(?:{_alternation(ly_nouns)})\b)[a-z]+ly")
    return re.compile(
        r"^(?:\s+(?:of|from|in)\s+(?:[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}|"
        r"the\s+\d+\s+[a-z]+))?"  # "of Ohio", "from the 14 states"
        r"(?:\s*\([^()]{1,30}\)(?=\s*,))?"  # "Rep. Elijah Cummings (D-Md.), chair of …,"
        r"(?:\s*,(?:\s*(?:[^,.;:“”\"]|\d[,.]\d|“[^“”]{1,60}”|\"[^\"]{1,60}\"|''.{1,60}?''){1,160}?,)"
        r"{1,4})?"  # (four: "Harry Bond, 30, of Raleigh, N.C., who was among those polled,")
        # "Sen. Marco Rubio (R-Fla.) said", "Sen. Chris Murphy (a Connecticut Democrat so
        # boyish he has been mistaken for a junior staffer) says"
        # (a party tag may take a comma after it: "Gov. John Kasich (R-OH), said")
        r"(?:\s*\([DRI]-[A-Za-z. ]{1,14}\)\s*,|\s*\([^()]{1,120}\))?"
        # an aside between dashes: "The Supreme Court justice -- who has been involved
        # in a scuffle … -- said"
        r"(?:\s*(?:--|—|–)\s*[^—–“”\"]{1,160}?\s*(?:--|—|–))?"
        r"(?:\s+and\s+(?:his|her|their)\s+(?:colleagues|co-authors|team|fellow \w+))?"
        rf"(?:\s*(?:{words}))*\s*$",
        re.IGNORECASE,
    )


def _read_yaml(path: Path) -> Any:
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=SafeLoader)  # noqa: S506 - a safe loader


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """Load and compile ``speech_verbs.yaml``, ``speaker_roles.yaml``, ``sides.yaml``,
    ``places.yaml`` and ``person_nouns.yaml``."""
    verbs = _read_yaml(paths.SPEECH_VERBS)
    roles = _read_yaml(paths.SPEAKER_ROLES)
    sides = _read_yaml(paths.SIDES)
    places = _read_yaml(paths.PLACES)
    person_nouns = _read_yaml(paths.PERSON_NOUNS)

    verb_forms = {f.lower(): lemma for lemma, forms in verbs["verbs"].items() for f in forms or []}
    phrases = tuple((p["text"].lower(), bool(p.get("speaker_after"))) for p in verbs["phrases"])
    # verbs match in lower case only ("the United States" is not a cue); phrases may
    # also open a sentence ("According to …")
    direct_only = frozenset(str(w).lower() for w in verbs.get("direct_only") or [])
    cue_words = list(verb_forms) + [p for p, _ in phrases] + list(direct_only)
    cue_words += [p[:1].upper() + p[1:] for p, _ in phrases]
    # "Said Dorothy Poynter, …": kept only where they open a sentence (FoundQuotes)
    cue_words += [str(w).capitalize() for w in verbs.get("inverted_openers") or []]
    cue_words.sort(key=len, reverse=True)
    lexicon = Lexicon()
    lexicon.add(cue_words, "cue", no_suffix="’'-")

    titles = {str(k).lower(): dict(v) for k, v in roles["titles"].items()}
    alias_side: dict[str, tuple[str, str]] = {}
    for side, entry in sides.items():
        for role in ("institutions", "metonyms", "adjectives", "names"):
            for alias in entry.get(role) or []:
                alias_side[str(alias)] = (str(side), role[:-1] if role != "names" else "name")
    aliases = sorted(alias_side, key=len, reverse=True)
    lexicon.add(aliases, "alias")
    lexicon.add(["he", "she", "they", "it"], "pronoun", any_case=True)
    anon = roles.get("anonymous") or {}
    lexicon.add(list(anon.get("heads") or []) + list(anon.get("qualified_heads") or []),
                "anon", any_case=True)
    lexicon.add(["who"], "who")
    lexicon.add([str(d) for d in roles.get("descriptions") or []], "desc")
    lexicon.add([t for t in titles if t[:1].isalpha()], "title", any_case=True, no_suffix="-")
    group_nouns = {str(k).lower(): v for k, v in roles["group_nouns"].items()}
    bare = {str(k).lower(): v for k, v in (roles.get("bare_groups") or {}).items()}
    lexicon.add(list(bare), "bare", any_case=True)
    # ("the Prime Minister", "The Company": British style capitalises a role after "the")
    lexicon.add([g for g in group_nouns if " " not in g], "ghead", any_case=True)
    connectors = frozenset(str(w) for w in roles["name_connectors"])
    return Knowledge(
        verb_forms=verb_forms,
        needs_object=frozenset(verbs.get("needs_object") or []),
        not_relative_cues=frozenset(verbs.get("not_relative_cues") or []),
        inverted_openers=frozenset(str(w).capitalize()
                                   for w in verbs.get("inverted_openers") or []),
        audiences=tuple(sorted((a.lower() for a in verbs.get("audiences") or []),
                               key=len, reverse=True)),
        phrases=phrases,
        clause_words=frozenset(w.lower() for w in verbs.get("clause_words") or []),
        verb_words=frozenset(verb_forms)
        | frozenset(w.lower() for w in verbs.get("clause_words") or []),
        clause_subjects=frozenset(w.lower() for w in verbs.get("clause_subjects") or []),
        plural_verbs=frozenset(w.lower() for w in verbs.get("plural_verbs") or []),
        naming_verbs=frozenset(w.lower() for w in verbs.get("naming_verbs") or []),
        titles=titles,
        max_title_words=max(len(t.split()) for t in titles),
        title_last_words=frozenset(t.split()[-1] for t in titles),
        title_first_words=frozenset(t.split()[0] for t in titles if t.split()),
        former_markers=frozenset(roles.get("former_markers") or []),
        org_heads={str(k).lower(): v for k, v in roles["org_heads"].items()},
        org_heads_list=tuple((str(k).lower(), v) for k, v in roles["org_heads"].items()),
        head_rank={str(k).lower(): i for i, k in enumerate(roles["org_heads"])},
        organisations={str(k): v for k, v in roles["organisations"].items()},
        media=frozenset(roles.get("media_outlets") or []),
        documents=frozenset(roles.get("documents") or []),
        anon=_anonymous_rules(anon),
        anon_heads=frozenset(str(h).lower() for key in ("heads", "qualified_heads")
                             for h in anon.get(key) or []),
        group_nouns=group_nouns,
        bare_groups=bare,
        not_names=frozenset(roles.get("not_names") or []),
        not_name_words=frozenset(str(w) for w in roles["not_name_words"]),
        connectors=connectors,
        name_particles=frozenset(str(w) for w in roles["name_particles"]),
        name_suffixes=frozenset(str(w) for w in roles["name_suffixes"]),
        not_acronym_bodies=frozenset(str(w) for w in roles.get("not_acronym_bodies") or []),
        title_modifiers=frozenset(str(w) for w in roles["title_modifiers"]),
        title_abbreviations={str(a).lower(): str(t) for a, t in
                             (roles.get("title_abbreviations") or {}).items()},
        party_words=frozenset(str(w) for w in roles.get("party_words") or []),
        generic_titles=frozenset(str(w) for w in roles["generic_titles"]),
        allowed_gap=_allowed_gap([str(w) for w in verbs["gap_words"]],
                                 [str(w) for w in verbs["not_manner_adverbs"]]),
        honorifics={str(h): g for h, g in roles["honorifics"].items()},
        pronoun_surnames=frozenset(str(w) for w in roles["pronoun_surnames"]),
        relation_nouns=tuple(sorted((str(w) for w in roles["relation_nouns"]), key=len,
                                    reverse=True)),
        possessed_bodies=tuple(sorted((str(w) for w in roles["possessed_bodies"]), key=len,
                                      reverse=True)),
        owned_nouns=tuple(sorted({str(w) for w in roles["relation_nouns"]}
                                 | {str(w) for w in roles["possessed_bodies"]},
                                 key=lambda w: (-len(w), w))),
        direct_only=direct_only,
        types=tuple(roles["types"]),
        sides=sides,
        places=frozenset(str(p) for p in chain(places["us_states"], places["cities"])),
        person_nouns=frozenset(str(person_nouns["nouns"]).split()),
        person_plurals={str(p): str(n) for p, n in
                        (person_nouns.get("irregular_plurals") or {}).items()},
        alias_side=alias_side,
        alias_name={a: sides[side].get("speaker_name") or a
                    for a, (side, _) in alias_side.items()},
        alias_first_words=frozenset(a.split()[0] for a in alias_side if a.split()),
        lexicon=lexicon,
        description_re=_YEAR_OLD,
        # (words of a run are apart by spaces, tabs or a no-break space: "Gov.\xa0John
        # Kasich" in web copy)
        run_re=re.compile(
            _FIRST_CAP_TOKEN + r"(?:[ \t\xa0]+(?:(?:" + "|".join(sorted(connectors))
            + r")[ \t\xa0]+)*" + _CAP_TOKEN + r")*"
        ),
    )

