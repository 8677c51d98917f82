import ScrutineerCore

/// How an `Area` is written to and read from the areas table.
enum AreaRecord {
    typealias Columns = Schema.Areas

    /// The area's cells in `Schema.Areas.columns` order.
    static func cells(_ area: Area) -> [SQLCell] {
        [
            .text(area.code), SQLCell(area.dfeCode), .text(area.name), .text(area.type.rawValue),
            SQLCell(area.regionCode), SQLCell(area.successorCode), SQLCell(area.firstYear), SQLCell(area.lastYear),
        ]
    }

    /// Reads an areas row.
    static func decode(_ row: StoredRow) throws -> Area {
        Area(
            code: try row.text(Columns.code),
            dfeCode: try row.optionalText(Columns.dfeCode),
            name: try row.text(Columns.name),
            type: try row.parsed(Columns.type) { AreaType(rawValue: $0) },
            regionCode: try row.optionalText(Columns.regionCode),
            successorCode: try row.optionalText(Columns.successorCode),
            firstYear: try row.optionalInteger(Columns.firstYear),
            lastYear: try row.optionalInteger(Columns.lastYear)
        )
    }

    /// A succession's cells in `Schema.AreaSuccessions.columns` order.
    static func successionCells(_ succession: AreaSuccession) -> [SQLCell] {
        [.text(succession.predecessorCode), .text(succession.successorCode), .text(succession.from.iso)]
    }

    /// Reads an area_successions row.
    static func decodeSuccession(_ row: StoredRow) throws -> AreaSuccession {
        typealias S = Schema.AreaSuccessions
        return AreaSuccession(
            predecessorCode: try row.text(S.predecessorCode), successorCode: try row.text(S.successorCode),
            from: try row.parsed(S.from) { CalendarDate(iso: $0) }
        )
    }
}
