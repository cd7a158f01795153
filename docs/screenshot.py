"""Remake docs/dashboard.png, the README's screenshot: the bundled sample corpus, ingested and served.

    .venv/bin/python docs/screenshot.py
    .venv/bin/python docs/screenshot.py --pages /tmp/shots   # every page at 1400 and 390 px

Runs `exodus ingest src/exodus/sample/articles` into a temporary store, `exodus serve`
on a free local port, and Debian's Chromium (through playwright) on the overview.
With `--pages DIR`, it shoots every kind of page instead, at a desktop's width
(1400 px) and a phone's (390 px), each cut into screen-high parts
(`DIR/390-org-OpenAI-1.png`, ...) so that each can be looked at, and prints each
page's width (`scrollWidth`; wider than the window means it scrolls sideways).
The server allows writes there, so `/conflicts` shows its decision forms.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.web.browser import chromium, exodus_server  # noqa: E402

WIDTHS = {1400: 900, 390: 844}  # window width -> height (one part of a page)
TOKEN = "screenshot-token-0123456789"


def sample_pages(base: str) -> list[tuple[str, str | None]]:
    """(path, selector of what must be drawn first) of every kind of page, on the sample corpus."""
    with urllib.request.urlopen(base + "/api/facts?person=Jan%20Leike&limit=1") as response:
        fact = json.load(response)["facts"][0]
    sankey, timeline, bars = "#sankey svg .sankey-node", "#timeline svg", "#movements svg"
    return [("/", sankey), ("/?since=2023-01-01&rollup=true&from=Alphabet&to=OpenAI", sankey),
            ("/people", None), ("/orgs", None), ("/facts", None),
            ("/facts?kind=left&min_confidence=0.8&since=2023&org=OpenAI", None),
            ("/person/Jan%20Leike", timeline), ("/org/OpenAI?as_of=2024-10-15", bars),
            ("/org/Google%20DeepMind", bars), (f"/fact/{fact['id']}", None),
            ("/document/" + quote(fact["doc"], safe=""), None), ("/conflicts", None),
            ("/search?q=Leike", None), ("/docs", None), ("/person/Nobody%20Known", None)]


def overview_shot(page, base: str) -> None:
    page.set_viewport_size({"width": 1360, "height": 1000})
    page.goto(base + "/", wait_until="load")
    page.wait_for_selector("#sankey svg .sankey-node")
    page.locator("#sankey .sankey-node", has_text="Anthropic").last.locator(".node-rect").click()
    page.locator("#flow-detail li.move").first.wait_for()
    out = ROOT / "docs" / "dashboard.png"
    page.screenshot(path=out, clip={"x": 0, "y": 0, "width": 1360, "height": 1000})
    print(f"wrote {out}")


def every_page_shots(page, base: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for width, height in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        for path, drawn in sample_pages(base):
            page.goto(base + path, wait_until="load")
            if drawn:
                page.wait_for_selector(drawn, timeout=15_000)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            full = page.evaluate("document.documentElement.scrollHeight")
            name = re.sub(r"\W+", "-", path).strip("-") or "overview"
            parts = range(0, full, height)
            for n, top in enumerate(parts, 1):  # the window scrolled down a screen at a time: quicker than clips
                page.evaluate(f"window.scrollTo(0, {top})")
                page.screenshot(path=out / f"{width}-{name}-{n}.png")
            print(f"{width} px  {path}: scrollWidth {scroll_width}{'  <- scrolls sideways' if scroll_width > width else ''}"
                  f", {len(parts)} part(s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, metavar="DIR", help="shoot every page at 1400 and 390 px into DIR")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "sample.db"
        subprocess.run([sys.executable, "-m", "exodus", "ingest", str(ROOT / "src/exodus/sample/articles"),
                        "--db", str(db)], check=True)
        options = ("--allow-writes", "--token", TOKEN) if args.pages else ()
        with exodus_server(db, options=options) as base, chromium() as browser:
            page = browser.new_page()
            if args.pages:
                every_page_shots(page, base, args.pages)
            else:
                overview_shot(page, base)
    return 0


if __name__ == "__main__":
    sys.exit(main())
