import Foundation
import ScrutineerCore
import ScrutineerFormats

/// A fixture that could not be loaded, with the file and what went wrong.
struct FixtureError: Error, Sendable, CustomStringConvertible {
    let description: String
}

/// The shared real data the assessment tests read: `../shared/data` beside the repository, or
/// `$SCRUTINEER_SHARED/data`.
enum SharedData {
    static var directory: URL {
        if let shared = ProcessInfo.processInfo.environment["SCRUTINEER_SHARED"] {
            return URL(fileURLWithPath: shared).appendingPathComponent("data")
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent() // Support
            .deletingLastPathComponent() // Assessment
            .deletingLastPathComponent() // ScrutineerCoreTests
            .deletingLastPathComponent() // Tests
            .deletingLastPathComponent()
    }

    static func table(_ path: String) throws -> CSVTable {
        try CSVReader.table(contentsOf: directory.appendingPathComponent(path))
    }
}

/// The DfE LAIT subset (36 measures, every LA, England and regions) read as Scrutineer's domain
/// model: measures from the dictionary, observations with `Period.parse`, areas from the EES
/// lookup (London boroughs in Inner or Outer London) and the 2025 statistical neighbours.
struct LAITData: Sendable {
    let measures: [Measure]
    let observations: [Observation]
    let areas: [Area]
    let neighbours: [StatisticalNeighbours]
    /// The dictionary's polarity column as written ("High", "Low", "-", "").
    let laitPolarity: [String: String]

    static let warwickshire = "E10000031"

    /// Loaded once for every test.
    static let loaded: Result<LAITData, FixtureError> = {
        do { return .success(try load()) } catch let error as FixtureError { return .failure(error) } catch {
            return .failure(FixtureError(description: "\(error)"))
        }
    }()

    static func shared() throws -> LAITData { try loaded.get() }

    static func load() throws -> LAITData {
        let dictionary = try SharedData.table("lait/lait_kpi_measures.csv")
        var measures: [Measure] = []
        var polarity: [String: String] = [:]
        for row in dictionary.dictionaries() {
            let code = row["measure_code"] ?? ""
            let title = row["measure"] ?? ""
            guard let yearType = YearType(laitName: row["year_type"] ?? "") else {
                throw FixtureError(description: "lait_kpi_measures.csv: \(code): unknown year type \(row["year_type"] ?? "")")
            }
            polarity[code] = row["polarity"] ?? ""
            let lower = title.lowercased()
            let unit: MeasureUnit = lower.contains("per 10,000") ? .rate(per: 10000)
                : (title.contains("%") || lower.hasPrefix("percentage") || lower.hasPrefix("proportion")) ? .percentage : .number
            let periods = (row["periods"] ?? "").split(separator: ";")
            measures.append(Measure(
                code: code, title: title, theme: row["topic"], unit: unit,
                decimalPlaces: (row["dps"]).flatMap(Double.init).map(Int.init),
                polarity: row["polarity"] == "High" ? .highIsGood : row["polarity"] == "Low" ? .lowIsGood : .noJudgement,
                periodicity: periods.contains { $0.count == 13 } ? .multiYear : .annual, yearType: yearType,
                source: "DfE LAIT", benchmarkComparison: .notCompared
            ))
        }
        let byCode = Dictionary(uniqueKeysWithValues: measures.map { ($0.code, $0) })

        let long = try SharedData.table("lait/lait_kpi_subset_long.csv")
        let column = { (name: String) throws -> Int in
            guard let i = long.index(of: name) else { throw FixtureError(description: "lait_kpi_subset_long.csv: no column \(name)") }
            return i
        }
        let (cMeasure, cPeriod, cArea, cValue, cNote) = (try column("measure_code"), try column("period"), try column("new_la_code"), try column("value"), try column("value_note"))
        var observations: [Observation] = []
        observations.reserveCapacity(long.records.count)
        for record in long.records {
            let f = record.fields
            guard let measure = byCode[f[cMeasure]] else {
                throw FixtureError(description: "lait_kpi_subset_long.csv:\(record.line): unknown measure \(f[cMeasure])")
            }
            let period: Period
            do { period = try measure.period(f[cPeriod]) } catch {
                throw FixtureError(description: "lait_kpi_subset_long.csv:\(record.line): \(error)")
            }
            let value = Double(f[cValue])
            observations.append(Observation(
                measureCode: measure.code, areaCode: f[cArea], period: period, value: value,
                statusSymbol: value == nil ? StatusSymbol(publishedText: f[cNote]) ?? .laitDash : nil,
                source: "lait_kpi_subset_long.csv"
            ))
        }

        let lookup = try SharedData.table("reference/la_lookup_from_ees.csv")
        let areas = lookup.dictionaries().map { row in
            Area(code: row["new_la_code"] ?? "", dfeCode: row["old_la_code"], name: row["la_name"] ?? "",
                 type: .localAuthority, regionCode: row["region_code"])
        }

        let snTable = try SharedData.table("reference/statistical_neighbours_2025_long.csv")
        var lists: [String: [StatisticalNeighbour]] = [:]
        for row in snTable.dictionaries() {
            guard let rank = Int(row["rank"] ?? "") else { throw FixtureError(description: "statistical_neighbours_2025_long.csv: bad rank") }
            lists[row["new_la_code"] ?? "", default: []].append(
                StatisticalNeighbour(rank: rank, areaCode: row["neighbour_new_la_code"] ?? "", closeness: row["closeness"])
            )
        }
        let neighbours = lists.map { code, list in
            StatisticalNeighbours(edition: "2025", areaCode: code, neighbours: list.sorted { $0.rank < $1.rank })
        }
        return LAITData(measures: measures, observations: observations, areas: areas, neighbours: neighbours, laitPolarity: polarity)
    }

