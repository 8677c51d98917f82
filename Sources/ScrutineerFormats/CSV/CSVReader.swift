import Foundation

/// One record of a CSV file with the line it starts on (1-based, counting every physical line
/// of the file, so an error can name the line a person sees in an editor).
public struct CSVRecord: Sendable, Hashable {
    /// The physical line on which the record starts.
    public var line: Int
    /// The fields, unquoted.
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A parsed CSV file: its header and its records.
public struct CSVTable: Sendable {
    /// The file's name as errors should show it.
    public var fileName: String
    /// The header fields, in order.
    public var header: [String]
    /// The physical line of the header.
    public var headerLine: Int
    /// The records after the header.
    public var records: [CSVRecord]

    /// The position of `column` in the header, if present.
    public func index(of column: String) -> Int? {
        header.firstIndex(of: column)
    }

    /// Every record as a dictionary from header name to field (for small files and tests).
    public func dictionaries() -> [[String: String]] {
        records.map { record in
            var row: [String: String] = [:]
            for (i, name) in header.enumerated() where i < record.fields.count {
                row[name] = record.fields[i]
            }
            return row
        }
    }
}

/// A CSV file that cannot be read, with the place that is wrong.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var fileName: String
    public var line: Int
    public var message: String

    public init(fileName: String, line: Int, message: String) {
        self.fileName = fileName
        self.line = line
        self.message = message
    }

    public var description: String { "\(fileName):\(line): \(message)" }
}

/// Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes, `""` for a quote
/// inside a quoted field, CRLF or LF line ends, a UTF-8 byte-order mark ignored. The text must be
/// UTF-8: a file in another encoding is an error naming the line, never text read wrongly.
public enum CSVReader {
    /// Parses `data`. With `skippingLeadingCommentLines`, lines starting with `#` before the
    /// header are passed over (the test-vector layout); a `#` anywhere else is data.
    public static func table(
        from data: Data,
        fileName: String,
        skippingLeadingCommentLines: Bool = false
    ) throws(CSVError) -> CSVTable {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let message = TextEncoding.utf16Message(bytes) {
            throw CSVError(fileName: fileName, line: 1, message: message)
        }
        if let offset = TextEncoding.firstByteNotUTF8(bytes) {
            let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == lineFeed ? 1 : 0) }
            throw CSVError(fileName: fileName, line: line, message: TextEncoding.notUTF8Message(byte: bytes[offset]))
        }
        var records = try parse(bytes, fileName: fileName, skippingLeadingCommentLines: skippingLeadingCommentLines)
        guard !records.isEmpty else {
            throw CSVError(fileName: fileName, line: 1, message: "the file is empty (expected a header row)")
        }
        let header = records.removeFirst()
        if let separator = otherSeparator(header.fields, next: records.first?.fields) {
            throw CSVError(
                fileName: fileName, line: header.line,
                message: "the fields are separated by \(separator)s, not commas (expected comma-separated values: in Excel, save as \"CSV UTF-8 (Comma delimited)\")"
            )
        }
        return CSVTable(
            fileName: fileName,
            header: header.fields.map { $0.trimmingCharacters(in: .whitespaces) },
            headerLine: header.line,
            records: records
        )
    }

    /// "semicolon" or "tab" when the header is one field holding that character and the line after
    /// it holds it too, as a file saved where a comma is the decimal point (whose figures' commas
    /// split its lines: `A;1,5;2`), or as tab-separated text, is.
    private static func otherSeparator(_ header: [String], next: [String]?) -> String? {
        guard header.count == 1 else { return nil }
        for (character, name) in [(";", "semicolon"), ("\t", "tab")]
        where header[0].contains(character) && (next.map { $0.contains { $0.contains(character) } } ?? true) {
            return name
        }
        return nil
    }

    /// Reads and parses the file at `url`; the error names the file by its last path component.
    public static func table(contentsOf url: URL, skippingLeadingCommentLines: Bool = false) throws -> CSVTable {
        let data = try Data(contentsOf: url)
        return try table(from: data, fileName: url.lastPathComponent, skippingLeadingCommentLines: skippingLeadingCommentLines)
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let hash = UInt8(ascii: "#")

    private static func parse(
        _ bytes: [UInt8],
        fileName: String,
        skippingLeadingCommentLines: Bool
    ) throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var line = 1
        var i = 0
        let n = bytes.count
        var headerSeen = false

        while i < n {
            // At the start of a record.
            let recordLine = line
            if skippingLeadingCommentLines && !headerSeen && bytes[i] == hash {
                while i < n && bytes[i] != lineFeed { i += 1 }
                i += 1
                line += 1
                continue
            }
            fields.removeAll(keepingCapacity: true)
            var endOfRecord = false
            while !endOfRecord {
                if i < n && bytes[i] == quote {
                    // A quoted field: copy runs between doubled quotes.
                    let openedOn = line
                    var field: [UInt8] = []
                    i += 1
                    var runStart = i
                    while true {
                        guard i < n else {
                            throw CSVError(fileName: fileName, line: openedOn, message: "a quoted field is never closed (expected a closing \")")
                        }
                        let byte = bytes[i]
                        if byte == quote {
                            field.append(contentsOf: bytes[runStart..<i])
                            if i + 1 < n && bytes[i + 1] == quote {
                                field.append(quote)
                                i += 2
                                runStart = i
                                continue
                            }
                            i += 1
                            break
                        }
                        if byte == lineFeed { line += 1 }
                        i += 1
                    }
                    // Anything after the closing quote up to the delimiter is kept, as lenient readers do.
                    let tailStart = i
                    while i < n && bytes[i] != comma && bytes[i] != lineFeed && bytes[i] != carriageReturn { i += 1 }
                    field.append(contentsOf: bytes[tailStart..<i])
                    fields.append(String(decoding: field, as: UTF8.self))
                } else {
                    // An unquoted field: one String straight from the bytes.
                    let fieldStart = i
                    while i < n && bytes[i] != comma && bytes[i] != lineFeed && bytes[i] != carriageReturn { i += 1 }
                    fields.append(String(decoding: bytes[fieldStart..<i], as: UTF8.self))
                }
                if i >= n {
                    endOfRecord = true
                } else if bytes[i] == comma {
                    i += 1
                } else {
                    // CR, LF or CRLF ends the record.
                    if bytes[i] == carriageReturn && i + 1 < n && bytes[i + 1] == lineFeed { i += 1 }
                    i += 1
                    line += 1
                    endOfRecord = true
                }
            }
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecord(line: recordLine, fields: fields))
                headerSeen = true
            }
        }
        return records
    }
}
