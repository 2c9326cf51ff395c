/// When a payment happened: milliseconds since 1970-01-01 00:00:00, read as UTC.
///
/// The CSV's `trans_date_trans_time` (`2020-06-21 12:14:25`, second resolution) and the
/// real-time API's `current_time` (epoch milliseconds) both map onto it. The CSV's
/// `unix_time` column is on another epoch and is never used as event time.
package struct EventTime: Hashable, Comparable, Sendable {
    package var millisecondsSinceEpoch: Int64

    package init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    package init(secondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = secondsSinceEpoch * 1000
    }

    /// A time from its calendar parts; `nil` when they are out of range.
    package init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard let date = CalendarDate(year: year, month: month, day: day),
              (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second)
        else { return nil }
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(secondsSinceEpoch: seconds)
    }

    /// Parses `YYYY-MM-DD HH:MM:SS` (a `T` separator is accepted too) or a bare `YYYY-MM-DD`.
    package init?(_ text: some StringProtocol) {
        var text = String(text)
        guard let parsed = text.withUTF8({ EventTime(iso: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = parsed
    }

    /// Parses `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DD` from UTF-8 bytes.
    package init?(iso bytes: UnsafeRawBufferPointer) {
        if bytes.count == 10 {
            guard let date = CalendarDate(iso: bytes) else { return nil }
            self.init(secondsSinceEpoch: Int64(date.daysSinceEpoch) * 86_400)
            return
        }
        guard bytes.count == 19, bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let date = CalendarDate(iso: UnsafeRawBufferPointer(rebasing: bytes[0..<10])),
              let hour = DecimalDigits.value(bytes, 11..<13),
              let minute = DecimalDigits.value(bytes, 14..<16),
              let second = DecimalDigits.value(bytes, 17..<19),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(secondsSinceEpoch: seconds)
    }

    /// Whole seconds since the epoch (rounded down).
    package var secondsSinceEpoch: Int64 {
        millisecondsSinceEpoch >= 0 ? millisecondsSinceEpoch / 1000 : (millisecondsSinceEpoch - 999) / 1000
    }

    /// The calendar day.
    package var date: CalendarDate {
        let seconds = secondsSinceEpoch
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return CalendarDate(daysSinceEpoch: Int32(days))
    }

    /// Seconds since midnight.
    package var secondOfDay: Int {
        Int(secondsSinceEpoch - Int64(date.daysSinceEpoch) * 86_400)
    }

    /// Hour of the day, 0...23.
    package var hour: Int { secondOfDay / 3600 }

    /// Day of the week, 0 = Monday ... 6 = Sunday (ISO 8601 order).
    package var weekday: Int {
        // 1970-01-01 was a Thursday (ISO weekday index 3).
        let days = Int(date.daysSinceEpoch)
        return ((days + 3) % 7 + 7) % 7
    }

    /// `YYYY-MM-DD HH:MM:SS`, the CSV's `trans_date_trans_time` form.
    package var iso: String {
        let seconds = secondOfDay
        return date.iso + " " + DecimalDigits.padded(seconds / 3600, 2) + ":"
            + DecimalDigits.padded(seconds / 60 % 60, 2) + ":" + DecimalDigits.padded(seconds % 60, 2)
    }

    package static func < (lhs: EventTime, rhs: EventTime) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// This time moved by a number of seconds.
    package func adding(seconds: Int64) -> EventTime {
        EventTime(millisecondsSinceEpoch: millisecondsSinceEpoch + seconds * 1000)
    }
}

extension EventTime: CustomStringConvertible {
    package var description: String { iso }
}
