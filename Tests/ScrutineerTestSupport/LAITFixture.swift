import Foundation
import ScrutineerCore
import ScrutineerFormats

/// A fixture that could not be loaded, with the file and what went wrong.
public struct FixtureError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}

extension SharedFiles {
    /// A CSV file under `shared/data`, parsed.
    public static func table(_ path: String) throws -> CSVTable {
        try CSVReader.table(contentsOf: data(path))
    }
}

/// The DfE LAIT subset (36 measures, every LA, England and regions) read as Scrutineer's domain
/// model: measures from the dictionary, observations with `Period.parse`, areas from the EES
/// lookup (London boroughs in Inner or Outer London) and the 2025 statistical neighbours.
public struct LAITFixture: Sendable {
    public let measures: [Measure]
    public let observations: [Observation]
    public let areas: [Area]
    public let neighbours: [StatisticalNeighbours]
    /// The dictionary's polarity column as written ("High", "Low", "-", "").
    public let laitPolarity: [String: String]

    /// Warwickshire's ONS code.
    public static let warwickshire = "E10000031"

    /// Loaded once for every test.
    static let loaded: Result<LAITFixture, FixtureError> = {
        do { return .success(try load()) } catch let error as FixtureError { return .failure(error) } catch {
            return .failure(FixtureError(description: "\(error)"))
        }
    }()

    /// The data, read once for the whole test run.
    public static func shared() throws -> LAITFixture { try loaded.get() }

    static func load() throws -> LAITFixture {
        let dictionary = try SharedFiles.table("lait/lait_kpi_measures.csv")
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

        let long = try SharedFiles.table("lait/lait_kpi_subset_long.csv")
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

        let lookup = try SharedFiles.table("reference/la_lookup_from_ees.csv")
        let areas = lookup.dictionaries().map { row in
            Area(code: row["new_la_code"] ?? "", dfeCode: row["old_la_code"], name: row["la_name"] ?? "",
                 type: .localAuthority, regionCode: row["region_code"])
        }

        let snTable = try SharedFiles.table("reference/statistical_neighbours_2025_long.csv")
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
        return LAITFixture(measures: measures, observations: observations, areas: areas, neighbours: neighbours, laitPolarity: polarity)
    }
}
