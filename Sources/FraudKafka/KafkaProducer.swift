import CRdKafka
import Foundation
import FraudCore
import Synchronization

/// Tracks the delivery reports of one `send`: resumes the caller when the last record is acknowledged.
final class DeliveryBatch: @unchecked Sendable {
    private struct State {
        // Starts at 1: the enqueuing phase itself, released once every record is enqueued.
        var pending = 1
        var failure: String?
        var continuation: CheckedContinuation<Void, any Error>?
    }
    private let state = Mutex(State())

    init(_ continuation: CheckedContinuation<Void, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    func enqueued() { state.withLock { $0.pending += 1 } }

    /// One record done (or the enqueuing phase); returns `true` when it was the last.
    func complete(failure: String?) -> Bool {
        let (continuation, error): (CheckedContinuation<Void, any Error>?, String?) = state.withLock { state in
            if let failure, state.failure == nil { state.failure = failure }
            state.pending -= 1
            guard state.pending == 0 else { return (nil, nil) }
            defer { state.continuation = nil }
            return (state.continuation, state.failure)
        }
        guard let continuation else { return false }
        if let error { continuation.resume(throwing: BusError(.kafka, "delivery failed: \(error)")) } else { continuation.resume() }
        return true
    }
}

/// The librdkafka producer handle and the thread serving its delivery reports.
final class ProducerCore: @unchecked Sendable {
    let handle: OpaquePointer
    private let running = Mutex(true)
    private let stopped = DispatchSemaphore(value: 0)

    init(settings: [String: String]) throws {
        let configuration = try KafkaClient.configuration(settings)
        // A C callback cannot capture: the batch travels as each message's opaque pointer.
        rd_kafka_conf_set_dr_msg_cb(configuration) { _, message, _ in
            guard let message, let opaque = message.pointee._private else { return }
            let failure = message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : String(cString: rd_kafka_err2str(message.pointee.err))
            let batch = Unmanaged<DeliveryBatch>.fromOpaque(opaque)
            if batch.takeUnretainedValue().complete(failure: failure) { batch.release() }
        }
        handle = try KafkaClient.handle(RD_KAFKA_PRODUCER, configuration)
        let thread = Thread { [self] in
            while running.withLock({ $0 }) { rd_kafka_poll(handle, 100) }
            rd_kafka_flush(handle, 30_000)
            rd_kafka_destroy(handle)
            stopped.signal()
        }
        thread.name = "kafka-producer-poll"
        thread.start()
    }

    /// Stops the poll thread after flushing; the handle is destroyed on that thread.
    func stop(wait: Bool) {
        let wasRunning = running.withLock { running in
            defer { running = false }
            return running
        }
        if wasRunning && wait { stopped.wait() }
    }
}

/// Produces to Kafka with idempotence (acks=all, no duplicates on retry) and batching (`linger.ms`);
/// `send` returns when the brokers acknowledged every record of the batch.
final class KafkaProducer: BusProducer, @unchecked Sendable {
    private let core: ProducerCore

    init(settings: [String: String]) throws {
        core = try ProducerCore(settings: settings)
    }

    deinit { core.stop(wait: false) }

    func send(_ messages: [BusMessage]) async throws {
        guard !messages.isEmpty else { return }
        let handle = core.handle
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let batch = DeliveryBatch(continuation)
            let opaque = Unmanaged.passRetained(batch).toOpaque()
            var failure: BusError?
            for message in messages {
                // Count the record before librdkafka can report it: its delivery report may arrive on the
                // poll thread before `produce` returns, and must not find the batch already finished (and freed).
                batch.enqueued()
                do {
                    try Self.produce(message, handle: handle, opaque: opaque)
                } catch {
                    // Not enqueued: uncount it. The enqueuing phase's own count keeps the batch alive.
                    _ = batch.complete(failure: nil)
                    failure = error as? BusError ?? BusError(.kafka, "\(error)")
                    break
                }
            }
            if batch.complete(failure: failure?.message) { Unmanaged<DeliveryBatch>.fromOpaque(opaque).release() }
        }
    }

    /// Enqueues one record with `rd_kafka_produceva` (`rd_kafka_producev` is variadic, not importable),
    /// retrying while the local queue is full.
    private static func produce(_ message: BusMessage, handle: OpaquePointer, opaque: UnsafeMutableRawPointer) throws {
        var attempts = 0
        while true {
            let headers = rd_kafka_headers_new(message.headers.count)!
            for header in message.headers {
                header.value.withUnsafeBytes { value in
                    _ = rd_kafka_header_add(headers, header.name, -1, value.baseAddress, value.count)
                }
            }
            let error: OpaquePointer? = message.topic.withCString { topic in
                message.key.withUnsafeBytes { key in
                    message.value.withUnsafeBytes { value in
                        var fields = [rd_kafka_vu_t](repeating: rd_kafka_vu_t(), count: 7)
                        fields[0].vtype = RD_KAFKA_VTYPE_TOPIC
                        fields[0].u.cstr = topic
                        fields[1].vtype = RD_KAFKA_VTYPE_KEY
                        fields[1].u.mem.ptr = key.isEmpty ? nil : UnsafeMutableRawPointer(mutating: key.baseAddress)
                        fields[1].u.mem.size = key.count
                        fields[2].vtype = RD_KAFKA_VTYPE_VALUE
                        fields[2].u.mem.ptr = UnsafeMutableRawPointer(mutating: value.baseAddress)
                        fields[2].u.mem.size = value.count
                        fields[3].vtype = RD_KAFKA_VTYPE_MSGFLAGS
                        fields[3].u.i = RD_KAFKA_MSG_F_COPY
                        fields[4].vtype = RD_KAFKA_VTYPE_OPAQUE
                        fields[4].u.ptr = opaque
                        fields[5].vtype = RD_KAFKA_VTYPE_HEADERS
                        fields[5].u.headers = headers
                        var count = 6
                        if let partition = message.partition {
                            fields[count].vtype = RD_KAFKA_VTYPE_PARTITION
                            fields[count].u.i32 = Int32(partition)
                            count += 1
                        } else if let timestamp = message.timestamp {
                            fields[count].vtype = RD_KAFKA_VTYPE_TIMESTAMP
                            fields[count].u.i64 = timestamp
                            count += 1
                        }
                        return rd_kafka_produceva(handle, fields, count)
                    }
                }
            }
            guard let error else { return }
            // On failure the headers were not taken over.
            rd_kafka_headers_destroy(headers)
            let code = rd_kafka_error_code(error)
            let text = String(cString: rd_kafka_error_string(error))
            rd_kafka_error_destroy(error)
            guard code == RD_KAFKA_RESP_ERR__QUEUE_FULL, attempts < 30_000 else {
                throw BusError(.kafka, "producing to '\(message.topic)': \(text)")
            }
            attempts += 1
            usleep(1000)
        }
    }

    func close() async throws {
        let core = self.core
        await KafkaClient.offPool { core.stop(wait: true) }
    }
}
