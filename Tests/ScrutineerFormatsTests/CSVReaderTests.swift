import Foundation
import Testing
@testable import ScrutineerFormats

@Suite("CSV reader (RFC 4180)")
struct CSVReaderTests {
    @Test("quoted fields keep commas, quotes and line breaks; records know their first line")
    func quotedFields() throws {
        let text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",z\n3,,\n"
        let table = try CSVReader.table(from: Data(text.utf8), fileName: "t.csv")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.records.map(\.fields) == [["1", "x, y", "say \"hi\""], ["2", "two\nlines", "z"], ["3", "", ""]])
        #expect(table.records.map(\.line) == [2, 3, 5])
    }

    @Test("leading # lines are skipped only when asked and only before the header")
    func commentLines() throws {
        let text = "# source: x\n# more\nn,v\n#1,2\n"
        let table = try CSVReader.table(from: Data(text.utf8), fileName: "v.csv", skippingLeadingCommentLines: true)
        #expect(table.header == ["n", "v"])
        #expect(table.headerLine == 3)
        #expect(table.records.map(\.fields) == [["#1", "2"]])
    }

    @Test("an unclosed quote names the file and the line it opened on")
    func unclosedQuote() {
        let text = "a,b\n1,2\n3,\"open\n4,5\n"
        #expect(throws: CSVError(fileName: "bad.csv", line: 3, message: "a quoted field is never closed (expected a closing \")")) {
            try CSVReader.table(from: Data(text.utf8), fileName: "bad.csv")
        }
    }

    @Test("the writer quotes only what needs quoting and round-trips")
    func writer() throws {
        let fields = ["plain", "with,comma", "with \"quote\"", "two\nlines", ""]
        let line = CSVWriter.line(fields)
        #expect(line == "plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",\n")
        let back = try CSVReader.table(from: Data(("h1,h2,h3,h4,h5\n" + line).utf8), fileName: "w.csv")
        #expect(back.records.first?.fields == fields)
    }

    @Test("text that a spreadsheet would run as a formula is made inert with a leading apostrophe; numbers and a lone symbol are not (OWASP CSV injection)")
    func inertText() {
        for formula in ["=HYPERLINK(\"http://evil.example/\",\"Open\")", "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1", "\r=1", "=1+1"] {
            #expect(CSVWriter.inert(formula) == "'" + formula, "\(formula)")
        }
        for kept in ["-1.5", "+3", "-", "=", "Children's centres", "", "2024/25 Q1", "c"] {
            #expect(CSVWriter.inert(kept) == kept, "\(kept)")
        }
    }

    @Test("UTF-8 text of every length is read; a file saved as Windows-1252 is refused at the line of its first such byte, with the character it meant")
    func encodings() throws {
        // ’ (3 bytes), é (2), 🙂 (4), and a byte-order mark.
        let text = "\u{FEFF}name,note\nChildren’s centres,café 🙂\n"
        let table = try CSVReader.table(from: Data(text.utf8), fileName: "u.csv")
        #expect(table.header == ["name", "note"])
        #expect(table.records.first?.fields == ["Children’s centres", "café 🙂"])
        // Excel's "CSV (Comma delimited)": ’ is 0x92. The quoted field's line break counts, so the byte is on line 4.
        var bytes = Array("code,title\nA,\"two\nlines\"\nB,Children".utf8)
        bytes += [0x92]
        bytes += Array("s centres\n".utf8)
        #expect(throws: CSVError(
            fileName: "excel.csv", line: 4,
            message: "the file is not UTF-8 text: byte 0x92 (’ in Windows-1252, which Excel's \"CSV (Comma delimited)\" writes) is not a UTF-8 character (expected UTF-8: in Excel, save as \"CSV UTF-8 (Comma delimited)\")"
        )) { try CSVReader.table(from: Data(bytes), fileName: "excel.csv") }
    }

    @Test("UTF-16 text, with or without its byte-order mark, and fields separated by semicolons or tabs are refused as such, not read as one odd column")
    func otherSavedForms() throws {
        let text = "code,title\nA,Children\n"
        let utf16 = "the file is UTF-16 text, or not text at all (expected UTF-8: in Excel, save as \"CSV UTF-8 (Comma delimited)\")"
        for (data, name) in [(text.data(using: .utf16)!, "with mark"), (text.data(using: .utf16LittleEndian)!, "little-endian"), (text.data(using: .utf16BigEndian)!, "big-endian")] {
            #expect(throws: CSVError(fileName: "u.csv", line: 1, message: utf16), "\(name)") { try CSVReader.table(from: data, fileName: "u.csv") }
        }
        for (separator, name) in [(";", "semicolon"), ("\t", "tab")] {
            let separated = text.replacingOccurrences(of: ",", with: separator)
            #expect(throws: CSVError(
                fileName: "s.csv", line: 1,
                message: "the fields are separated by \(name)s, not commas (expected comma-separated values: in Excel, save as \"CSV UTF-8 (Comma delimited)\")"
            )) { try CSVReader.table(from: Data(separated.utf8), fileName: "s.csv") }
        }
        // Saved where a comma is the decimal point: the figures' commas split the lines, not the header.
        #expect(throws: CSVError(
            fileName: "d.csv", line: 1,
            message: "the fields are separated by semicolons, not commas (expected comma-separated values: in Excel, save as \"CSV UTF-8 (Comma delimited)\")"
        )) { try CSVReader.table(from: Data("code;period;value\nA;2025;12,5\n".utf8), fileName: "d.csv") }
        // One column whose header holds a semicolon, over values that do not, is a column.
        #expect(try CSVReader.table(from: Data("note; for people\nfirst\n".utf8), fileName: "n.csv").records.count == 1)
        #expect(try CSVReader.table(from: Data("a;b,c\n1,2\n".utf8), fileName: "n.csv").header == ["a;b", "c"])
    }

    @Test("malformed UTF-8 is found at its first byte: a stray continuation, an overlong form, a surrogate, beyond U+10FFFF, a sequence cut short")
    func malformedUTF8() {
        let prefix = Array("ok é,".utf8)  // 6 bytes, é being two
        for (bad, name) in [([0x80], "continuation"), ([0xC0, 0xAF], "overlong"), ([0xE0, 0x80, 0xAF], "overlong 3"), ([0xED, 0xA0, 0x80], "surrogate"),
                            ([0xF4, 0x90, 0x80, 0x80], "beyond U+10FFFF"), ([0xF5], "F5"), ([0xE2, 0x80], "cut short"), ([0xE2, 0x41, 0x80], "not continued")] as [([UInt8], String)] {
            #expect(TextEncoding.firstByteNotUTF8(prefix + bad) == prefix.count, "\(name)")
        }
        #expect(TextEncoding.firstByteNotUTF8(Array("plain ascii".utf8)) == nil)
        // The first non-ASCII byte at every place within and beyond an eight-byte word.
        for offset in 0..<20 {
            var bytes = [UInt8](repeating: 0x41, count: 20)
            bytes[offset] = 0xC3
            if offset < 19 { bytes[offset + 1] = 0xA9 }
            #expect(TextEncoding.firstNonASCII(bytes) == offset)
            #expect(TextEncoding.firstByteNotUTF8(bytes) == (offset < 19 ? nil : 19), "é is 0xC3 0xA9; cut short at the end it is not UTF-8")
        }
        #expect(TextEncoding.firstByteNotUTF8(Array("U+10FFFF \u{10FFFF}, U+FFFD \u{FFFD}".utf8)) == nil)
        #expect(TextEncoding.windows1252(0x80) == "€")
        #expect(TextEncoding.windows1252(0xE9) == "é")
        #expect(TextEncoding.windows1252(0x81) == nil)
    }
}
