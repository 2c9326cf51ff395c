// Crash-test helper: appends acknowledged batches to an embedded bus until killed.
// Usage: FraudBusCrashHelper PATH. After each acknowledged batch it prints
// "ACK n0 n1 n2": the record count of each partition of topic `crash`. Record k of partition p
// holds "p:k", so a reader can check that the log is exactly 0, 1, 2, ... with no gap or repeat.
import Foundation
import FraudBus
import FraudCore

let partitions = 3
let path = CommandLine.arguments[1]
let bus = try EmbeddedBus(path: path)
try await bus.createTopic("crash", partitions: partitions)
var next = try bus.endOffsets(topic: "crash")
let producer = try await bus.makeProducer()
while true {
    var batch: [BusMessage] = []
    for index in 0..<60 {
        let partition = index % partitions
        batch.append(BusMessage(topic: "crash", key: [], value: Array("\(partition):\(next[partition])".utf8), partition: partition))
        next[partition] += 1
    }
    try await producer.send(batch)
    FileHandle.standardOutput.write(Data("ACK \(next.map(String.init).joined(separator: " "))\n".utf8))
}
