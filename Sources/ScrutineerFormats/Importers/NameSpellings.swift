import ScrutineerCore

/// The spellings of the names a council's own files give (a breakdown's groups, finance services
/// and lines, risk references), so that one written another way (`Nuneaton & Bedworth` after
/// `Nuneaton and Bedworth`, `Children and families` after `Children and Families`, `cyp-r01`
/// after `CYP-R01`) is refused at its cell rather than stored as a second group, service or risk.
/// Two names are the same when `Breakdown.spellingForm` makes them so (case, spacing, punctuation
/// and `&` for `and`). Shared by every table of one import.
final class NameSpellings {
    /// Each name by its spelling form: the spelling and where it was first met (nil when stored).
    private var known: [String: (spelling: String, place: String?)] = [:]
    /// Why one spelling matters, ending the refusal: "so its figures form one series".
    private let purpose: String

    /// `stored`: the names the database holds already, which win over any in the files (sorted,
    /// so where stored names already differ only in spelling the same one is named).
    init(stored: [String], purpose: String = "so its figures are kept together") {
        self.purpose = purpose
        for name in stored.sorted() where known[Breakdown.spellingForm(of: name)] == nil {
            known[Breakdown.spellingForm(of: name)] = (name, nil)
        }
    }

    /// Nil when `written` is the first spelling of its name or the one used before; else the
    /// problem, naming the spelling to use. `place` (`file.csv:4`) is where a new name is first seen.
    func problem(with written: String, at place: String) -> String? {
        let form = Breakdown.spellingForm(of: written)
        // Punctuation alone (such as -): nothing to compare.
        guard !form.isEmpty else { return nil }
        guard let first = known[form] else {
            known[form] = (written, place)
            return nil
        }
        guard first.spelling != written else { return nil }
        let whereKnown = first.place.map { "as \($0) writes it" } ?? "as the database holds it"
        return "\(ImportText.quoted(written)) is \(ImportText.quoted(first.spelling)) written another way (expected \(ImportText.quoted(first.spelling)), \(whereKnown), \(purpose))"
    }
}
