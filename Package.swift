// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "FraudDetection",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "fraud", targets: ["FraudCLI"]),
        .executable(name: "fraud-bench", targets: ["FraudBench"]),
        .library(name: "FraudCore", targets: ["FraudCore"]),
        .library(name: "FraudData", targets: ["FraudData"]),
        .library(name: "FraudSimulator", targets: ["FraudSimulator"]),
        .library(name: "FraudMetrics", targets: ["FraudMetrics"]),
        .library(name: "FraudModel", targets: ["FraudModel"]),
        .library(name: "FraudDrift", targets: ["FraudDrift"]),
        .library(name: "FraudBus", targets: ["FraudBus"]),
        .library(name: "FraudKafka", targets: ["FraudKafka"]),
        .library(name: "FraudTesting", targets: ["FraudTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
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
        .target(name: "FraudMetrics"),
        // XGBoost 1.7 C API (Debian libxgboost-dev); only FraudXGBoost touches it.
        .systemLibrary(name: "CXGBoost", pkgConfig: "xgboost", providers: [.apt(["libxgboost-dev"])]),
        // The one owner of the XGBoost C boundary: handles, errors, training, prediction.
        .target(name: "FraudXGBoost", dependencies: ["CXGBoost"]),
        // Features, models (baseline, logistic, XGBoost + native evaluator), artifacts, tuning.
        .target(
            name: "FraudModel",
            dependencies: [
                "FraudCore", "FraudData", "FraudMetrics", "FraudXGBoost",
                .product(name: "Crypto", package: "swift-crypto"),
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

        // Fixtures, helpers and conformance suites every implementation must pass, for tests of every module.
        .target(name: "FraudTesting", dependencies: ["FraudCore", "FraudData", "FraudSimulator"]),

        .executableTarget(
            name: "FraudCLI",
            dependencies: [
                "FraudCore", "FraudData", "FraudSimulator", "FraudSimulatorServer", "FraudMetrics", "FraudModel",
                "FraudDrift",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // `make bench`: measured figures next to references measured in the same run (release build).
        .executableTarget(
            name: "FraudBench",
            dependencies: [
                "FraudCore", "FraudData", "FraudSimulator", "FraudModel", "FraudXGBoost", "FraudDrift", "FraudBus",
                "FraudKafka",
            ],
            path: "Benchmarks/FraudBench"
        ),
        // Appends acknowledged batches until killed: the embedded bus crash test runs it.
        .executableTarget(name: "FraudBusCrashHelper", dependencies: ["FraudBus"], path: "Tests/Support/FraudBusCrashHelper"),

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
        .testTarget(name: "FraudModelTests", dependencies: ["FraudModel", "FraudXGBoost", "FraudTesting", "FraudMetrics"]),
        .testTarget(name: "FraudDriftTests", dependencies: ["FraudDrift"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FraudBusTests", dependencies: ["FraudBus", "FraudTesting", "FraudBusCrashHelper"]),
        .testTarget(name: "FraudKafkaTests", dependencies: ["FraudKafka", "FraudTesting"]),
    ]
)
