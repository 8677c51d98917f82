import ArgumentParser
import Foundation
import ScrutineerCore
import ScrutineerStorage

/// `--committee CODE --period LABEL`: which committee report a command works on (`pack`,
/// `committee sign-off`).
struct ReportOptions: ParsableArguments {
    @Option(help: "The committee's code (scrutineer committee list shows them).")
    var committee: String

    @Option(help: "The reporting period, e.g. 2024/25 Q4.")
    var period: String

    /// The reporting period; exit 64 with the reason when `--period` is not one. It is the
    /// council's (financial years), whatever its measures' years.
    func reportingPeriod() throws -> Period {
        do {
            return try Period.parse(period, yearType: .financial)
        } catch {
            let message = "--period: \"\(period)\" is not a reporting period (expected a quarter of the council's financial year such as 2024/25 Q4, a financial year such as 2024/25, or a month such as 2025-03)"
            FileHandle.standardError.write(Data((message + "\n").utf8))
            throw ExitCode(64)
        }
    }

    /// The committee's definition; exit 65 naming the committees there are when it is not defined.
    func definition(in store: any ScrutineerStore) async throws -> CommitteeDefinition {
        if let definition = try await store.committee(code: committee) { return definition }
        let known = try await store.committees().map(\.code)
        FileHandle.standardError.write(Data("--committee: no committee \(committee) (expected one of: \(known.isEmpty ? "none defined yet; use scrutineer committee add" : known.joined(separator: ", ")))\n".utf8))
        throw ExitCode(65)
    }

    /// `--as-of`'s day, or today (UTC) without one.
    static func day(_ text: String?) throws -> CalendarDate {
        guard let text else { return CalendarDate.todayUTC }
        guard let date = CalendarDate(iso: text) else { throw ValidationError("--as-of \(text) is not a date (expected YYYY-MM-DD)") }
        return date
    }
}
