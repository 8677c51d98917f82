import Foundation
import ScrutineerCore
import ScrutineerFormats
@testable import ScrutineerViews

/// A fixture that could not be loaded, with the file and what went wrong.
struct PackFixtureError: Error, Sendable, CustomStringConvertible {
    let description: String
}

/// The shared real data: `../shared/data` beside the repository, or `$SCRUTINEER_SHARED/data`.
enum PackSharedData {
    static var directory: URL {
        if let shared = ProcessInfo.processInfo.environment["SCRUTINEER_SHARED"] {
            return URL(fileURLWithPath: shared).appendingPathComponent("data")
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent() // Support
            .deletingLastPathComponent() // Pack
            .deletingLastPathComponent() // ScrutineerViewsTests
            .deletingLastPathComponent() // Tests
            .deletingLastPathComponent()
    }

    static func table(_ path: String) throws -> CSVTable {
        try CSVReader.table(contentsOf: directory.appendingPathComponent(path))
    }
}

/// The DfE LAIT subset read as Scrutineer's domain model, as the assessment tests read it
/// (Tests/ScrutineerCoreTests/Assessment/Support): measures from the dictionary, every
/// observation with `Period.parse`, areas from the EES lookup and the 2025 statistical neighbours.
struct PackLAITData: Sendable {
    let measures: [Measure]
    let observations: [Observation]
    let areas: [Area]
    let neighbours: [StatisticalNeighbours]

    static let warwickshire = "E10000031"

    static let loaded: Result<PackLAITData, PackFixtureError> = {
        do { return .success(try load()) } catch let error as PackFixtureError { return .failure(error) } catch {
            return .failure(PackFixtureError(description: "\(error)"))
        }
    }()

    static func shared() throws -> PackLAITData { try loaded.get() }

    static func load() throws -> PackLAITData {
        let dictionary = try PackSharedData.table("lait/lait_kpi_measures.csv")
        var measures: [Measure] = []
        for row in dictionary.dictionaries() {
            let code = row["measure_code"] ?? ""
            let title = row["measure"] ?? ""
            guard let yearType = YearType(laitName: row["year_type"] ?? "") else {
                throw PackFixtureError(description: "lait_kpi_measures.csv: \(code): unknown year type \(row["year_type"] ?? "")")
            }
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

        let long = try PackSharedData.table("lait/lait_kpi_subset_long.csv")
        func column(_ name: String) throws -> Int {
            guard let i = long.index(of: name) else { throw PackFixtureError(description: "lait_kpi_subset_long.csv: no column \(name)") }
            return i
        }
        let (cMeasure, cPeriod, cArea, cValue, cNote) = (try column("measure_code"), try column("period"), try column("new_la_code"), try column("value"), try column("value_note"))
        var observations: [Observation] = []
        observations.reserveCapacity(long.records.count)
        for record in long.records {
            let f = record.fields
            guard let measure = byCode[f[cMeasure]] else {
                throw PackFixtureError(description: "lait_kpi_subset_long.csv:\(record.line): unknown measure \(f[cMeasure])")
            }
            let period: Period
            do { period = try measure.period(f[cPeriod]) } catch {
                throw PackFixtureError(description: "lait_kpi_subset_long.csv:\(record.line): \(error)")
            }
            let value = Double(f[cValue])
            observations.append(Observation(
                measureCode: measure.code, areaCode: f[cArea], period: period, value: value,
                statusSymbol: value == nil ? StatusSymbol(publishedText: f[cNote]) ?? .laitDash : nil,
                source: "lait_kpi_subset_long.csv"
            ))
        }

        let lookup = try PackSharedData.table("reference/la_lookup_from_ees.csv")
        let areas = lookup.dictionaries().map { row in
            Area(code: row["new_la_code"] ?? "", dfeCode: row["old_la_code"], name: row["la_name"] ?? "",
                 type: .localAuthority, regionCode: row["region_code"])
        }

        let snTable = try PackSharedData.table("reference/statistical_neighbours_2025_long.csv")
        var lists: [String: [StatisticalNeighbour]] = [:]
        for row in snTable.dictionaries() {
            guard let rank = Int(row["rank"] ?? "") else { throw PackFixtureError(description: "statistical_neighbours_2025_long.csv: bad rank") }
            lists[row["new_la_code"] ?? "", default: []].append(
                StatisticalNeighbour(rank: rank, areaCode: row["neighbour_new_la_code"] ?? "", closeness: row["closeness"])
            )
        }
        let neighbours = lists.map { code, list in
            StatisticalNeighbours(edition: "2025", areaCode: code, neighbours: list.sorted { $0.rank < $1.rank })
        }
        return PackLAITData(measures: measures, observations: observations, areas: areas, neighbours: neighbours)
    }
}
