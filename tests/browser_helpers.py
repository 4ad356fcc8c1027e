"""What the browser tests share: the system Chromium, a Playwright browser, and a page visit
on which every request the test does not allow is aborted and counted.

Import :data:`sync_api` at module level: it skips the whole module when Chromium is not at
``/usr/bin/chromium`` or Playwright is not installed (Playwright's own browser downloads are
never used). :func:`launch` starts the browser; :class:`Visit` opens pages with the network
limited to what ``allowed`` accepts and records console errors and warnings (a
Content-Security-Policy violation shows up there) and page errors.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")

if not CHROMIUM.exists():
    pytest.skip(
        f"no Chromium at {CHROMIUM} (apt-get install chromium to run the browser tests)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
)


@contextmanager
def launch() -> Iterator[Any]:
    """A headless Chromium (the system one, without its sandbox: tests may run as root)."""
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def local_files(url: str) -> bool:
    """Files on this machine and inline data only (a report opened from disk)."""
    return url.startswith(("file://", "data:"))


def same_origin(origin: str) -> Callable[[str], bool]:
    """Requests to ``origin`` and inline data only (the pages of a local server)."""
    return lambda url: url == origin or url.startswith((origin + "/", "data:"))


class Visit:
    """A browser context whose requests go only where ``allowed`` says; the rest are aborted
    and listed in ``blocked``. ``errors`` lists console errors/warnings and page errors."""

    def __init__(
        self,
        browser: Any,
        allowed: Callable[[str], bool],
        *,
        width: int = 1280,
        height: int = 900,
        javascript: bool = True,
    ) -> None:
        self.allowed = allowed
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=javascript
        )
        self.page = self.context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))

    def _route(self, route: Any) -> None:
        url = route.request.url
        if self.allowed(url):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"{message.type}: {message.text}")

    def close(self) -> None:
        """Check that nothing was blocked or logged as an error, then close the context."""
        assert self.blocked == [], self.blocked
        assert self.errors == [], self.errors
        self.context.close()


#: What overflows the page sideways: the page's scroll width, the window's width, and the
#: first elements that stick out past the window's right edge (outside any container that
#: scrolls or clips them itself).
_OVERFLOW_JS = """() => {
  const width = window.innerWidth;
  const name = el => {
    const cls = typeof el.className === 'string' ? el.className.trim() : '';
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (cls ? '.' + cls.split(/\\s+/).join('.') : '');
  };
  const contained = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if ((x === 'auto' || x === 'scroll' || x === 'hidden') &&
          p.getBoundingClientRect().right <= width + 0.5) return true;
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll('*')]
    .filter(el => el.getBoundingClientRect().right > width + 0.5 && !contained(el))
    .slice(0, 8).map(name);
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide};
}"""


def sideways_overflow(page: Any) -> dict[str, Any]:
    """How the page fits its window sideways (see :data:`_OVERFLOW_JS`); it fits when
    ``scrollWidth <= innerWidth`` (and ``wide`` is empty)."""
    return dict(page.evaluate(_OVERFLOW_JS))


def assert_fits_sideways(page: Any) -> None:
    """The page does not scroll sideways: wide tables scroll inside their own container."""
    found = sideways_overflow(page)
    assert found["scrollWidth"] <= found["innerWidth"], found
    assert found["wide"] == [], found


def screenshot_folder() -> Path | None:
    """``$CARELENS_SCREENSHOTS`` (created), where tests write the docs' screenshots; None
    when it is unset."""
    folder = os.environ.get("CARELENS_SCREENSHOTS")
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path
