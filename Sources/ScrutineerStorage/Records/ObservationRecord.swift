import ScrutineerCore

/// How an `Observation` is written to the observation_values table (its series, period and
/// source by key: see `ImportWriter`) and read back from the observations view and the
/// observation_history table: the period as its label, kind and ISO start and end, so it reads
/// back exactly.
enum ObservationRecord {
    typealias Columns = Schema.Observations

    /// Appends the observation's cells in `Schema.ObservationValues.columns` order.
    static func appendValueCells(of observation: Observation, series: Int, period: Int, source: Int, to cells: inout [SQLCell]) {
        cells.append(.integer(series))
        cells.append(.integer(period))
        cells.append(.integer(source))
        cells.append(SQLCell(observation.value))
        cells.append(SQLCell(observation.statusSymbol?.rawValue))
        cells.append(SQLCell(observation.numerator))
        cells.append(SQLCell(observation.denominator))
        cells.append(SQLCell(observation.lower95))
        cells.append(SQLCell(observation.upper95))
        cells.append(SQLCell(observation.lower99_8))
        cells.append(SQLCell(observation.upper99_8))
        cells.append(SQLCell(observation.comparedToEnglandAsPublished))
    }

    /// Reads a period's label, kind, start and end (`Schema.Periods.columns`, or the period
    /// columns of the observations view and history).
    static func decodePeriod(_ row: inout CellReader) throws -> Period {
        let label = try row.text()
        let kind = try row.parsed { Period.Kind(rawValue: $0) }
        let start = try row.parsed { CalendarDate(iso: $0) }
        let end = try row.parsed { CalendarDate(iso: $0) }
        return Period(label: label, kind: kind, start: start, end: end)
    }

    /// A period's cells in `Schema.Periods.columns` order.
    static func periodCells(_ period: Period) -> [SQLCell] {
        [.text(period.label), .text(period.kind.rawValue), .text(period.start.iso), .text(period.end.iso)]
    }

    /// The observation's key, without building the text of an empty breakdown.
    static func key(_ observation: Observation) -> ObservationKey {
        ObservationKey(
            measureCode: observation.measureCode, areaCode: observation.areaCode, periodLabel: observation.period.label,
            breakdownKey: breakdownKey(observation.breakdown)
        )
    }

    /// The stored form of a breakdown: "" for the whole population.
    static func breakdownKey(_ breakdown: Breakdown) -> String {
        breakdown.isTotal ? "" : breakdown.key
    }

    /// True when every numeric field is finite or absent (checked for every row without building
    /// names; `nonFiniteField` names the field when not).
    static func isFinite(_ observation: Observation) -> Bool {
        func ok(_ number: Double?) -> Bool { number?.isFinite ?? true }
        return ok(observation.value) && ok(observation.numerator) && ok(observation.denominator) && ok(observation.lower95)
            && ok(observation.upper95) && ok(observation.lower99_8) && ok(observation.upper99_8)
    }

    /// The name of the first numeric field that is infinite or not a number, if any.
    static func nonFiniteField(of observation: Observation) -> String? {
        let numbers: [(String, Double?)] = [
            (Columns.value, observation.value), (Columns.numerator, observation.numerator),
            (Columns.denominator, observation.denominator), (Columns.lower95, observation.lower95),
            (Columns.upper95, observation.upper95), (Columns.lower99_8, observation.lower99_8),
            (Columns.upper99_8, observation.upper99_8),
        ]
        return numbers.first { $0.1.map { !$0.isFinite } ?? false }?.0
    }

    /// Reads the observation's fields (`Schema.Observations.fieldColumns`, in order).
    static func decode(_ row: inout CellReader) throws -> Observation {
        let measureCode = try row.text()
        let areaCode = try row.text()
        let period = try decodePeriod(&row)
        return Observation(
            measureCode: measureCode,
            areaCode: areaCode,
            period: period,
            breakdown: try row.parsed { Breakdown(key: $0) },
            value: try row.optionalDouble(),
            numerator: try row.optionalDouble(),
            denominator: try row.optionalDouble(),
            lower95: try row.optionalDouble(),
            upper95: try row.optionalDouble(),
            lower99_8: try row.optionalDouble(),
            upper99_8: try row.optionalDouble(),
            statusSymbol: try row.optionalParsed { StatusSymbol(rawValue: $0) },
            comparedToEnglandAsPublished: try row.optionalText(),
            source: try row.text(),
            published: try row.optionalParsed { CalendarDate(iso: $0) },
            nextUpdateDue: try row.optionalParsed { CalendarDate(iso: $0) }
        )
    }
}
