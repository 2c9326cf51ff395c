import FraudCore

/// Creates the pipeline's topics (`payments.raw`, `payments.scored`); existing topics are left as they are.
package enum PaymentTopics {
    /// Partitions of a new payment topic: the most scorers one group can spread over.
    package static let defaultPartitions = 4

    /// Creates both payment topics on `bus` if they do not exist.
    package static func create(on bus: any Bus, partitions: Int = defaultPartitions) async throws {
        try await bus.createTopic(PaymentMessages.rawTopic, partitions: partitions)
        try await bus.createTopic(PaymentMessages.scoredTopic, partitions: partitions)
    }
}
