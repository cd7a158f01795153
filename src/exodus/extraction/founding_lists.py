"""Founders and members named by lists that a single trigger does not reach.

- A plural subject that counts people named just before: "In 2012 he and two students, A and B,
  built a system. The three set up a company, C" and "They are joined by A, B and C. Together with
  D and E, the five are the lab's co-founders": one `founded` fact for each of the people counted.
- Semicolon lists, whose items carry their own titles: "The decision was taken by the four other
  directors: A, the chief scientist; B, chief executive of Quora; and C" and "The committee's
  members are A, co-founder of X; B; and C": one fact for the first name of each item.
- Co-leaders: "Leike, who co-led the team with Sutskever" makes Sutskever a member too.
"""
from __future__ import annotations


from spacy.tokens import Span, Token

from exodus.extraction.arguments import conjuncts, trigger_slots
from exodus.extraction.collectives import explicit_owner, group_of, collective_owner, collective_key
from exodus.extraction.hedging import is_hedged
from exodus.extraction.mentions import GROUP, ORG, PERSON, Mention
from exodus.extraction.rule_api import RuleBuilder
from exodus.schema import Fact


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "pair": 2, "duo": 2, "trio": 3, "both": 2}
_TOGETHER = {"together", "along"}
_SINGULAR_PRONOUNS = {"he", "she", "him", "her"}
_LEAD_ROLES = {"lead", "co-lead", "head"}


def founding_list_facts(builder: RuleBuilder, ci: int, sent: Span) -> None:
    """All the list-driven facts of one sentence (see the module's docstring)."""
    _counted_founders(builder, ci, sent)
    _semicolon_lists(builder, ci, sent)
    _co_leaders(builder, ci, sent)
    _founders_in_agent_group(builder, ci, sent)
    _newly_created(builder, ci, sent)
    _contact_clause_founders(builder, ci, sent)
    _partitive_founders(builder, ci, sent)
    _group_leaders(builder, ci, sent)
    _led_group_companions(builder, ci, sent)
    _misparsed_launch(builder, ci, sent)


# ---- counted plural subjects ------------------------------------------------------------------
def _count(token: Token) -> int | None:
    """How many people a subject like "the three", "the pair", "both" or "the 11" stands for."""
    if token.lower_ in _NUMBER_WORDS and (token.pos_ == "NUM" or token.lower_ in ("pair", "duo", "trio", "both")):
        if token.lower_ != "both" and not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None  # "three set up ..." without "the" does not point back
        return _NUMBER_WORDS[token.lower_]
    if token.like_num and token.text.isdigit() and any(c.lower_ == "the" for c in token.children):
        return int(token.text)
    return None


def _people_of(builder: RuleBuilder, ci: int, tokens: list[Token]) -> list[Mention]:
    """People named by the tokens: names, and singular pronouns resolved to one."""
    found: list[Mention] = []
    for t in tokens:
        m = builder.parsed.mention(ci, t)
        if m is None or m.kind != PERSON:
            continue
        if t.pos_ == "PRON" and t.lower_ not in _SINGULAR_PRONOUNS:
            continue
        if t.pos_ not in ("PROPN", "PRON"):
            continue
        if m.name not in {f.name for f in found}:
            found.append(m)
    return found


def _person_lists(builder: RuleBuilder, ci: int, sent: Span) -> list[list[Mention]]:
    """Coordinated people in a sentence ("he and two students, A and B"), two or more each."""
    lists, seen = [], set()
    for t in sent:
        if t.i in seen or t.dep_ in ("conj", "appos"):
            continue
        group = conjuncts(t)
        seen.update(x.i for x in group)
        people = _people_of(builder, ci, group)
        if len(people) >= 2:
            lists.append(people)
    return lists


def _together_people(builder: RuleBuilder, ci: int, verb: Token) -> list[Mention]:
    """ "Together with A and B, the five are ...": the people joined to a plural subject."""
    people: list[Mention] = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "with" and any(c.lower_ in _TOGETHER for c in prep.children) or \
                prep.dep_ == "advmod" and prep.lower_ in _TOGETHER:
            preps = [prep] if prep.lower_ == "with" else [c for c in prep.children if c.lower_ == "with"]
            for p in preps:
                for obj in p.children:
                    if obj.dep_ == "pobj":
                        people += [m for m in _people_of(builder, ci, conjuncts(obj)) if m not in people]
    return people


