import Foundation
import ScrutineerCore
import Testing
@testable import ScrutineerViews

/// The pack's pages for the Warwickshire committee: every measure has a page and a row, every link
/// resolves, and every page has the structure WCAG and the brief ask for (one h1, ordered
/// headings, landmarks, a skip link, captioned tables with scoped headers, focusable scrolling
/// regions, the OGL line), checked on the parsed pages.
@Suite struct PackPageStructureTests {
    @Test("The pack holds the summary, a page per measure, the print document, the stylesheet and the data files")
    func files() throws {
        let pages = try PackPages.of(.officer)
        let paths = pages.rendered.files.map(\.path)
        let measurePaths = pages.assessment.measures.map { pages.measurePath($0.measure.code) }
        #expect(pages.assessment.measures.count == 22)
        #expect(paths == ["index.html"] + measurePaths + ["print.html", "pack.css", "data/summary.csv", "data/measures.csv",
                                                          "data/targets.csv", "data/trend.csv", "data/spc.csv", "data/breakdowns.csv", "data/pack.xlsx"])
        #expect(Set(paths).count == paths.count)
        #expect(pages.measurePath("CPP_Total_Rateper10,000") == "measures/CPP_Total_Rateper10_000.html")
        #expect(pages.measurePath("Hosp_Adm_Alc_<18yrs") == "measures/Hosp_Adm_Alc__18yrs.html")
    }

    @Test("The officer version says it is not for publication in every page's title and in the running header of every printed page; the others do not (found by exploratory testing)", arguments: [Audience.officer, .member, .public])
    func officerMarking(audience: Audience) throws {
        let pages = try PackPages.of(audience)
        let marking = "Officer version, not for publication"
        let stylesheet = try #require(pages.rendered.files.first { $0.path == "pack.css" }).text
        #expect(stylesheet.contains("@top-left { content: \"\(marking) · ") == (audience == .officer))
        for file in pages.rendered.files where file.path.hasSuffix(".html") {
            #expect(file.text.contains("<title>\(marking) – ") == (audience == .officer), "\(file.path)")
        }
    }

    @Test("Every measure has a row in its theme's table linking to its page, and a section of the print document")
    func everyMeasureHasRowAndPage() throws {
        let pages = try PackPages.of(.officer)
        let index = try pages.tree("index.html")
        let print = try pages.tree("print.html")
        for (n, theme) in pages.assessment.themes.enumerated() {
            let table = try #require(PackPages.element(index, id: "theme-\(n + 1)-table"))
            let rowLinks = index.descendants(table).filter { index[$0].name == "a" }.map { index[$0].attributes["href"] ?? "" }
            #expect(rowLinks == theme.measures.map { pages.measurePath($0.measure.code) }, "\(theme.name)")
            let titles = PackPages.firstLines(index, table: table).map { $0[0] }
            #expect(titles == theme.measures.map(\.measure.title))
            // Each latest figure's period, with its months where a bare year is not a calendar year.
            let cells = PackPages.rows(index, table: table)
            for (cell, m) in zip(cells, theme.measures) {
                guard let latest = m.latest else { continue }
                #expect(cell[1].contains(latest.period.clearLabel), "\(m.measure.code): \(cell[1])")
            }
        }
        let reReferral = try #require(pages.assessment.measures.first { $0.measure.code == "ReReferral" }?.latest)
        #expect(reReferral.period.clearLabel == "2025 (April 2024 to March 2025)")
        for m in pages.assessment.measures {
            let page = try pages.tree(pages.measurePath(m.measure.code))
            #expect(page.elements("h1").map { page.text($0) } == [m.measure.title])
            let section = try #require(PackPages.element(print, id: "m-\(pages.fileNames[m.measure.code] ?? "")"))
            #expect(print[section].name == "article")
        }
    }

    @Test("Every link and the stylesheet resolve to a file of the pack, and every anchor to an id on its page", arguments: [Audience.officer, .public])
    func linksResolve(audience: Audience) throws {
        let pages = try PackPages.of(audience)
        let paths = Set(pages.rendered.files.map(\.path))
        var checked = 0
        for (path, tree) in pages.trees {
            let folder = path.contains("/") ? String(path[...path.lastIndex(of: "/")!]) : ""
            let links = tree.all.compactMap { i -> String? in
                let node = tree[i]
                return node.name == "a" ? node.attributes["href"] : node.name == "link" ? node.attributes["href"] : nil
            }
            for href in links {
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                var target = path
                if !parts[0].isEmpty {
                    var components = (folder + parts[0]).split(separator: "/").map(String.init)
                    while let up = components.firstIndex(of: "..") {
                        #expect(up > 0, "\(path): \(href) leaves the pack")
                        components.removeSubrange((up - 1)...up)
                    }
                    target = components.joined(separator: "/")
                    #expect(paths.contains(target), "\(path): link \(href) → \(target) is not in the pack")
                }
                if parts.count == 2, let targetTree = pages.trees[target] {
                    #expect(PackPages.element(targetTree, id: parts[1]) != nil, "\(path): link \(href) → no id \(parts[1]) in \(target)")
                }
                checked += 1
            }
        }
        #expect(checked > 200)
    }

    @Test("Each page: lang en-GB, a skip link first, navigation, one main, one h1 and headings in order", arguments: [Audience.officer, .public])
    func landmarksAndHeadings(audience: Audience) throws {
        let pages = try PackPages.of(audience)
        for (path, tree) in pages.trees {
            let html = try #require(tree.elements("html").first)
            #expect(tree[html].attributes["lang"] == "en-GB", "\(path)")
            let body = try #require(tree.elements("body").first)
            let first = try #require(tree[body].children.first)
            #expect(tree[first].name == "a" && tree[first].attributes["href"] == "#main", "\(path): the first thing in the body is the skip link")
            #expect(tree.elements("main").count == 1 && tree[tree.elements("main")[0]].attributes["id"] == "main", "\(path)")
            #expect(tree.elements("nav").allSatisfy { !(tree[$0].attributes["aria-label"] ?? "").isEmpty }, "\(path)")
            #expect(tree.elements("nav").count == 1, "\(path)")
            #expect(tree.elements("header").count == 1 && tree.elements("footer").count == 1, "\(path)")
            let levels = tree.all.compactMap { i -> Int? in
                let name = tree[i].name
                guard name.count == 2, name.first == "h", let level = Int(name.dropFirst()) else { return nil }
                return level
            }
            #expect(levels.first == 1, "\(path): the first heading is the h1")
            #expect(levels.filter { $0 == 1 }.count == 1, "\(path): one h1")
            for (previous, next) in zip(levels, levels.dropFirst()) {
                #expect(next <= previous + 1, "\(path): h\(previous) is followed by h\(next)")
            }
            let ids = tree.all.compactMap { tree[$0].attributes["id"] }
            #expect(Set(ids).count == ids.count, "\(path): ids are unique")
            let footer = tree.text(tree.elements("footer")[0])
            #expect(footer.contains("Contains public sector information licensed under the Open Government Licence v3.0."), "\(path)")
        }
    }

    @Test("Every table has a caption first, scoped headers, and sits in a focusable, labelled scrolling region", arguments: [Audience.officer, .public])
    func tables(audience: Audience) throws {
        let pages = try PackPages.of(audience)
        var tables = 0
        for (path, tree) in pages.trees {
            for table in tree.elements("table") {
                tables += 1
                let first = try #require(tree[table].children.first)
                #expect(tree[first].name == "caption" && !tree.text(first).isEmpty, "\(path): table \(tree[table].attributes["id"] ?? "") has no caption first")
                let headers = tree.descendants(table).filter { tree[$0].name == "th" }
                #expect(headers.allSatisfy { ["col", "row"].contains(tree[$0].attributes["scope"] ?? "") }, "\(path): a th without scope")
                #expect(headers.contains { tree[$0].attributes["scope"] == "col" }, "\(path): no column headers")
                let region = try #require(tree[table].parent)
                let attributes = tree[region].attributes
                #expect(attributes["role"] == "region" && attributes["tabindex"] == "0" && attributes["aria-label"] == tree.text(first),
                        "\(path): table \(tree[table].attributes["id"] ?? "") is not in a focusable labelled region")
            }
        }
        #expect(tables > 100)
    }

    @Test("Every symbol is hidden from screen readers and sits beside its words, never alone")
    func symbolsHaveWords() throws {
        let pages = try PackPages.of(.public)
        for (path, tree) in pages.trees {
            for icon in tree.elements("svg") where tree[icon].attributes["class"] == "icon" {
                #expect(tree[icon].attributes["aria-hidden"] == "true" && tree[icon].attributes["focusable"] == "false", "\(path)")
                let holder = try #require(tree[icon].parent)
                let words = tree.text(holder)
                #expect(!words.isEmpty, "\(path): symbol \(tree[icon].attributes["data-symbol"] ?? tree[icon].attributes["data-key-symbol"] ?? "") has no words beside it")
            }
        }
    }

    @Test("The summary says who, when and for whom, the headline and each theme's sentence")
    func summaryContent() throws {
        let pages = try PackPages.of(.member)
        let index = try pages.tree("index.html")
        let a = pages.assessment
        let text = index.text(index.elements("main")[0])
        #expect(text.contains("Children and Young People Overview and Scrutiny Committee: Integrated Performance Report, 2025/26 Q2"))
        #expect(text.contains("Reporting period 2025/26 Q2 (July 2025 to September 2025)"))
        #expect(text.contains("Audience Committee members"))
        #expect(text.contains("Generated 20 Nov 2025"))
        #expect(text.contains(a.headline.sentence))
        for theme in a.headline.themes { #expect(text.contains(theme.sentence)) }
        let status = try #require(PackPages.element(index, id: "headline-status"))
        let total = try #require(PackPages.rows(index, table: status).last)
        let c = a.headline.counts
        #expect(total == ["All themes"] + [c.measures, c.onTrack, c.withinTolerance, c.notOnTrack, c.completed, c.notDue, c.noData, c.notJudged].map(String.init))
    }

    @Test("A measure page states the definition, owner, unit, polarity, currency, every target with its result and the reasons")
    func measurePage() throws {
        let pages = try PackPages.of(.officer)
        let m = try #require(pages.assessment.measures.first { $0.measure.code == "SEN_EHC_All_20wks" })
        let tree = try pages.tree(pages.measurePath(m.measure.code))
        let text = tree.text(tree.elements("main")[0])
        #expect(text.contains("Polarity Higher is better"))
        #expect(text.contains("Unit Number, shown to 1 decimal place")) // the LAIT dictionary gives no unit; the loader reads "%" from titles
        #expect(text.contains("Owner Assistant Director, Education"))
        #expect(text.contains(m.currency.reason))
        #expect(text.contains(m.status.reason))
        #expect(text.contains(m.direction.reason))
        #expect(m.status.targets.count == 2)
        let targets = try #require(PackPages.element(tree, id: "m-SEN_EHC_All_20wks-targets"))
        let rows = PackPages.rows(tree, table: targets)
        #expect(rows.map { $0[0] } == ["Local target Reported against", "Statutory target"])
        #expect(rows.map { $0[1] } == ["50", "100"])
        #expect(rows.map { $0[6] } == m.status.targets.map { $0.result.words.prefix(1).uppercased() + $0.result.words.dropFirst() })
        let slot = try #require(tree.all.first { tree[$0].attributes["data-commentary-for"] == m.measure.code })
        #expect(tree.text(slot) == "No commentary was given.")
        let benchmarks = try #require(PackPages.element(tree, id: "m-SEN_EHC_All_20wks-benchmarks-table"))
        let b = try #require(m.benchmarks)
        let figures = Dictionary(PackPages.rows(tree, table: benchmarks).map { ($0[0], $0[1]) }, uniquingKeysWith: { a, _ in a })
        #expect(figures["England"] == b.england.map(m.format.text))
        #expect(figures["West Midlands"] == b.region?.value.map(m.format.text))
        #expect(figures["Statistical neighbours' mean"] == b.statisticalNeighbours?.mean.map(m.format.text))
        #expect(figures["Rank"] == "\(b.rank!) of \(b.rankedCount)")
        #expect(figures["Quartile band"] == "Band \(b.band!.rawValue)")
    }

    @Test("England's comparison reads as English: no \"the same as England than England\", and a measure without an England figure says so instead of naming a method (found by exploratory testing)")
    func englandComparisonWording() throws {
        let pages = try PackPages.of(.member)
        var withoutEngland = 0
        for m in pages.assessment.measures {
            let page = try #require(pages.rendered.pages.first { $0.path == pages.measurePath(m.measure.code) }).text
            #expect(!page.contains("England than England"), "\(m.measure.code)")
            guard let b = m.benchmarks else { continue }
            if b.england == nil {
                withoutEngland += 1
                #expect(page.contains("There is no England figure to compare with"), "\(m.measure.code)")
                #expect(!page.contains("Shown beside England"), "\(m.measure.code)")
            } else if let difference = b.differenceFromEngland, !m.format.isZeroWhenShown(difference) {
                #expect(page.contains(" than England<"), "\(m.measure.code)")
            }
        }
        #expect(withoutEngland > 0, "the local measures have no England figure")
    }

    @Test("Commentary given in the options fills the slot, paragraph by paragraph, escaped")
    func commentary() throws {
        let assessment = try WarwickshireCommittee.rendered(.officer).assessment
        let files = try PackRenderer.render(assessment, options: PackOptions(commentary: ["ReReferral": "Fewer re-referrals <b>this</b> year.\n\nThe audit continues."]))
        let page = try #require(files.first { $0.path == "measures/ReReferral.html" })
        #expect(page.text.contains("<p>Fewer re-referrals &lt;b&gt;this&lt;/b&gt; year.</p><p>The audit continues.</p>"))
        #expect(!page.text.contains("No commentary was given"))
    }

    @Test("Measure codes become distinct, safe file names")
    func fileNames() {
        let names = PackRoute.fileNames(for: ["a b", "a_b", "A_B", ".x", "%_2yr_olds", "ok-1.2"])
        #expect(names == ["a b": "a_b", "a_b": "a_b-2", "A_B": "A_B-3", ".x": "m.x", "%_2yr_olds": "__2yr_olds", "ok-1.2": "ok-1.2"])
    }
}
