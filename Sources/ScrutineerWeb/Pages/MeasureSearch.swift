/// Which measures a search finds, on the site's search page and in the API (`?q=`): those whose
/// title or code contains every word searched for, in any order and any case ("leavers care"
/// finds "Care leavers in education").
enum MeasureSearch {
    static func matches(_ title: String, code: String, words: String) -> Bool {
        let text = (title + " " + code).lowercased()
        let wanted = words.lowercased().split(whereSeparator: \.isWhitespace)
        return !wanted.isEmpty && wanted.allSatisfy { text.contains($0) }
    }
}
