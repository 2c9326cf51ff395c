/// The alerting role: deliver an alert on every configured channel and report how each delivery ended.
package protocol Alerter: Sendable {
    /// Delivers one alert; returns one outcome per channel (delivered, failed or duplicate).
    func send(_ message: AlertMessage) async -> [AlertDeliveryOutcome]
}

extension Alerter {
    /// Alerts on a scored payment when it was predicted fraud; returns no outcome otherwise.
    package func send(_ scored: ScoredTransaction, createdAt: EventTime) async -> [AlertDeliveryOutcome] {
        guard let alert = Alert(scored, createdAt: createdAt) else { return [] }
        return await send(.fraud(alert))
    }

    /// Raises an operational alert (drift, performance below floor) on the same channels.
    package func send(_ alert: OperationalAlert) async -> [AlertDeliveryOutcome] {
        await send(.operational(alert))
    }
}
