"""End to end in a real browser: Debian's Chromium, a real `exodus serve`, every page.

Each page must render its charts (SVG present) and log no JavaScript error (a
Content-Security-Policy violation is one); clicks go from a Sankey node to a
person, from a chart point to a fact, from a fact to its source. Screenshots are
saved in the test's temporary folder. Skipped only when /usr/bin/chromium is missing.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.web.browser import CHROMIUM, chromium, exodus_server
from tests.web.hostile import EVIL_ORG, EVIL_PERSON, SCRIPT

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"{CHROMIUM} is missing: apt-get install chromium (as .ci/run does)")
pytest.importorskip("playwright", reason="playwright is not installed: pip install -e '.[test]'")


@pytest.fixture(scope="module")
def server(store_path):
    with exodus_server(store_path) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def browser_context(browser):
    """One context for the module, so Plotly's bundle is fetched once and then cached (as for a person)."""
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    yield context
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    return tmp_path_factory.mktemp("screenshots")


class Watched:
    """A page whose console errors, uncaught exceptions and dialogs (alert) are recorded."""

    def __init__(self, context, server):
        self.page = context.new_page()
        self.server = server
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))

    def open(self, path: str, status: int = 200):
        response = self.page.goto(self.server + path, wait_until="load")
        assert response.status == status, path
        if status != 200:  # the browser logs the failed load of the page itself
            self.errors = [e for e in self.errors if f"status of {status}" not in e]
        return self.page

    def close(self):
        self.page.close()


@pytest.fixture
def watched(browser_context, server):
    w = Watched(browser_context, server)
    yield w
    w.close()
    assert not w.errors, w.errors


def test_overview_draws_the_sankey_and_a_node_leads_to_a_person(watched, shots):
    page = watched.open("/")
    page.wait_for_selector("#sankey svg .sankey-node", timeout=15_000)
    assert page.locator("#sankey svg .sankey-link").count() >= 3
    assert page.locator("ul.facts li.fact blockquote").count() >= 5
    page.screenshot(path=shots / "overview.png", full_page=True)
    # A flow lists its moves, each with the facts behind it.
    page.locator("#sankey .sankey-link").first.click(force=True)
    page.locator("#flow-detail li.move a.fact-link").first.wait_for()
    # A node lists the people who left or joined; one click more is the person.
    node = page.locator("#sankey .sankey-node", has_text="Anthropic").first
    node.locator(".node-rect").click()
    detail = page.locator("#flow-detail")
    detail.locator("h3", has_text="Anthropic").wait_for()
    detail.locator("a.person").first.click()
    page.wait_for_url(re.compile(r"/person/"))
    assert page.locator("h1").inner_text() in ("Ada Lovelace", "Grace Hopper")
    page.wait_for_selector("#timeline svg .scatterlayer")


def test_the_date_range_filter_narrows_the_flows(watched):
    page = watched.open("/")
    page.fill("input[name=since]", "2024-03-01")
    page.fill("input[name=until]", "2024-03-31")
    page.click("form.range button")
    page.wait_for_url(re.compile(r"since=2024-03-01"))
    page.wait_for_selector("#sankey svg .sankey-node")
    assert page.locator("#sankey .sankey-link").count() == 1


def test_the_flows_have_counts_a_table_and_their_choice_in_the_address(watched, shots):
    page = watched.open("/?since=2024")
    page.wait_for_selector("#sankey svg .sankey-node")
    # Counts on the chart without hovering: on every node's label and on the links.
    labels = page.locator("#sankey .sankey-node .node-label").all_text_contents()
    assert labels and all(re.search(r" \(\d+\)$", label) for label in labels), labels
    assert page.locator("#sankey text.link-count").count() >= 1
    # The table has a row per drawn flow, with the same numbers.
    rows = page.locator("table.flows tbody tr[data-from]")
    assert rows.count() == page.locator("#sankey .sankey-link").count() == 3
    assert sorted(page.locator("table.flows td.count").all_inner_texts()) == \
        sorted(page.locator("#sankey text.link-count").all_text_contents())
    page.screenshot(path=shots / "overview-flows.png", full_page=True)
    # A click on a flow lists its people and puts the flow in the address; the address shows it again.
    page.locator("#sankey .sankey-link").first.click(force=True)
    page.locator("#flow-detail li.move").first.wait_for()
    title = page.locator("#flow-detail h3").inner_text()
    assert re.search(r"[?&]from=[^&]+&to=[^&#]+", page.url) and "since=2024" in page.url
    assert page.locator("table.flows tr.picked").count() == 1
    page.reload(wait_until="load")
    assert page.locator("#flow-detail h3").inner_text() == title
    assert page.locator("table.flows tr.picked").count() == 1


