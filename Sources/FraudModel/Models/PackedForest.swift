/// The trees re-laid out for batch scoring: each tree as a complete binary tree of its own depth in
/// heap order (node `i`'s children are `2i` and `2i + 1`, the root is 1), so a traversal needs no
/// child pointers. A leaf above the bottom level is copied to every bottom slot under it, and the
/// split nodes under it (never decisive) send everything right. Scoring runs a fixed number of
/// levels per tree with no data-dependent branch, over many independent traversals at once (the
/// rows of a block, or the trees of a group for one row), so they overlap in the CPU (the idea of
/// XGBoost's blocked predictor, without its branches).
///
/// Comparisons are done on integers: each feature value becomes an order-preserving integer key
/// (`FloatKey`), and a split sends a row right when its key is at least the threshold's key. A
/// missing value takes the node's default direction through the key it reads: every block holds
/// each column twice, with NaN as `Int32.max` (above every threshold: right) and as `Int32.min`
/// (below every threshold: left), and a node reads the copy of its default direction. A step is
/// then one 8-byte node load, one key load, a compare and `2i + goRight`, with no branch.
struct PackedForest: Sendable {
    /// 8 bytes a split node.
    struct Node: Sendable {
        /// `FloatKey` of the split threshold (`Int32.min` for a filler node under a shallow leaf).
        var key: Int32
        /// Byte offset of the node's key row in a block: its column, in the copy of its default direction.
        var keyOffset: UInt32
    }

    /// Deepest tree laid out (a complete tree of depth 12 takes 48 KiB); `TreeEnsemble` walks deeper models node by node.
    static let maxDepth = 12
    /// Trees traversed together when scoring one row.
    static let groupSize = 8
    /// Rows scored together per tree pass; a block's keys are column-major (`keys[column << blockShift + row]`).
    static let blockRows = 1 << blockShift
    static let blockShift = 6

    /// Columns of the rows scored.
    let columns: Int
    /// Split nodes of every tree, `2^depth - 1` each.
    private(set) var nodes: [Node] = []
    /// Bottom-level leaf values of every tree, `2^depth` each.
    private(set) var leaves: [Float] = []
    /// Index in `nodes` of each tree's heap position 0 (its root is at `+ 1`).
    private(set) var nodeBase: [Int32] = []
    /// Index in `leaves` of each tree's heap position 0 (its first leaf is at `+ 2^depth`).
    private(set) var leafBase: [Int32] = []
    /// Depth of each tree (0 for a single leaf).
    private(set) var treeDepth: [Int32] = []
    /// Shallowest tree of each group of `groupSize` consecutive trees (single-row scoring).
    private var groupMinDepth: [Int32] = []

    init(columns: Int) {
        self.columns = columns
    }

    /// Depth of the tree at `root` in `TreeEnsemble`'s global-index arrays.
    static func depth(root: Int, feature: [Int32], left: [Int32], right: [Int32]) -> Int {
        var deepest = 0
        var stack = [(root, 0)]
        while let (node, depth) = stack.popLast() {
            deepest = max(deepest, depth)
            if feature[node] >= 0 { stack += [(Int(left[node]), depth + 1), (Int(right[node]), depth + 1)] }
        }
        return deepest
    }

    /// Adds one tree given by global-index arrays of `TreeEnsemble` from `root`, of `depth` (as `depth(root:…)` gives it).
    /// - Precondition: `depth` is at most `maxDepth`.
    mutating func append(root: Int, depth: Int, feature: [Int32], threshold: [Float], left: [Int32], right: [Int32], defaultLeft: [Bool]) {
        precondition(depth <= Self.maxDepth, "tree of depth \(depth) is deeper than \(Self.maxDepth)")
        let firstNode = nodes.count, firstLeaf = leaves.count
        nodeBase.append(Int32(firstNode - 1))
        leafBase.append(Int32(firstLeaf - (1 << depth)))
        treeDepth.append(Int32(depth))
        nodes += repeatElement(Node(key: .min, keyOffset: 0), count: (1 << depth) - 1)
        leaves += repeatElement(0, count: 1 << depth)
        var stack = [(old: root, position: 1, level: 0)]
        while let (old, position, level) = stack.popLast() {
            if feature[old] < 0 {
                let first = position << (depth - level)
                for slot in first..<first + 1 << (depth - level) { leaves[firstLeaf + slot - (1 << depth)] = threshold[old] }
            } else {
                let column = Int(feature[old]) + (defaultLeft[old] ? columns : 0)
                let offset = UInt32(column << Self.blockShift) * UInt32(MemoryLayout<Int32>.stride)
                nodes[firstNode + position - 1] = Node(key: FloatKey.of(threshold[old]), keyOffset: offset)
                stack.append((Int(left[old]), 2 * position, level + 1))
                stack.append((Int(right[old]), 2 * position + 1, level + 1))
            }
        }
        if (treeDepth.count - 1) % Self.groupSize == 0 {
            groupMinDepth.append(Int32(depth))
        } else {
            groupMinDepth[groupMinDepth.count - 1] = min(groupMinDepth[groupMinDepth.count - 1], Int32(depth))
        }
    }

