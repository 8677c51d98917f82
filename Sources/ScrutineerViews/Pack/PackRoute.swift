/// Every file of a pack, named once: pages link to each other through these, so a link and the
/// file it points to cannot disagree (STYLE.md: links come from the same typed routes).
enum PackRoute: Hashable, Sendable {
    /// The summary page.
    case index
    /// The whole pack as one document, for printing and the PDF.
    case print
    /// The stylesheet.
    case stylesheet
    /// One measure's page, by its file name (see `PackRoute.fileNames`).
    case measure(fileName: String)
    /// A data file in `data/`.
    case data(String)

    /// The path inside the pack's folder.
    var path: String {
        switch self {
        case .index: "index.html"
        case .print: "print.html"
        case .stylesheet: "pack.css"
        case let .measure(fileName): "measures/\(fileName).html"
        case let .data(name): "data/\(name)"
        }
    }

    /// The folder the file is in ("" at the top, "measures/" for a measure page).
    var folder: String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// The link to this file from a page in `from`'s folder, optionally to an anchor in it.
    func href(from page: PackRoute, anchor: String? = nil) -> String {
        let up = page.folder.isEmpty ? "" : String(repeating: "../", count: page.folder.count { $0 == "/" })
        guard let anchor else { return self == page ? String(path.split(separator: "/").last ?? "") : up + path }
        return (self == page ? "" : up + path) + "#" + anchor
    }

    /// A file name safe in a URL and on every file system for each measure code: letters, digits,
    /// `-`, `_` and `.` kept, anything else `_`; a name already taken gets `-2`, `-3`… (codes are
    /// unique, their safe names need not be).
    static func fileNames(for codes: [String]) -> [String: String] {
        var names: [String: String] = [:]
        var taken = Set<String>()
        for code in codes where names[code] == nil {
            var base = String(code.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") ? $0 : "_" })
            if base.isEmpty || base.hasPrefix(".") { base = "m" + base }
            var name = base
            var n = 2
            while !taken.insert(name.lowercased()).inserted {
                name = "\(base)-\(n)"
                n += 1
            }
            names[code] = name
        }
        return names
    }
}
