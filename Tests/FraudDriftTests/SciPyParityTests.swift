import Testing
@testable import FraudDrift

/// Every statistic against SciPy on the same deterministic samples (one `python3` run for all).
@Suite("SciPy parity")
struct SciPyParityTests {
    struct NumericCase {
        var reference: [Double]
        var current: [Double]
    }

    static let ksCases: [NumericCase] = {
        var maker = SampleMaker(seed: 7)
        return [
            NumericCase(reference: maker.normal(40), current: maker.normal(40, mean: 0.5)),
            NumericCase(reference: maker.normal(60), current: maker.normal(90, mean: 0.3)),
            NumericCase(reference: maker.normal(300), current: maker.normal(1000, mean: 0.1)),
            NumericCase(reference: maker.normal(1000), current: maker.normal(800)),
            NumericCase(reference: maker.rounded(500, mean: 0, sd: 1, step: 0.5), current: maker.rounded(700, mean: 0.2, sd: 1, step: 0.5)),
            NumericCase(reference: maker.normal(1000), current: maker.normal(12_000, mean: 0.05)),
            NumericCase(reference: maker.normal(120), current: maker.normal(20_000, mean: 0.3)),
            NumericCase(reference: maker.normal(30), current: maker.normal(10_001, mean: 1.0)),
            NumericCase(reference: maker.normal(7), current: maker.normal(5, mean: 2)),
            NumericCase(reference: maker.normal(200), current: maker.normal(200, mean: 0.4)),
        ]
    }()

    static let kolmogorovGrid: [(Int, Double)] = [5, 30, 100, 140, 141, 500, 1000, 5000, 200_000].flatMap { n in
        [0.005, 0.02, 0.05, 0.08, 0.1, 0.2, 0.3, 0.45, 0.6, 0.9].map { (n, $0) }
    }

    static let chiSquareGrid: [(Double, Double)] = [0.1, 1, 5, 20, 100, 700].flatMap { x in
        [1.0, 2, 5, 13, 100, 692].map { (x, $0) }
    }

    static let normalPoints: [Double] = [-10, -3, -0.5, 0, 0.3, 1, 2.5, 8]

    static let categoryNames = ["gas_transport", "grocery_pos", "home", "shopping_pos", "kids_pets", "misc_net"]

    static let chiSquareCases: [([String], [String])] = {
        var maker = SampleMaker(seed: 11)
        let names = categoryNames
        return [
            (maker.categories(500, names, weights: [5, 4, 3, 2, 1, 1]), maker.categories(300, names, weights: [5, 4, 3, 2, 1, 1])),
            (maker.categories(1000, Array(names.prefix(5)), weights: [1, 1, 1, 1, 1]), maker.categories(1000, names, weights: [1, 1, 1, 1, 1, 0.2])),
            (maker.categories(200, names, weights: [1, 2, 3, 4, 5, 6]), maker.categories(2000, names, weights: [6, 5, 4, 3, 2, 1])),
        ]
    }()

    static let zCases: [([String], [String])] = {
        var maker = SampleMaker(seed: 13)
        return [
            (maker.categories(600, ["F", "M"], weights: [0.55, 0.45]), maker.categories(400, ["F", "M"], weights: [0.45, 0.55])),
            (maker.categories(900, ["F", "M"], weights: [0.5, 0.5]), maker.categories(1000, ["F", "M"], weights: [0.5, 0.5])),
            (Array(repeating: "M", count: 50), maker.categories(50, ["F", "M"], weights: [0.1, 0.9])),
        ]
    }()

    static let wassersteinCases: [NumericCase] = {
        var maker = SampleMaker(seed: 17)
        return [
            NumericCase(reference: maker.normal(2000, mean: 3, sd: 2), current: maker.normal(1500, mean: 3.4, sd: 2)),
            NumericCase(reference: maker.rounded(3000, mean: 10, sd: 4, step: 1), current: maker.rounded(2500, mean: 10, sd: 5, step: 1)),
            NumericCase(reference: Array(repeating: 4.2, count: 100), current: maker.normal(100, mean: 4.2, sd: 0.01)),
        ]
    }()

