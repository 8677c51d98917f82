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
