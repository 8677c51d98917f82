/// How many records an import added, changed and left alone.
struct RecordCounts: Sendable, Hashable {
    var added = 0
    var changed = 0
    var unchanged = 0

    static func += (total: inout RecordCounts, more: RecordCounts) {
        total.added += more.added
        total.changed += more.changed
        total.unchanged += more.unchanged
    }
}

/// What to write for records identified by a key: the new and the changed ones, and which keys
/// changed (their old rows are replaced).
struct UpsertPlan<Record> {
    var toWrite: [Record] = []
    var changedKeys: [String] = []
    var counts = RecordCounts()

    /// Compares each record with the stored one of the same key.
    init(_ records: [Record], stored: [String: Record], key: (Record) -> String, same: (Record, Record) -> Bool) {
        for record in records {
            let recordKey = key(record)
            if let old = stored[recordKey] {
                if same(old, record) {
                    counts.unchanged += 1
                } else {
                    counts.changed += 1
                    changedKeys.append(recordKey)
                    toWrite.append(record)
                }
            } else {
                counts.added += 1
                toWrite.append(record)
            }
        }
    }
}
