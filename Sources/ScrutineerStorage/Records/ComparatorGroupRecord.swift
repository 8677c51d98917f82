import ScrutineerCore

/// How a `ComparatorGroup` is written to and read from comparator_groups and
/// comparator_group_members.
enum ComparatorGroupRecord {
    typealias Columns = Schema.ComparatorGroups
    typealias Members = Schema.ComparatorGroupMembers

    /// The group's row in `Schema.ComparatorGroups.columns` order.
    static func cells(_ group: ComparatorGroup) -> [SQLCell] {
        [.text(group.code), .text(group.name), SQLCell(group.ownerAreaCode)]
    }

    /// The group's member rows in `Schema.ComparatorGroupMembers.columns` order.
    static func memberCells(_ group: ComparatorGroup) -> [SQLCell] {
        group.memberCodes.flatMap { [SQLCell.text(group.code), .text($0)] }
    }

    /// Groups from their rows and their member rows (in any order).
    static func decode(_ rows: [StoredRow], members: [StoredRow]) throws -> [ComparatorGroup] {
        var memberCodes: [String: [String]] = [:]
        for row in members {
            memberCodes[try row.text(Members.groupCode), default: []].append(try row.text(Members.areaCode))
        }
        return try rows.map { row in
            let code = try row.text(Columns.code)
            return ComparatorGroup(
                code: code, name: try row.text(Columns.name), ownerAreaCode: try row.optionalText(Columns.ownerAreaCode),
                memberCodes: memberCodes[code] ?? []
            )
        }
    }
}
