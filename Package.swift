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
        .library(name: "FraudStore", targets: ["FraudStore"]),
        .library(name: "FraudTesting", targets: ["FraudTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Records, formats, protocols and errors. No I/O, no dependencies.
        .target(name: "FraudCore"),

        // zlib, for reading plain and gzip CSV files through one code path.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Files: streaming CSV reader and writer over plain or gzip files.
        .target(name: "FraudData", dependencies: ["FraudCore", "CZlib"]),

        // Persistence: the SQLite (embedded) and PostgreSQL stores, migrations, and the model registry.
        .target(
            name: "FraudStore",
            dependencies: [
                "FraudCore", "FraudData",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Conformance suites and fixtures every implementation must pass (used by tests, shipped to implementers).
        .target(name: "FraudTesting", dependencies: ["FraudCore", "FraudStore"]),

        .executableTarget(
            name: "FraudCLI",
            dependencies: [
                "FraudCore", "FraudData", "FraudStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // `make bench`: measured figures next to references measured in the same run (release build).
        .executableTarget(name: "FraudBench", dependencies: ["FraudCore", "FraudData", "FraudStore", "FraudTesting"], path: "Benchmarks/FraudBench"),

        .testTarget(name: "FraudCoreTests", dependencies: ["FraudCore"]),
        .testTarget(name: "FraudDataTests", dependencies: ["FraudData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FraudStoreTests", dependencies: ["FraudStore", "FraudTesting", .product(name: "Logging", package: "swift-log")]),
    ]
)
