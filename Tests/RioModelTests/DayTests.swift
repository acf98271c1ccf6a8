import Testing

@testable import RioModel

@Suite struct DayTests {
    @Test func parsesAndPrintsISODates() {
        #expect(Day(iso: "2027-03-01")?.iso == "2027-03-01")
        #expect(Day(iso: "2024-02-29")?.iso == "2024-02-29")
        #expect(Day(iso: "2027-02-29") == nil)
        #expect(Day(iso: "2027-13-01") == nil)
        #expect(Day(iso: "27-03-01") == nil)
        #expect(Day(iso: "2027-3-1") == nil)
    }

    @Test func weekdaysAndWeeks() throws {
        let monday = try #require(Day(iso: "2027-01-04"))
        #expect(monday.weekday == 0)
        #expect(monday.adding(days: 4).weekday == 4)
        #expect(monday.adding(days: 6).weekIndex == monday.weekIndex)
        #expect(monday.adding(days: 7).weekIndex == monday.weekIndex + 1)
        #expect(Day(iso: "1970-01-01")?.weekday == 3)
    }
}
