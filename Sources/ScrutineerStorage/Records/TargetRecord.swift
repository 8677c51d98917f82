import ScrutineerCore

/// How a `Target` version is written to and read from the targets table. A target for no one
/// period is stored with period label '' so the unique keys cover it.
enum TargetRecord {
    typealias Columns = Schema.Targets

    /// The cells of `council`'s target in `Schema.Targets.columns` order.
    static func cells(_ target: Target, council: String) -> [SQLCell] {
        [
            .text(target.measureCode), .text(council), .text(target.kind.rawValue), .double(target.value), SQLCell(target.tolerance),
            .text(target.periodLabel ?? ""), .text(target.validFrom.iso), SQLCell(target.validTo?.iso), .text(target.setBy),
            .text(target.setOn.iso), .text(target.reason), SQLCell(target.decision), .integer(target.version),
        ]
    }

    /// Reads a targets row.
    static func decode(_ row: StoredRow) throws -> Target {
        let period = try row.text(Columns.periodLabel)
        return Target(
            measureCode: try row.text(Columns.measureCode),
            councilAreaCode: try row.text(Columns.councilAreaCode),
            kind: try row.parsed(Columns.kind) { TargetKind(rawValue: $0) },
            value: try row.double(Columns.value),
            tolerance: try row.optionalDouble(Columns.tolerance),
            periodLabel: period.isEmpty ? nil : period,
            validFrom: try row.date(Columns.validFrom),
            validTo: try row.optionalDate(Columns.validTo),
            setBy: try row.text(Columns.setBy),
            setOn: try row.date(Columns.setOn),
            reason: try row.text(Columns.reason),
            decision: try row.optionalText(Columns.decision),
            version: try row.integer(Columns.version)
        )
    }
}
