/// The centre line and process limits of one group of an XmR (individuals) chart, as NHS England
/// "Making Data Count" and NHSRplotthedots `ptd_spc_standard` calculate them (METHODS.md §9.1).
///
/// - mean of the values; moving ranges |yᵢ − yᵢ₋₁| between neighbouring points;
/// - optional outlier screening: moving ranges ≥ 3.267 × their mean are dropped and the mean recomputed;
///   if screening drops every moving range (a constant series), the mean moving range is 0 and the
///   limits collapse onto the mean;
/// - process limits mean ± 2.66 × mean moving range; near limits mean ± (2/3 × 2.66) × mean moving range.
///
/// Missing values (nil) are left out of the mean, and a moving range needs both neighbours present
/// (a gap is never bridged), as NHSRplotthedots does with `na.rm = TRUE`. No NaN is ever returned:
/// with no values everything is nil; with values but no moving range the mean is given and the limits are nil.
public struct XmRLimits: Sendable, Hashable, Codable {
    /// Multiplier of the mean moving range for the process limits (PTD `limit`).
    public static let processLimitMultiplier = 2.66
    /// Multiplier for the near limits, 2/3 of the way from the mean to a process limit (PTD `limitclose`).
    public static let nearLimitMultiplier = 2 * (2.66 / 3)
    /// Moving ranges at or above this multiple of the mean moving range are screened out.
    public static let outlierScreenMultiplier = 3.267
    /// Limits from fewer values than this are trial limits (PTD option `ptd_spc.warning_threshold`).
    public static let trialLimitsThreshold = 13

    /// The centre line; nil when there were no values.
    public let mean: Double?
    /// Mean moving range after any screening; nil when there was no moving range.
    public let averageMovingRange: Double?
    /// Lower process limit, mean − 2.66 × mean moving range.
    public let lowerProcessLimit: Double?
    /// Upper process limit, mean + 2.66 × mean moving range.
    public let upperProcessLimit: Double?
    /// Lower near limit, mean − (2/3 × 2.66) × mean moving range.
    public let lowerNearLimit: Double?
    /// Upper near limit, mean + (2/3 × 2.66) × mean moving range.
    public let upperNearLimit: Double?
    /// How many values the limits were calculated from.
    public let valueCount: Int
    /// How many moving ranges there were before screening.
    public let movingRangeCount: Int
    /// How many moving ranges outlier screening dropped (0 when not screening).
    public let screenedOutMovingRangeCount: Int

    /// True when the limits rest on fewer than 13 values, so they are trial limits that would move as
    /// points are added (PTD short-group warning; Scrutineer also counts a small `fixAfterPoints`).
    public var isTrialLimits: Bool { valueCount < Self.trialLimitsThreshold }

    /// Limits from `values` in time order (already cut to the points the limits are fixed on);
    /// nil values are missing.
    public init(values: [Double?], screenOutliers: Bool) {
        let present = values.compactMap { $0 }
        valueCount = present.count
        mean = present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)

        var movingRanges: [Double] = []
        if values.count > 1 {
            for i in 1..<values.count {
                if let current = values[i], let previous = values[i - 1] {
                    movingRanges.append(abs(current - previous))
                }
            }
        }
        movingRangeCount = movingRanges.count

        var average: Double? = movingRanges.isEmpty ? nil : movingRanges.reduce(0, +) / Double(movingRanges.count)
        var screenedOut = 0
        if screenOutliers, let unscreened = average {
            let threshold = Self.outlierScreenMultiplier * unscreened
            let kept = movingRanges.filter { $0 < threshold }
            screenedOut = movingRanges.count - kept.count
            // Every moving range screened out happens only when all are equal to 0 (constant values):
            // the mean moving range is then 0 and the limits collapse onto the mean (§9.1).
            average = kept.isEmpty ? 0 : kept.reduce(0, +) / Double(kept.count)
        }
        screenedOutMovingRangeCount = screenedOut
        averageMovingRange = average

        if let mean, let average {
            lowerProcessLimit = mean - Self.processLimitMultiplier * average
            upperProcessLimit = mean + Self.processLimitMultiplier * average
            lowerNearLimit = mean - Self.nearLimitMultiplier * average
            upperNearLimit = mean + Self.nearLimitMultiplier * average
        } else {
            lowerProcessLimit = nil
            upperProcessLimit = nil
            lowerNearLimit = nil
            upperNearLimit = nil
        }
    }

    /// True when the mean and every limit are available, so points can be judged against them.
    public var hasLimits: Bool { upperProcessLimit != nil }
}