    struct BinnedCase {
        var reference: [Double]
        var current: [Double]
        var numerical: Bool
    }

    static let binnedCases: [BinnedCase] = {
        var maker = SampleMaker(seed: 19)
        return [
            BinnedCase(reference: maker.normal(5000), current: maker.normal(3000, mean: 0.2), numerical: true),
            BinnedCase(reference: maker.normal(2000, mean: 0, sd: 1), current: maker.normal(2000, mean: 6, sd: 1), numerical: true),
            BinnedCase(reference: maker.rounded(1500, mean: 5, sd: 2, step: 1), current: maker.rounded(1200, mean: 6, sd: 2, step: 1), numerical: true),
            BinnedCase(reference: maker.rounded(1500, mean: 2, sd: 1, step: 1), current: maker.rounded(1500, mean: 2, sd: 1.2, step: 1), numerical: false),
        ]
    }()

    static let categoricalBinned: [([String], [String])] = {
        var maker = SampleMaker(seed: 23)
        let names = categoryNames
        return [(maker.categories(4000, names, weights: [3, 3, 2, 2, 1, 0.001]), maker.categories(3000, names, weights: [2, 3, 2, 2, 2, 1]))]
    }()

    /// SciPy's answers for every case, computed once.
    static let reference: Result<[String: [[Double]]], any Error> = Result {
        func numeric(_ cases: [NumericCase]) -> [[String: Any]] {
            cases.map { ["reference": $0.reference, "current": $0.current] }
        }
        var binned: [[String: Any]] = binnedCases.map { ["reference": $0.reference, "current": $0.current, "numerical": $0.numerical] }
        binned += categoricalBinned.map { ["reference": $0.0, "current": $0.1, "numerical": false] }
        let input: [String: Any] = [
            "ks": numeric(ksCases),
            "kstwo": kolmogorovGrid.map { [$0.0, $0.1] as [Any] },
            "chi2sf": chiSquareGrid.map { [$0.0, $0.1] },
            "normcdf": normalPoints,
            "chisquare": chiSquareCases.map { ["reference": $0.0, "current": $0.1] },
            "z": zCases.map { ["reference": $0.0, "current": $0.1] },
            "wasserstein": numeric(wassersteinCases),
            "binned": binned,
        ]
        return try DriftReference.numbers("scipy_reference.py", input: input)
    }

    func answers(_ key: String) throws -> [[Double]] {
        try #require(try Self.reference.get()[key])
    }

    @Test func kolmogorovSmirnovStatisticAndPValueMatchKs2samp() throws {
        let expected = try answers("ks")
        for (index, sample) in Self.ksCases.enumerated() {
            let pair = expected[index]
            let result = TwoSampleTest.kolmogorovSmirnov(reference: sample.reference, current: sample.current)
            #expect(close(result.statistic!, pair[0], relative: 1e-12), "case \(index): D \(result.statistic!) vs \(pair[0])")
            #expect(close(result.score, pair[1], relative: 1e-8), "case \(index): p \(result.score) vs \(pair[1])")
        }
    }

    @Test func kolmogorovDistributionMatchesKstwoAcrossMethods() throws {
        let expected = try answers("kstwo")
        for (index, (n, x)) in Self.kolmogorovGrid.enumerated() {
            let want = expected[index][0]
            let got = KolmogorovDistribution.survival(n: n, x: x)
            #expect(close(got, want, relative: 1e-8, absolute: 1e-14), "kstwo.sf(\(x), \(n)): \(got) vs \(want)")
        }
    }

    @Test func chiSquareSurvivalMatchesChi2Sf() throws {
        let expected = try answers("chi2sf")
        for (index, (x, df)) in Self.chiSquareGrid.enumerated() {
            let want = expected[index][0]
            let got = ChiSquareDistribution.survival(x, degreesOfFreedom: df)
            #expect(close(got, want, relative: 1e-10, absolute: 1e-300), "chi2.sf(\(x), \(df)): \(got) vs \(want)")
        }
    }

