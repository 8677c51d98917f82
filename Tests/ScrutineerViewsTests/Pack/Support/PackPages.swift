import Foundation
import ScrutineerCore
import ScrutineerTestSupport
@testable import ScrutineerViews

/// A rendered pack with every page parsed, once per audience.
struct PackPages: Sendable {
    let rendered: WarwickshireCommittee.Rendered
    /// Each HTML page's tree, by path.
    let trees: [String: HTMLTree]

    var assessment: CommitteeAssessment { rendered.assessment }
    var fileNames: [String: String] { PackRenderer.fileNames(for: rendered.assessment) }

    static func parse(_ audience: Audience) -> Result<PackPages, PackFixtureError> {
        do {
            let rendered = try WarwickshireCommittee.rendered(audience)
            var trees: [String: HTMLTree] = [:]
            for page in rendered.pages { trees[page.path] = try HTMLTree(page.text, name: page.path) }
            return .success(PackPages(rendered: rendered, trees: trees))
        } catch let error as PackFixtureError {
            return .failure(error)
        } catch {
            return .failure(PackFixtureError(description: "\(error)"))
        }
    }

    static let officer = parse(.officer)
    static let member = parse(.member)
    static let `public` = parse(.public)

    static func of(_ audience: Audience) throws -> PackPages {
        switch audience {
        case .officer: try officer.get()
        case .member: try member.get()
        case .public: try `public`.get()
        }
    }

    /// The tree of `path`.
    func tree(_ path: String) throws -> HTMLTree {
        guard let tree = trees[path] else { throw PackFixtureError(description: "the pack has no page \(path)") }
        return tree
    }

    /// The measure page of `code`.
    func measurePath(_ code: String) -> String { "measures/\(fileNames[code] ?? code).html" }

    /// The element with `id` in `tree`.
    static func element(_ tree: HTMLTree, id: String) -> Int? {
        tree.all.first { tree[$0].attributes["id"] == id }
    }

    /// A table's rows (in `tbody`) as the text of each cell, the row header first.
    static func rows(_ tree: HTMLTree, table: Int) -> [[String]] {
        let rows = tree.descendants(table).filter { tree[$0].name == "tr" && tree.isInside($0, where: { $0.name == "tbody" }) }
        return rows.map { row in tree[row].children.filter { ["th", "td"].contains(tree[$0].name) }.map { tree.text($0) } }
    }

    /// A table's column headers.
    static func headers(_ tree: HTMLTree, table: Int) -> [String] {
        tree.descendants(table).filter { tree[$0].name == "th" && tree[$0].attributes["scope"] == "col" }.map { tree.text($0) }
    }

    /// The first line of a cell's text (the lines are `span.line`), e.g. "17.0%" of "17.0% 2025 Current".
    static func firstLines(_ tree: HTMLTree, table: Int) -> [[String]] {
        let rows = tree.descendants(table).filter { tree[$0].name == "tr" && tree.isInside($0, where: { $0.name == "tbody" }) }
        return rows.map { row in
            tree[row].children.filter { ["th", "td"].contains(tree[$0].name) }.map { cell in
                tree.descendants(cell).first { tree[$0].attributes["class"]?.hasPrefix("line") == true }.map { tree.text($0) } ?? tree.text(cell)
            }
        }
    }

    /// Each data cell of a table's rows as its lines (`span.line`), without the row header.
    static func cellLines(_ tree: HTMLTree, table: Int) throws -> [[[String]]] {
        let rows = tree.descendants(table).filter { tree[$0].name == "tr" && tree.isInside($0, where: { $0.name == "tbody" }) }
        return rows.map { row in
            tree[row].children.filter { tree[$0].name == "td" }.map { cell in
                tree.descendants(cell).filter { tree[$0].attributes["class"]?.hasPrefix("line") == true }.map { tree.text($0) }
            }
        }
    }
}