    func measure(_ code: String) throws -> Measure {
        guard let measure = measures.first(where: { $0.code == code }) else { throw FixtureError(description: "no LAIT measure \(code)") }
        return measure
    }

    /// An index over all the LAIT data, with `measures` replacing the dictionary's where codes match.
    func index(replacing replaced: [Measure] = [], targets: [Target] = [], settings: [MeasureAssessmentSettings] = [],
               observations extra: [Observation] = [], dropping drop: (Observation) -> Bool = { _ in false }) -> AssessmentIndex {
        let replacements = Dictionary(uniqueKeysWithValues: replaced.map { ($0.code, $0) })
        return AssessmentIndex(
            measures: measures.map { replacements[$0.code] ?? $0 }, observations: observations.filter { !drop($0) } + extra,
            targets: targets, statisticalNeighbours: neighbours, areas: areas, settings: settings
        )
    }
}

/// The OHID Fingertips export of indicator 90284 (hospital admissions for injuries in children aged
/// 0–14, per 10,000), persons only, with its published 95% and 99.8% limits, counts, denominators
/// and "Compared to England" words.
struct InjuryAdmissions: Sendable {
    static let code = "90284"
    static let measure = Measure(
        code: code, title: "Hospital admissions caused by unintentional and deliberate injuries in children (aged 0 to 14 years)",
        unit: .rate(per: 10000), decimalPlaces: 1, polarity: .lowIsGood, periodicity: .annual, yearType: .financial,
        source: "OHID Fingertips", benchmarkComparison: .fingertips95, directionOfTravel: .recentTrend
    )

    let observations: [Observation]
    /// Published "Compared to England value or percentiles" by area code and period label.
    let comparedToEngland: [String: [String: String]]

    static let loaded: Result<InjuryAdmissions, FixtureError> = {
        do { return .success(try load()) } catch let error as FixtureError { return .failure(error) } catch {
            return .failure(FixtureError(description: "\(error)"))
        }
    }()

    static func shared() throws -> InjuryAdmissions { try loaded.get() }

    static func load() throws -> InjuryAdmissions {
        let table = try SharedData.table("fingertips/la_hospital_admissions_2324.csv")
        var observations: [Observation] = []
        var compared: [String: [String: String]] = [:]
        for row in table.dictionaries() where row["Sex"] == "Persons" && (row["Category Type"] ?? "").isEmpty {
            let area = row["Area Code"] ?? ""
            let period = try measure.period(row["Time period"] ?? "")
            func number(_ column: String) -> Double? { Double(row[column] ?? "") }
            observations.append(Observation(
                measureCode: code, areaCode: area, period: period, value: number("Value"),
                numerator: number("Count"), denominator: number("Denominator"),
                lower95: number("Lower CI 95.0 limit"), upper95: number("Upper CI 95.0 limit"),
                lower99_8: number("Lower CI 99.8 limit"), upper99_8: number("Upper CI 99.8 limit"),
                comparedToEnglandAsPublished: row["Compared to England value or percentiles"], source: "la_hospital_admissions_2324.csv"
            ))
            if area != Area.englandCode { compared[area, default: [:]][period.label] = row["Compared to England value or percentiles"] }
        }
        return InjuryAdmissions(observations: observations, comparedToEngland: compared)
    }
}
