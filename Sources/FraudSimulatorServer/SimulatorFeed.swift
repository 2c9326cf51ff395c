import FraudCore
import FraudSimulator

/// The simulator behind the HTTP server: hands out the next payments to each call (after the repeated
/// tail of the previous answer, if asked), and enforces the optional calls-per-minute limit of the public API.
actor SimulatorFeed {
    /// What a call gets.
    enum Outcome {
        case payments([Transaction])
        /// Too many calls in the last minute; retry after this many seconds.
        case rateLimited(retryAfterSeconds: Int)
    }

    private var simulator: PaymentSimulator
    private let callsPerMinute: Int
    private let repeatedRows: Int
    private var recentCalls: [ContinuousClock.Instant] = []
    private var previous: [Transaction] = []

    init(simulator: PaymentSimulator, callsPerMinute: Int, repeatedRows: Int = 0) {
        self.simulator = simulator
        self.callsPerMinute = callsPerMinute
        self.repeatedRows = repeatedRows
    }

    func take(_ count: Int, now: ContinuousClock.Instant = .now) -> Outcome {
        if callsPerMinute > 0 {
            recentCalls.removeAll { now - $0 >= .seconds(60) }
            if recentCalls.count >= callsPerMinute, let oldest = recentCalls.first {
                let wait = Duration.seconds(60) - (now - oldest)
                return .rateLimited(retryAfterSeconds: max(1, Int(wait.components.seconds) + 1))
            }
            recentCalls.append(now)
        }
        let fresh = simulator.nextBatch(count: count)
        let answer = previous.suffix(repeatedRows) + fresh
        if repeatedRows > 0 { previous = fresh }
        return .payments(Array(answer))
    }
}
