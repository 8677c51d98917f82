import ScrutineerCore

/// How an `Observation` is written to and read from the observations and observation_history
/// tables: the period as its label, kind and ISO start and end, so it reads back exactly.
enum ObservationRecord {
    typealias Columns = Schema.Observations

    /// Appends the observation's cells in `Schema.Observations.insertColumns` order.
    static func appendCells(of observation: Observation, importedBy auditId: Int, to cells: inout [SQLCell]) {
        let period = observation.period
        cells.append(.text(observation.measureCode))
        cells.append(.text(observation.areaCode))
        cells.append(.text(period.label))
        cells.append(.text(period.kind.rawValue))
        cells.append(.text(period.start.iso))
        cells.append(.text(period.end.iso))
        cells.append(.text(observation.breakdown.key))
        cells.append(SQLCell(observation.value))
        cells.append(SQLCell(observation.numerator))
        cells.append(SQLCell(observation.denominator))
        cells.append(SQLCell(observation.lower95))
        cells.append(SQLCell(observation.upper95))
        cells.append(SQLCell(observation.lower99_8))
        cells.append(SQLCell(observation.upper99_8))
        cells.append(SQLCell(observation.statusSymbol?.rawValue))
        cells.append(SQLCell(observation.comparedToEnglandAsPublished))
        cells.append(.text(observation.source))
        cells.append(SQLCell(observation.published?.iso))
        cells.append(SQLCell(observation.nextUpdateDue?.iso))
        cells.append(.integer(auditId))
    }

    /// The numeric fields, by column name, for checking they are finite before writing.
    static func numbers(of observation: Observation) -> [(column: String, value: Double?)] {
        [
            (Columns.value, observation.value), (Columns.numerator, observation.numerator),
            (Columns.denominator, observation.denominator), (Columns.lower95, observation.lower95),
            (Columns.upper95, observation.upper95), (Columns.lower99_8, observation.lower99_8),
            (Columns.upper99_8, observation.upper99_8),
        ]
    }

    /// Reads the observation's fields from a row of either table.
    static func decode(_ row: StoredRow) throws -> Observation {
        let label = try row.text(Columns.periodLabel)
        let period = Period(
            label: label,
            kind: try row.parsed(Columns.periodKind) { Period.Kind(rawValue: $0) },
            start: try row.date(Columns.periodStart),
            end: try row.date(Columns.periodEnd)
        )
        return Observation(
            measureCode: try row.text(Columns.measureCode),
            areaCode: try row.text(Columns.areaCode),
            period: period,
            breakdown: try row.parsed(Columns.breakdownKey) { Breakdown(key: $0) },
            value: try row.optionalDouble(Columns.value),
            numerator: try row.optionalDouble(Columns.numerator),
            denominator: try row.optionalDouble(Columns.denominator),
            lower95: try row.optionalDouble(Columns.lower95),
            upper95: try row.optionalDouble(Columns.upper95),
            lower99_8: try row.optionalDouble(Columns.lower99_8),
            upper99_8: try row.optionalDouble(Columns.upper99_8),
            statusSymbol: try row.optionalParsed(Columns.statusSymbol) { StatusSymbol(rawValue: $0) },
            comparedToEnglandAsPublished: try row.optionalText(Columns.comparedToEngland),
            source: try row.text(Columns.source),
            published: try row.optionalDate(Columns.published),
            nextUpdateDue: try row.optionalDate(Columns.nextUpdateDue)
        )
    }
}
