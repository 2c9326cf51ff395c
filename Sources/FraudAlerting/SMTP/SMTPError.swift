/// An SMTP exchange that failed: the stage (e.g. `RCPT TO <a@b>`), the server's reply if any, and why.
package struct SMTPError: Error, CustomStringConvertible {
    package var stage: String
    package var reply: SMTPReply?
    package var reason: String
    /// Whether another attempt later could succeed (4xx replies, connection failures, timeouts).
    package var isTransient: Bool

    package init(stage: String, reply: SMTPReply? = nil, reason: String, isTransient: Bool) {
        self.stage = stage
        self.reply = reply
        self.reason = reason
        self.isTransient = isTransient
    }

    /// A reply that was not the expected one: 4xx is transient, anything else permanent.
    package static func unexpected(_ reply: SMTPReply, at stage: String) -> SMTPError {
        SMTPError(stage: stage, reply: reply, reason: "server replied " + reply.summary, isTransient: reply.isTransient)
    }

    package var description: String { "SMTP \(stage): \(reason)" }
}
