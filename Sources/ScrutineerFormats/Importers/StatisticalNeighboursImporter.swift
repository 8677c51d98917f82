import ScrutineerCore

/// Reads DfE children's-services statistical-neighbour lists (PRODUCT.md R5) in either layout,
/// told apart by the header:
/// - long: `old_la_code,new_la_code,la_name,rank,neighbour_old_la_code,neighbour_new_la_code,closeness`,
///   one row per LA and rank, areas by ONS code;
/// - DfE's wide layout (`New_Statistical_Neighbour_Groupings_April_2021.csv`):
///   `LA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,…,SN10,SNP,` (byte-order mark, the closeness
///   header `SNP` repeated, a trailing comma), areas by DfE number, mapped to ONS codes through the
///   known areas' DfE numbers, preferring the current code of a recoded LA (Sheffield 373 is
///   E08000039).
///
/// The edition ("2021", "2025") is the `edition` argument, or else the one 4-digit year in the
/// file name. Rows that name no LA and no neighbour are skipped: DfE's sheet separates its
/// current lists from the lists of councils since reorganised with blank rows and an
/// "Old SNs:" heading, which the long files carry as rows of `nan` and blanks. The lists after
/// that heading (Dorset, Poole, Bournemouth, Northamptonshire before reorganisation) are kept,
/// for their own former areas. The same LA's list for one edition may come twice (the 2021 wide
/// and long files) only if it is the same list.
public enum StatisticalNeighboursImporter {
    static let longColumns = ["old_la_code", "new_la_code", "la_name", "rank", "neighbour_old_la_code", "neighbour_new_la_code", "closeness"]

    /// Reads every file into one batch of neighbour lists, or every rejected cell.
    public static func parse(_ files: [PublishedFile], edition: String?, context: ImportContext) throws(BatchInputErrors) -> ImportBatch {
        var errors: [BatchInputError] = []
        var lists: [StatisticalNeighbours] = []
        var listedAt: [String: (file: String, row: Int, index: Int)] = [:]
        var rowsRead = 0, blankRows = 0, repeatedLists = 0
        let known = KnownAreas(context: context)
        for file in files {
            var table: ImportTable
            do { table = try ImportTable(file, keepingBlankRows: true, repeatedColumns: true) } catch { errors += error.errors; continue }
            rowsRead += table.records.count
            guard let edition = fileEdition(edition, table: &table) else { errors += table.errors; continue }
            var read: [ReadList] = []
            if table.hasColumns(longColumns) {
                read = readLong(&table, edition: edition, known: known, blankRows: &blankRows)
            } else if table.column("LA num") != nil, table.column("SN1") != nil {
                read = readWide(&table, edition: edition, known: known, blankRows: &blankRows)
            } else {
                table.reject(table.table.headerLine, "*", "the header is neither statistical-neighbour layout (expected \(longColumns.joined(separator: ",")), or DfE's LA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,…,SN10,SNP)")
            }
            errors += table.errors
            for list in read {
                let key = "\(list.list.edition)|\(list.list.areaCode)"
                if let earlier = listedAt[key] {
                    if lists[earlier.index] == list.list {
                        repeatedLists += 1
                        continue
                    }
                    let place = earlier.file == file.name ? "row \(earlier.row)" : "\(earlier.file):\(earlier.row)"
                    errors.append(BatchInputError(
                        file: file.name, row: list.row, column: list.column,
                        message: "\(list.list.areaCode) already has a different \(list.list.edition) list on \(place) (expected one list per LA and edition, or the same list again)"
                    ))
                    continue
                }
                listedAt[key] = (file.name, list.row, lists.count)
                lists.append(list.list)
            }
        }
        if !errors.isEmpty { throw BatchInputErrors(errors) }
        let skipped = [
            ImportSkip(
                count: blankRows, one: "row that names no LA and no neighbour", many: "rows that name no LA and no neighbour",
                reason: "blank rows and headings such as DfE's \"Old SNs:\""
            ),
            ImportSkip(
                count: repeatedLists, one: "repeated list", many: "repeated lists",
                reason: "the same LA, edition and neighbours as a list read earlier, stored once"
            ),
        ]
        return ImportBatch(kind: .neighbours, files: files.map(\.name), rowsRead: rowsRead, neighbourLists: lists, skipped: skipped)
    }