def _counted_people(builder: RuleBuilder, ci: int, sent: Span, subject: Token, verb: Token) -> list[Mention]:
    """The people a counted subject stands for: those joined to it in its own sentence plus the
    last list of people before it, when together they number exactly as many as the count says."""
    count = _count(subject)
    if count is None:
        return []
    joined = _together_people(builder, ci, verb)
    if len(joined) == count:
        return joined
    earlier: list[list[Mention]] = []
    for s in builder.parsed.chunks[ci].doc.sents:
        if s.start >= sent.start:
            break
        earlier.append(s)
    for previous in reversed(earlier[-2:]):
        lists = _person_lists(builder, ci, previous)
        if lists:
            people = joined + [m for m in lists[-1] if m.name not in {j.name for j in joined}]
            return people if len(people) == count else []
    return []


def _counted_founders(builder: RuleBuilder, ci: int, sent: Span) -> None:
    kinds = builder.lexicon.nouns.get("collectives", {})
    verbs = builder.lexicon.verb_frames
    for token in sent:
        if token.dep_ != "nsubj" or _count(token) is None or is_hedged(token.head, builder.lexicon):
            continue
        verb = token.head
        org = None
        if verb.lemma_ == "be":
            # "the eleven are the lab's co-founders"
            for attr in verb.children:
                if attr.dep_ == "attr" and kinds.get(collective_key(attr)) == "founded":
                    org = collective_owner(builder, ci, attr)
        else:
            particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
            keys = [f"{verb.lemma_.lower()} {p}" for p in particles] + [verb.lemma_.lower()]
            frames = next((verbs[k] for k in keys if k in verbs), [])
            if any(f["kind"] == "founded" for f in frames):
                # "the three set up a company, DNNresearch"
                org = _new_org(builder, ci, trigger_slots(verb).get("obj", []))
        if not org:
            continue
        people = _counted_people(builder, ci, sent, token, verb)
        base = dict(doc=builder.parsed.document.id, evidence=builder.evidence_of(ci, sent), extractor=builder.extractor,
                    keywords=[(builder.start_of(ci, verb), builder.start_of(ci, verb) + len(verb))],
                    date=builder.date_of(ci, sent, verb))
        for person in people:
            builder.facts.append(Fact(kind="founded", person=person.name, org=org, confidence=0.7, **base))


def _new_org(builder: RuleBuilder, ci: int, objects: list[Token]) -> str | None:
    """The organization a founding verb's object names: "a company, DNNresearch" -> DNNresearch."""
    for obj in objects:
        for t in conjuncts(obj):
            m = builder.parsed.mention(ci, t)
            # a name the tagger is unsure of still names the company when set in apposition to it
            if m and m.kind == ORG and t.pos_ == "PROPN" and (m.certain or t.dep_ == "appos"):
                return m.name
    return None


# ---- semicolon lists --------------------------------------------------------------------------
def _semicolon_people(builder: RuleBuilder, ci: int, sent: Span, after: Token) -> list[Mention]:
    """The first person named in each ';'-separated item of a list that follows `after`."""
    tokens = [t for t in sent if t.i > after.i]
    if not any(t.text == ";" for t in tokens):
        return []
    items: list[list[Token]] = [[]]
    for t in tokens:
        if t.text == ";":
            items.append([])
        elif t.text != ":":
            items[-1].append(t)
    people: list[Mention] = []
    for item in items:
        named = _people_of(builder, ci, [t for t in item if t.pos_ == "PROPN"])
        if not named:
            return []  # not a list of people after all
        if named[0].name not in {p.name for p in people}:
            people.append(named[0])
    return people if len(people) >= 2 else []


