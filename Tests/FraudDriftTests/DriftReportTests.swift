import Foundation
import FraudCore
import Testing
@testable import FraudDrift

/// Feature-level test choice (Evidently's defaults), dataset drift, JSON shape and HTML page.
@Suite("Drift report")
struct DriftReportTests {
    static func table(rows: Int, seed: UInt64, shift: Double, genderWeights: [Double] = [0.5, 0.5]) -> DriftFeatureTable {
        var maker = SampleMaker(seed: seed)
        return DriftFeatureTable([
            ("amt", .numbers(maker.normal(rows, mean: 70 + shift * 30, sd: 30), isInteger: false)),
            ("category", .categories(maker.categories(rows, SciPyParityTests.categoryNames, weights: [1, 1, 1, 1, 1, 1 + shift * 3]))),
            ("gender", .categories(maker.categories(rows, ["F", "M"], weights: genderWeights))),
            ("hour", .numbers(maker.normal(rows, mean: 12, sd: 5).map { min(23, max(0, $0.rounded())) }, isInteger: true)),
            ("weekend", .numbers(maker.categories(rows, ["0", "1"], weights: [5, 2]).map { Double($0)! }, isInteger: true)),
            ("bucket", .numbers(maker.normal(rows, mean: 2, sd: 1).map { min(4, max(0, $0.rounded())) }, isInteger: false)),
        ])
    }

    @Test func smallReferencesUseKSChiSquareAndZ() throws {
        let report = try DriftReport(reference: Self.table(rows: 800, seed: 1, shift: 0), current: Self.table(rows: 600, seed: 2, shift: 0))
        let tests = Dictionary(uniqueKeysWithValues: report.features.map { ($0.name, $0.test) })
        #expect(tests == ["amt": .ks, "category": .chisquare, "gender": .z, "hour": .ks, "weekend": .z, "bucket": .chisquare])
        let types = Dictionary(uniqueKeysWithValues: report.features.map { ($0.name, $0.columnType) })
        #expect(types["weekend"] == .categorical)  // integer column with ≤ 5 distinct values
        #expect(types["bucket"] == .numerical)  // float column: numerical, tested like a categorical one
        #expect(report.features.allSatisfy { $0.threshold == 0.05 })
    }

