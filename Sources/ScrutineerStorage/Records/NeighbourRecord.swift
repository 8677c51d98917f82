import ScrutineerCore

/// How a `StatisticalNeighbours` list is written to and read from statistical_neighbours, one
/// row per neighbour.
enum NeighbourRecord {
    typealias Columns = Schema.Neighbours

    /// The list's rows in `Schema.Neighbours.columns` order.
    static func cells(_ list: StatisticalNeighbours) -> [SQLCell] {
        list.neighbours.flatMap { neighbour in
            [.text(list.edition), .text(list.areaCode), .integer(neighbour.rank), .text(neighbour.areaCode), SQLCell(neighbour.closeness)]
        }
    }

    /// Groups rows ordered by edition, area and rank into lists.
    static func decode(_ rows: [StoredRow]) throws -> [StatisticalNeighbours] {
        var lists: [StatisticalNeighbours] = []
        for row in rows {
            let edition = try row.text(Columns.edition), areaCode = try row.text(Columns.areaCode)
            let neighbour = StatisticalNeighbour(
                rank: try row.integer(Columns.rank), areaCode: try row.text(Columns.neighbourCode),
                closeness: try row.optionalText(Columns.closeness)
            )
            if let last = lists.last, last.edition == edition, last.areaCode == areaCode {
                lists[lists.count - 1].neighbours.append(neighbour)
            } else {
                lists.append(StatisticalNeighbours(edition: edition, areaCode: areaCode, neighbours: [neighbour]))
            }
        }
        return lists
    }
}