def test_the_flows_table_works_from_the_keyboard(watched):
    page = watched.open("/")
    page.wait_for_selector("table.flows td.count a")
    count_link = page.locator("table.flows td.count a").first
    count_link.focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"from=.+&to=.+"))
    assert re.search(r": 1 move\(s\)$", page.locator("#flow-detail h3").inner_text())
    page.locator("#flow-detail a.person").first.wait_for()
    # The form is real fields, sent with Enter; the choice so far stays out of the way of the new one.
    page.locator("form.range input[name=org]").focus()
    page.keyboard.type("Google")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"org=Google"))
    assert "from=" not in page.url
    assert page.locator("table.flows tbody tr[data-from]").count() == 1


def test_the_facts_index_filters_and_downloads(watched, shots):
    page = watched.open("/facts")
    page.select_option("select[name=kind]", "left")
    page.fill("input[name=min_confidence]", "0.5")
    page.click("form.filters button")
    page.wait_for_url(re.compile(r"kind=left"))
    kinds = page.locator("table.facts-table tbody td[data-label=Kind]").all_inner_texts()
    assert kinds and set(kinds) == {"left"}
    assert page.locator("table.facts-table .confidence").count() == len(kinds)
    page.screenshot(path=shots / "facts.png", full_page=True)
    with page.expect_download() as download:
        page.click("text=Download CSV")
    assert download.value.suggested_filename == "exodus-facts-kind-left-min_confidence-0.5.csv"


def test_person_timeline_points_lead_to_facts(watched, shots):
    page = watched.open("/person/" + quote("Ada Lovelace"))
    page.wait_for_selector("#timeline svg .scatterlayer .point")
    page.screenshot(path=shots / "person.png", full_page=True)
    assert page.locator("blockquote").count() >= 3
    page.locator("#timeline .scatterlayer .point").first.click(force=True)
    page.wait_for_url(re.compile(r"/fact/"))


def test_org_page_roster_as_of_and_movement_bars(watched, shots):
    page = watched.open("/org/OpenAI")
    page.wait_for_selector("#movements svg .bars .point path")
    page.screenshot(path=shots / "org.png", full_page=True)
    page.locator("#movements .bars .point path").first.click(force=True)
    page.locator("#movement-detail a.person").first.wait_for()
    page.fill("input[name=as_of]", "2023-06-01")
    page.click("form.range button")
    page.wait_for_url(re.compile(r"as_of=2023-06-01"))
    assert "Ada Lovelace" in page.locator("table").first.inner_text()
    assert "Grace Hopper" not in page.locator("table").first.inner_text()


def test_fact_page_highlights_the_evidence_and_leads_to_its_source(watched, shots, client):
    fact = client.get("/api/facts", params={"person": "Grace Hopper", "org": "OpenAI"}).json()["facts"][0]
    page = watched.open(f"/fact/{fact['id']}")
    marks = page.locator("mark.evidence")
    assert marks.count() == 2
    assert marks.first.inner_text() == fact["sources"][0]["evidence"]["text"]
    page.screenshot(path=shots / "fact.png", full_page=True)
    page.locator(".source-item a[href^='/document/']").first.click()
    page.wait_for_url(re.compile(r"/document/"))
    assert page.locator("a.mention mark").count() >= 1


@pytest.mark.parametrize("path, status", [
    ("/conflicts", 200), ("/search?q=Lovelace", 200), ("/docs", 200), ("/search?q=" + quote(SCRIPT), 200),
    ("/people", 200), ("/orgs", 200), ("/people?q=" + quote(SCRIPT), 200), ("/facts", 200),
    ("/facts?org=" + quote(EVIL_ORG), 200), ("/facts?person=" + quote(SCRIPT), 404),
    ("/person/" + quote(EVIL_PERSON, safe=""), 200), ("/org/" + quote(EVIL_ORG, safe=""), 200),
    ("/person/" + quote(SCRIPT, safe=""), 404), ("/org/OpenAI?as_of=" + quote(SCRIPT), 422)])
def test_other_pages_load_without_errors(watched, path, status, shots):
    page = watched.open(path, status)
    if "/person/" in path and status == 200:
        page.wait_for_selector("#timeline svg")
    if "/org/" in path and status == 200:
        page.wait_for_selector("#movements svg")
    assert page.evaluate("document.querySelectorAll('img, iframe').length") == 0
    page.screenshot(path=shots / (re.sub(r"\W+", "_", path)[:60] + ".png"))


TOKEN = "layout-token-of-16-chars"


@pytest.fixture(scope="module")
def writable_server(store_path, tmp_path_factory):
    """The same store served with writes allowed (a copy): /conflicts then has its decision forms."""
    copy = tmp_path_factory.mktemp("writable") / "hostile.db"
    shutil.copy(store_path, copy)
    with exodus_server(copy, options=("--allow-writes", "--token", TOKEN)) as base:
        yield base


