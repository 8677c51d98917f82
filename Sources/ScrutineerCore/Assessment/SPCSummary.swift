/// The council's series as a Making Data Count XmR chart, where it is long enough (METHODS.md §9).
public struct SPCSummary: Sendable, Hashable, Codable {
    /// The shortest series given an SPC chart: 12 points. Making Data Count locks limits after 12
    /// points and NHSRplotthedots requires at least 12 when limits are fixed; with 12 the limits
    /// are still flagged as trial limits (they rest on fewer than 13 values).
    public static let minimumPoints = 12

    /// The full analysis: limits, every point's type, the icons.
    public let analysis: XmRAnalysis
    /// The target the assurance icon was judged against (the reported target), if any.
    public let target: Double?
    public let format: ValueFormat

    /// How many points the chart has.
    public var pointCount: Int { analysis.points.count }
    /// The variation icon of the latest point.
    public var variationIcon: VariationIcon? { analysis.variationIcon }
    /// The assurance icon against the target.
    public var assuranceIcon: AssuranceIcon? { analysis.assuranceIcon }

    /// `spc-variation-common_cause`, `spc-variation-improvement_high`, …; nil with no icon.
    public var variationSymbol: String? { variationIcon.map { "spc-variation-\($0.rawValue)" } }
    /// `spc-assurance-consistent_pass`, `spc-assurance-consistent_fail`, `spc-assurance-inconsistent`; nil with no icon.
    public var assuranceSymbol: String? { assuranceIcon.map { "spc-assurance-\($0.rawValue)" } }

    /// "SPC over 14 points (2021-04 to 2022-05): Common cause: no significant change. Variation
    /// indicates inconsistently passing and falling short of the target (hit and miss)."
    public var reason: String {
        let span = analysis.points.first.map { " (\($0.period) to \(analysis.points.last?.period ?? $0.period))" } ?? ""
        var words = "SPC over \(pointCount) points\(span)"
        if analysis.hasTrialLimits { words += ", trial limits" }
        words += ": " + (variationIcon?.words ?? "the latest point is not classified") + "."
        if let assuranceIcon, let target {
            words += " Against the target of \(format.trimmedText(target)): \(assuranceIcon.words)."
        }
        return words
    }

    /// The chart of `points` (oldest first) when it has at least `minimumPoints` points.
    static func analyse(_ points: [XmRObservation], polarity: Polarity, target: Double?, format: ValueFormat) -> SPCSummary? {
        guard points.count >= minimumPoints else { return nil }
        let direction = ImprovementDirection(polarity: polarity)
        guard let analysis = try? XmRChart.analyse(
            points,
            options: XmROptions(improvementDirection: direction, target: direction == .neutral ? nil : target)
        ) else { return nil }
        return SPCSummary(analysis: analysis, target: direction == .neutral ? nil : target, format: format)
    }
}
