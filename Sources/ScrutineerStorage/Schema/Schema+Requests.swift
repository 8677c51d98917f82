/// The tables of migration 11: what committees asked for, and each answer (PRODUCT.md R12), with
/// the day first promised that migration 14 added.
extension Schema {
    /// A committee's requests, numbered 1, 2, 3… per committee.
    enum Requests {
        static let table = "committee_requests"
        static let committeeCode = "committee_code"
        static let number = "number"
        static let raisedOn = "raised_on"
        static let askedBy = "asked_by"
        static let request = "request"
        static let providedBy = "provided_by"
        static let dueBy = "due_by"
        static let recurrence = "recurrence"
        static let measureCode = "measure_code"
        static let closedOn = "closed_on"
        static let closedReason = "closed_reason"
        static let recordedBy = "recorded_by"
        static let recordedAt = "recorded_at"
        /// Migration 14: the day first promised, once the promise has moved.
        static let firstDueBy = "first_due_by"

        static let columns = [
            committeeCode, number, raisedOn, askedBy, request, providedBy, dueBy, recurrence, measureCode, closedOn, closedReason, recordedBy, recordedAt,
            firstDueBy,
        ]
    }

    /// Each answer to a request, numbered 1, 2, 3… per request; a recurring request's name the report.
    enum RequestDeliveries {
        static let table = "committee_request_deliveries"
        static let committeeCode = "committee_code"
        static let number = "number"
        static let delivery = "delivery"
        static let periodLabel = "period_label"
        static let deliveredOn = "delivered_on"
        static let note = "note"
        static let recordedBy = "recorded_by"
        static let recordedAt = "recorded_at"

        static let columns = [committeeCode, number, delivery, periodLabel, deliveredOn, note, recordedBy, recordedAt]
    }
}
