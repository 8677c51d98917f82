"""The running web application (WEB_URL, e.g. a `scrutineer demo`), crawled as the public and as the
Warwickshire analyst: every same-origin link answers 200 with the right content type, every HTML
page passes axe-core (WCAG 2.0/2.1/2.2 A and AA) in Chromium and carries no script, the keyboard
reaches the skip link, the header search and the commentary form, the GET forms work in the
browser, and pages reflow at 320 CSS pixels. Skipped unless WEB_URL is set."""
import collections
import html.parser
import os
import pathlib
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from axe_helper import axe_source, describe, run_axe

# What each download must be served as (the path's extension → the Content-Type's media type).
DOWNLOAD_TYPES = {
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".json": "application/json",
    ".css": "text/css",
}
HTML = "text/html"
# The analyst's crawl stays inside the committee it works for (and the home page).
ANALYST_SCOPE = "/committees/WARKS-CYP"
# A crawl that finds fewer pages than this has lost its links: fail rather than pass vacuously.
MINIMUM_PUBLIC_PAGES = 100
MINIMUM_ANALYST_PAGES = 50


class Links(html.parser.HTMLParser):
    """The href of every <a>, and whether the page holds a <script> element."""

    def __init__(self):
        super().__init__()
        self.hrefs, self.scripts = [], 0

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)
        elif tag == "script":
            self.scripts += 1


Page = collections.namedtuple("Page", "url status media_type body error")


class Crawl:
    """Breadth-first over every same-origin a[href] from `starts`, fetched with urllib (so each status
    and Content-Type is seen as the server sent it, with no redirect followed), optionally with the
    signed-in browser's cookies. `pages` maps each path (with its query) to what it returned;
    `referrers` maps it to the first page that linked to it."""

    def __init__(self, base, cookie_header=None, within=None, starts=("/",)):
        self.base, self.cookie_header, self.within = base, cookie_header, within
        self.origin = urllib.parse.urlsplit(base).netloc
        self.pages, self.referrers, self.scripts = {}, {start: "(start)" for start in starts}, {}
        self.seconds = 0.0
        self._queue = collections.deque(starts)

    def in_scope(self, path):
        return self.within is None or path == "/" or path == self.within or path.startswith(self.within + "/") \
            or path.startswith(self.within + "?")

    def fetch(self, path):
        request = urllib.request.Request(self.base + path)
        if self.cookie_header:
            request.add_header("Cookie", self.cookie_header)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=60) as response:
                return Page(path, response.status, media_type(response.headers), response.read(), None)
        except urllib.error.HTTPError as error:
            return Page(path, error.code, media_type(error.headers), error.read(), None)
        except OSError as error:
            return Page(path, None, None, b"", str(error))

    def run(self):
        started = time.monotonic()
        while self._queue:
            path = self._queue.popleft()
            if path in self.pages:
                continue
            page = self.fetch(path)
            self.pages[path] = page
            if page.status == 200 and page.media_type == HTML:
                parser = Links()
                parser.feed(page.body.decode("utf-8", errors="replace"))
                self.scripts[path] = parser.scripts
                for href in parser.hrefs:
                    target = self.same_origin_path(path, href)
                    if target is not None and self.in_scope(target) and target not in self.referrers:
                        self.referrers[target] = path
                        self._queue.append(target)
        self.seconds = time.monotonic() - started
        return self

    def same_origin_path(self, page_path, href):
        """The path and query `href` points at from `page_path` when it is on this server, else None."""
        absolute = urllib.parse.urljoin(self.base + page_path, href)
        parts = urllib.parse.urlsplit(absolute)
        if parts.scheme not in ("http", "https") or parts.netloc != self.origin:
            return None
        return (parts.path or "/") + ("?" + parts.query if parts.query else "")

    def html_pages(self):
        return [path for path, page in self.pages.items() if page.status == 200 and page.media_type == HTML]

    def problems(self):
        """Every link that did not answer 200, or answered with the wrong content type."""
        found = []
        for path, page in self.pages.items():
            where = f"{path} (linked from {self.referrers.get(path)})"
            if page.status != 200:
                found.append(f"{where}: HTTP {page.status or page.error}")
                continue
            extension = pathlib_suffix(path)
            expected = DOWNLOAD_TYPES.get(extension, HTML)
            if page.media_type != expected:
                found.append(f"{where}: Content-Type {page.media_type}, expected {expected}")
            elif extension == ".xlsx" and not page.body.startswith(b"PK\x03\x04"):
                found.append(f"{where}: not a zip (XLSX) file")
            elif not page.body:
                found.append(f"{where}: empty body")
        return found


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is reported as what it is (a link that does not answer 200), not followed."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def media_type(headers):
    value = headers.get("Content-Type") if headers else None
    return value.split(";")[0].strip().lower() if value else None


