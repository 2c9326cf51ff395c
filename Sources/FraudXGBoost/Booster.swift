import CXGBoost
import Foundation

/// An XGBoost model (`BoosterHandle`), freed when released. Not thread-safe for training.
package final class Booster {
    let handle: BoosterHandle

    /// A new booster that caches `matrices` (the training and evaluation sets).
    package init(cache matrices: [DMatrix] = []) throws {
        var handle: BoosterHandle?
        var handles: [DMatrixHandle?] = matrices.map { $0.handle }
        try check(XGBoosterCreate(&handles, bst_ulong(handles.count), &handle), "XGBoosterCreate")
        self.handle = handle!
        withExtendedLifetime(matrices) {}
    }

    private init(handle: BoosterHandle) { self.handle = handle }

    /// Loads a model from an XGBoost JSON (or UBJSON) buffer.
    package convenience init(modelBuffer: [UInt8]) throws {
        try self.init()
        try modelBuffer.withUnsafeBytes { bytes in
            try check(XGBoosterLoadModelFromBuffer(handle, bytes.baseAddress, bst_ulong(bytes.count)), "XGBoosterLoadModelFromBuffer")
        }
    }

    deinit { XGBoosterFree(handle) }

    /// Sets one training parameter, e.g. `("max_depth", "6")`.
    package func setParameter(_ name: String, _ value: String) throws {
        try check(XGBoosterSetParam(handle, name, value), "XGBoosterSetParam(\(name)=\(value))")
    }

    /// Runs one boosting round on `train`.
    package func updateOneIteration(_ iteration: Int, train: DMatrix) throws {
        try check(XGBoosterUpdateOneIter(handle, Int32(iteration), train.handle), "XGBoosterUpdateOneIter")
    }

    /// Evaluates the configured metrics on named sets; returns XGBoost's line, e.g. `[3]\tvalid-aucpr:0.91`.
    package func evaluate(_ iteration: Int, _ sets: [(name: String, matrix: DMatrix)]) throws -> String {
        var handles: [DMatrixHandle?] = sets.map { $0.matrix.handle }
        let names = sets.map { strdup($0.name) }
        defer { names.forEach { free($0) } }
        var namePointers: [UnsafePointer<CChar>?] = names.map { UnsafePointer($0) }
        var result: UnsafePointer<CChar>?
        try check(XGBoosterEvalOneIter(handle, Int32(iteration), &handles, &namePointers, bst_ulong(sets.count), &result),
                  "XGBoosterEvalOneIter")
        withExtendedLifetime(sets) {}
        return String(cString: result!)
    }

    /// Boosting rounds in the model.
    package var boostedRounds: Int {
        get throws {
            var rounds: Int32 = 0
            try check(XGBoosterBoostedRounds(handle, &rounds), "XGBoosterBoostedRounds")
            return Int(rounds)
        }
    }

    /// A new booster holding rounds `0..<rounds` of this one (used to keep the best round after early stopping).
    package func slice(rounds: Int) throws -> Booster {
        var out: BoosterHandle?
        try check(XGBoosterSlice(handle, 0, Int32(rounds), 1, &out), "XGBoosterSlice")
        return Booster(handle: out!)
    }

    /// What `predict` returns.
    package enum PredictionKind: Int, Sendable {
        /// Probabilities (after the objective's transform).
        case value = 0
        /// Raw margins (log-odds for `binary:logistic`).
        case margin = 1
        /// Exact TreeSHAP contributions: columns + 1 values per row (the last is the bias).
        case contributions = 2
        /// Saabas contributions (`approx_contribs`): columns + 1 values per row.
        case approximateContributions = 3
    }

    /// Predicts every row of `matrix`; the output is copied out of XGBoost's buffer at once.
    package func predict(_ matrix: DMatrix, kind: PredictionKind = .value) throws -> [Float] {
        var shape: UnsafePointer<bst_ulong>?
        var dimensions: bst_ulong = 0
        var result: UnsafePointer<Float>?
        let config = "{\"type\": \(kind.rawValue), \"training\": false, \"iteration_begin\": 0, \"iteration_end\": 0, \"strict_shape\": false}"
        try check(XGBoosterPredictFromDMatrix(handle, matrix.handle, config, &shape, &dimensions, &result), "XGBoosterPredictFromDMatrix")
        var count = 1
        for index in 0..<Int(dimensions) { count *= Int(shape![index]) }
        return Array(UnsafeBufferPointer(start: result, count: count))
    }

    /// The model in XGBoost's JSON format (what `model.json` holds).
    package func jsonModel() throws -> [UInt8] {
        var length: bst_ulong = 0
        var bytes: UnsafePointer<CChar>?
        try check(XGBoosterSaveModelToBuffer(handle, "{\"format\": \"json\"}", &length, &bytes), "XGBoosterSaveModelToBuffer")
        return bytes!.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }
}
