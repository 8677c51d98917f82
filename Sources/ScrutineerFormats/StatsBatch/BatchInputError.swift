import ScrutineerCore

/// One rejected cell of a batch input: `FILE:ROW:COLUMN: what is wrong (expected …)`.
/// ROW is the line number in the file as an editor or spreadsheet shows it (the header is row 1).
public struct BatchInputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var row: Int
    public var column: String
    public var message: String

    public init(file: String, row: Int, column: String, message: String) {
        self.file = file
        self.row = row
        self.column = column
        self.message = message
    }

    public init(_ cell: CellReference, _ message: String) {
        self.init(file: cell.file, row: cell.row, column: cell.column, message: message)
    }

    /// The cell rejected.
    public var cell: CellReference { CellReference(file: file, row: row, column: column) }

    public var description: String { "\(cell): \(message)" }
}

/// Every rejected cell of an input, in file order; nothing is written when there is one.
public struct BatchInputErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [BatchInputError]

    public init(_ errors: [BatchInputError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }

    /// The rejected cells of one column of one file.
    public struct ColumnProblems: Sendable, Hashable {
        public var file: String
        public var column: String
        public var count: Int
        /// The first of them in file order.
        public var first: BatchInputError
    }

    /// The rejected cells counted by file and column, most first (then in file order): what a long
    /// report is mostly about, when one mistake (a lookup not yet imported, a shifted column)
    /// rejects thousands of cells.
    public var byColumn: [ColumnProblems] {
        var groups: [ColumnProblems] = []
        var index: [String: Int] = [:]
        for error in errors {
            let key = error.file + "\u{0}" + error.column
            if let at = index[key] {
                groups[at].count += 1
            } else {
                index[key] = groups.count
                groups.append(ColumnProblems(file: error.file, column: error.column, count: 1, first: error))
            }
        }
        return groups.enumerated().sorted { ($0.element.count, $1.offset) > ($1.element.count, $0.offset) }.map(\.element)
    }
}
