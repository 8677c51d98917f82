import Foundation
import ScrutineerTestSupport
import ScrutineerCore
import ScrutineerFormats

/// Measures, areas, neighbour lists and observations read from the real files in
/// ../shared/data, built the way an import would build them (the tests' fixtures; the real
/// parsers live in ScrutineerFormats).
struct RealData: Sendable {
    /// The 36 LAIT measures of lait_kpi_measures.csv.
    var measures: [Measure]
    /// Every LA in la_lookup_from_ees.csv (its one row naming two LAs at once left out).
    var localAuthorities: [Area]
    /// Every row of lait_kpi_subset_long.csv, as an observation.
    var laitObservations: [Observation]
    /// Both editions of the DfE statistical neighbours (long layout).
    var neighbourLists: [StatisticalNeighbours]

    /// A failure to read the fixtures, with the file and what was wrong.
    struct Failure: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    /// Read once per test process.
    static let loaded: Result<RealData, Failure> = Result { try RealData() }.mapError { Failure(description: "\($0)") }

    /// The fixtures, or the reason they could not be read.
    static func load() throws -> RealData { try loaded.get() }

    static let laitFile = "lait_kpi_subset_long.csv"
    static let laitMeasuresFile = "lait_kpi_measures.csv"
    static let lookupFile = "la_lookup_from_ees.csv"

    private init() throws {
        let dictionary = try CSVReader.table(contentsOf: SharedFiles.data("lait/\(Self.laitMeasuresFile)")).dictionaries()
        measures = try dictionary.map { row in
            guard let code = row["measure_code"], let title = row["measure"], let yearType = YearType(laitName: row["year_type"] ?? "") else {
                throw Failure(description: "\(Self.laitMeasuresFile): unreadable row \(row)")
            }
            let polarity: Polarity = switch row["polarity"] {
            case "High": .highIsGood
            case "Low": .lowIsGood
            default: .noJudgement
            }
            let unit: MeasureUnit = title.contains("%") || title.lowercased().contains("percentage") ? .percentage : .number
            return Measure(
                code: code, title: title, theme: row["topic"], unit: unit,
                decimalPlaces: row["dps"].flatMap(Double.init).map { Int($0) }, polarity: polarity, yearType: yearType,
                source: "DfE LAIT"
            )
        }
        let measuresByCode = Dictionary(uniqueKeysWithValues: measures.map { ($0.code, $0) })

        let lookup = try CSVReader.table(contentsOf: SharedFiles.data("reference/\(Self.lookupFile)")).dictionaries()
        localAuthorities = lookup.compactMap { row in
            guard let code = row["new_la_code"], !code.contains("/"), let name = row["la_name"] else { return nil }
            return Area(
                code: code, dfeCode: row["old_la_code"], name: name, type: .localAuthority, regionCode: row["region_code"],
                firstYear: row["first_year"].flatMap { Int($0) }, lastYear: row["last_year"].flatMap { Int($0) }
            )
        }

        let lait = try CSVReader.table(contentsOf: SharedFiles.data("lait/\(Self.laitFile)"))
        func column(_ name: String) throws -> Int {
            guard let index = lait.index(of: name) else { throw Failure(description: "\(Self.laitFile): no \(name) column") }
            return index
        }
        let (measureColumn, periodColumn, areaColumn, valueColumn, noteColumn) =
            (try column("measure_code"), try column("period"), try column("new_la_code"), try column("value"), try column("value_note"))
        laitObservations = try lait.records.map { record in
            let fields = record.fields
            guard let measure = measuresByCode[fields[measureColumn]] else {
                throw Failure(description: "\(Self.laitFile):\(record.line): unknown measure \(fields[measureColumn])")
            }
            let valueText = fields[valueColumn]
            return Observation(
                measureCode: measure.code, areaCode: fields[areaColumn], period: try measure.period(fields[periodColumn]),
                value: valueText.isEmpty ? nil : Double(valueText), statusSymbol: StatusSymbol(publishedText: fields[noteColumn]),
                source: Self.laitFile
            )
        }

        neighbourLists = []
        for edition in ["2021", "2025"] {
            let file = "statistical_neighbours_\(edition)_long.csv"
            var lists: [StatisticalNeighbours] = []
            for row in try CSVReader.table(contentsOf: SharedFiles.data("reference/\(file)")).dictionaries() {
                guard let areaCode = row["new_la_code"], let neighbourCode = row["neighbour_new_la_code"], !neighbourCode.isEmpty,
                      let rank = row["rank"].flatMap({ Int($0) }) else { continue }
                let neighbour = StatisticalNeighbour(rank: rank, areaCode: neighbourCode, closeness: row["closeness"])
                if lists.last?.areaCode == areaCode {
                    lists[lists.count - 1].neighbours.append(neighbour)
                } else {
                    lists.append(StatisticalNeighbours(edition: edition, areaCode: areaCode, neighbours: [neighbour]))
                }
            }
            neighbourLists += lists
        }
    }

    // MARK: Batches

    /// The areas import: every LA.
    var areasBatch: ImportBatch {
        ImportBatch(kind: .areas, files: [Self.lookupFile], rowsRead: localAuthorities.count, areas: localAuthorities)
    }

    /// Warwickshire, Barnsley (new code), Outer London and England.
    static let sampleAreas: Set = ["E10000031", "E08000038", "E13000002", "E92000001"]
    /// Re-referrals to CP plans (financial years), total absence (academic), under-18 conceptions (calendar).
    static let sampleMeasures: Set = ["PrevRegCPR", "TotAbs", "Under18concep"]

    /// A LAIT import of a few real rows: three measures for four areas, every year.
    var sampleLaitBatch: ImportBatch {
        let observations = laitObservations.filter { Self.sampleMeasures.contains($0.measureCode) && Self.sampleAreas.contains($0.areaCode) }
        return ImportBatch(
            kind: .lait, files: [Self.laitFile, Self.laitMeasuresFile], rowsRead: observations.count,
            measures: measures.filter { Self.sampleMeasures.contains($0.code) }, observations: observations
        )
    }

    /// The whole LAIT subset: 56,100 observations of 36 measures.
    var fullLaitBatch: ImportBatch {
        ImportBatch(
            kind: .lait, files: [Self.laitFile, Self.laitMeasuresFile], rowsRead: laitObservations.count,
            measures: measures, observations: laitObservations
        )
    }

    /// One edition's list for one area.
    func neighbours(of areaCode: String, edition: String) -> StatisticalNeighbours? {
        neighbourLists.first { $0.edition == edition && $0.areaCode == areaCode }
    }
}

extension Observation {
    /// The store's order: measure, area, period (end, start, label), breakdown.
    static func storeOrder(_ a: Observation, _ b: Observation) -> Bool {
        (a.measureCode, a.areaCode, a.period.end, a.period.start, a.period.label, a.breakdown.key)
            < (b.measureCode, b.areaCode, b.period.end, b.period.start, b.period.label, b.breakdown.key)
    }
}
