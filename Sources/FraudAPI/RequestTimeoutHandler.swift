import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Closes the connection of a client too slow to send its request (slowloris): the request's head must be complete
/// within `headerTimeout` of the connection opening or of the request's first bytes, and its body within `bodyTimeout`
/// of the head. Sits after the HTTP decoder; the time the server takes to answer is not limited. A route reading the
/// cut body sees a 408 `HTTPError`, not the decoder's error about the early end.
final class RequestTimeoutHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let headerTimeout: TimeAmount
    private let bodyTimeout: TimeAmount
    /// The part of a request being received.
    private enum Part: String { case head, body }

    /// When the request being received must be complete, and the part awaited; nil between requests.
    private var deadline: NIODeadline?
    private var awaited = Part.head
    /// Set once the connection was closed for being too slow.
    private var timedOut = false
    /// The armed timer and when it fires: at or before `deadline`, then re-armed if the deadline moved on.
    private var timer: Scheduled<Void>?
    private var timerDeadline = NIODeadline.distantFuture
    /// Whether a request part was decoded since the last read completed.
    private var decodedPart = false

    init(headerTimeout: TimeAmount, bodyTimeout: TimeAmount) {
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { expect(.head, within: headerTimeout, context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        expect(.head, within: headerTimeout, context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        decodedPart = true
        switch unwrapInboundIn(data) {
        case .head: expect(.body, within: bodyTimeout, context)
        case .body: break
        case .end: deadline = nil
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // Bytes that decoded to no part between requests are the start of the next request's head.
        if !decodedPart, deadline == nil { expect(.head, within: headerTimeout, context) }
        decodedPart = false
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard timedOut else { return context.fireErrorCaught(error) }
        let seconds = Double((awaited == .head ? headerTimeout : bodyTimeout).nanoseconds) / 1e9
        context.fireErrorCaught(HTTPError(.requestTimeout, message: "the request's \(awaited.rawValue) did not arrive within \(seconds) s"))
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    private func expect(_ part: Part, within timeout: TimeAmount, _ context: ChannelHandlerContext) {
        let deadline = NIODeadline.now() + timeout
        self.deadline = deadline
        awaited = part
        if deadline < timerDeadline {
            timer?.cancel()
            arm(at: deadline, context)
        }
    }

    private func arm(at deadline: NIODeadline, _ context: ChannelHandlerContext) {
        timerDeadline = deadline
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            timer = nil
            timerDeadline = .distantFuture
            guard let current = self.deadline else { return }
            if current <= .now() {
                timedOut = true
                context.close(promise: nil)
            } else {
                arm(at: current, context)
            }
        }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
        timerDeadline = .distantFuture
        deadline = nil
    }
}
