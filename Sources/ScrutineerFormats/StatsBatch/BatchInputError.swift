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
}
