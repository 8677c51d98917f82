import ScrutineerCore

/// Reads the comparator groups a council defines (PRODUCT.md R5: "groups a council defines",
/// beside England, the region and the DfE statistical neighbours) from CSV, one row per member:
/// `group_code,group_name,area_code`, with `area_name` and columns starting `note` or `comment`
/// for people and not read.
///
/// - `--council CODE` makes every group in the files that council's own (only it sees them);
///   without it the groups are every council's.
/// - A member is an LA, by ONS code or DfE number (`937`), imported with `scrutineer import areas`.
/// - Every row of a group gives the same name; a member listed twice is stored once and counted
///   as skipped. Each group replaces the stored group of its code, members and all.
public enum ComparatorGroupsImporter {
    static let requiredColumns = ["group_code", "group_name", "area_code"]

    public static func parse(_ files: [PublishedFile], council: String?, context: ImportContext) throws(BatchInputErrors) -> ImportBatch {
        var errors: [BatchInputError] = []
        var rowsRead = 0, blankRows = 0
        var order: [String] = []
        var groups: [String: (name: String, members: [String], firstRow: CellReference)] = [:]
        var repeated = 0
        let areas = KnownAreas(context: context)
        if let council, let current = Area.current(ofFormer: council, in: Array(context.areas.values)) {
            errors.append(BatchInputError(file: files.first?.name ?? "-", row: 1, column: "*", message: "--council \(Area.formerCodeProblem(council, current: current))"))
        } else if let council, context.areas[council]?.type != .localAuthority {
            errors.append(BatchInputError(
                file: files.first?.name ?? "-", row: 1, column: "*",
                message: "--council \(council) is \(ImportText.whatArea(council, areas: context.areas)) (expected the ONS code of the local authority whose own groups these are, e.g. E10000031)"
            ))
        }
        for file in files {
            var table: ImportTable
            do { table = try ImportTable(file) } catch { errors += error.errors; continue }
            rowsRead += table.rowsRead
            blankRows += table.blankRows
            guard let c = table.requireColumns(requiredColumns) else { errors += table.errors; continue }
            for name in table.header where !requiredColumns.contains(name) && !isForPeople(name) {
                table.reject(table.table.headerLine, name, "unknown column (expected group_code, group_name, area_code, and area_name or note columns for people)")
            }
            for record in table.records where table.hasFullWidth(record) {
                let code = table.text(record, c[0]), name = table.text(record, c[1]), written = table.text(record, c[2])
                var valid = true
                func reject(_ column: String, _ message: String) {
                    table.reject(record.line, column, message)
                    valid = false
                }
                if code.isEmpty { reject("group_code", "blank (expected the group's code, such as SHIRES)") }
                if name.isEmpty { reject("group_name", "blank (expected the group's name, such as Shire counties)") }
                // A council's former code is its current one, as its figures are (Barnsley's E08000016).
                let area = (areas[written.uppercased()] ?? areas.currentArea(dfeCode: written)).map(areas.recoded)
                if let area {
                    if area.type != .localAuthority {
                        reject("area_code", "\(written) \(area.name) is \(ImportText.describe(area.type)) (expected a local authority: a group's members are councils)")
                    }
                } else {
                    reject("area_code", written.isEmpty
                        ? "blank (expected the ONS code of a member council, such as E10000031, or its DfE number, such as 937)"
                        : "unknown area code \(ImportText.quoted(written)) (expected the ONS code of an LA imported with scrutineer import areas, such as E10000031, or its DfE number, such as 937)")
                }
                guard valid, let area else { continue }
                if let group = groups[code] {
                    if group.name != name {
                        reject("group_name", "\(ImportText.quoted(name)) differs from \(ImportText.quoted(group.name)), the name \(group.firstRow.file) row \(group.firstRow.row) gives group \(code) (expected one name per group)")
                    } else if group.members.contains(area.code) {
                        repeated += 1
                    } else {
                        groups[code]!.members.append(area.code)
                    }
                } else {
                    groups[code] = (name, [area.code], CellReference(file: table.file, row: record.line, column: "group_code"))
                    order.append(code)
                }
            }
            errors += table.errors
        }
        if !errors.isEmpty { throw BatchInputErrors(errors) }
        return ImportBatch(
            kind: .groups, files: files.map(\.name), rowsRead: rowsRead,
            comparatorGroups: order.map { ComparatorGroup(code: $0, name: groups[$0]!.name, ownerAreaCode: council, memberCodes: groups[$0]!.members) },
            groupsDefinedAt: Dictionary(uniqueKeysWithValues: order.map { ($0, groups[$0]!.firstRow) }),
            skipped: [
                ImportSkip(count: repeated, one: "repeated member row", many: "repeated member rows", reason: "the council is already a member of the group, and is stored once"),
                ImportTable.blankRowsSkip(blankRows),
            ]
        )
    }

    /// Columns for people reading the file, not imported: `area_name`, and any starting `note` or `comment`.
    static func isForPeople(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered == "area_name" || lowered.hasPrefix("note") || lowered.hasPrefix("comment")
    }
}
