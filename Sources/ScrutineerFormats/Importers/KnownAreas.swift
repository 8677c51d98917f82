import ScrutineerCore

/// The areas an import may refer to: those already in the database plus those the same import
/// adds, found by ONS code or by DfE LA number.
struct KnownAreas {
    private var byCode: [String: Area]
    private var byDfECode: [String: [Area]] = [:]

    init(context: ImportContext, adding areas: [Area] = []) {
        byCode = context.areas
        for area in areas { byCode[area.code] = area }
        for area in byCode.values {
            if let dfeCode = area.dfeCode { byDfECode[dfeCode, default: []].append(area) }
        }
    }

    /// True when some known area has DfE number `dfeCode`.
    func hasDfECode(_ dfeCode: String) -> Bool { byDfECode[dfeCode] != nil }

    /// The area with ONS code `code`.
    subscript(code: String) -> Area? { byCode[code] }

    /// The area DfE number `dfeCode` stands for today: of the areas with that number, the one no
    /// other replaced (Barnsley 370 is E08000038, not E08000016), then the one reporting latest;
    /// nil when none has the number or two are equally current.
    func currentArea(dfeCode: String) -> Area? {
        guard let candidates = byDfECode[dfeCode] else { return nil }
        let current = candidates.filter { $0.successorCode == nil }
        let pool = current.isEmpty ? candidates : current
        func recency(_ area: Area) -> (Int, Int) { (area.lastYear ?? Int.max, area.firstYear ?? Int.max) }
        let ranked = pool.sorted { recency($0) > recency($1) }
        if ranked.count > 1, recency(ranked[0]) == recency(ranked[1]) { return nil }
        return ranked[0]
    }
}
