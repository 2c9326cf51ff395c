import FraudCore
import FraudRuntime
import Logging

/// How a long-running worker rides out a database outage: a store call that failed because the database could not be
/// reached (the store's own retries ran out: `StoreError.unavailable`, or a `FeatureStateError` outage) runs again after
/// `backoff`'s delays, until it succeeds or the
/// worker is stopped. Store writes are idempotent, so calling again after an unknown outcome is safe. The outage is
/// logged when it starts and when it ends; any other error is thrown at once.
package struct OutageRetry: Hashable, Sendable {
    /// The delays between calls.
    package var backoff: Backoff

    /// 0.5 s after the first failure, doubling up to 5 s.
    package static let standard = OutageRetry(backoff: try! Backoff(initial: .milliseconds(500), maximum: .seconds(5)))

    package init(backoff: Backoff) {
        self.backoff = backoff
    }

    /// Runs `body` until it succeeds.
    /// - Throws: what `body` threw when it is not an outage; `StoppedDuringOutage` when `stop` is requested during one
    ///   (`MicroBatchLoop` then ends without committing the batch, which is re-delivered).
    package func run<T>(_ operation: String, stop: StopSignal, logger: Logger, isolation: isolated (any Actor)? = #isolation,
                       _ body: () async throws -> T) async throws -> T {
        var failures = 0
        var outageStart = ContinuousClock.now
        while true {
            do {
                let value = try await body()
                if failures > 0 {
                    logger.notice("\(operation): the database answers again after \(ContinuousClock.now - outageStart)")
                }
                return value
            } catch where Self.isOutage(error) {
                failures += 1
                if failures == 1 {
                    outageStart = .now
                    logger.warning("\(operation): database unavailable, retrying until it answers: \(error)")
                }
                guard !stop.isRequested, !Task.isCancelled else { throw StoppedDuringOutage(operation: operation, underlying: error) }
                await stop.sleep(for: backoff.wait(afterFailures: failures))
            }
        }
    }

    /// Whether `error` says the database could not be reached (and nothing was done).
    package static func isOutage(_ error: any Error) -> Bool {
        switch error {
        case let error as StoreError:
            error.isUnavailable
        case let error as FeatureStateError:
            error.isOutage
        default:
            false
        }
    }
}
