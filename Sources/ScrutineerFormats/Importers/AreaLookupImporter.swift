import ScrutineerCore

/// Reads the DfE local-authority lookup (`la_lookup_from_ees.csv`:
/// `old_la_code,new_la_code,la_name,region_code,region_name,first_year,last_year,la_type`) into
/// local-authority areas (PRODUCT.md R5).
///
/// - `old_la_code` is the DfE number, `new_la_code` the ONS code that identifies the area.
/// - An LA listed under two ONS codes with the same DfE number (Barnsley 370: E08000016 and, from
///   2025, E08000038; Sheffield; Buckinghamshire, North Yorkshire and Somerset county councils and
///   their unitary successors) is two areas: the older code's `successorCode` is the newer one
///   (newer = later `first_year`, then later `last_year`).
/// - Councils that were split or merged (Northamptonshire, Cumbria, Dorset, Bournemouth, Poole)
///   stay as areas with no `successorCode`, as their figures are their own; which councils took
///   over their areas, and from what day, is a file of successions
///   (`predecessor_code,successor_code,from`: `E10000006,E06000063,2023-04-01`, codes ONS or DfE)
///   given with the lookup or after it, each pair replacing the stored one (`AreaSuccession`).
/// - A combined row (`940 / 941`, North and West Northamptonshire; `314 / 318`, Kingston upon Thames
///   and Richmond upon Thames, whose children's services are run jointly) is skipped: each LA has
///   its own row, which the importer checks, and a joint row is not an area.
/// - London boroughs keep the region the lookup gives them: Inner or Outer London (E13000001,
///   E13000002), as LAIT does; those sub-regions' own region is London.
public enum AreaLookupImporter {
    static let columns = ["old_la_code", "new_la_code", "la_name", "region_code", "region_name", "first_year", "last_year", "la_type"]
    static let laTypes = ["County council", "London borough", "Metropolitan district", "Unitary authority"]
    static let successionColumns = ["predecessor_code", "successor_code", "from"]

    /// Reads every file (all in the lookup layout) into one batch of areas, or every rejected cell.
    public static func parse(_ files: [PublishedFile], context: ImportContext) throws(BatchInputErrors) -> ImportBatch {
        var errors: [BatchInputError] = []
        var rows: [LookupRow] = []
        var combined: [CombinedRow] = []
        var listed: Set<String> = []
        var rowsRead = 0, blankRows = 0
        let known = KnownAreas(context: context)
        var successionTables: [ImportTable] = []
        for file in files {
            var table: ImportTable
            do { table = try ImportTable(file) } catch { errors += error.errors; continue }
            rowsRead += table.rowsRead
            blankRows += table.blankRows
            // A file of successions names councils, so it is read once the lookup's are known.
            if table.hasColumns(successionColumns) && !table.hasColumns(columns) {
                successionTables.append(table)
                continue
            }
            readRows(&table, known: known, into: &rows, combined: &combined, listed: &listed)
            errors += table.errors
        }
        let areas = areas(from: rows, errors: &errors)
        checkCombined(combined, against: listed, errors: &errors)
        let councils = KnownAreas(context: context, adding: areas)
        var successions: [AreaSuccession] = []
        var pairs: [String: (file: String, line: Int)] = [:]
        for var table in successionTables {
            readSuccessions(&table, known: councils, into: &successions, pairs: &pairs)
            errors += table.errors
        }
        if !errors.isEmpty { throw BatchInputErrors(errors) }
        let skipped = ImportSkip(
            count: combined.count, one: "row that combines several LAs", many: "rows that combine several LAs",
            reason: "each of those LAs has its own row, which is imported"
        )
        var batch = ImportBatch(kind: .areas, files: files.map(\.name), rowsRead: rowsRead, areas: areas, skipped: [skipped, ImportTable.blankRowsSkip(blankRows)])
        batch.successions = successions
        return batch
    }

