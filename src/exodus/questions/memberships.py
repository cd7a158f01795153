"""Who sat on a board, committee or team on a date: a membership is an interval, read article by article.

One membership fact gathers every article that tells it, and the articles say different
things: "the four other directors: Ilya Sutskever, ..." (on it), "So is Ilya Sutskever"
after "are leaving the board" (its end), "As a member of the board, he voted ..." told
months later (the same seat, in the past). So each article's sentence is one statement:

- it shows the person on the group from the date it states, else as of its article's date;
- or it tells the membership's end ("is no longer a member of the committee", "gave up his
  seat on the board", "will leave the board"), on the date it states, else by its article's;
- after an end, a statement without a date after that end is the old seat told again, not a
  new one.

A membership also ends when the person leaves the organization, unless an article says the
seat is kept ("He will keep a seat on Scale's board"); a return does not bring it back (only a
seat told since the return, or dated after the departure, is one), and a seat told only after
the person left is a former one. The roster also ends it when the group is disbanded. The
phrasings are data (`exodus/data/memberships.json`, extended
by a file of the same name in `EXODUS_LEXICON_DIR`).
"""
from __future__ import annotations

from dataclasses import dataclass

from exodus.questions.phrasings import phrase_patterns
from exodus.questions.records import FactView
from exodus.resolution.dates import start_of


def tells_end(evidence: str) -> bool:
    """The sentence tells that a membership ends or ended."""
    return bool(phrase_patterns("memberships.json")["ended"].search(evidence))


def tells_kept(evidence: str) -> bool:
    """The sentence tells a seat kept through a departure from the organization."""
    return bool(phrase_patterns("memberships.json")["kept"].search(evidence))


@dataclass
class Membership:
    """One person's place on one group as known on a day."""

    fact: FactView
    since: str
    """The first day a statement shows them on it (a stated date, or an article's: on it as of then)."""
    ended: str | None = None
    """The day its end is known by (stated, or its article's date); None when not ended by the day."""
    kept: bool = False
    """An article says the seat is kept through a departure from the organization."""


@dataclass
class _Statement:
    day: str
    """The day it holds from: the date the article states, else the article's date."""
    stated: bool
    ends: bool
    kept: bool
    fact: FactView | None
    """None for the person's departure from the organization."""

    def order(self) -> tuple[str, int]:
        # on one day: what articles show, then the ends they tell, then a departure from the organization
        # (a seat dated to the month of the departure was held before it)
        return self.day, 2 if self.fact is None else int(self.ends)


def _statements(fact: FactView) -> list[_Statement]:
    """What each article telling the fact says; a fact without sources (a store written by hand) is one
    statement of presence on its date."""
    told = []
    for source in fact.sources:
        when = source.date or source.published or fact.date or fact.effective_date
        if when:
            told.append(_Statement(start_of(when), bool(source.date), tells_end(source.evidence),
                                   tells_kept(source.evidence), fact))
    if not fact.sources and (fact.date or fact.effective_date):
        told.append(_Statement(start_of(fact.date or fact.effective_date), bool(fact.date), False, False, fact))
    return told


def membership_on(facts: list[FactView], day: str, departures: list[str] = (),
                  back_since: str | None = None) -> Membership | None:
    """One person's membership of one group on `day` (ISO day) from its facts, or None when no article
    shows it by then. A membership that ended by `day` is returned with `ended` set.

    `departures`: the days the person left the organization (stated, or by an article's date): each ends
    the membership unless a seat kept is told. `back_since`: the day the person's return to it began, when
    they are back on `day`: a seat told since then is a seat of the new stint."""
    statements = [s for fact in facts for s in _statements(fact)]
    statements += [_Statement(start_of(left), True, True, False, None) for left in departures]
    current: Membership | None = None
    ended: Membership | None = None
    by_departure = False
    departed: str | None = None  # the last departure from the organization so far
    for said in sorted(statements, key=_Statement.order):
        if said.day > day:
            break
        if said.fact is None:  # a departure from the organization
            departed = said.day
            if current is not None and not current.kept:
                ended, current, by_departure = current, None, True
                ended.ended = said.day
            continue
        if said.ends:
            ended = current or ended or Membership(said.fact, said.day)
            ended.ended, current, by_departure = said.day, None, False
            continue
        if current is None:
            if ended is not None and not _reopens(said, ended.ended or said.day, by_departure, back_since):
                continue  # the seat that ended, told again (undated, or dated before its end)
            if ended is None and departed is not None and not _reopens(said, departed, True, back_since):
                # told after the person left, about the time before ("who sat on the board"): a former seat
                ended = Membership(said.fact, said.day, ended=departed)
                continue
            current, ended = Membership(said.fact, said.day), None
        current.kept = current.kept or said.kept
        if said.fact.role and not current.fact.role:
            current.fact = said.fact
    return current or ended


def _reopens(said: _Statement, end: str, by_departure: bool, back_since: str | None) -> bool:
    """Whether a statement after an end (`end`: its day) is a new seat: one kept through a departure, one
    dated after the end, or (after a departure from the organization) one told since the person came back."""
    if said.kept or (said.stated and said.day > end):
        return True
    return by_departure and back_since is not None and said.day >= back_since
