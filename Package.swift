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
        .library(name: "FraudMetrics", targets: ["FraudMetrics"]),
        .library(name: "FraudModel", targets: ["FraudModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Records, formats, protocols and errors. No I/O, no dependencies.
        .target(name: "FraudCore"),

        // zlib, for reading plain and gzip CSV files through one code path.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Files: streaming CSV reader and writer over plain or gzip files.
        .target(name: "FraudData", dependencies: ["FraudCore", "CZlib"]),

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
        // Fixtures shared by tests: synthetic labelled transactions.
        .target(name: "FraudTesting", dependencies: ["FraudCore"]),

        .executableTarget(
            name: "FraudCLI",
            dependencies: [
                "FraudCore", "FraudData", "FraudMetrics", "FraudModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // `make bench`: measured figures next to references measured in the same run (release build).
        .executableTarget(name: "FraudBench", dependencies: ["FraudCore", "FraudData", "FraudModel", "FraudXGBoost"], path: "Benchmarks/FraudBench"),

        .testTarget(name: "FraudCoreTests", dependencies: ["FraudCore"]),
        .testTarget(name: "FraudDataTests", dependencies: ["FraudData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FraudMetricsTests", dependencies: ["FraudMetrics", "FraudTesting"]),
        .testTarget(name: "FraudModelTests", dependencies: ["FraudModel", "FraudXGBoost", "FraudTesting", "FraudMetrics"]),
    ]
)
