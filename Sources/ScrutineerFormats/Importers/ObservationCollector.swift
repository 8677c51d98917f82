import ScrutineerCore

/// Gathers the observations of one import and enforces one row per cell: rows with the same
/// measure, area, period and breakdown collapse when they are identical (the first row's file is
/// kept as the source), and are an error naming both rows when they differ.
///
/// Cells are keyed by small numbers rather than by their codes, so the check costs one cheap hash
/// per row: an importer that already knows the numbers (LAIT) passes a `CellKey`; the others let
/// the collector number the codes.
struct ObservationCollector {
    /// A cell by numbers the importer gives its measure, area, period label and breakdown.
    struct CellKey {
        var measure: Int32
        var area: Int32
        var period: Int32
        var breakdown: Int32
    }

    private(set) var observations: [Observation] = []
    /// How many observations repeated an earlier row's cell with identical figures (and were not kept).
    private(set) var repeats = 0
    /// The row each observation was read from.
    private(set) var rows: [RowReference] = []
    private var positions: CellPositions
    private var numbers: [[String: Int32]] = [[:], [:], [:], [:]]

    init(expectedCount: Int = 0) {
        observations.reserveCapacity(expectedCount)
        rows.reserveCapacity(expectedCount)
        positions = CellPositions(expectedCount: expectedCount)
    }

    /// Adds `observation`, read from `row` of `file`, numbering its codes here; a conflicting
    /// duplicate is recorded in `errors` against `column`.
    mutating func add(_ observation: consuming Observation, file: String, row: Int, column: String, errors: inout [BatchInputError]) {
        let key = CellKey(
            measure: number(observation.measureCode, .measure), area: number(observation.areaCode, .area),
            period: number(observation.period.label, .period), breakdown: observation.breakdown.isTotal ? -1 : number(observation.breakdown.key, .breakdown)
        )
        add(observation, key: key, file: file, row: row, column: column, errors: &errors)
    }

    /// Adds `observation` under `key`, which must number its measure, area, period label and
    /// breakdown one-to-one across the whole import (with `number(_:_:)`, or positions that never
    /// change); one collector uses either this or the numbering `add`, not both.
    mutating func add(_ observation: consuming Observation, key: CellKey, file: String, row: Int, column: String, errors: inout [BatchInputError]) {
        guard let earlier = positions.insert(key.measure, key.area, key.period, key.breakdown, position: observations.count) else {
            observations.append(observation)
            rows.append(RowReference(file: file, row: row))
            return
        }
        let cellKey = observation.key
        var same = observation
        same.source = observations[earlier].source
        guard observations[earlier] != same else {
            repeats += 1
            return
        }
        let place = rows[earlier]
        let other = place.file == file ? "row \(place.row)" : place.description
        var cell = "measure \(cellKey.measureCode), area \(cellKey.areaCode), period \(cellKey.periodLabel)"
        if !cellKey.breakdownKey.isEmpty { cell += ", breakdown \(cellKey.breakdownKey)" }
        errors.append(BatchInputError(
            file: file, row: row, column: column,
            message: "the same cell as \(other) (\(cell)) with different figures (expected one row per measure, area, period and breakdown, or identical rows)"
        ))
    }

    /// The repeated figures, for the import's summary.
    var skippedRepeats: ImportSkip {
        ImportSkip(
            count: repeats, one: "repeated figure", many: "repeated figures",
            reason: "the same measure, area, period and breakdown as an earlier row, with identical figures, stored once"
        )
    }

    /// The parts of a cell the collector can number.
    enum Part: Int {
        case measure, area, period, breakdown
    }

    /// The number of `code` among the codes of `part` seen so far (new codes get the next number).
    mutating func number(_ code: String, _ part: Part) -> Int32 {
        if let number = numbers[part.rawValue][code] { return number }
        let number = Int32(numbers[part.rawValue].count)
        numbers[part.rawValue][code] = number
        return number
    }
}
