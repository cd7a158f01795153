"""A candidate fact: one kind, its arguments as mentions in one sentence, who proposed it."""
from __future__ import annotations

from dataclasses import dataclass, field

from exodus.extraction.analysis import MentionRef, SentenceView
from exodus.extraction.mentions import ORG, Mention
from exodus.schema import Fact

# What the model decides, one classifier each. A fact kind with two readings is split:
# "founded" with a founder and without one, "group_event" formed and disbanded.
MODEL_KINDS: tuple[str, ...] = ("joined", "left", "role", "founded", "founded_org", "member",
                                "group_formed", "group_disbanded", "invested")
FACT_KIND = {"founded_org": "founded", "group_formed": "group_event", "group_disbanded": "group_event"}


def fact_kind(model_kind: str) -> str:
    return FACT_KIND.get(model_kind, model_kind)


def model_kind(fact: Fact) -> str:
    if fact.kind == "founded" and fact.person is None:
        return "founded_org"
    if fact.kind == "group_event":
        return "group_formed" if fact.action == "formed" else "group_disbanded"
    return fact.kind


@dataclass
class Candidate:
    """`first` is the person (or investor, or the organization of a founding or a group event);
    `second` the organization (or group, or investee); `org` the organization of a group."""

    kind: str
    sentence: SentenceView
    first: MentionRef | None
    second: MentionRef | None
    org: str | None = None
    proposers: set[str] = field(default_factory=set)
    rule_fact: Fact | None = None        # the rules' fact of this kind and names from this sentence
    score: float = 0.0

    def names(self) -> tuple[str | None, str | None, str | None]:
        return (self.first.name if self.first else None, self.second.name if self.second else None, self.org)

    def key(self) -> tuple:
        return (self.kind, self.sentence.index, *self.names())

    def slot(self) -> tuple:
        """Where in the text the candidate's arguments stand. Candidates of one slot are readings of
        the same words (which organization "the company" is, whose board): only one can be right."""
        second = _anchor(self.second)
        if self.kind == "member" and self.second is not None and (
                not self.second.tokens or self.second.source == "reference:group" or generic_group(self.second.name)):
            second = "some group"  # "the panel", the committee it stands for, the group in view: one of them
        return (self.kind, self.sentence.index, _anchor(self.first), second)


    def fields(self) -> dict[str, str | None]:
        """The fact fields this candidate would fill, organizations named as the article writes them."""
        shown = self.sentence.display
        first, second = (shown.get(m.name, m.name) if m else None for m in (self.first, self.second))
        if self.kind in ("joined", "left", "role", "founded"):
            return {"person": first, "org": second}
        if self.kind == "founded_org":
            return {"person": None, "org": first}
        if self.kind == "member":
            return {"person": first, "group": second, "org": shown.get(self.org, self.org) if self.org else None}
        if self.kind in ("group_formed", "group_disbanded"):
            return {"org": first, "group": second,
                    "action": "formed" if self.kind == "group_formed" else "disbanded"}
        return {"investor": first, "investee": second}


def context_ref(kind: str, name: str, why: str = "view") -> MentionRef:
    """An argument the sentence does not name: the organization in view, the article's main one,
    a round's owner."""
    return MentionRef(Mention(kind, name, 0, 0, certain=False), [], f"context:{why}")


def context_orgs(analysis, sentence, named: set[str], round_owner: bool = False) -> list[MentionRef]:
    """Organizations a sentence may be about without naming them: the one in view ("the company"),
    the article's main one, those named in the two sentences before, the first one the article names
    (most often its subject, even when another is named more: "Analysts at Brookfield said ...") and
    its second most named one ("He will step down in May" in an article about two companies), and
    for money, the owner of the round told last. They are readings of one slot: one of them wins."""
    parsed = analysis.parsed
    options = [("view", parsed.previous_org(sentence.start, definite=True)), ("main", parsed.primary_org())]
    if round_owner:
        options.insert(0, ("round", parsed.round_owner(sentence.start)))
    for back, why in ((1, "previous"), (2, "previous2")):
        if sentence.index >= back:
            before = analysis.sentences[sentence.index - back]
            options += [(why, m.name) for m in before.mentions
                        if m.kind == ORG and m.mention.certain and m.source.startswith("ner")][:3]
    options.append(("lead", analysis.lead_org))
    options += [("second", name) for name in analysis.org_ranking[1:2]]
    refs, seen = [], set(named)
    for why, name in options:
        if name and name not in seen:
            seen.add(name)
            refs.append(context_ref(ORG, name, why))
    return refs


def _anchor(ref: MentionRef | None) -> int | str | None:
    if ref is None:
        return None
    if ref.source == "plural":
        return f"{ref.tokens[0].i}:{ref.name}"  # "both" is each of the people it stands for
    return ref.tokens[0].i if ref.tokens else "context"


_GENERIC_GROUP_WORDS = frozenset({"the", "a", "an", "its", "their", "new", "independent", "original", "full",
                                  "entire", "whole", "same", "current", "former", "old", "initial", "special",
                                  "company", "company's", "s", "'s"})


def generic_group(name: str) -> bool:
    """"the panel", "its new board", "the Trust": a group noun that names no particular group."""
    words = name.replace("’", "'").split()
    return len([w for w in words if w.lower() not in _GENERIC_GROUP_WORDS]) <= 1