def _semicolon_lists(builder: RuleBuilder, ci: int, sent: Span) -> None:
    if not any(t.text == ";" for t in sent):
        return
    kinds = builder.lexicon.nouns.get("collectives", {})
    for token in sent:
        if token.dep_ in ("nsubj", "nsubjpass") and token.lower_ in ("they", "these") and token.head.lemma_ == "include":
            # "Its website lists 11 members of the founding team. They include A, who ...; B; and C"
            collective, owner = _previous_collective(builder, ci, sent)
            if collective and owner:
                _add(builder, ci, sent, token.head, "founded", _semicolon_people(builder, ci, sent, token.head),
                     owner, None)
            continue
        kind = kinds.get(collective_key(token))
        if kind is None or token.pos_ not in ("NOUN", "PROPN") or is_hedged(token, builder.lexicon):
            continue
        if kind not in ("founded",) and not kind.startswith("member:"):
            continue
        people = _semicolon_people(builder, ci, sent, token)
        if not people:
            continue
        group = None
        if kind == "member:":
            found = group_of(builder, ci, token)
            if found is None or not found.org:
                continue
            group, owner = found.name, found.org
        elif kind == "founded" and not explicit_owner(builder, ci, token):
            # "The founding group also includes A; B; and C": the organization whose founding the
            # article has told
            position = builder.start_of(ci, token)
            founded = [f.org for f in builder.facts if f.kind == "founded" and f.evidence.start < position]
            owner = founded[-1] if founded else collective_owner(builder, ci, token)
        else:
            owner = collective_owner(builder, ci, token)
            group = kind.split(":", 1)[1] if kind.startswith("member:") else None
        if owner:
            _add(builder, ci, sent, token, "founded" if kind == "founded" else "member", people, owner, group)
    for token in sent:
        # "It also includes five of the company's leads: A, head of X; B, head of Y; and C"
        if token.lemma_ in ("include", "comprise") and token.pos_ == "VERB":
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            group = builder.mention_of(ci, subjects[0], GROUP) if subjects else None
            if group and group.org:
                _add(builder, ci, sent, token, "member", _semicolon_people(builder, ci, sent, token), group.org,
                     group.name)


def _previous_collective(builder: RuleBuilder, ci: int, sent: Span) -> tuple[Token | None, str | None]:
    """The founding collective of the sentence before ("11 other members of the founding team")."""
    kinds = builder.lexicon.nouns.get("collectives", {})
    previous = [s for s in builder.parsed.chunks[ci].doc.sents if s.end <= sent.start]
    if not previous:
        return None, None
    for token in previous[-1]:
        if kinds.get(collective_key(token)) == "founded":
            return token, collective_owner(builder, ci, token)
    return None, None


def _add(builder: RuleBuilder, ci: int, sent: Span, token: Token, kind: str, people: list[Mention],
         owner: str, group: str | None) -> None:
    base = dict(doc=builder.parsed.document.id, evidence=builder.evidence_of(ci, sent), extractor=builder.extractor,
                keywords=[(builder.start_of(ci, token), builder.start_of(ci, token) + len(token))], date=None)
    for person in people:
        if kind == "founded":
            builder.facts.append(Fact(kind="founded", person=person.name, org=owner, confidence=0.65, **base))
        else:
            builder.facts.append(Fact(kind="member", person=person.name, org=owner, group=group, confidence=0.6,
                                      **base))


# ---- co-leaders -------------------------------------------------------------------------------
def _co_leaders(builder: RuleBuilder, ci: int, sent: Span) -> None:
    """ "A, who co-led the team with B": B leads the group that A leads."""
    start, end = builder.start_of(ci, sent[0]), builder.start_of(ci, sent[-1]) + len(sent[-1])
    for fact in list(builder.facts):
        if fact.kind != "member" or not fact.keywords or not (start <= fact.keywords[0][0] < end):
            continue
        verb = next((t for t in sent if builder.start_of(ci, t) == fact.keywords[0][0]), None)
        if verb is None or verb.pos_ != "VERB" or (fact.role or "lead") not in _LEAD_ROLES:
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for prep in [c for t in [verb, *objects] for c in t.children]:
            if prep.dep_ != "prep" or prep.lower_ != "with":
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                names = [t for t in conjuncts(obj) if t.pos_ == "PROPN"]  # pronouns resolve too loosely here
                for person in _people_of(builder, ci, names):
                    if person.name != fact.person:
                        fact.role = "co-lead"
                        builder.facts.append(Fact(kind="member", doc=fact.doc, person=person.name, org=fact.org,
                                                  group=fact.group, role="co-lead", confidence=fact.confidence - 0.1,
                                                  evidence=fact.evidence, extractor=fact.extractor,
                                                  keywords=fact.keywords, date=fact.date))


# ---- founders inside a group, newly created organizations -------------------------------------
_NEW_VERBS = {"create", "form", "found", "establish", "launch", "set"}


