import FraudData
import Foundation
import Testing

/// The read-ahead behind `CompressedFileReader`: files larger than its queue of 1 MiB chunks read back byte for byte,
/// a damaged or truncated gzip file fails (naming the path and the compressed byte) after the bytes before the damage,
/// concatenated gzip members read as one file, other compressions are refused, and a reader dropped early stops its
/// thread.
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

    /// `bytes` compressed by gzip(1).
    static func gzipped(_ bytes: [UInt8]) throws -> [UInt8] {
        let path = try write(bytes, gzip: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Reads in 64 KiB reads until the end or an error: the bytes delivered, and the error.
    static func readUntilFailure(_ path: String) throws -> (delivered: [UInt8], error: (any Error)?) {
        let reader = try CompressedFileReader(path: path)
        var delivered: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        do {
            while true {
                let count = try buffer.withUnsafeMutableBytes { try reader.read(into: $0.baseAddress!, maxCount: 1 << 16) }
                if count == 0 { return (delivered, nil) }
                delivered += buffer[0..<count]
            }
        } catch {
            return (delivered, error)
        }
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

    @Test func aDamagedGzipFileFailsNamingThePathAndTheCompressedByteAfterTheBytesBeforeTheDamage() throws {
        var compressed = try Self.gzipped(Self.content)
        let damage = compressed.count / 2
        for index in damage..<damage + 64 { compressed[index] ^= 0x5A }
        let path = try Self.write(compressed, gzip: false)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (delivered, error) = try Self.readUntilFailure(path)
        // The damage sits half-way through the compressed stream: the first megabyte arrives intact first.
        #expect(delivered.count >= 1 << 20 && delivered.count < Self.content.count)
        #expect(delivered.prefix(1 << 20) == Self.content.prefix(1 << 20))
        let text = try #require(error.map { "\($0)" })
        #expect(text.contains(path) && text.contains("corrupt gzip data at compressed byte "), "\(text)")
        let offset = text.split(separator: "compressed byte ").last.flatMap { Int($0.prefix { $0.isNumber }) }
        // Where zlib noticed: in the damaged block, or at the member's check value when the block still inflated.
        #expect(offset.map { (damage...compressed.count).contains($0) } == true, "damage at \(damage): \(text)")
    }

    /// Issue 14: a gzip file cut short read as a complete, shorter file (zlib's `gzread` reports the early end only
    /// through `gzerror`).
    @Test("a gzip file cut short is an error naming the path and the byte where it ends", arguments: [0.6, 0.999])
    func aTruncatedGzipFileFails(keptShare: Double) throws {
        let compressed = try Self.gzipped(Self.content)
        let kept = Int(Double(compressed.count) * keptShare)
        let path = try Self.write(Array(compressed.prefix(kept)), gzip: false)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (delivered, error) = try Self.readUntilFailure(path)
        #expect(delivered == Array(Self.content.prefix(delivered.count)), "what arrives before the end is the file's start")
        #expect(delivered.count < Self.content.count)
        let text = try #require(error.map { "\($0)" }, "read \(delivered.count) bytes and no error")
        #expect(text.contains(path) && text.contains("truncated gzip stream at compressed byte \(kept)"), "\(text)")
    }

    @Test("a gzip file cut inside its header is truncated too", arguments: [2, 5, 9])
    func aGzipHeaderCutShortFails(kept: Int) throws {
        let path = try Self.write(Array(try Self.gzipped(Self.content).prefix(kept)), gzip: false)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(try Self.readUntilFailure(path).error.map { "\($0)" })
        #expect(error.contains("truncated gzip stream at compressed byte \(kept)"), "\(error)")
    }

    @Test func concatenatedGzipMembersReadAsOneFile() throws {
        let first = Array(Self.content.prefix(1_000_003)), second = Array(Self.content.dropFirst(1_000_003))
        let path = try Self.write(try Self.gzipped(first) + Self.gzipped(second), gzip: false)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Self.readAll(CompressedFileReader(path: path), size: 65_521) == Self.content)
    }

    @Test func bytesAfterTheLastGzipMemberAreAnError() throws {
        let compressed = try Self.gzipped(Self.content)
        let path = try Self.write(compressed + Array("not gzip".utf8), gzip: false)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (delivered, error) = try Self.readUntilFailure(path)
        #expect(delivered == Self.content)
        let text = try #require(error.map { "\($0)" })
        #expect(text.contains(path) && text.contains("corrupt gzip data at compressed byte"), "\(text)")
    }

    @Test("files compressed another way are refused, naming the format", arguments: [
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00], "xz"), ([0x42, 0x5A, 0x68, 0x39, 0x31, 0x41], "bzip2"),
        ([0x28, 0xB5, 0x2F, 0xFD, 0x24, 0x00], "zstd"), ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "zip"),
    ] as [([UInt8], String)])
    func otherCompressionsAreRefused(magic: [UInt8], format: String) throws {
        let path = try Self.write(magic + Array(repeating: 7, count: 100), gzip: false)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try CompressedFileReader(path: path)
        } throws: { error in
            "\(error)".contains(path) && "\(error)".contains("compressed with \(format)")
        }
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
