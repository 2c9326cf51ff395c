import FraudCore
import FraudRuntime
import FraudStore

/// The start of a command that runs pipeline workers until stopped: opens the bus, installs SIGINT/SIGTERM as a stop
/// request, then runs `body` with the bus, an open store (closed afterwards, as `withDatabase`) and the stop signal.
func withBusAndDatabase<T>(_ bus: BusOptions, _ database: DatabaseOptions,
                           _ body: (any Bus, any FraudDatabase, StopSignal) async throws -> T) async throws -> T {
    let opened = try bus.open()
    let stop = StopSignal()
    stop.install()
    return try await withDatabase(database) { store in try await body(opened, store, stop) }
}
