"""Headless Chromium, for the report's browser test and the README's screenshot.

    python tests/browser.py docs/report.png     # the README's picture of `report --metric high-value-patents`

Chromium starts with a new empty profile and without its background requests (updates, sync, Google's hosts),
which a machine without a network would refuse; as root it needs --no-sandbox.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

#: Debian's package is `chromium`; others name it otherwise.
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)

#: Measures the page once it has loaded and writes what it found into the page, for --dump-dom to print:
#: each chart's box, its bars, its national line and every text's box, and each table's rows and widths.
MEASURE = """<script>
addEventListener("load", () => {
  const box = e => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top,
    bottom: r.bottom, width: r.width, height: r.height}; };
  const found = {scrollWidth: document.documentElement.scrollWidth, innerWidth: innerWidth};
  found.charts = [...document.querySelectorAll("figure.chart")].map(f => {
    const svg = f.querySelector("svg");
    if (!svg) return {kind: f.dataset.chart, svg: null, missing: f.textContent};
    const byId = p => [...svg.querySelectorAll(`[id^="${p}"]`)].map(box);
    return {kind: f.dataset.chart, svg: box(svg), bars: byId("bar-"), national: byId("national-line"),
      outcomes: byId("outcome-"), targets: byId("target-"), slopes: byId("slope-"),
      texts: [...svg.querySelectorAll("text")].map(t => ({text: t.textContent, ...box(t)}))};
  });
  found.tables = [...document.querySelectorAll("div.table")].map(d => ({
    caption: (d.querySelector("caption") || {}).textContent || "", rows: d.querySelectorAll("tbody tr").length,
    scrollWidth: d.scrollWidth, clientWidth: d.clientWidth}));
  const out = document.createElement("pre"); out.id = "measured"; out.textContent = JSON.stringify(found);
  document.body.appendChild(out);
});
</script>"""


def executable() -> str | None:
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(page: Path, width: int, height: int, *args: str) -> str:
    browser = executable()
    if browser is None:
        raise FileNotFoundError("no Chromium: apt-get install chromium (Debian)")
    root = ("--no-sandbox",) if hasattr(os, "geteuid") and os.geteuid() == 0 else ()
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                browser,
                *FLAGS,
                *root,
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                *args,
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    if result.returncode != 0:
        raise RuntimeError(f"chromium failed ({result.returncode}): {result.stderr[-2000:]}")
    return result.stdout


def measure(page: Path, width: int, height: int = 1200) -> dict[str, Any]:
    """What the page looks like at this window width, measured in the browser.

    The page's Content-Security-Policy forbids every script, as it should: the measured copy is the same
    page without it, with the measuring script added.
    """
    text = page.read_text(encoding="utf-8")
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text, count=1)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "measured.html"
        copy.write_text(text.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
        dom = _run(copy, width, height, "--dump-dom", "--virtual-time-budget=5000")
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
    if found is None:
        raise RuntimeError("the page did not finish loading")
    measured: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return measured


def screenshot(page: Path, out: Path, width: int, height: int) -> None:
    """The page itself (its policy in place), as Chromium draws it, into a PNG file."""
    _run(page, width, height, f"--screenshot={out.resolve()}")


def png_size(path: Path) -> tuple[int, int]:
    """A PNG's width and height, from its header."""
    data = path.read_bytes()[:24]
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def main(out: str) -> None:
    """The README's screenshot: the briefing on high-value patents, the shipped data, top of the page."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        subprocess.run(
            [sys.executable, "-m", "ipcompare", "report", "--metric", "high-value-patents", "-o", str(page)], check=True
        )
        screenshot(page, Path(out), 1100, 1250)
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/report.png")
