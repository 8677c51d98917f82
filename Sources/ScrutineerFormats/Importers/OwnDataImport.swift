import ScrutineerCore

/// The imports of the spreadsheets a council keeps itself (PRODUCT.md R14): figures and
/// definitions of its own measures, a committee's risk register and its finance returns. The
/// command (`scrutineer import local | risks | finance`) and the site's import page read them
/// through here, so both read a file the same way.
public enum OwnDataImport {
    /// The kinds read here; `parse` gives nil for every other.
    public static let kinds: [ImportKind] = [.local, .risks, .finance]

    /// The batch `files` hold, read as `kind`: `local` for `council`'s own measures (nil: the
    /// council each figure names); `risks` or `finance` for the committee `committeeCode`, a finance
    /// return being the committee's whole return for its quarters when `wholeReturn`. Nil for any
    /// other kind, and for `risks` or `finance` without a committee: those are not a council's own.
    /// Nothing is dated after `today` (a figure's publication, a review, a quarter not begun). `stored`
    /// holds what the committee's register and returns hold already, whose names a file must spell
    /// as they do.
    public static func parse(
        _ kind: ImportKind, files: [PublishedFile], sheet: String?, council: String?, committeeCode: String?, wholeReturn: Bool = false,
        context: ImportContext, today: CalendarDate = .todayUTC, stored: Stored = Stored()
    ) throws(BatchInputErrors) -> ImportBatch? {
        switch (kind, committeeCode) {
        case (.local, _):
            return try LocalMeasuresImporter.importBatch(
                files.map { LocalImportFile(name: $0.name, data: $0.data) }, options: LocalImportOptions(sheet: sheet, council: council, today: today), context: context
            )
        case let (.risks, committee?):
            return try RiskRegisterImporter.parse(files, committeeCode: committee, sheet: sheet, today: today, stored: stored.riskReviews)
        case let (.finance, committee?):
            var batch = try FinanceReturnImporter.parse(files, committeeCode: committee, sheet: sheet, today: today, stored: stored.financeLines)
            batch.financeReturnsAreWhole = wholeReturn
            return batch
        default:
            return nil
        }
    }

    /// A committee's risk reviews and finance lines as the database holds them.
    public struct Stored: Sendable {
        public var riskReviews: [RiskReview]
        public var financeLines: [FinanceLine]

        public init(riskReviews: [RiskReview] = [], financeLines: [FinanceLine] = []) {
            self.riskReviews = riskReviews
            self.financeLines = financeLines
        }
    }
}
