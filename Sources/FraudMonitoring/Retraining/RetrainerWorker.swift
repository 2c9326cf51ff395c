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

    /// Runs until `stop` is requested; a failed retraining is logged (and recorded) and the loop goes on, and a database
    /// outage is waited out (`RetrainerConfiguration.outage`).
    /// - Parameter onOutcome: called after each retraining (the demo narrates it).
    package func run(stop: StopSignal, onOutcome: @Sendable (RetrainOutcome) async -> Void = { _ in }) async throws {
        while !stop.isRequested, !Task.isCancelled {
            let trigger: RetrainTrigger?
            do {
                trigger = try await retrainer.configuration.outage.run("check the retraining triggers", stop: stop, logger: logger) {
                    try await retrainer.check()
                }
            } catch is StoppedDuringOutage {
                return
            }
            if let trigger {
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
