"""Fixtures for the screen tests: a café store, the kiosk screen over a real Session, and headless Chromium.

The browser is Debian's ``chromium`` driven through ``chromium-driver`` by selenium (``scripts/setup.sh``
installs both; nothing is downloaded: Selenium Manager runs offline). Without them the browser tests skip,
except under ``CI=true`` where they fail. Screenshots go to a temporary directory (printed at the end of the
session) or to ``$VOICECART_SCREENSHOTS`` when set.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from catalog.bundled import open_store
from dialogue.session import Session
from voice.screen import KioskScreen, ScreenServer

WAIT_S = 20.0  # generous bound for every explicit wait on a page condition
_SHOTS: list[Path] = []


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Any]:
    s = open_store(tmp_path / "screen.sqlite3", catalog="cafe")
    yield s
    s.close()


@pytest.fixture()
def kiosk(store: Any) -> Iterator[tuple[KioskScreen, ScreenServer]]:
    """A text kiosk over a café Session, greeted, served on a free loopback port."""
    screen = KioskScreen(Session(store), typing=True)
    screen.greeting()
    screen.loop_state("ready")
    server = ScreenServer(screen, port=0).start()
    yield screen, server
    server.close()


def _browser_paths() -> tuple[str, str] | None:
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or ("/usr/lib/chromium/chromedriver"
                                              if Path("/usr/lib/chromium/chromedriver").exists() else None)
    return (chrome, driver) if chrome and driver else None


def _need(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} (scripts/setup.sh installs it; CI must run the browser tests)")
    pytest.skip(what)


@pytest.fixture(scope="session")
def shot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = Path(os.environ["VOICECART_SCREENSHOTS"]) if os.environ.get("VOICECART_SCREENSHOTS") else \
        tmp_path_factory.mktemp("screen-shots")
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture(scope="session")
def chrome(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One headless Chromium for the session (tests open and close their own tabs)."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _need("selenium is not installed (pip install -e '.[dev]')")
    paths = _browser_paths()
    if paths is None:
        _need("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
        raise AssertionError  # not reached
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download a browser or driver
    opts = webdriver.ChromeOptions()
    opts.binary_location = paths[0]
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1920,1080", "--force-device-scale-factor=1", "--hide-scrollbars",
                "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-features=Translate,MediaRouter,OptimizationHints",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(options=opts, service=Service(executable_path=paths[1]))
    driver.set_page_load_timeout(WAIT_S)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture()
def browser(chrome: Any) -> Iterator[Any]:
    """The session's browser with one fresh tab (landscape 1920x1080) for this test."""
    chrome.switch_to.new_window("tab")
    viewport(chrome, 1920, 1080)
    yield chrome
    for handle in chrome.window_handles[1:]:  # keep the first tab: the browser lives on
        chrome.switch_to.window(handle)
        chrome.close()
    chrome.switch_to.window(chrome.window_handles[0])


def viewport(driver: Any, width: int, height: int) -> None:
    """Exactly this CSS viewport (the kiosk's screen), scale 1."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


@pytest.fixture()
def screenshot(browser: Any, shot_dir: Path, request: pytest.FixtureRequest) -> Callable[[str], Path]:
    def take(name: str) -> Path:
        path = shot_dir / f"{request.node.name}-{name}.png"
        assert browser.save_screenshot(str(path)), path
        _SHOTS.append(path)
        return path

    return take


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _SHOTS:
        terminalreporter.write_line(f"screen screenshots: {len(_SHOTS)} in {_SHOTS[0].parent}")