def pathlib_suffix(path):
    name = urllib.parse.urlsplit(path).path.rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def cookie_header(browser):
    return "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())


def axe_selection(paths):
    """The pages axe runs on: every HTML page, except that a compare page's re-sorted copies (the
    same table in another order, six per measure) are checked for the first measure of each
    committee only, and of the pages of an earlier publication (`snapshot=N`, the same templates
    as the newest's) only its committee page. WEB_AXE_ALL=1 checks every copy too (about three
    times as long)."""
    if os.environ.get("WEB_AXE_ALL") == "1":
        return list(paths)
    chosen, sorted_for = [], {}
    for path in paths:
        parts = urllib.parse.urlsplit(path)
        query = urllib.parse.parse_qs(parts.query)
        if "snapshot" in query and parts.path.count("/") > 2:
            continue
        if parts.path.endswith("/compare") and ("sort" in query or "order" in query):
            committee = parts.path.split("/")[2]
            if sorted_for.setdefault(committee, parts.path) != parts.path:
                continue
        chosen.append(path)
    return chosen


def axe_every_page(browser, base, paths, axe, signed_in=False):
    """Opens each path in Chromium once, runs axe-core, and returns {path: violations} for the failures."""
    failures = {}
    browser.set_window_size(1280, 1000)
    for path in paths:
        browser.get(base + path)
        if signed_in:
            # A lost session would quietly test the public pages instead of the drafts.
            assert "Signed in as" in browser.find_element(By.CSS_SELECTOR, ".site-account").text, \
                f"{path}: the browser is no longer signed in"
        violations = run_axe(browser, axe)
        if violations:
            failures[path] = violations
    return failures


def report(failures, detailed=8):
    """Every failing page with its rules; the nodes of the first `detailed` pages only."""
    lines = []
    for number, (path, violations) in enumerate(sorted(failures.items())):
        if number < detailed:
            lines.append(f"{path}:\n{describe(violations)}")
        else:
            lines.append(f"{path}: {', '.join(v['id'] for v in violations)}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe():
    """The axe-core source (fails the tests when AXE_JS is missing)."""
    try:
        return axe_source()
    except RuntimeError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="module")
def public_crawl(web_url):
    # From the home page, plus one search (a form's result, which no link reaches).
    crawl = Crawl(web_url, starts=("/", "/search?q=care%20leavers")).run()
    print(f"\npublic crawl: {len(crawl.pages)} URLs, {len(crawl.html_pages())} HTML pages, {crawl.seconds:.1f} s")
    return crawl


@pytest.fixture(scope="module")
def analyst_crawl(web_url, analyst_browser):
    crawl = Crawl(web_url, cookie_header=cookie_header(analyst_browser), within=ANALYST_SCOPE).run()
    print(f"\nanalyst crawl: {len(crawl.pages)} URLs, {len(crawl.html_pages())} HTML pages, {crawl.seconds:.1f} s")
    return crawl


# The public ---------------------------------------------------------------------------------------

def test_public_crawl_has_no_broken_link(public_crawl):
    """Every same-origin link from `/` answers 200; downloads come as CSV, XLSX or JSON."""
    problems = public_crawl.problems()
    assert problems == [], f"{len(problems)} broken links:\n" + "\n".join(problems)
    html_pages = public_crawl.html_pages()
    assert len(html_pages) >= MINIMUM_PUBLIC_PAGES, f"the crawl reached only {len(html_pages)} HTML pages"
    reached = " ".join(public_crawl.pages)
    for expected in ("/committees/WARKS-CYP", "/committees/WOK-CS", "/themes/", "/measures/", "/compare",
                     ".csv", ".xlsx"):
        assert expected in reached, f"the crawl reached no {expected} page"


def test_public_sees_no_draft(public_crawl):
    """No page the public reaches offers a draft, commentary, the publication form or the request forms."""
    leaks = [path for path in public_crawl.html_pages()
             for marker in (b"Draft: not published", b'class="commentary-form"', b'class="publish-form"', b'class="request-forms"')
             if marker in public_crawl.pages[path].body]
    assert leaks == [], f"draft content on public pages: {leaks[:20]}"


