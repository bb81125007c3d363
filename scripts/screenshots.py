"""Take the documentation screenshots with headless Chromium.

    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8000 docs/screenshots

Needs a running site with the reference data (./run.sh) and Debian's Chromium.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
PAGES = {
    "home.png": "/",
    "issue-jurisdiction.png": "/issues/jurisdiction/",
    "gaps.png": "/gaps/",
    "venue-itu-cwg-internet.png": "/venues/itu-cwg-internet/",
    "body-cgi-br.png": "/bodies/cgi-br/",
    "round-priorities-2026.png": "/rounds/priorities-2026/",
    "process-jurisdiction.png": "/processes/jurisdiction-applicable-law/",
}


def main(base: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en")
        for name, path in PAGES.items():
            page.goto(base.rstrip("/") + path)
            page.screenshot(path=str(out / name), full_page=False)
            print(out / name)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000",
         Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots"))
