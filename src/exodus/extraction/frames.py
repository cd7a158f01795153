"""From a parsed document to facts: trigger frames, titles in apposition, '-backed' compounds.

Each trigger word (data/triggers.json) brings frames that say which argument slot
fills which fact field. Titles next to names ("OpenAI co-founder John Schulman",
"Sam Altman, OpenAI's CEO") give `role`, `founded` and board `member` facts.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span, Token

from exodus.extraction.affiliations import (affiliation, elliptic_moves, former_employer, holds_post,
                                            accompanied_moves, list_title_phrases, move_departures,
                                            tenure_departures)
from exodus.extraction.arguments import is_passive, conjuncts, phrase_tokens, trigger_slots
from exodus.extraction.collectives import collective_facts
from exodus.extraction.event_dates import event_date
from exodus.extraction.founding_lists import founding_list_facts
from exodus.extraction.founding_phrases import founding_phrase_facts
from exodus.extraction.group_titles import clause_org, group_title_facts
from exodus.extraction.hedging import is_hedged
from exodus.extraction.investor_companions import companion_investor_facts
from exodus.extraction.investor_lists import investor_list_facts
from exodus.extraction.round_owners import person_affiliation
from exodus.extraction.lexicon import Lexicon
from exodus.extraction.mentions import GROUP, ORG, PERSON, Mention
from exodus.extraction.money import find_amounts
from exodus.extraction.parsed import ParsedDocument, trigger_lemma
from exodus.extraction.reasons import find_reasons
from exodus.schema import Evidence, Fact

_ENTITY_FIELDS = {"person": PERSON, "org": ORG, "from_org": ORG, "to_org": ORG, "investor": ORG,
                  "investee": ORG, "group": GROUP, "replaced": PERSON}
_REQUIRED = {"joined": ("person", "org"), "left": ("person", "org"), "founded": ("org",),
             "member": ("person", "group"), "group_event": ("group", "org"), "invested": ("investor", "investee"),
             "role": ("person", "org", "role")}
_FOUNDER = re.compile(r"\b(?:co-?)?found(?:er|ers|ing)\b", re.I)
_BOARD = re.compile(r"\bboard\b", re.I)
_FORMER = re.compile(r"\b(?:former|formerly|ex-|erstwhile|onetime|one-time|previous|previously|then|once|until)\b", re.I)
_CAUSAL = re.compile(r"\b(?:because|citing|cited|reason|concerns?|criticis|criticiz|wrote|said|says|explained|"
                     r"to focus|in order to|so (?:that )?(?:he|she|they) could|frustrat|disagree)\w*", re.I)
_WORKING_GROUPS = {"team", "unit", "division", "group", "lab", "labs", "department"}
_EMPTY_OBJECTS = {"company", "job", "post", "role", "position", "team", "firm", "startup", "round", "part",
                  "way", "ways", "board", "helm", "reins"}
_UNIT_WORDS = {"group", "team", "lab", "labs", "division", "unit", "arm", "department", "organization",
               "organisation", "operation", "operations", "business"}
_PARTICLES = {"down", "away", "out", "up", "back", "over", "off", "aboard", "on", "in", "go"}
_NEW_IN_ROLE = re.compile(r"\b(?:new|newly|incoming|recently (?:appointed|named|hired|promoted))\b", re.I)
_EMPLOYER_WORDS = {"employer", "company", "firm", "lab", "home", "team"}
_OLD_WORDS = {"old", "former", "previous", "onetime", "one-time", "erstwhile"}
_DROP_ROLE_WORDS = {"the", "a", "an", "its", "his", "her", "their", "new", "then", "as", "former", "our", "interim"}


class FactBuilder:
    def __init__(self, parsed: ParsedDocument, lexicon: Lexicon, extractor: str = "rules"):
        self.parsed = parsed
        self.lexicon = lexicon
        self.extractor = extractor
        self.facts: list[Fact] = []
        titles = "|".join(re.escape(t) for t in lexicon.titles)
        self.title_re = re.compile(rf"(?<![\w-])(?:{titles})s?(?![\w-])", re.I)

    # ---- driver ---------------------------------------------------------------------------
    def build(self) -> list[Fact]:
        for ci, chunk in enumerate(self.parsed.chunks):
            for sent in chunk.doc.sents:
                self._sentence(ci, sent)
        return self.facts

    def _sentence(self, ci: int, sent: Span) -> None:
        verbs, nouns = self.lexicon.verb_frames, self.lexicon.noun_frames
        first_new = len(self.facts)
        for token in sent:
            lemma = trigger_lemma(token)
            particles = [c.lower_ for c in token.children if c.dep_ == "prt" or
                         (c.dep_ in ("advmod", "prep") and c.lower_ in _PARTICLES and not list(c.children))]
            if token.pos_ in ("VERB", "AUX") or (token.tag_ in ("VBN", "VBG", "VBD") and token.pos_ != "NOUN"):
                keys = [f"{lemma} {p}" for p in particles] + [lemma]
                for key in keys:
                    if key in verbs:
                        self._trigger(ci, sent, token, key, verbs[key], particles)
                        break
            elif token.pos_ in ("NOUN",) and lemma in nouns:
                self._trigger(ci, sent, token, lemma, nouns[lemma], particles)
        tenure_departures(self, ci, sent)
        self._titles(ci, sent)
        move_departures(self, ci, sent)
        accompanied_moves(self, ci, sent)
        elliptic_moves(self, ci, sent)
        self._backed_compounds(ci, sent)
        collective_facts(self, ci, sent)
        investor_list_facts(self, ci, sent)
        founding_list_facts(self, ci, sent)
        group_title_facts(self, ci, sent)
        founding_phrase_facts(self, ci, sent)
        companion_investor_facts(self, ci, sent, self.facts[first_new:])

    # ---- frames ---------------------------------------------------------------------------
    def _trigger(self, ci: int, sent: Span, token: Token, key: str, frames: list[dict[str, Any]],
                 particles: list[str]) -> None:
        if is_hedged(token, self.lexicon):
            return
        slots = trigger_slots(token)
        passive = is_passive(token)
        for frame in frames:
            if frame.get("active_only") and passive:
                continue
            if frame.get("needs_particle") and not set(particles) & set(frame["needs_particle"]):
                continue
            if frame.get("transitive") and not slots.get("obj"):
                continue  # "his proposal to succeed" is not "to succeed Glazer"
            if frame.get("needs_context") and not self.mentions_words(ci, sent, frame["needs_context"]):
                continue
            if frame.get("needs_aux") and not any(c.dep_ == "aux" and c.lower_ in frame["needs_aux"]
                                                  for c in token.children):
                continue  # "X will be OpenAI's CTO" is news of a post; "X is OpenAI's CTO" is a role
            if frame.get("needs_present") and (token.tag_ == "VBD" or any(
                    c.dep_ == "aux" and c.lower_ in ("had", "was", "were", "did") for c in token.children)):
                continue  # "served as vice president at OpenAI" is a past post; "serves as" is a role
            if frame.get("needs_modifier") and not any(c.lower_ in frame["needs_modifier"] for c in token.children):
                continue  # "X is now at Y" is a move; "X is at Y" is not
            if frame.get("needs_object"):
                objs = [t for t in slots.get("obj", []) + slots.get("predicate", [])]
                objs += [c for t in objs for c in t.children if c.dep_ == "compound"]  # "Series B"
                objs += [t for t in sent if t.dep_ == "pobj" and t.head.head == token]
                if not any(t.lemma_.lower() in frame["needs_object"] for t in objs) and \
                        not (any(t.lower_ == "it" for t in slots.get("obj", [])) and
                             self.mentions_words(ci, sent, frame["needs_object"])):
                    continue  # "Anysphere closed a round. Thrive led it": "it" is the round
            if frame["kind"] == "invested" and _reversed(token, self.lexicon):
                continue  # "reduced its stake in X" undoes an investment
            fields = self._fill(ci, sent, token, slots, frame)
            if fields is None:
                continue
            self._emit(ci, sent, token, frame, fields, key)
            return

    def _fill(self, ci: int, sent: Span, token: Token, slots: dict[str, list[Token]],
              frame: dict[str, Any]) -> dict[str, Any] | None:
        kind = frame["kind"]
        fields: dict[str, Any] = {}
        role, role_org = self._role(ci, token, slots)
        if frame.get("role_text"):
            role = frame["role_text"]
        for name, wanted in _ENTITY_FIELDS.items():
            if name not in frame:
                continue
            many = name in ("person", "replaced", "investor") or (kind == "member" and name == "person")
            unresolved = False  # a slot filled by words that name no entity ("left a hedge fund")
            for slot in frame[name]:
                if slot in ("context_org", "title_org", "affiliation_org") and unresolved:
                    break
                if slot == "role_org" or slot == "as_org":
                    found = [role_org] if role_org else []
                elif slot == "context_org":
                    if "subj" in frame[name] and any((m := self.parsed.mention(ci, t)) and m.kind == PERSON
                                                     for t in slots.get("subj", [])):
                        break
                    found = self._context_org(ci, sent, token, kind, fields, frame.get("own_org_ok", False))
                elif slot == "former_employer":
                    # "going back to their old employer": the organization they were said to leave
                    old = any(t.lemma_.lower() in _EMPLOYER_WORDS and any(c.lower_ in _OLD_WORDS for c in t.children)
                              for t in slots.get("to", []))
                    found = self._tied_org(ci, token, slot, fields.get("person") or []) if old else []
                elif slot == "affiliation_org":
                    # not "return the stolen material": only with no object, or "left his post"
                    free = all(t.lemma_.lower() in _EMPTY_OBJECTS for t in slots.get("obj", []) if t.pos_ != "PRON"
                               and not ((m := self.parsed.mention(ci, t)) and m.kind == PERSON))
                    reporter = _reporter_org(self.parsed, ci, token) if kind == "left" else None
                    if reporter:  # "Google told employees that X was stepping down": Google's own
                        found = [Mention(ORG, reporter, 0, 0, certain=False)]
                    else:
                        found = self._tied_org(ci, token, slot, fields.get("person") or []) if free else []
                elif slot == "poss_org":
                    found = self._mentions(ci, slots.get("poss", []), ORG, False)
                elif slot == "title_org":
                    people = fields.get("person") or []
                    own = self._title_org(ci, sent, people[0]) if people else None
                    found = [Mention(ORG, own, 0, 0, certain=False)] if own else []
                elif slot == "poss_of_obj":  # "led Anthropic's seed round" (the parser may call the round a predicate)
                    heads = slots.get("obj", []) + slots.get("predicate", [])
                    heads += [c for o in heads for c in o.children if c.dep_ == "compound"]  # "Anthropic's seed round"
                    owners = [c for o in heads for c in o.children if c.dep_ == "poss"]
                    found = self._mentions(ci, owners, ORG, False)
                elif slot == "compound_org":
                    found = self._mentions(ci, slots.get("compound", []), ORG, False)
                else:
                    found = self._mentions(ci, slots.get(slot, []), wanted, many)
                if found:
                    fields[name] = found if many else found[0]
                    fields[name + "_slot"] = slot
                    break
                if slot in ("obj", "in", "from", "at", "to") and any(
                        t.pos_ in ("NOUN", "PROPN") and t.lower_ not in _EMPTY_OBJECTS for t in slots.get(slot, [])):
                    unresolved = True
        if role:
            fields["role"] = role
            fields["role_from_as"] = bool(slots.get("as"))
        needs = set(frame.get("needs", [])) | set(_REQUIRED.get(kind, ()))
        if kind == "group_event" and "group" in fields and "org" not in fields and fields["group"].org:
            fields["org"] = Mention(ORG, fields["group"].org, 0, 0)
        if kind == "member" and "group" in fields and fields["group"].org:
            fields["org"] = Mention(ORG, fields["group"].org, 0, 0)
        if kind in ("member", "group_event") and "group" in fields and not fields.get("org"):
            # a board named with no owner is the one of the organization the article is about
            org = _purpose_org(self.parsed, ci, token) or clause_org(self.parsed, ci, token) or \
                self.parsed.previous_org(self.start_of(ci, token), definite=_is_board(fields["group"].name))
            if org:
                fields["org"] = Mention(ORG, org, 0, 0, certain=False)
                fields["org_slot"] = "context_org"
        if kind == "founded":
            needs.discard("person") if "person" not in frame.get("needs", []) else None
        if kind == "invested" and "amount" in needs:
            needs.discard("amount")
            if not self.amount_of(ci, sent, token):
                return None
        missing = [n for n in needs if not fields.get(n)]
        if missing:
            return None
        if frame.get("needs_new_group") and fields["group"].certain is False:
            return None
        if frame.get("needs_named_group") and not any(w[:1].isupper() for w in fields["group"].name.split()):
            return None  # "merged into a single unit" names no group; "into Google DeepMind" does
        return fields

    def _emit(self, ci: int, sent: Span, token: Token, frame: dict[str, Any], fields: dict[str, Any],
              key: str = "") -> None:
        kind = frame["kind"]
        evidence = self.evidence_of(ci, sent)
        date = None if frame.get("state") else self.date_of(ci, sent, token)  # "counts X among its backers"
        confidence = 0.85
        if fields.get("org_slot") == "context_org":
            confidence -= 0.2
        keywords = [(self.start_of(ci, token), self.start_of(ci, token) + len(token))]
        if kind == "member" and frame.get("action") == "left_group":
            return
        base = dict(kind=kind, doc=self.parsed.document.id, evidence=evidence, date=date,
                    extractor=self.extractor, keywords=keywords)
        if kind in ("joined", "left", "member", "role"):
            people = self._relative_clause_people(ci, token, [m for m in fields.get("person", []) if m.kind == PERSON])
            org = fields.get("org")
            for person in people:
                conf = confidence - (0.1 if not person.certain else 0)
                if fields.get("org_slot") in ("affiliation_org", "former_employer") and \
                        not (org and org.name == _reporter_org(self.parsed, ci, token)):
                    # each person leaves their own organization; one without a known tie is skipped
                    tied = self._tied_org(ci, token, fields["org_slot"], [person])
                    org = tied[0] if tied else None
                    conf -= 0.15
                fact = Fact(person=person.name, org=org.name if org else None, confidence=conf, **base)
                if kind == "member":
                    fact.group = fields["group"].name
                    fact.role = frame.get("role_text") or (fields.get("role") if fields.get("role_from_as") else None)
                if kind in ("joined", "left"):
                    fact.role = fields.get("role")
                if kind == "role":
                    fact.role, fact.date = fields.get("role"), None  # a standing post, not an event
                if kind == "joined":
                    fact.from_org = (fields["from_org"].name if fields.get("from_org") else
                                     self._former_org(ci, sent, person))
                    if fact.from_org is None:
                        fact.from_org = self._title_org(ci, sent, person)
                        fact.implied_from = fact.from_org is not None
                    if fact.from_org == fact.org:
                        fact.from_org = None
                if kind == "left":
                    if fields.get("to_org") and fields["to_org"].name != fact.org:
                        fact.to_org = fields["to_org"].name
                    fact.reasons = self._reasons(ci, sent, person, frame)
                table = self.parsed.table  # "the billionaire hired X": a person is no employer here
                if fact.org and fact.org != person.name and not (table.is_person(fact.org) and
                                                                 not table.is_known_org(fact.org)):
                    self.facts.append(fact)
                    if kind == "member" and frame.get("also_left_org"):
                        # "left the board" ends a membership (not recorded as a fact); leaving a team or
                        # lab of an organization is leaving the organization
                        self.facts.remove(fact)
                        if fields.get("org_slot") != "context_org" and fact.group.lower().split()[-1] in _WORKING_GROUPS:
                            self.facts.append(Fact(**dict(base, kind="left"), person=person.name, org=fact.org,
                                                   reasons=self._reasons(ci, sent, person, frame), confidence=conf - 0.1))
                        elif _is_board(fact.group) and not holds_post(self.facts, person.name, fact.org):
                            # leaving the board is leaving the organization as a board member; "the board"
                            # with no owner named is the one of the person's own organization
                            self.facts.append(Fact(**dict(base, kind="left"), person=person.name,
                                                   org=self._board_org(ci, token, person, fields, fact.org),
                                                   role="board member", confidence=conf - 0.1,
                                                   reasons=self._reasons(ci, sent, person, frame)))
                    if kind == "member" and key == "join" and fields["group"].certain and \
                            fact.group.lower().split()[-1] in _WORKING_GROUPS and fields.get("org_slot") != "context_org":
                        # joining a team or lab of an organization is joining the organization
                        self.facts.append(Fact(**dict(base, kind="joined"), person=person.name, org=fact.org,
                                               confidence=conf - 0.1))
                    if kind == "member" and key in _BOARD_ARRIVALS and _is_board(fact.group) and \
                            not holds_post(self.facts, person.name, fact.org):
                        # joining a board is joining the organization as a board member
                        self.facts.append(Fact(**dict(base, kind="joined"), person=person.name,
                                               org=self._board_org(ci, token, person, fields, fact.org),
                                               role="board member", confidence=conf - 0.1))
            if kind == "joined" and fields.get("replaced") and org:
                for old in fields["replaced"]:
                    if old.kind == PERSON and old.name not in [p.name for p in people]:
                        self.facts.append(Fact(person=old.name, org=org.name, confidence=0.5, **dict(base, date=date)))
                        self.facts[-1].kind = "left"
                        self.facts[-1].reasons = []
                        self.facts[-1].replaced = True
        elif kind == "founded":
            org = fields["org"]
            people = [m for m in fields.get("person", []) if m.kind == PERSON]
            if people and frame.get("co_person"):
                slots = trigger_slots(token)
                for slot in frame["co_person"]:
                    # "set up by A with B and C": the "with" hangs off the founder as often as the verb
                    holders = slots.get(fields.get("person_slot") or "subj", []) + slots.get("obj", [])
                    tokens = slots.get(slot, []) + [p for t in holders
                                                    for c in t.children if c.dep_ == "prep" and c.lower_ == slot
                                                    for p in c.children if p.dep_ == "pobj"]
                    people += [m for m in self._mentions(ci, tokens, PERSON, True)
                               if m.name not in {p.name for p in people}]
            if not people and fields.get("person_slot") is None:
                people = self._listed_after_colon(ci, sent, token)
            if people:
                for person in people:
                    self.facts.append(Fact(person=person.name, org=org.name, confidence=confidence, **base))
            elif date or any(c.dep_ == "agent" for c in token.children):
                self.facts.append(Fact(person=None, org=org.name, confidence=confidence - 0.1, **base))
        elif kind == "group_event":
            self.facts.append(Fact(org=fields["org"].name, group=fields["group"].name, action=frame["action"],
                                   confidence=confidence, **base))
        elif kind == "invested":
            investee = fields["investee"]
            investors = [m for m in fields["investor"] if m.kind == ORG and m.name != investee.name
                         and not (m.end and person_affiliation(self.parsed.document.text, m.end))]
            amount = self.amount_of(ci, sent, token) if len(investors) == 1 else None
            for investor in investors:
                self.facts.append(Fact(investor=investor.name, investee=investee.name, confidence=confidence,
                                       amount=amount, **base))

    def _board_org(self, ci: int, token: Token, person: Mention, fields: dict[str, Any], org: str) -> str:
        """Whose board "the board" is: the one named, else the person's own organization, else the
        organization the article is about."""
        if fields.get("org_slot") != "context_org":
            return org
        return affiliation(self.facts, person.name, self.start_of(ci, token)) or org

    def _relative_clause_people(self, ci: int, token: Token, people: list[Mention]) -> list[Mention]:
        """"A; B, who joined the board in June; and C": a relative clause inside a list is about the
        name it hangs on, not the whole list ("A and B, who left Google" still is about both)."""
        if token.dep_ != "relcl" or len(people) < 2 or all(p.start < self.start_of(ci, token) for p in people):
            return people
        own = self.parsed.mention(ci, token.head)
        return [p for p in people if own is not None and p.name == own.name] or people

    def _context_org(self, ci: int, sent: Span, token: Token, kind: str, fields: dict[str, Any],
                     own_org_ok: bool = False) -> list[Mention]:
        """The organization a statement is about when it names none: the one whose round it is (for
        investments), the person's own (for departures), one named earlier in the sentence, or the
        article's main organization."""
        position = self.start_of(ci, token)
        people = fields.get("person") or []
        own = self._title_org(ci, sent, people[0], founders=kind != "joined") if people else None
        org = None
        if kind == "joined":
            org = _fronted_for_org(self.parsed, ci, token)
            if org is None and token.dep_ == "conj":
                # "A had been lured to Anysphere ..., and B was brought on as head of product"
                here = self.evidence_of(ci, sent).start
                same = [f.org for f in self.facts if f.kind == "joined" and f.evidence.start == here and f.org]
                org = same[-1] if same else None
        if org is None and kind in ("left", "joined"):
            org = _reporter_org(self.parsed, ci, token)  # "Google told employees that X was stepping down"
        if org:
            pass
        elif kind == "invested":
            org = self.parsed.shared_object_org(ci, token) or self.parsed.round_owner(position)
        elif own and (kind != "joined" or own_org_ok):
            # a departure is from the person's own organization, and so is a promotion ("X, Scale's
            # strategy chief, was named interim CEO"); a hire or a move is elsewhere
            org = own
        if org is None:
            org = self.parsed.previous_org(position, definite=True)
            if org and kind == "invested" and not self.parsed.named_before(org, position):
                org = None  # a round whose owner the text has not named yet: no guess from the title
            if org and kind == "invested" and (any(m.name == org for m in fields.get("investor") or []) or
                                               org in self._sentence_investors(ci, sent)):
                org = None  # "Nvidia, AMD and Google all put in money": no investor funds itself
        return [Mention(ORG, org, 0, 0, certain=False)] if org else []

    def _tied_org(self, ci: int, token: Token, slot: str, people: list[Mention]) -> list[Mention]:
        """The organization the document has already tied the (first) person to: any title, membership,
        founding or arrival (`affiliation_org`), or the last departure (`former_employer`)."""
        position = self.start_of(ci, token)
        lookup = affiliation if slot == "affiliation_org" else former_employer
        if slot == "affiliation_org":
            # "who led research at OpenAI until he left", "spent five years at OpenAI before departing":
            # the workplace named earlier in the same sentence
            at = [m for t in token.sent if t.i < token.i and t.dep_ == "pobj" and t.head.lower_ == "at"
                  and (m := self.parsed.mention(ci, t)) and m.kind == ORG and m.certain]
            if at and people:
                return [at[-1]]
        for person in people:
            if person.kind != PERSON:
                continue
            name = lookup(self.facts, person.name, position)
            if name:
                return [Mention(ORG, name, 0, 0, certain=False)]
            if slot == "affiliation_org" and self._bare_title(ci, token.sent, person):
                # "Bob McGrew, the chief research officer, left": a title with no organization is
                # one at the organization the article is about
                name = self.parsed.previous_org(position, definite=True)
                if name:
                    return [Mention(ORG, name, 0, 0, certain=False)]
        return []

    def _bare_title(self, ci: int, sent: Span, person: Mention) -> bool:
        """"Lilian Weng, vice president of research, ...", "chief research officer Bob McGrew": a current
        title beside the person's name that names no organization (and no other employer)."""
        return any(not any((m := self.parsed.mention(ci, t)) and m.kind == ORG for t in phrase) and
                   not any(t.lower_ in ("at", "with", "from", "'s", "’s") or t.dep_ == "poss" for t in phrase)
                   for phrase in self.current_titles(ci, sent, person.name) +
                   list_title_phrases(self, ci, sent, person.name))

    def current_titles(self, ci: int, sent: Span, name: str) -> list[list[Token]]:
        """The title phrases beside a person's name in `sent` that state a current post (not a former
        one, not a founding, not a board seat)."""
        found = []
        for token in sent:
            mention = self.parsed.mention(ci, token)
            if mention is None or mention.kind != PERSON or mention.name != name or \
                    token.head.i != token.i and self.parsed.mention(ci, token.head) is mention:
                continue
            for phrase in self._title_phrases(ci, token, mention):
                text = " ".join(t.text for t in phrase)
                if self.title_re.search(text) and not _FORMER.search(text) and not _FOUNDER.search(text) \
                        and not _BOARD.search(text) and not re.search(r"\b(?:director|chair|trustee)", text, re.I):
                    found.append(phrase)
        return found

    def mentions_words(self, ci: int, sent: Span, words: list[str]) -> bool:
        """Does this sentence or the one before it speak of one of `words` (lemmas)?"""
        start = sent.start
        if start > 0:
            start = sent.doc[start - 1].sent.start
        return any(t.lemma_.lower() in words for t in sent.doc[start:sent.end])

    def _title_org(self, ci: int, sent: Span, person: Mention, founders: bool = True) -> str | None:
        """"Ford China CEO Jason Luo": the organization in a person's own title. Without `founders`, not a
        founder's title ("the Twitch co-founder who was named interim CEO" is not promoted at Twitch)."""
        for token in sent:
            if self.parsed.mention(ci, token) is not person or token.head.i != token.i and \
                    self.parsed.mention(ci, token.head) is person:
                continue
            for phrase in self._title_phrases(ci, token, person):
                text = " ".join(t.text for t in phrase)
                if self.title_re.search(text) and not _FORMER.search(text) and (founders or not _FOUNDER.search(text)):
                    for t in phrase:
                        m = self.parsed.mention(ci, t)
                        if m and m.kind == ORG:
                            return m.name
        return None

    def _former_org(self, ci: int, sent: Span, person: Mention) -> str | None:
        """"Former OpenAI executive Jan Leike": the organization someone came from."""
        for token in sent:
            if self.parsed.mention(ci, token) is not person:
                continue
            mods = [t for c in token.lefts if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree]
            mods += [t for c in token.children if c.dep_ == "appos" for t in c.subtree]
            if any(_FORMER.fullmatch(t.lower_) for t in mods):
                for t in mods:
                    m = self.parsed.mention(ci, t)
                    if m and m.kind == ORG and m.certain:
                        return m.name
        return None

    # ---- slots to mentions ---------------------------------------------------------------------
    def _mentions(self, ci: int, tokens: list[Token], kind: str, many: bool) -> list[Mention]:
        found: list[Mention] = []
        for token in tokens:
            if kind == PERSON and many and (pair := self._the_pair(ci, token)):
                found.extend(m for m in pair if m.name not in {f.name for f in found})
                continue
            candidates = conjuncts(token) if many else [token]
            for cand in candidates:
                m = self.mention_of(ci, cand, kind)
                if m and all(m.name != f.name for f in found):
                    found.append(m)
                if found and not many:
                    return found
        return found

    def _sentence_investors(self, ci: int, sent: Span) -> set[str]:
        """"The round was led by Thrive Capital; Microsoft also invested": who leads or backs in this sentence."""
        names = set()
        for tok in sent:
            verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "agent" else tok.head
            if verb.lemma_.lower() not in ("lead", "co-lead", "back", "fund", "invest") or \
                    not (tok.dep_ == "nsubj" or tok.head.dep_ == "agent"):
                continue
            for t in conjuncts(tok):
                m = self.parsed.mention(ci, t)
                if m is not None and m.kind == ORG:
                    names.add(m.name)
        return names

    def _org_in_view(self, ci: int, sent: Span, token: Token) -> Mention | None:
        """The organization a bare title belongs to: the article's main one, when this sentence or the one
        before names it and names no other."""
        primary = self.parsed.primary_org()
        if primary is None:
            return None
        start = self.start_of(ci, sent[0])
        previous = self.parsed.previous_sentence(start)
        window_start = self.start_of(previous[0], previous[1][0]) if previous else start
        end = self.start_of(ci, sent[-1]) + len(sent[-1])
        named = {m.name for m in self.parsed.timeline if m.kind == ORG and m.certain and window_start <= m.start < end}
        return Mention(ORG, primary, 0, 0, certain=False) if named == {primary} else None

    def _orgs_before(self, ci: int, sent: Span, token: Token) -> set[str]:
        return {m.name for t in sent if t.i < token.i and (m := self.parsed.mention(ci, t)) and m.kind == ORG
                and m.certain}

    def _listed_after_colon(self, ci: int, sent: Span, token: Token) -> list[Mention]:
        """"seven of them co-founded Databricks in 2013: Ghodsi, Matei Zaharia, ...": the people the
        sentence lists after a colon that follows the verb."""
        colon = next((t for t in sent if t.text == ":" and t.i > token.i), None)
        if colon is None:
            return []
        people: list[Mention] = []
        # the parser may end the sentence at the colon: the list is then the next one
        span = sent if colon.i < sent.end - 1 or sent.end >= len(sent.doc) else sent.doc[sent.end].sent
        for t in span:
            m = self.parsed.mention(ci, t) if t.i > colon.i else None
            if m is not None and m.kind == PERSON and m.name not in {p.name for p in people}:
                people.append(m)
            if t.text == ";" and t.i > colon.i:
                break
        return people if len(people) > 1 else []

    def _the_pair(self, ci: int, token: Token) -> list[Mention]:
        """"The pair founded the startup", "the siblings set up the company": the last two (three for
        a trio) people named before, in the same or the previous paragraph."""
        size = _PEOPLE_GROUPS.get(token.lemma_.lower())
        if size is None or token.pos_ not in ("NOUN", "NUM") or \
                not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return []
        position = self.start_of(ci, token)
        people: list[Mention] = []
        for m in reversed(self.parsed.timeline):
            if m.start >= position or m.kind != PERSON or not m.certain:
                continue
            if position - m.start > 1200 or len(people) == size:
                break
            if m.name not in {p.name for p in people}:
                people.append(m)
        return list(reversed(people)) if len(people) == size else []

    def _previous_subject_group(self, sentence_start: int) -> Mention | None:
        """The group that the sentence before (in the same paragraph) is about, as its subject."""
        previous = self.parsed.previous_sentence(sentence_start, same_paragraph=True)
        if previous is None:
            return None
        pci, sent = previous
        for tok in sent:
            m = self.parsed.mention(pci, tok)
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head == sent.root and m is not None and m.kind == GROUP:
                return m
        return None

    def mention_of(self, ci: int, token: Token, kind: str) -> Mention | None:
        if kind == GROUP and token.lower_ in ("it", "its") and token.pos_ == "PRON":
            # "It also includes A and B", right after a committee was named; "who led the robotics
            # team until OpenAI wound it down": the group named earlier in the same sentence
            position = self.start_of(ci, token)
            sent_start = self.start_of(ci, token.sent[0])
            same = [g for g in self.parsed.groups if sent_start <= g.start < position]
            if same:
                return max(same, key=lambda g: g.start)
            topic = self._previous_subject_group(sent_start)
            if topic is not None:
                return topic  # "The generative AI group is new. Zuckerberg set it up in February."
            group = self.parsed.previous_group(position)
            if group and self.start_of(ci, token) - group.start < 400:
                return group
        if kind == GROUP and token.lemma_.lower() == "member":
            # "a board whose members include A", "the committee's members include A": the members' group
            for c in token.children:
                if c.dep_ != "poss":
                    continue
                owner = token.head.head if c.lower_ == "whose" and token.head.dep_ == "relcl" else c
                m = self.parsed.mention(ci, owner)
                if m is not None and m.kind == GROUP:
                    return m
                if c.lower_ in ("its", "their"):
                    return self.mention_of(ci, c, GROUP)
        named = _named_appositive(self.parsed, ci, token) if kind == ORG else None
        if named:
            return named
        m = self.parsed.mention(ci, token)
        if m and m.kind == kind and (m.certain or kind != ORG or m.start != 0):
            return m
        if m and m.kind == GROUP and kind == ORG:
            return Mention(ORG, m.org, m.start, m.end) if m.org else None
        if m and m.kind != kind and m.kind in (PERSON, ORG):
            return None
        if kind == ORG and token.pos_ == "NOUN" and token.lemma_.lower() in _UNIT_WORDS:
            # "left Meta's AI research group": a unit stands for its organization
            for c in token.children:
                owner = self.parsed.mention(ci, c) if c.dep_ in ("poss", "compound") else None
                if owner and owner.kind == ORG:
                    return owner
        if token.dep_ == "appos" and kind != GROUP:
            head = self.parsed.mention(ci, token.head)
            if head and head.kind == kind:
                return head
            if head and head.kind == PERSON and kind == ORG and token.pos_ == "NOUN":
                return None  # "Jaan Tallinn, the Skype co-founder": a description of a person names no party
        for t in phrase_tokens(token) if kind != PERSON else []:
            if t is token:
                continue
            m = self.parsed.mention(ci, t)
            if m and m.kind == kind and (kind != ORG or m.certain):
                return m
        if kind == PERSON and token.dep_ in ("pobj", "appos", "compound") and token.pos_ in ("NOUN", "PROPN"):
            # "Marc Lore, chief executive of Walmart US e-commerce, who joined ...": the clause hangs
            # off the end of the title; climb back to the name the title describes
            t = token
            for _ in range(4):
                if t.head is t:
                    break
                t = t.head
                m = self.parsed.mention(ci, t)
                if m and m.kind == PERSON:
                    return m
                if t.pos_ in ("VERB", "AUX"):
                    break
        return None

    def _role(self, ci: int, token: Token, slots: dict[str, list[Token]]) -> tuple[str | None, Mention | None]:
        """A title from "as X" or a predicate ("named CEO", "became chief scientist")."""
        candidates = list(slots.get("as", [])) + list(slots.get("predicate", [])) + list(slots.get("to", []))
        expanded = []
        for cand in candidates:
            inner = [g for c in cand.subtree if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
            expanded.extend(inner or [cand])
        for cand in expanded:
            if (m := self.parsed.mention(ci, cand)) and m.kind == PERSON:
                continue
            # "named Maria Lopez chief executive": the object's name inside the title phrase is not part of it
            named = {t.i for o in slots.get("obj", []) if o.i != cand.i and o in cand.subtree for t in o.subtree}
            # "as its new chief operating officer on Tuesday": the date is no part of the title
            named |= {t.i for p in cand.subtree if p.dep_ == "prep" and any(c.ent_type_ == "DATE" for c in p.children)
                      for t in p.subtree}
            tokens = [t for t in _phrase_until_comma(cand) if t.i not in named]
            text = " ".join(t.text for t in tokens)
            if not self.title_re.search(text):
                continue
            if any((m := self.parsed.mention(ci, t)) and m.kind == PERSON for t in tokens):
                continue  # "as the great-grandson of founder Henry Ford": a relation, not a post
            org = None
            ranked = sorted(tokens, key=lambda t: (not (t.dep_ in ("pobj", "poss") and
                                                        (t.dep_ == "poss" or t.head.lower_ in ("of", "at"))), t.i))
            for t in ranked:
                m = self.parsed.mention(ci, t)
                if m and m.kind == ORG and (m.certain or m.start != 0):
                    org = m
                    break
            role_words = [t.text for t in tokens if t.lower_ not in _DROP_ROLE_WORDS and t.tag_ != "POS"
                          and not (self.parsed.mention(ci, t) and self.parsed.mention(ci, t).kind == ORG and t.dep_ in ("poss", "pobj", "compound") and t.i < cand.i)]
            role = " ".join(role_words)
            role = re.sub(r"\s+([,.;:’'])", r"\1", role).strip(" ,.;")
            role = re.sub(r"\s*-\s*", "-", role)
            return role or None, org
        return None, None

    def amount_of(self, ci: int, sent: Span, token: Token):
        doc = sent.doc
        spans = [(t.idx, t.idx + len(t)) for t in token.subtree]
        lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
        for obj in [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]:
            sub = list(obj.subtree)
            lo, hi = min(lo, sub[0].idx), max(hi, sub[-1].idx + len(sub[-1]))
        in_tree = find_amounts(doc.text[lo:hi])
        if in_tree:
            return in_tree[0][2]
        in_sent = find_amounts(sent.text)
        if len({a.value for _, _, a in in_sent}) == 1:
            return in_sent[0][2]
        return None

    # ---- titles next to names --------------------------------------------------------------------
    def _titles(self, ci: int, sent: Span) -> None:
        seen: set[int] = set()
        for token in sent:
            person = self.parsed.mention(ci, token)
            if not person or person.kind != PERSON or not person.certain or id(person) in seen:
                continue
            if token.head.i != token.i and self.parsed.mention(ci, token.head) is person:
                continue  # not the head word of the name
            seen.add(id(person))
            for phrase in self._title_phrases(ci, token, person):
                self._title_fact(ci, sent, token, person, phrase)

    def _title_phrases(self, ci: int, token: Token, person: Mention) -> list[list[Token]]:
        phrases = []
        left = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod", "poss") and self.parsed.mention(ci, c) is not person]
        if left:
            tokens = sorted({t for c in left for t in c.subtree if self.parsed.mention(ci, t) is not person}, key=lambda t: t.i)
            phrases.append(tokens)
        for c in token.children:
            if c.dep_ == "appos" and not self.parsed.mention(ci, c):
                phrases.append(sorted(_appos_tokens(c), key=lambda t: t.i))
            if c.dep_ == "relcl":
                for a in c.children:
                    if a.dep_ == "attr" and c.lemma_ == "be":
                        phrases.append(sorted(a.subtree, key=lambda t: t.i))
        if token.dep_ == "appos" and not self.parsed.mention(ci, token.head):
            head = token.head
            phrases.append(sorted([t for t in head.subtree if t.i < token.i and t not in token.subtree], key=lambda t: t.i))
        first = token
        while first.dep_ == "conj" and first.head is not first:
            first = first.head  # "co-founders A and B": B shares A's title
        if first is not token and (m := self.parsed.mention(ci, first)) is not None and m.kind == PERSON:
            shared = [c for c in first.lefts if c.dep_ in ("compound", "amod", "nmod") and self.parsed.mention(ci, c) is not m]
            # only a plural title is shared ("co-founders A and B"; not "co-founder A and B")
            if shared and any(_FOUNDER.search(t.text) and t.lower_.endswith("s") for c in shared for t in c.subtree):
                phrases.append(sorted({t for c in shared for t in c.subtree if self.parsed.mention(ci, t) is not m},
                                      key=lambda t: t.i))
        if first.dep_ == "dobj" and first.head.pos_ == "VERB" and \
                first.head.lemma_.lower() in ("co-founder", "cofounder", "founder"):
            # "Quorvex co-founders Maria Lopez and Ken Ito": the tagger's verb "co-founders" is the title
            title = first.head
            phrases.append(sorted([t for t in title.subtree if t.i <= title.i], key=lambda t: t.i))
        if token.dep_ == "nsubj" and token.head.lemma_ == "be":
            for a in token.head.children:
                if a.dep_ == "attr":
                    phrases.append(sorted(a.subtree, key=lambda t: t.i))
        return phrases

    def _title_fact(self, ci: int, sent: Span, token: Token, person: Mention, tokens: list[Token]) -> None:
        text = " ".join(t.text for t in tokens)
        title = self.title_re.search(text)
        if not title:
            return
        orgs = [m for t in tokens if (m := self.parsed.mention(ci, t)) and m.kind == ORG and m.certain]
        base = dict(doc=self.parsed.document.id, evidence=self.evidence_of(ci, sent), extractor=self.extractor,
                    keywords=[(self.start_of(ci, tokens[0]), self.start_of(ci, tokens[-1]) + len(tokens[-1]))])
        if _FOUNDER.search(text):
            if re.search(r"\bfounders? of (?:a|an|the|his|her|their)\b", text):
                return
            # "a co-founder of DeepMind and of Inflection AI": every organization the title names
            founder = next((t for t in tokens if _FOUNDER.search(t.text) or t.lower_ == "founding"), None)
            if founder is not None and founder.lower_ == "founding":
                founder = founder.head
            if founder is not None:
                # only what the founder word itself governs: not "the former head of AI at Tesla" beside it
                # a conjoined title with its own article is another noun phrase ("a founding member of OpenAI
                # and the former head of AI at Tesla"); without one it shares the "of" ("co-founder and
                # chief executive of DeepMind")
                # ("a co-founder and the chief executive of DeepMind": a founder word without an "of"
                # of its own shares the one of its conjoined title)
                owns_of = any(c.dep_ == "prep" and c.lower_ in ("of", "at") for c in founder.children)
                skip = {x.i for c in founder.children if c.dep_ in ("appos", "relcl", "acl") or
                        (c.dep_ == "conj" and owns_of and any(g.dep_ in ("det", "poss") for g in c.children))
                        for x in c.subtree}
                scope = ({x.i for x in founder.subtree} | {t.i for t in tokens if t.i < founder.i}) - skip
                orgs = [m for m in orgs if any(t.i in scope and self.parsed.mention(ci, t) is m for t in tokens)]
                if not orgs:
                    # "the data-labelling company's founder": the organization the reference resolved to
                    orgs = _referenced_orgs(self.parsed, ci, [t for t in tokens if t.i in scope])
            names = list(dict.fromkeys(m.name for m in orgs)) or \
                [self.parsed.previous_org(self.start_of(ci, tokens[0]), definite=True)]
            for org_name in filter(None, names):
                self.facts.append(Fact(kind="founded", person=person.name, org=org_name,
                                       confidence=0.8 if orgs else 0.6, date=None, **base))
            return
        if _FORMER.search(text):
            return  # a past title says someone was there, not when or whether they left
        # "Yarats, its chief technology officer", "the company's chief business officer"; "its" only when the
        # sentence names no organization before it that it could mean instead
        orgs = orgs or [m for t in tokens for m in _referenced_orgs(self.parsed, ci, [t])
                        if t.pos_ != "PRON" or not self._orgs_before(ci, sent, t) - {m.name}]
        org = orgs[0] if orgs else None
        if org is None and not any(t.lower_ in ("a", "an", "another", "one") or t.tag_ in ("NNS", "NNPS")
                                   for t in tokens):  # not "led by directors A, B and C"
            org = self._org_in_view(ci, sent, tokens[0])  # "chief executive Satya Nadella told employees"
        if _NEW_IN_ROLE.search(text[:title.start()]):
            org_name = org.name if org else self.parsed.previous_org(self.start_of(ci, tokens[0]), definite=True)
            if org_name:
                self.facts.append(Fact(kind="joined", person=person.name, org=org_name, role=self._role_text(ci, tokens) or title.group(0),
                                       confidence=0.7 if org else 0.6, date=None, **base))
            return
        if org is None:
            return
        if _BOARD.search(text):
            self.facts.append(Fact(kind="member", person=person.name, org=org.name, group="board",
                                   confidence=0.6, date=None, **base))
            return
        if any(t.text == ":" for t in tokens) or any(t.tag_ in ("NNS", "NNPS") and self.title_re.fullmatch(t.text)
                                                     for t in tokens):
            return  # "five of the company's policy leads: A, B": a plural describes a group, not a post
        role = self._role_text(ci, tokens)
        if not role or len(role.split()) > 8:
            role = title.group(0)  # a description running on past the title keeps only the title
        if _CHAIR.fullmatch(role):
            # "Bret Taylor, OpenAI's chair": the chair of its board
            self.facts.append(Fact(kind="member", person=person.name, org=org.name, group="board", role="chair",
                                   confidence=0.6, date=None, **base))
        self.facts.append(Fact(kind="role", person=person.name, org=org.name, role=role,
                               confidence=0.7, **base))

    def _role_text(self, ci: int, tokens: list[Token]) -> str:
        words = [t.text for t in tokens if t.lower_ not in _DROP_ROLE_WORDS and t.tag_ != "POS"
                 and not ((m := self.parsed.mention(ci, t)) and m.kind == ORG)
                 and t.lower_ not in ("'s", "’s", "newly", "incoming", "appointed", "named", "recently", "hired")
                 and not t.like_num]
        while words and words[-1].lower() in ("of", "at", ",", "for"):
            words.pop()
        while words and words[0].lower() in ("of", "at", ",", "one"):
            words.pop(0)
        return re.sub(r"\s*-\s*", "-", " ".join(words)).strip(" ,.;")

    def _backed_compounds(self, ci: int, sent: Span) -> None:
        """"Microsoft-backed OpenAI", "OpenAI, backed by Microsoft" is handled by the frames."""
        for token in sent:
            if token.lower_ not in ("backed", "funded", "financed") or token.i < 2:
                continue
            if sent.doc[token.i - 1].text not in ("-", "‑"):
                continue
            investor = self.parsed.mention(ci, sent.doc[token.i - 2])
            head = token.head
            investee = self.parsed.mention(ci, head)
            if not investee:
                for t in sent.doc[token.i + 1:min(len(sent.doc), token.i + 4)]:
                    investee = self.parsed.mention(ci, t)
                    if investee:
                        break
            if investor and investee and investor.kind == ORG and investee.kind == ORG and investor.name != investee.name:
                self.facts.append(Fact(kind="invested", doc=self.parsed.document.id, investor=investor.name,
                                       investee=investee.name, evidence=self.evidence_of(ci, sent), confidence=0.8,
                                       date=None, extractor=self.extractor,
                                       keywords=[(self.start_of(ci, token), self.start_of(ci, token) + len(token))]))

    # ---- attributes ----------------------------------------------------------------------------
    def start_of(self, ci: int, token: Token) -> int:
        return self.parsed.chunks[ci].offset + token.idx

    def evidence_of(self, ci: int, sent: Span) -> Evidence:
        offset = self.parsed.chunks[ci].offset
        start, end = offset + sent.start_char, offset + sent.end_char
        text = self.parsed.document.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Evidence(start, end, text[start:end])

    def date_of(self, ci: int, sent: Span, token: Token) -> str | None:
        return event_date(sent, token, self.parsed.document.published)

    def _reasons(self, ci: int, sent: Span, person: Mention, frame: dict[str, Any]) -> list[str]:
        texts = [sent.text]
        doc = sent.doc
        sents = list(doc.sents)
        index = next((i for i, s in enumerate(sents) if s.start == sent.start), None)
        if index is not None:
            surname = person.name.split()[-1]
            for j in (index - 1, index + 1, index + 2):
                if 0 <= j < len(sents) and j != index:
                    other = sents[j]
                    mentions = {self.parsed.mention(ci, t).name for t in other if self.parsed.mention(ci, t)}
                    if (person.name in mentions or surname in other.text) and _CAUSAL.search(other.text):
                        texts.append(other.text)
        # "who led OpenAI's safety systems team", "its head of safety": a team's or a post's name is no reason
        names = sorted({g.name for g in self.parsed.groups}, key=len, reverse=True)
        texts = [_TITLE_OF.sub(" ", _mask(text, names)) for text in texts]
        reasons = set(find_reasons(texts, self.lexicon)) | set(frame.get("reasons", []))
        from exodus.schema import REASONS
        return [r for r in REASONS if r in reasons]


_TITLE_OF = re.compile(r"\b(?:head|chief|director|vice president|vp|lead|leader|officer|researcher|scientist)s? "
                       r"(?:of|for|on) (?:[\w-]+ ){0,3}?(?:safety|security|policy|alignment|ethics|trust)\b", re.I)


def _mask(text: str, names: list[str]) -> str:
    for name in names:
        if name:
            text = text.replace(name, " ")
    return text


def _reporter_org(parsed: ParsedDocument, ci: int, token: Token) -> str | None:
    """The organization that reports a move about its own staff: the subject of "said", "told" or
    "announced" whose clause the move is."""
    head = token
    while head.dep_ in ("conj", "xcomp", "aux") and head.head is not head:
        head = head.head
    if head.dep_ != "ccomp" or head.head.lemma_.lower() not in ("say", "tell", "announce", "confirm", "inform"):
        return None
    for c in head.head.children:
        m = parsed.mention(ci, c) if c.dep_ == "nsubj" else None
        if m is not None and m.kind == ORG and m.certain:
            return m.name
    return None


def _purpose_org(parsed: ParsedDocument, ci: int, token: Token) -> str | None:
    """ "would join Microsoft to lead a new research team": the team is the organization's joined."""
    if token.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return None
    for c in token.head.children:
        m = parsed.mention(ci, c) if c.dep_ == "dobj" else None
        if m and m.kind == ORG and m.certain:
            return m.name
    return None


def _referenced_orgs(parsed: ParsedDocument, ci: int, tokens: list[Token]) -> list[Mention]:
    """Organizations a founder title names without a known name: a definite reference ("the
    company's founder") or an unknown name in its "of" phrase ("a co-founder of Foldwise")."""
    found = []
    for t in tokens:
        m = parsed.mention(ci, t)
        if m is None or m.kind != ORG:
            continue
        if t.pos_ == "NOUN" and t.dep_ == "poss" and \
                any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children):
            found.append(m)
        elif t.pos_ == "PROPN" and (t.dep_ == "poss" or t.dep_ == "pobj" and t.head.lower_ in ("of", "at")):
            found.append(m)  # "co-founder of Foldwise": a name the gazetteer does not know
        elif t.pos_ == "PRON" and t.dep_ == "poss" and t.lower_ in ("its", "their"):
            found.append(m)  # "Gebru, its founder": the organization the pronoun was resolved to
    return found


