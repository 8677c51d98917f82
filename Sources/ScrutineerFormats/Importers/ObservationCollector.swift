import ScrutineerCore

/// Gathers the observations of one import and enforces one row per cell: rows with the same
/// measure, area, period and breakdown collapse when they are identical (the first row's file is
/// kept as the source), and are an error naming both rows when they differ.
struct ObservationCollector {
    private(set) var observations: [Observation] = []
    private var places: [(file: String, row: Int)] = []
    private var positions: [ObservationKey: Int] = [:]

    init(expectedCount: Int = 0) {
        observations.reserveCapacity(expectedCount)
        places.reserveCapacity(expectedCount)
        positions.reserveCapacity(expectedCount)
    }

    /// Adds `observation`, read from `row` of `file`; a conflicting duplicate is recorded in
    /// `errors` against `column`.
    mutating func add(_ observation: Observation, file: String, row: Int, column: String, errors: inout [BatchInputError]) {
        let key = observation.key
        if let earlier = positions[key] {
            var same = observation
            same.source = observations[earlier].source
            guard observations[earlier] != same else { return }
            let place = places[earlier]
            let other = place.file == file ? "row \(place.row)" : "\(place.file):\(place.row)"
            var cell = "measure \(key.measureCode), area \(key.areaCode), period \(key.periodLabel)"
            if !key.breakdownKey.isEmpty { cell += ", breakdown \(key.breakdownKey)" }
            errors.append(BatchInputError(
                file: file, row: row, column: column,
                message: "the same cell as \(other) (\(cell)) with different figures (expected one row per measure, area, period and breakdown, or identical rows)"
            ))
            return
        }
        positions[key] = observations.count
        observations.append(observation)
        places.append((file, row))
    }
}
