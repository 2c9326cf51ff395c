import FraudRuntime
import Logging

/// `fraud run retrainer`: checks the triggers every `checkInterval` and retrains when one fires.
package struct RetrainerWorker: Sendable {
    /// What retrains.
    package let retrainer: Retrainer
    let logger: Logger

    /// A worker around `retrainer`.
    package init(retrainer: Retrainer, logger: Logger = Logger(label: "fraud.retrainer")) {
        self.retrainer = retrainer
        self.logger = logger
    }

    /// Runs until `stop` is requested; a failed retraining is logged (and recorded) and the loop goes on.
    /// - Parameter onOutcome: called after each retraining (the demo narrates it).
    package func run(stop: StopSignal, onOutcome: @Sendable (RetrainOutcome) async -> Void = { _ in }) async throws {
        while !stop.isRequested, !Task.isCancelled {
            if let trigger = try await retrainer.check() {
                do {
                    await onOutcome(try await retrainer.retrain(trigger: trigger))
                } catch {
                    logger.error("retraining failed (\(trigger)): \(error)")
                }
            }
            await stop.sleep(for: retrainer.configuration.checkInterval)
        }
    }
}
