/// The trees re-laid out for batch scoring: nodes renumbered breadth-first per tree so a node's
/// children are adjacent (`right = left + 1`), and leaves point at themselves. Scoring a block of
/// rows then runs a fixed number of levels per tree with no data-dependent branch, so the
/// traversals of the block's rows overlap in the CPU (the idea of XGBoost's blocked predictor).
struct PackedForest: Sendable {
    /// 16 bytes a node.
    struct Node: Sendable {
        /// Split threshold, or the leaf value for a leaf.
        var threshold: Float
        /// Split column; bit 31 set when a missing value goes left.
        var featureAndDefault: UInt32
        /// Left child (tree-local); a leaf points at itself.
        var left: Int32
        /// 1 for a split (right = left + 1), 0 for a leaf (stay).
        var rightOffset: Int32
    }

    var nodes: [Node] = []
    /// First node of each tree.
    var treeStart: [Int32] = []
    /// Levels to descend in each tree (its depth).
    var treeDepth: [Int32] = []

    /// Adds one tree given by global-index arrays of `TreeEnsemble` from `root`.
    mutating func append(root: Int, feature: [Int32], threshold: [Float], left: [Int32], right: [Int32], defaultLeft: [Bool]) {
        let start = nodes.count
        treeStart.append(Int32(start))
        // Breadth-first: children of each split are appended together.
        var queue: [(old: Int, depth: Int32)] = [(root, 0)]
        var maxDepth: Int32 = 0
        var head = 0
        while head < queue.count {
            let (old, depth) = queue[head]
            let local = Int32(head)
            head += 1
            maxDepth = max(maxDepth, depth)
            if feature[old] < 0 {
                nodes.append(Node(threshold: threshold[old], featureAndDefault: 0, left: local, rightOffset: 0))
            } else {
                let childLocal = Int32(queue.count)
                queue.append((Int(left[old]), depth + 1))
                queue.append((Int(right[old]), depth + 1))
                let flags = UInt32(feature[old]) | (defaultLeft[old] ? 1 << 31 : 0)
                nodes.append(Node(threshold: threshold[old], featureAndDefault: flags, left: childLocal, rightOffset: 1))
            }
        }
        treeDepth.append(maxDepth)
    }

    /// Adds every tree's leaf value for rows `rows` of the row-major `values` into `margins`.
    /// - Precondition: `rows.count <= 64`.
    func accumulate(values: UnsafePointer<Float>, columns: Int, rows: Range<Int>, margins: UnsafeMutablePointer<Float>) {
        let count = rows.count
        nodes.withUnsafeBufferPointer { nodeBuffer in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 64) { position in
                let allNodes = nodeBuffer.baseAddress!
                for tree in 0..<treeStart.count {
                    let tree0 = allNodes + Int(treeStart[tree])
                    for r in 0..<count { position[r] = 0 }
                    for _ in 0..<treeDepth[tree] {
                        for r in 0..<count {
                            let node = tree0[Int(position[r])]
                            let value = values[(rows.lowerBound &+ r) &* columns &+ Int(node.featureAndDefault & 0x7FFF_FFFF)]
                            // Without branches: a NaN fails both comparisons, so "right unless value < threshold"
                            // sends it right and "right if value >= threshold" sends it left; pick by the default.
                            let defaultLeft = node.featureAndDefault >> 31
                            let rightIfNotLess = UInt32(unsafeBitCast(!(value < node.threshold), to: UInt8.self))
                            let rightIfGreaterOrEqual = UInt32(unsafeBitCast(value >= node.threshold, to: UInt8.self))
                            let goRight = (rightIfGreaterOrEqual & defaultLeft) | (rightIfNotLess & (defaultLeft ^ 1))
                            position[r] = node.left &+ Int32(bitPattern: goRight & UInt32(bitPattern: node.rightOffset))
                        }
                    }
                    for r in 0..<count { margins[rows.lowerBound &+ r] += tree0[Int(position[r])].threshold }
                }
            }
        }
    }
}