    /// Reads a file of successions: each row a council (ONS code or DfE number) succeeded by
    /// another on a day, both local authorities the database or the lookup holds, not the same
    /// council recoded (that is the lookup's), each pair once.
    private static func readSuccessions(
        _ table: inout ImportTable, known: KnownAreas, into successions: inout [AreaSuccession], pairs: inout [String: (file: String, line: Int)]
    ) {
        guard let c = table.requireColumns(successionColumns) else { return }
        for record in table.records where table.hasFullWidth(record) {
            let line = record.line
            func council(_ index: Int, _ column: String) -> Area? {
                let text = table.text(record, c[index])
                let area = ImportText.isDfENumber(text) ? known.currentArea(dfeCode: text) : known[text]
                guard let area, area.type == .localAuthority else {
                    table.reject(line, column, "\(ImportText.quoted(text)) is not a local authority the database or the lookup holds (expected an ONS code such as E10000006 or a DfE number such as 909)")
                    return nil
                }
                return area
            }
            let predecessor = council(0, "predecessor_code"), successor = council(1, "successor_code")
            let fromText = table.text(record, c[2])
            let from = CalendarDate(iso: fromText)
            if from == nil {
                table.reject(line, "from", "\(ImportText.quoted(fromText)) is not a date (expected the first day the successor served, as YYYY-MM-DD such as 2023-04-01)")
            }
            guard let predecessor, let successor, let from else { continue }
            let expected = "expected another council, one that took over all or part of \(predecessor.name)'s area"
            if predecessor.code == successor.code {
                table.reject(line, "successor_code", "\(successor.code) is the predecessor itself (\(expected))")
                continue
            }
            if predecessor.dfeCode != nil && predecessor.dfeCode == successor.dfeCode {
                table.reject(line, "successor_code", "\(successor.code) is \(predecessor.name) itself under a new code (DfE \(successor.dfeCode ?? "")), which the LA lookup records (\(expected))")
                continue
            }
            let key = predecessor.code + " " + successor.code
            if let earlier = pairs[key] {
                let place = earlier.file == table.file ? "row \(earlier.line)" : "\(earlier.file):\(earlier.line)"
                table.reject(line, "successor_code", "\(predecessor.code) succeeded by \(successor.code) is already on \(place) (expected each pair once)")
                continue
            }
            pairs[key] = (table.file, line)
            successions.append(AreaSuccession(predecessorCode: predecessor.code, successorCode: successor.code, from: from))
        }
    }

    /// One valid row of the lookup.
    struct LookupRow {
        var file: String
        var line: Int
        var area: Area
    }

    /// A row that combines several LAs (`940 / 941`).
    struct CombinedRow {
        var file: String
        var line: Int
        var text: String
        var dfeCodes: [String]
        var codes: [String]
    }

