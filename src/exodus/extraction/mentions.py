"""Who and what a document talks about: canonical names for every mention.

Within one document a surname ("Leike"), a pronoun ("he"), a possessive ("OpenAI's")
and a description ("the company", "the team") resolve to the full entity meant.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Doc

from exodus.extraction.lexicon import Lexicon, fold_name

PERSON, ORG, GROUP = "person", "org", "group"
_LEGAL_SUFFIX = re.compile(r"(?:,?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|"
                           r"plc|PLC|LP|L\.P|AG|SA|S\.A|GmbH|N\.V|NV|Holdings|Group Inc)\.?)+$")
_ORG_VARIANT_WORDS = {"motor", "motors", "group", "holdings", "stores", "platforms", "technologies",
                      "international", "co", "company", "corp", "inc", "labs", "lab", "ai", "news", "networks",
                      "network", "entertainment", "media", "inc", "restaurant", "restaurants"}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "president", "senator", "sen",
               "ceo", "chairman", "chief", "executive", "former", "host", "anchor", "rep", "gov"}
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")
_ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"}


@dataclass
class Mention:
    kind: str            # person, org or group
    name: str            # canonical name
    start: int           # offsets into the document text
    end: int
    org: str | None = None  # a group's organization
    certain: bool = True    # False for guesses (pronouns resolved, NER labels overridden)
    subject: bool = False   # the grammatical subject of its clause


def clean_person_name(text: str) -> str:
    text = re.sub(r"\s*(?:'s|’s|')\s*$", "", text.strip())
    text = re.sub(r"\s*\([^()]*\)\s*", " ", text)  # "Yuhuai (Tony) Wu": a nickname is not part of the name
    text = re.sub(r"\s+", " ", text)
    words = text.split(" ")
    while len(words) > 1 and words[0].lower().rstrip(".") in _HONORIFICS:
        words = words[1:]
    return " ".join(words).strip(" ,.;:-\"“”")


def clean_org_name(text: str) -> str:
    text = re.sub(r"^(?:and|or|&)\s+|\s+(?:and|or|&)$", "", text.strip())  # "Avenir Growth Capital and"
    text = re.sub(r"\s*(?:'s|’s|')\s*$", "", text.strip())
    text = re.sub(r"(\w) ('s|’s)\b", r"\1\2", text)  # tokenized text: "Arby 's" -> "Arby's"
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"^(?:the|The)\s+", "", text)
    stripped = _LEGAL_SUFFIX.sub("", text).strip(" ,.;:")
    return stripped or text.strip(" ,.;:")


def looks_like_name(text: str) -> bool:
    words = re.sub(r"\s*\([A-Z][^()]*\)", "", text).split()
    return 2 <= len(words) <= 4 and all(_NAME_TOKEN.match(w) or w.lower() in ("de", "van", "von", "da", "del", "le", "la", "bin")
                                        for w in words)


@dataclass
class EntityTable:
    """Document-level names: full person names, their short forms, and organizations."""

    lexicon: Lexicon
    people: dict[str, str] = field(default_factory=dict)     # folded any-form -> canonical full name
    orgs: dict[str, str] = field(default_factory=dict)       # folded any-form -> canonical org
    org_counts: Counter = field(default_factory=Counter)
    person_counts: Counter = field(default_factory=Counter)

    def add_person(self, text: str) -> str | None:
        name = clean_person_name(text)
        if not name:
            return None
        canonical = self.lexicon.canonical_person(name)
        if canonical is None and len(name.split()) < 2:
            return None
        canonical = canonical or name
        for form in {name, canonical}:
            self.people[fold_name(form)] = canonical
        self.person_counts[canonical] += 1
        return canonical

    def add_org(self, text: str, weight: int = 1) -> str:
        name = clean_org_name(text)
        canonical = self.lexicon.canonical_org(name) or self.orgs.get(fold_name(name)) or name
        self.orgs[fold_name(name)] = canonical
        self.orgs[fold_name(canonical)] = canonical
        self.org_counts[canonical] += weight
        return canonical

    def finish(self) -> None:
        """Short forms: surnames and first names that point to one full name; org variants."""
        by_last: dict[str, set[str]] = {}
        by_first: dict[str, set[str]] = {}
        for canonical in set(self.people.values()):
            words = fold_name(canonical).split()
            if len(words) >= 2:
                by_last.setdefault(words[-1], set()).add(canonical)
                by_first.setdefault(words[0], set()).add(canonical)
        for last, names in by_last.items():
            if len(names) == 1 and last not in self.people:
                self.people[last] = next(iter(names))
        for first, names in by_first.items():
            if len(first.strip(".")) <= 1:
                continue  # an initial ("J. Robert ...") stands for no one on its own
            if len(names) == 1 and first not in self.people and first not in by_last:
                self.people[first] = next(iter(names))
        names = sorted(set(self.orgs.values()), key=len)
        for long in names:
            long_words = fold_name(long).split()
            for short in names:
                short_words = fold_name(short).split()
                if short == long or len(short_words) >= len(long_words):
                    continue
                if long_words[:len(short_words)] == short_words and \
                        set(long_words[len(short_words):]) <= _ORG_VARIANT_WORDS and \
                        self.lexicon.canonical_org(long) is None and self.lexicon.canonical_org(short) is None:
                    # one company under two names ("Quanta" / "Quanta Labs", "Fox" / "Fox News"): the
                    # fuller name stands for both
                    for key, value in list(self.orgs.items()):
                        if value == short:
                            self.orgs[key] = long
                    self.org_counts[long] += self.org_counts.pop(short, 0)
        self._unit_short_forms()

    def _unit_short_forms(self) -> None:
        """"The Brain team" after "Google Brain": a name that ends a unit named after its parent
        organization ("Google" + "Brain") is that unit, when only one such unit ends with it."""
        names = set(self.orgs.values())
        for short in sorted(names):
            short_words = fold_name(short).split()
            if len(short_words) != 1 or self.lexicon.canonical_org(short) is not None:
                continue
            units = [long for long in names if len(fold_name(long).split()) > 1 and
                     fold_name(long).split()[-1:] == short_words and
                     self.is_known_org(" ".join(long.split()[:-1]))]
            if len(units) != 1:
                continue
            for key, value in list(self.orgs.items()):
                if value == short:
                    self.orgs[key] = units[0]
            self.org_counts[units[0]] += self.org_counts.pop(short, 0)

    def person(self, text: str) -> str | None:
        name = clean_person_name(text)
        key = fold_name(name)
        if key in self.people:
            return self.people[key]
        canonical = self.lexicon.canonical_person(name)
        if canonical:
            return canonical
        # "Jim Hackett" vs "James P. Hackett": same surname, one full name in the document
        words = key.split()
        if len(words) >= 2 and words[-1] in self.people and fold_name(self.people[words[-1]]) != key:
            other = fold_name(self.people[words[-1]]).split()
            if other[0][:1] == words[0][:1]:
                return self.people[words[-1]]
        if len(words) >= 2:
            return name
        return self.lexicon.person_by_surname(name) if words else None

    def is_person(self, text: str) -> bool:
        return fold_name(clean_person_name(text)) in self.people

    def org(self, text: str) -> str:
        name = clean_org_name(text)
        found = self.orgs.get(fold_name(name)) or self.lexicon.canonical_org(name)
        if found:
            return found
        key = fold_name(name)
        if " " not in key:  # "Quanta" after "Quanta Labs": the one organization it begins
            longer = {v for v in self.orgs.values() if fold_name(v).split()[0] == key and
                      set(fold_name(v).split()[1:]) <= _ORG_VARIANT_WORDS}
            if len(longer) == 1:
                return next(iter(longer))
        return name

    def is_known_org(self, text: str) -> bool:
        name = clean_org_name(text)
        return fold_name(name) in self.orgs or self.lexicon.canonical_org(name) is not None

    def primary_org(self) -> str | None:
        if not self.org_counts:
            return None
        (top, count), *rest = self.org_counts.most_common(2) + [(None, 0)]
        return top


def scan_gazetteer(text: str, lexicon: Lexicon, table: EntityTable) -> list[Mention]:
    """Known people and organizations anywhere in the text (also in unparsed sentences)."""
    mentions = []
    for match in _gazetteer_regex(lexicon).finditer(text):
        surface = match.group(0)
        canonical = lexicon.canonical_person(surface)
        if canonical:
            table.add_person(surface)
            mentions.append(Mention(PERSON, canonical, match.start(), match.end()))
            continue
        canonical = lexicon.canonical_org(surface)
        if canonical:
            table.add_org(surface)
            mentions.append(Mention(ORG, canonical, match.start(), match.end()))
    return mentions


_REGEX_CACHE: dict[int, re.Pattern[str]] = {}


def _gazetteer_regex(lexicon: Lexicon) -> re.Pattern[str]:
    key = id(lexicon)
    if key not in _REGEX_CACHE:
        names = {alias for table in (lexicon.organizations, lexicon.people)
                 for canonical, aliases in table.items() for alias in [canonical, *aliases] if len(alias) > 1}
        alternatives = sorted((re.escape(n) for n in names), key=len, reverse=True)
        _REGEX_CACHE[key] = re.compile(r"(?<![\w.])(?:" + "|".join(alternatives) + r")(?![\w])")
    return _REGEX_CACHE[key]


class ParsedChunk(Protocol):
    """A parsed stretch of a document: the spaCy doc and where it starts in the text."""

    offset: int
    doc: Doc


class MentionIndex(Protocol):
    """What the passes that find names the tagger missed need of the parsed document they add
    mentions to (`parsed.ParsedDocument` is one); they never import it, since it runs them."""

    lexicon: Lexicon
    table: EntityTable
    token_mentions: dict[tuple[int, int], Mention]
    org_words: set[str]
    headline_owners: list[str]

    def add_to_timeline(self, mention: Mention) -> None:
        """Record a mention found after the first pass, in text order."""
