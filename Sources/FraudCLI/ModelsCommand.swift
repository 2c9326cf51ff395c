import ArgumentParser

/// `fraud models`: the model registry (versions, artifacts, champion/challenger aliases).
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List, show, import, promote and roll back model versions.",
        subcommands: [
            ModelsListCommand.self, ModelsShowCommand.self, ModelsImportCommand.self, ModelsPromoteCommand.self,
            ModelsRollbackCommand.self, ModelsHistoryCommand.self,
            ModelsNewLabelsCommand.self, ModelsTrainingSetCommand.self,
        ]
    )
}
