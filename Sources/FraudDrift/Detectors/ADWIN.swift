import FraudCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ADWIN (ADaptive WINdowing) change detector, as river implements it (`river.drift.ADWIN`).
///
/// A. Bifet and R. Gavaldà, "Learning from Time-Changing Data with Adaptive Windowing",
/// SIAM International Conference on Data Mining, 2007 (the ADWIN2 bucket compression). The window
/// is kept as rows of summaries: row i holds up to `maxBuckets + 1` summaries of 2ⁱ values each;
/// every `clock` values, each split of the window into an older and a newer part is tested, and
/// while the means differ by more than the Hoeffding–Bernstein bound ε_cut the oldest summary is
/// dropped. Variance updates follow Babcock et al. (PODS 2003), in river's arithmetic order so
/// detection points match river's exactly.
package struct ADWIN: StreamingDriftDetector {
    /// Confidence parameter δ of the cut test (river: 0.002).
    package let delta: Double
    /// Test for a change every `clock` values (river: 32).
    package let clock: Int
    /// Summaries per row before two are merged into the next row (river: 5).
    package let maxBuckets: Int
    /// Smallest sub-window considered on either side of a cut (river: 5).
    package let minWindowLength: Int
    /// No test before the window holds more than this many values (river: 10).
    package let gracePeriod: Int

    package private(set) var driftDetected = false
    /// Changes detected since creation.
    package private(set) var detections = 0
    /// Values in the current window.
    package var width: Int { Int(windowWidth) }
    /// Sum of the values in the window.
    package private(set) var total = 0.0
    /// Sum of squared deviations from the window mean (river's `variance`).
    package private(set) var variance = 0.0
    /// Mean of the window (0 when empty).
    package var estimation: Double { windowWidth == 0 ? 0 : total / windowWidth }

    private var windowWidth = 0.0
    private var tick = 0
    /// rows[i] holds (total, variance) summaries of 2ⁱ values each, oldest first.
    private var rows: [[Summary]] = [[]]

    private struct Summary: Sendable {
        var total: Double
        var variance: Double
    }

    /// A detector with river's defaults.
    /// - Throws: `ConfigurationError` naming the parameter when one is out of range.
    package init(delta: Double = 0.002, clock: Int = 32, maxBuckets: Int = 5, minWindowLength: Int = 5, gracePeriod: Int = 10) throws {
        guard delta > 0, delta < 1 else { throw ConfigurationError(parameter: "delta", value: "\(delta)", expected: "0 < delta < 1") }
        guard clock >= 1 else { throw ConfigurationError(parameter: "clock", value: "\(clock)", expected: "≥ 1") }
        guard maxBuckets >= 1 else { throw ConfigurationError(parameter: "maxBuckets", value: "\(maxBuckets)", expected: "≥ 1") }
        guard minWindowLength >= 1 else { throw ConfigurationError(parameter: "minWindowLength", value: "\(minWindowLength)", expected: "≥ 1") }
        guard gracePeriod >= 0 else { throw ConfigurationError(parameter: "gracePeriod", value: "\(gracePeriod)", expected: "≥ 0") }
        self.delta = delta
        self.clock = clock
        self.maxBuckets = maxBuckets
        self.minWindowLength = minWindowLength
        self.gracePeriod = gracePeriod
    }

    package mutating func update(_ value: Double) {
        if driftDetected { reset() }
        insert(value)
        driftDetected = detectChange()
        if driftDetected { detections += 1 }
    }

    /// Starts an empty window, as river does on the update after a detection.
    private mutating func reset() {
        driftDetected = false
        windowWidth = 0
        total = 0
        variance = 0
        tick = 0
        rows = [[]]
    }

    private mutating func insert(_ value: Double) {
        rows[0].append(Summary(total: value, variance: 0))
        windowWidth += 1
        if windowWidth > 1 {
            let deviation = value - total / (windowWidth - 1)
            variance += (windowWidth - 1) * deviation * deviation / windowWidth
        }
        total += value
        compress()
    }

    /// Merges the two oldest summaries of every full row into one of the next row.
    private mutating func compress() {
        var row = 0
        while rows[row].count == maxBuckets + 1 {
            let size = Double(1 << row)
            let older = rows[row][0]
            let newer = rows[row][1]
            let meanGap = older.total / size - newer.total / size
            let merged = Summary(total: older.total + newer.total, variance: older.variance + newer.variance + size * 0.5 * meanGap * meanGap)
            if row + 1 == rows.count { rows.append([]) }
            rows[row + 1].append(merged)
            rows[row].removeFirst(2)
            if rows[row + 1].count <= maxBuckets { break }
            row += 1
        }
    }

    /// Drops the oldest summary from the window.
    private mutating func removeOldest() {
        let last = rows.count - 1
        let size = Double(1 << last)
        let oldest = rows[last][0]
        windowWidth -= size
        total -= oldest.total
        let gap = oldest.total / size - total / windowWidth
        variance -= oldest.variance + size * windowWidth * gap * gap / (size + windowWidth)
        rows[last].removeFirst()
        if rows[last].isEmpty && last > 0 { rows.removeLast() }
    }

    private mutating func detectChange() -> Bool {
        tick += 1
        guard tick % clock == 0, windowWidth > Double(gracePeriod) else { return false }
        var detected = false
        var shrinking = true
        while shrinking {
            shrinking = false
            var olderCount = 0.0, newerCount = windowWidth
            var olderTotal = 0.0, newerTotal = total
            scan: for row in stride(from: rows.count - 1, through: 0, by: -1) {
                let size = Double(1 << row)
                for (position, summary) in rows[row].enumerated() {
                    olderCount += size
                    newerCount -= size
                    olderTotal += summary.total
                    newerTotal -= summary.total
                    if row == 0 && position == rows[row].count - 1 { break scan }
                    let gap = olderTotal / olderCount - newerTotal / newerCount
                    if newerCount >= Double(minWindowLength), olderCount >= Double(minWindowLength),
                       cutHolds(olderCount, newerCount, gap) {
                        shrinking = true
                        detected = true
                        if windowWidth > 0 {
                            removeOldest()
                            break scan
                        }
                    }
                }
            }
        }
        return detected
    }

    /// |μ₀ − μ₁| > ε_cut with ε_cut = √(2·m⁻¹·σ²·δ′) + ⅔·δ′·m⁻¹, δ′ = ln(2 ln(width)/δ).
    private func cutHolds(_ olderCount: Double, _ newerCount: Double, _ gap: Double) -> Bool {
        let deltaPrime = log(2 * log(windowWidth) / delta)
        let harmonic = 1 / (olderCount - Double(minWindowLength) + 1) + 1 / (newerCount - Double(minWindowLength) + 1)
        let epsilon = (2 * harmonic * (variance / windowWidth) * deltaPrime).squareRoot() + 2.0 / 3.0 * deltaPrime * harmonic
        return abs(gap) > epsilon
    }
}