def every_page(client) -> list[tuple[str, int, str | None]]:
    """(path, status, selector of what must be drawn first) of every kind of page, error pages included."""
    fact = client.get("/api/facts", params={"person": "Grace Hopper", "org": "OpenAI"}).json()["facts"][0]["id"]
    evil_doc = next(f["doc"] for f in client.get("/api/facts", params={"limit": 50}).json()["facts"]
                    if f["doc"].startswith("evil-"))
    sankey, timeline, bars = "#sankey svg .sankey-node", "#timeline svg", "#movements svg"
    return [
        ("/", 200, sankey), ("/?since=2024&rollup=true&from=OpenAI&to=Anthropic", 200, sankey),
        ("/?org=" + quote(EVIL_ORG), 200, sankey),
        ("/people", 200, None), ("/orgs", 200, None), ("/people?q=" + quote(SCRIPT), 200, None),
        ("/facts", 200, None), ("/facts?kind=left&min_confidence=0.5&since=2024-01&until=2024-12&org=OpenAI", 200,
                                None),
        ("/facts?org=" + quote(EVIL_ORG), 200, None),
        ("/person/" + quote("Ada Lovelace"), 200, timeline), ("/person/" + quote(EVIL_PERSON, safe=""), 200, timeline),
        ("/org/OpenAI", 200, bars), ("/org/OpenAI?as_of=2023-06-01", 200, bars),
        ("/org/Google?as_of=2024-06-01", 200, bars), ("/org/" + quote(EVIL_ORG, safe=""), 200, bars),
        (f"/fact/{fact}", 200, None), ("/document/wire-1", 200, None),
        ("/document/" + quote(evil_doc, safe=""), 200, None),
        ("/conflicts", 200, "form.settle"), ("/search?q=Lovelace", 200, None), ("/search?q=" + quote(SCRIPT), 200, None),
        ("/docs", 200, None),
        ("/person/" + quote(SCRIPT, safe=""), 404, None), ("/fact/no-such-fact", 404, None),
        ("/no/such/page", 404, None), ("/org/OpenAI?as_of=" + quote(SCRIPT), 422, None),
    ]


# A card whose content is wider than itself scrolls sideways on its own (what a wide table once did on a phone).
CARDS_WIDER_THAN_THEMSELVES = """[...document.querySelectorAll('.card')]
    .filter((card) => card.scrollWidth > card.clientWidth + 1)
    .map((card) => (card.querySelector('h1, h2') || card).textContent.trim().slice(0, 60))"""
# Node labels and link counts of the Sankey that cover one another (unreadable), as pairs of their texts.
OVERLAPPING_SANKEY_TEXTS = """(() => {
  const texts = [...document.querySelectorAll('#sankey .node-label, #sankey text.link-count')]
    .map((node) => [node.textContent, node.getBoundingClientRect()]).filter(([, r]) => r.width > 0);
  const found = [];
  texts.forEach(([a, r], i) => texts.slice(i + 1).forEach(([b, q]) => {
    if (r.left < q.right && q.left < r.right && r.top < q.bottom && q.top < r.bottom) found.push([a, b]);
  }));
  return found;
})()"""


@pytest.mark.parametrize("width", [390, 1400])
def test_every_page_fits_the_window_without_scrolling_sideways(browser, writable_server, client, shots, width):
    """Every page at a phone's width and a desktop's: nothing wider than the window once the charts are drawn,
    no card that scrolls sideways inside the page, no Sankey label over another; a full-page screenshot of
    each in the test's folder (`phone_NN_...` / `desktop_NN_...`)."""
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 800 else 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    widths, charts, cards, overlaps = {}, {}, {}, {}
    try:
        for number, (path, status, drawn) in enumerate(every_page(client)):
            response = page.goto(writable_server + path, wait_until="load")
            assert response.status == status, path
            if drawn:
                page.wait_for_selector(drawn, timeout=15_000)
            widths[path] = page.evaluate("document.documentElement.scrollWidth")
            # A chart wider than the window would be cut off inside its card: it must be drawn to fit.
            charts[path] = page.evaluate("Math.max(0, ...[...document.querySelectorAll('.chart svg.main-svg')]"
                                         ".map(svg => svg.getBoundingClientRect().right))")
            name = f"{'phone' if width < 800 else 'desktop'}_{number:02d}" + re.sub(r"\W+", "_", path)[:70]
            cards[path] = page.evaluate(CARDS_WIDER_THAN_THEMSELVES)
            overlaps[path] = page.evaluate(OVERLAPPING_SANKEY_TEXTS)
            page.screenshot(path=shots / f"{name}.png", full_page=True)
    finally:
        context.close()
    assert {path: w for path, w in widths.items() if w > width} == {}
    assert {path: right for path, right in charts.items() if right > width} == {}
    assert {path: found for path, found in cards.items() if found} == {}
    assert {path: found for path, found in overlaps.items() if found} == {}
    assert not errors, errors
