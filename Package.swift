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
    ],
    targets: [
        // Records, formats, protocols and errors. No I/O, no dependencies.
        .target(name: "FraudCore"),

        // zlib, for reading plain and gzip CSV files through one code path.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Files: streaming CSV reader and writer over plain or gzip files.
        .target(name: "FraudData", dependencies: ["FraudCore", "CZlib"]),

        .executableTarget(
            name: "FraudCLI",
            dependencies: [
                "FraudCore", "FraudData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // `make bench`: measured figures next to references measured in the same run (release build).
        .executableTarget(name: "FraudBench", dependencies: ["FraudCore", "FraudData"], path: "Benchmarks/FraudBench"),

        .testTarget(name: "FraudCoreTests", dependencies: ["FraudCore"]),
        .testTarget(name: "FraudDataTests", dependencies: ["FraudData"], resources: [.copy("Fixtures")]),
    ]
)
