import FraudCore

/// Dates for e-mail headers (RFC 5322 §3.3), written by hand: `Sun, 21 Jun 2020 12:14:25 +0000`.
package enum RFC5322Date {
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The time in UTC as an RFC 5322 `date-time`.
    package static func format(_ time: EventTime) -> String {
        let (year, month, day) = CivilCalendar.date(days: Int(time.date.daysSinceEpoch))
        let seconds = time.secondOfDay
        return weekdays[time.weekday] + ", " + DecimalDigits.padded(day, 2) + " " + months[month - 1] + " "
            + String(year) + " " + DecimalDigits.padded(seconds / 3600, 2) + ":"
            + DecimalDigits.padded(seconds / 60 % 60, 2) + ":" + DecimalDigits.padded(seconds % 60, 2) + " +0000"
    }
}
