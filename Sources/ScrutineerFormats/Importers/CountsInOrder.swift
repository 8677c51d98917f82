/// How many times each text was counted, in the order each was first met: the rows an import
/// skips, by the level or area type that made it skip them.
struct CountsInOrder {
    private(set) var entries: [(key: String, count: Int)] = []

    mutating func count(_ key: String) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].count += 1
        } else {
            entries.append((key, 1))
        }
    }
}
