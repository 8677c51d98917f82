"""The printed pack (PACK_PDF, printed from print.html): every measure is in it, every page carries
the running header and a page number, and the OGL line is there."""
import html.parser
import os
import re
import subprocess

import pytest


class MeasureTitles(html.parser.HTMLParser):
    """Collects the title (first heading) of every `article.measure` in print.html."""

    def __init__(self):
        super().__init__()
        self.titles, self._in_article, self._in_heading, self._text = [], False, False, ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "article" and "measure" in (attributes.get("class") or "").split():
            self._in_article = True
        elif self._in_article and re.fullmatch(r"h[1-6]", tag):
            self._in_heading, self._text = True, ""

    def handle_endtag(self, tag):
        if self._in_heading and re.fullmatch(r"h[1-6]", tag):
            self.titles.append(" ".join(self._text.split()))
            self._in_heading = self._in_article = False

    def handle_data(self, data):
        if self._in_heading:
            self._text += data


@pytest.fixture(scope="module")
def pdf_pages():
    """The PDF's text, page by page (pdftotext splits pages with form feeds)."""
    path = os.environ.get("PACK_PDF")
    if not path:
        pytest.skip("set PACK_PDF to the PDF printed from print.html")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True, capture_output=True, text=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def normalise(text):
    return " ".join(text.replace("\u00ad", "").split())


def test_every_measure_is_in_the_pdf(root, pdf_pages):
    """Each measure's title, as print.html heads its section, appears in the PDF's text."""
    parser = MeasureTitles()
    parser.feed((root / "print.html").read_text(encoding="utf-8"))
    assert parser.titles, "print.html has no measure sections"
    text = normalise(" ".join(pdf_pages))
    missing = [title for title in parser.titles if normalise(title) not in text]
    assert missing == [], f"not in the PDF: {missing}"


def test_running_header_and_page_numbers(root, pdf_pages):
    """Every page repeats the committee's name and the period, and says Page N of M."""
    committee = normalise(re.search(r'<p class="pack-header-committee">(.*?)</p>',
                                    (root / "print.html").read_text(encoding="utf-8")).group(1))
    committee = html.unescape(committee)
    total = len(pdf_pages)
    for number, page in enumerate(pdf_pages, start=1):
        text = normalise(page)
        assert committee in text, f"page {number} has no running header"
        assert f"Page {number} of {total}" in text, f"page {number} has no page number"
        assert "Contains public sector information licensed under the Open Government Licence v3.0." in text, f"page {number}"


def test_requests_are_in_the_pdf(root, pdf_pages):
    """The committee's requests (PRODUCT.md R12; scripts/add-demo-committee records two) are in the
    printed pack: print.html lists each with its status in words and a moved promise with the day
    first promised, and the PDF carries the section."""
    printed = (root / "print.html").read_text(encoding="utf-8")
    table = re.search(r'<table id="requests-table".*?</table>', printed, re.S)
    assert table, "print.html lists no requests from the committee"
    cells = normalise(html.unescape(re.sub(r"<[^>]+>", " ", table.group(0))))
    # scripts/add-demo-committee first promises request 1 for 30 September 2025, then moves it to 31 October.
    assert "Overdue: promised by 31 Oct 2025 (first promised by 30 Sep 2025)" in cells
    assert "First promised by 30 Sep 2025" in cells
    assert "Provided for 2025/26 Q2 on 10 Nov 2025" in cells
    text = normalise(" ".join(pdf_pages))
    assert "Requests from the committee" in text
    assert "1 still needs an answer for this report (1 overdue, 1 with its promised day moved)" in text


def test_finance_is_in_the_pdf(root, pdf_pages):
    """The committee's finance return (PRODUCT.md R10; scripts/test imports the demo's) is in the
    printed pack: print.html has a table per kind of line with the variances in words, and the PDF
    carries the section with its sentences."""
    printed = (root / "print.html").read_text(encoding="utf-8")
    tables = {kind: re.search(rf'<table id="finance-{kind}-table".*?</table>', printed, re.S) for kind in ("revenue", "savings", "income", "capital")}
    assert all(tables.values()), f"print.html lacks finance tables: {[k for k, v in tables.items() if not v]}"
    revenue = normalise(html.unescape(re.sub(r"<[^>]+>", " ", tables["revenue"].group(0))))
    # Expected from Sources/ScrutineerDemo/DemoData/finance/warwickshire-cyp-finance.csv, the 2025/26 Q2
    # return beside Q1's: Children and Families £185.3m budgeted, £200.3m forecast (15 / 185.3 = 8.09%).
    assert "Children and Families: total £185.3m £200.3m £15.0m over budget (8.1%) £10.0m over budget" in revenue
    capital = normalise(html.unescape(re.sub(r"<[^>]+>", " ", tables["capital"].group(0))))
    assert "Planned: 31 Mar 2026 Forecast: 30 Sep 2026 6 months late" in capital
    assert "2025/26 Q3" not in printed, "a return after the pack's period"
    text = normalise(" ".join(pdf_pages))
    assert "Finance" in text and "Capital programme" in text
    assert "£1.6m short of plan (32.0%)" in text
    # The year's second return: each kind has its chart of the forecast at each return, with its
    # summary (Q1 10.0 + 0.7, Q2 15.0 + 1.3 £m over budget) and table.
    for kind in ("revenue", "savings", "income", "capital"):
        assert f'<svg class="chart" id="finance-{kind}-chart"' in printed and f'<table id="finance-{kind}-chart-table"' in printed, kind
    assert "All services together at each return: £10.7m over budget at 2025/26 Q1, £16.3m over budget at 2025/26 Q2." in text


