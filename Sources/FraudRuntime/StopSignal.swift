import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A request to stop, set once by a signal (SIGINT/SIGTERM) or by code, checked by workers between batches
/// so that the batch in flight is finished and committed before they return.
package final class StopSignal: Sendable {
    private let requested = Mutex(false)
    private let sources = Mutex<[InstalledSource]>([])

    /// Dispatch sources are thread-safe; they are only kept alive here.
    private struct InstalledSource: @unchecked Sendable {
        let source: DispatchSourceSignal
    }

    package init() {}

    /// Whether a stop was requested.
    package var isRequested: Bool { requested.withLock { $0 } }

    /// Requests a stop; workers return after their current batch.
    package func request() { requested.withLock { $0 = true } }

    /// Requests a stop when the process receives any of `signals` (default SIGINT and SIGTERM),
    /// instead of the default action of ending the process at once.
    package func install(on signals: [Int32] = [SIGINT, SIGTERM]) {
        let installed = signals.map { number -> InstalledSource in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.request() }
            source.resume()
            return InstalledSource(source: source)
        }
        sources.withLock { $0.append(contentsOf: installed) }
    }

    /// Sleeps for `duration`, returning early (without throwing) when a stop is requested or the task is cancelled.
    package func sleep(for duration: Duration) async {
        let step = Duration.milliseconds(20)
        var remaining = duration
        while remaining > .zero, !isRequested, !Task.isCancelled {
            let nap = min(step, remaining)
            try? await Task.sleep(for: nap)
            remaining -= nap
        }
    }
}
