"""Dates that statements take from the event they belong to."""
from __future__ import annotations

from types import SimpleNamespace

from exodus.extraction.inherited_dates import inherit_dates
from exodus.schema import Document, Evidence, Fact


def parsed(doc: Document) -> SimpleNamespace:
    """What date inheritance reads from a parsed document: its text and, here, no rounds."""
    return SimpleNamespace(document=doc, round_date=lambda position, owner: None)


def fact(text: str, doc: Document, **fields) -> Fact:
    start = doc.text.index(text)
    fields.setdefault("date", None)
    return Fact(doc=doc.id, evidence=Evidence(start, start + len(text), text), confidence=0.8, **fields)


def test_a_move_told_by_reference_takes_the_date_named_just_before():
    doc = Document("d", "The board fired Nadia Orlov on Friday. Her deputy, Tomas Reyes, quit the same day. "
                        "A researcher left the next day.", "2023-11-20")
    quit_ = fact("Her deputy, Tomas Reyes, quit the same day.", doc, kind="left", person="Tomas Reyes", org="Acme")
    later = fact("A researcher left the next day.", doc, kind="left", person="Ana Ruiz", org="Acme")
    inherit_dates([quit_, later], parsed(doc))
    assert quit_.date == "2023-11-17"
    assert later.date == "2023-11-18"


def test_a_reference_is_never_more_precise_than_the_date_it_points_to():
    doc = Document("d", "Two engineers resigned in May. Their manager left the same day.", "2024-08-01")
    left = fact("Their manager left the same day.", doc, kind="left", person="Ben Ode", org="Acme")
    inherit_dates([left], parsed(doc))
    assert left.date == "2024-05"


def test_without_a_date_before_it_a_reference_stays_unresolved():
    doc = Document("d", "Ben Ode left the same day.", "2024-08-01")
    left = fact("Ben Ode left the same day.", doc, kind="left", person="Ben Ode", org="Acme")
    inherit_dates([left], parsed(doc))
    assert left.date is None


def test_founders_named_later_take_the_founding_date():
    doc = Document("d", "Lumen Labs was founded in 2021 by Ada Park. Its founding team also includes Raj Iyer.")
    first = fact("Lumen Labs was founded in 2021 by Ada Park.", doc, kind="founded", person="Ada Park",
                 org="Lumen Labs", date="2021")
    later = fact("Its founding team also includes Raj Iyer.", doc, kind="founded", person="Raj Iyer", org="Lumen Labs")
    other = fact("Its founding team also includes Raj Iyer.", doc, kind="founded", person="Raj Iyer", org="Other Co")
    inherit_dates([first, later, other], parsed(doc))
    assert later.date == "2021"
    assert other.date is None  # another organization's founding is not dated by this one


def test_co_investors_take_the_date_of_the_round_before_them_not_after():
    doc = Document("d", "Acme led a round in Lumen in March 2025. Beta and Gamma also took part. "
                        "In June 2025 Delta invested in Lumen.")
    lead = fact("Acme led a round in Lumen in March 2025.", doc, kind="invested", investor="Acme",
                investee="Lumen", date="2025-03")
    beta = fact("Beta and Gamma also took part.", doc, kind="invested", investor="Beta", investee="Lumen")
    delta = fact("In June 2025 Delta invested in Lumen.", doc, kind="invested", investor="Delta",
                 investee="Lumen", date="2025-06")
    inherit_dates([delta, beta, lead], parsed(doc))
    assert beta.date == "2025-03"


def test_both_ends_of_one_move_share_its_date():
    doc = Document("d", "Ada Park left Acme for Lumen in June 2024. She joined Lumen as CTO.")
    left = fact("Ada Park left Acme for Lumen in June 2024.", doc, kind="left", person="Ada Park", org="Acme",
                to_org="Lumen", date="2024-06")
    joined = fact("She joined Lumen as CTO.", doc, kind="joined", person="Ada Park", org="Lumen")
    inherit_dates([left, joined], parsed(doc))
    assert joined.date == "2024-06"


_FOUNDERS_DATED_APART = """
from types import SimpleNamespace
from exodus.extraction.inherited_dates import inherit_dates
from exodus.schema import Document, Evidence, Fact
doc = Document("d", "Ann Lee co-founded Acme in August 2024. Bo Kim co-founded Acme in September 2024. "
                    "Cy Oh co-founded Acme.", "2024-10-04")
def fact(text, **fields):
    start = doc.text.index(text)
    return Fact(doc="d", evidence=Evidence(start, start + len(text), text), confidence=0.8, kind="founded",
                org="Acme", **fields)
facts = [fact("Ann Lee co-founded Acme in August 2024.", person="Ann Lee", date="2024-08"),
         fact("Bo Kim co-founded Acme in September 2024.", person="Bo Kim", date="2024-09"),
         fact("Cy Oh co-founded Acme.", person="Cy Oh", date=None)]
inherit_dates(facts, SimpleNamespace(document=doc, round_date=lambda position, owner: None))
print(facts[2].date)
"""


def test_a_founder_told_undated_takes_the_same_date_whatever_the_hash_seed():
    """Founders dated alike but apart by a month: the undated one takes the earliest, in every process (the
    choice once followed a set's iteration order, which Python's hash seed changes from run to run)."""
    import os
    import subprocess
    import sys
    answers = {subprocess.run([sys.executable, "-c", _FOUNDERS_DATED_APART], capture_output=True, text=True,
                              check=True, env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip()
               for seed in range(8)}
    assert answers == {"2024-08"}
