/// The checks that keep a CSV file's text from being read wrongly: Scrutineer reads UTF-8, and a
/// file saved in another encoding (Excel's "CSV (Comma delimited)" writes Windows-1252, where
/// `’` is the byte 0x92) is refused with what to do, instead of its text being stored with
/// replacement characters.
enum TextEncoding {
    /// The offset of the first byte of `bytes` that is not part of well-formed UTF-8, or nil.
    static func firstByteNotUTF8(_ bytes: [UInt8]) -> Int? {
        guard var i = firstNonASCII(bytes) else { return nil }
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            // The sequence's length and the range its second byte must be in (RFC 3629 §4).
            let length: Int, second: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return i
            }
            guard i + length <= n, second.contains(bytes[i + 1]),
                  bytes[(i + 2)..<(i + length)].allSatisfy({ (0x80...0xBF).contains($0) }) else { return i }
            i += length
        }
        return nil
    }

    /// The offset of the first byte of `bytes` at or above 0x80, or nil for ASCII text: eight
    /// bytes at a time, as a published file is almost always ASCII and may be large.
    static func firstNonASCII(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            let n = raw.count
            var i = 0
            while i + 8 <= n {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            while i < n {
                if raw[i] >= 0x80 { return i }
                i += 1
            }
            return nil
        }
    }

    /// What the user sees for a file in UTF-16 (Excel's "Unicode Text" and some systems' exports):
    /// a UTF-16 byte-order mark, or a zero byte among the first, which UTF-8 text never holds.
    /// Nil for anything else.
    static func utf16Message(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.prefix(1024).contains(0) else { return nil }
        return "the file is UTF-16 text, or not text at all (expected UTF-8: in Excel, save as \"CSV UTF-8 (Comma delimited)\")"
    }

    /// What the user sees for a file whose `byte` is not UTF-8: the character it is in
    /// Windows-1252, and how to save the file as UTF-8.
    static func notUTF8Message(byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        let character = windows1252(byte).map { " (\($0) in Windows-1252, which Excel's \"CSV (Comma delimited)\" writes)" } ?? ""
        return "the file is not UTF-8 text: byte 0x\(hex)\(character) is not a UTF-8 character (expected UTF-8: in Excel, save as \"CSV UTF-8 (Comma delimited)\")"
    }

    /// The character `byte` stands for in Windows-1252, or nil for the five bytes it leaves undefined.
    static func windows1252(_ byte: UInt8) -> Character? {
        let scalar: UInt32
        switch byte {
        case 0x80...0x9F:
            let table: [UInt32] = [
                0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
            ]
            scalar = table[Int(byte - 0x80)]
        default:
            scalar = UInt32(byte)
        }
        return scalar == 0 ? nil : Unicode.Scalar(scalar).map(Character.init)
    }
}
