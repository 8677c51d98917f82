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
}
