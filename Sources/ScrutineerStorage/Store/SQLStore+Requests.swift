import ScrutineerCore
import SQLKit

/// What committees asked for and each answer (PRODUCT.md R12; migration 11). Every change is one
/// transaction with its audit row.
extension SQLStore {
    /// Records a request the committee made, numbered after the committee's others; audited.
    /// Returns it with its number and time.
    public func addRequest(_ request: CommitteeRequest, by user: String) async throws -> CommitteeRequest {
        typealias R = Schema.Requests
        let checked = try Self.refusing { () throws(CommitteeRequestError) in try request.validated() }
        return try await change { session in
            var stored = checked
            stored.number = try await Self.nextVersion(in: session, table: R.table, column: R.number, where: "\(unsafeRaw: R.committeeCode) = \(bind: request.committeeCode)")
            stored.recordedBy = user
            stored.recordedAt = StoreTimestamp.now()
            stored.closedOn = nil
            stored.closedReason = nil
            stored.deliveries = []
            stored.firstDueBy = nil
            try await session.insertRows(into: R.table, columns: R.columns, cells: [
                .text(stored.committeeCode), .integer(stored.number), .text(stored.raisedOn.iso), .text(stored.askedBy), .text(stored.request),
                .text(stored.providedBy), stored.dueBy.map { .text($0.iso) } ?? .null, .text(stored.recurrence.rawValue),
                stored.measureCode.map { .text($0) } ?? .null, .null, .null, .text(stored.recordedBy), .text(stored.recordedAt), .null,
            ])
            _ = try await AuditWriter.insert(
                into: session, action: "record request \(stored.committeeCode) \(stored.number)", user: user, at: stored.recordedAt, files: [], summary: nil
            )
            return stored
        }
    }

    /// Records an answer to a request (`CommitteeRequest.delivering(_:)` says which are allowed);
    /// audited. Returns the request with it.
    public func deliverRequest(committeeCode: String, number: Int, _ delivery: CommitteeRequest.Delivery, by user: String) async throws -> CommitteeRequest {
        typealias D = Schema.RequestDeliveries
        return try await change { session in
            let request = try await Self.request(committeeCode: committeeCode, number: number, in: session)
            var answer = delivery
            answer.recordedBy = user
            answer.recordedAt = StoreTimestamp.now()
            let delivered = try Self.refusing { () throws(CommitteeRequestError) in try request.delivering(answer) }
            let stored = delivered.deliveries[delivered.deliveries.count - 1]
            try await session.insertRows(into: D.table, columns: D.columns, cells: [
                .text(committeeCode), .integer(number), .integer(delivered.deliveries.count), stored.periodLabel.map { .text($0) } ?? .null,
                .text(stored.deliveredOn.iso), .text(stored.note), .text(stored.recordedBy), .text(stored.recordedAt),
            ])
            let report = stored.periodLabel.map { " for \($0)" } ?? ""
            _ = try await AuditWriter.insert(
                into: session, action: "record delivery of request \(committeeCode) \(number)\(report)", user: user, at: stored.recordedAt, files: [], summary: nil
            )
            return delivered
        }
    }

    /// Closes a request that is no longer needed, or ends a recurring one; audited. Returns it closed.
    public func closeRequest(committeeCode: String, number: Int, on day: CalendarDate, reason: String, by user: String) async throws -> CommitteeRequest {
        typealias R = Schema.Requests
        return try await change { session in
            let request = try await Self.request(committeeCode: committeeCode, number: number, in: session)
            let closed = try Self.refusing { () throws(CommitteeRequestError) in try request.closing(on: day, reason: reason) }
            try await session.sql.raw("""
                UPDATE \(unsafeRaw: R.table) SET \(unsafeRaw: R.closedOn) = \(bind: day.iso), \(unsafeRaw: R.closedReason) = \(bind: closed.closedReason ?? "")
                WHERE \(unsafeRaw: R.committeeCode) = \(bind: committeeCode) AND \(unsafeRaw: R.number) = \(bind: number)
                """).run()
            _ = try await AuditWriter.insert(
                into: session, action: "close request \(committeeCode) \(number)", user: user, at: StoreTimestamp.now(), files: [], summary: nil
            )
            return closed
        }
    }

