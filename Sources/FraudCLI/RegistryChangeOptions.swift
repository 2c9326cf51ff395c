import ArgumentParser

/// What the commands that change the registry (`models import`, `promote`, `rollback`) share: who and why, the store,
/// the registry and its gate, the MLflow mirror, and `--json`.
struct RegistryChangeOptions: ParsableArguments {
    @OptionGroup var audit: AuditOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var mlflow: MLflowOptions

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false
}
