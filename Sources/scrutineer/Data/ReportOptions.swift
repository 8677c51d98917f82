import ArgumentParser
import Foundation
import ScrutineerCore
import ScrutineerStorage

/// `--committee CODE --period LABEL`: which committee report a command works on (`pack`,
/// `committee sign-off`).
struct ReportOptions: ParsableArguments {
    @OptionGroup var committeeOption: CommitteeOption

    @Option(help: "The reporting period, e.g. 2024/25 Q4.")
    var period: String

    /// `--committee`.
    var committee: String { committeeOption.committee }

    /// The reporting period; exit 64 with the reason when `--period` is not one. It is the
    /// council's (financial years), whatever its measures' years.
    func reportingPeriod() throws -> Period {
        try Self.reportingPeriod(period)
    }

    /// `label` as a reporting period; exit 64 with the reason when it is not one.
    static func reportingPeriod(_ label: String) throws -> Period {
        do {
            return try Period.parse(label, yearType: .financial)
        } catch {
            let message = "--period: \"\(label)\" is not a reporting period (expected a quarter of the council's financial year such as 2024/25 Q4, a financial year such as 2024/25, or a month such as 2025-03)"
            StandardError.write((message + "\n"))
            throw ExitCode(64)
        }
    }

    /// The committee's definition; exit 65 naming the committees there are when it is not defined.
    func definition(in store: any ScrutineerStore) async throws -> CommitteeDefinition {
        try await committeeOption.definition(in: store)
    }

    /// `--as-of`'s day, or today (UTC) without one. A day to come is refused: a report judged as
    /// on it would call figures stale, and requests overdue, that are not, and a published one
    /// would keep those judgements.
    static func day(_ text: String?) throws -> CalendarDate {
        let today = CalendarDate.todayUTC
        guard let text else { return today }
        let day = try CommitteeOption.date(text, flag: "--as-of")
        guard day <= today else {
            throw ValidationError("--as-of \(day.iso) is after today, \(today.iso) (expected a day that has come: a report is judged as on a day whose figures are known)")
        }
        return day
    }
}
