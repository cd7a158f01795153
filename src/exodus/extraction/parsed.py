"""A parsed document: spaCy docs for the gated chunks, with every mention resolved.

`ParsedDocument.mention(token, kind)` answers "which person/organization/group is
this token?" for names, surnames, pronouns, possessives and "the company".
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from exodus.extraction.event_dates import event_date
from exodus.extraction.sentences import split_sentences
from exodus.extraction.round_owners import dateline_span, headline_owner_mentions, headline_round_owners
from exodus.extraction.untagged_people import untagged_people
from exodus.extraction.untagged_orgs import untagged_org_mentions
from exodus.extraction.lexicon import Lexicon, fold_name
from exodus.extraction.mentions import (GROUP, ORG, PERSON, EntityTable, Mention,
                                        looks_like_name, scan_gazetteer)
from exodus.schema import Document

_RAISE_VERBS = {"raise", "close", "secure", "announce", "complete", "land", "receive", "get", "take"}
_ROUND_WORDS = {"round", "funding", "financing", "investment", "series", "seed", "billion", "million", "capital",
                "tranche", "bn", "m"}
_REPORTING_VERBS = {"say", "announce", "tell", "write", "add", "state", "confirm", "claim", "insist", "note",
                    "explain", "post", "tweet", "argue", "acknowledge", "admit", "reveal", "disclose", "recall"}
_BACKING_VERBS = {"invest", "back", "fund", "finance", "participate", "co-invest", "bankroll"}
_FUNDING_VERBS = {"lead", "co-lead", "put", "pour", "pump", "inject", "commit"}  # "X led it", "X put in money"
_INVESTOR_NOUNS = {"investor", "backer", "shareholder", "lender", "financier"}
_CO_WORDS = ["founded", "founder", "founders", "found", "founding", "founds", "led", "lead", "leads", "leading",
             "chair", "chaired", "chairs", "chairing", "head", "headed", "heads", "CEO", "CEOs", "author"]
_CO_LEMMAS = {"found": "found", "founded": "found", "founding": "found", "founds": "found", "founder": "founder",
              "founders": "founder", "led": "lead", "lead": "lead", "leads": "lead", "leading": "lead",
              "chair": "chair", "chaired": "chair", "chairs": "chair", "chairing": "chair", "head": "head",
              "headed": "head", "heads": "head"}


# a given name written before a surname: "Emma" in "Emma Walmsley", "J." in "J. Doe", "Jae-won"
_GIVEN_NAME = r"(?:[A-Z][a-z\u00c0-\u024f]+(?:-[A-Za-z][a-z\u00c0-\u024f]+)?|[A-Z]\.)"
_NOT_PEOPLE_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"})
# words that stand before names but are none: dates, honorifics, offices
_NOT_GIVEN_WORDS = frozenset({"january", "february", "march", "april", "june", "july", "august", "september",
                              "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
                              "friday", "saturday", "sunday", "senator", "sen", "rep", "minister", "governor", "gov",
                              "judge", "justice", "king", "queen", "prince", "princess", "sheikh", "emir", "pope",
                              "mayor", "general", "gen", "col", "capt", "lt", "sgt", "saint", "st", "dame", "lord",
                              "lady", "sir", "mr", "mrs", "ms", "dr", "prof", "professor", "chancellor", "premier",
                              "uncle", "aunt", "founder", "cofounder", "co-founder", "boss", "chief", "executive"})


def full_names_elsewhere(document: Document, chunks: list[Chunk], surnames: frozenset[str], table: EntityTable,
                         titles: set[str]) -> list[str]:
    """Full names of people the parsed sentences name only by surname ("Walmsley said"), found in
    the sentences the gate did not parse or in the title ("When Emma Walmsley takes charge ...").
    A surname with one full name in the text is that person; with several, none is guessed. A
    "given name" the parser calls a place or a company anywhere ("Toyota Tsusho", "China's Didi")
    or a common word ("About Rappi") makes no name."""
    not_people = {e.text for c in chunks for e in c.doc.ents if e.label_ in _NOT_PEOPLE_LABELS}
    not_given = {w.split()[0] for w in not_people}

    def given(word: str | None) -> bool:
        return word is not None and word.lower().strip(".") not in titles | STOP_WORDS | _NOT_GIVEN_WORDS and \
            word not in not_given and not table.is_known_org(word)

    found = []
    texts = [document.text, document.title or ""]
    for surname in sorted(surnames):
        if table.is_person(surname) or table.lexicon.canonical_person(surname) or table.is_known_org(surname):
            continue
        pattern = re.compile(rf"\b(?:({_GIVEN_NAME})\s+)?({_GIVEN_NAME})\s+{re.escape(surname)}\b")
        names = set()
        for text in texts:
            for m in pattern.finditer(text):
                first, second = m.groups()
                if given(second):  # "Jim Yong Kim", "Emma Walmsley" (not "Senator Emma Walmsley")
                    names.add(f"{first} {second} {surname}" if given(first) else f"{second} {surname}")
        names = {n for n in names if n not in not_people}
        if len(names) == 1:
            found.append(names.pop())
    return found


def add_special_cases(nlp) -> None:
    """Keep "co-founded", "co-led" and the like one token, so the parser sees one verb; its NORM (what
    the model's features read) is the bare word, which the tagger knows ("co-led" reads as "led")."""
    for word in _CO_WORDS:
        for prefix in ("co-", "Co-", "co‑"):
            nlp.tokenizer.add_special_case(prefix + word, [{"ORTH": prefix + word, "NORM": word}])


def trigger_lemma(token: Token) -> str:
    """The lemma used to look up frames ("co-led" -> "co-lead", "cofounded" -> "co-found")."""
    lower = token.lower_
    for prefix in ("co-", "co‑", "co"):
        if lower.startswith(prefix) and lower[len(prefix):] in _CO_LEMMAS and (prefix != "co" or lower.startswith("cofound") or lower.startswith("colead")):
            return "co-" + _CO_LEMMAS[lower[len(prefix):]]
    lemma = token.lemma_.lower()
    if lower in ("left",) and token.pos_ in ("VERB", "AUX"):
        return "leave"
    if lower in ("founded", "founding", "founds") :
        return "found"
    if lower == "found" and (token.tag_ in ("VB", "VBP") or
                             any(c.dep_ == "aux" and c.lower_ in ("to", "will", "would", "could") for c in token.children)):
        return "found"  # "left Google to found Character.AI": the base form, not "find"
    return lemma


@dataclass
class Chunk:
    offset: int
    doc: Doc


@dataclass
class ParsedDocument:
    document: Document
    chunks: list[Chunk]
    lexicon: Lexicon
    table: EntityTable = field(init=False)
    token_mentions: dict[tuple[int, int], Mention] = field(default_factory=dict)
    timeline: list[Mention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    groups: list[Mention] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.table = EntityTable(self.lexicon)
        text = self.document.text
        gaz = scan_gazetteer(text, self.lexicon, self.table)
        self._primary: str | None = None
        self._round_owners: list[tuple[int, str, str | None]] | None = None
        self._descriptions: list[tuple[int, str, str]] | None = None
        self._raw_sentences: list | None = None
        self._title_orgs: Counter = Counter()
        if self.document.title:
            for m in scan_gazetteer(self.document.title, self.lexicon, self.table):
                if m.kind == ORG:
                    self.table.org_counts[m.name] += 2
                    self._title_orgs[m.name] += 2
        titles = set(self.lexicon.titles)
        self.org_words = set(self.lexicon.nouns.get("org_words", []))
        org_names: list[str] = []
        self._org_like = self._org_like_names()
        self.headline_owners = headline_round_owners(self.document.title)
        self._org_like.update(fold_name(name) for name in self.headline_owners)
        self._dateline = dateline_span(text)
        # words the NER calls a person on their own: a surname, which makes the full name a person's
        surnames = frozenset(e.text for c in self.chunks for e in c.doc.ents if e.label_ == "PERSON" and len(e) == 1
                             and e.text[:1].isupper() and not self.lexicon.canonical_org(e.text))
        for chunk in self.chunks:
            _mark_nicknamed_people(chunk.doc)
            _whole_names(chunk.doc, self.org_words)
            generic = set(self.lexicon.nouns.get("generic_not_names", []))
            # "a consumer AI division": a technology word the NER took for an organization names none
            chunk.doc.ents = [e for e in chunk.doc.ents if not (len(e) == 1 and e.text in generic)]
            chunk.doc.ents = [e for e in chunk.doc.ents if e.text.lower().strip(". ") not in titles]
            people = untagged_people(chunk.doc, titles, self._known_or_org_like, self.org_words, surnames)
            if people:
                spans = {t.i for span in people for t in span}
                kept = [e for e in chunk.doc.ents if not any(t.i in spans for t in e)]
                chunk.doc.ents = sorted(kept + [Span(chunk.doc, s.start, s.end, label="PERSON") for s in people],
                                        key=lambda e: e.start)
                self._org_like.difference_update(fold_name(s.text) for s in people)
            for ent in chunk.doc.ents:
                if ent.label_ == "ORG" and ent.start >= 2 and chunk.doc[ent.start - 1].text == "(" and \
                        chunk.doc[ent.start - 2].ent_type_ == "ORG" and len(ent) == 1:
                    # "Chipotle Mexican Grill (CMG)": a ticker or short form of the name before it
                    before = next((e for e in chunk.doc.ents if e.end == ent.start - 1), None)
                    if before is None:
                        continue
                    canonical = self.table.add_org(_ent_text(before))
                    self.table.orgs[fold_name(ent.text)] = canonical
                    continue
                if ent.label_ == "PERSON" and looks_like_name(_ent_text(ent)) and not self.table.is_known_org(ent.text) \
                        and fold_name(_ent_text(ent)) not in self._org_like:
                    self.table.add_person(_ent_text(ent))
                elif (ent.label_ == "ORG" or fold_name(_ent_text(ent)) in self._org_like) and not self._group_name(ent):
                    org_names.append(_ent_text(ent))
        for name in full_names_elsewhere(self.document, self.chunks, surnames, self.table, titles):
            self.table.add_person(name)
            self._org_like.discard(fold_name(name.split()[-1]))  # the surname is this person's wherever it stands
        self.table.finish()
        self._shared_surnames: dict[tuple[int, int], str] = {}
        for ci, chunk in enumerate(self.chunks):
            for i, name in _shared_surname_names(chunk.doc):
                given = name.split()[0]
                if self.table.is_person(given) or self.lexicon.person_by_surname(given) or \
                        self.table.is_known_org(given):
                    continue  # "Altman and Greg Brockman": a surname already known, not a given name
                canonical = self.table.add_person(name)
                if canonical:
                    self._shared_surnames[(ci, i)] = canonical
        self.table.finish()
        for name in org_names:  # after the people, so that a surname spaCy calls ORG stays a person
            if not (len(name.split()) == 1 and self.table.is_person(name)):
                self.table.add_org(name)
        self.table.finish()
        for name in self.headline_owners:  # a funding headline names the article's company
            canonical = self.table.org(name) if self.table.is_known_org(name) else None
            if canonical:
                self._title_orgs[canonical] += 2
                self.table.org_counts[canonical] += 2
        timeline = [m for m in gaz if not self._in_dateline(m.start)]
        for ci, chunk in enumerate(self.chunks):
            timeline.extend(self._entity_mentions(ci, chunk))
        timeline.sort(key=lambda m: m.start)
        self.timeline = timeline
        self._starts = [m.start for m in timeline]
        for ci, chunk in enumerate(self.chunks):
            headline_owner_mentions(self, ci, chunk)
        known = len(self.table.orgs)
        for ci, chunk in enumerate(self.chunks):
            untagged_org_mentions(self, ci, chunk)
        if len(self.table.orgs) > known:  # a second pass finds earlier repeats of names the first one learned
            for ci, chunk in enumerate(self.chunks):
                untagged_org_mentions(self, ci, chunk)
        self._round_owners = None  # rounds are owned by the names just found
        for ci, chunk in enumerate(self.chunks):
            self._reference_mentions(ci, chunk)
        self._round_owners = None  # and by "it" and "the company", now resolved
        for ci, chunk in enumerate(self.chunks):
            self._list_mentions(ci, chunk)

    # ---- building ---------------------------------------------------------------------------
    def _in_dateline(self, start: int) -> bool:
        return self._dateline is not None and self._dateline[0] <= start < self._dateline[1]

    def _group_name(self, span: Span) -> bool:
        last = span[-1].lower_
        return last in self.lexicon.nouns["group"] and len(span) > 1

    def _entity_mentions(self, ci: int, chunk: Chunk) -> list[Mention]:
        out = []
        for ent in chunk.doc.ents:
            start, end = chunk.offset + ent.start_char, chunk.offset + ent.end_char
            text = _ent_text(ent)
            mention = None
            if self._in_dateline(start):
                continue  # "HEIDELBERG, Germany, Nov 6 —": a place, whatever the NER says
            if ent.label_ != "ORG" and fold_name(text) in self._org_like and not self._group_name(ent):
                mention = Mention(ORG, self.table.org(text), start, end)
            elif ent.label_ == "ORG" and self._group_name(ent):
                mention = Mention(GROUP, _group_text(list(ent)), start, end)
            elif ent.label_ == "PERSON":
                if fold_name(text) in self._org_like or (self.table.is_known_org(text) and not self.table.is_person(text)):
                    mention = Mention(ORG, self.table.org(text), start, end)
                else:
                    name = self._shared_surnames.get((ci, ent.start)) or self.table.person(text)
                    if name:
                        mention = Mention(PERSON, name, start, end)
                    elif _single_capitalized(ent):
                        mention = Mention(ORG, self.table.org(text), start, end, certain=False)
            elif ent.label_ in ("ORG", "GPE", "NORP", "PRODUCT", "FAC", "WORK_OF_ART", "LOC"):
                if self.table.is_person(text) and not self.table.is_known_org(text):
                    mention = Mention(PERSON, self.table.person(text) or text, start, end)
                elif ent.label_ == "ORG" or self.table.is_known_org(text):
                    mention = Mention(ORG, self.table.org(text), start, end)
                # places, products and buildings are not employers ("moved to the US", "head to Brussels")
            if mention and mention.kind == GROUP:
                self.groups.append(mention)
            if mention:
                mention.subject = any(t.dep_ in ("nsubj", "nsubjpass") or
                                      (t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass")) for t in ent)
                out.append(mention)
                for tok in ent:
                    if tok.tag_ != "POS" and tok.lower_ not in ("'s", "’s", "'"):
                        self.token_mentions[(ci, tok.i)] = mention
        return out

    def _reference_mentions(self, ci: int, chunk: Chunk) -> None:
        nouns = self.lexicon.nouns
        for tok in chunk.doc:
            key = (ci, tok.i)
            if key in self.token_mentions:
                continue
            start = chunk.offset + tok.idx
            lower = tok.lower_
            if tok.pos_ == "PROPN" and not tok.ent_type_ and tok.dep_ != "compound" and \
                    tok.lower_ in self.org_words and tok.i > 0:
                # "Acme Robotics", "Index Ventures": a capitalized name ending in a company word
                names = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and not t.ent_type_]
                if names and all(t.text[:1].isupper() for t in names) and names[-1].i == tok.i - 1:
                    first = names[0]
                    text = chunk.doc[first.i:tok.i + 1].text
                    mention = Mention(ORG, self.table.add_org(text), chunk.offset + first.idx, start + len(tok))
                    for t in chunk.doc[first.i:tok.i + 1]:
                        self.token_mentions[(ci, t.i)] = mention
                    self.add_to_timeline(mention)
                    continue
            if tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper() and not tok.ent_type_ and \
                    fold_name(tok.text) in self.table.people:
                # a surname the NER missed ("Louvet , 52 , resigned"), once the full name is known
                mention = Mention(PERSON, self.table.people[fold_name(tok.text)], start, start + len(tok),
                                  subject=tok.dep_ in ("nsubj", "nsubjpass") or
                                  (tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass")))
                self.token_mentions[key] = mention
                self.add_to_timeline(mention)  # a later "he" may mean this person
                continue
            if lower in nouns["person_pronouns"] and tok.pos_ == "PRON":
                antecedent = self._reporting_person(ci, tok) or self._relative_clause_person(ci, tok) or \
                    self.antecedent(start, chunk.offset + tok.sent.start_char)
                if antecedent and tok.dep_ in ("dobj", "pobj", "dative") and lower in ("him", "her"):
                    # "X, who led the team with him": an object pronoun is not the clause's own subject
                    sent_start = chunk.offset + tok.sent.start_char
                    if antecedent.start >= sent_start:
                        earlier = [m for m in self.timeline if m.kind == PERSON and m.start < sent_start]
                        others = [m for m in self.timeline if m.kind == PERSON and sent_start <= m.start < start
                                  and m.name != antecedent.name]
                        antecedent = others[-1] if others else (earlier[-1] if earlier else None)
                if antecedent:
                    mention = Mention(PERSON, antecedent.name, start, start + len(tok), certain=False,
                                      subject=tok.dep_ in ("nsubj", "nsubjpass"))
                    self.token_mentions[key] = mention
                    if mention.subject:
                        # "He co-founded DeepMind ... He quit Google": a chain of pronouns stays on one person
                        self.add_to_timeline(mention)
            elif lower in ("it", "its", "they", "their", "them") and tok.pos_ == "PRON":
                org = self._reporting_subject(ci, tok) or self._person_sentence_org(ci, tok) or \
                    self._previous_subject_org(ci, tok) or self.previous_org(start)
                if org:
                    self.token_mentions[key] = Mention(ORG, org, start, start + len(tok), certain=False)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns["group"] and tok.dep_ != "compound" and \
                    not any(c.lower_ == "founding" for c in tok.children):
                group = self._group_mention(ci, chunk, tok)
                if group:
                    self.token_mentions[key] = group
                    self.groups.append(group)
                    first = _split_group_name(tok)
                    if first is not None and (ci, first.i) not in self.token_mentions:
                        # "its ethics and society team": the parser coordinates "ethics" with "society
                        # team"; both words belong to the one group's name
                        start_first = chunk.offset + first.idx
                        group = Mention(GROUP, chunk.doc[first.i:tok.i + 1].text, start_first, group.end,
                                        org=group.org, certain=group.certain)
                        self.groups[-1] = group
                        self.token_mentions[key] = self.token_mentions[(ci, first.i)] = group
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns["org_reference"] and \
                    any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) and \
                    not any(c.dep_ in ("compound", "prep") and c.lower_ != "'s" for c in tok.children if c.i > tok.i) and \
                    not any(c.dep_ in ("compound", "amod") and c.ent_type_ for c in tok.children):
                # "the company" is the article's main organization; "the data-labelling company",
                # described, is the one just named
                described = any(c.dep_ in ("amod", "compound", "npadvmod") for c in tok.children) or \
                    any(c.dep_ == "det" and c.lower_ in ("that", "this") for c in tok.children)
                latest = self.previous(start, ORG) if described else None
                org = latest.name if latest and latest.certain else self.previous_org(start, definite=True)
                if not described:
                    org = self._described_as(tok, start) or self._centre_org(ci, tok) or org
                org = self._named_as(tok, start) or org
                if org:
                    self.token_mentions[key] = Mention(ORG, org, start, start + len(tok), certain=False)

    def _named_as(self, tok: Token, position: int) -> str | None:
        """"The new lab" after "Meta Superintelligence Labs": an organization whose name ends in
        the noun, named in the last few paragraphs, is the one meant."""
        noun = tok.lemma_.lower()
        if noun in ("company", "company's"):
            return None
        for m in reversed(self.timeline[:bisect_left(self._starts, position)]):
            if position - m.start > 1500:
                break
            if m.kind == ORG and m.certain and len(m.name.split()) > 1 and \
                    fold_name(m.name).split()[-1] in (noun, noun + "s", noun + "es"):
                return m.name
        return None

    def add_to_timeline(self, mention: Mention) -> None:
        i = bisect_left(self._starts, mention.start)
        self._starts.insert(i, mention.start)
        self.timeline.insert(i, mention)

    def _described_as(self, tok: Token, position: int) -> str | None:
        """"The startup", once one organization was introduced as a startup ("the chatbot startup
        Inflection AI") and the article's main one never was: that organization."""
        noun = tok.lemma_.lower()
        if noun == "company":
            return None  # every organization is a company; "the company" is the main one
        if self._descriptions is None:
            self._descriptions = []
            for ci, chunk in enumerate(self.chunks):
                for t in chunk.doc:
                    if t.pos_ != "NOUN" or t.lemma_.lower() not in self.lexicon.nouns["org_reference"]:
                        continue
                    named = [t.head] if t.dep_ in ("compound", "appos", "nmod") else []
                    named += [c for c in t.children if c.dep_ in ("appos", "compound", "npadvmod") and c.pos_ == "PROPN"]
                    for n in named:
                        m = self.token_mentions.get((ci, n.i))
                        if m and m.kind == ORG and m.certain:
                            self._descriptions.append((chunk.offset + t.idx, t.lemma_.lower(), m.name))
        primary = self.primary_org()
        if any(name == primary and lemma == noun for _, lemma, name in self._descriptions):
            return None
        before = [name for start, lemma, name in self._descriptions if lemma == noun and start < position]
        return before[-1] if before else None

    def _list_mentions(self, ci: int, chunk: Chunk) -> None:
        """Names in a list of organizations are organizations: "Nvidia, Accel, ServiceNow and Cisco",
        where the NER tagged some of the names and missed (or only guessed at) the others."""
        for items in name_lists(chunk.doc):
            found = [self.token_mentions.get((ci, item[-1].i)) for item in items]
            orgs = sum(1 for m in found if m and m.kind == ORG and m.certain)
            people = sum(1 for m in found if m and m.kind == PERSON)
            places = sum(1 for item in items if item[-1].ent_type_ in ("GPE", "LOC", "NORP"))
            if orgs < 2 or people >= orgs or places >= orgs:
                continue
            for item, m in zip(items, found):
                if m and m.kind != ORG:
                    continue
                if m and m.certain:
                    continue
                if any(t.ent_type_ in _NOT_NAMES for t in item):
                    continue  # a date or a number in a list of investors is no investor
                if m is None and len(item) == 1 and item[0].i == item[0].sent.start:
                    continue
                start = chunk.offset + item[0].idx
                mention = Mention(ORG, self.table.add_org(chunk.doc[item[0].i:item[-1].i + 1].text),
                                  start, chunk.offset + item[-1].idx + len(item[-1]))
                for t in item:
                    self.token_mentions[(ci, t.i)] = mention
                self.add_to_timeline(mention)

    def _known_or_org_like(self, text: str) -> bool:
        """A known organization, or the company a funding headline names."""
        return self.table.is_known_org(text) or fold_name(text) in {fold_name(h) for h in self.headline_owners}

    def _org_like_names(self) -> set[str]:
        """Names spaCy calls PERSON that are organizations: tagged ORG more often elsewhere in the
        article, followed by a ticker in parentheses, or ending in a company word."""
        votes: dict[str, list[int]] = {}
        org_words = set(self.lexicon.nouns.get("org_words", []))
        out = set()
        for chunk in self.chunks:
            doc = chunk.doc
            for ent in doc.ents:
                key = fold_name(_ent_text(ent))
                v = votes.setdefault(key, [0, 0, 0])
                words = key.split()
                if ent.label_ in ("PERSON", "GPE", "LOC", "FAC", "PRODUCT", "NORP", "WORK_OF_ART") and \
                        len(words) > 1 and words[-1] in org_words:
                    out.add(key)  # "Quanta Labs" tagged as a place, "Chipotle Mexican Grill" as a person
                if ent.label_ == "PERSON":
                    v[0] += 1
                    if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 1].text.isupper() \
                            and doc[ent.end + 2].text == ")":
                        out.add(key)
                elif ent.label_ == "ORG":
                    v[1] += 1
                elif ent.label_ in ("GPE", "LOC"):
                    v[2] += 1
        # "Krieger" tagged ORG alone, where "Mike Krieger" is a person: a surname, not a company
        surnames = {k.split()[-1] for k, (people, _, _) in votes.items() if people and len(k.split()) > 1}
        # a place the NER once took for an organization ("Indonesia") stays a place
        out.update(k for k, (people, orgs, places) in votes.items()
                   if orgs >= people and orgs > places and orgs > 0 and k not in surnames)
        return out

    def _person_sentence_org(self, ci: int, tok: Token) -> str | None:
        """"He co-founded OpenAI in 2015 and left its board": in a sentence about a person, "it"
        and "its" are the organization that sentence named last, not the article's main one."""
        if tok.lower_ not in ("it", "its"):
            return None
        sent = tok.sent
        subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return None
        m = self.token_mentions.get((ci, subjects[0].i))
        if m is None or m.kind != PERSON:
            return None
        for t in reversed(sent[:tok.i - sent.start]):
            m = self.token_mentions.get((ci, t.i))
            if m is not None and m.kind == ORG and m.certain:
                return m.name
        return None

    def _reporting_person(self, ci: int, tok: Token) -> Mention | None:
        """"Brockman announced that he was quitting": the subject of a reported clause is the
        person who reports it."""
        verb = tok.head
        if tok.dep_ != "nsubj" or tok.lower_ not in ("he", "she") or verb.dep_ != "ccomp" or \
                verb.head.lemma_.lower() not in _REPORTING_VERBS or verb.head.i > tok.i:
            return None
        for c in verb.head.children:
            if c.dep_ == "nsubj" and c.i < tok.i:
                m = self.token_mentions.get((ci, c.i))
                if m and m.kind == PERSON:
                    return m
        return None

    def _relative_clause_person(self, ci: int, tok: Token) -> Mention | None:
        """"Barret Zoph, who led research at OpenAI until he left": the subject of a clause inside
        a relative clause on a person, whose "who" is its subject, is that person."""
        if tok.dep_ != "nsubj" or tok.lower_ not in ("he", "she"):
            return None
        for anc in tok.ancestors:
            if anc.dep_ == "relcl":
                if not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in anc.children):
                    return None
                m = self.token_mentions.get((ci, anc.head.i))
                return m if m is not None and m.kind == PERSON and m.certain else None
        return None

    def _reporting_subject(self, ci: int, tok: Token) -> str | None:
        """"Chipotle announced that it has hired ...": "it" is the announcing organization."""
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.dep_ != "ccomp":
            return None
        for c in verb.head.children:
            if c.dep_ == "nsubj":
                m = self.token_mentions.get((ci, c.i))
                if m and m.kind == ORG and m.certain:
                    return m.name
        return None

    def _group_mention(self, ci: int, chunk: Chunk, tok: Token) -> Mention | None:
        modifiers = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and
                     (ci, c.i) not in self.token_mentions and c.lower_ not in ("new", "former", "current", "entire", "whole", "same", "own", "founding")]
        name_tokens = []
        for m in modifiers:
            name_tokens.extend(t for t in m.subtree if (ci, t.i) not in self.token_mentions and t.dep_ not in ("det", "poss", "case"))
        name_tokens.append(tok)
        # (the head word itself even when it is a possessor: "the committee's members")
        name = _group_text(sorted(set(name_tokens), key=lambda t: t.i)) or tok.text
        for c in tok.children:
            # "a new team, called Superalignment", "a committee named the Safety Council"
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("call", "name", "dub", "know", "brand"):
                called = [g for g in c.children if g.dep_ in ("oprd", "attr", "xcomp", "dobj", "npadvmod")]
                if called:
                    # the name up to its first comma: "called Google DeepMind, Sundar Pichai said"
                    stop = next((t.i for t in called[0].subtree if t.text in (",", ";", "(") and t.i > called[0].left_edge.i),
                                called[0].right_edge.i + 1)
                    words = [t.text for t in called[0].subtree if t.dep_ not in ("det", "punct") and t.i < stop]
                    label = " ".join(words)
                    if label and label[0].isupper():
                        name = label if label.lower().split()[-1] in self.lexicon.nouns["group"] else f"{label} {tok.text}"
                        modifiers = [called[0]]
        for c in tok.children:
            # "a single division, Meta Superintelligence Labs": the name in apposition is the group's
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == tok.i + 2 and chunk.doc[tok.i + 1].text == ",":
                name = " ".join(t.text for t in c.subtree if t.i <= c.i and t.dep_ not in ("det", "punct"))
                modifiers = [c]
        described = self._described_group(ci, tok)
        if described is not None:
            start = chunk.offset + tok.idx
            return Mention(GROUP, described.name, start, start + len(tok), org=described.org, certain=False)
        if not modifiers and (product := _behind_name(tok)):
            name, modifiers = f"{product} {tok.text}", [tok]
        start = chunk.offset + tok.idx
        org = None
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "nmod"):
                m = self.token_mentions.get((ci, c.i))
                if m and m.kind == ORG:
                    org = m.name
            if c.dep_ == "prep" and c.lower_ in ("of", "at", "within", "inside"):
                for p in c.children:
                    m = self.token_mentions.get((ci, p.i))
                    if m and m.kind == ORG:
                        org = m.name
        if org is None:
            org = self._where_org(ci, tok)
        head = tok.lemma_.lower()
        if not name.strip():
            return None
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
        if not modifiers:
            earlier = sorted((g for g in self.groups if g.start < start), key=lambda g: g.start)
            previous = next((g for g in reversed(earlier) if g.name.lower().split()[-1:] == [head]), None)
            if previous and not indefinite:  # "a board" is no board named before
                return Mention(GROUP, previous.name, start, start + len(tok), org=org or previous.org, certain=False)
            if head in self.lexicon.nouns["group_needs_modifier"]:
                return None
        return Mention(GROUP, name, start, start + len(tok), org=org)

    def _where_org(self, ci: int, tok: Token) -> str | None:
        """"left OpenAI for Tesla, where he ran the AI team": a team in a "where" clause on an
        organization is that organization's."""
        for anc in tok.ancestors:
            if anc.dep_ == "relcl" and any(c.lower_ == "where" for c in anc.children):
                m = self.token_mentions.get((ci, anc.head.i))
                return m.name if m is not None and m.kind == ORG and m.certain else None

    def _described_group(self, ci: int, tok: Token) -> Mention | None:
        """"The Safety Committee will operate as an independent oversight committee", "the team
        became a research group": a group noun that describes what the subject group is or does is
        that group, not another one."""
        verb = None
        if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.dep_ == "prep":
            verb = tok.head.head
            if verb.lemma_.lower() not in _DESCRIBING_VERBS:
                return None
        elif tok.dep_ in ("attr", "oprd") and tok.head.lemma_.lower() in ("become", "remain"):
            verb = tok.head
        if verb is None:
            return None
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                m = self.token_mentions.get((ci, c.i))
                if m and m.kind == GROUP:
                    return m
        return None

    # ---- queries ----------------------------------------------------------------------------
    def mention(self, ci: int, token: Token) -> Mention | None:
        return self.token_mentions.get((ci, token.i))

    def previous(self, position: int, kind: str) -> Mention | None:
        i = bisect_left(self._starts, position) - 1
        while i >= 0:
            if self.timeline[i].kind == kind:
                return self.timeline[i]
            i -= 1
        return None

    def antecedent(self, position: int, sentence_start: int) -> Mention | None:
        """The person a pronoun means. Among the people named in the last few hundred characters,
        the best scored: subjects (or their possessors) first, then the article's main people,
        then the most recent."""
        latest = self.previous(position, PERSON)
        window = min(sentence_start, position - 400)
        candidates = [m for m in self.timeline if window <= m.start < position and m.kind == PERSON
                      and (m.certain or m.subject)]
        if not any(m.subject and m.start >= sentence_start for m in candidates):
            centre = self._previous_subject(sentence_start)
            if centre:
                return centre
        if not candidates:
            return latest
        counts = self.table.person_counts
        top = max(counts.values()) if counts else 1
        best, best_score = None, -1.0
        for rank, m in enumerate(candidates):
            score = (1.0 if m.subject else 0.0) + 0.6 * counts.get(m.name, 0) / top + 0.5 * (rank + 1) / len(candidates)
            if score >= best_score:
                best, best_score = m, score
        return best

    def _previous_subject(self, sentence_start: int) -> Mention | None:
        """The person the sentence just before `sentence_start` is about: its main clause's
        subject ("Musk's history with AI labs is tangled. He co-founded ..."), else the latest
        person subject of any of its clauses. A name in an object, an appositive or a list is not
        what the next sentence's "he" continues with."""
        text = self.document.text
        for ci, chunk in enumerate(self.chunks):
            for sent in chunk.doc.sents:
                end = chunk.offset + sent.end_char
                if end > sentence_start or text[end:sentence_start].strip():
                    continue
                return self._sentence_subject(ci, sent)
        return self._surface_subject(sentence_start)

    def _surface_subject(self, sentence_start: int) -> Mention | None:
        """The person the unparsed sentences before `sentence_start` are about, read off the
        surface: the nearest that opens with a known name ("Karpathy, 30, is ..."), over sentences
        that open with a pronoun ("He earned his PhD ..."); none if another kind of sentence
        comes first."""
        if self._raw_sentences is None:
            self._raw_sentences = split_sentences(self.document.text)
        text = self.document.text
        before = [s for s in self._raw_sentences if s.end <= sentence_start]
        for sent in reversed(before[-6:]):
            if any(chunk.offset <= sent.start < chunk.offset + len(chunk.doc.text) for chunk in self.chunks):
                return None  # parsed, and its subject was no person
            words = re.findall(r"[\w'’.-]+", text[sent.start:min(sent.end, sent.start + 80)])[:3]
            if not words:
                return None
            if words[0].lower() in ("he", "she", "his", "her"):
                continue
            for n in range(len(words), 0, -1):
                phrase = " ".join(words[:n])
                if all(w[:1].isupper() for w in words[:n]) and fold_name(phrase) in self.table.people:
                    return Mention(PERSON, self.table.people[fold_name(phrase)], sent.start,
                                   sent.start + len(phrase), certain=False, subject=True)
            return None
        return None

    def _centre_org(self, ci: int, tok: Token) -> str | None:
        """"Microsoft's wider bets make the logic plain. The company has committed $13bn to OpenAI":
        "the company" continues the organization the sentence before (in the same paragraph) was
        about, its main clause's subject or that subject's possessor, not the clause's own subject."""
        sent_start = self.chunks[ci].offset + tok.sent.start_char
        previous = self.previous_sentence(sent_start, same_paragraph=True)
        if previous is None:
            return None
        pci, sent = previous
        subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return None
        objects = [t for c in sent.root.children if c.dep_ in ("dobj", "prep") for t in c.subtree]
        took_part = sent.root.lemma_.lower() in ("take", "join") and \
            any(c.dep_ == "dobj" and c.lemma_.lower() in ("part", "stake", "round", "allocation") for c in sent.root.children)
        if sent.root.lemma_.lower() in _BACKING_VERBS | _FUNDING_VERBS or took_part or \
                any(t.lemma_.lower() in _ROUND_WORDS for t in objects):
            # "Thrive Capital led the round": an investor, not the company in question, which is
            # the one that raised the round
            return self._paragraph_round_owner(sent_start)
        subject = subjects[0]
        if any(t.lemma_.lower() in _INVESTOR_NOUNS | _BACKING_VERBS | _FUNDING_VERBS for t in subject.subtree):
            return self._paragraph_round_owner(sent_start)  # "Existing investor NEA ... came back"
        m = self.token_mentions.get((pci, subject.i))
        if m is None or m.kind != ORG:
            owners = [c for c in subject.children if c.dep_ == "poss"]
            m = self.token_mentions.get((pci, owners[0].i)) if owners else None
        if m is None or m.kind != ORG or not m.certain:
            return None
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            own = [c for c in tok.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
            mine = self.token_mentions.get((ci, own[0].i)) if own else None
            if mine is not None and mine.name == m.name:
                return None  # "Anthropic hired her from the company": not the clause's own subject
        return m.name

    def _previous_subject_org(self, ci: int, tok: Token) -> str | None:
        """"DAIR launched on Thursday ... Gebru, its founder": "it" continues the organization the
        sentence before (same paragraph) had as its main subject, when this sentence names no other."""
        sent_start = self.chunks[ci].offset + tok.sent.start_char
        position = self.chunks[ci].offset + tok.idx
        if any(m.kind == ORG and m.certain and sent_start <= m.start < position for m in self.timeline):
            return None
        previous = self.previous_sentence(sent_start, same_paragraph=True)
        if previous is None:
            return None
        pci, sent = previous
        if sent.root.lemma_.lower() in _BACKING_VERBS | _FUNDING_VERBS | _REPORTING_VERBS:
            return None
        subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and sent.root.pos_ == "PROPN":
            subjects = [sent.root]  # "The Distributed AI Research Institute, or DAIR, launched ...": a fragment
        for subject in subjects:
            m = self.token_mentions.get((pci, subject.i))
            if m is not None and m.kind == ORG and m.certain and \
                    not any(t.lemma_.lower() in _INVESTOR_NOUNS for t in subject.subtree):
                return m.name
        return None

    def previous_sentence(self, sentence_start: int, same_paragraph: bool = False) -> tuple[int, Span] | None:
        text = self.document.text
        for ci, chunk in enumerate(self.chunks):
            for sent in chunk.doc.sents:
                end = chunk.offset + sent.end_char
                gap = text[end:sentence_start] if end <= sentence_start else "x"
                if gap.strip() or (same_paragraph and "\n" in gap):
                    continue
                return ci, sent
        return None

    def _sentence_subject(self, ci: int, sent: Span) -> Mention | None:
        main, others = None, []
        for tok in sent:
            if tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            m = self.token_mentions.get((ci, tok.i))
            if m is None or m.kind != PERSON:
                owners = [c for c in tok.children if c.dep_ == "poss"]
                m = self.token_mentions.get((ci, owners[0].i)) if owners else None
            if m is None or m.kind != PERSON:
                continue
            if tok.head == sent.root:
                main = main or m
            else:
                others.append(m)
        if main:
            return main
        return others[-1] if others else None

    def shared_object_org(self, ci: int, verb: Token) -> str | None:
        """"Amazon has committed $4 billion to the company, and Google has also invested": a verb
        with no object of its own, conjoined to one whose object (or "to"/"in" phrase) is an
        organization, shares that organization."""
        if verb.dep_ != "conj" or any(c.dep_ in ("dobj", "prep") for c in verb.children):
            return None
        for c in verb.head.children:
            targets = [c] if c.dep_ == "dobj" else \
                [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("to", "in", "into") else []
            for t in targets:
                m = self.token_mentions.get((ci, t.i))
                if m is not None and m.kind == ORG:
                    return m.name
        return None

    def round_owner(self, position: int) -> str | None:
        """Whose funding round an investment sentence speaks of: the latest round's owner."""
        rounds = self._rounds(position)
        return rounds[-1][1] if rounds else None

    def round_date(self, position: int, owner: str) -> str | None:
        """When `owner`'s latest round before `position` was raised (or announced), if the text says."""
        dates = [when for _, name, when in self._rounds(position) if name == owner]
        return dates[-1] if dates else None

    def _rounds(self, position: int) -> list[tuple[int, str, str | None]]:
        """The funding rounds told before `position`: (where, whose, when). A round belongs to
        the organization that raised, closed or announced it (or money)."""
        if self._round_owners is None:
            self._round_owners = []
            published = self.document.published
            for ci, chunk in enumerate(self.chunks):
                for tok in chunk.doc:
                    valued = self._valued_company(ci, tok)
                    if valued:  # "The round values Harvey at $1.5 billion"
                        self._round_owners.append((chunk.offset + tok.idx, valued, event_date(tok.sent, tok, published)))
                        continue
                    if tok.lemma_.lower() in _RAISE_VERBS:
                        objects = [t for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]
                        if not any(t.lemma_.lower() in _ROUND_WORDS or t.like_num for t in objects):
                            continue
                    elif not (tok.pos_ == "VERB" and tok.lemma_.lower() not in _BACKING_VERBS | _FUNDING_VERBS
                              and _with_money(tok)):
                        continue
                    else:
                        objects = []
                    for c in tok.children:
                        m = self.token_mentions.get((ci, c.i)) if c.dep_ == "nsubj" else None
                        # a name the NER was unsure of ("NEW YORK (Wire) - ...") is no round owner;
                        # "it" or "the company" resolved to an organization is
                        if m and m.kind == ORG and (m.certain or c.pos_ in ("PRON", "NOUN")) and \
                                (m.certain or self.named_before(m.name, chunk.offset + tok.idx)):
                            self._round_owners.append((chunk.offset + tok.idx, m.name, event_date(tok.sent, tok, published)))
                    for t in objects:  # "Anthropic's Series E round"
                        m = self.token_mentions.get((ci, t.i)) if t.dep_ == "poss" else None
                        if m and m.kind == ORG:
                            self._round_owners.append((chunk.offset + tok.idx, m.name, event_date(tok.sent, tok, published)))
            self._round_owners.sort(key=lambda r: r[0])
        return [r for r in self._round_owners if r[0] < position]

    def _valued_company(self, ci: int, tok: Token) -> str | None:
        """The company a round "values" at a sum: the round is its own."""
        if tok.lemma_.lower() != "value" or tok.pos_ != "VERB" or \
                not any(c.dep_ == "nsubj" and c.lemma_.lower() in _ROUND_WORDS | {"deal", "raise"} for c in tok.children):
            return None
        for c in tok.children:
            m = self.token_mentions.get((ci, c.i)) if c.dep_ == "dobj" else None
            if m is not None and m.kind == ORG and (m.certain or self.named_before(m.name, m.start)):
                return m.name
        return None

    def _paragraph_round_owner(self, position: int) -> str | None:
        """"Anysphere closed a round last month. Thrive led it ... The company, founded in 2022": in a
        paragraph about a funding round, "the company" is the one that raised it."""
        rounds = self._rounds(position)
        if not rounds or "\n" in self.document.text[rounds[-1][0]:position]:
            return None
        return rounds[-1][1]

    def named_before(self, name: str, position: int) -> bool:
        """"it has closed a round": a reference owns a round only when the organization it stands for has
        been named before it (in the text, or as a funding headline's company), not guessed from the title."""
        return any(m.name == name and m.certain and m.start < position for m in self.timeline) or \
            any(self.table.is_known_org(h) and self.table.org(h) == name for h in self.headline_owners)

    def primary_org(self) -> str | None:
        """What the article is about: the most mentioned organization, the first named on a tie."""
        if self._primary is not None:
            return self._primary or None
        counts: Counter = Counter()
        first: dict[str, int] = {}
        seen_starts = set()
        for m in self.timeline:
            if m.kind == ORG and m.start not in seen_starts:
                # a name the tagger missed ("Gojek", found by its place in the clause) counts too, a little less
                seen_starts.add(m.start)
                counts[m.name] += 1 if m.certain else 0.75
                first.setdefault(m.name, m.start)
        for name, weight in self._title_orgs.items():
            counts[name] += weight
        self._primary = max(counts, key=lambda name: (counts[name], -first.get(name, 10**9))) if counts else ""
        return self._primary or None

    def previous_group(self, position: int) -> Mention | None:
        """The committee, board or team mentioned last before `position`."""
        before = sorted((g for g in self.groups if g.start < position), key=lambda g: g.start)
        named = [g for g in before if any(w[:1].isupper() for w in g.name.split())]
        # a named group ("the Safety and Security Committee") over a generic one ("the full board")
        if named and position - named[-1].start < 1500:
            return named[-1]
        return before[-1] if before else None

    def previous_org(self, position: int, definite: bool = False) -> str | None:
        """The organization a reference means. "The company" (definite) is the article's main
        organization once it has been named; "it" is the latest one, preferring the main one."""
        primary = self.primary_org()
        if definite and primary and any(m.name == primary and m.start < position for m in self.timeline):
            return primary
        window_start = max(0, position - 400)
        recent = [m for m in self.timeline if window_start <= m.start < position and m.kind == ORG and m.certain]
        if primary and any(m.name == primary for m in recent):
            return primary
        if recent:
            return recent[-1].name
        return primary


def _with_money(verb: Token) -> bool:
    """"came out of stealth with $56.5 million in Series A money": a round told as what the subject has."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            words = list(prep.subtree)
            if any(t.ent_type_ == "MONEY" for t in words) and \
                    any(t.lemma_.lower() in _ROUND_WORDS | {"money", "backing"} for t in words):
                return True
    return False


def _split_group_name(tok: Token) -> Token | None:
    """"ethics and society team" parsed as "ethics" and "society team": the bare first conjunct."""
    head = tok.head
    if tok.dep_ != "conj" or head.pos_ != "NOUN" or head.i >= tok.i or head.ent_type_:
        return None
    if not all(c.dep_ in ("poss", "det", "cc", "conj") or (c.dep_ == "amod" and c.i < head.i) for c in head.children):
        return None
    between = head.doc[head.i + 1:tok.i]
    if not between or between[0].lower_ != "and" or not all(t.dep_ in ("cc", "compound") for t in between):
        return None
    return head


def _ent_text(ent: Span) -> str:
    tokens = [t for t in ent if t.tag_ != "POS" and t.lower_ not in ("'s", "’s")]
    if not tokens:
        return ent.text
    return ent.doc[tokens[0].i:tokens[-1].i + 1].text


_NOT_NAMES = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LAW", "LANGUAGE", "EVENT"}


def name_lists(doc: Doc) -> list[list[list[Token]]]:
    """Runs of capitalized names separated only by commas and "and" ("A, B Capital and C"), read
    off the surface, since the parser often breaks long lists; each name is a list of tokens."""
    runs: list[list[list[Token]]] = []
    current: list[list[Token]] = []
    item: list[Token] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        name_word = tok.pos_ == "PROPN" and tok.text[:1].isupper() or (item and tok.text in ("&", ".AI", ".ai"))
        if name_word and tok.tag_ != "POS":
            item.append(tok)
            i += 1
            continue
        if item:
            current.append(item)
            item = []
        if tok.text == "," or tok.lower_ == "and":
            j = i
            while j < len(doc) and (doc[j].text == "," or doc[j].lower_ == "and"):
                j += 1
            if current and j < len(doc) and doc[j].pos_ == "PROPN" and j - i <= 2:
                i = j
                continue
        if len(current) >= 2:
            runs.append(current)
        current = []
        i += 1
    if item:
        current.append(item)
    if len(current) >= 2:
        runs.append(current)
    return runs


def _shared_surname_names(doc: Doc) -> list[tuple[int, str]]:
    """"The siblings Dario and Daniela Amodei": a lone given name joined by "and" to a full name
    shares its surname. Returns (token index, full name) for each such given name."""
    out = []
    ents = {e.start: e for e in doc.ents}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) != 1 or not _NAME_WORD.match(ent.text):
            continue
        if ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "and":
            continue
        other = ents.get(ent.end + 1)
        if other is None or other.label_ != "PERSON" or len(other) != 2 or \
                not all(_NAME_WORD.match(t.text) for t in other):
            continue
        out.append((ent.start, f"{ent.text} {other[-1].text}"))
    return out


def _mark_nicknamed_people(doc: Doc) -> None:
    """"Yuhuai (Tony) Wu": a given name, a nickname in parentheses and a surname are one person,
    which the NER splits into pieces (an organization "Yuhuai (Tony" and a person "Wu")."""
    spans = []
    for i in range(len(doc) - 4):
        first, open_, nick, close, last = doc[i:i + 5]
        if open_.text == "(" and close.text == ")" and all(
                t.pos_ == "PROPN" and _NAME_WORD.match(t.text) for t in (first, nick, last)) and \
                last.ent_type_ in ("PERSON", "") and not (i > 0 and doc[i - 1].pos_ == "PROPN"):
            end = i + 5
            while end < len(doc) and doc[end].pos_ == "PROPN" and _NAME_WORD.match(doc[end].text):
                end += 1
            spans.append(Span(doc, i, end, label="PERSON"))
    if not spans:
        return
    taken = {t.i for span in spans for t in span}
    doc.ents = [e for e in doc.ents if not any(t.i in taken for t in e)] + spans


_NAME_WORD = re.compile(r"^[A-Z][a-z][\w'’-]*$")


def _whole_names(doc: Doc, org_words: set[str]) -> None:
    """"Priya García Márquez", "Ana El Amrani", "Niki dos Santos": the NER often tags only part of a
    name from outside the English-speaking world (or splits it in two). A person-shaped run of name
    words (with particles and hyphens) that contains tagged pieces and nothing else becomes one
    entity, labelled as its first piece was."""
    from exodus.extraction.name_shapes import name_runs, person_shaped

    ents = []
    changed = False
    for ent in doc.ents:
        # "Sofía Parmar co-founded", "Niki Parmar co-founded Lumina Robotics": the tagger sometimes takes
        # a verb beside or between names into one entity; the verb splits it
        verbs = [t.i for t in ent if t.pos_ in ("VERB", "AUX") and t.text[:1].islower()] \
            if ent.label_ in ("PERSON", "ORG") else []
        if not verbs:
            ents.append(ent)
            continue
        changed = True
        start = ent.start
        for cut in [*verbs, ent.end]:
            if cut > start:
                ents.append(Span(doc, start, cut, label=ent.label_))
            start = cut + 1
    for run in name_runs(doc[:]):
        if len(run) < 2 or not person_shaped(run, frozenset(org_words)):
            continue
        start, end = run[0].i, run[-1].i + 1
        inside = [e for e in ents if e.start < end and start < e.end]
        if not inside or any(e.start < start or e.end > end for e in inside) or \
                (len(inside) == 1 and inside[0].start == start and inside[0].end == end):
            continue
        if any(e.label_ not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "PRODUCT") for e in inside):
            continue
        label = "PERSON" if any(e.label_ == "PERSON" for e in inside) else inside[0].label_
        ents = [e for e in ents if e not in inside] + [Span(doc, start, end, label=label)]
        changed = True
    if changed:
        doc.ents = sorted(ents, key=lambda e: e.start)


def _single_capitalized(ent: Span) -> bool:
    return len(ent) == 1 and ent[0].text[:1].isupper()


_DESCRIBING_VERBS = {"operate", "serve", "act", "function", "continue", "remain", "work", "exist"}


def _behind_name(tok: Token) -> str | None:
    """"the team behind LaMDA": a team named by what it built."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "behind":
        return None
    words = []
    for t in doc[tok.i + 2:]:
        if not (t.text[:1].isupper() and t.pos_ in ("PROPN", "ADV", "NOUN", "X")) or t.ent_type_ == "PERSON":
            break
        words.append(t.text)
    return " ".join(words) or None


def _group_text(tokens: list[Token]) -> str:
    words = [t.text for t in tokens if t.dep_ not in ("det", "poss", "case", "punct") or t.text == "&"]
    text = " ".join(words)
    text = re.sub(r"\s*-\s*", "-", text)
    return text.strip()