def test_public_reads_the_committees_requests(public_crawl):
    """The published committee pages list the committee's requests (the demo records two for each)."""
    listed = [path for path in public_crawl.html_pages() if b'<h2 id="requests">Requests from the committee</h2>' in public_crawl.pages[path].body]
    assert listed, "no public page lists the committee's requests"


def test_public_reads_the_committees_risks(public_crawl):
    """The published committee pages list the risks each committee owns (the demo imports a register for each)."""
    listed = [path for path in public_crawl.html_pages() if b'<h2 id="risks">Risks the committee owns</h2>' in public_crawl.pages[path].body]
    assert len({path.split("?")[0] for path in listed}) >= 2, f"the risks are not on both committees' pages: {listed[:10]}"


def test_public_reads_the_committees_finance(public_crawl):
    """The published committee pages show each committee's finance return (the demo imports returns for each)."""
    listed = [path for path in public_crawl.html_pages() if b'<h2 id="finance">Finance</h2>' in public_crawl.pages[path].body]
    assert len({path.split("?")[0] for path in listed}) >= 2, f"the finance return is not on both committees' pages: {listed[:10]}"


def test_public_reads_the_revised_figure(public_crawl):
    """The demo corrects Warwickshire's 2025/26 Q4 health visitor figure (85.2% → 85.6%) before
    publishing: its published measure page lists the revision in a captioned table; the other
    measures' pages say none of their figures was revised."""
    revised = [path for path in public_crawl.html_pages()
               if "/measures/WARKS_HV_68WK" in path and b'<table id="m-WARKS_HV_68WK-revisions-table"' in public_crawl.pages[path].body]
    assert revised, "the crawl did not reach a measure page listing the corrected figure"
    body = public_crawl.pages[revised[0]].body
    assert "<caption>Warwickshire&#39;s figures for Health visitor 6–8 week reviews completed by 8 weeks (%) that a later import revised".encode() in body
    assert b'<span class="line">85.2%</span></td><td><span class="line">85.6%</span>' in body
    unrevised = [path for path in public_crawl.html_pages() if b"had not been revised since they were first imported." in public_crawl.pages[path].body]
    assert unrevised, "no measure page says its figures were not revised"


def test_public_reads_what_was_revised_since_publication(public_crawl):
    """The demo corrects Warwickshire's 2026/27 Q1 return home interview figure (79.6% → 79.9%)
    after publishing the Q1 report (PRODUCT.md R15): the published committee page names the measure
    and links to where its page lists what the figure became, in a captioned table."""
    committee = [path for path in public_crawl.html_pages()
                 if path.split("?")[0] == "/committees/WARKS-CYP" and b'<h2 id="revised-since-publication">Figures revised since publication</h2>' in public_crawl.pages[path].body]
    assert committee, "no published Warwickshire committee page names the figures revised since publication"
    assert b'/committees/WARKS-CYP/measures/WARKS_MISS_RHI?period=2026%2F27%20Q1#m-WARKS_MISS_RHI-revised-since"' in public_crawl.pages[committee[0]].body
    measure = [path for path in public_crawl.html_pages()
               if "/measures/WARKS_MISS_RHI" in path and b'<table id="m-WARKS_MISS_RHI-revised-since-table"' in public_crawl.pages[path].body]
    assert measure, "the crawl did not reach the measure page listing the figure revised since publication"
    body = public_crawl.pages[measure[0]].body
    assert b'<h3 id="m-WARKS_MISS_RHI-revised-since">Revised since this report was published</h3>' in body
    assert b'<p class="revised-notice"><strong>Revised since publication:</strong>' in body
    assert b'<span class="line">79.6%</span></td><td><span class="line">79.9%</span>' in body


def test_public_reads_each_publication(public_crawl):
    """Wokingham's report, published twice in the demo, lists both publications, and the first
    reads as it stood (PRODUCT.md R15)."""
    listing = [path for path in public_crawl.html_pages() if b'<h2 id="publications">Publications of this report</h2>' in public_crawl.pages[path].body]
    assert any(path.startswith("/committees/WOK-CS") for path in listing), f"no page lists Wokingham's publications: {listing[:10]}"
    first = [path for path in public_crawl.html_pages() if b"You are reading publication 1 of 2" in public_crawl.pages[path].body]
    assert first, "the crawl did not reach Wokingham's first publication"


