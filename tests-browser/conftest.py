"""Shared fixtures: the pack's folder and pages, and one headless Chromium for the session (PACK_DIR);
the running web application's address and signed-in browsers (WEB_URL, see test_web_crawl.py)."""
import os
import pathlib
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


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


def start_chromium():
    """Headless Chromium driven by chromedriver, 1280 × 1000 CSS pixels (CHROMIUM, CHROMEDRIVER override the paths)."""
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    browser = webdriver.Chrome(options=options, service=service)
    browser.set_script_timeout(120)
    return browser


@pytest.fixture(scope="session")
def driver(root):
    """Headless Chromium for the pack's pages (skipped with the pack tests when PACK_DIR is unset)."""
    browser = start_chromium()
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


# The running web application (`scrutineer demo`): its tests are skipped unless WEB_URL is set, as
# the pack's are unless PACK_DIR is.

def web_base():
    """The web application's origin from WEB_URL (no trailing slash), or None."""
    value = os.environ.get("WEB_URL")
    return value.rstrip("/") if value else None


@pytest.fixture(scope="session")
def web_url():
    """The running demo's origin; skips without WEB_URL and fails when /health does not answer."""
    base = web_base()
    if base is None:
        pytest.skip("set WEB_URL to a running `scrutineer demo` (e.g. http://127.0.0.1:8080)")
    try:
        with urllib.request.urlopen(base + "/health", timeout=10) as response:
            assert response.status == 200
    except (OSError, AssertionError) as error:
        pytest.fail(f"WEB_URL={base}: /health does not answer ({error})")
    return base


def sign_in(browser, base, username, password):
    """Signs in through the real form (its hidden csrf field and CSRF cookie) and checks it worked."""
    browser.get(base + "/sign-in")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "form.sign-in-form button[type=submit]").click()
    WebDriverWait(browser, 30).until(lambda b: "/sign-in" not in b.current_url)
    account = browser.find_element(By.CSS_SELECTOR, ".site-account").text
    assert "Signed in as" in account, f"sign-in as {username} failed: {account!r} at {browser.current_url}"
    return browser


@pytest.fixture(scope="module")
def public_browser(web_url):
    """Headless Chromium with no session: the public."""
    browser = start_chromium()
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def analyst_browser(web_url):
    """Headless Chromium signed in as the Warwickshire analyst through the sign-in form."""
    browser = start_chromium()
    try:
        sign_in(browser, web_url, "warks.analyst", "demo-warks-analyst")
        yield browser
    finally:
        browser.quit()
