import FraudCore
import Foundation

/// The HTTP `Retry-After` header (RFC 9110 §10.2.3): delay-seconds, or an IMF-fixdate such as
/// `Sun, 06 Nov 1994 08:49:37 GMT`, parsed by hand (Foundation's date formatters are slow on Linux).
package enum RetryAfter {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The wait the header asks for, measured from `now`; `nil` when absent or unreadable, zero for a past date.
    package static func wait(_ header: String?, now: EventTime) -> Duration? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Int64(text) { return seconds >= 0 ? .seconds(seconds) : nil }
        guard let date = imfFixdate(text) else { return nil }
        return .milliseconds(max(0, date.millisecondsSinceEpoch - now.millisecondsSinceEpoch))
    }

    /// `Sun, 06 Nov 1994 08:49:37 GMT`.
    private static func imfFixdate(_ text: String) -> EventTime? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[0].hasSuffix(","), parts[5] == "GMT",
              let day = Int(parts[1]), let month = months.firstIndex(of: String(parts[2])), let year = Int(parts[3])
        else { return nil }
        let clock = parts[4].split(separator: ":")
        guard clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]) else { return nil }
        return EventTime(year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second)
    }
}
