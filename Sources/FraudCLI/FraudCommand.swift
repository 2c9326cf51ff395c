import ArgumentParser

/// The `fraud` command-line tool: every subcommand is listed here, one file each.
@main
struct FraudCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fraud",
        abstract: "Real-time payment fraud detection: simulate, train, score, monitor.",
        subcommands: [
            InspectCommand.self,
            SplitCommand.self,
            DriftCommand.self,
            SimulateCommand.self,
            TrainCommand.self,
            EvaluateCommand.self,
            TuneCommand.self,
            AlertCommand.self,
            ModelsCommand.self,
            LabelCommand.self,
            RunCommand.self,
            ReplayCommand.self,
            DemoCommand.self,
            PollCommand.self,
            ServeCommand.self,
            RetrainCommand.self,
        ]
    )
}
