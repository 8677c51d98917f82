"""Every page of the pack passes axe-core at WCAG 2.2 AA and reflows at phone width."""
import pytest

from axe_helper import describe, run_axe, axe_source


@pytest.fixture(scope="session")
def axe():
    """The axe-core source (fails the tests when AXE_JS is missing)."""
    try:
        return axe_source()
    except RuntimeError as error:
        pytest.fail(str(error))


def test_no_axe_violations(open_page, axe, page):
    """axe-core finds no WCAG 2.0, 2.1 or 2.2 A/AA violation on the page, on a desktop and a phone."""
    for width, height in ((1280, 1000), (375, 812)):
        driver = open_page(page, width, height)
        violations = run_axe(driver, axe)
        if violations:
            print(f"{page} at {width}px:\n{describe(violations)}")
        assert violations == [], f"{page} at {width}px has {len(violations)} axe violations:\n{describe(violations)}"


def test_reflows_on_a_phone(open_page, page):
    """At 320 CSS pixels (WCAG 1.4.10) the page itself never scrolls sideways: wide tables scroll in their own region."""
    driver = open_page(page, 320, 800)
    overflow = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
    assert overflow[0] <= overflow[1] + 1, f"{page}: the page is {overflow[0]}px wide in a {overflow[1]}px window"
    charts = driver.execute_script(
        "return Array.from(document.querySelectorAll('svg.chart')).map(s => s.getBoundingClientRect().width);")
    assert all(w <= overflow[1] for w in charts), f"{page}: a chart is wider than the window: {charts}"


def test_language_and_title(open_page, page):
    """The page says it is British English and has a title naming it."""
    driver = open_page(page)
    assert driver.execute_script("return document.documentElement.lang") == "en-GB"
    assert driver.title.strip()