    /// Changes what the minutes recorded of a request, as the committee has since agreed; audited
    /// with each change ("amend request WARKS-CYP 1: due by 2025-10-31 → 2025-11-30"), so that the
    /// old wording, asker, provider and day stay on record. Returns it amended.
    public func amendRequest(committeeCode: String, number: Int, _ amendment: CommitteeRequest.Amendment, by user: String) async throws -> CommitteeRequest {
        typealias R = Schema.Requests
        return try await change { session in
            let request = try await Self.request(committeeCode: committeeCode, number: number, in: session)
            let (amended, changes) = try Self.refusing { () throws(CommitteeRequestError) in try request.amending(amendment) }
            try await session.sql.raw("""
                UPDATE \(unsafeRaw: R.table) SET \(unsafeRaw: R.request) = \(bind: amended.request), \(unsafeRaw: R.askedBy) = \(bind: amended.askedBy),
                \(unsafeRaw: R.providedBy) = \(bind: amended.providedBy), \(unsafeRaw: R.dueBy) = \(bind: amended.dueBy?.iso),
                \(unsafeRaw: R.firstDueBy) = \(bind: amended.firstDueBy?.iso)
                WHERE \(unsafeRaw: R.committeeCode) = \(bind: committeeCode) AND \(unsafeRaw: R.number) = \(bind: number)
                """).run()
            _ = try await AuditWriter.insert(
                into: session, action: "amend request \(committeeCode) \(number): " + changes.joined(separator: "; "), user: user, at: StoreTimestamp.now(), files: [], summary: nil
            )
            return amended
        }
    }

    /// Every request of a committee with its deliveries, by number.
    public func requests(committeeCode: String) async throws -> [CommitteeRequest] {
        try await read { session in try await Self.requests(committeeCode: committeeCode, number: nil, in: session) }
    }

    /// `change`'s result, or `StoreError.requestRefused` with the reason it was refused.
    private static func refusing<Changed>(_ change: () throws(CommitteeRequestError) -> Changed) throws(StoreError) -> Changed {
        do {
            return try change()
        } catch {
            throw .requestRefused(error)
        }
    }

    /// One request, read inside a change; `StoreError.unknownRequest` when there is none.
    private static func request(committeeCode: String, number: Int, in session: StoreSession) async throws -> CommitteeRequest {
        guard let request = try await requests(committeeCode: committeeCode, number: number, in: session).first else {
            throw StoreError.unknownRequest(committee: committeeCode, number: number)
        }
        return request
    }

    /// A committee's requests (or the one numbered `number`), by number, each with its deliveries oldest first.
    private static func requests(committeeCode: String, number: Int?, in session: StoreSession) async throws -> [CommitteeRequest] {
        typealias R = Schema.Requests
        typealias D = Schema.RequestDeliveries
        func matching(_ columns: [String], from table: String, order: String) -> SQLQueryString {
            var query: SQLQueryString = "SELECT \(unsafeRaw: columns.joined(separator: ", ")) FROM \(unsafeRaw: table) WHERE \(unsafeRaw: R.committeeCode) = \(bind: committeeCode)"
            if let number { query.appendLiteral(" AND \(R.number) = "); query.appendInterpolation(bind: number) }
            query.appendLiteral(" ORDER BY \(order)")
            return query
        }
        var deliveries: [Int: [CommitteeRequest.Delivery]] = [:]
        for row in try await session.sql.rows(matching(D.columns, from: D.table, order: "\(D.number), \(D.delivery)"), table: D.table) {
            deliveries[try row.integer(D.number), default: []].append(CommitteeRequest.Delivery(
                periodLabel: try row.optionalText(D.periodLabel), deliveredOn: try row.date(D.deliveredOn), note: try row.text(D.note),
                recordedBy: try row.text(D.recordedBy), recordedAt: try row.text(D.recordedAt)
            ))
        }
        return try await session.sql.rows(matching(R.columns, from: R.table, order: R.number), table: R.table).map { row in
            let number = try row.integer(R.number)
            return CommitteeRequest(
                committeeCode: try row.text(R.committeeCode), raisedOn: try row.date(R.raisedOn), request: try row.text(R.request),
                askedBy: try row.text(R.askedBy), providedBy: try row.text(R.providedBy), dueBy: try row.optionalDate(R.dueBy),
                recurrence: try row.parsed(R.recurrence) { CommitteeRequest.Recurrence(rawValue: $0) }, measureCode: try row.optionalText(R.measureCode),
                recordedBy: try row.text(R.recordedBy), number: number, recordedAt: try row.text(R.recordedAt),
                closedOn: try row.optionalDate(R.closedOn), closedReason: try row.optionalText(R.closedReason), deliveries: deliveries[number] ?? [],
                firstDueBy: try row.optionalDate(R.firstDueBy)
            )
        }
    }
}
