import Testing
@testable import FraudCore

@Suite struct EventTimeTests {
    @Test func parsesTheCSVTimestampAsUTC() throws {
        let time = try #require(EventTime("2020-06-21 12:14:25"))
        // 2020-06-21T12:14:25Z
        #expect(time.secondsSinceEpoch == 1_592_741_665)
        #expect(time.iso == "2020-06-21 12:14:25")
        #expect(time.hour == 12)
        #expect(time.weekday == 6)  // a Sunday
    }

    @Test func rejectsImpossibleTimes() {
        #expect(EventTime("2020-02-30 00:00:00") == nil)
        #expect(EventTime("2020-06-21 24:00:00") == nil)
        #expect(EventTime("2020-06-21T12:14") == nil)
        #expect(EventTime("20x0-06-21 12:14:25") == nil)
    }

    @Test(arguments: [-800_000, -1, 0, 1, 18_434, 59, 60, 2_932_896])
    func civilDaysRoundTrip(days: Int) {
        let (year, month, day) = CivilCalendar.date(days: days)
        #expect(CivilCalendar.days(year: year, month: month, day: day) == days)
    }

    @Test func leapYears() {
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("1900-02-29") == nil)
        #expect(CalendarDate("1968-03-19")?.iso == "1968-03-19")
    }
}
