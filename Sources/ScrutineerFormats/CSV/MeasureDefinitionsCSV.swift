import ScrutineerCore

/// Stored measures as CSV in the layout of a local measures table, every column of it
/// (`LocalMeasureColumn`) in the words the importer reads: what `scrutineer export measures`
/// writes, so a council's own measures read back through `scrutineer import local` unchanged, and
/// a committee's definition can be written from the codes and titles the database holds.
public enum MeasureDefinitionsCSV {
    /// The header: `code,title,definition,…,direction_of_travel`.
    public static let columns = LocalMeasureColumn.allCases.map(\.rawValue)

    /// The header and one line per measure, in the order given.
    public static func text(_ measures: [Measure]) -> String {
        CSVWriter.line(columns) + measures.map { CSVWriter.line(fields($0)) }.joined()
    }

    /// A measure's fields in the order of `columns`; text a file or a council wrote is kept from
    /// opening as a formula in a spreadsheet (`CSVWriter.inert`).
    static func fields(_ measure: Measure) -> [String] {
        LocalMeasureColumn.allCases.map { column in
            switch column {
            case .code: measure.code
            case .title: CSVWriter.inert(measure.title)
            case .definition: CSVWriter.inert(measure.definition ?? "")
            case .theme: CSVWriter.inert(measure.theme ?? "")
            case .owner: CSVWriter.inert(measure.owner ?? "")
            case .unit: measure.unit.code
            case .decimalPlaces: measure.decimalPlaces.map(String.init) ?? ""
            case .polarity:
                switch measure.polarity {
                case .highIsGood: "high"
                case .lowIsGood: "low"
                case .noJudgement: "none"
                }
            case .periodicity: measure.periodicity == .multiYear ? "multi-year" : measure.periodicity.rawValue
            case .yearType: measure.yearType == .yearEndingSeptember ? "year-ending-september" : measure.yearType.rawValue
            case .source: CSVWriter.inert(measure.source ?? "")
            case .publicationLagDays: measure.publicationLagDays.map(String.init) ?? ""
            case .committees: CSVWriter.inert(measure.committees.joined(separator: "; "))
            case .planPriority: CSVWriter.inert(measure.planPriority ?? "")
            case .benchmarkComparison: measure.benchmarkComparison.rawValue
            case .directionOfTravel: measure.directionOfTravel.rawValue
            }
        }
    }
}
