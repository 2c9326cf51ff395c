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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // Records, formats, protocols and errors. No I/O, no dependencies.
        .target(name: "FraudCore"),

        // zlib, for reading plain and gzip CSV files through one code path.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Files: streaming CSV reader and writer over plain or gzip files.
        .target(name: "FraudData", dependencies: ["FraudCore", "CZlib"]),

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
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),

        .executableTarget(
            name: "FraudCLI",
            dependencies: [
                "FraudCore", "FraudData", "FraudAlerting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // `make bench`: measured figures next to references measured in the same run (release build).
        .executableTarget(name: "FraudBench", dependencies: ["FraudCore", "FraudData"], path: "Benchmarks/FraudBench"),

        .testTarget(name: "FraudCoreTests", dependencies: ["FraudCore"]),
        .testTarget(name: "FraudDataTests", dependencies: ["FraudData"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "FraudAlertingTests",
            dependencies: [
                "FraudAlerting",
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
