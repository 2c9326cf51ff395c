/// Fewer points of a curve drawn as a polyline, keeping its shape (Ramer–Douglas–Peucker).
///
/// Every dropped point lies within `tolerance` (in plot units, both axes 0...1) of the segment that replaces it,
/// so steep drops survive however many thresholds the curve has.
package enum CurveSimplification {
    /// The points of `points` needed to stay within `tolerance` of every point; first and last are always kept.
    package static func simplify(_ points: [CurvePoint], tolerance: Double) -> [CurvePoint] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var spans = [(0, points.count - 1)]
        while let (start, end) = spans.popLast() {
            guard end - start > 1 else { continue }
            var farthest = start, distance = 0.0
            for index in (start + 1)..<end {
                let candidate = distanceToSegment(points[index], points[start], points[end])
                if candidate > distance { (farthest, distance) = (index, candidate) }
            }
            guard distance > tolerance else { continue }
            keep[farthest] = true
            spans.append((start, farthest))
            spans.append((farthest, end))
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    /// Euclidean distance from `point` to the segment `a`–`b`.
    package static func distanceToSegment(_ point: CurvePoint, _ a: CurvePoint, _ b: CurvePoint) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        let t = lengthSquared == 0 ? 0 : min(1, max(0, ((point.x - a.x) * dx + (point.y - a.y) * dy) / lengthSquared))
        let (px, py) = (a.x + t * dx - point.x, a.y + t * dy - point.y)
        return (px * px + py * py).squareRoot()
    }
}
