// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "FraudDetection",
    platforms: [.macOS(.v15)],
    // Only the executables are products: no other package builds on these modules, so their declarations are
    // `package`, not `public` (docs/decisions.md).
    products: [
        .executable(name: "fraud", targets: ["FraudCLI"]),
        .executable(name: "fraud-bench", targets: ["FraudBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Records, formats, protocols and errors. No I/O, no dependencies.
        .target(name: "FraudCore"),

        // zlib, for reading plain and gzip CSV files through one code path.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Files: streaming CSV reader and writer over plain or gzip files.
        .target(name: "FraudData", dependencies: ["FraudCore", "CZlib"]),

        // The payment simulator: seeded, deterministic, no dependencies beyond the core.
        .target(name: "FraudSimulator", dependencies: ["FraudCore"]),
        // `fraud simulate serve`: the "current transactions" API over HTTP.
        .target(
            name: "FraudSimulatorServer",
            dependencies: ["FraudCore", "FraudSimulator", .product(name: "Hummingbird", package: "hummingbird")]
        ),

        // Evaluation metrics: confusion counts, ROC/PR curves and AUCs, precision@k, threshold choice.
        .target(name: "FraudMetrics", dependencies: ["FraudCore"]),
        // XGBoost 1.7 C API (Debian libxgboost-dev); only FraudXGBoost touches it.
        .systemLibrary(name: "CXGBoost", pkgConfig: "xgboost", providers: [.apt(["libxgboost-dev"])]),
        // The one owner of the XGBoost C boundary: handles (DMatrix, Booster), errors, one boosting round, prediction.
        .target(name: "FraudXGBoost", dependencies: ["CXGBoost"]),
        // Features, models (baseline, logistic, XGBoost + native evaluator), artifacts, tuning, and the champion
        // a scorer serves, hot-swapped when the registry's alias moves.
        .target(
            name: "FraudModel",
            dependencies: [
                "FraudCore", "FraudRuntime", "FraudData", "FraudMetrics", "FraudXGBoost",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),

        // Drift: two-sample tests (Evidently's defaults), streaming detectors, reports. Pure Swift.
        .target(name: "FraudDrift", dependencies: ["FraudCore"]),

        // The embedded bus: a durable append-only log on local disk (segments, index, group offsets).
        .target(name: "FraudBus", dependencies: ["FraudCore", "CZlib"]),
        // librdkafka (Debian librdkafka-dev), with its mock cluster header.
        .systemLibrary(name: "CRdKafka", pkgConfig: "rdkafka", providers: [.apt(["librdkafka-dev"])]),
        // The Kafka bus: a thin wrapper over librdkafka; also opens a bus from its URL.
        .target(name: "FraudKafka", dependencies: ["FraudCore", "FraudBus", "CRdKafka"]),

        // sqlite3_config, which is variadic and so not callable from Swift (system libsqlite3, as GRDB uses).
        .target(name: "CSQLiteSettings", linkerSettings: [.linkedLibrary("sqlite3")]),
        // Persistence: the SQLite (embedded) and PostgreSQL stores, migrations, and the model registry.
        .target(
            name: "FraudStore",
            dependencies: [
                "FraudCore", "FraudRuntime", "FraudData", "CSQLiteSettings",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),

        // Alerts: webhook (async-http-client) and e-mail (SMTP on SwiftNIO), de-duplicated and retried.
        .target(
            name: "FraudAlerting",
            dependencies: [
                "FraudCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),

        // Optional mirror of runs, model versions and aliases to an MLflow tracking server over its REST API.
        .target(
            name: "FraudMLflow",
            dependencies: [
                "FraudCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),

        // What every long-running worker builds on: the micro-batch consumer loop, the stop signal, worker groups,
        // the champion hot-swap and the metric names. Light on purpose: the pipeline, the API and the monitor all use it.
        .target(
            name: "FraudRuntime",
            dependencies: [
                "FraudCore",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // The streaming workers: scorer, writer, alerter, sources, the feature state, the embedded pipeline.
        .target(
            name: "FraudPipeline",
            dependencies: [
                "FraudCore", "FraudRuntime", "FraudData", "FraudSimulator", "FraudModel", "FraudStore", "FraudBus",
                "FraudAlerting",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),

        // The HTTP API, its OpenAPI document and docs page, the dashboard, and /metrics (Prometheus text).
        .target(
            name: "FraudAPI",
            dependencies: [
                "FraudCore", "FraudRuntime", "FraudModel", "FraudStore", "FraudMetrics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")]
        ),

        // Keeping the model healthy: the monitor, the retrainer and the same-window promotion gate.
        .target(
            name: "FraudMonitoring",
            dependencies: [
                "FraudCore", "FraudRuntime", "FraudDrift", "FraudModel", "FraudStore", "FraudMetrics",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // `fraud demo --scenario drift`: the model-health loop told step by step on the real pipeline, monitor and
        // retrainer, with the simulator's ground truth arriving as delayed labels.
        .target(
            name: "FraudDemo",
            dependencies: [
                "FraudCore", "FraudRuntime", "FraudData", "FraudDrift", "FraudModel", "FraudStore", "FraudBus", "FraudPipeline",
                "FraudMonitoring", "FraudSimulator",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Fixtures, helpers and conformance suites every implementation must pass, for tests of every module.
        .target(name: "FraudTesting", dependencies: ["FraudCore", "FraudData", "FraudSimulator", "FraudStore"]),

        .executableTarget(
            name: "FraudCLI",
            dependencies: [
                "FraudCore", "FraudData", "FraudSimulator", "FraudSimulatorServer", "FraudMetrics", "FraudModel",
                "FraudDrift", "FraudStore", "FraudAlerting", "FraudBus", "FraudKafka", "FraudPipeline", "FraudAPI", "FraudMLflow",
                "FraudMonitoring", "FraudDemo", "FraudRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // `make bench`: measured figures next to references measured in the same run (release build).
        .executableTarget(
            name: "FraudBench",
            dependencies: [
                "FraudCore", "FraudData", "FraudSimulator", "FraudModel", "FraudXGBoost", "FraudDrift", "FraudBus",
                "FraudKafka", "FraudStore", "FraudTesting", "FraudPipeline", "FraudRuntime", "FraudAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Benchmarks/FraudBench"
        ),
        // Appends acknowledged batches until killed: the embedded bus crash test runs it.
        .executableTarget(name: "FraudBusCrashHelper", dependencies: ["FraudBus"], path: "Tests/Support/FraudBusCrashHelper"),
        // Runs the embedded scorer and writer until killed: the pipeline crash test runs it.
        .executableTarget(
            name: "FraudPipelineCrashHelper",
            dependencies: ["FraudBus", "FraudCore", "FraudModel", "FraudPipeline", "FraudRuntime", "FraudStore"],
            path: "Tests/Support/FraudPipelineCrashHelper"
        ),

        .testTarget(name: "FraudCoreTests", dependencies: ["FraudCore"]),
        .testTarget(name: "FraudDataTests", dependencies: ["FraudData"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "FraudSimulatorTests",
            dependencies: [
                "FraudCore", "FraudData", "FraudSimulator", "FraudSimulatorServer", "FraudTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "FraudMetricsTests", dependencies: ["FraudMetrics", "FraudTesting"]),
        .testTarget(name: "FraudModelTests", dependencies: ["FraudModel", "FraudXGBoost", "FraudTesting", "FraudMetrics", "FraudStore"]),
        .testTarget(name: "FraudDriftTests", dependencies: ["FraudDrift", "FraudTesting"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FraudBusTests", dependencies: ["FraudBus", "FraudTesting", "FraudBusCrashHelper"]),
        .testTarget(name: "FraudKafkaTests", dependencies: ["FraudKafka", "FraudTesting"]),
        .testTarget(name: "FraudStoreTests", dependencies: [
            "FraudStore", "FraudTesting", .product(name: "Logging", package: "swift-log"), .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
        ]),
        .testTarget(
            name: "FraudPipelineTests",
            dependencies: [
                "FraudPipeline", "FraudRuntime", "FraudTesting", "FraudBus", "FraudKafka", "FraudStore", "FraudModel", "FraudCore",
                "FraudSimulator", "FraudPipelineCrashHelper", "FraudSimulatorServer", "FraudAlerting", "FraudCLI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "FraudAPITests",
            dependencies: [
                "FraudAPI", "FraudCore", "FraudStore", "FraudPipeline", "FraudRuntime", "FraudTesting", "FraudBus", "FraudModel", "FraudSimulator",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "FraudCLITests", dependencies: ["FraudCLI", "FraudAlerting", "FraudCore", "FraudStore", "FraudTesting"]),
        .testTarget(name: "FraudMLflowTests", dependencies: ["FraudMLflow", "FraudStore", "FraudTesting", "FraudCLI"]),
        .testTarget(
            name: "FraudMonitoringTests",
            dependencies: [
                "FraudMonitoring", "FraudTesting", "FraudBus", "FraudSimulator", "FraudMetrics", "FraudModel", "FraudStore",
                "FraudXGBoost", "FraudDrift", "FraudRuntime",
            ]
        ),
        .testTarget(name: "FraudDemoTests", dependencies: ["FraudDemo", "FraudTesting", "FraudBus", "FraudStore", "FraudModel", "FraudPipeline"]),
        .testTarget(
            name: "FraudAlertingTests",
            dependencies: [
                "FraudAlerting", "FraudTesting",
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