    /// The heap position a traversal at `position` (node `node`) moves to, for the row whose first key is at `keys`.
    @inline(__always)
    static func step(_ position: Int, _ node: Node, keys: UnsafeRawPointer) -> Int {
        let key = keys.load(fromByteOffset: Int(node.keyOffset), as: Int32.self)
        return position &* 2 &+ (key >= node.key ? 1 : 0)
    }

    /// Adds every tree's leaf value for rows `rows` of the row-major `values` into `margins`, in tree order.
    /// - Precondition: `rows.count <= blockRows`.
    func accumulate(values: UnsafePointer<Float>, rows: Range<Int>, margins: UnsafeMutablePointer<Float>) {
        let count = rows.count
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.blockRows * columns * 2) { keyBuffer in
            let keys = keyBuffer.baseAddress!
            let missingLeft = columns << Self.blockShift
            for r in 0..<count {
                let row = values + (rows.lowerBound + r) * columns
                for column in 0..<columns {
                    let key = FloatKey.of(row[column])
                    keys[column &<< Self.blockShift &+ r] = key
                    keys[missingLeft &+ column &<< Self.blockShift &+ r] = key == FloatKey.missing ? .min : key
                }
            }
            nodes.withUnsafeBufferPointer { nodes in
                leaves.withUnsafeBufferPointer { leaves in
                    if count < Self.groupSize {
                        for r in 0..<count {
                            accumulateRow(nodes: nodes.baseAddress!, leaves: leaves.baseAddress!, keys: UnsafeRawPointer(keys + r),
                                          margin: margins + rows.lowerBound + r)
                        }
                    } else {
                        accumulateBlock(nodes: nodes.baseAddress!, leaves: leaves.baseAddress!, keys: UnsafeRawPointer(keys), count: count,
                                        margins: margins + rows.lowerBound)
                    }
                }
            }
        }
    }

    /// Tree-major over a block: each tree descends all rows level by level.
    private func accumulateBlock(nodes: UnsafePointer<Node>, leaves: UnsafePointer<Float>, keys: UnsafeRawPointer, count: Int,
                                 margins: UnsafeMutablePointer<Float>) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.blockRows) { positionBuffer in
            let position = positionBuffer.baseAddress!
            let stride = MemoryLayout<Int32>.stride
            for tree in 0..<treeDepth.count {
                let treeNodes = nodes + Int(nodeBase[tree]), treeLeaves = leaves + Int(leafBase[tree])
                let depth = Int(treeDepth[tree])
                guard depth > 0 else {
                    for r in 0..<count { margins[r] += treeLeaves[1] }
                    continue
                }
                // Every row starts at the root: its node is loaded once for the block.
                let root = treeNodes[1]
                for r in 0..<count { position[r] = Self.step(1, root, keys: keys + r &* stride) }
                // Then two levels per pass over the rows (half the position loads and stores of one), the last
                // pass (zero, one or two levels) adding the leaf.
                var level = 1
                while level + 2 < depth {
                    for r in 0..<count {
                        let rowKeys = keys + r &* stride
                        let current = Self.step(position[r], treeNodes[position[r]], keys: rowKeys)
                        position[r] = Self.step(current, treeNodes[current], keys: rowKeys)
                    }
                    level += 2
                }
                switch depth - level {
                case 2:
                    for r in 0..<count {
                        let rowKeys = keys + r &* stride
                        let current = Self.step(position[r], treeNodes[position[r]], keys: rowKeys)
                        margins[r] += treeLeaves[Self.step(current, treeNodes[current], keys: rowKeys)]
                    }
                case 1:
                    for r in 0..<count { margins[r] += treeLeaves[Self.step(position[r], treeNodes[position[r]], keys: keys + r &* stride)] }
                default:
                    for r in 0..<count { margins[r] += treeLeaves[position[r]] }
                }
            }
        }
    }

    /// One row: `groupSize` trees descend together (independent chains of loads), leaves added in tree order.
    private func accumulateRow(nodes: UnsafePointer<Node>, leaves: UnsafePointer<Float>, keys: UnsafeRawPointer,
                               margin: UnsafeMutablePointer<Float>) {
        var sum = margin.pointee
        withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.groupSize) { positionBuffer in
            let position = positionBuffer.baseAddress!
            for group in 0..<groupMinDepth.count {
                let first = group * Self.groupSize
                let lanes = min(Self.groupSize, treeDepth.count - first)
                for lane in 0..<lanes { position[lane] = 1 }
                for _ in 0..<groupMinDepth[group] {
                    for lane in 0..<lanes {
                        let current = position[lane]
                        position[lane] = Self.step(current, nodes[Int(nodeBase[first + lane]) + current], keys: keys)
                    }
                }
                // Trees deeper than the group's shallowest finish one by one, in tree order.
                for lane in 0..<lanes {
                    var current = position[lane]
                    for _ in groupMinDepth[group]..<treeDepth[first + lane] {
                        current = Self.step(current, nodes[Int(nodeBase[first + lane]) + current], keys: keys)
                    }
                    sum += leaves[Int(leafBase[first + lane]) + current]
                }
            }
        }
        margin.pointee = sum
    }
}
