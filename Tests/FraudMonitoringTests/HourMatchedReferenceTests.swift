import FraudDrift
import FraudMonitoring
import FraudTesting
import Foundation
import Testing

/// Resampling the reference to a window's hour mix, and the row-aligned reference file.
@Suite struct HourMatchedReferenceTests {
    static let reference = DriftFeatureTable([
        ("hour", .numbers([0, 0, 1, 1, 1, 2], isInteger: true)),
        ("amt", .numbers([10, 11, 20, .nan, 22, 30], isInteger: false)),
        ("category", .categories(["a", "a", "b", "b", "c", "d"])),
    ])

    @Test func rowsFollowTheWindowsHourMix() throws {
        // Window: two thirds hour 1, one third hour 0, and an hour the reference lacks (left out of the mix).
        let matched = HourMatchedReference.matched(Self.reference, toHours: [1, 1, 0, 5], rows: 12)
        guard case .numbers(let hours, _)? = matched["hour"], case .categories(let labels)? = matched["category"] else {
            Issue.record("columns missing"); return
        }
        #expect(hours.count == 12 && matched.isRowAligned)
        #expect(hours.filter { $0 == 1 }.count == 8 && hours.filter { $0 == 0 }.count == 4)
        // Every reference row of a wanted hour is repeated equally (8 rows over 3 candidates: 2 or 3 each).
        #expect(labels.filter { $0 == "a" }.count == 4 && labels.filter { $0 == "c" }.count >= 2)
        #expect(!labels.contains("d"))
    }

    @Test func unmatchableReferencesAreReturnedAsTheyAre() {
        let plain = DriftFeatureTable([("hour", .numbers([1, 2], isInteger: true)), ("amt", .numbers([1, 2], isInteger: false))])
        #expect(HourMatchedReference.matched(plain, toHours: [7]) == plain)
        let misaligned = DriftFeatureTable([("hour", .numbers([1, 2], isInteger: true)), ("amt", .numbers([1], isInteger: false))])
        #expect(HourMatchedReference.matched(misaligned, toHours: [1]) == misaligned)
    }

    @Test func theSavedReferenceKeepsRowsAlignedThroughNaN() throws {
        let directory = TemporaryDirectory.make("hour-matched")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try DriftReference(table: Self.reference, sampledRows: 6, offeredRows: 6, source: "test").write(directory: directory)
        let loaded = try #require(try DriftReference.load(directory: directory)).table
        #expect(loaded.isRowAligned && loaded.names == Self.reference.names)
        guard case .numbers(let amounts, _)? = loaded["amt"] else { Issue.record("amt missing"); return }
        #expect(amounts.count == 6 && amounts[3].isNaN && amounts[4] == 22)
    }
}
