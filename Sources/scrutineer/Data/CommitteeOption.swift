import ArgumentParser
import Foundation
import ScrutineerCore
import ScrutineerStorage

/// `--committee CODE`: the committee a command works on.
struct CommitteeOption: ParsableArguments {
    @Option(help: "The committee's code (scrutineer committee list shows them).")
    var committee: String

    /// The committee's definition; exit 65 naming the committees there are when it is not defined.
    func definition(in store: any ScrutineerStore) async throws -> CommitteeDefinition {
        try await Self.definition(of: committee, in: store)
    }

    /// The definition of the committee `code`; exit 65 naming the committees there are when it is not defined.
    static func definition(of committee: String, in store: any ScrutineerStore) async throws -> CommitteeDefinition {
        if let definition = try await store.committee(code: committee) { return definition }
        let known = try await store.committees().map(\.code)
        StandardError.write("--committee: no committee \(committee) (expected one of: \(known.isEmpty ? "none defined yet; use scrutineer committee add" : known.joined(separator: ", ")))\n")
        throw ExitCode(65)
    }

    /// The day a date option names (`flag` is its name, for the message).
    static func date(_ text: String, flag: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else { throw ValidationError("\(flag) \(text) is not a date (expected YYYY-MM-DD)") }
        return date
    }
}
