import ScrutineerCore

extension SQLStore {
    /// Writes a validated batch in one transaction (see `ImportWriter`) and audits it; any
    /// failure rolls everything back.
    public func importBatch(_ batch: ImportBatch, by user: String) async throws -> ImportSummary {
        let engine = self.engine
        let timestamp = SQLStore.timestamp()
        do {
            return try await inTransaction { database in
                try await ImportWriter(database: database, engine: engine).write(batch, by: user, at: timestamp)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.importRolledBack(reason: StoreError.databaseReason(error))
        }
    }
}
