import Foundation
import ScrutineerCore

/// Small text helpers shared by the importers, written to be cheap on every cell.
enum ImportText {
    /// Why a stored measure's year type is kept, ending each message that refuses to change it.
    static let storedYearsStay = "a measure's years cannot change under the figures stored for it"
    /// Why a stored measure's periodicity is kept.
    static let storedPeriodsStay = "a measure's periods cannot change under the figures stored for it"
    /// Why a stored measure's unit is kept.
    static let storedUnitStays = "a measure's unit cannot change under the figures stored for it; a measure in another unit needs a code of its own"

    /// `text` without leading and trailing spaces and tabs (returned as is when it has none).
    @inline(__always)
    static func trimmed(_ text: String) -> String {
        let padded = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        } ?? true
        return padded ? text.trimmingCharacters(in: .whitespaces) : text
    }

    /// A finite decimal number, or nil when `text` is not one (`nan` and `inf` are not numbers
    /// here, nor hexadecimal `0x10`, which Swift would read as 16).
    @inline(__always)
    static func number(_ text: String) -> Double? {
        guard let value = Double(text), value.isFinite, !text.utf8.contains(where: { $0 | 0x20 == 0x78 }) else { return nil }
        return value
    }

    /// True for an ONS GSS code: a capital letter and eight digits (E10000031).
    static func isGSSCode(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        guard utf8.count == 9, (0x41...0x5A).contains(utf8[0]) else { return false }
        return utf8.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
    }

    /// True for a DfE 3-digit LA number (937).
    static func isDfENumber(_ text: String) -> Bool {
        text.utf8.count == 3 && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// True when `text` contains the ASCII character `character` (cheaper than Foundation's
    /// substring search, which `String.contains` with a string argument calls).
    @inline(__always)
    static func has(_ character: Unicode.Scalar, _ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: character))
    }

    /// Text quoted for an error message.
    static func quoted(_ text: String) -> String { "\"\(text)\"" }

    /// "a", "a and b", "a, b and c".
    static func list(_ words: [String]) -> String {
        words.count <= 1 ? words.joined() : words.dropLast().joined(separator: ", ") + " and " + words[words.count - 1]
    }

    static let monthAbbreviations: Set<String> = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Why a group's name (a breakdown value) looks like a band a spreadsheet turned into a date
    /// and saved as text: `05-Sep` or `5-Sep` (a band typed 5-9), `Oct-15` (10-15); nil otherwise.
    static func spreadsheetDateProblem(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let (first, second) = (String(parts[0]), String(parts[1]))
        func isMonth(_ part: String) -> Bool { monthAbbreviations.contains(part.lowercased()) }
        func isNumber(_ part: String) -> Bool { (1...2).contains(part.count) && part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard (isNumber(first) && isMonth(second)) || (isMonth(first) && isNumber(second)) else { return nil }
        return "\(quoted(text)) is how a spreadsheet shows a band such as 5-9 or 10-15 that it turned into a date (expected the group as published: "
            + "download the file again, or open it as text, not in a spreadsheet; a month written as 2026-04 or April 2026)"
    }

    /// "1 field", "3 fields".
    static func fields(_ count: Int) -> String { count == 1 ? "1 field" : "\(count) fields" }

    /// Why a CSV row with `count` fields is refused when its header has `width`.
    static func rowWidthProblem(fields count: Int, width: Int) -> String {
        "the row has \(fields(count)) (expected \(width), as in the header)"
    }

    /// Why an area code is rejected: blank, or not a known area.
    static func unknownArea(_ code: String) -> String {
        code.isEmpty
            ? "blank (expected the ONS code of a known area)"
            : "unknown area code \(code) (expected the ONS code of England, a region or an LA already imported with scrutineer import areas)"
    }

    /// What an area code names, for error messages about an option such as `--council`: its name
    /// and type ("West Midlands, a region"), or "not a known area".
    static func whatArea(_ code: String, areas: [String: Area]) -> String {
        areas[code].map { "\($0.name), \(describe($0.type))" } ?? "not a known area"
    }

    /// A council for error messages: its code and, when known, its name ("E10000031 Warwickshire").
    static func council(_ code: String, areas: [String: Area]) -> String {
        areas[code].map { "\(code) \($0.name)" } ?? code
    }

    /// What an area is, for error messages: "a local authority".
    static func describe(_ type: AreaType) -> String {
        switch type {
        case .country: "a country"
        case .region: "a region"
        case .subRegion: "a London sub-region"
        case .localAuthority: "a local authority"
        }
    }
}
