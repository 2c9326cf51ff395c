/// The trees re-laid out for batch scoring: nodes renumbered breadth-first per tree so a node's
/// children are adjacent (`right = left + 1`), and leaves point at themselves. Scoring runs a fixed
/// number of levels per tree with no data-dependent branch, over many independent traversals at
/// once (the rows of a block, or the trees of a group for one row), so they overlap in the CPU
/// (the idea of XGBoost's blocked predictor, without its branches).
///
/// Comparisons are done on integers: each feature value becomes an order-preserving integer key
/// (`FloatKey`, NaN above every value), and a split sends a row right when its key is in
/// `threshold ..< upper` (one unsigned range check; `upper` includes the NaN key only when missing
/// values go right). That is a subtraction and a shift: the compiler cannot turn it into a branch,
/// which it did with `Float` comparisons (a mispredicted branch per node visited, 4× slower).
struct PackedForest: Sendable {
    /// 16 bytes a node.
    struct Node: Sendable {
        /// `FloatKey` of the split threshold, or the bit pattern of the leaf value for a leaf.
        var key: Int32
        /// Keys `key ..< key + span` go right (0 for a leaf: it stays).
        var span: UInt32
        /// Split column shifted left by `blockShift` (its first key in a block); 0 for a leaf.
        var column: UInt32
        /// Left child (index in `nodes`); right is `left + 1`; a leaf points at itself.
        var left: Int32
    }

    var nodes: [Node] = []
    /// First node of each tree.
    var treeStart: [Int32] = []
    /// Levels to descend in each tree (its depth).
    var treeDepth: [Int32] = []
    /// Deepest tree of each group of `groupSize` consecutive trees (single-row scoring).
    var groupDepth: [Int32] = []

    /// Trees traversed together when scoring one row.
    static let groupSize = 8
    /// Rows scored together per tree pass; a block's keys are column-major (`keys[column << blockShift + row]`).
    static let blockRows = 1 << blockShift
    static let blockShift = 6

    /// Adds one tree given by global-index arrays of `TreeEnsemble` from `root`.
    mutating func append(root: Int, feature: [Int32], threshold: [Float], left: [Int32], right: [Int32], defaultLeft: [Bool]) {
        let start = Int32(nodes.count)
        treeStart.append(start)
        // Breadth-first: children of each split are appended together.
        var queue: [(old: Int, depth: Int32)] = [(root, 0)]
        var maxDepth: Int32 = 0
        var head = 0
        while head < queue.count {
            let (old, depth) = queue[head]
            let index = start + Int32(head)
            head += 1
            maxDepth = max(maxDepth, depth)
            if feature[old] < 0 {
                nodes.append(Node(key: Int32(bitPattern: threshold[old].bitPattern), span: 0, column: 0, left: index))
            } else {
                let child = start + Int32(queue.count)
                queue.append((Int(left[old]), depth + 1))
                queue.append((Int(right[old]), depth + 1))
                let key = FloatKey.of(threshold[old])
                let upper = Int64(FloatKey.missing) + (defaultLeft[old] ? 0 : 1)
                nodes.append(Node(key: key, span: UInt32(upper - Int64(key)), column: UInt32(feature[old]) << UInt32(Self.blockShift), left: child))
            }
        }
        treeDepth.append(maxDepth)
        if (treeDepth.count - 1) % Self.groupSize == 0 {
            groupDepth.append(maxDepth)
        } else {
            groupDepth[groupDepth.count - 1] = max(groupDepth[groupDepth.count - 1], maxDepth)
        }
    }

    /// The node a traversal at `node` moves to, for the row whose first key is `keys[0]`.
    @inline(__always)
    static func step(_ node: Node, keys: UnsafePointer<Int32>) -> Int32 {
        let offset = UInt32(bitPattern: keys[Int(node.column)] &- node.key)
        // Unsigned: a key below the threshold wraps to a large offset, at least `span`.
        let goRight = (UInt64(offset) &- UInt64(node.span)) >> 63
        return node.left &+ Int32(truncatingIfNeeded: goRight)
    }

    /// Adds every tree's leaf value for rows `rows` of the row-major `values` into `margins`, in tree order.
    /// - Precondition: `rows.count <= blockRows`.
    func accumulate(values: UnsafePointer<Float>, columns: Int, rows: Range<Int>, margins: UnsafeMutablePointer<Float>) {
        let count = rows.count
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.blockRows * columns) { keyBuffer in
            let keys = keyBuffer.baseAddress!
            for r in 0..<count {
                let row = values + (rows.lowerBound + r) * columns
                for column in 0..<columns { keys[column &<< Self.blockShift &+ r] = FloatKey.of(row[column]) }
            }
            nodes.withUnsafeBufferPointer { nodeBuffer in
                treeStart.withUnsafeBufferPointer { starts in
                    let allNodes = nodeBuffer.baseAddress!
                    if count < Self.groupSize {
                        for r in 0..<count {
                            accumulateRow(nodes: allNodes, starts: starts, keys: keys + r, margin: margins + rows.lowerBound + r)
                        }
                    } else {
                        accumulateBlock(nodes: allNodes, starts: starts, keys: keys, count: count,
                                        margins: margins + rows.lowerBound)
                    }
                }
            }
        }
    }

    /// Tree-major over a block: each tree descends all rows level by level.
    private func accumulateBlock(nodes: UnsafePointer<Node>, starts: UnsafeBufferPointer<Int32>, keys: UnsafePointer<Int32>,
                                 count: Int, margins: UnsafeMutablePointer<Float>) {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.blockRows) { positionBuffer in
            let position = positionBuffer.baseAddress!
            treeDepth.withUnsafeBufferPointer { depths in
                for tree in 0..<starts.count {
                    // Every row starts at the root: its node is loaded once for the block.
                    let root = nodes[Int(starts[tree])]
                    for r in 0..<count { position[r] = Self.step(root, keys: keys + r) }
                    for _ in 1..<max(1, depths[tree]) {
                        for r in 0..<count {
                            position[r] = Self.step(nodes[Int(position[r])], keys: keys + r)
                        }
                    }
                    for r in 0..<count { margins[r] += Float(bitPattern: UInt32(bitPattern: nodes[Int(position[r])].key)) }
                }
            }
        }
    }

    /// One row: `groupSize` trees descend together (independent chains of loads), leaves added in tree order.
    private func accumulateRow(nodes: UnsafePointer<Node>, starts: UnsafeBufferPointer<Int32>, keys: UnsafePointer<Int32>,
                               margin: UnsafeMutablePointer<Float>) {
        var sum = margin.pointee
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.groupSize) { positionBuffer in
            let position = positionBuffer.baseAddress!
            groupDepth.withUnsafeBufferPointer { depths in
                for group in 0..<depths.count {
                    let first = group * Self.groupSize
                    let lanes = min(Self.groupSize, starts.count - first)
                    for lane in 0..<lanes { position[lane] = starts[first + lane] }
                    for _ in 0..<depths[group] {
                        for lane in 0..<lanes { position[lane] = Self.step(nodes[Int(position[lane])], keys: keys) }
                    }
                    for lane in 0..<lanes { sum += Float(bitPattern: UInt32(bitPattern: nodes[Int(position[lane])].key)) }
                }
            }
        }
        margin.pointee = sum
    }
}