    private static func readRows(_ table: inout ImportTable, known: KnownAreas, into rows: inout [LookupRow], combined: inout [CombinedRow], listed: inout Set<String>) {
        guard let c = table.requireColumns(columns) else { return }
        for record in table.records where table.hasFullWidth(record) {
            let line = record.line
            let dfeCode = table.text(record, c[0])
            let code = table.text(record, c[1])
            if ImportText.has("/", dfeCode) || ImportText.has("/", code) {
                let dfeCodes = dfeCode.split(separator: "/").map { ImportText.trimmed(String($0)) }
                let codes = code.split(separator: "/").map { ImportText.trimmed(String($0)) }
                guard dfeCodes.count == codes.count, dfeCodes.allSatisfy(ImportText.isDfENumber), codes.allSatisfy(ImportText.isGSSCode) else {
                    table.reject(line, "old_la_code", "\(ImportText.quoted(dfeCode)) with \(ImportText.quoted(code)) is not a readable combined row (expected one LA per row, or a combined row such as 940 / 941 with E06000061 / E06000062)")
                    continue
                }
                combined.append(CombinedRow(file: table.file, line: line, text: dfeCode, dfeCodes: dfeCodes, codes: codes))
                continue
            }
            listed.insert("\(dfeCode)|\(code)")
            var valid = true
            if !ImportText.isDfENumber(dfeCode) {
                table.reject(line, "old_la_code", "\(ImportText.quoted(dfeCode)) is not a DfE LA number (expected 3 digits such as 937)")
                valid = false
            }
            if !ImportText.isGSSCode(code) {
                table.reject(line, "new_la_code", "\(ImportText.quoted(code)) is not an ONS code (expected a capital letter and 8 digits such as E10000031)")
                valid = false
            }
            let name = table.text(record, c[2])
            if name.isEmpty {
                table.reject(line, "la_name", "blank (expected the LA's name)")
                valid = false
            }
            let regionCode = table.text(record, c[3])
            let regionName = table.text(record, c[4])
            if let region = known[regionCode], region.type == .region || region.type == .subRegion {
                if region.name != regionName {
                    table.reject(line, "region_name", "\(ImportText.quoted(regionName)) is not the name of region \(regionCode) (expected \(region.name))")
                    valid = false
                }
            } else {
                table.reject(line, "region_code", "\(ImportText.quoted(regionCode)) is not a known region (expected an ONS region code such as E12000005, or E13000001 or E13000002 for Inner or Outer London)")
                valid = false
            }
            let firstYear = year(table.text(record, c[5]))
            let lastYear = year(table.text(record, c[6]))
            if firstYear == nil {
                table.reject(line, "first_year", "\(ImportText.quoted(table.text(record, c[5]))) is not a year (expected 4 digits such as 2013)")
                valid = false
            }
            if lastYear == nil {
                table.reject(line, "last_year", "\(ImportText.quoted(table.text(record, c[6]))) is not a year (expected 4 digits such as 2025)")
                valid = false
            }
            if let firstYear, let lastYear, lastYear < firstYear {
                table.reject(line, "last_year", "\(lastYear) is before first_year \(firstYear) (expected a year no earlier than first_year)")
                valid = false
            }
            let laType = table.text(record, c[7])
            if !laTypes.contains(laType) {
                table.reject(line, "la_type", "\(ImportText.quoted(laType)) is not an LA type (expected \(laTypes.joined(separator: ", ")))")
                valid = false
            }
            guard valid else { continue }
            rows.append(LookupRow(file: table.file, line: line, area: Area(
                code: code, dfeCode: dfeCode, name: name, type: .localAuthority, regionCode: regionCode,
                firstYear: firstYear, lastYear: lastYear
            )))
        }
    }

    private static func year(_ text: String) -> Int? {
        guard text.utf8.count == 4, let year = Int(text), year >= 1900 else { return nil }
        return year
    }

    /// The areas of `rows`, each ONS code once, with successors set where one DfE number has a
    /// newer ONS code.
    private static func areas(from rows: [LookupRow], errors: inout [BatchInputError]) -> [Area] {
        var seen: [String: LookupRow] = [:]
        var areas: [Area] = []
        for row in rows {
            if let earlier = seen[row.area.code] {
                let place = earlier.file == row.file ? "row \(earlier.line)" : "\(earlier.file):\(earlier.line)"
                errors.append(BatchInputError(
                    file: row.file, row: row.line, column: "new_la_code",
                    message: "\(row.area.code) is already on \(place) (expected each ONS code once)"
                ))
                continue
            }
            seen[row.area.code] = row
            areas.append(row.area)
        }
        let byDfECode = Dictionary(grouping: areas.indices, by: { areas[$0].dfeCode ?? "" })
        func recency(_ area: Area) -> (Int, Int) { (area.firstYear ?? 0, area.lastYear ?? 0) }
        for indices in byDfECode.values where indices.count > 1 {
            let newest = indices.max { recency(areas[$0]) < recency(areas[$1]) }!
            for index in indices where recency(areas[index]) < recency(areas[newest]) {
                areas[index].successorCode = areas[newest].code
            }
        }
        return areas
    }

    /// Each LA of a combined row must have its own row.
    private static func checkCombined(_ combined: [CombinedRow], against listed: Set<String>, errors: inout [BatchInputError]) {
        for row in combined {
            for (dfeCode, code) in zip(row.dfeCodes, row.codes) where !listed.contains("\(dfeCode)|\(code)") {
                errors.append(BatchInputError(
                    file: row.file, row: row.line, column: "old_la_code",
                    message: "\(ImportText.quoted(row.text)) combines LAs but \(dfeCode) (\(code)) has no row of its own (expected a row for each LA; combined rows are skipped)"
                ))
            }
        }
    }
}
