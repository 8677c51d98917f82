import Hummingbird
import ScrutineerCore

/// A posted form's fields (application/x-www-form-urlencoded).
struct FormFields: Sendable {
    let fields: [String: String]

    subscript(_ name: String) -> String? { fields[name] }

    static func read(_ request: Request, _ context: WebRequestContext) async throws -> FormFields {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let text = String(buffer: buffer)
        if let name = fieldNotUTF8(text) {
            throw WebError.badParameter(name, "\(name): the text sent is not UTF-8 (expected the page's own form, which sends UTF-8); nothing was saved")
        }
        var fields: [String: String] = [:]
        for (name, value) in pairs(text) where fields[name] == nil { fields[name] = value }
        return FormFields(fields: fields)
    }

    /// The name of the first field of `text` whose value does not percent-decode to UTF-8 (`Caf%E9`,
    /// sent as Latin-1), which `pairs` would read as empty; nil when every one does.
    static func fieldNotUTF8(_ text: String) -> String? {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count > 1, String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding == nil else { continue }
            return String(parts[0]).removingPercentEncoding ?? String(parts[0])
        }
        return nil
    }

    /// `a=1&b=two+words` as name–value pairs: `+` is a space, then percent-decoding.
    static func pairs(_ text: String) -> [(name: String, value: String)] {
        rawPairs(text).map { (decoded($0.name) ?? "", $0.value.flatMap(decoded) ?? "") }
    }

    /// The `name=value` pairs of a query or form body as sent, before decoding (`value` nil for a
    /// name with no `=`).
    static func rawPairs(_ text: String) -> [(name: Substring, value: Substring?)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (parts[0], parts.count > 1 ? parts[1] : nil)
        }
    }

    /// One name or value decoded as a form sends it (`+` is a space, then percent-decoding); nil
    /// when the result is not UTF-8.
    static func decoded(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// A text field with Windows line ends made `\n`; empty when it was not sent.
    func text(_ name: String) -> String {
        (fields[name] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// A date field (`YYYY-MM-DD`, as a date input sends it); nil when empty or not sent.
    func optionalDate(_ name: String) throws -> CalendarDate? {
        guard let text = fields[name], !text.isEmpty else { return nil }
        guard let date = CalendarDate(iso: text) else { throw WebError.badParameter(name, "\(name): \(text) is not a date (expected YYYY-MM-DD)") }
        return date
    }

    /// A date field that must be given.
    func requiredDate(_ name: String) throws -> CalendarDate {
        guard let date = try optionalDate(name) else { throw WebError.badParameter(name, "\(name): empty (expected a date, YYYY-MM-DD)") }
        return date
    }

    /// The `period` field as a reporting period.
    func period() throws -> Period {
        let text = fields["period"] ?? ""
        do {
            return try Period.parse(text, yearType: .financial)
        } catch {
            throw WebError.badParameter("period", "period: \(error) (expected a reporting period such as 2026/27 Q2)")
        }
    }
}