    /// The edition named by the option, or else by the one 4-digit year in the file's name.
    static func editionFromFileName(_ name: String) -> String? {
        var years: Set<String> = []
        var run = ""
        for character in name + " " {
            if character.isASCII, character.isNumber {
                run.append(character)
            } else {
                if run.count == 4, run.hasPrefix("19") || run.hasPrefix("20") { years.insert(run) }
                run = ""
            }
        }
        return years.count == 1 ? years.first : nil
    }

    private static func fileEdition(_ option: String?, table: inout ImportTable) -> String? {
        if let option {
            let edition = ImportText.trimmed(option)
            // Editions are the years DfE published them, by which the newest is chosen.
            guard edition.count == 4, edition.allSatisfy(\.isASCII), Int(edition) != nil else {
                table.reject(table.table.headerLine, "*", "edition \(ImportText.quoted(edition)) is not a year (expected --edition with the 4-digit year of the lists, such as 2021 or 2025)")
                return nil
            }
            return edition
        }
        if let edition = editionFromFileName(table.file) { return edition }
        table.reject(table.table.headerLine, "*", "no edition for these statistical neighbours (expected --edition such as 2021 or 2025, or one 4-digit year in the file name)")
        return nil
    }

    /// A list read from a file, with the row and column that introduced its LA.
    struct ReadList {
        var list: StatisticalNeighbours
        var row: Int
        var column: String
    }

    private static func isBlankOrNaN(_ text: String) -> Bool { text.isEmpty || text == "nan" }

    private static func readLong(_ table: inout ImportTable, edition: String, known: KnownAreas, blankRows: inout Int) -> [ReadList] {
        guard let c = table.requireColumns(longColumns) else { return [] }
        var order: [String] = []
        var found: [String: (row: Int, neighbours: [StatisticalNeighbour], ranks: [Int: Int])] = [:]
        for record in table.records where table.hasFullWidth(record) {
            let line = record.line
            let dfeCode = table.text(record, c[0]), code = table.text(record, c[1])
            let neighbourDfECode = table.text(record, c[4]), neighbourCode = table.text(record, c[5])
            if isBlankOrNaN(dfeCode), code.isEmpty, isBlankOrNaN(neighbourDfECode), neighbourCode.isEmpty {
                blankRows += 1
                continue
            }
            var valid = true
            if code.isEmpty {
                table.reject(line, "new_la_code", "blank (expected the LA's ONS code, or a row with no LA and no neighbour)")
                valid = false
            } else if let area = known[code] {
                if let areaDfECode = area.dfeCode, !isBlankOrNaN(dfeCode), areaDfECode != dfeCode {
                    table.reject(line, "old_la_code", "\(ImportText.quoted(dfeCode)) is not the DfE number of \(code) (expected \(areaDfECode))")
                    valid = false
                }
            } else {
                table.reject(line, "new_la_code", ImportText.unknownArea(code))
                valid = false
            }
            let rankText = table.text(record, c[3])
            let rank = Int(rankText)
            if rank == nil || rank! < 1 {
                table.reject(line, "rank", "\(ImportText.quoted(rankText)) is not a rank (expected a whole number from 1)")
                valid = false
            }
            if neighbourCode.isEmpty {
                table.reject(line, "neighbour_new_la_code", "blank (expected the neighbour's ONS code)")
                valid = false
            } else if let area = known[neighbourCode] {
                if let areaDfECode = area.dfeCode, !isBlankOrNaN(neighbourDfECode), areaDfECode != neighbourDfECode {
                    table.reject(line, "neighbour_old_la_code", "\(ImportText.quoted(neighbourDfECode)) is not the DfE number of \(neighbourCode) (expected \(areaDfECode))")
                    valid = false
                }
            } else {
                table.reject(line, "neighbour_new_la_code", ImportText.unknownArea(neighbourCode))
                valid = false
            }
            guard valid, let rank else { continue }
            let closeness = table.text(record, c[6])
            if found[code] == nil {
                order.append(code)
                found[code] = (line, [], [:])
            }
            if let earlier = found[code]!.ranks[rank] {
                table.reject(line, "rank", "\(code) already has rank \(rank) on row \(earlier) (expected each rank once per LA)")
                continue
            }
            if let problem = neighbourProblem(neighbourCode, of: code, among: found[code]!.neighbours) {
                table.reject(line, "neighbour_new_la_code", problem)
                continue
            }
            found[code]!.ranks[rank] = line
            found[code]!.neighbours.append(StatisticalNeighbour(rank: rank, areaCode: neighbourCode, closeness: isBlankOrNaN(closeness) ? nil : closeness))
        }
        return order.compactMap { code in
            let entry = found[code]!
            let neighbours = entry.neighbours.sorted { $0.rank < $1.rank }
            guard checkRanks(neighbours, of: code, row: entry.row, column: "rank", &table) else { return nil }
            return ReadList(list: StatisticalNeighbours(edition: edition, areaCode: code, neighbours: neighbours), row: entry.row, column: "new_la_code")
        }
    }

