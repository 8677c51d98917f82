import Foundation

/// Which recent-trend test to run (METHODS.md §8.1; Fingertips `TrendMarkerCalculator`).
public enum RecentTrendPath: String, Sendable, Hashable, CaseIterable, Codable {
    /// Weighted least squares on the values, weights from the 95% limits; for every comparator
    /// method other than SPC for proportions. Needs value and 95% limits.
    case ciWeighted
    /// Cochran–Armitage test for trend in proportions; when the comparator is SPC for
    /// proportions. Needs value, count and denominator.
    case proportion
}

/// Which way a fitted trend slopes.
public enum TrendDirection: String, Sendable, Hashable, CaseIterable, Codable {
    /// The slope is positive.
    case increasing
    /// The slope is negative.
    case decreasing
    /// No slope: zero, or the trend could not be calculated.
    case none
}

/// Why a recent trend could not be calculated.
public enum RecentTrendUnavailableReason: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Fewer than 5 points with the data the path needs (Fingertips: "Not enough data points
    /// with valid values to calculate recent trend").
    case fewerThanFiveValidPoints
    /// A point used has count equal to its denominator, so its logit is undefined (Fingertips
    /// `TrendRequest.IsPossibleDivideByZeroErrors`, applied on both paths).
    case countEqualsDenominator
    /// Proportion path: a point used has a count of 0, so its logit is undefined (Scrutineer's
    /// extension of the rule above; Fingertips would compute with −∞).
    case zeroCount
    /// CI-weighted path: a point used has equal lower and upper limits, so its weight is infinite.
    case zeroWidthInterval

    public var description: String {
        switch self {
        case .fewerThanFiveValidPoints: "fewer than 5 points with valid data"
        case .countEqualsDenominator: "a point has count equal to its denominator"
        case .zeroCount: "a point has a count of zero"
        case .zeroWidthInterval: "a point has equal lower and upper 95% limits"
        }
    }
}

/// The Fingertips "recent trend" of a series: a χ² test for trend over the 5 most recent valid
/// points with a leave-one-out check on the slope's sign (METHODS.md §8.1, §8.3; Fingertips
/// `TrendMarkerCalculator`, `TrendRequest`).
///
/// Fingertips only calculates it for proportions and crude rates with a one-year period; that
/// eligibility is the caller's. Points with missing data are skipped, as the live service does
/// (§8.3), rather than requiring an unbroken run as the fingertips-open code does. The direction
/// comes from the chronological slope; never copy direction words from a Fingertips export,
/// which are inverted (§8.3).
public struct RecentTrend: Sendable, Hashable {
    /// How many of the most recent valid points are used: 5.
    public static let pointsToUse = 5
    /// The χ² critical value: `qchisq(0.998, 1)` (Fingertips `ChiSquareConfidence`).
    public static let criticalChiSquare = 9.54953570608324

    /// The number of valid points used (5, or fewer when it cannot be calculated).
    public var numberOfPoints: Int
    /// The χ² statistic for trend; nil when it cannot be calculated.
    public var chiSquare: Double?
    /// Whether χ² exceeds the critical value and no single point reverses the slope.
    public var isSignificant: Bool
    /// The direction of the fitted slope over all 5 points, whether or not it is significant
    /// (the marker says whether it is); `.none` when it cannot be calculated.
    public var direction: TrendDirection
    /// Increasing / Decreasing (significant), No significant change, or Cannot be calculated.
    public var marker: TrendMarker
    /// Why it could not be calculated, when it could not.
    public var unavailableReason: RecentTrendUnavailableReason?

    /// The marker with its judgement for `polarity`, e.g. "Decreasing and getting better".
    public func phrase(for polarity: Polarity) -> String {
        marker.phrase(for: polarity)
    }

    /// The recent trend of `points`, given **oldest first** (one per period). Points without the
    /// data `path` needs are skipped; the 5 most recent of the rest are scored t = 1…5.
    ///
    /// - Throws: `TrendError` for numbers that are not finite, limits out of order, a negative
    ///   count, a denominator not above zero, or (proportion path) a count above its denominator.
    public static func calculate(_ points: [TrendPoint], path: RecentTrendPath) throws(TrendError) -> RecentTrend {
        for (index, point) in points.enumerated() {
            try point.validate(position: index + 1)
            if path == .proportion, let count = point.count, let denominator = point.denominator, count > denominator {
                throw .countAboveDenominator(count: count, denominator: denominator, position: index + 1)
            }
        }
        let valid = points.filter { point in
            switch path {
            case .ciWeighted: point.hasValueAndInterval
            case .proportion: point.value != nil && point.count != nil && point.denominator != nil
            }
        }
        let used = Array(valid.suffix(pointsToUse))
        guard used.count == pointsToUse else {
            return .unavailable(.fewerThanFiveValidPoints, points: used.count)
        }
        if used.contains(where: { $0.count != nil && $0.count == $0.denominator }) {
            return .unavailable(.countEqualsDenominator, points: used.count)
        }
        switch path {
        case .ciWeighted: return ciWeighted(used)
        case .proportion: return proportion(used)
        }
    }

    // MARK: - CI-weighted path

