"""The /conflicts page in Chromium, served with writes allowed: a person keeps a side with the form and the
page then shows the conflict settled; the page fits a 390-pixel screen."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from exodus.store import ingest_extracted, open_store
from tests.questions.test_settling import stories
from tests.web.browser import CHROMIUM, chromium, exodus_server

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"{CHROMIUM} is missing: apt-get install chromium (as .ci/run does)")
pytest.importorskip("playwright", reason="playwright is not installed: pip install -e '.[test]'")

TOKEN = "s3cret-of-16-chars"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("conflicts") / "conflicts.db"
    with open_store(path) as store:
        ingest_extracted(store, stories())
    with exodus_server(path, options=("--allow-writes", "--token", TOKEN)) as base:
        yield base


def test_a_person_keeps_a_side_with_the_form(server, tmp_path):
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server + "/conflicts", wait_until="load")
        item = page.locator("li.conflict", has_text="Ada Quill joined Anthropic")
        assert item.locator(".tag.status").inner_text() == "open"
        page.screenshot(path=tmp_path / "conflicts-1400.png", full_page=True)
        item.get_by_label(re.compile(r"keep fact \w+ \(Anthropic")).check()
        item.locator("input[name=note]").fill("Meta was a rumour")
        item.locator("input[name=token]").fill(TOKEN)
        item.get_by_role("button", name="Save decision").click()
        page.wait_for_load_state("load")
        settled = page.locator("ul.settled li.conflict", has_text="Ada Quill joined Anthropic")
        assert settled.locator(".tag.status").inner_text() == "resolved"
        assert settled.locator(".verdict-rejected").count() == 1 and "Meta was a rumour" in settled.inner_text()
        assert page.locator("ul.conflicts:not(.settled) li.conflict").count() == 1  # the date conflict
        page.screenshot(path=tmp_path / "conflicts-settled-1400.png", full_page=True)
        page.close()
        assert not errors, errors


def test_the_page_with_its_forms_fits_a_phone(server, tmp_path):
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(server + "/conflicts", wait_until="load")
        page.screenshot(path=tmp_path / "conflicts-390.png", full_page=True)
        assert page.locator("form.settle").count() >= 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.close()