    private static func readWide(_ table: inout ImportTable, edition: String, known: KnownAreas, blankRows: inout Int) -> [ReadList] {
        guard let laColumn = table.column("LA num") else { return [] }
        let repeatColumn = table.column("LA number")
        var neighbourColumns: [Int] = []
        while let index = table.column("SN\(neighbourColumns.count + 1)") { neighbourColumns.append(index) }
        let closenessColumns = neighbourColumns.map { $0 + 1 < table.header.count && table.header[$0 + 1] == "SNP" ? $0 + 1 : nil }
        var lists: [ReadList] = []
        for record in table.records where table.hasFullWidth(record) {
            let line = record.line
            let dfeCode = table.text(record, laColumn)
            if dfeCode.isEmpty, neighbourColumns.allSatisfy({ table.text(record, $0).isEmpty }) {
                blankRows += 1
                continue
            }
            var valid = true
            var code = ""
            if let area = known.currentArea(dfeCode: dfeCode) {
                code = area.code
            } else {
                table.reject(line, "LA num", unknownDfENumber(dfeCode, known: known))
                valid = false
            }
            if let repeatColumn {
                let repeated = table.text(record, repeatColumn)
                if !repeated.isEmpty, repeated != dfeCode {
                    table.reject(line, "LA number", "\(ImportText.quoted(repeated)) differs from LA num \(dfeCode) (expected the same DfE number, or blank)")
                    valid = false
                }
            }
            var neighbours: [StatisticalNeighbour] = []
            for (rank, column) in neighbourColumns.enumerated() {
                let neighbourDfECode = table.text(record, column)
                let name = "SN\(rank + 1)"
                guard let area = known.currentArea(dfeCode: neighbourDfECode) else {
                    table.reject(line, name, neighbourDfECode.isEmpty ? "blank (expected the neighbour's DfE number)" : unknownDfENumber(neighbourDfECode, known: known))
                    valid = false
                    continue
                }
                if !code.isEmpty, let problem = neighbourProblem(area.code, of: code, among: neighbours) {
                    table.reject(line, name, problem)
                    valid = false
                    continue
                }
                let closeness = closenessColumns[rank].map { table.text(record, $0) } ?? ""
                neighbours.append(StatisticalNeighbour(rank: rank + 1, areaCode: area.code, closeness: closeness.isEmpty ? nil : closeness))
            }
            guard valid else { continue }
            lists.append(ReadList(list: StatisticalNeighbours(edition: edition, areaCode: code, neighbours: neighbours), row: line, column: "LA num"))
        }
        return lists
    }

    /// Why `neighbour` cannot be among `code`'s neighbours, `listed` so far: it is the LA itself,
    /// or listed already.
    private static func neighbourProblem(_ neighbour: String, of code: String, among listed: [StatisticalNeighbour]) -> String? {
        if neighbour == code { return "\(code) is listed as its own neighbour (expected another LA)" }
        if let earlier = listed.first(where: { $0.areaCode == neighbour }) {
            return "\(neighbour) is already \(code)'s neighbour of rank \(earlier.rank) (expected each neighbour once per LA)"
        }
        return nil
    }

    private static func unknownDfENumber(_ text: String, known: KnownAreas) -> String {
        guard ImportText.isDfENumber(text) else {
            return "\(ImportText.quoted(text)) is not a DfE LA number (expected 3 digits such as 937)"
        }
        if known.hasDfECode(text) {
            return "DfE number \(text) belongs to several areas equally current (expected one current area per DfE number; check the areas import)"
        }
        return "no known area has DfE number \(text) (expected the number of an LA from the areas import: run scrutineer import areas first)"
    }

    /// Ranks must run 1, 2, 3… with no gap.
    private static func checkRanks(_ neighbours: [StatisticalNeighbour], of code: String, row: Int, column: String, _ table: inout ImportTable) -> Bool {
        for (index, neighbour) in neighbours.enumerated() where neighbour.rank != index + 1 {
            table.reject(row, column, "\(code) has no neighbour of rank \(index + 1) (expected ranks 1 to \(neighbours.count) without a gap)")
            return false
        }
        return true
    }
}
