import ScrutineerCore

/// How a `Measure` is written to and read from the measures table (its committees live in
/// measure_committees).
enum MeasureRecord {
    typealias Columns = Schema.Measures

    /// The measure's cells in `Schema.Measures.columns` order.
    static func cells(_ measure: Measure) -> [SQLCell] {
        [
            .text(measure.code), .text(measure.title), SQLCell(measure.definition), SQLCell(measure.theme),
            SQLCell(measure.owner), .text(measure.unit.code), SQLCell(measure.decimalPlaces), .text(measure.polarity.rawValue),
            .text(measure.periodicity.rawValue), .text(measure.yearType.rawValue), SQLCell(measure.source),
            SQLCell(measure.publicationLagDays), .text(measure.benchmarkComparison.rawValue),
            .text(measure.directionOfTravel.rawValue), SQLCell(measure.planPriority), SQLCell(measure.councilAreaCode),
        ]
    }

    /// The committee rows of a measure in `Schema.MeasureCommittees.columns` order.
    static func committeeCells(_ measure: Measure) -> [SQLCell] {
        measure.committees.enumerated().flatMap { index, committee in
            [SQLCell.text(measure.code), .integer(index + 1), .text(committee)]
        }
    }

    /// Reads a measures row, given its committees in order.
    static func decode(_ row: StoredRow, committees: [String]) throws -> Measure {
        Measure(
            code: try row.text(Columns.code),
            title: try row.text(Columns.title),
            definition: try row.optionalText(Columns.definition),
            theme: try row.optionalText(Columns.theme),
            owner: try row.optionalText(Columns.owner),
            unit: try row.parsed(Columns.unit) { MeasureUnit(code: $0) },
            decimalPlaces: try row.optionalInteger(Columns.decimalPlaces),
            polarity: try row.parsed(Columns.polarity) { Polarity(rawValue: $0) },
            periodicity: try row.parsed(Columns.periodicity) { Periodicity(rawValue: $0) },
            yearType: try row.parsed(Columns.yearType) { YearType(rawValue: $0) },
            source: try row.optionalText(Columns.source),
            publicationLagDays: try row.optionalInteger(Columns.publicationLagDays),
            benchmarkComparison: try row.parsed(Columns.benchmarkComparison) { BenchmarkComparisonChoice(rawValue: $0) },
            directionOfTravel: try row.parsed(Columns.directionOfTravel) { DirectionOfTravelMethod(rawValue: $0) },
            planPriority: try row.optionalText(Columns.planPriority),
            committees: committees,
            councilAreaCode: try row.optionalText(Columns.councilAreaCode)
        )
    }
}
