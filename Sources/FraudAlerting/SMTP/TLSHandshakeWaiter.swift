import NIOCore
import NIOTLS

/// Completes `result` when the TLS handshake after STARTTLS succeeds or fails, so the client never
/// writes the next command into a connection whose handshake is still undecided (a rejected
/// certificate would otherwise surface as "I/O on closed channel", a retryable error).
final class TLSHandshakeWaiter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    let result: EventLoopPromise<Void>
    private var completed = false

    init(result: EventLoopPromise<Void>) {
        self.result = result
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event { complete(.success(())) }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        complete(.failure(error))
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        complete(.failure(TLSHandshakeInterrupted()))
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        complete(.failure(TLSHandshakeInterrupted()))
    }

    private func complete(_ outcome: Result<Void, any Error>) {
        guard !completed else { return }
        completed = true
        result.completeWith(outcome)
    }
}

/// The connection closed before the TLS handshake finished.
struct TLSHandshakeInterrupted: Error, CustomStringConvertible {
    var description: String { "the connection closed during the TLS handshake" }
}
