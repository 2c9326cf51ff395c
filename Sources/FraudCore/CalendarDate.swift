/// A calendar day without time or zone, such as a date of birth (`1968-03-19`).
package struct CalendarDate: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01.
    package var daysSinceEpoch: Int32

    package init(daysSinceEpoch: Int32) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// A date from its parts; `nil` when the parts are not a real date.
    package init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.daysSinceEpoch = Int32(CivilCalendar.days(year: year, month: month, day: day))
    }

    /// Parses `YYYY-MM-DD`; `nil` when the text is not a real date in that form.
    package init?(_ text: some StringProtocol) {
        var text = String(text)
        guard let parsed = text.withUTF8({ CalendarDate(iso: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = parsed
    }

    /// Parses `YYYY-MM-DD` from UTF-8 bytes.
    package init?(iso bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = DecimalDigits.value(bytes, 0..<4),
              let month = DecimalDigits.value(bytes, 5..<7),
              let day = DecimalDigits.value(bytes, 8..<10)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    package var year: Int { CivilCalendar.date(days: Int(daysSinceEpoch)).year }

    /// `YYYY-MM-DD`.
    package var iso: String {
        let (year, month, day) = CivilCalendar.date(days: Int(daysSinceEpoch))
        return DecimalDigits.padded(year, 4) + "-" + DecimalDigits.padded(month, 2) + "-" + DecimalDigits.padded(day, 2)
    }

    package static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }
}

extension CalendarDate: CustomStringConvertible {
    package var description: String { iso }
}
