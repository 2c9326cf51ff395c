import FraudCore

/// Writes accepted payments to `payments.raw`: creates the topic and the producer on first use, then sends
/// concurrently (the producer is thread-safe); a send returns once the bus has durably written the batch.
actor PaymentIngest {
    private let bus: any Bus
    private let partitions: Int
    /// Creating the producer, shared by concurrent first callers; cleared when creation fails so a later call retries.
    private var producerTask: Task<any BusProducer, any Error>?

    init(bus: any Bus, partitions: Int) {
        self.bus = bus
        self.partitions = partitions
    }

    /// Sends `payments` keyed by card, returning once every record is acknowledged.
    nonisolated func send(_ payments: [Transaction]) async throws {
        let producer = try await self.producer()
        try await producer.send(payments.map { PaymentMessages.message(for: $0) })
    }

    private func producer() async throws -> any BusProducer {
        let task = producerTask ?? Task { [bus, partitions] in
            try await bus.createTopic(PaymentMessages.rawTopic, partitions: partitions)
            return try await bus.makeProducer()
        }
        producerTask = task
        do {
            return try await task.value
        } catch {
            producerTask = nil
            throw error
        }
    }

    /// Waits for outstanding sends and closes the producer.
    func close() async throws {
        guard let task = producerTask else { return }
        producerTask = nil
        try await (try? await task.value)?.close()
    }
}
