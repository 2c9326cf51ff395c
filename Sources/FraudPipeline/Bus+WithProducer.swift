import FraudCore

extension Bus {
    /// Runs `body` with a new producer and closes it afterwards, also when `body` throws.
    @discardableResult
    func withProducer<T>(_ body: (any BusProducer) async throws -> T) async throws -> T {
        let producer = try await makeProducer()
        return try await withCleanup { try await body(producer) } cleanup: { try await producer.close() }
    }
}
