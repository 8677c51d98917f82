import ScrutineerCore

/// What to write for records identified by a key: the new and the changed ones, and which keys
/// changed (their old rows are replaced).
struct UpsertPlan<Record> {
    var toWrite: [Record] = []
    var changedKeys: [String] = []
    var counts = ImportTally()

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