    /// SE = (UCI − LCI)/3.92, w = 1/SE², weighted least-squares slope over t, χ² = (b / SE(b))².
    private static func ciWeighted(_ points: [TrendPoint]) -> RecentTrend {
        var times: [Double] = []
        var values: [Double] = []
        var weights: [Double] = []
        for (index, point) in points.enumerated() {
            // Present: `calculate` keeps only points with a value and both limits.
            guard let value = point.value, let lower = point.lower95, let upper = point.upper95 else { continue }
            let standardError = (upper - lower) / 3.92
            if standardError == 0 { return .unavailable(.zeroWidthInterval, points: points.count) }
            times.append(Double(index + 1))
            values.append(value)
            weights.append(1 / (standardError * standardError))
        }
        let fit = weightedFit(times, values, weights)
        let chiSquare = fit.slope * fit.slope / fit.slopeVariance
        let slopes = leaveOneOutSlopes(count: points.count) { kept in
            weightedFit(kept.map { times[$0] }, kept.map { values[$0] }, kept.map { weights[$0] }).slope
        }
        // A slope within rounding of zero (five equal values) is flat, not a direction.
        let scale = max(1, values.map(abs).max() ?? 0)
        return result(
            chiSquare: chiSquare,
            direction: direction(ofSign: abs(fit.slope) <= 1e-12 * scale ? 0 : fit.slope),
            slopes: [fit.slope] + slopes,
            points: points.count
        )
    }

    /// Weighted least squares of y on t: the slope and its variance Σw / (Σw·Σwt² − (Σwt)²).
    private static func weightedFit(_ t: [Double], _ y: [Double], _ w: [Double]) -> (slope: Double, slopeVariance: Double) {
        var sumW = 0.0, sumWT = 0.0, sumWT2 = 0.0, sumWY = 0.0, sumWTY = 0.0
        for i in t.indices {
            sumW += w[i]
            sumWT += w[i] * t[i]
            sumWT2 += w[i] * t[i] * t[i]
            sumWY += w[i] * y[i]
            sumWTY += w[i] * t[i] * y[i]
        }
        let determinant = sumW * sumWT2 - sumWT * sumWT
        return ((sumW * sumWTY - sumWT * sumWY) / determinant, sumW / determinant)
    }

    // MARK: - Proportion path

    /// Cochran–Armitage χ² = N·(N·Σxt − X·Σnt)² / (X·(N − X)·(N·Σnt² − (Σnt)²)); the sign check
    /// uses unweighted least-squares slopes of logit(x / (n − x)); the direction is the sign of
    /// N·Σxt − X·Σnt (Fingertips leaves its slope unset on this path; METHODS.md §8.1 quirk).
    private static func proportion(_ points: [TrendPoint]) -> RecentTrend {
        var times: [Double] = []
        var counts: [Double] = []
        var denominators: [Double] = []
        for (index, point) in points.enumerated() {
            // Present: `calculate` keeps only points with a count and denominator.
            guard let count = point.count, let denominator = point.denominator else { continue }
            if count == 0 { return .unavailable(.zeroCount, points: points.count) }
            times.append(Double(index + 1))
            counts.append(count)
            denominators.append(denominator)
        }
        var bigN = 0.0, bigX = 0.0, sumXT = 0.0, sumNT = 0.0, sumNT2 = 0.0
        for i in times.indices {
            bigN += denominators[i]
            bigX += counts[i]
            sumXT += counts[i] * times[i]
            sumNT += denominators[i] * times[i]
            sumNT2 += denominators[i] * times[i] * times[i]
        }
        let numerator = bigN * sumXT - bigX * sumNT
        let chiSquare = bigN * numerator * numerator / (bigX * (bigN - bigX) * (bigN * sumNT2 - sumNT * sumNT))
        let logits = times.indices.map { log(counts[$0] / (denominators[$0] - counts[$0])) }
        let slopes = [ordinarySlope(times, logits)] + leaveOneOutSlopes(count: points.count) { kept in
            ordinarySlope(kept.map { times[$0] }, kept.map { logits[$0] })
        }
        return result(chiSquare: chiSquare, direction: direction(ofSign: numerator), slopes: slopes, points: points.count)
    }

    /// Unweighted least-squares slope (n·Σty − Σt·Σy) / (n·Σt² − (Σt)²).
    private static func ordinarySlope(_ t: [Double], _ y: [Double]) -> Double {
        weightedFit(t, y, Array(repeating: 1, count: t.count)).slope
    }

    // MARK: - Shared

    /// The slope fitted to each set that leaves out one point (t keeps each point's own score).
    private static func leaveOneOutSlopes(count: Int, slope: ([Int]) -> Double) -> [Double] {
        (0..<count).map { left in slope((0..<count).filter { $0 != left }) }
    }

    /// Significant when χ² exceeds the critical value and all six slopes share a sign (a slope of
    /// exactly 0 counts with the positives, as in Fingertips).
    private static func result(chiSquare: Double, direction: TrendDirection, slopes: [Double], points: Int) -> RecentTrend {
        let negatives = slopes.filter { $0 < 0 }.count
        let sameSign = negatives == 0 || negatives == slopes.count
        let significant = sameSign && chiSquare > criticalChiSquare
        let marker: TrendMarker
        if significant {
            marker = direction == .increasing ? .increasing : .decreasing
        } else {
            marker = .noChange
        }
        return RecentTrend(
            numberOfPoints: points,
            chiSquare: chiSquare,
            isSignificant: significant,
            direction: direction,
            marker: marker,
            unavailableReason: nil
        )
    }

    private static func direction(ofSign number: Double) -> TrendDirection {
        if number > 0 { return .increasing }
        if number < 0 { return .decreasing }
        return .none
    }

    private static func unavailable(_ reason: RecentTrendUnavailableReason, points: Int) -> RecentTrend {
        RecentTrend(
            numberOfPoints: points,
            chiSquare: nil,
            isSignificant: false,
            direction: .none,
            marker: .cannotBeCalculated,
            unavailableReason: reason
        )
    }
}
