import Foundation
import ScrutineerCore
import Testing
@testable import ScrutineerViews

/// Each page explains the words and abbreviations it uses (PRODUCT.md's glossary, R13), and only
/// those: members "still ask what the arrows mean".
@Suite("Words and abbreviations")
struct PackGlossaryTests {
    @Test("a word counts where it stands whole, in the page's text, with its case; markup and attributes do not count")
    func matching() {
        let html = #"<p class="spc">Down 2 pp; the CLA rate and CPPs.</p><p data-x="SEND">EHCPs &amp; appropriate</p>"#
        #expect(PackGlossary.entries(usedIn: html).map(\.term) == ["Percentage points (pp)", "CIC, CLA", "CPP", "EHCP"])
        #expect(PackGlossary.entries(usedIn: "<p>approach, SPCs, Spc, disappear</p>").isEmpty)
        #expect(PackGlossary.visibleText("<b>A</b>&amp;<i>B</i>") == " A & B ", "each tag a space, so words either side stay apart")
    }

    @Test("letters beyond ASCII count as part of a word, punctuation beyond it does not; a phrase needs one space between its words")
    func boundaries() {
        func terms(_ html: String) -> [String] { PackGlossary.entries(usedIn: html).map(\.term) }
        #expect(terms("“SPC”") == ["Statistical process control (SPC)"])
        #expect(terms("—NEET—") == ["EET, NEET"])
        #expect(terms("&#39;CLA&#39;") == ["CIC, CLA"])
        #expect(terms("Ωpp pp") == ["Percentage points (pp)"], "found at its second, whole appearance")
        for none in ["éSPC", "SPCé", "x CLA2", "2CLA", "Section 47s", "percentage  points", "percentage <b>points</b>", "percentage\npoints"] {
            #expect(terms(none).isEmpty, "\(none)")
        }
        #expect(terms("percentage points and Section 47") == ["Percentage points (pp)", "Section 47 enquiry"])
    }

    @Test("every page of the pack lists exactly the entries whose words its content uses, after the content", arguments: [Audience.officer, .public])
    func pages(audience: Audience) throws {
        let rendered = try WarwickshireCommittee.rendered(audience)
        var listed = 0
        for file in rendered.pages {
            let html = String(decoding: file.data, as: UTF8.self)
            let main = try #require(html.range(of: "<main").flatMap { start in html.range(of: "</main>").map { String(html[start.lowerBound..<$0.lowerBound]) } })
            let parts = main.components(separatedBy: #"<section class="glossary""#)
            #expect(parts.count <= 2, "\(file.path): one glossary at most")
            let expected = PackGlossary.entries(usedIn: parts[0]).map(\.term)
            let terms = parts.count == 2 ? parts[1].components(separatedBy: "<dt>").dropFirst().map { String($0.prefix { $0 != "<" }) } : []
            #expect(terms == expected.map { $0.replacingOccurrences(of: "\"", with: "&quot;") }, "\(file.path)")
            listed += terms.count
            if !terms.isEmpty, file.path == "index.html" || file.path == "print.html" {
                #expect(html.contains("href=\"#glossary\">Words and abbreviations</a>"), "\(file.path): linked from the navigation")
            }
        }
        #expect(listed > 0)
        let summary = String(decoding: try rendered.file("index.html").data, as: UTF8.self)
        #expect(summary.contains("<dt>Percentage points (pp)</dt><dd>The difference between two percentages: from 20% to 25% is a rise of 5 percentage points (and a relative rise of 25%).</dd>"))
    }
}