def _fronted_for_org(parsed: ParsedDocument, ci: int, token: Token) -> str | None:
    """"For Meta, hiring Gross is a consolation prize": a hire named as a clause subject is by the
    organization of a fronted "for" phrase."""
    if token.dep_ not in ("csubj", "nsubj") or token.tag_ != "VBG":
        return None
    for prep in token.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "for" and prep.i < token.i:
            for obj in prep.children:
                m = parsed.mention(ci, obj)
                if obj.dep_ == "pobj" and m and m.kind == ORG:
                    return m.name
    return None


def _named_appositive(parsed: ParsedDocument, ci: int, token: Token) -> Mention | None:
    """"co-founded the advocacy group Black in AI": a common noun followed by the name it stands for
    is that name, not the organization a bare "the group" would refer back to."""
    if token.pos_ != "NOUN":
        return None
    for c in token.children:
        # "the advocacy group Black in AI", "a new company, Safe Superintelligence,"
        first = c.left_edge.i
        next_to = first == token.i + 1 or (first == token.i + 2 and token.doc[token.i + 1].text == ",")
        m = parsed.mention(ci, c) if c.dep_ == "appos" and c.pos_ == "PROPN" and next_to else None
        if m and m.kind == ORG and m.certain:
            return m
    return None


_CHAIR = re.compile(r"(?:board )?chair(?:man|woman|person)?(?: of the board)?", re.I)

