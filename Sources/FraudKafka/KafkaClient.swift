import CRdKafka
import Dispatch
import FraudCore

/// Shared librdkafka plumbing: configuration objects and error texts.
enum KafkaClient {
    /// A configuration object with `settings` applied (caller passes it to `rd_kafka_new`).
    /// - Throws: `BusError.kafka` naming the property librdkafka rejected, with its message.
    static func configuration(_ settings: [String: String]) throws -> OpaquePointer {
        let configuration = rd_kafka_conf_new()!
        var text = [CChar](repeating: 0, count: 512)
        for (name, value) in settings.sorted(by: { $0.key < $1.key }) {
            guard rd_kafka_conf_set(configuration, name, value, &text, text.count) == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(configuration)
                throw BusError(.kafka, "setting \(name)=\(value): \(Self.text(text))")
            }
        }
        return configuration
    }

    /// A client handle of `type` from `configuration` (which the handle then owns).
    static func handle(_ type: rd_kafka_type_t, _ configuration: OpaquePointer) throws -> OpaquePointer {
        var text = [CChar](repeating: 0, count: 512)
        guard let handle = rd_kafka_new(type, configuration, &text, text.count) else {
            rd_kafka_conf_destroy(configuration)
            throw BusError(.kafka, "creating client: \(Self.text(text))")
        }
        return handle
    }

    /// Runs a blocking librdkafka call on a dispatch thread, never on the cooperative pool.
    static func offPool(_ body: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                body()
                continuation.resume()
            }
        }
    }

    /// The C string in an error buffer.
    static func text(_ buffer: [CChar]) -> String {
        buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// An error for a librdkafka response code, with librdkafka's text.
    static func error(_ code: rd_kafka_resp_err_t, _ context: String) -> BusError {
        BusError(.kafka, "\(context): \(String(cString: rd_kafka_err2str(code)))")
    }

    /// Throws unless `code` is `RD_KAFKA_RESP_ERR_NO_ERROR`.
    static func check(_ code: rd_kafka_resp_err_t, _ context: @autoclosure () -> String) throws {
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw error(code, context()) }
    }

    /// Whether a commit failed only because the group is rebalancing or this member's generation ended: the partitions
    /// are moving to another member, which resumes from the last successful commit.
    static func isLostToRebalance(_ code: rd_kafka_resp_err_t) -> Bool {
        code == RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS || code == RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION
            || code == RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID
    }

    /// A partition list for `offsets` (caller destroys it).
    static func partitionList(_ offsets: [TopicPartition: Int64]) -> UnsafeMutablePointer<rd_kafka_topic_partition_list_t> {
        let list = rd_kafka_topic_partition_list_new(Int32(offsets.count))!
        for (partition, offset) in offsets {
            let entry = rd_kafka_topic_partition_list_add(list, partition.topic, Int32(partition.partition))!
            entry.pointee.offset = offset
        }
        return list
    }

    /// The partitions in a list.
    static func partitions(_ list: UnsafePointer<rd_kafka_topic_partition_list_t>?) -> Set<TopicPartition> {
        guard let list else { return [] }
        var result: Set<TopicPartition> = []
        for index in 0..<Int(list.pointee.cnt) {
            let entry = list.pointee.elems[index]
            result.insert(TopicPartition(topic: String(cString: entry.topic), partition: Int(entry.partition)))
        }
        return result
    }
}
