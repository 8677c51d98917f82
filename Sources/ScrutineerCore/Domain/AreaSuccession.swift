/// One council taking over all or part of another's area on a day, when councils are split or
/// merged (PRODUCT.md R5): Cumbria county council was succeeded by Cumberland and by Westmorland
/// and Furness on 1 April 2023; Bournemouth, Poole and part of Dorset county council by
/// Bournemouth, Christchurch and Poole on 1 April 2019. Each council keeps its own figures: a split
/// council's history is no one successor's. (A council recoded under the same DfE number, Barnsley
/// E08000016 → E08000038, is the same council: `Area.successorCode` records that, and its figures
/// are one series.)
public struct AreaSuccession: Sendable, Hashable, Codable {
    /// The council succeeded (ONS code).
    public var predecessorCode: String
    /// A council that took over (part of) its area (ONS code).
    public var successorCode: String
    /// The first day the successor served the area.
    public var from: CalendarDate

    public init(predecessorCode: String, successorCode: String, from: CalendarDate) {
        self.predecessorCode = predecessorCode
        self.successorCode = successorCode
        self.from = from
    }
}

/// Which councils served when, from the successions recorded: a council succeeded stopped serving
/// on the day its successors began, and a successor began on that day.
public struct AreaSuccessions: Sendable, Hashable {
    public let all: [AreaSuccession]
    /// The first day each predecessor no longer served, and the first day each successor served.
    private let ended: [String: CalendarDate]
    private let began: [String: CalendarDate]

    public init(_ successions: [AreaSuccession]) {
        all = successions.sorted { ($0.from, $0.predecessorCode, $0.successorCode) < ($1.from, $1.predecessorCode, $1.successorCode) }
        var ended: [String: CalendarDate] = [:], began: [String: CalendarDate] = [:]
        for succession in all {
            ended[succession.predecessorCode] = min(ended[succession.predecessorCode] ?? succession.from, succession.from)
            began[succession.successorCode] = min(began[succession.successorCode] ?? succession.from, succession.from)
        }
        self.ended = ended
        self.began = began
    }

    /// True when the council `code` served on some day from `start` to `end`: it had not been
    /// succeeded by `start`, and had begun by `end`. Councils no succession names always served.
    public func served(_ code: String, from start: CalendarDate, to end: CalendarDate) -> Bool {
        if let ended = ended[code], ended <= start { return false }
        if let began = began[code], began > end { return false }
        return true
    }

    /// True when `code` served on `day`.
    public func serves(_ code: String, on day: CalendarDate) -> Bool { served(code, from: day, to: day) }

    /// The successions in which `code` was succeeded, and those in which it succeeded another.
    public func successors(of code: String) -> [AreaSuccession] { all.filter { $0.predecessorCode == code } }
    public func predecessors(of code: String) -> [AreaSuccession] { all.filter { $0.successorCode == code } }
}
