import Foundation
import ScrutineerFormats

/// A test-vector file from `../shared/vectors/` (METHODS.md §12): `#` comment lines, a header,
/// then rows. Every statistics test loads its vectors through this, so the files themselves are
/// the expectations, never numbers copied into the test.
struct VectorFile {
    /// The file name, e.g. `wilson.csv`.
    let name: String
    /// Rows as header → cell; an empty cell means missing.
    let rows: [VectorRow]

    init(_ name: String) throws {
        self.name = name
        let url = VectorFile.directory.appendingPathComponent(name)
        let table = try CSVReader.table(contentsOf: url, skippingLeadingCommentLines: true)
        rows = table.records.map { record in
            var cells: [String: String] = [:]
            for (i, column) in table.header.enumerated() where i < record.fields.count {
                cells[column] = record.fields[i]
            }
            return VectorRow(file: name, line: record.line, cells: cells)
        }
    }

    /// `../shared/vectors` beside the repository, or `$SCRUTINEER_SHARED/vectors`.
    static var directory: URL {
        if let shared = ProcessInfo.processInfo.environment["SCRUTINEER_SHARED"] {
            return URL(fileURLWithPath: shared).appendingPathComponent("vectors")
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent() // Support
            .deletingLastPathComponent() // ScrutineerCoreTests
            .deletingLastPathComponent() // Tests
            .deletingLastPathComponent() // repository
            .deletingLastPathComponent() // beside it
            .appendingPathComponent("shared/vectors")
    }
}

/// One vector row, with typed accessors that fail the test loudly on a malformed cell.
struct VectorRow: CustomStringConvertible {
    let file: String
    let line: Int
    let cells: [String: String]

    /// Where the row is, for test failure messages: `wilson.csv:12`.
    var description: String { "\(file):\(line)" }

    /// The cell text ("" when the column is absent).
    subscript(_ column: String) -> String { cells[column] ?? "" }

    /// The cell as a number; nil when blank.
    func double(_ column: String) throws -> Double? {
        let text = self[column].trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        guard let value = Double(text) else { throw VectorError.notANumber(row: description, column: column, text: text) }
        return value
    }

    /// The cell as a number that must be present.
    func requiredDouble(_ column: String) throws -> Double {
        guard let value = try double(column) else { throw VectorError.missing(row: description, column: column) }
        return value
    }

    /// A `;`-separated list of numbers.
    func doubles(_ column: String) throws -> [Double] {
        try self[column].split(separator: ";").map { part in
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let value = Double(text) else { throw VectorError.notANumber(row: description, column: column, text: text) }
            return value
        }
    }

    /// TRUE/FALSE cells.
    func bool(_ column: String) throws -> Bool? {
        switch self[column].uppercased() {
        case "TRUE": return true
        case "FALSE": return false
        case "": return nil
        default: throw VectorError.notABoolean(row: description, column: column, text: self[column])
        }
    }
}

enum VectorError: Error, CustomStringConvertible {
    case notANumber(row: String, column: String, text: String)
    case notABoolean(row: String, column: String, text: String)
    case missing(row: String, column: String)

    var description: String {
        switch self {
        case let .notANumber(row, column, text): "\(row) column \(column): \(text) is not a number"
        case let .notABoolean(row, column, text): "\(row) column \(column): \(text) is not TRUE/FALSE"
        case let .missing(row, column): "\(row) column \(column): expected a value"
        }
    }
}

/// True when `actual` is within `relative` of `expected` (or within `absolute`, for values near 0).
func isClose(_ actual: Double?, _ expected: Double?, relative: Double = 1e-9, absolute: Double = 1e-12) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (a?, e?):
        if a.isNaN || e.isNaN { return false }
        return abs(a - e) <= max(absolute, relative * abs(e))
    default: return false
    }
}
