/// One cell of an imported file, named as rejected cells are: `FILE:ROW:COLUMN`, where ROW is
/// the line an editor or spreadsheet shows (the header is row 1) and COLUMN the header's name.
public struct CellReference: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var row: Int
    public var column: String

    public init(file: String, row: Int, column: String) {
        self.file = file
        self.row = row
        self.column = column
    }

    public var description: String { "\(file):\(row):\(column)" }
}

/// One row of an imported file, `FILE:ROW`, where ROW is counted as in `CellReference`: the row
/// an observation was read from, so a figure the store refuses is named where the file holds it.
public struct RowReference: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var row: Int

    public init(file: String, row: Int) {
        self.file = file
        self.row = row
    }

    public var description: String { "\(file):\(row)" }
}
