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

    @Test("The running header in pack.css is a CSS string with quotes and backslashes escaped")
    func cssString() {
        #expect(PackStylesheet.cssString(#"A "quoted" \ name"#) == #"A \"quoted\" \\ name"#)
        #expect(PackStylesheet.cssString("two\nlines</style>") == #"two\A lines\3C /style>"#)
    }
}
