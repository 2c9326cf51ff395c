import FraudCore

extension Bus {
    /// Runs `body` with a new producer and closes it afterwards, also when `body` throws.
    @discardableResult
    func withProducer<T>(_ body: (any BusProducer) async throws -> T) async throws -> T {
        let producer = try await makeProducer()
        let value: T
        do {
            value = try await body(producer)
        } catch {
            try? await producer.close()
            throw error
        }
        try await producer.close()
        return value
    }
}
