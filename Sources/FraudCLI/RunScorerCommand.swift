import ArgumentParser
import FraudCore
import FraudPipeline
import FraudRuntime

/// `fraud run scorer`: consumes `payments.raw`, scores micro-batches with the champion (or `--model`), publishes
/// `payments.scored`; until SIGINT/SIGTERM, finishing and committing the batch in flight.
struct RunScorerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorer", abstract: "Score payments.raw into payments.scored (serves the champion alias, or --model DIR).")

    @Option(name: .long, help: "Consumer group; scorers of one group share the partitions.")
    var group = PaymentMessages.scorerGroup

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var bus: BusOptions
    @OptionGroup var pipeline: PipelineOptions
    @OptionGroup var model: ModelOptions

    func run() async throws {
        try await withBusAndDatabase(bus, database) { opened, store, stop in
            try await pipeline.withFeatureState(bus: opened, database: database) { featureState in
                var configuration = pipeline.scorer
                configuration.group = group
                let worker = ScorerWorker(bus: opened, store: store, featureState: featureState,
                                          models: try model.source(store: store), configuration: configuration)
                try await worker.run(stop: stop)
            }
        }
    }
}
