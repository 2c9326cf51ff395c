/// Kafka's default key partitioner: `toPositive(murmur2(key)) % partitions`, as in the Java
/// client's `DefaultPartitioner` and librdkafka's `murmur2_random`, so a key lands on the same
/// partition in the embedded log and in Kafka.
package enum Murmur2Partitioner {
    /// The partition for `key` among `partitions` (> 0).
    package static func partition(key: [UInt8], partitions: Int) -> Int {
        precondition(partitions > 0, "partitions must be > 0")
        return Int(murmur2(key) & 0x7fff_ffff) % partitions
    }

    /// MurmurHash2, 32-bit, seed 0x9747b28c (Kafka's `Utils.murmur2`).
    package static func murmur2(_ data: [UInt8]) -> UInt32 {
        let m: UInt32 = 0x5bd1_e995
        let r: UInt32 = 24
        let length = data.count
        var h: UInt32 = 0x9747_b28c ^ UInt32(truncatingIfNeeded: length)
        let blocks = length / 4
        for block in 0..<blocks {
            let i = block * 4
            var k = UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16 | UInt32(data[i + 3]) << 24
            k = k &* m
            k ^= k >> r
            k = k &* m
            h = h &* m
            h ^= k
        }
        let tail = blocks * 4
        switch length % 4 {
        case 3:
            h ^= UInt32(data[tail + 2]) << 16
            h ^= UInt32(data[tail + 1]) << 8
            h ^= UInt32(data[tail])
            h = h &* m
        case 2:
            h ^= UInt32(data[tail + 1]) << 8
            h ^= UInt32(data[tail])
            h = h &* m
        case 1:
            h ^= UInt32(data[tail])
            h = h &* m
        default:
            break
        }
        h ^= h >> 13
        h = h &* m
        h ^= h >> 15
        return h
    }
}
