// swift-tools-version:6.0
// Phaen — the planning and performance system of the Bangkok Metropolitan Administration.
// Targets are arranged in levels; a target may depend only on targets of a lower level
// (see ARCHITECTURE.md). PhaenCore depends on Foundation only.
import PackageDescription

let package = Package(
    name: "Phaen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "phaen", targets: ["phaen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.32.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.0"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.20.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.1.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/vapor/async-kit", from: "1.19.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // Level 0 — the pure domain: model, scoring, validation, Thai numbers and dates.
        .target(name: "PhaenCore"),

        // Level 1 — adapters that depend on Core only.
        .target(name: "PhaenStore", dependencies: [
            "PhaenCore",
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "SQLiteKit", package: "sqlite-kit"),
            .product(name: "PostgresKit", package: "postgres-kit"),
            .product(name: "AsyncKit", package: "async-kit"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "PhaenImport", dependencies: [
            "PhaenCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], resources: [.copy("Demo")]),
        // Official documents: a neutral document model and its DOCX, XLSX, HTML and PDF writers.
        .target(name: "PhaenDocs", dependencies: [
            "PhaenCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),

        // Level 2 — use cases.
        .target(name: "PhaenApp", dependencies: [
            "PhaenCore", "PhaenStore", "PhaenImport", "PhaenDocs",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),

        // Level 3 — the web application.
        .target(name: "PhaenWeb", dependencies: [
            "PhaenApp", "PhaenCore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Logging", package: "swift-log"),
        ], resources: [.copy("Templates"), .copy("Static")]),

        // Level 3 — the command line.
        .executableTarget(name: "phaen", dependencies: [
            "PhaenApp", "PhaenStore", "PhaenCore", "PhaenImport", "PhaenWeb", "PhaenDocs",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        .testTarget(name: "PhaenCoreTests", dependencies: ["PhaenCore"]),
        .testTarget(name: "PhaenDocsTests", dependencies: [
            "PhaenDocs", "PhaenCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "PhaenImportTests", dependencies: ["PhaenImport", "PhaenCore"]),
        .testTarget(name: "PhaenStoreTests", dependencies: [
            "PhaenStore", "PhaenCore", "PhaenImport", .product(name: "SQLKit", package: "sql-kit"),
        ]),
        .testTarget(name: "PhaenAppTests", dependencies: ["PhaenApp", "PhaenCore", "PhaenStore", "PhaenImport", "PhaenDocs"]),
        .testTarget(name: "PhaenWebTests", dependencies: [
            "PhaenWeb", "PhaenApp", "PhaenCore", "PhaenStore", "PhaenDocs",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
    ]
)
