"""Names by their shape, for the names the small model misses or mislabels.

A run of capitalized words (with the particles of many naming cultures: "van der",
"de la", "dos", "al", "bin", and hyphens and apostrophes inside names) that no mention
covers is a name. Whether it is a person's or an organization's is often not knowable
from the words alone, so an unknown two- to four-word name is offered both ways, and
the model decides from its place in the clause. A name the NER called an organization
but that is shaped like a person's is also offered as a person, and a lone unknown word
the NER called a person is also offered as an organization.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from exodus.extraction.lexicon import fold_name
from exodus.extraction.mentions import ORG, PERSON, EntityTable, Mention, clean_org_name, clean_person_name

PARTICLES = frozenset({"van", "der", "den", "de", "la", "le", "du", "des", "dos", "das", "da", "del", "della", "di",
                       "von", "zu", "bin", "binti", "ibn", "al", "el", "ter", "ten", "y", "e", "af", "mac"})
# capitalized words that start sentences or name things other than people and companies
_NOT_NAMES = frozenset({"the", "a", "an", "in", "on", "at", "for", "and", "but", "or", "as", "by", "with", "from",
                        "to", "of", "he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "our", "this",
                        "that", "these", "those", "mr", "mrs", "ms", "dr", "prof", "sir", "monday", "tuesday",
                        "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
                        "april", "may", "june", "july", "august", "september", "october", "november", "december",
                        "ceo", "cfo", "coo", "cto", "chief", "president", "chairman", "chairwoman", "chair",
                        "executive", "officer", "director", "founder", "co-founder", "vice", "senior", "former",
                        "new", "after", "before", "when", "while", "since", "until", "last", "next", "earlier",
                        "later", "both", "all", "some", "many", "most", "one", "two", "three", "also", "then",
                        "there", "here", "what", "who", "which", "why", "how", "if", "so", "yet", "still", "now",
                        "today", "yesterday", "tomorrow", "meanwhile", "however", "read", "more", "update",
                        "inc", "ltd", "corp", "co", "llc", "plc"})
_SKIP_TYPES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LANGUAGE",
                         "LAW", "EVENT"})
_INNER_CAPITAL = re.compile(r"^\w+[A-Z]")
_LETTERS_AND_DIGITS = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[\w.-]+$")


def name_word(token: Token) -> bool:
    """Could this token be (part of) a name? "Parmar", "SCB10X", "miHoYo", "b2venture", "D'Souza"."""
    text = token.text
    if not text[:1].isalnum() or token.ent_type_ in _SKIP_TYPES or token.lower_ in _NOT_NAMES:
        return False
    if text[:1].isupper():
        if token.is_sent_start and token.pos_ not in ("PROPN", "X"):
            # "Tomasz Lindqvist left ...": a first word the tagger took for a noun is a name when a
            # name follows it
            doc = token.doc
            j = token.i + 1
            while j < len(doc) and (doc[j].lower_ in PARTICLES or doc[j].text in ("-", "‑") or
                                    (doc[j - 1].text in ("-", "‑") and doc[j].is_lower)):
                j += 1  # "Thandiwe dos Santos", "Jae-won Okonkwo"
            following = doc[j] if j < len(doc) else None
            return not token.is_stop and following is not None and following.pos_ in ("PROPN", "NOUN") and \
                following.text[:1].isupper() and following.ent_type_ not in _SKIP_TYPES
        return True
    return bool(_INNER_CAPITAL.match(text) or _LETTERS_AND_DIGITS.match(text))


def name_runs(sentence: Span) -> Iterator[list[Token]]:
    """Maximal runs of name words, joined by particles ("Ana van der Berg") or hyphens without spaces
    ("Müller-Schmidt")."""
    tokens = list(sentence)
    i = 0
    while i < len(tokens):
        if not name_word(tokens[i]):
            i += 1
            continue
        run = [tokens[i]]
        j = i + 1
        while j < len(tokens):
            t = tokens[j]
            if t.is_sent_start:
                break  # a name does not run on past the end of a sentence ("a Series D. General Atlantic")
            if name_word(t):
                run.append(t)
                j += 1
                continue
            if t.lower_ in PARTICLES and j + 1 < len(tokens) and (name_word(tokens[j + 1]) or
                                                                   tokens[j + 1].lower_ in PARTICLES):
                run.append(t)
                j += 1
                continue
            if t.text in ("-", "‑") and not tokens[j - 1].whitespace_ and not t.whitespace_ and \
                    j + 1 < len(tokens) and (name_word(tokens[j + 1]) or tokens[j + 1].is_alpha):
                run.extend([t, tokens[j + 1]])  # "Müller-Schmidt", "Jae-won", "Ka-shing"
                j += 2
                continue
            break
        while run and run[-1].lower_ in PARTICLES:
            run.pop()
        if run:
            yield run
        i = max(j, i + 1)


def _text(tokens: list[Token]) -> str:
    doc = tokens[0].doc
    return doc[tokens[0].i:tokens[-1].i + 1].text


class NameShapes:
    """Readings of the names no mention covers, for one document."""

    def __init__(self, table: EntityTable, org_words: frozenset[str]):
        self.table = table
        self.org_words = org_words
        self.surnames: dict[str, set[str]] = {}

    def learn_person(self, name: str) -> None:
        words = fold_name(name).split()
        if len(words) >= 2:
            self.surnames.setdefault(words[-1], set()).add(name)

    def readings(self, tokens: list[Token], offset: int) -> list[tuple[str, str, str]]:
        """(kind, canonical name, source) for each plausible reading of a run of name words."""
        text = _text(tokens)
        label = next((t.ent_type_ for t in tokens if t.ent_type_), "")
        source = f"shape:{label}" if label else "shape"
        words = fold_name(text).split()
        if not words or (len(tokens) == 1 and label == "NORP"):
            return []  # "Chinese", "American": a people, not a name
        if self.table.is_person(text):
            return [(PERSON, self.table.person(text) or clean_person_name(text), source)]
        if self.table.is_known_org(text):
            return [(ORG, self.table.org(text), source)]
        if len(words) == 1:
            owners = self.surnames.get(words[0], set())
            if len(owners) == 1:
                return [(PERSON, next(iter(owners)), source)]
            return [(ORG, clean_org_name(text), source)]
        if words[-1] in self.org_words or len(words) > 4 or any(t.like_num for t in tokens) or \
                label in ("LOC", "FAC", "PRODUCT") or (label == "GPE" and not person_shaped(tokens, self.org_words)):
            return [(ORG, clean_org_name(text), source)]
        return [(PERSON, clean_person_name(text), source), (ORG, clean_org_name(text), source)]

    @staticmethod
    def mention(kind: str, name: str, tokens: list[Token], offset: int) -> Mention:
        subject = any(t.dep_ in ("nsubj", "nsubjpass") for t in tokens)
        return Mention(kind, name, offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1]),
                       certain=False, subject=subject)


def person_shaped(tokens: list[Token], org_words: frozenset[str]) -> bool:
    """Two to four name words, the last no company word: "Niki Parmar", "Ana de la Cruz",
    "Jae-won Müller-Schmidt" (a hyphen joins two pieces into one word)."""
    words: list[Token] = []
    joined = False
    for t in tokens:
        if t.text in ("-", "‑"):
            joined = True
            continue
        if t.lower_ in PARTICLES and not joined:
            continue
        if not joined or not words:
            words.append(t)
        joined = False
    return 2 <= len(words) <= 4 and all(t.text[:1].isupper() for t in words) and \
        words[-1].lower_ not in org_words and not any(t.like_num for t in words)
