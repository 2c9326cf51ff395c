import Foundation
import FraudBus
import FraudCore
import FraudData
import FraudKafka

/// The message codec, the embedded log and Kafka (librdkafka mock cluster): messages per second.
enum BusBench: Benchmark {
    static let name = "bus"

    static func run(_ context: BenchContext) async throws -> [BenchResult] {
        let payments = try loadPayments(context, limit: 200_000)
        var results = codec(payments)
        let messages = payments.map { PaymentMessages.message(for: $0) }
        for policy in [EmbeddedBus.FlushPolicy.everyBatch, .never] {
            var configuration = EmbeddedBus.Configuration()
            configuration.flushPolicy = policy
            let path = context.workDirectory + "/bus-\(UUID().uuidString)"
            let bus = try EmbeddedBus(path: path, configuration: configuration)
            results += try await throughput(bus, messages, label: "embedded log (\(policy == .everyBatch ? "fsync every batch" : "no fsync"))")
            bus.close()
            try? FileManager.default.removeItem(atPath: path)
        }
        // The mock keeps only ~5 MB per partition (older records are deleted unread): stay below it.
        let cluster = try KafkaMockCluster(brokers: 1)
        results += try await throughput(try cluster.bus(), Array(messages.prefix(24_000)), label: "Kafka mock cluster, 24k msgs")
        return results
    }

    static func loadPayments(_ context: BenchContext, limit: Int) throws -> [Transaction] {
        let reader = try TransactionCSVReader(path: context.dataPath)
        var payments: [Transaction] = []
        while payments.count < limit, let payment = try reader.next() { payments.append(payment) }
        return payments
    }

    static func codec(_ payments: [Transaction]) -> [BenchResult] {
        var encoded: [[UInt8]] = []
        encoded.reserveCapacity(payments.count)
        let encodeSeconds = BenchContext.time { for payment in payments { encoded.append(payment.jsonBytes) } }
        var decodedCount = 0
        let decodeSeconds = BenchContext.time {
            for bytes in encoded where (try? Transaction(jsonBytes: bytes)) != nil { decodedCount += 1 }
        }
        let reference = BenchContext.time {
            for bytes in encoded where (try? JSONSerialization.jsonObject(with: Data(bytes))) != nil {}
        }
        let bytes = encoded.reduce(0) { $0 + $1.count } / max(1, encoded.count)
        return [
            BenchResult(name: "payment JSON encode (\(bytes) B/msg)", value: Double(payments.count) / encodeSeconds, unit: "msg/s", target: "≥ 50k"),
            BenchResult(name: "payment JSON decode", value: Double(decodedCount) / decodeSeconds, unit: "msg/s",
                        referenceName: "JSONSerialization (untyped)", referenceValue: Double(encoded.count) / reference, target: "≥ 50k"),
        ]
    }

    static func throughput(_ bus: any Bus, _ messages: [BusMessage], label: String) async throws -> [BenchResult] {
        try await bus.createTopic(PaymentMessages.rawTopic, partitions: 4)
        let producer = try await bus.makeProducer()
        let batch = 1000
        let produceSeconds = try await time {
            for start in stride(from: 0, to: messages.count, by: batch) {
                try await producer.send(Array(messages[start..<min(start + batch, messages.count)]))
            }
        }
        try await producer.close()
        let consumer = try await bus.makeConsumer(group: "bench", topics: [PaymentMessages.rawTopic])
        // Kafka needs its group join (~3 s) before the first record: start timing at the first record.
        let first = try await consumer.poll(maxRecords: batch, timeout: .seconds(30))
        var received = first.count
        var perPartition: [Int: Int] = [:]
        for record in first { perPartition[record.partition, default: 0] += 1 }
        let consumeSeconds = try await time {
            while received < messages.count {
                let records = try await consumer.poll(maxRecords: batch, timeout: .seconds(10))
                guard !records.isEmpty else {
                    throw BenchError(message: "\(label): consumed \(received) of \(messages.count), by partition \(perPartition.sorted { $0.key < $1.key })")
                }
                for record in records { perPartition[record.partition, default: 0] += 1 }
                received += records.count
                try await consumer.commit(through: records)
            }
        }
        try await consumer.close()
        return [
            BenchResult(name: "\(label): produce, batches of \(batch)", value: Double(messages.count) / produceSeconds, unit: "msg/s", target: "≥ 50k"),
            BenchResult(name: "\(label): consume + commit per batch", value: Double(messages.count) / consumeSeconds, unit: "msg/s", target: "≥ 50k"),
        ]
    }

    static func time(_ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        try await body()
        return (ContinuousClock.now - start).inSeconds
    }
}
