import Foundation
import ScrutineerCore
import ScrutineerFormats
import Testing
@testable import ScrutineerViews

/// Text from the data is escaped everywhere it is written: a measure title holding `<&>` and
/// quotes stays text in the pages, the chart and the data files.
@Suite struct PackEscapingTests {
    @Test("A title with <&> and quotes is escaped in the summary, its page, its chart and the print document, and read back as written")
    func title() throws {
        let pages = try PackPages.of(.officer)
        let title = WarwickshireCommittee.earlyHelpTitle
        let escaped = "Early Help plans closed with outcomes met &lt;&amp;&gt; &quot;sustained&quot;"
        for path in ["index.html", "print.html", pages.measurePath(WarwickshireCommittee.earlyHelp)] {
            let text = try pages.rendered.file(path).text
            #expect(text.contains(escaped), "\(path)")
            #expect(!text.contains("<&>"), "\(path)")
            #expect(!text.contains("met <"), "\(path)")
        }
        let page = try pages.tree(pages.measurePath(WarwickshireCommittee.earlyHelp))
        #expect(page.elements("h1").map { page.text($0) } == [title])
        let svgTitle = try #require(PackPages.element(page, id: "m-EH_OUTCOMES-trend-chart-title"))
        #expect(page.text(svgTitle) == "\(title): trend, Warwickshire and comparators")
        let index = try pages.tree("index.html")
        #expect(index.elements("a").contains { index.text($0) == title && index[$0].attributes["href"] == "measures/EH_OUTCOMES.html" })
        let csv = try CSVReader.table(from: try pages.rendered.file("data/measures.csv").data, fileName: "measures.csv")
        #expect(csv.dictionaries().contains { $0["Measure"] == title })
    }

    @Test("A code with a comma, a per cent sign or a < is a safe file name and stays whole in the data")
    func codes() throws {
        let pages = try PackPages.of(.officer)
        let csv = try CSVReader.table(from: try pages.rendered.file("data/measures.csv").data, fileName: "measures.csv")
        let codes = csv.dictionaries().map { $0["Code"] ?? "" }
        #expect(codes == pages.assessment.measures.map(\.measure.code))
        #expect(codes.contains("CPP_Total_Rateper10,000") && codes.contains("Hosp_Adm_Alc_<18yrs") && codes.contains("LAC_LongStable%"))
        let index = try pages.rendered.file("index.html").text
        #expect(index.contains("Code Hosp_Adm_Alc_&lt;18yrs"))
    }

    @Test("A table's rows, written without the template, escape text as the template escapes it: plain cells, lines, links and their addresses")
    func tableRows() throws {
        let text = #"<b>Tom & "Jerry's"</b> 5 < 6 > 4 é –"#
        let escaped = try #require(try PackTemplates.parse([("text", "{{text}}")]).get().render(["text": text], withTemplate: "text"))
        #expect(escaped == "&lt;b&gt;Tom &amp; &quot;Jerry&#39;s&quot;&lt;/b&gt; 5 &lt; 6 &gt; 4 é –")
        #expect(escape(text) == escaped)
        #expect(escape("plain words") == "plain words")
        let table = PackTable(id: "t", caption: "c", headers: [], rows: [PackRow(
            header: PackCell(text),
            cells: [PackCell([PackLine(text, icon: "<svg/>", href: "a.html?x=1&y=\"2\"", isNote: true)], isNumeric: true), PackCell([PackLine("one"), PackLine(text)])]
        )])
        #expect(table.bodyRows == "<tr><th scope=\"row\"><span class=\"line\">\(escaped)</span></th>"
            + "<td class=\"num\"><span class=\"line note\"><svg/><a href=\"a.html?x=1&amp;y=&quot;2&quot;\">\(escaped)</a></span></td>"
            + "<td><span class=\"line\">one</span><span class=\"line\">\(escaped)</span></td></tr>\n")
    }

    @Test("The running header in pack.css is a CSS string with quotes and backslashes escaped")
    func cssString() {
        #expect(PackStylesheet.cssString(#"A "quoted" \ name"#) == #"A \"quoted\" \\ name"#)
        #expect(PackStylesheet.cssString("two\nlines</style>") == #"two\A lines\3C /style>"#)
    }
}
