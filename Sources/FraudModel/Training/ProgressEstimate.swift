/// How far long work has got and, at the pace so far, how long the rest should take: "40 %, about 1 min 5 s left".
package struct ProgressEstimate {
    private let now: () -> ContinuousClock.Instant
    private let start: ContinuousClock.Instant

    /// Starts timing now; `now` is the clock (injected by tests).
    package init(now: @escaping () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.now = now
        start = now()
    }

    /// `done` of `total` units as a percentage, with the time left once a unit is done and some remain.
    package func text(done: Int, total: Int) -> String {
        guard total > 0 else { return "100 %" }
        let percent = "\(min(100, done * 100 / total)) %"
        guard done > 0, done < total else { return percent }
        let elapsed = now() - start
        let left = elapsed / Double(done) * Double(total - done)
        return percent + ", about \(Self.duration(left)) left"
    }

    /// `duration` in whole seconds, minutes and hours: "5 s", "2 min 5 s", "1 h 2 min".
    static func duration(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds) + (duration.components.attoseconds > 0 ? 1 : 0)
        switch seconds {
        case ..<60: return "\(seconds) s"
        case ..<3_600: return "\(seconds / 60) min \(seconds % 60) s"
        default: return "\(seconds / 3_600) h \(seconds % 3_600 / 60) min"
        }
    }
}
