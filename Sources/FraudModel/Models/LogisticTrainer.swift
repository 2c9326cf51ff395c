import Foundation

/// Fits `LogisticModel` by Newton's method (IRLS) with L2 regularisation and balanced class weights.
package struct LogisticTrainer: Sendable {
    /// L2 penalty on the weights (not the intercept), in units of total sample weight.
    package let l2: Double
    package let maxIterations: Int

    /// - Throws: `ModelError.invalidInput` naming a parameter out of range.
    package init(l2: Double = 1e-3, maxIterations: Int = 25) throws {
        guard l2 >= 0 else { throw ModelError.invalidInput("l2 = \(l2): expected >= 0") }
        guard maxIterations >= 1 else { throw ModelError.invalidInput("maxIterations = \(maxIterations): expected >= 1") }
        self.l2 = l2
        self.maxIterations = maxIterations
    }

    package func fit(_ matrix: FeatureMatrix, labels: [Bool]) throws -> LogisticModel {
        let positives = labels.filter { $0 }.count
        guard positives > 0, positives < labels.count else {
            throw ModelError.invalidInput("logistic regression needs both frauds and legitimate payments (frauds: \(positives) of \(labels.count))")
        }
        var model = Self.preprocessing(matrix)
        let d = matrix.columns + 1  // weights then intercept
        let n = matrix.rows
        let positiveWeight = Double(n) / (2 * Double(positives)), negativeWeight = Double(n) / (2 * Double(n - positives))
        var beta = [Double](repeating: 0, count: d)
        // Standardise once: every iteration reads the same rows, plus a constant 1 for the intercept.
        var design = [Double](repeating: 1, count: n * d)
        for row in 0..<n {
            for column in 0..<matrix.columns { design[row * d + column] = model.standardized(matrix[row, column], column: column) }
        }
        for _ in 0..<maxIterations {
            var gradient = [Double](repeating: 0, count: d)
            var hessian = [Double](repeating: 0, count: d * d)
            for row in 0..<n {
                let z = design[row * d..<(row + 1) * d]
                let zBase = row * d
                var margin = 0.0
                for j in 0..<d { margin += beta[j] * z[zBase + j] }
                let p = 1 / (1 + exp(-margin))
                let weight = labels[row] ? positiveWeight : negativeWeight
                let residual = weight * (p - (labels[row] ? 1 : 0))
                let curvature = weight * max(p * (1 - p), 1e-12)
                for j in 0..<d {
                    gradient[j] += residual * z[zBase + j]
                    let scaled = curvature * z[zBase + j]
                    for k in 0...j { hessian[j * d + k] += scaled * z[zBase + k] }
                }
            }
            for j in 0..<d - 1 {
                gradient[j] += l2 * Double(n) * beta[j]
                hessian[j * d + j] += l2 * Double(n)
            }
            let step = try Cholesky.solve(lowerSymmetric: hessian, size: d, gradient)
            var largest = 0.0
            for j in 0..<d {
                beta[j] -= step[j]
                largest = max(largest, abs(step[j]))
            }
            if largest < 1e-6 { break }
        }
        model.weights = Array(beta[0..<d - 1])
        model.intercept = beta[d - 1]
        return model
    }

    /// Means, deviations and log flags from the training matrix.
    static func preprocessing(_ matrix: FeatureMatrix) -> LogisticModel {
        let columns = matrix.columns
        var logTransformed = [Bool](repeating: false, count: columns)
        for row in 0..<matrix.rows {
            for column in 0..<columns where abs(matrix[row, column]) > 100 { logTransformed[column] = true }
        }
        var model = LogisticModel(weights: [Double](repeating: 0, count: columns), intercept: 0,
                                  means: [Double](repeating: 0, count: columns), scales: [Double](repeating: 1, count: columns),
                                  logTransformed: logTransformed)
        var sums = [Double](repeating: 0, count: columns), squares = sums, counts = sums
        for row in 0..<matrix.rows {
            for column in 0..<columns where !matrix[row, column].isNaN {
                let x = model.standardized(matrix[row, column], column: column)  // means 0, scales 1: just the transform
                sums[column] += x
                squares[column] += x * x
                counts[column] += 1
            }
        }
        for column in 0..<columns where counts[column] > 0 {
            let mean = sums[column] / counts[column]
            let variance = max(0, squares[column] / counts[column] - mean * mean)
            model.means[column] = mean
            model.scales[column] = variance > 1e-12 ? variance.squareRoot() : 1
        }
        return model
    }
}

/// Solves `A x = b` for a symmetric positive-definite `A` given by its lower triangle (row-major).
enum Cholesky {
    static func solve(lowerSymmetric a: [Double], size n: Int, _ b: [Double]) throws -> [Double] {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0 else { throw ModelError.invalidInput("the logistic Hessian is not positive definite (collinear features?)") }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = b[i]
            for k in 0..<i { sum -= l[i * n + k] * y[k] }
            y[i] = sum / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in i + 1..<n { sum -= l[k * n + i] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }
}