    @Test func largeReferencesUseWassersteinAndJensenShannon() throws {
        let report = try DriftReport(reference: Self.table(rows: 1001, seed: 1, shift: 0), current: Self.table(rows: 500, seed: 2, shift: 0))
        let tests = Dictionary(uniqueKeysWithValues: report.features.map { ($0.name, $0.test) })
        #expect(tests == ["amt": .wasserstein, "category": .jensenshannon, "gender": .jensenshannon, "hour": .wasserstein,
                          "weekend": .jensenshannon, "bucket": .jensenshannon])
        #expect(report.features.allSatisfy { $0.threshold == 0.1 })
    }

    @Test func datasetDriftWhenHalfTheFeaturesDrift() throws {
        let reference = Self.table(rows: 3000, seed: 3, shift: 0)
        let same = try DriftReport(reference: reference, current: Self.table(rows: 2000, seed: 4, shift: 0))
        #expect(!same.datasetDrift)
        #expect(same.features.filter(\.drifted).isEmpty)
        let shifted = try DriftReport(reference: reference, current: Self.table(rows: 2000, seed: 4, shift: 1, genderWeights: [0.2, 0.8]))
        let drifted = Set(shifted.features.filter(\.drifted).map(\.name))
        #expect(drifted == ["amt", "category", "gender"])
        #expect(shifted.driftShare == 0.5)
        #expect(shifted.datasetDrift)
    }

    @Test func requestedTestAndThresholdApplyToEveryFeature() throws {
        let configuration = try DriftReport.Configuration(stattest: .psi, threshold: 0.2)
        let report = try DriftReport(reference: Self.table(rows: 500, seed: 5, shift: 0), current: Self.table(rows: 500, seed: 6, shift: 0), configuration: configuration)
        #expect(report.features.allSatisfy { $0.test == .psi && $0.threshold == 0.2 })
        let ks = try DriftReport.Configuration(stattest: .ks)
        #expect(throws: DriftReportError(column: "category", problem: "is categorical and cannot be tested with ks")) {
            try DriftReport(reference: Self.table(rows: 50, seed: 5, shift: 0), current: Self.table(rows: 50, seed: 6, shift: 0), configuration: ks)
        }
    }

    @Test func errorsNameTheColumn() {
        let reference = DriftFeatureTable([("amt", .numbers([1, 2, 3], isInteger: false)), ("city_pop", .numbers([.nan], isInteger: true))])
        let current = DriftFeatureTable([("amt", .numbers([1, 2], isInteger: false))])
        #expect(throws: DriftReportError(column: "city_pop", problem: "has no finite values in the reference sample")) {
            try DriftReport(reference: reference, current: DriftFeatureTable([("amt", .numbers([1], isInteger: false)), ("city_pop", .numbers([1], isInteger: true))]))
        }
        #expect(throws: DriftReportError(column: "city_pop", problem: "is missing from the current sample")) {
            try DriftReport(reference: DriftFeatureTable([("city_pop", .numbers([1], isInteger: true))]), current: current)
        }
        #expect(throws: ConfigurationError.self) { try DriftReport.Configuration(driftShare: 0) }
    }

    @Test func jsonHasTheContractedShapeAndOrder() throws {
        let report = try DriftReport(reference: Self.table(rows: 300, seed: 7, shift: 0), current: Self.table(rows: 300, seed: 8, shift: 1))
        let text = report.jsonText
        #expect(text.hasPrefix("{\"dataset_drift\":"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["dataset_drift"] is Bool)
        #expect(object["drift_share"] is Double)
        let features = try #require(object["features"] as? [[String: Any]])
        #expect(features.count == 6)
        for feature in features {
            #expect(feature["name"] is String && feature["test"] is String && feature["drifted"] is Bool)
            #expect(feature["score"] is Double && feature["threshold"] is Double)
        }
        let first = try #require(text.range(of: "\"features\":[{")).upperBound
        #expect(text[first...].hasPrefix("\"name\":\"amt\",\"test\":\"ks\",\"score\":"))
        let decoded = try JSONDecoder().decode(DriftReport.self, from: Data(text.utf8))
        #expect(decoded.features.map(\.name) == report.features.map(\.name))
        #expect(decoded.datasetDrift == report.datasetDrift)
        let reencoded = try JSONDecoder().decode(DriftReport.self, from: JSONEncoder().encode(report))
        #expect(reencoded.features.map(\.score) == report.features.map(\.score))
    }

    @Test func htmlIsSelfContainedAndEscaped() throws {
        let reference = DriftFeatureTable([("<b>amt</b>", .numbers([1, 2, 3, 4, 5, 6, 7], isInteger: false)),
                                           ("cat", .categories(["a&b", "<x>", "a&b"]))])
        let current = DriftFeatureTable([("<b>amt</b>", .numbers([2, 3, 4, 5, 6, 7, 9], isInteger: false)),
                                         ("cat", .categories(["a&b", "\"q\""]))])
        let page = try DriftReport(reference: reference, current: current).html(title: "Drift <test>")
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.contains("<b>amt</b>") && page.contains("&lt;b&gt;amt&lt;/b&gt;"))
        #expect(page.contains("a&amp;b") && page.contains("&lt;x&gt;") && page.contains("&quot;q&quot;"))
        #expect(page.contains("Drift &lt;test&gt;"))
        #expect(page.components(separatedBy: "<svg").count - 1 == 2)
        for external in ["<script", "<link", "src=", "@import", "url("] { #expect(!page.contains(external)) }
    }

    @Test func rawColumnsComputeAgeHourAndDistance() throws {
        let born = try #require(CalendarDate(year: 1968, month: 3, day: 19))
        #expect(RawDriftColumns.age(born: born, at: try #require(CalendarDate(year: 2020, month: 3, day: 18))) == 51)
        #expect(RawDriftColumns.age(born: born, at: try #require(CalendarDate(year: 2020, month: 3, day: 19))) == 52)
        // Paris–London, about 343.5 km on a 6371 km sphere.
        #expect(abs(RawDriftColumns.haversineKilometres(48.8566, 2.3522, 51.5074, -0.1278) - 343.56) < 0.1)
        var sample = ReservoirSample<Int>(capacity: 100, seed: 1)
        for value in 0..<10_000 { sample.add(value) }
        var again = ReservoirSample<Int>(capacity: 100, seed: 1)
        for value in 0..<10_000 { again.add(value) }
        #expect(sample.items == again.items && sample.items.count == 100 && sample.isSubsampled)
        #expect(Set(sample.items).count == 100 && sample.items.contains { $0 >= 5000 })
    }
}

extension DriftReportTests {
    static func payment(_ index: Int, amount: Double, category: String, hour: Int) -> Transaction {
        Transaction(
            eventTime: EventTime(year: 2020, month: 6, day: 21, hour: hour)!, ccNum: 4_000_000 + Int64(index % 7),
            merchant: "fraud_Kirlin and Sons", category: category, amount: amount, firstName: "Jeff", lastName: "Elliott",
            gender: index % 3 == 0 ? "F" : "M", street: "351 Darlene Green", city: "Columbia", state: "SC", zip: 29209,
            latitude: 33.9659 + Double(index % 10) * 0.01, longitude: -80.9355, cityPopulation: 333_497 + index % 13,
            job: "Mechanical engineer", dateOfBirth: CalendarDate(year: 1968 - index % 40, month: 3, day: 19)!,
            transNum: "t\(index)", merchantLatitude: 33.986391, merchantLongitude: -81.200714 + Double(index % 5) * 0.1)
    }

    @Test func rawColumnsFeedAReportNamedAsTheColumns() throws {
        var reference = RawDriftColumns()
        var current = RawDriftColumns()
        for index in 0..<300 {
            reference.append(Self.payment(index, amount: Double(index % 50) + 1, category: index % 2 == 0 ? "home" : "travel", hour: index % 24))
            current.append(Self.payment(index, amount: Double(index % 50) * 3 + 1, category: index % 4 == 0 ? "home" : "travel", hour: index % 24))
        }
        let report = try DriftReport(reference: reference.table, current: current.table)
        #expect(report.features.map(\.name) == RawDriftColumns.names)
        let byName = Dictionary(uniqueKeysWithValues: report.features.map { ($0.name, $0) })
        #expect(byName["amt"]?.drifted == true && byName["category"]?.drifted == true)
        #expect(byName["hour"]?.drifted == false && byName["lat"]?.drifted == false)
        #expect(byName["gender"]?.test == .z && byName["age"]?.test == .ks && byName["distance_km"]?.columnType == .numerical && byName["city_pop"]?.columnType == .numerical)
    }
}