def test_public_pages_have_no_script(public_crawl):
    """The pages work without JavaScript because they carry none."""
    with_script = [path for path, count in public_crawl.scripts.items() if count]
    assert with_script == [], f"pages with <script>: {with_script[:20]}"


def test_public_pages_pass_axe(public_crawl, public_browser, web_url, axe):
    """axe-core finds no WCAG 2.0, 2.1 or 2.2 A/AA violation on any HTML page the public reaches
    (re-sorted compare pages: see axe_selection)."""
    paths = axe_selection(public_crawl.html_pages())
    started = time.monotonic()
    failures = axe_every_page(public_browser, web_url, paths, axe)
    print(f"\naxe on {len(paths)} public pages: {len(failures)} with violations, {time.monotonic() - started:.1f} s")
    if failures:
        pytest.fail(f"{len(failures)} of {len(paths)} pages have axe violations:\n{report(failures)}", pytrace=False)


# The Warwickshire analyst, signed in through the form ---------------------------------------------

def test_analyst_crawl_has_no_broken_link(analyst_crawl):
    """Signed in, every link under /committees/WARKS-CYP (drafts included) answers 200."""
    problems = analyst_crawl.problems()
    assert problems == [], f"{len(problems)} broken links:\n" + "\n".join(problems)
    html_pages = analyst_crawl.html_pages()
    assert len(html_pages) >= MINIMUM_ANALYST_PAGES, f"the crawl reached only {len(html_pages)} HTML pages"


def test_analyst_reaches_the_draft_and_its_forms(analyst_crawl):
    """The crawl reached the draft report: the publication and request forms on its committee page,
    the commentary form on its measure pages, and the import page (checked by axe with the others)."""
    bodies = {path: analyst_crawl.pages[path].body for path in analyst_crawl.html_pages()}
    drafts = [path for path, body in bodies.items() if b"Draft: not published" in body]
    publish = [path for path, body in bodies.items() if b'class="publish-form"' in body]
    requests = [path for path, body in bodies.items() if b'class="request-forms"' in body]
    commentary = [path for path, body in bodies.items() if b'class="commentary-form"' in body]
    assert drafts, "no draft page reached"
    assert publish, "no page with the publication form reached"
    assert requests, "no committee page with the request forms reached"
    assert commentary, "no measure page with the commentary form reached"
    imports = [path for path, body in bodies.items() if b'class="import-form"' in body and b'enctype="multipart/form-data"' in body]
    assert imports == ["/committees/WARKS-CYP/imports"], f"the import page was not reached: {imports}"


def test_analyst_reads_the_finance_charts(analyst_crawl):
    """The draft 2026/27 Q2 report is the demo's year's second return: its committee page draws how
    each kind of finance line moved, each chart with its table, and links finance-year.csv."""
    bodies = {path: analyst_crawl.pages[path].body for path in analyst_crawl.html_pages()}
    charted = [path for path, body in bodies.items()
               if b'<svg class="chart" id="finance-revenue-chart"' in body and b'id="finance-revenue-chart-table"' in body]
    assert charted, "no committee page with the revenue chart and its table reached"
    assert any("/data/finance-year.csv" in path for path in analyst_crawl.pages), "finance-year.csv was not reached"


def test_analyst_pages_have_no_script(analyst_crawl):
    with_script = [path for path, count in analyst_crawl.scripts.items() if count]
    assert with_script == [], f"pages with <script>: {with_script[:20]}"


def test_analyst_pages_pass_axe(analyst_crawl, analyst_browser, web_url, axe):
    """axe-core finds no violation on any page the analyst reaches, the forms included."""
    paths = axe_selection(analyst_crawl.html_pages())
    started = time.monotonic()
    failures = axe_every_page(analyst_browser, web_url, paths, axe, signed_in=True)
    print(f"\naxe on {len(paths)} analyst pages: {len(failures)} with violations, {time.monotonic() - started:.1f} s")
    if failures:
        pytest.fail(f"{len(failures)} of {len(paths)} pages have axe violations:\n{report(failures)}", pytrace=False)


# Keyboard, GET forms and phone width --------------------------------------------------------------

FOCUSABLE = ("a[href], area[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), "
             "select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])")