def test_risks_are_in_the_pdf(root, pdf_pages):
    """The committee's risk register (PRODUCT.md R11; scripts/test imports the demo's) is in the
    printed pack: print.html lists each open risk with its score, band and move in words, and the
    PDF carries the section with the key to the bands."""
    printed = (root / "print.html").read_text(encoding="utf-8")
    table = re.search(r'<table id="risks-table".*?</table>', printed, re.S)
    assert table, "print.html lists no risks"
    cells = normalise(html.unescape(re.sub(r"<[^>]+>", " ", table.group(0))))
    # Expected from Sources/ScrutineerDemo/DemoData/risks/warwickshire-cyp-risks.csv as on 23 Nov 2025.
    assert "CYP-R01: Not enough suitable placements for children in care" in cells
    assert "16 (high)" in cells and "Likelihood 4 × impact 4" in cells
    assert "Worse: up from 12 (medium) on 10 Jun 2025" in cells
    assert "Last reviewed on 10 Jun 2025, before this period" in cells
    assert "CYP-R05" not in cells, "a risk first reviewed after the pack's day"
    # The matrix: impact 4 (second row), likelihood 4 (fourth cell) holds CYP-R01 and CYP-R03.
    matrix = re.search(r'<table id="risks-matrix".*?</table>', printed, re.S)
    assert matrix, "print.html has no risk matrix"
    rows = re.findall(r"<tr>.*?</tr>", matrix.group(0), re.S)[1:]
    cells = [normalise(html.unescape(re.sub(r"<[^>]+>", " ", cell))) for cell in re.findall(r"<td>.*?</td>", rows[1], re.S)]
    assert cells[3] == "16 high CYP-R01 (worse) CYP-R03", cells
    text = normalise(" ".join(pdf_pages))
    assert "Risks the committee owns" in text
    assert "Where the open risks sit, 2025/26 Q2: impact down, likelihood across" in text
    assert "1–4 is low, 5–12 medium and 15–25 high" in text


def test_revised_figures_are_in_the_pdf(root, pdf_pages):
    """The figures a later import revised (PRODUCT.md R7, R15; scripts/test imports the demo's
    corrections after its figures): the measure's section in print.html lists what the figure was
    and became, and the PDF carries it. Expected from Sources/ScrutineerDemo/DemoData/local:
    early help assessments within 45 working days, 2025/26 Q2, 88.7% in warwickshire-observations.csv,
    89.0% in warwickshire-corrections.csv. The file's other correction, of 2025/26 Q4, is after the
    pack's period and so not listed."""
    printed = (root / "print.html").read_text(encoding="utf-8")
    table = re.search(r'<table id="m-WARKS_EH_ASSESS45-revisions-table".*?</table>', printed, re.S)
    assert table, "print.html lists no revised figure for WARKS_EH_ASSESS45"
    cells = normalise(html.unescape(re.sub(r"<[^>]+>", " ", table.group(0))))
    assert "2025/26 Q2 Total 88.7% 89.0%" in cells, cells
    assert "warwickshire-observations.csv warwickshire-corrections.csv" in cells
    assert printed.count("Revised figures</h3>") == 1, "only the measure whose figures were revised has the section"
    assert "2025/26 Q4" not in cells
    text = normalise(" ".join(pdf_pages))
    assert "Revised figures" in text
    assert "Warwickshire's figures for this measure have been revised once since they were first imported" in text


def test_bookmarks_follow_the_measures(root):
    """The PDF has bookmarks (WCAG technique PDF2, for a document of many pages), from the pack's
    headings: every measure's title is one of them (found by exploratory testing)."""
    path = os.environ.get("PACK_PDF")
    if not path:
        pytest.skip("set PACK_PDF to the PDF printed from print.html")
    import pypdf

    def spaceless(text):
        # Chromium drops the space where a heading wraps ("8 weeks(%)").
        return "".join(normalise(text).split())

    def titles(outline):
        for item in outline:
            if isinstance(item, list):
                yield from titles(item)
            else:
                yield spaceless(item.title)

    bookmarks = set(titles(pypdf.PdfReader(path).outline))
    parser = MeasureTitles()
    parser.feed((root / "print.html").read_text(encoding="utf-8"))
    missing = [title for title in parser.titles if spaceless(title) not in bookmarks]
    assert bookmarks and missing == [], f"no bookmark for: {missing[:5]}"
