import ArgumentParser

/// `fraud run ROLE`: one worker of the distributed pipeline, until SIGINT/SIGTERM (the batch in flight is finished and committed).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one worker of the pipeline (distributed mode: Kafka and PostgreSQL, several processes).",
        subcommands: [
            RunScorerCommand.self,
            RunWriterCommand.self,
            RunAlerterCommand.self,
            RunMonitorCommand.self,
            RunRetrainerCommand.self,
        ]
    )
}
