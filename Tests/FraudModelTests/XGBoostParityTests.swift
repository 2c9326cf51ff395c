import FraudCore
import FraudMetrics
@testable import FraudModel
import FraudTesting
import FraudXGBoost
import Foundation
import Testing

/// The native evaluator against XGBoost itself: the C API (1.7.4) and Python XGBoost (PyPI) on the same model.json.
@Suite(.serialized) struct XGBoostParityTests {
    static let trained: (model: TreeEnsemble, json: Data, data: LabelledFeatures) = {
        let data = ModelFixtures.features
        let parameters = try! XGBoostParameters(rounds: 60, earlyStoppingRounds: 60, maxDepth: 5, learningRate: 0.2, threads: 1)
        let fitted = try! XGBoostFit.fit(train: data, validation: nil, parameters: parameters, progress: { _ in })
        return (fitted.ensemble, fitted.json, data)
    }()

    @Test func nativeScoresMatchTheCAPI() throws {
        let (model, json, data) = Self.trained
        let booster = try Booster(modelBuffer: Array(json))
        #expect(data.count > 2000)
        let matrix = try DMatrix(values: data.matrix.values, rows: data.count, columns: data.matrix.columns)
        let reference = try booster.predict(matrix)
        let margins = try booster.predict(matrix, kind: .margin)
        let scores = model.scores(data.matrix)
        let nativeMargins = model.margins(data.matrix)
        #expect(scores.count == reference.count)
        let worst = zip(scores, reference).map { abs($0 - Double($1)) }.max()!
        #expect(worst < 1e-6)
        #expect(zip(nativeMargins, margins).map { abs($0 - $1) }.max()! < 1e-5)
        // The pattern is learnable: the trained model separates it.
        #expect(Curves.averagePrecision(scores: scores, labels: data.labels) > 0.9)
    }

    @Test func nativeScoresMatchPythonXGBoost() throws {
        let (model, json, data) = Self.trained
        let directory = try ModelFixtures.temporaryDirectory()
        let path = directory + "/model.json"
        try json.write(to: URL(fileURLWithPath: path))
        let reference = try PythonReference.run("model/xgboost_reference.py",
                                                input: ModelFixtures.PythonRequest(mode: "predict", model: path, matrix: data.matrix),
                                                as: ModelFixtures.PythonScores.self)
        let scores = model.scores(data.matrix)
        #expect(zip(scores, reference.scores).map { abs($0 - $1) }.max()! < 1e-6)
    }

    @Test func missingValuesFollowTheDefaultDirection() throws {
        let (model, json, data) = Self.trained
        let booster = try Booster(modelBuffer: Array(json))
        // Blank out a third of all values: every split meets missing values.
        var holes = data.matrix
        for index in holes.values.indices where index % 3 == 0 { holes.values[index] = .nan }
        let matrix = try DMatrix(values: holes.values, rows: holes.rows, columns: holes.columns)
        let reference = try booster.predict(matrix)
        #expect(zip(model.scores(holes), reference).map { abs($0 - Double($1)) }.max()! < 1e-6)
    }

    @Test func valuesAtThresholdsZerosAndExtremesMatchTheCAPI() throws {
        let (model, json, data) = Self.trained
        let booster = try Booster(modelBuffer: Array(json))
        // Each value replaced by a split threshold of its column (ties go right), a signed zero or the largest floats (XGBoost refuses infinities).
        var thresholds = [[Float]](repeating: [0, -0.0, .greatestFiniteMagnitude, -.greatestFiniteMagnitude], count: data.matrix.columns)
        for (index, column) in model.feature.enumerated() where column >= 0 { thresholds[Int(column)].append(model.threshold[index]) }
        var edges = data.matrix.rows(0..<1000)
        var random = SplitMix64(seed: 3)
        for index in edges.values.indices where index % 2 == 0 {
            edges.values[index] = thresholds[index % edges.columns].randomElement(using: &random)!
        }
        let reference = try booster.predict(try DMatrix(values: edges.values, rows: edges.rows, columns: edges.columns), kind: .margin)
        #expect(model.packed?.treeDepth.count == model.treeCount)
        // Whole batch (blocks of rows) and one row at a time (groups of trees) give XGBoost's margins exactly.
        #expect(model.margins(edges) == reference)
        #expect((0..<edges.rows).flatMap { model.margins(edges.rows($0..<$0 + 1)) } == reference)
    }

    @Test(arguments: 3...7) func deepUnevenTreesMatchTheCAPIExactly(maxDepth: Int) throws {
        // Shuffled labels: trees fitting noise, with leaves at every depth (the fixture model is shallow); each depth
        // ends a block's passes over the levels differently.
        var noisy = ModelFixtures.features
        var random = SplitMix64(seed: 11)
        noisy.labels.shuffle(using: &random)
        let parameters = try XGBoostParameters(rounds: 30, earlyStoppingRounds: 30, maxDepth: maxDepth, learningRate: 0.3, threads: 1)
        let fitted = try XGBoostFit.fit(train: noisy, validation: nil, parameters: parameters, progress: { _ in })
        let depths = fitted.ensemble.packed!.treeDepth
        #expect(depths.max() == Int32(maxDepth))
        #expect(fitted.ensemble.feature.filter { $0 < 0 }.count < depths.map { 1 << $0 }.reduce(0, +), "some leaves above the bottom level")
        var holes = noisy.matrix.rows(0..<1000)
        for index in holes.values.indices where index % 5 == 0 { holes.values[index] = .nan }
        let booster = try Booster(modelBuffer: Array(fitted.json))
        let reference = try booster.predict(try DMatrix(values: holes.values, rows: holes.rows, columns: holes.columns), kind: .margin)
        #expect(fitted.ensemble.margins(holes) == reference)
        #expect((0..<holes.rows).flatMap { fitted.ensemble.margins(holes.rows($0..<$0 + 1)) } == reference)
    }

    @Test func modelsTooDeepForThePackedLayoutAreWalkedWithTheSameMargins() throws {
        let (_, json, data) = Self.trained
        let booster = try Booster(modelBuffer: Array(json))
        // A limit of 0 sends any model with a split to the node-by-node walk.
        let walked = try TreeEnsemble(json: json, columns: data.matrix.columns, featureColumns: nil, packedDepth: 0)
        #expect(walked.packed == nil)
        var holes = data.matrix
        for index in holes.values.indices where index % 3 == 0 { holes.values[index] = .nan }
        let reference = try booster.predict(try DMatrix(values: holes.values, rows: holes.rows, columns: holes.columns), kind: .margin)
        #expect(walked.margins(holes) == reference)
    }

    @Test func saabasContributionsMatchXGBoostAndSumToTheMargin() throws {
        let (model, json, data) = Self.trained
        let booster = try Booster(modelBuffer: Array(json))
        let rows = data.matrix.rows(0..<200)
        let matrix = try DMatrix(values: rows.values, rows: rows.rows, columns: rows.columns)
        let reference = try booster.predict(matrix, kind: .approximateContributions)
        let margins = model.margins(rows)
        let width = rows.columns + 1
        for row in 0..<rows.rows {
            let native = model.contributions(rows, row: row)
            #expect(abs(native.reduce(0, +) - margins[row]) < 1e-4)
            let expected = reference[row * width..<(row + 1) * width]
            #expect(zip(native, expected).map { abs($0 - $1) }.max()! < 1e-4)
        }
    }
}
