/// Writes RFC 4180 CSV, quoting only the fields that need it.
public enum CSVWriter {
    /// One record as a line ending in LF.
    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\n"
    }

    /// Text as a spreadsheet opening the file reads it as text, never as a formula (CSV injection,
    /// OWASP): text starting `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
    /// unless it is a number (`-1.5`) or that character alone (LAIT's `-`).
    public static func inert(_ text: String) -> String {
        guard let first = text.first, "=+-@\t\r".contains(first), text.count > 1, Double(text) == nil else { return text }
        return "'" + text
    }

    /// `field` quoted if it holds a comma, quote, or line break.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
