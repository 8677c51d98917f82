import ScrutineerCore

/// The spellings of the names a committee's own files give (finance services and lines, risk
/// references), so that one written another way (`Children and families` after `Children and
/// Families`, `cyp-r01` after `CYP-R01`) is refused at its cell rather than stored as a second
/// service or risk. Two names are the same when `Breakdown.spellingForm` makes them so (case,
/// spacing, punctuation and `&` for `and`). Shared by every table of one import.
final class NameSpellings {
    private var known: [String: (spelling: String, place: String?)] = [:]

    /// `stored`: the names the database holds already, which win over any in the files.
    init(stored: [String]) {
        for name in stored.sorted() where known[Breakdown.spellingForm(of: name)] == nil {
            known[Breakdown.spellingForm(of: name)] = (name, nil)
        }
    }

    /// Nil when `written` is the first spelling of its name or the one used before; else the
    /// problem, naming the spelling to use. `place` (`file.csv:4`) is where a new name is first seen.
    func problem(with written: String, at place: String) -> String? {
        let form = Breakdown.spellingForm(of: written)
        guard !form.isEmpty else { return nil }
        guard let first = known[form] else {
            known[form] = (written, place)
            return nil
        }
        guard first.spelling != written else { return nil }
        let whereKnown = first.place.map { "as \($0) writes it" } ?? "as the database holds it"
        return "\(ImportText.quoted(written)) is \(ImportText.quoted(first.spelling)) written another way (expected \(ImportText.quoted(first.spelling)), \(whereKnown), so its figures are kept together)"
    }
}
