import Foundation
import FraudCore
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// Sends one e-mail per connection over SMTP (RFC 5321) on SwiftNIO: EHLO, STARTTLS when offered,
/// AUTH PLAIN or LOGIN, MAIL FROM, RCPT TO, DATA, QUIT.
package struct SMTPClient: Sendable {
    package let configuration: SMTPChannel.Configuration
    private let tlsContext: NIOSSLContext?

    package init(configuration: SMTPChannel.Configuration) throws(ConfigurationError) {
        self.configuration = configuration
        self.tlsContext = configuration.security == .none ? nil : try configuration.tls.makeContext()
    }

    /// Sends `message`; returns the server's reply to the end of DATA (often a queue id).
    package func send(_ message: EmailMessage) async throws(SMTPError) -> String {
        let timedOut = TimeoutFlag()
        do {
            return try await exchange(message, timedOut: timedOut)
        } catch {
            if timedOut.value.withLock({ $0 }) {
                let stage = (error as? SMTPError)?.stage ?? "session"
                throw SMTPError(stage: stage, reason: "no answer within \(configuration.timeout)", isTransient: true)
            }
            if let error = error as? SMTPError { throw error }
            throw Self.classify(error)
        }
    }

    private func exchange(_ message: EmailMessage, timedOut: TimeoutFlag) async throws -> String {
        let host = configuration.host
        let implicitTLS = configuration.security == .implicitTLS ? tlsContext : nil
        let sniName = Self.isIPAddress(host) ? nil : host
        let channel: NIOAsyncChannel<SMTPReply, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.milliseconds(configuration.connectTimeout.milliseconds))
                .connect(host: host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let implicitTLS {
                            let tls = try NIOSSLClientHandler(context: implicitTLS, serverHostname: sniName)
                            try channel.pipeline.syncOperations.addHandler(tls)
                        }
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                        return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw SMTPError(stage: "connect to \(host):\(configuration.port)", reason: "\(error)", isTransient: true)
        }
        let raw = channel.channel
        let timer = raw.eventLoop.scheduleTask(in: .milliseconds(configuration.timeout.milliseconds)) {
            timedOut.value.withLock { $0 = true }
            raw.close(promise: nil)
        }
        defer { timer.cancel() }
        return try await channel.executeThenClose { inbound, outbound in
            var conversation = SMTPConversation(replies: inbound.makeAsyncIterator(), outbound: outbound)
            return try await converse(&conversation, message: message, channel: raw, sniName: sniName)
        }
    }

    private func converse(
        _ smtp: inout SMTPConversation, message: EmailMessage, channel: any Channel, sniName: String?
    ) async throws -> String {
        try await smtp.expect(stage: "greeting") { $0.code == 220 }
        var extensions = try await hello(&smtp)
        var encrypted = configuration.security == .implicitTLS
        if !encrypted && configuration.security != .none {
            if extensions.contains("STARTTLS") {
                try await smtp.command("STARTTLS", stage: "STARTTLS") { $0.code == 220 }
                guard let context = tlsContext else { preconditionFailure("TLS context missing for STARTTLS") }
                let handshake = channel.eventLoop.makePromise(of: Void.self)
                try await channel.eventLoop.submit {
                    let tls = try NIOSSLClientHandler(context: context, serverHostname: sniName)
                    try channel.pipeline.syncOperations.addHandler(tls, position: .first)
                    try channel.pipeline.syncOperations.addHandler(TLSHandshakeWaiter(result: handshake), position: .after(tls))
                }.get()
                do {
                    try await handshake.futureResult.get()
                } catch {
                    // A certificate or protocol mismatch will not fix itself: permanent.
                    throw SMTPError(stage: "TLS", reason: "handshake failed: \(error)", isTransient: false)
                }
                encrypted = true
                extensions = try await hello(&smtp)
            } else if configuration.security == .startTLSRequired {
                throw SMTPError(stage: "STARTTLS", reason: "server does not offer STARTTLS and the URL requires it", isTransient: false)
            }
        }
        if let credentials = configuration.credentials {
            guard encrypted || configuration.allowPlaintextAuthentication else {
                throw SMTPError(stage: "AUTH", reason: "refusing to send credentials over an unencrypted connection", isTransient: false)
            }
            try await authenticate(&smtp, credentials: credentials, extensions: extensions)
        }
        try await smtp.command("MAIL FROM:<\(message.from)>", stage: "MAIL FROM <\(message.from)>") { $0.isPositive }
        for recipient in message.to {
            try await smtp.command("RCPT TO:<\(recipient)>", stage: "RCPT TO <\(recipient)>") { $0.code == 250 || $0.code == 251 }
        }
        try await smtp.command("DATA", stage: "DATA") { $0.code == 354 }
        let accepted = try await smtp.data(message.renderedData())
        // The message is accepted; a failing QUIT must not turn it into a retried duplicate.
        _ = try? await smtp.command("QUIT", stage: "QUIT") { _ in true }
        return accepted.summary
    }

    /// EHLO (HELO when the server does not know EHLO); returns the upper-cased extension lines.
    private func hello(_ smtp: inout SMTPConversation) async throws -> Set<String> {
        let reply = try await smtp.command("EHLO \(configuration.heloName)", stage: "EHLO") { _ in true }
        if reply.isPositive {
            return Set(reply.lines.dropFirst().map { $0.uppercased() }.flatMap { line -> [String] in
                // Keep both the full line ("AUTH PLAIN LOGIN") and its keyword ("AUTH").
                [line, String(line.split(separator: " ").first ?? "")]
            })
        }
        guard reply.code == 500 || reply.code == 502 else { throw SMTPError.unexpected(reply, at: "EHLO") }
        try await smtp.command("HELO \(configuration.heloName)", stage: "HELO") { $0.isPositive }
        return []
    }

    private func authenticate(
        _ smtp: inout SMTPConversation, credentials: SMTPChannel.Credentials, extensions: Set<String>
    ) async throws {
        let mechanisms = Set(extensions.filter { $0.hasPrefix("AUTH ") || $0.hasPrefix("AUTH=") }
            .flatMap { $0.dropFirst(5).split(separator: " ").map(String.init) })
        do {
            if mechanisms.contains("PLAIN") {
                let token = Data([0] + Array(credentials.username.utf8) + [0] + Array(credentials.password.utf8))
                try await smtp.command("AUTH PLAIN " + token.base64EncodedString(), stage: "AUTH PLAIN") { $0.code == 235 }
                return
            }
            if mechanisms.contains("LOGIN") {
                try await smtp.command("AUTH LOGIN", stage: "AUTH LOGIN") { $0.code == 334 }
                try await smtp.command(Data(credentials.username.utf8).base64EncodedString(), stage: "AUTH LOGIN username") {
                    $0.code == 334
                }
                try await smtp.command(Data(credentials.password.utf8).base64EncodedString(), stage: "AUTH LOGIN password") {
                    $0.code == 235
                }
                return
            }
        } catch var error as SMTPError where !error.isTransient {
            error.reason += " (check FRAUD_SMTP_USER and FRAUD_SMTP_PASSWORD)"
            throw error
        }
        throw SMTPError(stage: "AUTH", reason: "credentials are configured but the server offers neither AUTH PLAIN nor LOGIN (offers: \(mechanisms.sorted().joined(separator: " ")))", isTransient: false)
    }

    /// Connection-level failures: TLS problems are permanent (a certificate will not fix itself), others transient.
    private static func classify(_ error: any Error) -> SMTPError {
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return SMTPError(stage: "TLS", reason: "\(error)", isTransient: false)
        }
        if let protocolError = error as? SMTPProtocolError {
            return SMTPError(stage: "reply", reason: protocolError.description, isTransient: true)
        }
        return SMTPError(stage: "connection", reason: "\(error)", isTransient: true)
    }

    private static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }
}

/// Set when the session deadline closed the connection, so the error says "timed out", not "closed".
private final class TimeoutFlag: Sendable {
    let value = Mutex(false)
}
