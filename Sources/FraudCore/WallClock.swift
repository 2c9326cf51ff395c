#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's real-time clock (`CLOCK_REALTIME`), the one every module reads the wall-clock time from.
package enum WallClock {
    /// Now, as an `EventTime` (milliseconds since the epoch, UTC).
    package static var now: EventTime {
        EventTime(millisecondsSinceEpoch: microseconds / 1000)
    }

    /// Microseconds since the epoch: latencies against records' millisecond timestamps need finer than `now`.
    package static var microseconds: Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1000
    }
}
