import ScrutineerCore

/// The problems found in a posted form, gathered field by field so that the reader is told all of
/// them at once (a line each), not one per try.
struct FormProblems {
    private(set) var lines: [String] = []
    /// The first field at fault, for the API's `parameter`.
    private(set) var firstField: String?

    /// `body`'s value, or nil with its refusal kept: a `WebError` naming a field, or a request's
    /// problems (`CommitteeRequestError`, each of its problems a line).
    mutating func check<Value>(_ body: () throws -> Value) -> Value? {
        do {
            return try body()
        } catch let error as WebError {
            add(error)
        } catch let error as CommitteeRequestError {
            add(error)
        } catch {
            lines.append("\(error)")
        }
        return nil
    }

    mutating func add(_ error: WebError) {
        lines.append(error.message)
        if firstField == nil { firstField = error.parameter }
    }

    mutating func add(_ error: CommitteeRequestError) {
        lines += error.all.map(\.description)
        if firstField == nil { firstField = error.field }
    }

    /// Throws the problems as one 400, a line each; nothing when there are none.
    func refuseAny() throws {
        guard !lines.isEmpty else { return }
        throw WebError(.badRequest, lines.joined(separator: "\n"), parameter: firstField)
    }
}