def _founders_in_agent_group(builder: RuleBuilder, ci: int, sent: Span) -> None:
    """ "founded in 2021 by former OpenAI employees including Dario Amodei", "by a group led by
    Dario Amodei": the people named inside the founding group are founders."""
    start, end = builder.start_of(ci, sent[0]), builder.start_of(ci, sent[-1]) + len(sent[-1])
    for fact in list(builder.facts):
        if fact.kind != "founded" or fact.person is not None or not fact.keywords or \
                not (start <= fact.keywords[0][0] < end):
            continue
        verb = next((t for t in sent if builder.start_of(ci, t) == fact.keywords[0][0]), None)
        if verb is None:
            continue
        people: list[Mention] = []
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for group in (g for g in agent.children if g.dep_ == "pobj" and g.pos_ == "NOUN"):
                for c in group.children:
                    if c.dep_ == "prep" and c.lower_ in ("including", "like"):
                        names = [t for o in c.children if o.dep_ == "pobj" for t in conjuncts(o)]
                    elif c.dep_ == "acl" and c.lemma_ in ("lead", "head"):
                        names = [t for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                                 for t in conjuncts(o)]
                    else:
                        continue
                    people += [m for m in _people_of(builder, ci, [t for t in names if t.pos_ == "PROPN"])
                               if m not in people]
        if people:
            builder.facts.remove(fact)  # the founders now speak for the founding
            for person in people:
                builder.facts.append(Fact(kind="founded", doc=fact.doc, person=person.name, org=fact.org,
                                          date=fact.date, confidence=fact.confidence, evidence=fact.evidence,
                                          extractor=fact.extractor, keywords=fact.keywords))


def _newly_created(builder: RuleBuilder, ci: int, sent: Span) -> None:
    """ "a newly created unit, Google DeepMind": the organization named is founded then."""
    for token in sent:
        if token.lemma_.lower() not in _NEW_VERBS or token.tag_ != "VBN" or token.dep_ != "amod" or \
                not any(c.lower_ == "newly" for c in token.children):
            continue
        noun = token.head
        candidates = [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        after = noun.doc[noun.i + 1:noun.i + 3]
        if not candidates and len(after) == 2 and after[0].text == "," and after[1].pos_ == "PROPN":
            candidates = [after[1]]  # the parser hung the apposed name elsewhere
        for c in candidates:
            m = builder.parsed.mention(ci, c)
            if m and m.kind == ORG and m.certain:
                builder.facts.append(Fact(kind="founded", doc=builder.parsed.document.id, person=None, org=m.name,
                                          date=builder.date_of(ci, sent, token), confidence=0.65,
                                          evidence=builder.evidence_of(ci, sent), extractor=builder.extractor,
                                          keywords=[(builder.start_of(ci, token), builder.start_of(ci, token) + len(token))]))


# ---- "the company Elon Musk started" ------------------------------------------------------------
_VERB_CHAIN = {"had", "has", "helped", "help", "to", "co", "-"}


def _founding_verb(builder: RuleBuilder, verb: Token) -> bool:
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    keys = [f"{verb.lemma_.lower()} {p}" for p in particles] + [verb.lemma_.lower()]
    frames = next((builder.lexicon.verb_frames[k] for k in keys if k in builder.lexicon.verb_frames), [])
    return any(f["kind"] == "founded" for f in frames)


def _contact_clause_founders(builder: RuleBuilder, ci: int, sent: Span) -> None:
    """A relative clause without a pronoun: "the artificial intelligence company Elon Musk started
    last year", "the research lab he helped start in 2015". The clause's gap is the founding verb's
    object, and the noun before the founder is the organization (as the parse resolved it)."""
    doc = sent.doc
    for verb in sent:
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN", "VB") or not _founding_verb(builder, verb):
            continue
        if any(c.dep_ in ("dobj", "xcomp", "ccomp", "nsubjpass", "auxpass", "attr") for c in verb.children) or \
                is_hedged(verb, builder.lexicon):
            continue
        i = verb.i - 1
        while i >= sent.start and doc[i].lower_ in _VERB_CHAIN:
            i -= 1
        if i < sent.start:
            continue
        person = builder.parsed.mention(ci, doc[i])
        if person is None or person.kind != PERSON or \
                (doc[i].pos_ == "PRON" and doc[i].lower_ not in _SINGULAR_PRONOUNS):
            continue
        j = i
        while j - 1 >= sent.start and builder.parsed.mention(ci, doc[j - 1]) is person:
            j -= 1
        if j - 1 < sent.start:
            continue
        noun = doc[j - 1]
        org = builder.parsed.mention(ci, noun) or _apposed_org(builder, ci, noun)
        if noun.pos_ not in ("NOUN", "PROPN") or org is None or org.kind != ORG or org.name == person.name:
            continue
        if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                          for c in noun.children):
            continue  # only a definite reference points back: "At OpenAI Altman started as ..." does not
        if any(c.dep_ == "prep" and c.lower_ in ("at", "as", "on", "out") for c in verb.children):
            continue  # "the company he started at": began working there
        builder.facts.append(Fact(kind="founded", doc=builder.parsed.document.id, person=person.name, org=org.name,
                                  date=builder.date_of(ci, sent, verb), confidence=0.7,
                                  evidence=builder.evidence_of(ci, sent), extractor=builder.extractor,
                                  keywords=[(builder.start_of(ci, verb), builder.start_of(ci, verb) + len(verb))]))


