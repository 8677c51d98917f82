/// The single entry point for NHS England "Making Data Count" XmR charts, as in NHSRplotthedots
/// `ptd_spc` (METHODS.md §9, decisions §13.5).
///
/// Method:
/// - The series is split into groups at the recorded rebase points; each group has its own limits
///   (`XmRLimits`), from its first `fixAfterPoints` points (positions, missing ones included, as PTD's
///   `row_number()`), or from all its points.
/// - Each point is judged against its group's limits; the rules run within a group, never across a rebase.
///
/// Missing values (nil): left out of the mean; a moving range needs both neighbours present. A missing
/// point gets its group's limits but no judgement (nil flags and type), and it breaks runs, trends and
/// 2-of-3 windows, as a point on the mean breaks a run: no rule looks across a gap. NHSRplotthedots
/// returns NA or NaN there; Scrutineer returns nil and never NaN.
public enum XmRChart {
    /// Analyse `points` (in time order) with `options`: per-point limits, flags, special-cause type and
    /// point type, every group's limits, and the variation and assurance icons.
    public static func analyse(_ points: [XmRObservation], options: XmROptions) throws(XmRError) -> XmRAnalysis {
        try validate(points, options: options)
        let starts = try groupStarts(points, rebaseAt: options.rebaseAt)

        var results: [XmRPointResult] = []
        results.reserveCapacity(points.count)
        var groups: [XmRGroup] = []

        for (groupIndex, start) in starts.enumerated() {
            let end = groupIndex + 1 < starts.count ? starts[groupIndex + 1] : points.count
            let members = Array(points[start..<end])
            let limitCount = min(options.fixAfterPoints ?? members.count, members.count)
            let limits = XmRLimits(values: members.prefix(limitCount).map(\.value), screenOutliers: options.screenOutliers)
            groups.append(XmRGroup(
                index: groupIndex,
                positions: start..<end,
                firstPeriod: members[0].period,
                lastPeriodInLimits: members[limitCount - 1].period,
                limits: limits
            ))
            results += judge(members, groupIndex: groupIndex, limits: limits, direction: options.improvementDirection)
        }

        let variationIcon = results.last?.pointType.map {
            VariationIcon(latestPointType: $0, direction: options.improvementDirection)
        }
        var assuranceIcon: AssuranceIcon?
        if let target = options.target, let last = results.last,
           let lower = last.lowerProcessLimit, let upper = last.upperProcessLimit {
            assuranceIcon = AssuranceIcon(
                target: target, lowerProcessLimit: lower, upperProcessLimit: upper,
                direction: options.improvementDirection
            )
        }
        return XmRAnalysis(points: results, groups: groups, variationIcon: variationIcon, assuranceIcon: assuranceIcon)
    }

    /// Flags and types for one group's points against its limits; rules run on each unbroken stretch.
    private static func judge(
        _ members: [XmRObservation], groupIndex: Int, limits: XmRLimits, direction: ImprovementDirection
    ) -> [XmRPointResult] {
        let sides: [SideOfMean?] = members.map { point in
            guard let value = point.value, let mean = limits.mean else { return nil }
            return SideOfMean(value: value, mean: mean)
        }
        var outside = [Bool?](repeating: nil, count: members.count)
        var close = [Bool?](repeating: nil, count: members.count)
        var types = [SpecialCauseType?](repeating: nil, count: members.count)

        if let lpl = limits.lowerProcessLimit, let upl = limits.upperProcessLimit,
           let nlpl = limits.lowerNearLimit, let nupl = limits.upperNearLimit {
            for (i, point) in members.enumerated() {
                guard let value = point.value else { continue }
                let isOutside = value > upl || value < lpl
                outside[i] = isOutside
                close[i] = !isOutside && (value < nlpl || value > nupl)
            }
            // Unbroken stretches of present values.
            var i = 0
            while i < members.count {
                guard members[i].value != nil else { i += 1; continue }
                var j = i
                while j < members.count, members[j].value != nil { j += 1 }
                let stretch = i..<j
                let stretchTypes = XmRSpecialCauseRules.specialCauseTypes(
                    values: stretch.map { members[$0].value! },
                    sides: stretch.map { sides[$0]! },
                    closeToLimits: stretch.map { close[$0]! },
                    outsideLimits: stretch.map { outside[$0]! }
                )
                for (k, type) in zip(stretch, stretchTypes) { types[k] = type }
                i = j
            }
        }

        return members.indices.map { i in
            XmRPointResult(
                period: members[i].period,
                value: members[i].value,
                groupIndex: groupIndex,
                mean: limits.mean,
                lowerProcessLimit: limits.lowerProcessLimit,
                upperProcessLimit: limits.upperProcessLimit,
                lowerNearLimit: limits.lowerNearLimit,
                upperNearLimit: limits.upperNearLimit,
                isTrialLimits: limits.isTrialLimits,
                isOutsideLimits: outside[i],
                isCloseToLimits: close[i],
                sideOfMean: sides[i],
                specialCause: types[i],
                pointType: types[i].map { XmRPointType(specialCause: $0, direction: direction) }
            )
        }
    }

    /// Rejects non-finite values or target, a `fixAfterPoints` below 2 and duplicate period labels.
    private static func validate(_ points: [XmRObservation], options: XmROptions) throws(XmRError) {
        if let n = options.fixAfterPoints, n < 2 { throw .fixAfterPointsTooSmall(n) }
        if let target = options.target, !target.isFinite { throw .targetNotFinite }
        var seen = Set<String>()
        for point in points {
            if let value = point.value, !value.isFinite { throw .valueNotFinite(period: point.period) }
            if !seen.insert(point.period).inserted { throw .duplicatePeriod(point.period) }
        }
    }

    /// Sorted 0-based positions where groups start: 0 plus each rebase point (a rebase at 0 changes nothing).
    private static func groupStarts(_ points: [XmRObservation], rebaseAt: [XmRRebasePoint]) throws(XmRError) -> [Int] {
        guard !points.isEmpty else {
            if let first = rebaseAt.first {
                switch first {
                case let .index(i): throw .rebaseIndexOutOfRange(index: i, pointCount: 0)
                case let .period(p): throw .rebasePeriodNotFound(p)
                }
            }
            return []
        }
        var starts: Set<Int> = [0]
        for rebase in rebaseAt {
            switch rebase {
            case let .index(i):
                guard points.indices.contains(i) else {
                    throw .rebaseIndexOutOfRange(index: i, pointCount: points.count)
                }
                starts.insert(i)
            case let .period(label):
                guard let i = points.firstIndex(where: { $0.period == label }) else {
                    throw .rebasePeriodNotFound(label)
                }
                starts.insert(i)
            }
        }
        return starts.sorted()
    }
}
