import Foundation
import ScrutineerCore

/// Reads the risks a committee owns (PRODUCT.md R11) from the council's risk register: a CSV file
/// or a workbook's sheet (the first, or `--sheet`), one row per review of a risk.
///
/// - Required columns: `reference, title, owner, reviewed_on, likelihood, impact, mitigation`.
/// - Optional: `description`, `target_likelihood` and `target_impact` (both or neither), `status`
///   (`open`, the default, or `closed`), and `score` and `target_score`, which when filled must be
///   likelihood × impact (a register's own formula, checked rather than trusted).
/// - Columns starting `note` or `comment` are for people and not read. Headers are compared as the
///   local template's are: case-insensitive, spaces and underscores the same; a title or notes may
///   sit above the header.
/// - Likelihood and impact are whole numbers from 1 to 5. A review is not dated after `today`, and
///   a risk is reviewed at most once a day: each review replaces the stored review of the same risk
///   on the same day.
public enum RiskRegisterImporter {
    enum Column: String, CaseIterable {
        case reference, title, description, owner
        case reviewedOn = "reviewed_on"
        case likelihood, impact
        case targetLikelihood = "target_likelihood"
        case targetImpact = "target_impact"
        case mitigation, status, score
        case targetScore = "target_score"
    }

    /// The columns a risk register must have, as normalised header names.
    public static let requiredColumns = [Column.reference, .title, .owner, .reviewedOn, .likelihood, .impact, .mitigation].map(\.rawValue)

    /// The reference of the template's example rows (`RiskRegisterTemplate`), refused.
    static let exampleReference = "EXAMPLE"

    /// The reviews `files` hold for the committee `committeeCode`, or every rejected cell.
    /// `stored` are the reviews the committee's register already holds: a reference they give that
    /// a file writes another way is refused.
    public static func parse(
        _ files: [PublishedFile], committeeCode: String, sheet: String? = nil, today: CalendarDate = .todayUTC, stored: [RiskReview] = []
    ) throws(BatchInputErrors) -> ImportBatch {
        let spellings = NameSpellings(stored: stored.map(\.reference))
        let places = ReviewPlaces()
        let (reviews, rowsRead) = try RegisterTable.records(
            in: files, sheet: sheet, required: requiredColumns, rowsAre: "one row per review of a risk",
            reading: { RowReader(table: $0, committeeCode: committeeCode, today: today, spellings: spellings, places: places) },
            key: { "\($0.reference)\u{1F}\($0.reviewedOn.iso)" },
            duplicate: { review, earlier in
                (.reviewedOn, "risk \(review.reference) is reviewed on \(review.reviewedOn.iso) in \(earlier) too (expected one row per risk and day)")
            }
        )
        try refuseReusedReferences(reviews, stored: stored, places: places)
        return ImportBatch(kind: .risks, files: files.map(\.name), rowsRead: rowsRead, riskReviews: reviews)
    }

    /// Where each review of the files was read (`file.csv`, row), by reference and day.
    final class ReviewPlaces {
        var rows: [String: (table: String, row: Int)] = [:]
        static func key(_ reference: String, _ day: CalendarDate) -> String { reference + "\u{1F}" + day.iso }
    }

    /// A closed risk's reference given to another risk would read as the old one reopened, its
    /// score compared across the closure: a review that follows a closing review (stored or in the
    /// files, whatever their order) under another title is refused at its title.
    private static func refuseReusedReferences(_ reviews: [RiskReview], stored: [RiskReview], places: ReviewPlaces) throws(BatchInputErrors) {
        let incoming = Set(reviews.map { ReviewPlaces.key($0.reference, $0.reviewedOn) })
        // The files' reviews replace stored ones of the same day.
        let kept = stored.filter { !incoming.contains(ReviewPlaces.key($0.reference, $0.reviewedOn)) }
        var errors: [BatchInputError] = []
        for (reference, history) in Dictionary(grouping: kept + reviews, by: \.reference) {
            let ordered = history.sorted { $0.reviewedOn < $1.reviewedOn }
            for (previous, review) in zip(ordered, ordered.dropFirst()) where previous.status == .closed && previous.title != review.title {
                guard let place = places.rows[ReviewPlaces.key(reference, review.reviewedOn)] else { continue }
                errors.append(BatchInputError(
                    file: place.table, row: place.row, column: Column.title.rawValue,
                    message: "risk \(reference) was closed on \(previous.reviewedOn.iso) as \(ImportText.quoted(previous.title)) (expected a new reference for another risk, or its title to reopen it)"
                ))
            }
        }
        if !errors.isEmpty { throw BatchInputErrors(errors.sorted { ($0.file, $0.row) < ($1.file, $1.row) }) }
    }

    /// Reads a table's rows as reviews, collecting every rejected cell.
    struct RowReader: RegisterRowReading {
        var cells: RegisterCellReader<Column>
        let committeeCode: String
        let today: CalendarDate
        let spellings: NameSpellings
        let places: ReviewPlaces

        init(table: RegisterTable, committeeCode: String, today: CalendarDate, spellings: NameSpellings, places: ReviewPlaces) {
            cells = RegisterCellReader(table: table)
            self.committeeCode = committeeCode
            self.today = today
            self.spellings = spellings
            self.places = places
        }

