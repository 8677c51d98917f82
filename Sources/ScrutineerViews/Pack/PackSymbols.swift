import ScrutineerCore

/// Draws the assessment's symbols on one page and remembers which it drew, so the page's key can
/// list exactly those (PRODUCT.md R6). Every icon goes with words: the key entry's label unless
/// the caller gives its own.
struct PackSymbols {
    /// The key's entries by symbol, for their labels.
    let entries: [String: KeyEntry]
    /// The symbols drawn so far.
    private(set) var used: Set<String> = []

    init(key: Key) {
        entries = Dictionary(key.entries.compactMap { entry in entry.symbol.map { ($0, entry) } }, uniquingKeysWith: { first, _ in first })
    }

    /// The icon for `symbol`, recorded as drawn.
    mutating func icon(_ symbol: String) -> String {
        used.insert(symbol)
        return PackIcons.svg(symbol)
    }

    /// The key's label for `symbol` ("On track", "Against the previous period").
    func label(_ symbol: String) -> String? { entries[symbol]?.label }

    /// A line with the icon for `symbol` and `text` (or the key's label).
    mutating func line(_ symbol: String, _ text: String? = nil, isNote: Bool = false) -> PackLine {
        PackLine(text ?? label(symbol) ?? symbol, icon: icon(symbol), isNote: isNote)
    }

    /// The lines for a figure that may be withheld: the number, or the symbol's icon and the
    /// symbol with, as a note, why the cell is blank.
    mutating func cellLines(_ cell: PublishedCell, format: ValueFormat, text: String? = nil) -> [PackLine] {
        switch cell {
        case let .value(number):
            return [PackLine(text ?? format.text(number))]
        case let .suppressed(symbol, _):
            return [
                line("symbol-\(symbol.rawValue)", symbol.rawValue),
                PackLine("Blank: \(cell.whyBlank ?? "")", isNote: true),
            ]
        }
    }

    /// The key rows for the symbols drawn, in the key's order (entries with no symbol are kept).
    func keyTable(_ key: Key, id: String, caption: String) -> PackTable {
        PackKeyTable.table(key.entries.filter { $0.symbol.map(used.contains) ?? true }, id: id, caption: caption)
    }
}

/// The key as a table: the symbol with its words, what kind of thing it shows, and what it means.
enum PackKeyTable {
    /// "Status", "Direction of travel", …
    static func groupTitle(_ group: KeyGroup) -> String {
        switch group {
        case .status: "Status against target"
        case .target: "Target judged against"
        case .currency: "Data currency"
        case .direction: "Direction of travel"
        case .directionBasis: "What the direction compares"
        case .benchmark: "Benchmark"
        case .comparison: "Compared with England"
        case .band: "Quartile band"
        case .spc: "Statistical process control"
        case .disclosure: "Shown instead of a figure"
        }
    }

    /// The table of `entries`.
    static func table(_ entries: [KeyEntry], id: String, caption: String) -> PackTable {
        PackTable(
            id: id, caption: caption, cssClass: "key-table",
            headers: [PackHeader("Symbol"), PackHeader("Shows"), PackHeader("Meaning")],
            rows: entries.map { entry in
                PackRow(
                    header: PackCell([PackLine(entry.label, icon: entry.symbol.map { PackIcons.svg($0, inKey: true) } ?? "")]),
                    cells: [PackCell(groupTitle(entry.group)), PackCell(entry.meaning)]
                )
            }
        )
    }
}
