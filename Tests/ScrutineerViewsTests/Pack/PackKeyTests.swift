import Foundation
import ScrutineerCore
import Testing
@testable import ScrutineerViews

/// The key (PRODUCT.md R6): on every page, a symbol the page draws is in its key and one it does
/// not draw is not; the printed pack draws every symbol of the assessment and keys them all.
@Suite struct PackKeyTests {
    /// The symbols a page draws (outside its key) and the symbols its key lists.
    static func symbols(_ tree: HTMLTree) -> (drawn: Set<String>, keyed: Set<String>) {
        var drawn = Set<String>()
        var keyed = Set<String>()
        for i in tree.all {
            if let symbol = tree[i].attributes["data-symbol"] { drawn.insert(symbol) }
            if let symbol = tree[i].attributes["data-key-symbol"] { keyed.insert(symbol) }
        }
        return (drawn, keyed)
    }

    @Test("Each page's key lists exactly the symbols the page draws", arguments: Audience.allCases)
    func exactKeyPerPage(audience: Audience) throws {
        let pages = try PackPages.of(audience)
        for (path, tree) in pages.trees {
            let (drawn, keyed) = Self.symbols(tree)
            #expect(!drawn.isEmpty, "\(path)")
            #expect(drawn.subtracting(keyed).isEmpty, "\(path): drawn but not in the key: \(drawn.subtracting(keyed).sorted())")
            #expect(keyed.subtracting(drawn).isEmpty, "\(path): in the key but not drawn: \(keyed.subtracting(drawn).sorted())")
        }
    }

    @Test("The printed pack draws and keys every symbol of the assessment's key, and the pages between them do too", arguments: Audience.allCases)
    func wholeKey(audience: Audience) throws {
        let pages = try PackPages.of(audience)
        let (drawn, keyed) = Self.symbols(try pages.tree("print.html"))
        #expect(drawn == pages.assessment.key.symbols)
        #expect(keyed == pages.assessment.key.symbols)
        var union = Set<String>()
        for (path, tree) in pages.trees where path != "print.html" { union.formUnion(Self.symbols(tree).drawn) }
        #expect(union == pages.assessment.key.symbols)
    }

    @Test("A measure page keys exactly what its measure draws; the summary's key is in the assessment key's order")
    func measureKeyEqualsMeasureSymbols() throws {
        let pages = try PackPages.of(.public)
        for m in pages.assessment.measures {
            let (drawn, _) = Self.symbols(try pages.tree(pages.measurePath(m.measure.code)))
            #expect(drawn == m.symbols, "\(m.measure.code): \(drawn.symmetricDifference(m.symbols).sorted())")
        }
        let index = try pages.tree("index.html")
        let order = index.all.compactMap { index[$0].attributes["data-key-symbol"] }
        let expected = pages.assessment.key.entries.compactMap(\.symbol).filter(Set(order).contains)
        #expect(order == expected)
    }

    @Test("The key names what the arrows and comparisons are against: national, regional, neighbours, local or trajectory target")
    func keyExplainsComparisons() throws {
        let pages = try PackPages.of(.member)
        let print = try pages.tree("print.html")
        let table = try #require(PackPages.element(print, id: "key-table"))
        let rows = PackPages.rows(print, table: table)
        let labels = rows.map { $0[0] }
        for label in ["England", "West Midlands", "Statistical neighbours", "Against local target", "Against trajectory target",
                      "Against statutory target", "Against the previous period", "Against the same period last year"] {
            #expect(labels.contains(label), "the key has no \(label)")
        }
        #expect(rows.allSatisfy { $0.count == 3 && !$0[2].isEmpty })
    }
}
