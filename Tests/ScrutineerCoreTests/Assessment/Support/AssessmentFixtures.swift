import Foundation
import ScrutineerCore
import ScrutineerFormats
import ScrutineerTestSupport

/// The LAIT subset as the domain model (read once; see ScrutineerTestSupport's `LAITFixture`).
typealias LAITData = LAITFixture

extension LAITFixture {
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
        let table = try SharedFiles.table("fingertips/la_hospital_admissions_2324.csv")
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
