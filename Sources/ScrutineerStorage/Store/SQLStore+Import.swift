import ScrutineerCore

extension SQLStore {
    /// Writes a validated batch in one transaction (see `ImportWriter`) and audits it; any
    /// failure rolls everything back.
    public func importBatch(_ batch: ImportBatch, by user: String) async throws -> ImportSummary {
        try await importBatch(batch, by: user, progress: nil)
    }

    /// `importBatch(_:by:)`, calling `progress` with how many of the batch's new or changed
    /// observations are written so far, after each chunk (for a progress bar; nothing is
    /// committed until the whole batch is written).
    public func importBatch(
        _ batch: ImportBatch, by user: String, progress: (@Sendable (_ written: Int, _ toWrite: Int) -> Void)?
    ) async throws -> ImportSummary {
        do {
            return try await inTransaction { session in
                let timestamp = StoreTimestamp.now()
                return try await ImportWriter(session: session).write(batch, by: user, at: timestamp, progress: progress)
            }
        } catch {
            if let failure = StoreError.failureNotOfTheData(error) { throw failure }
            if let key = ImportWriter.duplicateObservation(in: batch.observations) {
                throw StoreError.duplicateInBatch(record: "observation", key: ImportWriter.describe(key))
            }
            throw StoreError.importRolledBack(reason: StoreError.databaseReason(error))
        }
    }
}
