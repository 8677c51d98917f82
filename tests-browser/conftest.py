"""Shared fixtures: the pack's folder and pages, and one headless Chromium for the session."""
import os
import pathlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def pack_dir():
    """The pack folder from PACK_DIR, or None."""
    value = os.environ.get("PACK_DIR")
    return pathlib.Path(value).resolve() if value else None


def pack_pages():
    """Every HTML page of the pack, relative to its folder, sorted (index.html first)."""
    root = pack_dir()
    if root is None:
        return []
    pages = sorted(str(p.relative_to(root)) for p in root.rglob("*.html"))
    return sorted(pages, key=lambda p: (p != "index.html", p))


def pytest_generate_tests(metafunc):
    """Parametrise `page` over every page of the pack (one placeholder when PACK_DIR is unset)."""
    if "page" in metafunc.fixturenames:
        pages = pack_pages() or ["(PACK_DIR not set)"]
        metafunc.parametrize("page", pages)


@pytest.fixture(scope="session")
def root():
    """The pack folder; skips the test when PACK_DIR is not set."""
    folder = pack_dir()
    if folder is None:
        pytest.skip("set PACK_DIR to a rendered pack's folder")
    if not (folder / "index.html").is_file():
        pytest.fail(f"PACK_DIR={folder} holds no index.html")
    return folder


@pytest.fixture(scope="session")
def driver(root):
    """Headless Chromium driven by chromedriver, 1280 × 1000 CSS pixels."""
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    browser = webdriver.Chrome(options=options, service=service)
    browser.set_script_timeout(120)
    yield browser
    browser.quit()


@pytest.fixture
def open_page(driver, root):
    """Opens a page of the pack by its relative path and returns the driver."""
    def load(page, width=1280, height=1000):
        driver.set_window_size(width, height)
        driver.get((root / page).as_uri())
        return driver
    return load
