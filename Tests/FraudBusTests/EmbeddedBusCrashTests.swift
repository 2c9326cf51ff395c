import Foundation
import FraudBus
import FraudCore
import FraudTesting
import Testing

@Suite("Embedded bus crash recovery")
struct EmbeddedBusCrashTests {
    /// Runs the helper, kills it with SIGKILL after `delay`, and returns the last acknowledged counts.
    static func runAndKill(path: String, delay: Duration) async throws -> [Int64]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: HelperExecutable.path("FraudBusCrashHelper"))
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        try await Task.sleep(for: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complete = output.split(separator: "\n", omittingEmptySubsequences: true).filter { $0.hasPrefix("ACK ") && output.contains($0 + "\n") }
        return complete.last.map { $0.split(separator: " ").dropFirst().map { Int64($0)! } }
    }

    @Test("kill -9 at random moments loses no acknowledged record and duplicates none")
    func killNineRepeatedly() async throws {
        let path = temporaryDirectory("crash")
        var generator = SplitMix64(seed: 20_240_601)
        var acknowledged: [Int64] = [0, 0, 0]
        for _ in 0..<24 {
            let delay = Duration.milliseconds(Int(40 + generator.next() % 260))
            if let counts = try await Self.runAndKill(path: path, delay: delay) {
                #expect(zip(counts, acknowledged).allSatisfy { $0 >= $1 }, "acknowledged counts went backwards")
                acknowledged = counts
            }
        }
        #expect(acknowledged.reduce(0, +) > 0, "the helper never acknowledged a batch")
        let bus = try EmbeddedBus(path: path)
        defer { bus.close() }
        let ends = try bus.endOffsets(topic: "crash")
        let consumer = try await bus.makeConsumer(group: "verify", topics: ["crash"])
        var expected: [Int64] = [0, 0, 0]
        while expected != ends {
            let records = try await consumer.poll(maxRecords: 5000, timeout: .seconds(5))
            try #require(!records.isEmpty, "log ended early at \(expected) of \(ends)")
            for record in records {
                let text = String(decoding: record.value, as: UTF8.self)
                try #require(text == "\(record.partition):\(expected[record.partition])" && record.offset == expected[record.partition],
                             "partition \(record.partition) offset \(record.offset) holds \(text), expected \(expected[record.partition])")
                expected[record.partition] += 1
            }
        }
        for partition in 0..<3 {
            #expect(ends[partition] >= acknowledged[partition], "partition \(partition) lost acknowledged records")
        }
    }

    @Test("a torn or corrupt tail is cut off on open and appends resume after it")
    func tornTailIsTruncated() async throws {
        let path = temporaryDirectory("torn")
        var bus = try EmbeddedBus(path: path)
        try await bus.createTopic("t", partitions: 1)
        var producer = try await bus.makeProducer()
        try await producer.send((0..<10).map { BusMessage(topic: "t", key: [], value: Array("r\($0)".utf8)) })
        bus.close()
        let segment = "\(path)/topics/t/0/00000000000000000000.log"
        let intact = try Data(contentsOf: URL(fileURLWithPath: segment))
        // A torn write: half of a copy of the last frame.
        try (intact + intact.suffix(20).prefix(13)).write(to: URL(fileURLWithPath: segment))
        bus = try EmbeddedBus(path: path)
        #expect(try bus.endOffsets(topic: "t") == [10])
        // A flipped byte in the last frame: its checksum fails, so it is dropped too.
        bus.close()
        var corrupt = intact
        corrupt[corrupt.count - 1] ^= 0xFF
        try corrupt.write(to: URL(fileURLWithPath: segment))
        bus = try EmbeddedBus(path: path)
        #expect(try bus.endOffsets(topic: "t") == [9])
        producer = try await bus.makeProducer()
        try await producer.send([BusMessage(topic: "t", key: [], value: Array("after".utf8))])
        let consumer = try await bus.makeConsumer(group: "g", topics: ["t"])
        let records = try await consumer.poll(maxRecords: 100, timeout: .seconds(1))
        #expect(records.map { String(decoding: $0.value, as: UTF8.self) } == (0..<9).map { "r\($0)" } + ["after"])
        #expect(records.map(\.offset) == Array(0..<10))
        bus.close()
    }
}

