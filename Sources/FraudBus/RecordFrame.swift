import CZlib
import FraudCore

/// The on-disk form of one record: `[u32 body length][u32 CRC-32 of body][body]`, little-endian,
/// body = `i64 offset, i64 timestamp, u32 key length, key, u32 value length, value,
/// u16 header count, (u16 name length, name, u32 value length, value)*`.
enum RecordFrame {
    /// Bytes before the body.
    static let headerSize = 8
    /// The smallest valid body (offset, timestamp, two lengths, header count).
    static let minimumBody = 8 + 8 + 4 + 4 + 2
    /// Larger frames are treated as corruption.
    static let maximumBody = 64 << 20

    /// Appends the frame of `message` at `offset`.
    static func append(_ message: BusMessage, offset: Int64, timestamp: Int64, to buffer: inout [UInt8]) {
        let start = buffer.count
        buffer.append(contentsOf: [0, 0, 0, 0, 0, 0, 0, 0])
        appendInteger(offset, to: &buffer)
        appendInteger(timestamp, to: &buffer)
        appendInteger(UInt32(message.key.count), to: &buffer)
        buffer.append(contentsOf: message.key)
        appendInteger(UInt32(message.value.count), to: &buffer)
        buffer.append(contentsOf: message.value)
        appendInteger(UInt16(message.headers.count), to: &buffer)
        for header in message.headers {
            let name = Array(header.name.utf8)
            appendInteger(UInt16(name.count), to: &buffer)
            buffer.append(contentsOf: name)
            appendInteger(UInt32(header.value.count), to: &buffer)
            buffer.append(contentsOf: header.value)
        }
        let bodyLength = buffer.count - start - headerSize
        let crc = buffer.withUnsafeBytes { checksum(UnsafeRawBufferPointer(rebasing: $0[(start + headerSize)...])) }
        buffer.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: UInt32(bodyLength).littleEndian, toByteOffset: start, as: UInt32.self)
            raw.storeBytes(of: crc.littleEndian, toByteOffset: start + 4, as: UInt32.self)
        }
    }

    /// CRC-32 (zlib's, hardware-assisted where available).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        return UInt32(crc32(0, base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
    }

    /// The record offset stored in a body.
    static func offset(ofBody body: UnsafeRawBufferPointer) -> Int64 {
        Int64(littleEndian: body.loadUnaligned(as: Int64.self))
    }

    /// Decodes a body; `nil` when its lengths do not add up.
    static func record(fromBody body: UnsafeRawBufferPointer, topic: String, partition: Int) -> BusRecord? {
        var cursor = BodyCursor(body: body)
        guard let offset = cursor.integer(Int64.self), let timestamp = cursor.integer(Int64.self),
              let keyLength = cursor.integer(UInt32.self), let key = cursor.bytes(Int(keyLength)),
              let valueLength = cursor.integer(UInt32.self), let value = cursor.bytes(Int(valueLength)),
              let headerCount = cursor.integer(UInt16.self)
        else { return nil }
        var headers: [BusHeader] = []
        headers.reserveCapacity(Int(headerCount))
        for _ in 0..<headerCount {
            guard let nameLength = cursor.integer(UInt16.self), let name = cursor.bytes(Int(nameLength)),
                  let length = cursor.integer(UInt32.self), let headerValue = cursor.bytes(Int(length))
            else { return nil }
            headers.append(BusHeader(name: String(decoding: name, as: UTF8.self), value: headerValue))
        }
        return BusRecord(topic: topic, partition: partition, offset: offset, key: key, value: value, headers: headers, timestamp: timestamp)
    }

    private static func appendInteger<T: FixedWidthInteger>(_ value: T, to buffer: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }
}

/// Reads little-endian fields out of a frame body, failing softly past the end.
private struct BodyCursor {
    let body: UnsafeRawBufferPointer
    var position = 0

    mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        guard position + MemoryLayout<T>.size <= body.count else { return nil }
        defer { position += MemoryLayout<T>.size }
        return T(littleEndian: body.loadUnaligned(fromByteOffset: position, as: T.self))
    }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, position + count <= body.count else { return nil }
        defer { position += count }
        return Array(UnsafeRawBufferPointer(rebasing: body[position..<(position + count)]))
    }
}
