"""What the model sees of a candidate: binary features, each a short string.

Features come from the parse (the dependency path between the two arguments, their
grammatical roles, the words between them), from the lexicons (trigger words and the
kinds they evoke, titles, hedges), from where the arguments' names came from (the NER,
a pronoun, a guess from their place in the clause), and from the rules' verdicts, which
are evidence like any other, not the final word. No feature names a person or an
organization, so that unknown names are treated as known ones are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from exodus.extraction.analysis import DocumentAnalysis, MentionRef, SentenceView
from exodus.extraction.candidates import Candidate
from exodus.extraction.candidates.base import generic_group
from exodus.extraction.candidates.founding import FOUNDING_LEMMAS
from exodus.extraction.candidates.investments import MONEY_LEMMAS
from exodus.extraction.candidates.rule_facts import candidate_for
from exodus.extraction.arguments import conjuncts, trigger_slots
from exodus.extraction.hedging import is_hedged
from exodus.extraction.lexicon import Lexicon
from exodus.extraction.mentions import ORG, PERSON
from exodus.extraction.parsed import trigger_lemma

_MAX_PATH = 7
_QUOTES = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class FeatureLexicon:
    """The lexicons as the features read them."""

    lexicon: Lexicon
    trigger_kinds: dict[str, frozenset[str]]  # lemma -> model kinds its frames evoke
    title_words: frozenset[str]                # every word of every title
    titles: frozenset[str]                     # whole titles
    hedge_words: frozenset[str]
    negations: frozenset[str]


@lru_cache(maxsize=4)
def feature_lexicon(lexicon: Lexicon) -> FeatureLexicon:
    kinds: dict[str, set[str]] = {}
    for table in (lexicon.verb_frames, lexicon.noun_frames):
        for lemma, frames in table.items():
            for frame in frames:
                kind = frame["kind"]
                if kind == "group_event":
                    kind = "group_formed" if frame.get("action") == "formed" else "group_disbanded"
                kinds.setdefault(lemma.split()[0], set()).add(kind)
    for lemma in FOUNDING_LEMMAS:
        kinds.setdefault(lemma, set()).update({"founded", "founded_org"})
    for lemma in ("invest", "back", "fund", "lead", "co-lead", "participate", "raise"):
        kinds.setdefault(lemma, set()).add("invested")
    titles = frozenset(t.lower() for t in lexicon.titles)
    return FeatureLexicon(
        lexicon=lexicon,
        trigger_kinds={k: frozenset(v) for k, v in kinds.items()},
        title_words=frozenset(w for t in titles for w in t.split() if len(w) > 2 and w not in ("of", "the", "and")),
        titles=titles,
        hedge_words=frozenset(lexicon.hedges.get("lemmas", [])) | frozenset(lexicon.hedges.get("modals", [])),
        negations=frozenset(lexicon.hedges.get("negations", [])),
    )


def feature_word(token: Token) -> str:
    """A token as a feature: its lemma, or only its kind for names and numbers (which would be
    memorized, not learned)."""
    if token.pos_ in ("PROPN", "NUM") or token.like_num:
        return f"<{token.pos_}>"
    return token.lemma_.lower()


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


class DocArrays:
    """A parsed doc's tokens, heads, labels and feature words as plain lists, read once: the
    features walk the tree many times, and every spaCy attribute access builds an object."""

    def __init__(self, doc):
        self.tokens = list(doc)
        self.heads = [t.head.i for t in self.tokens]
        self.deps = [t.dep_ for t in self.tokens]
        self.words = [feature_word(t) for t in self.tokens]
        self.pos = [t.pos_ for t in self.tokens]
        self._up: dict[int, list[int]] = {}

    def ancestors(self, i: int) -> list[int]:
        chain = self._up.get(i)
        if chain is None:
            chain = [i]
            while self.heads[chain[-1]] != chain[-1] and len(chain) < 40:
                chain.append(self.heads[chain[-1]])
            self._up[i] = chain
        return chain

    def path(self, a: int, b: int) -> tuple[list[str], int, list[str]] | None:
        """Dependency labels up from token `a` to the lowest common ancestor, its index, and the
        labels down from it to `b`; None when they are not in one tree."""
        up, down = self.ancestors(a), self.ancestors(b)
        positions = {t: n for n, t in enumerate(down)}
        for n, t in enumerate(up):
            m = positions.get(t)
            if m is not None:
                return [self.deps[x] for x in up[:n]], t, [self.deps[x] for x in reversed(down[:m])]
        return None


def _source_class(ref: MentionRef) -> str:
    """Where a name came from, coarsely: a name in the text (whatever the tagger called it), a
    pronoun, a description ("the company"), or the organization in view."""
    source = ref.source
    if source.startswith("context"):
        return "context"
    if source.startswith(("pronoun", "reference", "plural")):
        return source.split(":")[0]
    return "name" if any(t.text[:1].isupper() for t in ref.tokens) else "untagged"


def _arg_features(prefix: str, ref: MentionRef | None, out: list[str]) -> None:
    if ref is None:
        return
    # the class of the name, not the tagger's label: an unknown name is read as a known one is
    out.append(f"{prefix}src={_source_class(ref)}")
    if ref.source.startswith("context") or ref.source.count(":") and ref.source.startswith(("pronoun", "reference")):
        out.append(f"{prefix}src={ref.source}")
    head = ref.head
    if head is None:
        return
    dep = head.dep_
    out.append(f"{prefix}dep={dep}")
    if dep == "pobj":
        out.append(f"{prefix}prep={head.head.lower_}")
        out.append(f"{prefix}prep_head={feature_word(head.head.head)}")
    elif dep in ("poss", "compound", "appos", "conj", "nsubj", "nsubjpass", "dobj", "attr"):
        out.append(f"{prefix}{dep}_of={feature_word(head.head)}")
    if ref.mention.subject:
        out.append(f"{prefix}subject")


@dataclass
class _SentenceFacts:
    """What features read of a sentence once, whatever the candidate."""

    triggers: list[tuple[Token, str, frozenset[str]]]  # token, lemma, kinds
    words: list[str] = field(default_factory=list)
    slots: dict[int, dict[int, set[str]]] = field(default_factory=dict)  # trigger i -> token i -> slot names
    common: list[str] = field(default_factory=list)  # the sentence's own features
    kinds_here: frozenset[str] = frozenset()
    money_words: list[str] = field(default_factory=list)


# which fact field each side of a candidate fills, per kind (to read the trigger frames)
_FIELDS = {"joined": ("person", "org"), "left": ("person", "org"), "role": ("person", "org"),
           "founded": ("person", "org"), "founded_org": ("org", None), "member": ("person", "group"),
           "group_formed": ("org", "group"), "group_disbanded": ("org", "group"), "invested": ("investor", "investee")}


def _slot_index(trigger: Token) -> dict[int, set[str]]:
    """Token index -> the argument slots of `trigger` it fills (with the names conjoined to it)."""
    index: dict[int, set[str]] = {}
    slots = trigger_slots(trigger)
    for name, tokens in slots.items():
        for token in tokens:
            for t in [token, *conjuncts(token)]:
                index.setdefault(t.i, set()).add(name)
    # "was appointed chief executive of OpenAI", "joined as head of research at Quorvel": the
    # organization of the title the trigger gives
    for title in slots.get("predicate", []) + slots.get("as", []):
        for t in title.subtree:
            if t.dep_ == "pobj" and t.head.lower_ in ("of", "at", "for") and t.i != title.i:
                for u in [t, *conjuncts(t)]:
                    index.setdefault(u.i, set()).add("title_org")
    return index


class FeatureExtractor:
    """Features of every candidate of one document."""

    def __init__(self, analysis: DocumentAnalysis, lexicon: Lexicon):
        self.analysis = analysis
        self.lex = feature_lexicon(lexicon)
        self._sentences: dict[int, _SentenceFacts] = {}
        self._arrays: dict[int, DocArrays] = {}
        self.triggers: dict[int, Token | None] = {}  # id(candidate) -> its trigger word
        self._rule_keys: dict[tuple, set[int]] = {}
        for fact in analysis.rule_facts:
            sentence = analysis.sentence_at(fact.evidence.start)
            if sentence is None:
                continue
            proposal = candidate_for(fact, sentence)
            first, second, _ = proposal.names()
            index = sentence.index
            self._rule_keys.setdefault((proposal.kind, first, second), set()).add(index)
            self._rule_keys.setdefault(("pair", first, second), set()).add(index)
            self._rule_keys.setdefault(("pair_kind", proposal.kind, first, second, index), set()).add(index)

    def _sentence(self, sentence: SentenceView) -> _SentenceFacts:
        found = self._sentences.get(sentence.index)
        if found is None:
            triggers = []
            words = []
            for token in sentence.tokens:
                lemma = trigger_lemma(token) if token.pos_ in ("VERB", "AUX", "NOUN") else token.lemma_.lower()
                kinds = self.lex.trigger_kinds.get(lemma)
                if kinds and token.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
                    triggers.append((token, lemma, kinds))
                words.append(lemma)
            found = self._sentences[sentence.index] = _SentenceFacts(triggers, words)
            for token, _, _ in triggers:
                found.slots[token.i] = _slot_index(token)
            found.common = self._common_features(sentence, found)
            found.kinds_here = frozenset().union(*(kinds for _, _, kinds in triggers))
            found.money_words = [f"s_money_word={w}" for w in words if w in MONEY_LEMMAS]
        return found

    def arrays(self, sentence: SentenceView) -> DocArrays:
        doc = sentence.span.doc
        found = self._arrays.get(id(doc))
        if found is None:
            found = self._arrays[id(doc)] = DocArrays(doc)
        return found

    def _common_features(self, sentence: SentenceView, facts: _SentenceFacts) -> list[str]:
        out = [f"s_trig={lemma}" for _, lemma, _ in facts.triggers]
        for word in facts.words:
            if word in self.lex.hedge_words:
                out.append(f"s_hedge={word}")
            elif word in self.lex.negations:
                out.append("s_negation")
        if any(t.ent_type_ == "MONEY" for t in sentence.tokens):
            out.append("s_money")
        if _QUOTES.search(sentence.span.text):
            out.append("s_quote")
        out.append(f"s_index={_bucket(sentence.index)}")
        out.append(f"s_people={_bucket(len(sentence.of_kind(PERSON)))}")
        out.append(f"s_orgs={_bucket(len(sentence.of_kind(ORG)))}")
        return out

    def _frame_fits(self, lemma: str, kind: str, a_slot: str, b_slot: str | None) -> bool:
        """Does a frame of the trigger, for this kind, take the two arguments from these slots?"""
        first, second = _FIELDS[kind]
        fact = "group_event" if kind.startswith("group_") else "founded" if kind == "founded_org" else kind
        for table in (self.lex.lexicon.verb_frames, self.lex.lexicon.noun_frames):
            for frame in table.get(lemma, []):
                if frame["kind"] != fact:
                    continue
                if a_slot in frame.get(first, []) and (second is None or b_slot is None or
                                                        b_slot in frame.get(second, [])):
                    return True
        return False

    def _slot_features(self, candidate: Candidate, facts: _SentenceFacts, out: list[str]) -> None:
        """Which argument slots of the sentence's triggers the candidate's arguments fill: the rules'
        reading of the clause (passives, relative clauses, conjoined names), without their verdicts."""
        first, second = candidate.first, candidate.second
        a_tokens = {t.i for t in first.tokens} if first else set()
        b_tokens = {t.i for t in second.tokens} if second else set()
        for token, lemma, kinds in facts.triggers:
            if candidate.kind not in kinds:
                continue
            index = facts.slots.get(token.i, {})
            a_slots = set().union(*(index.get(i, set()) for i in a_tokens)) if a_tokens else set()
            b_slots = set().union(*(index.get(i, set()) for i in b_tokens)) if b_tokens else set()
            for a_slot in sorted(a_slots):
                out.append(f"slot_a={a_slot}")
                if not b_slots:
                    out.append(f"slots={a_slot}|{'ctx' if second is not None and not b_tokens else '-'}")
                    if self._frame_fits(lemma, candidate.kind, a_slot, None if not b_tokens else "-"):
                        out.append("frame_fits_a")
                for b_slot in sorted(b_slots):
                    out.append(f"slots={a_slot}|{b_slot}")
                    out.append(f"slots_lemma={lemma}|{a_slot}|{b_slot}")
                    if self._frame_fits(lemma, candidate.kind, a_slot, b_slot):
                        out.append("frame_fits")
            for b_slot in sorted(b_slots - set()):
                if not a_slots:
                    out.append(f"slot_b_only={b_slot}")

    def features(self, candidate: Candidate) -> list[str]:
        out = ["bias"]
        sentence = candidate.sentence
        facts = self._sentence(sentence)
        first, second = candidate.first, candidate.second
        _arg_features("a_", first, out)
        _arg_features("b_", second, out)
        a = first.head if first else None
        b = second.head if second else None
        arrays = self.arrays(sentence)
        if a is not None and b is not None:
            self._pair_features(arrays, a.i, b.i, first, second, out)
        elif second is not None and second.source.startswith("context"):
            out.append("b_context")
            if sentence.of_kind(ORG):
                out.append("b_context_but_sentence_has_org")
        trigger = self.triggers[id(candidate)] = self._trigger(candidate, facts, a, b)
        if trigger is not None:
            self._trigger_features(arrays, trigger, a, b, out)
        self._sentence_features(candidate, facts, out)
        self._slot_features(candidate, facts, out)
        if candidate.kind in ("role", "joined", "left", "member", "founded") and first is not None:
            self._title_features(first, second, out)
        if candidate.kind in ("member", "group_formed", "group_disbanded") and second is not None:
            self._group_features(second, out)
        self._rule_features(candidate, out)
        return out

    def _group_features(self, group: MentionRef, out: list[str]) -> None:
        """A generic group word ("the panel") after a named group is most often that group."""
        if not generic_group(group.name):
            out.append("g_named")
            return
        out.append("g_generic")
        before = self.analysis.parsed.previous_group(group.mention.start or 10**9)
        if before is not None and not generic_group(before.name) and before.name != group.name:
            out.append("g_generic_after_named")

    # ---- parts --------------------------------------------------------------------------
    def _pair_features(self, arrays: DocArrays, a: int, b: int, first: MentionRef, second: MentionRef,
                       out: list[str]) -> None:
        path = arrays.path(a, b)
        if path is None:
            out.append("path=none")
        else:
            up, lca, down = path
            length = len(up) + len(down)
            lca_word = arrays.words[lca]
            out.append(f"path_len={_bucket(length)}")
            if length <= _MAX_PATH:
                up_text, down_text = "/".join(up), "/".join(down)
                out.append(f"path={up_text}^{lca_word}^{down_text}")
                out.append(f"path_pos={up_text}^{arrays.pos[lca]}^{down_text}")
                out.append(f"path_ends={up[0] if up else '-'}^{down[-1] if down else '-'}")
            out.append(f"lca={lca_word}")
            out.append(f"lca_pos={arrays.pos[lca]}")
            if lca in (a, b):
                out.append("lca_is_arg")
        lo, hi = (a, b) if a < b else (b, a)
        out.append("order=ab" if a < b else "order=ba")
        inside = {t.i for t in first.tokens} | {t.i for t in second.tokens}
        between = [i for i in range(lo + 1, hi) if i not in inside]
        out.append(f"btw_n={_bucket(len(between))}")
        if len(between) <= 10:
            out.extend(f"btw={arrays.words[i]}" for i in between)
        texts = {arrays.tokens[i].text for i in between}
        if "," in texts:
            out.append("btw_comma")
        if texts & {"(", ";", ":", "—", "–"}:
            out.append("btw_break")
        start, end = min(inside), max(inside)
        for n in (1, 2):
            if start - n >= 0:
                out.append(f"pre{n}={arrays.words[start - n]}")
            if end + n < len(arrays.words):
                out.append(f"post{n}={arrays.words[end + n]}")

    def _trigger(self, candidate: Candidate, facts: _SentenceFacts, a: Token | None, b: Token | None) -> Token | None:
        """The trigger word of the candidate's kind nearest its arguments."""
        anchors = [t.i for t in (a, b) if t is not None]
        best, best_distance = None, 10**9
        for token, _, kinds in facts.triggers:
            if candidate.kind not in kinds or token.dep_ in ("aux", "auxpass"):
                continue  # "was appointed": the verb, not its auxiliary
            distance = min((abs(token.i - i) for i in anchors), default=0)
            if distance < best_distance:
                best, best_distance = token, distance
        return best

    def _trigger_features(self, arrays: DocArrays, trigger: Token, a: Token | None, b: Token | None,
                          out: list[str]) -> None:
        lemma = trigger_lemma(trigger)
        out.append(f"trig={lemma}")
        out.append(f"trig_tag={trigger.tag_}")
        particles = [c.lower_ for c in trigger.children if c.dep_ == "prt"]
        if particles:
            out.append(f"trig_prt={lemma} {particles[0]}")
        for c in trigger.children:
            if c.dep_ in ("aux", "auxpass"):
                out.append(f"trig_aux={c.lower_}")
            elif c.dep_ == "neg":
                out.append("trig_neg")
        if is_hedged(trigger, self.lex.lexicon):
            out.append("trig_hedged")
        relations = []
        for name, arg in (("a", a), ("b", b)):
            if arg is None:
                relations.append("ctx")
                continue
            path = arrays.path(trigger.i, arg.i)
            rel = "far"
            if path is not None:
                up, lca, down = path
                if len(up) + len(down) <= 4:
                    rel = f"{'/'.join(up)}^{'/'.join(down)}"
                    out.append(f"trig_{name}={rel}")
                    out.append(f"trig_{name}_lemma={lemma}:{rel}")
            else:
                out.append(f"trig_{name}=none")
            relations.append(rel)
        # who did what to whom, as one feature: "join|^nsubj|^dobj"
        out.append(f"frame={lemma}|{relations[0]}|{relations[1]}")
        out.append(f"frame_rel={relations[0]}|{relations[1]}")

    def _sentence_features(self, candidate: Candidate, facts: _SentenceFacts, out: list[str]) -> None:
        out.extend(facts.common)
        out.append("s_has_trigger" if candidate.kind in facts.kinds_here else "s_no_trigger")
        if candidate.kind == "invested":
            out.extend(facts.money_words)

    def _title_features(self, person: MentionRef, org: MentionRef | None, out: list[str]) -> None:
        """Title words beside the person: "OpenAI CTO Mira Murati", "Brockman, its president"."""
        if not person.tokens:
            return
        doc = person.tokens[0].doc
        lo, hi = person.tokens[0].i, person.tokens[-1].i
        window = [t for t in doc[max(0, lo - 4):lo]] + [t for t in doc[hi + 1:min(len(doc), hi + 7)]]
        for t in window:
            word = t.lower_
            if word in self.lex.title_words or word in self.lex.titles:
                side = "pre" if t.i < lo else "post"
                out.append(f"title_{side}={word}")
                out.append("title_near")
        head = person.head
        if head is not None:
            for c in head.children:
                if c.dep_ == "appos":
                    out.append(f"appos={feature_word(c)}")
                    if org is not None and any(t.i in {x.i for x in org.tokens} for t in c.subtree):
                        out.append("appos_has_org")
                elif c.dep_ == "compound" and c.lower_ in self.lex.title_words:
                    out.append(f"title_compound={c.lower_}")
            if head.dep_ == "appos":
                out.append(f"appos_to={feature_word(head.head)}")

    def _rule_features(self, candidate: Candidate, out: list[str]) -> None:
        first, second, _ = candidate.names()
        index = candidate.sentence.index
        if candidate.rule_fact is not None:
            out.append("rule")
            out.append(f"rule_conf={round(candidate.rule_fact.confidence, 1)}")
            # how far the rules are to be trusted depends on where they took the names from
            for side, ref in (("a", candidate.first), ("b", candidate.second)):
                if ref is not None:
                    out.append(f"rule_{side}src={_source_class(ref)}")
        elif index in self._rule_keys.get((candidate.kind, first, second), ()):
            out.append("rule")
        if self._rule_keys.get((candidate.kind, first, second)):
            out.append("rule_in_doc")
        if index in self._rule_keys.get(("pair", first, second), ()):
            for kind in ("joined", "left", "role", "founded", "member", "invested"):
                if kind != candidate.kind and index in self._rule_keys.get(("pair_kind", kind, first, second, index), ()):
                    out.append(f"rule_other={kind}")