ACTIVE = ("const e = document.activeElement; "
          "return e ? [e.tagName.toLowerCase(), e.id, e.getAttribute('href') || '', "
          "e.closest('header') !== null, e.getAttribute('data-tab-order')] : null;")


def draft_measure_path(analyst_crawl, measure="ReReferral"):
    """A draft measure page of `measure` (with the commentary form) from the analyst's crawl."""
    for path in analyst_crawl.html_pages():
        if f"/measures/{measure}?" in path and b'class="commentary-form"' in analyst_crawl.pages[path].body:
            return path
    pytest.fail(f"the analyst's crawl reached no draft page of {measure} with the commentary form")


def test_keyboard_on_a_draft_measure_page(analyst_crawl, analyst_browser, web_url):
    """Tab from the top: the skip link first, then the header (whose first field is the search box),
    then on in document order until the commentary textarea is reached."""
    driver = analyst_browser
    driver.set_window_size(1280, 1000)
    driver.get(web_url + draft_measure_path(analyst_crawl))
    count = driver.execute_script(
        """
        const found = Array.from(document.querySelectorAll(arguments[0]))
          .filter(e => e.getClientRects().length > 0 || e.matches('.skip-link'));
        found.forEach((e, i) => e.setAttribute('data-tab-order', String(i)));
        return found.length;
        """, FOCUSABLE)
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    stops = []
    for _ in range(count):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        stops.append(driver.execute_script(ACTIVE))
        if stops[-1] and stops[-1][1] == "commentary-text":
            break
    assert stops[0][0] == "a" and stops[0][2] == "#main", f"the first Tab reached {stops[0]}, not the skip link"
    header = [stop for stop in stops[1:] if stop[3]]
    fields = [stop for stop in header if stop[0] in ("input", "select", "textarea")]
    assert fields and fields[0][1] == "site-search-q", f"the header's first field is not the search box: {header}"
    assert stops.index(header[0]) == 1 and all(stop[3] for stop in stops[1:1 + len(header)]), \
        f"the header does not come straight after the skip link: {stops[:8]}"
    assert stops[-1][1] == "commentary-text", \
        f"Tab never reached the commentary textarea in {count} presses (last: {stops[-3:]})"
    order = [int(stop[4]) for stop in stops if stop and stop[4] is not None]
    assert order == sorted(order), f"Tab jumped back in the page: {order}"
    # The textarea takes typing, and Tab moves on from it (no keyboard trap).
    ActionChains(driver).send_keys(" Typed by keyboard.").perform()
    assert " Typed by keyboard." in driver.execute_script("return document.activeElement.value")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    assert driver.execute_script("return document.activeElement.id") != "commentary-text", "a keyboard trap"


def test_search_form_in_the_browser(public_browser, web_url):
    """The header search, submitted by the browser (which encodes a space as +), finds a two-word title."""
    driver = public_browser
    driver.get(web_url + "/")
    box = driver.find_element(By.ID, "site-search-q")
    box.send_keys("care leavers")
    box.submit()
    WebDriverWait(driver, 30).until(lambda d: "/search" in d.current_url)
    titles = [link.text.lower() for link in driver.find_elements(By.CSS_SELECTOR, "main a[href*='/measures/']")]
    assert any("care leaver" in title for title in titles), (
        f"{driver.current_url}: the search for 'care leavers' found no Care Leavers measure:\n"
        f"{driver.find_element(By.TAG_NAME, 'main').text[:400]}")


def test_period_form_in_the_browser(analyst_browser, web_url):
    """The committee page's period selector, submitted by the browser, shows the chosen period."""
    driver = analyst_browser
    driver.get(web_url + ANALYST_SCOPE)
    select = Select(driver.find_element(By.ID, "period"))
    choice = [o for o in select.options if not o.is_selected()][0]
    label = choice.get_attribute("value")
    select.select_by_value(label)
    driver.find_element(By.CSS_SELECTOR, "form.period-form button[type=submit]").click()
    WebDriverWait(driver, 30).until(lambda d: "period=" in d.current_url)
    heading = driver.find_element(By.TAG_NAME, "h1").text
    assert label in heading, f"{driver.current_url}: chose {label!r}, the page says {heading!r}"


