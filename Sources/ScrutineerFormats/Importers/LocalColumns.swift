import Foundation

/// The columns a local observations table may have (`measure_code, area_code, period, value`
/// required), as their normalised header names.
enum LocalObservationColumn: String, CaseIterable, Sendable {
    case measureCode = "measure_code"
    case areaCode = "area_code"
    case period
    case value
    case numerator
    case denominator
    case lower95
    case upper95
    case statusSymbol = "status_symbol"
    case published
    case nextUpdateDue = "next_update_due"

    static let required: [LocalObservationColumn] = [.measureCode, .areaCode, .period, .value]
}

/// The columns a local measures table may have (`code, title, unit, polarity, year_type`
/// required), as their normalised header names.
enum LocalMeasureColumn: String, CaseIterable, Sendable {
    case code, title, definition, theme, owner, unit
    case decimalPlaces = "decimal_places"
    case polarity, periodicity
    case yearType = "year_type"
    case source
    case publicationLagDays = "publication_lag_days"
    case committees
    case planPriority = "plan_priority"
    case benchmarkComparison = "benchmark_comparison"
    case directionOfTravel = "direction_of_travel"

    static let required: [LocalMeasureColumn] = [.code, .title, .unit, .polarity, .yearType]
}

/// What a header cell of a local table names.
enum LocalColumnRole: Sendable, Hashable {
    case observation(LocalObservationColumn)
    case measure(LocalMeasureColumn)
    /// `breakdown:<dimension>` or `breakdown_<dimension>`, with the dimension normalised.
    case breakdown(String)
    /// A column kept for people and not imported: `area_name`, `measure_title`, or a name
    /// starting with `note` or `comment`.
    case ignored
    /// A column with no header (allowed only when it holds nothing).
    case unnamed
    case unknown
}

/// A column of a local table: where it is, how the file names it, and what it is.
struct LocalColumnHeader: Sendable, Hashable {
    /// 0-based position.
    var index: Int
    /// The name errors show: the header as written, or the column's letter when it has none.
    var label: String
    var role: LocalColumnRole
}

/// Header names compared as the template's guidance says: case-insensitive, with spaces and
/// underscores the same.
enum LocalHeaderName {
    /// `  Measure Code ` ⇒ `measure_code`.
    static func normalised(_ header: String) -> String {
        var result = ""
        var lastWasSeparator = false
        for character in header.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
            if character == " " || character == "_" || character == "\u{00A0}" {
                if !lastWasSeparator { result.append("_") }
                lastWasSeparator = true
            } else {
                result.append(character)
                lastWasSeparator = false
            }
        }
        return result
    }

    /// The dimension a breakdown column names (`breakdown:Age Band` ⇒ `age_band`), nil for other columns.
    static func breakdownDimension(_ normalisedHeader: String) -> String? {
        for prefix in ["breakdown:", "breakdown_"] where normalisedHeader.hasPrefix(prefix) {
            var dimension = String(normalisedHeader.dropFirst(prefix.count))
            while dimension.hasPrefix("_") { dimension.removeFirst() }
            return dimension
        }
        return nil
    }

    /// True for the columns kept for people and not imported.
    static func isIgnored(_ normalisedHeader: String) -> Bool {
        normalisedHeader == "area_name" || normalisedHeader == "measure_title"
            || normalisedHeader.hasPrefix("note") || normalisedHeader.hasPrefix("comment")
    }
}
