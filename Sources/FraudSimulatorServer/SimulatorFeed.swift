import FraudCore
import FraudSimulator

/// The simulator behind the HTTP server: hands out the next payments to each call, and enforces
/// the optional calls-per-minute limit of the public API.
actor SimulatorFeed {
    /// What a call gets.
    enum Outcome {
        case payments([Transaction])
        /// Too many calls in the last minute; retry after this many seconds.
        case rateLimited(retryAfterSeconds: Int)
    }

    private var simulator: PaymentSimulator
    private let callsPerMinute: Int
    private var recentCalls: [ContinuousClock.Instant] = []

    init(simulator: PaymentSimulator, callsPerMinute: Int) {
        self.simulator = simulator
        self.callsPerMinute = callsPerMinute
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
        return .payments(simulator.nextBatch(count: count))
    }
}