        /// Finds each column; false after recording every problem with the header.
        mutating func checkHeader() -> Bool {
            _ = cells.checkHeader(required: RiskRegisterImporter.requiredColumns.map { Column(rawValue: $0)! })
            if (cells.positions[.targetLikelihood] == nil) != (cells.positions[.targetImpact] == nil) {
                let present: Column = cells.positions[.targetLikelihood] == nil ? .targetImpact : .targetLikelihood
                cells.reject(cells.table.headerRow, present, "a target needs both target_likelihood and target_impact (expected both columns, or neither)")
            }
            return cells.errors.isEmpty
        }

        /// The review a row gives, or nil after recording each of its rejected cells.
        mutating func record(_ row: SpreadsheetRow) -> RiskReview? {
            guard cells.checkShape(row) else { return nil }
            let before = cells.errors.count
            let reference = cells.text(row, .reference, required: "the risk's reference in the register, such as CYP01", longest: RiskReview.longestReference)
            if reference == RiskRegisterImporter.exampleReference {
                cells.reject(row.number, .reference, "EXAMPLE marks an example row of the template (expected your own risk reference: delete the example rows before importing)")
            }
            if let reference, let problem = spellings.problem(with: reference, at: "\(cells.table.label):\(row.number)") {
                cells.reject(row.number, .reference, problem)
            }
            let title = cells.text(row, .title, required: "the risk in a line", longest: RiskReview.longestName)
            let description = cells.text(row, .description, required: nil, longest: RiskReview.longestText)
            let owner = cells.text(row, .owner, required: "who owns the risk, by job title", longest: RiskReview.longestName)
            let mitigation = cells.text(row, .mitigation, required: "what is being done about the risk", longest: RiskReview.longestText)
            let reviewedOn = date(row)
            let score = self.score(row, .likelihood, .impact, checkedBy: .score, required: true)
            let target = self.score(row, .targetLikelihood, .targetImpact, checkedBy: .targetScore, required: false)
            let status = self.status(row)
            guard cells.errors.count == before, let reference, let title, let owner, let mitigation, let reviewedOn, let score, let status else { return nil }
            places.rows[ReviewPlaces.key(reference, reviewedOn)] = (cells.table.label, row.number)
            return RiskReview(
                committeeCode: committeeCode, reference: reference, title: title, description: description ?? "", owner: owner,
                reviewedOn: reviewedOn, score: score, target: target, mitigation: mitigation, status: status
            )
        }

        /// The day of the review, not after today.
        private mutating func date(_ row: SpreadsheetRow) -> CalendarDate? {
            guard let day = cells.date(row, .reviewedOn, required: "the day the risk was reviewed, such as 2026-06-09") else { return nil }
            if today < day {
                cells.reject(row.number, .reviewedOn, "\(day.iso) is after today, \(today.iso) (expected the day the risk was reviewed)")
                return nil
            }
            return day
        }

        /// A likelihood and impact from 1 to 5, checked against the row's own score when it gives one.
        private mutating func score(_ row: SpreadsheetRow, _ likelihoodColumn: Column, _ impactColumn: Column, checkedBy scoreColumn: Column, required: Bool) -> RiskScore? {
            let likelihood = factor(row, likelihoodColumn, required: required)
            let impact = factor(row, impactColumn, required: required)
            if !required, (likelihood == nil) != (impact == nil) {
                let blank = likelihood == nil ? likelihoodColumn : impactColumn, filled = likelihood == nil ? impactColumn : likelihoodColumn
                cells.reject(row.number, blank, "blank, but \(filled.rawValue) is filled (expected both, or neither when no target is set)")
                return nil
            }
            guard let likelihood, let impact else {
                if !required, let stated = try? LocalCellReading.text(cells.cell(row, scoreColumn)) {
                    cells.reject(row.number, scoreColumn, "\(stated) with no \(likelihoodColumn.rawValue) and \(impactColumn.rawValue) (expected it blank, or both of them filled)")
                }
                return nil
            }
            let score = RiskScore(likelihood: likelihood, impact: impact)
            do {
                if let stated = try LocalCellReading.wholeNumber(cells.cell(row, scoreColumn), example: "\(score.value)"), stated != score.value {
                    cells.reject(row.number, scoreColumn, "\(stated) is not \(likelihoodColumn.rawValue) × \(impactColumn.rawValue), \(likelihood) × \(impact) = \(score.value) (expected the two multiplied, or the cell blank)")
                    return nil
                }
            } catch {
                cells.reject(row.number, scoreColumn, error.message)
                return nil
            }
            return score
        }

        private mutating func factor(_ row: SpreadsheetRow, _ column: Column, required: Bool) -> Int? {
            let expected = "a whole number from 1 to 5"
            do {
                guard let value = try LocalCellReading.wholeNumber(cells.cell(row, column), example: "3") else {
                    if required { cells.reject(row.number, column, "blank (expected \(expected))") }
                    return nil
                }
                guard RiskScore.scale.contains(value) else {
                    cells.reject(row.number, column, "\(value) is outside the five-by-five matrix (expected \(expected))")
                    return nil
                }
                return value
            } catch {
                cells.reject(row.number, column, "\(error.message.replacingOccurrences(of: "a whole number such as 3", with: expected))")
                return nil
            }
        }

        private mutating func status(_ row: SpreadsheetRow) -> RiskReview.Status? {
            do {
                guard let text = try LocalCellReading.text(cells.cell(row, .status)) else { return .open }
                if let status = RiskReview.Status(rawValue: text.lowercased()) { return status }
                cells.reject(row.number, .status, "\(ImportText.quoted(text)) is not a status (expected open or closed, or blank for open)")
            } catch {
                cells.reject(row.number, .status, error.message)
            }
            return nil
        }
    }
}
