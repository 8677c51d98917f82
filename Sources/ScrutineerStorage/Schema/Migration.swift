/// One numbered step in the schema's history, as the SQL statements it runs on each engine.
/// The history is append-only: a migration that has shipped is never edited; a change is a new
/// migration with the next number.
struct Migration: Sendable {
    /// The position in the history, from 1, with no gaps.
    let number: Int
    /// What the step does, recorded beside its number.
    let name: String
    /// The statements, in order, for one engine.
    let statements: @Sendable (DatabaseEngine) -> [String]
}
