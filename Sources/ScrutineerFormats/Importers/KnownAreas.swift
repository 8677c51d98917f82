import ScrutineerCore

/// The areas an import may refer to: those already in the database plus those the same import
/// adds, found by ONS code (as a position, cheap on every row) or by DfE LA number.
struct KnownAreas {
    private var positions: [String: Int32] = [:]
    /// The areas, by position.
    private(set) var areas: [Area] = []
    /// Each area's type and DfE number, by position, copied out so a row check touches no strings
    /// beyond the code.
    private(set) var types: [AreaType] = []
    private(set) var dfeCodes: [String?] = []
    private var byDfECode: [String: [Int]] = [:]

    init(context: ImportContext, adding added: [Area] = []) {
        var all = context.areas
        for area in added { all[area.code] = area }
        for area in all.values.sorted(by: { $0.code < $1.code }) {
            positions[area.code] = Int32(areas.count)
            if let dfeCode = area.dfeCode { byDfECode[dfeCode, default: []].append(areas.count) }
            areas.append(area)
            types.append(area.type)
            dfeCodes.append(area.dfeCode)
        }
    }

    /// The position of the area with ONS code `code`.
    func position(of code: String) -> Int32? { positions[code] }

    /// The area with ONS code `code`.
    subscript(code: String) -> Area? { positions[code].map { areas[Int($0)] } }

    /// The area `area`'s figures belong to: its successor when that is the same council under a
    /// new code (Barnsley's E08000016 became E08000038 in 2024, both DfE 370), so a file using the
    /// old code adds to the council's one series; otherwise `area` itself (Northamptonshire's
    /// figures stay its own: its successors are other councils, with other DfE numbers).
    func recoded(_ area: Area) -> Area {
        guard let code = area.successorCode, let successor = self[code], area.isRecoded(as: successor) else { return area }
        return successor
    }

    /// True when some known area has DfE number `dfeCode`.
    func hasDfECode(_ dfeCode: String) -> Bool { byDfECode[dfeCode] != nil }

    /// The area DfE number `dfeCode` stands for today: of the areas with that number, the one no
    /// other replaced (Barnsley 370 is E08000038, not E08000016), then the one reporting latest;
    /// nil when `dfeCode` is not 3 digits, none has the number or two are equally current.
    func currentArea(dfeCode: String) -> Area? {
        guard ImportText.isDfENumber(dfeCode), let candidates = byDfECode[dfeCode]?.map({ areas[$0] }) else { return nil }
        let current = candidates.filter { $0.successorCode == nil }
        let pool = current.isEmpty ? candidates : current
        func recency(_ area: Area) -> (Int, Int) { (area.lastYear ?? Int.max, area.firstYear ?? Int.max) }
        let ranked = pool.sorted { recency($0) > recency($1) }
        if ranked.count > 1, recency(ranked[0]) == recency(ranked[1]) { return nil }
        return ranked[0]
    }
}
