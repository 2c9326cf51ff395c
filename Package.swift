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
        .library(name: "FraudDrift", targets: ["FraudDrift"]),
        .library(name: "FraudSimulator", targets: ["FraudSimulator"]),
        .library(name: "FraudBus", targets: ["FraudBus"]),
        .library(name: "FraudKafka", targets: ["FraudKafka"]),
        .library(name: "FraudTesting", targets: ["FraudTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // Records, formats, protocols and errors. No I/O, no dependencies.
        .target(name: "FraudCore"),

        // zlib, for reading plain and gzip CSV files through one code path.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Files: streaming CSV reader and writer over plain or gzip files.
        .target(name: "FraudData", dependencies: ["FraudCore", "CZlib"]),

        // Drift: two-sample tests (Evidently's defaults), streaming detectors, reports. Pure Swift.
        .target(name: "FraudDrift", dependencies: ["FraudCore"]),
        // The payment simulator: seeded, deterministic, no dependencies beyond the core.
        .target(name: "FraudSimulator", dependencies: ["FraudCore"]),
        // `fraud simulate serve`: the "current transactions" API over HTTP.
        .target(
            name: "FraudSimulatorServer",
            dependencies: ["FraudCore", "FraudSimulator", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        // Fixtures, helpers and conformance suites every implementation must pass, for tests of every module.
        .target(name: "FraudTesting", dependencies: ["FraudCore", "FraudData", "FraudSimulator"]),
        // The embedded bus: a durable append-only log on local disk (segments, index, group offsets).
        .target(name: "FraudBus", dependencies: ["FraudCore", "CZlib"]),
        // librdkafka (Debian librdkafka-dev), with its mock cluster header.
        .systemLibrary(name: "CRdKafka", pkgConfig: "rdkafka", providers: [.apt(["librdkafka-dev"])]),
        // The Kafka bus: a thin wrapper over librdkafka; also opens a bus from its URL.
        .target(name: "FraudKafka", dependencies: ["FraudCore", "FraudBus", "CRdKafka"]),

        .executableTarget(
            name: "FraudCLI",
            dependencies: [
                "FraudCore", "FraudData", "FraudDrift", "FraudSimulator", "FraudSimulatorServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // `make bench`: measured figures next to references measured in the same run (release build).
        .executableTarget(
            name: "FraudBench",
            dependencies: ["FraudCore", "FraudData", "FraudDrift", "FraudSimulator", "FraudBus", "FraudKafka"],
            path: "Benchmarks/FraudBench"
        ),

        .testTarget(name: "FraudCoreTests", dependencies: ["FraudCore"]),
        // Appends acknowledged batches until killed: the embedded bus crash test runs it.
        .executableTarget(name: "FraudBusCrashHelper", dependencies: ["FraudBus"], path: "Tests/Support/FraudBusCrashHelper"),
        .testTarget(name: "FraudBusTests", dependencies: ["FraudBus", "FraudTesting", "FraudBusCrashHelper"]),
        .testTarget(name: "FraudKafkaTests", dependencies: ["FraudKafka", "FraudTesting"]),
        .testTarget(name: "FraudDataTests", dependencies: ["FraudData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FraudDriftTests", dependencies: ["FraudDrift"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "FraudSimulatorTests",
            dependencies: [
                "FraudCore", "FraudData", "FraudSimulator", "FraudSimulatorServer", "FraudTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