    @Test func normalCDFMatchesNormCdf() throws {
        let expected = try answers("normcdf")
        for (index, x) in Self.normalPoints.enumerated() {
            let want = expected[index][0]
            #expect(close(NormalDistribution.cdf(x), want, relative: 1e-14, absolute: 1e-300), "norm.cdf(\(x))")
        }
    }

    @Test func chiSquareTestMatchesScipyChisquareWithReferenceFrequencies() throws {
        let expected = try answers("chisquare")
        for (index, (reference, current)) in Self.chiSquareCases.enumerated() {
            let pair = expected[index]
            let result = TwoSampleTest.chiSquare(reference: reference, current: current)
            if !pair[0].isNaN {
                #expect(close(result.statistic!, pair[0], relative: 1e-12), "case \(index)")
            } else {
                #expect(result.statistic! == .infinity, "case \(index)")
            }
            #expect(close(result.score, pair[1], relative: 1e-9, absolute: 1e-300), "case \(index): p \(result.score) vs \(pair[1])")
        }
    }

    @Test func zTestMatchesEvidentlyFormula() throws {
        let expected = try answers("z")
        for (index, (reference, current)) in Self.zCases.enumerated() {
            let pair = expected[index]
            let result = TwoSampleTest.zTest(reference: reference, current: current)
            #expect(close(result.statistic!, pair[0], relative: 1e-12), "case \(index): z")
            #expect(close(result.score, pair[1], relative: 1e-9, absolute: 1e-15), "case \(index): p \(result.score) vs \(pair[1])")
        }
    }

    @Test func wassersteinMatchesScipyNormalisedByReferenceStd() throws {
        let expected = try answers("wasserstein")
        for (index, sample) in Self.wassersteinCases.enumerated() {
            let pair = expected[index]
            let raw = TwoSampleTest.wassersteinDistance(sample.reference.sorted(), sample.current.sorted())
            #expect(close(raw, pair[0], relative: 1e-10), "case \(index): raw \(raw) vs \(pair[0])")
            let result = TwoSampleTest.wasserstein(reference: sample.reference, current: sample.current)
            #expect(close(result.score, pair[1], relative: 1e-10), "case \(index): normed")
        }
    }

    @Test func jensenShannonAndPSIMatchScipyOnEvidentlyBins() throws {
        let js = try answers("jensenshannon")
        let psi = try answers("psi")
        for (index, sample) in Self.binnedCases.enumerated() {
            let jsResult: StatTestResult
            let psiResult: StatTestResult
            if sample.numerical {
                jsResult = TwoSampleTest.binnedShares(.jensenshannon, reference: sample.reference, current: sample.current)
                psiResult = TwoSampleTest.binnedShares(.psi, reference: sample.reference, current: sample.current)
            } else {
                jsResult = TwoSampleTest.binnedShares(.jensenshannon, referenceCategories: sample.reference, currentCategories: sample.current)
                psiResult = TwoSampleTest.binnedShares(.psi, referenceCategories: sample.reference, currentCategories: sample.current)
            }
            #expect(close(jsResult.score, js[index][0], relative: 1e-10), "case \(index): JS")
            #expect(close(psiResult.score, psi[index][0], relative: 1e-10), "case \(index): PSI")
        }
        let offset = Self.binnedCases.count
        for (index, (reference, current)) in Self.categoricalBinned.enumerated() {
            let jsResult = TwoSampleTest.binnedShares(.jensenshannon, referenceCategories: reference, currentCategories: current)
            let psiResult = TwoSampleTest.binnedShares(.psi, referenceCategories: reference, currentCategories: current)
            #expect(close(jsResult.score, js[offset + index][0], relative: 1e-10), "categorical JS")
            #expect(close(psiResult.score, psi[offset + index][0], relative: 1e-10), "categorical PSI")
        }
    }
}
