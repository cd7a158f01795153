"""Remake docs/dashboard.png, the README's screenshot: the bundled sample corpus, ingested and served.

    .venv/bin/python docs/screenshot.py

Runs `exodus ingest src/exodus/sample/articles` into a temporary store, `exodus serve`
on a free local port, and Debian's Chromium (through playwright) on the overview.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.web.browser import chromium, exodus_server  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "sample.db"
        subprocess.run([sys.executable, "-m", "exodus", "ingest", str(ROOT / "src/exodus/sample/articles"),
                        "--db", str(db)], check=True)
        with exodus_server(db) as base, chromium() as browser:
            page = browser.new_page(viewport={"width": 1360, "height": 1000})
            page.goto(base + "/", wait_until="load")
            page.wait_for_selector("#sankey svg .sankey-node")
            page.locator("#sankey .sankey-node", has_text="Anthropic").last.locator(".node-rect").click()
            page.locator("#flow-detail li.move").first.wait_for()
            out = ROOT / "docs" / "dashboard.png"
            page.screenshot(path=out, clip={"x": 0, "y": 0, "width": 1360, "height": 1000})
            print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
