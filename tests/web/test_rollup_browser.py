"""In Chromium: the overview's "Units at their parent" box redraws the Sankey with units at their top parent,
and an org page's "Part of" line leads to the parent's page."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest

from exodus.store import ingest_extracted, open_store
from tests.questions.unit_moves import unit_moves
from tests.web.browser import CHROMIUM, chromium, exodus_server

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"{CHROMIUM} is missing: apt-get install chromium (as .ci/run does)")
pytest.importorskip("playwright", reason="playwright is not installed: pip install -e '.[test]'")


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    db = tmp_path_factory.mktemp("rollup") / "s.db"
    with open_store(db) as store:
        ingest_extracted(store, unit_moves())
    with exodus_server(db) as base, chromium() as browser:
        context = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=base)
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.on("console", lambda m: m.type == "error" and errors.append(m.text))
        yield tab
        context.close()
        assert not errors, errors


def node_labels(page) -> set[str]:
    page.wait_for_selector("#sankey svg .sankey-node", timeout=15_000)
    # A label is the organization and its number of moves: "Google Brain (2)".
    return {re.sub(r"\s*\(\d+\)$", "", text.strip())
            for text in page.locator("#sankey .sankey-node .node-label").all_text_contents()}


def test_the_rollup_box_redraws_the_sankey_at_the_parents(page, tmp_path):
    page.goto("/")
    assert {"Google Brain", "Google DeepMind", "Microsoft AI"} <= node_labels(page)
    page.check("input[name=rollup]")
    page.click("form.range button")
    page.wait_for_url(re.compile(r"rollup=true"))
    labels = node_labels(page)
    assert {"Alphabet", "OpenAI", "Microsoft"} <= labels
    assert not labels & {"Google Brain", "Google DeepMind", "Microsoft AI"}
    assert page.is_checked("input[name=rollup]")
    page.screenshot(path=tmp_path / "overview-rollup.png", full_page=True)


def test_the_part_of_line_leads_to_the_parent(page):
    page.goto("/org/" + quote("Google DeepMind"))
    page.locator("p.family a.org", has_text="Google").first.click()
    page.wait_for_url(re.compile(r"/org/Google$"))
    assert page.locator("h1").inner_text() == "Google"
    assert page.locator("p.family a.org", has_text="Google Brain").count() == 1
