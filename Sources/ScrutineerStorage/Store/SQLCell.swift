/// One value written to or read from the database, typed as the column holds it: a Double is
/// bound and read as an IEEE double (never through text), so values round-trip exactly.
enum SQLCell: Sendable, Hashable {
    case text(String)
    case double(Double)
    case integer(Int)
    case null

    init(_ text: String?) { self = text.map(SQLCell.text) ?? .null }
    init(_ double: Double?) { self = double.map(SQLCell.double) ?? .null }
    init(_ integer: Int?) { self = integer.map(SQLCell.integer) ?? .null }

    /// The text, when the cell holds text.
    var text: String? { if case let .text(text) = self { text } else { nil } }
    /// The integer, when the cell holds an integer.
    var integer: Int? { if case let .integer(integer) = self { integer } else { nil } }

    /// A value SQLKit's serializer collected from a `\(bind:)` in a query.
    init(bound value: any Encodable & Sendable) {
        switch value {
        case let text as String: self = .text(text)
        case let double as Double: self = .double(double)
        case let integer as Int: self = .integer(integer)
        default: preconditionFailure("only String, Double and Int are bound by the store, not \(type(of: value))")
        }
    }
}