# ---- "one of the researchers who founded the lab" ---------------------------------------------------
def _partitive_people(builder: RuleBuilder, ci: int, noun: Token) -> list[Mention]:
    """Who "one of the researchers" or "Of the eleven people ..., only A and B" names."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("of", "among"):
        return []
    anchor = prep.head
    if prep.lower_ == "of" and anchor.lower_ in ("one", "two", "three", "both", "each", "all", "some"):
        if anchor.dep_ == "appos":  # "Karpathy, one of the researchers who ..."
            return _people_of(builder, ci, conjuncts(anchor.head))
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "as":  # "he was there as one of ..."
            anchor = anchor.head.head
        elif anchor.dep_ == "attr":  # "she is one of ..."
            anchor = anchor.head
        else:
            return []
    elif prep.lower_ == "among" and anchor.pos_ in ("PROPN", "PRON"):  # "Sutskever, among the people who"
        return _people_of(builder, ci, conjuncts(anchor))
    if anchor.pos_ not in ("VERB", "AUX"):
        return []
    subjects = [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return _people_of(builder, ci, conjuncts(subjects[0]))
    if anchor.i > noun.i:
        # "Of the six people who founded X, only A and B remain": the parser may hang the names on X
        between = noun.doc[noun.i + 1:anchor.i]
        return _people_of(builder, ci, [t for t in between if t.pos_ in ("PROPN", "PRON")])
    return []


def _partitive_founders(builder: RuleBuilder, ci: int, sent: Span) -> None:
    for verb in sent:
        if verb.dep_ != "relcl" or not _founding_verb(builder, verb) or is_hedged(verb, builder.lexicon):
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children):
            continue
        org = next((m for o in verb.children if o.dep_ == "dobj" and (m := builder.parsed.mention(ci, o))
                    and m.kind == ORG), None)
        if org is None:
            continue
        people = _partitive_people(builder, ci, verb.head)
        if not people:
            continue
        start = builder.start_of(ci, verb)
        builder.facts[:] = [f for f in builder.facts if not (f.kind == "founded" and f.person is None and
                                                             f.org == org.name and f.keywords and
                                                             f.keywords[0][0] == start)]
        for person in people:
            builder.facts.append(Fact(kind="founded", doc=builder.parsed.document.id, person=person.name,
                                      org=org.name, date=builder.date_of(ci, sent, verb), confidence=0.7,
                                      evidence=builder.evidence_of(ci, sent), extractor=builder.extractor,
                                      keywords=[(start, start + len(verb))]))


def _apposed_org(builder: RuleBuilder, ci: int, noun: Token) -> Mention | None:
    """ "Foldwise, the software firm ...": the named organization a bare org word stands beside."""
    if noun.lemma_.lower() not in builder.lexicon.nouns.get("org_reference", []):
        return None
    first = min(t.i for t in noun.subtree if t.i <= noun.i)
    doc = noun.doc
    if first < 2 or doc[first - 1].text != ",":
        return None
    m = builder.parsed.mention(ci, doc[first - 2])
    # an unknown name still names the organization an org word is set in apposition to
    return m if m and m.kind == ORG and doc[first - 2].pos_ == "PROPN" else None


# ---- "its co-leads, A and B" -------------------------------------------------------------------
_LEADER_WORDS = {"co-lead": "co-lead", "co-leads": "co-lead", "co-leader": "co-lead", "co-leaders": "co-lead",
                 "co-head": "co-head", "co-heads": "co-head", "leader": "lead", "leaders": "lead",
                 "head": "head", "heads": "head"}


def _named_after(builder: RuleBuilder, ci: int, sent: Span, token: Token) -> list[Mention]:
    """The people listed right after a noun and a comma ("its co-leads, A and B"), however parsed."""
    tokens = sent.doc[token.i + 1:sent.end]
    if not tokens or tokens[0].text not in (",", ":"):
        return []
    names = []
    for t in tokens[1:]:
        if t.pos_ == "PROPN":
            names.append(t)
        elif t.text not in (",", "and") and t.lower_ != "both":
            break
    return _people_of(builder, ci, names)


def _group_leaders(builder: RuleBuilder, ci: int, sent: Span) -> None:
    """ "wound down its Superalignment team after the departures of its co-leads, A and B": the
    people named are the leaders of the group the possessive points back to."""
    for token in sent:
        role = _LEADER_WORDS.get(token.lower_)
        if role is None or token.pos_ != "NOUN" or is_hedged(token, builder.lexicon):
            continue
        poss = next((c for c in token.children if c.dep_ == "poss"), None)
        if poss is None:
            continue
        group = builder.parsed.mention(ci, poss)
        if group is None or group.kind != GROUP:
            if poss.lower_ not in ("its", "their"):
                continue
            group = builder.parsed.previous_group(builder.start_of(ci, token))
            if group is None or group.start < builder.start_of(ci, sent[0]):
                continue  # only a group named earlier in the same sentence
        if not group.org:
            continue
        people = [m for t in (c for c in token.children if c.dep_ == "appos") for m in
                  _people_of(builder, ci, conjuncts(t))] or _named_after(builder, ci, sent, token)
        if people:
            start = builder.start_of(ci, token)
            for person in people:
                builder.facts.append(Fact(kind="member", doc=builder.parsed.document.id, person=person.name,
                                          org=group.org, group=group.name, role=role, date=None, confidence=0.65,
                                          evidence=builder.evidence_of(ci, sent), extractor=builder.extractor,
                                          keywords=[(start, start + len(token))]))


# ---- "a committee led by directors A and B, along with C" -------------------------------------------
_LED = {"lead", "chair", "head", "co-lead", "co-chair"}
_BOARD_TITLES = {"director", "directors", "trustee", "trustees"}


def _led_group_companions(builder: RuleBuilder, ci: int, sent: Span) -> None:
    """The people a led group is formed "along with" are its members too; leaders titled
    "directors" also sit on the organization's board."""
    for token in sent:
        group = builder.parsed.mention(ci, token)
        if group is None or group.kind != GROUP or group.certain is False:
            continue
        acl = next((c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in _LED), None)
        if acl is None or is_hedged(acl, builder.lexicon):
            continue
        org = group.org or builder.parsed.previous_org(builder.start_of(ci, token))
        if not org:
            continue
        leaders = [t for a in acl.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                   for t in conjuncts(o)]
        directors = [m for m in _people_of(builder, ci, leaders) if any(
            c.dep_ == "compound" and c.lower_ in _BOARD_TITLES for t in leaders for c in t.children)]
        companions: list[Mention] = []
        for holder in (token.head, acl):
            for along in (c for c in holder.children if c.lower_ in _TOGETHER and c.dep_ in ("prep", "advmod")):
                for w in (c for c in along.children if c.lower_ == "with"):
                    companions += _people_of(builder, ci, [t for o in w.children if o.dep_ == "pobj"
                                                           for t in conjuncts(o) if t.pos_ == "PROPN"])
        start = builder.start_of(ci, acl)
        base = dict(doc=builder.parsed.document.id, evidence=builder.evidence_of(ci, sent), extractor=builder.extractor,
                    keywords=[(start, start + len(acl))], date=None, confidence=0.6)
        for person in companions:
            builder.facts.append(Fact(kind="member", person=person.name, org=org, group=group.name, **base))
        for person in directors:
            builder.facts.append(Fact(kind="member", person=person.name, org=org, group="board", **base))


# ---- "entrepreneurs on Friday launched OpenAI" parsed as an adjective ----------------------------------
def _misparsed_launch(builder: RuleBuilder, ci: int, sent: Span) -> None:
    """A past-tense founding verb the parser made a modifier of the organization's name ("A group of
    entrepreneurs on Friday launched/amod OpenAI"): the organization's founding, dated."""
    for token in sent:
        if token.dep_ != "amod" or token.tag_ != "VBD" or not _founding_verb(builder, token) or \
                is_hedged(token, builder.lexicon):
            continue
        m = builder.parsed.mention(ci, token.head)
        if m is None or m.kind != ORG or not m.certain or token.head.pos_ != "PROPN":
            continue
        date = builder.date_of(ci, sent, token)
        if date is None:
            continue
        start = builder.start_of(ci, token)
        builder.facts.append(Fact(kind="founded", doc=builder.parsed.document.id, person=None, org=m.name,
                                  date=date, confidence=0.65, evidence=builder.evidence_of(ci, sent),
                                  extractor=builder.extractor, keywords=[(start, start + len(token))]))
