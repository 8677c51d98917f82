import Foundation
import ScrutineerCore
import Testing
@testable import ScrutineerFormats

/// Rows with nothing in any cell — `,,,,` as Excel saves the rows under or between a table's data —
/// are skipped and counted by every CSV import, not refused cell by cell.
@Suite("Import: blank rows")
struct BlankRowTests {
    /// `file` with a row of commas (the header's width) after its second line and two at its end.
    static func withBlankRows(_ file: PublishedFile) -> PublishedFile {
        let text = String(decoding: file.data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].hasPrefix("\u{FEFF}") ? String(lines[0].dropFirst()) : lines[0]
        let commas = String(repeating: ",", count: (try? CSVReader.table(from: Data(header.utf8), fileName: "").header.count - 1) ?? 0)
        lines.insert(commas, at: 2)
        if lines.last == "" { lines.removeLast() }
        lines += [commas, " , ,", ""]
        return PublishedFile(name: file.name, data: Data(lines.joined(separator: "\n").utf8))
    }

    static let skipped = "3 blank rows skipped: nothing in any cell, as a spreadsheet saves the rows under or between its data."

    /// What `parse` made of the shipped files and of the same files with blank rows: the same
    /// records, and the blank rows counted.
    static func check(_ parse: ([PublishedFile]) throws(BatchInputErrors) -> ImportBatch, _ files: [PublishedFile]) throws {
        let plain = try parse(files)
        let blank = try parse([withBlankRows(files[0])] + files.dropFirst())
        #expect(blank.observations == plain.observations && blank.areas == plain.areas && blank.measures == plain.measures)
        #expect(blank.rowsRead == plain.rowsRead + 3)
        #expect(blank.skipped.map(\.description).contains(skipped), "\(blank.skipped.map(\.description))")
        #expect(!plain.skipped.contains { $0.one == "blank row" })
    }

    @Test("LAIT, EES, Fingertips and the area lookup skip and count blank rows")
    func skippedAndCounted() throws {
        let context = try ImportFixtures.context()
        try Self.check({ files throws(BatchInputErrors) in try LAITImporter.parse(files, context: context) }, [
            try ImportFixtures.file(ImportFixtures.laitData), try ImportFixtures.file(ImportFixtures.laitMeasures),
        ])
        try Self.check({ files throws(BatchInputErrors) in
            try EESImporter.parse(files, mappings: [EESMeasureMapping(measureCode: "ReReferral", indicator: "rereferral_percent")], context: context)
        }, [try ImportFixtures.file(ImportFixtures.eesReferrals)])
        try Self.check({ files throws(BatchInputErrors) in try FingertipsImporter.parse(files, context: context) }, [try ImportFixtures.file(ImportFixtures.fingertips)])
        try Self.check({ files throws(BatchInputErrors) in try AreaLookupImporter.parse(files, context: ImportContext()) }, [try ImportFixtures.file(ImportFixtures.lookup)])
    }

    @Test("a row with anything in a cell is still read, and refused where it is wrong")
    func notBlank() throws {
        let header = "old_la_code,new_la_code,la_name,region_code,region_name,first_year,last_year,la_type"
        let file = ImportFixtures.text("areas.csv", header + "\n,,,,,,,\n,,Nowhere,,,,,\n")
        let lines = ImportFixtures.errorLines { () throws(BatchInputErrors) in try AreaLookupImporter.parse([file], context: ImportContext()) }
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("areas.csv:3:") }, "\(lines)")
    }
}