def assert_reflows(driver, url):
    driver.set_window_size(320, 800)
    try:
        driver.get(url)
        width = driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
            " document.body.scrollWidth];")
        assert width[0] <= width[1] + 1 and width[2] <= width[1] + 1, \
            f"{url}: the page is {max(width[0], width[2])}px wide in a {width[1]}px window"
        # Anything wider than the window must sit inside a region that scrolls by itself.
        wide = driver.execute_script(
            """
            const limit = document.documentElement.clientWidth;
            return Array.from(document.querySelectorAll('main *')).filter(e => {
              const r = e.getBoundingClientRect();
              if (r.width === 0 || r.right <= limit + 1) return false;
              for (let p = e.parentElement; p; p = p.parentElement) {
                const s = getComputedStyle(p).overflowX;
                if (s === 'auto' || s === 'scroll' || s === 'hidden') return false;
              }
              return true;
            }).slice(0, 10).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
            """)
        assert wide == [], f"{url}: wider than the window outside a scrolling region: {wide}"
    finally:
        driver.set_window_size(1280, 1000)


PHONE_PAGES = ["/", "/committees/WARKS-CYP", "/committees/WARKS-CYP/themes/child-protection",
               "/committees/WOK-CS/themes/early-help", "/committees/WARKS-CYP/measures/ReReferral",
               "/committees/WARKS-CYP/measures/PrevRegCPR/compare", "/search?q=care%20leavers", "/sign-in"]


def test_pages_pass_axe_on_a_phone(public_browser, analyst_crawl, analyst_browser, web_url, axe):
    """axe-core at 375 × 812 CSS pixels (where headings and breadcrumbs wrap) on a sample of page
    kinds, public and draft."""
    failures = {}
    public_browser.set_window_size(375, 812)
    analyst_browser.set_window_size(375, 812)
    try:
        for path in PHONE_PAGES:
            public_browser.get(web_url + path)
            violations = run_axe(public_browser, axe)
            if violations:
                failures["public " + path] = violations
        for path in (next(p for p in analyst_crawl.html_pages()
                          if b'class="publish-form"' in analyst_crawl.pages[p].body),
                     draft_measure_path(analyst_crawl)):
            analyst_browser.get(web_url + path)
            violations = run_axe(analyst_browser, axe)
            if violations:
                failures["analyst " + path] = violations
    finally:
        public_browser.set_window_size(1280, 1000)
        analyst_browser.set_window_size(1280, 1000)
    if failures:
        pytest.fail(f"{len(failures)} pages have axe violations at 375px:\n{report(failures)}", pytrace=False)


@pytest.mark.parametrize("path", ["/committees/WARKS-CYP", "/committees/WARKS-CYP/themes/child-protection",
                                  "/committees/WOK-CS/themes/early-help", "/committees/WARKS-CYP/measures/ReReferral",
                                  "/committees/WARKS-CYP/measures/ReReferral/compare"])
def test_public_pages_reflow_at_320px(public_browser, web_url, path):
    """At 320 CSS pixels (WCAG 1.4.10) the page body never scrolls sideways: tables scroll in their region."""
    assert_reflows(public_browser, web_url + path)


def test_draft_pages_reflow_at_320px(analyst_crawl, analyst_browser, web_url):
    """The same for the draft committee page (with the publication form) and a draft measure page."""
    committee = next(path for path in analyst_crawl.html_pages()
                     if b'class="publish-form"' in analyst_crawl.pages[path].body)
    assert_reflows(analyst_browser, web_url + committee)
    assert_reflows(analyst_browser, web_url + draft_measure_path(analyst_crawl))


def test_import_form_in_the_browser(analyst_browser, web_url):
    """The import form, filled in and sent by Chromium (multipart/form-data, as every browser sends a
    file): the demo's own risk register, chosen from disk, imports and changes nothing, since the
    demo imported it; the result is announced on the page."""
    driver = analyst_browser
    register = pathlib.Path(__file__).resolve().parent.parent / "Sources/ScrutineerDemo/DemoData/risks/warwickshire-cyp-risks.csv"
    driver.get(web_url + "/committees/WARKS-CYP/imports")
    driver.find_element(By.ID, "import-kind-risks").click()
    driver.find_element(By.ID, "import-files").send_keys(str(register))
    driver.find_element(By.CSS_SELECTOR, ".import-form button[type=submit]").click()
    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.ID, "import-result"))
    result = driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert driver.find_element(By.ID, "import-result").text == "Imported"
    assert "Nothing changed: the database already held exactly this." in result, result
    assert driver.find_element(By.ID, "import-kind-risks").is_selected(), "the form keeps the kind chosen"
