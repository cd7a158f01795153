"""The plain-sentence grid: names from many cultures in the simplest sentences news uses.

Every combination is tried (no sampling): 30 given names x 30 family names x 8 organizations
(known labs and invented startups) x 6 templates = 43,200 one-sentence articles.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from exodus.schema import Document

GIVEN_NAMES = ("Niki", "Ana", "Oluwaseun", "Wei", "Priya", "Mateo", "Aisha", "Dmitri", "Yuki", "Kwame",
               "Sofía", "Björn", "Fatima", "Jae-won", "Thandiwe", "Santiago", "Leila", "Tomasz", "Ngozi", "Arjun",
               "Chiara", "Hamid", "Mei", "Emeka", "Ingrid", "Rafael", "Zeynep", "Kofi", "Anh", "Siobhán")
FAMILY_NAMES = ("Parmar", "Lindqvist", "O'Brien", "D'Souza", "van der Berg", "de la Cruz", "García Márquez",
                "Al-Rashid", "Nakamura", "Okonkwo", "Müller-Schmidt", "Nguyen", "Kowalczyk", "Adeyemi",
                "Ben-David", "Papadopoulos", "Chen", "Rodríguez-Ochoa", "Kim", "Ivanova", "Haddad", "dos Santos",
                "Sørensen", "Ferreira", "Yılmaz", "Singh", "Osei", "El Amrani", "Fitzgerald", "Mbeki")
ORGANIZATIONS = ("OpenAI", "Google DeepMind", "Anthropic", "Meta", "Quorvel", "Lumina Robotics", "Tessaract Labs",
                 "Halcyon Systems")
PUBLISHED = "2024-05-14"


@dataclass(frozen=True)
class Template:
    name: str
    text: str           # with {person} and {org}
    kind: str           # the fact it must give
    date: str | None = None
    role: str | None = None


TEMPLATES = (
    Template("left", "{person} left {org} in March.", "left", date="2024-03"),
    Template("quit", "{person} quit {org} last week.", "left", date="2024-05"),
    Template("joined-as", "{person} has joined {org} as head of research.", "joined", role="head of research"),
    Template("hired", "{org} hired {person}.", "joined"),
    Template("appointed", "{person} was appointed chief executive of {org}.", "joined", role="chief executive"),
    Template("co-founded", "{person} co-founded {org}.", "founded"),
)


@dataclass(frozen=True)
class GridCase:
    template: Template
    person: str
    org: str
    document: Document


def grid_cases() -> Iterator[GridCase]:
    n = 0
    for template in TEMPLATES:
        for org in ORGANIZATIONS:
            for given in GIVEN_NAMES:
                for family in FAMILY_NAMES:
                    person = f"{given} {family}"
                    n += 1
                    text = template.text.format(person=person, org=org)
                    yield GridCase(template, person, org, Document(f"grid-{n}", text, PUBLISHED))


def verdict(case: GridCase, facts: list[dict]) -> str | None:
    """None when the article gave the right fact and nothing that contradicts it, else what is wrong."""
    t = case.template
    right = [f for f in facts if f["kind"] == t.kind and f.get("org") == case.org and f.get("person") == case.person]
    if not right:
        return f"no {t.kind} fact for {case.person} / {case.org}: got {[(f['kind'], f.get('person'), f.get('org')) for f in facts]}"
    fact = right[0]
    if t.date and fact.get("date") != t.date:
        return f"date {fact.get('date')} instead of {t.date}"
    wrong = [f for f in facts if f["kind"] in ("joined", "left", "founded") and f is not fact
             and not (f["kind"] == "role")]
    if wrong:
        return f"also {[(f['kind'], f.get('person'), f.get('org')) for f in wrong]}"
    return None
