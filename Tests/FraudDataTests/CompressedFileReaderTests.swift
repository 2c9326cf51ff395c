import FraudData
import Foundation
import Testing

/// The read-ahead behind `CompressedFileReader`: files larger than its queue of 1 MiB chunks read back byte for byte,
/// a damaged gzip file fails after the bytes before the damage, and a reader dropped early stops its thread.
@Suite(.timeLimit(.minutes(1))) struct CompressedFileReaderTests {
    /// 6.5 MiB of varied bytes: more than the four chunks the read-ahead keeps queued.
    static let content: [UInt8] = (0..<(13 << 19)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }

    static func write(_ bytes: [UInt8], gzip: Bool) throws -> String {
        let path = Fixture.temporaryPath(".bin")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        guard gzip else { return path }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-f", path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return path + ".gz"
    }

    /// Reads everything in reads of `size` bytes (odd sizes cross every chunk boundary at a different offset).
    static func readAll(_ reader: CompressedFileReader, size: Int) throws -> [UInt8] {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: size)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try reader.read(into: $0.baseAddress!, maxCount: size) }
            if count == 0 { return output }
            output += buffer[0..<count]
        }
    }

    @Test(arguments: [false, true])
    func largeFilesReadBackByteForByte(gzip: Bool) throws {
        let path = try Self.write(Self.content, gzip: gzip)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Self.readAll(CompressedFileReader(path: path), size: 65_521) == Self.content)
        #expect(try Self.readAll(CompressedFileReader(path: path), size: 3 << 20) == Self.content)
    }

    @Test("the share of the file read starts at 0, grows, and is 1 at the end (replay's progress)", arguments: [false, true])
    func fractionReadFollowsTheFile(gzip: Bool) throws {
        let path = try Self.write(Self.content, gzip: gzip)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try CompressedFileReader(path: path)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        _ = try buffer.withUnsafeMutableBytes { try reader.read(into: $0.baseAddress!, maxCount: $0.count) }
        let early = try #require(reader.fractionRead)
        // At most the read-ahead's 4 MiB past the caller: short of the end of the 6.5 MiB plain file.
        #expect(early > 0 && (gzip || early < 1), "after the first 64 KiB of a \(Self.content.count)-byte file: \(early)")
        _ = try Self.readAll(reader, size: 1 << 16)
        #expect(reader.fractionRead == 1)
    }

    @Test func aDamagedGzipFileFailsNamingThePathAfterTheBytesBeforeTheDamage() throws {
        let path = try Self.write(Self.content, gzip: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var compressed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        for index in stride(from: compressed.count / 2, to: compressed.count / 2 + 64, by: 1) { compressed[index] ^= 0x5A }
        try Data(compressed).write(to: URL(fileURLWithPath: path))
        let reader = try CompressedFileReader(path: path)
        var delivered: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let error = #expect(throws: DataFileError.self) {
            while true {
                let count = try buffer.withUnsafeMutableBytes { try reader.read(into: $0.baseAddress!, maxCount: 1 << 16) }
                if count == 0 { break }
                delivered += buffer[0..<count]
            }
        }
        // The damage sits half-way through the compressed stream: the first megabyte arrives intact first.
        #expect(delivered.count >= 1 << 20 && delivered.count < Self.content.count)
        #expect(delivered.prefix(1 << 20) == Self.content.prefix(1 << 20))
        #expect(error.map { "\($0)".contains(path) } == true)
    }

    @Test func readersDroppedAfterTheFirstBytesStopTheirThreads() throws {
        let path = try Self.write(Self.content, gzip: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var buffer = [UInt8](repeating: 0, count: 16)
        for _ in 0..<50 {
            let reader = try CompressedFileReader(path: path)
            let count = try buffer.withUnsafeMutableBytes { try reader.read(into: $0.baseAddress!, maxCount: 16) }
            #expect(Array(buffer[0..<count]) == Array(Self.content[0..<count]))
        }
    }
}
