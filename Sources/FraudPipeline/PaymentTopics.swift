import FraudCore

/// Creates the pipeline's topics (`payments.raw`, `payments.scored`); existing topics are left as they are.
public enum PaymentTopics {
    /// Partitions of a new payment topic: the most scorers one group can spread over.
    public static let defaultPartitions = 4

    /// Creates both payment topics on `bus` if they do not exist.
    public static func create(on bus: any Bus, partitions: Int = defaultPartitions) async throws {
        try await bus.createTopic(PaymentMessages.rawTopic, partitions: partitions)
        try await bus.createTopic(PaymentMessages.scoredTopic, partitions: partitions)
    }
}
