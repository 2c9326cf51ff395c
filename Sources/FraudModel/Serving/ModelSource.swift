import FraudCore

/// Where a scorer gets its model: a fixed scorer, or the registry's `champion` alias, watched for changes.
///
/// The stream's scorer, `POST /v1/score` and the demo all serve the champion through it.
package enum ModelSource: Sendable {
    /// Always this scorer (`fraud run scorer --model DIR`, tests, benchmarks).
    case fixed(FraudScorer)
    /// The champion of `models` (the registry's store), re-checked at most once per `checkEvery` and reloaded when
    /// it moves.
    case champion(any ModelStore, checkEvery: Duration)

    /// A watcher serving this source.
    package func watcher() -> ChampionWatcher {
        switch self {
        case .fixed(let scorer): ChampionWatcher(fixed: scorer)
        case .champion(let models, let interval): ChampionWatcher(models: models, interval: interval)
        }
    }
}

/// No champion alias to serve.
package struct NoChampionError: Error, CustomStringConvertible {
    package var description: String {
        "no champion model in the registry: train one and run 'fraud models import DIR' then 'fraud models promote VERSION', or pass --model DIR"
    }
}
