import ScrutineerCore

/// A batch that uses every field of every record: every enum case, nil beside 0, every status
/// symbol, breakdowns, every kind of period, dates, awkward doubles and text.
enum RoundTripBatch {
    static func make(_ data: RealData) throws -> ImportBatch {
        let units: [MeasureUnit] = [.percentage, .rate(per: 10_000), .rate(per: 100_000), .count, .days, .weeks, .money, .number]
        var measures: [Measure] = []
        for (index, unit) in units.enumerated() {
            let full = index.isMultiple(of: 2)
            measures.append(Measure(
                code: "RT_\(unit.code.replacingOccurrences(of: ":", with: "_"))",
                title: "Round trip in \(unit.code) — “quoted”, O'Brien's café",
                definition: full ? "Children per 10,000 aged 0–17; see METHODS.md §13" : nil,
                theme: full ? "Front Door" : nil,
                owner: full ? "Head of MASH" : nil,
                unit: unit,
                decimalPlaces: full ? index % 4 : nil,
                polarity: Polarity.allCases[index % Polarity.allCases.count],
                periodicity: Periodicity.allCases[index % Periodicity.allCases.count],
                yearType: YearType.allCases[index % YearType.allCases.count],
                source: full ? "Local case system" : nil,
                publicationLagDays: full ? index * 30 : nil,
                benchmarkComparison: BenchmarkComparisonChoice.allCases[index % BenchmarkComparisonChoice.allCases.count],
                directionOfTravel: DirectionOfTravelMethod.allCases[index % DirectionOfTravelMethod.allCases.count],
                planPriority: full ? "Best start in life" : nil,
                committees: full ? ["Children and Young People OSC", "Corporate Parenting Panel"] : []
            ))
        }
        let financial = Measure(
            code: "RT_FIN", title: "Financial-year measure", unit: .percentage, polarity: .lowIsGood, periodicity: .monthly,
            yearType: .financial
        )
        measures.append(financial)

        let areas = [
            Area(code: "E06990001", dfeCode: "999", name: "Old Shire (abolished)", type: .localAuthority, regionCode: "E12000005",
                 successorCode: "E06990002", firstYear: 2013, lastYear: 2023),
            Area(code: "E06990002", name: "New Shire", type: .localAuthority),
        ]

        let day = { (text: String) in CalendarDate(iso: text)! }
        let labels = ["2025", "2023/24", "2021/22-23/24", "2024/25 Q2", "2024-09", "2024-25 (OT)"]
        let periods = try labels.map { try financial.period($0) }
        let doubles: [Double?] = [nil, 0, 0.1 + 0.2, 1e-300, Double.leastNonzeroMagnitude, .greatestFiniteMagnitude, 123_456.789_012_345_6, 1.0 / 3.0]
        var observations: [Observation] = []
        for (index, period) in periods.enumerated() {
            for (symbolIndex, symbol) in ([nil] + StatusSymbol.allCases).enumerated() {
                let value = doubles[(index + symbolIndex) % doubles.count]
                let breakdown: Breakdown = if symbolIndex == 0 {
                    .total
                } else if symbolIndex.isMultiple(of: 2) {
                    Breakdown(["district": "North Warwickshire", "SEND": "EHC plan", "case": "\(symbolIndex)"])
                } else {
                    Breakdown(["age": "17-18", "sex": "Female", "case": "\(symbolIndex)"])
                }
                let hasLimits = value != nil && symbolIndex.isMultiple(of: 2)
                observations.append(Observation(
                    measureCode: financial.code, areaCode: index.isMultiple(of: 2) ? "E06990001" : "E10000031",
                    period: period, breakdown: breakdown,
                    value: value,
                    numerator: symbolIndex == 1 ? 0 : (value == nil ? nil : 17),
                    denominator: symbolIndex == 2 ? 0 : (value == nil ? nil : 2_000),
                    lower95: hasLimits ? -1.5 : nil, upper95: hasLimits ? 1e300 : nil,
                    lower99_8: hasLimits ? -2.25 : nil, upper99_8: hasLimits ? 1.7976931348623157e308 : nil,
                    statusSymbol: symbol,
                    comparedToEnglandAsPublished: symbolIndex == 3 ? "Worse" : nil,
                    source: "local “measures”.xlsx",
                    published: symbolIndex.isMultiple(of: 2) ? day("2025-10-30") : nil,
                    nextUpdateDue: symbolIndex == 4 ? day("2026-10-29") : nil
                ))
            }
        }
        // And one real LAIT row as published.
        observations += data.laitObservations.prefix(1)
        return ImportBatch(
            kind: .local, files: ["local measures.xlsx"], rowsRead: observations.count,
            measures: measures + data.measures.filter { $0.code == data.laitObservations[0].measureCode },
            areas: areas, observations: observations
        )
    }
}
