import NIOCore

/// The command/reply rhythm of one SMTP connection: write a line, read one (possibly multi-line) reply.
struct SMTPConversation {
    var replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    /// Reads the next reply and checks it; throws naming `stage` and the reply otherwise.
    @discardableResult
    mutating func expect(stage: String, _ accept: (SMTPReply) -> Bool) async throws -> SMTPReply {
        guard let reply = try await replies.next() else {
            throw SMTPError(stage: stage, reason: "server closed the connection", isTransient: true)
        }
        guard accept(reply) else { throw SMTPError.unexpected(reply, at: stage) }
        return reply
    }

    /// Sends one command line (CRLF added) and checks the reply. Command text is never logged: AUTH carries secrets.
    @discardableResult
    mutating func command(_ line: String, stage: String, _ accept: (SMTPReply) -> Bool) async throws -> SMTPReply {
        try await outbound.write(ByteBuffer(string: line + "\r\n"))
        return try await expect(stage: stage, accept)
    }

    /// Sends the rendered message and the terminating `.` line; expects 250.
    mutating func data(_ bytes: [UInt8]) async throws -> SMTPReply {
        var buffer = ByteBuffer(bytes: bytes)
        buffer.writeString(".\r\n")
        try await outbound.write(buffer)
        return try await expect(stage: "end of DATA") { $0.code == 250 }
    }
}
