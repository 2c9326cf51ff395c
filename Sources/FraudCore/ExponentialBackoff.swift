/// How every retry in the system grows its wait (the store's attempts, a worker waiting out an outage, alert
/// deliveries, the poller): after `failures` failures in a row, `initial × multiplier^(failures - 1)`, at most `maximum`.
package enum ExponentialBackoff {
    /// That wait in milliseconds, before any jitter.
    package static func milliseconds(afterFailures failures: Int, initial: Duration, multiplier: Double, maximum: Duration) -> Double {
        let cap = Double(maximum.milliseconds)
        var wait = Double(initial.milliseconds)
        for _ in 1..<max(failures, 1) where wait < cap { wait *= multiplier }
        return min(wait, cap)
    }
}
