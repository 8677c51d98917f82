"""Keyboard order: Tab from the top reaches the skip link, then the navigation, then the main
content's links and scrolling regions in document order; the skip link moves focus to main."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

FOCUSABLE = ("a[href], area[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), "
             "textarea:not([disabled]), [tabindex]:not([tabindex='-1'])")

LABEL_FOCUSABLES = """
const found = Array.from(document.querySelectorAll(arguments[0])).filter(e => e.getClientRects().length > 0 || e.matches('.skip-link'));
found.forEach((e, i) => e.setAttribute('data-tab-order', String(i)));
return found.map(e => [e.closest('nav') ? 'nav' : e.closest('main') ? 'main' : e.closest('header') ? 'header' : 'other',
                       e.tagName.toLowerCase(), e.getAttribute('href') || e.getAttribute('aria-label') || '']);
"""

ACTIVE = "const e = document.activeElement; return e ? [e.getAttribute('data-tab-order'), e.tagName.toLowerCase(), e.id] : null;"


def tab_sequence(driver, count):
    """Presses Tab `count` times from the top of the page and returns the tab order numbers reached."""
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    reached = []
    actions = ActionChains(driver)
    for _ in range(count):
        actions.send_keys(Keys.TAB).perform()
        active = driver.execute_script(ACTIVE)
        reached.append(None if active is None or active[0] is None else int(active[0]))
    return reached


def test_tab_order_follows_the_page(open_page, page):
    """Skip link first, then every navigation link, then the main content's links and regions, in DOM order."""
    driver = open_page(page)
    focusables = driver.execute_script(LABEL_FOCUSABLES, FOCUSABLE)
    assert focusables, f"{page}: nothing to focus"
    assert focusables[0][1] == "a" and focusables[0][2] == "#main", f"{page}: the first focusable is {focusables[0]}, not the skip link"
    places = [f[0] for f in focusables]
    nav = [i for i, place in enumerate(places) if place == "nav"]
    main = [i for i, place in enumerate(places) if place == "main"]
    assert nav and nav == list(range(1, 1 + len(nav))), f"{page}: the navigation does not come straight after the skip link"
    assert main and min(main) > max(nav), f"{page}: main content comes before the navigation"
    reached = tab_sequence(driver, len(focusables))
    assert reached == list(range(len(focusables))), (
        f"{page}: Tab reached {reached[:40]} but the page order is 0…{len(focusables) - 1}")


def test_skip_link_moves_focus_to_main(open_page, page):
    """The skip link is visible when focused, and following it puts focus on main (the next Tab is main's first stop)."""
    driver = open_page(page)
    driver.execute_script(LABEL_FOCUSABLES, FOCUSABLE)
    ActionChains(driver).send_keys(Keys.TAB).perform()
    link = driver.switch_to.active_element
    assert link.get_attribute("href").endswith("#main")
    box = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, r.width];", link)
    assert box[0] >= 0 and box[2] > 0, f"{page}: the focused skip link is off screen: {box}"
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert driver.execute_script("return document.activeElement.id") == "main"
    ActionChains(driver).send_keys(Keys.TAB).perform()
    place = driver.execute_script("return document.activeElement.closest('main') !== null")
    assert place, f"{page}: Tab after the skip link left main"


def test_focus_is_visible(open_page, page):
    """A focused link and a focused scrolling region each show a focus indicator (outline or box shadow)."""
    driver = open_page(page)
    styles = driver.execute_script(
        """
        const out = [];
        for (const selector of ['main a[href]', '.table-scroll[tabindex="0"]']) {
          const e = document.querySelector(selector);
          if (!e) continue;
          e.focus();
          const s = getComputedStyle(e);
          out.push([selector, s.outlineStyle, s.outlineWidth, s.boxShadow, s.backgroundColor]);
          e.blur();
        }
        return out;
        """)
    assert styles, f"{page}: nothing focusable in main"
    for selector, outline_style, outline_width, shadow, background in styles:
        visible = (outline_style != "none" and outline_width != "0px") or (shadow and shadow != "none")
        assert visible, f"{page}: {selector} has no visible focus ({outline_style} {outline_width}, {shadow}, {background})"
