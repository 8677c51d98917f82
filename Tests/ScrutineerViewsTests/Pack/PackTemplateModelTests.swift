import Foundation
import Mustache
import ScrutineerCore
import Testing
@testable import ScrutineerViews

/// The view models hand their fields to the templates by name (`MustacheParent`, for speed);
/// every stored field must be reachable, or a template would silently print nothing for it.
@Suite struct PackTemplateModelTests {
    /// Checks `value` and everything inside it; returns how many fields were checked.
    @discardableResult
    static func check(_ value: Any, _ path: String) -> Int {
        if let array = value as? [Any] {
            return array.enumerated().reduce(0) { $0 + check($1.element, "\(path)[\($1.offset)]") }
        }
        // An optional field is checked through its value.
        let reflected = Mirror(reflecting: value)
        if reflected.displayStyle == .optional { return reflected.children.first.map { check($0.value, path) } ?? 0 }
        guard let parent = value as? MustacheParent else { return 0 }
        var checked = 0
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            #expect(parent.child(named: label) != nil, "\(path).\(label) (\(type(of: value))) is not given to the templates")
            checked += 1 + check(child.value, "\(path).\(label)")
        }
        return checked
    }

    @Test("Every field of the summary, a measure page and the page layout reaches the templates")
    func everyFieldReachesTheTemplates() throws {
        let a = try WarwickshireCommittee.rendered(.officer).assessment
        var symbols = PackSymbols(key: a.key)
        let request = CommitteeRequest(committeeCode: a.committee.code, raisedOn: a.today, request: "A briefing note.", recordedBy: "clerk", number: 1)
        let risk = RiskReview(
            committeeCode: a.committee.code, reference: "R1", title: "Placements", owner: "Director", reviewedOn: a.today,
            score: RiskScore(likelihood: 4, impact: 4), mitigation: "Homes."
        )
        let options = PackOptions(
            requests: [ReportedRequest(request: request, standing: .open(overdue: false))],
            risks: [ReportedRisk(review: risk, trend: .new, reviewedThisPeriod: true)],
            finance: [FinanceLine(
                committeeCode: a.committee.code, period: a.reportingPeriod, kind: .revenue, service: "Children and Families", line: "Staffing",
                budget: Money(pence: 100), forecast: Money(pence: 120)
            )]
        )
        let summary = PackSummaryBuilder(assessment: a, fileNames: PackRenderer.fileNames(for: a), page: .index, options: options, generated: a.today)
            .build(symbols: &symbols, fullKey: true)
        let measure = try #require(a.measures.first { $0.measure.code == WarwickshireCommittee.earlyHelp })
        let page = PackMeasureBuilder(assessment: a, measure: measure, fileName: "EH_OUTCOMES", commentary: "A note.").build(symbols: &symbols)
        let layout = PackPageModel(
            title: "t", stylesheet: "pack.css", bodyClass: "b", committeeName: "c", councilName: "w", periodLabel: "p", audienceLabel: "a",
            stageLabel: "Draft: not published", stageClass: "draft", navigation: [PackLink("Summary", href: "index.html")], content: "", generated: "g", attribution: "o"
        )
        #expect(Self.check(summary, "summary") > 500)
        #expect(Self.check(page, "measure") > 500)
        #expect(Self.check(layout, "page") == 16)
        #expect(Self.check(PackPrintModel(summary: "", measures: [""]), "print") == 2)
    }

    @Test("The templates parse, and a measure's content moves down one heading level for the printed pack")
    func templates() throws {
        _ = try PackTemplates.library.get()
        #expect(Rendering.headingsOneLevelDown(#"<h1 id="a">T</h1><h2>S &lt;h1</h2><header><h5>x</h5>"#)
            == #"<h2 id="a">T</h2><h3>S &lt;h1</h3><header><h6>x</h6>"#)
    }
}

/// The pages are rendered in parallel; the pack must not depend on which finishes first.
@Suite struct PackDeterminismTests {
    @Test("Rendering the same assessment twice gives the same files, byte for byte, in the same order")
    func sameBytes() throws {
        let rendered = try WarwickshireCommittee.rendered(.public)
        let again = try PackRenderer.render(rendered.assessment)
        #expect(again.map(\.path) == rendered.files.map(\.path))
        for (a, b) in zip(again, rendered.files) { #expect(a.data == b.data, "\(a.path)") }
    }

    @Test("Without data the pack has no data folder and no links to it")
    func withoutData() throws {
        let assessment = try WarwickshireCommittee.rendered(.public).assessment
        let files = try PackRenderer.render(assessment, options: PackOptions(includeData: false))
        #expect(!files.contains { $0.path.hasPrefix("data/") })
        #expect(files.allSatisfy { !$0.text.contains("href=\"data/") && !$0.text.contains("href=\"../data/") })
        #expect(files.count == 1 + 22 + 2)
    }
}
