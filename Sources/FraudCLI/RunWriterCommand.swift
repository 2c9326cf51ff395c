import ArgumentParser
import FraudCore
import FraudPipeline
import FraudRuntime

/// `fraud run writer`: stores `payments.scored` (idempotent upsert by `trans_num`); until SIGINT/SIGTERM,
/// finishing and committing the batch in flight.
struct RunWriterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "writer", abstract: "Store payments.scored in the database (idempotent by trans_num).")

    @Option(name: .long, help: "Consumer group; writers of one group share the partitions.")
    var group = PaymentMessages.writerGroup

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var bus: BusOptions
    @OptionGroup var pipeline: PipelineOptions

    func run() async throws {
        try await withBusAndDatabase(bus, database) { opened, store, stop in
            var configuration = pipeline.writer
            configuration.group = group
            try await WriterWorker(bus: opened, store: store, configuration: configuration).run(stop: stop)
        }
    }
}