# "the pair", "the siblings": how many people a plural reference stands for
_PEOPLE_GROUPS = {"pair": 2, "duo": 2, "two": 2, "sibling": 2, "siblings": 2, "brother": 2, "brothers": 2,
                  "couple": 2, "trio": 3}

# verbs that put someone on a board: joining it is joining the organization as a board member
_BOARD_ARRIVALS = {"join", "take", "appoint", "elect", "name", "add", "welcome", "return"}


def _is_board(group: str | None) -> bool:
    """"the board", "OpenAI's board of directors", not "the board's safety committee"."""
    words = (group or "").lower().split()
    return bool(words) and (words[-1] == "board" or words[-2:] == ["of", "directors"] and "board" in words)


def _reversed(token: Token, lexicon: Lexicon) -> bool:
    reversals = set(lexicon.hedges.get("reversals", []))
    t = token
    for _ in range(3):
        if t.lemma_.lower() in reversals:
            return True
        if t.head is t:
            break
        t = t.head
    return False


def _phrase_until_comma(token: Token) -> list[Token]:
    """The words of a title phrase, without clauses, appositions, or anything after a comma."""
    skip = {t.i for c in token.children if c.dep_ in ("relcl", "acl", "appos", "advcl") for t in c.subtree}
    tokens = [t for t in token.subtree if t.i not in skip]
    out = []
    for t in tokens:
        if t.i > token.i and (t.text in (",", ";", "--", "(") or t.dep_ in ("advmod", "npadvmod")):
            break  # "as interim chief executive late on Sunday": the title ends before the time
        out.append(t)
    return out


def _appos_tokens(token: Token) -> list[Token]:
    """A title in apposition, without coordinated names, clauses or what follows a comma."""
    skip = {t.i for c in token.children if c.dep_ in ("relcl", "acl", "appos", "advcl") for t in c.subtree}
    # nor a relative clause on a noun inside it: "chief executive of Quora, who is a director of the board"
    skip |= {t.i for c in token.subtree if c.dep_ == "relcl" and c.head is not token for t in c.subtree}
    out = []
    for t in token.subtree:
        if t.i in skip:
            continue
        if t.i > token.i and (t.text in (";", "--", "(") or t.text == "," and t.head is token):
            break
        out.append(t)
    return out
