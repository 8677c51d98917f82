import Foundation

/// A value axis with "nice" round ticks covering the data (1, 2, 2.5 or 5 × 10ⁿ steps).
struct ChartScale: Sendable, Equatable {
    let minimum: Double
    let maximum: Double
    let ticks: [Double]

    /// A scale covering `values`, starting at zero when every value is positive and zero is not far off.
    init(covering values: [Double], tickCount: Int = 5, includeZero: Bool = true) {
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if includeZero, low > 0, low < high * 0.6 { low = 0 }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let rough = (high - low) / Double(max(1, tickCount - 1))
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let start = floor(low / step) * step
        let end = ceil(high / step) * step
        var ticks: [Double] = []
        var tick = start
        while tick <= end + step * 1e-9 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        minimum = start
        maximum = end
        self.ticks = ticks
    }

    /// Where `value` falls between `from` (at the minimum) and `to` (at the maximum).
    func position(_ value: Double, from: Double, to: Double) -> Double {
        guard maximum > minimum else { return (from + to) / 2 }
        return from + (value - minimum) / (maximum - minimum) * (to - from)
    }
}
