import NIOCore

/// One SMTP reply (RFC 5321 §4.2): a three-digit code and one or more text lines.
package struct SMTPReply: Hashable, Sendable {
    package var code: Int
    /// Text of each line, without the code and separator.
    package var lines: [String]

    package init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx.
    package var isPositive: Bool { (200..<300).contains(code) }
    /// 3xx: the server waits for more (354 after DATA, 334 during AUTH).
    package var isIntermediate: Bool { (300..<400).contains(code) }
    /// 4xx: try again later.
    package var isTransient: Bool { (400..<500).contains(code) }

    /// `code text`, lines joined with ` / `, for error messages.
    package var summary: String { String(code) + " " + lines.joined(separator: " / ") }
}

/// Decodes bytes from an SMTP server into replies, joining multi-line replies (`250-...` then `250 ...`).
package struct SMTPReplyDecoder: ByteToMessageDecoder {
    package typealias InboundOut = SMTPReply

    /// RFC 5321 limits a reply line to 512 octets; anything far longer is not SMTP.
    private static let maximumLineLength = 4096
    private var pending: [String] = []
    private var pendingCode: Int?

    package init() {}

    package mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maximumLineLength { throw SMTPProtocolError(line: "<\(buffer.readableBytes) bytes without a line end>") }
            return .needMoreData
        }
        var line = buffer.readString(length: newline - buffer.readerIndex + 1) ?? ""
        while line.last == "\n" || line.last == "\r" || line.last == "\r\n" { line.removeLast() }
        let (code, isLast, text) = try Self.parse(line)
        if let expected = pendingCode, expected != code { throw SMTPProtocolError(line: line) }
        pending.append(text)
        if isLast {
            context.fireChannelRead(wrapInboundOut(SMTPReply(code: code, lines: pending)))
            pending = []
            pendingCode = nil
        } else {
            pendingCode = code
        }
        return .continue
    }

    package mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    /// Splits `250-text` / `250 text` / `250` into code, last-line flag and text.
    package static func parse(_ line: String) throws -> (code: Int, isLast: Bool, text: String) {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0...2].allSatisfy({ (48...57).contains($0) }),
              bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-")
        else { throw SMTPProtocolError(line: line) }
        let code = Int(bytes[0] - 48) * 100 + Int(bytes[1] - 48) * 10 + Int(bytes[2] - 48)
        let isLast = bytes.count == 3 || bytes[3] == UInt8(ascii: " ")
        let text = bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : ""
        return (code, isLast, text)
    }
}

/// The server sent something that is not an SMTP reply.
package struct SMTPProtocolError: Error, CustomStringConvertible {
    var line: String
    package var description: String { "not an SMTP reply line: \"\(line.prefix(120))\"" }
}
