import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A page parsed as XML (the pack writes XHTML-compatible HTML: every element closed, attributes
/// quoted, only XML's entities), as a small tree the tests can query. Parsing fails on any
/// malformed markup, which is itself a check.
struct HTMLTree {
    struct Node {
        let name: String
        let attributes: [String: String]
        let parent: Int?
        var children: [Int] = []
        /// Text directly inside, in order with the children (`\u{0}` marks where a child goes).
        var text: String = ""
    }

    private(set) var nodes: [Node] = []

    /// Parses `html`; throws with the line and column of the first error.
    init(_ html: String, name: String) throws {
        let builder = Builder()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = builder
        guard parser.parse() else {
            throw PackFixtureError(description: "\(name):\(parser.lineNumber):\(parser.columnNumber): not well-formed: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        nodes = builder.nodes
    }

    /// Every element named `name`, in document order.
    func elements(_ name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].name == name }
    }

    /// The element's name and attributes.
    subscript(_ i: Int) -> Node { nodes[i] }

    /// Every element under `i` (not itself), in document order.
    func descendants(_ i: Int) -> [Int] {
        var out: [Int] = []
        for child in nodes[i].children {
            out.append(child)
            out += descendants(child)
        }
        return out
    }

    /// Every element in document order.
    var all: [Int] { nodes.indices.map { $0 } }

    /// True when `i` lies inside an element satisfying `test`.
    func isInside(_ i: Int, where test: (Node) -> Bool) -> Bool {
        var at = nodes[i].parent
        while let p = at {
            if test(nodes[p]) { return true }
            at = nodes[p].parent
        }
        return false
    }

    /// The text content of `i` and everything under it, as a reader hears it: inline SVG (icons
    /// and charts, which are hidden or labelled) left out unless `i` is inside one, a space
    /// between elements, and runs of white space made single spaces.
    func text(_ i: Int) -> String {
        var out = ""
        let keepSVG = nodes[i].name == "svg" || isInside(i) { $0.name == "svg" }
        func collect(_ j: Int) {
            var children = nodes[j].children.makeIterator()
            for ch in nodes[j].text {
                if ch == "\u{0}" {
                    if let child = children.next(), keepSVG || nodes[child].name != "svg" {
                        out.append(" ")
                        collect(child)
                        out.append(" ")
                    }
                } else {
                    out.append(ch)
                }
            }
        }
        collect(i)
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var nodes: [Node] = []
        var stack: [Int] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let index = nodes.count
            nodes.append(Node(name: elementName, attributes: attributes, parent: stack.last))
            if let parent = stack.last {
                nodes[parent].children.append(index)
                nodes[parent].text.append("\u{0}")
            }
            stack.append(index)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let current = stack.last { nodes[current].text += string }
        }
    }
}
