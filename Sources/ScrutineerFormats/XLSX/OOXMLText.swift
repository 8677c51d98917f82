/// Text as SpreadsheetML stores it: XML-escaped, with characters XML cannot hold (control
/// characters) written as `_xHHHH_`, and a literal `_x` that would look like one written `_x005F_x`.
enum OOXMLText {
    /// `text` escaped for an XML element or attribute value.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case "_" where looksLikeEscape(scalars):
                result += "_x005F_"
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) {
                    result += "_x" + hex4(scalar.value) + "_"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// `text` with every `_xHHHH_` replaced by the character it stands for.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            if scalar == "_", looksLikeEscape(scalars),
               let value = UInt32(String(String.UnicodeScalarView(scalars.dropFirst().prefix(4))), radix: 16),
               let decoded = Unicode.Scalar(value) {
                result.append(decoded)
                scalars = scalars.dropFirst(6)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// True when `rest` (what follows a `_`) is `xHHHH_`.
    private static func looksLikeEscape(_ rest: Substring.UnicodeScalarView) -> Bool {
        var iterator = rest.makeIterator()
        guard iterator.next() == "x" else { return false }
        for _ in 0..<4 {
            guard let digit = iterator.next(), digit.properties.isASCIIHexDigit else { return false }
        }
        return iterator.next() == "_"
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
