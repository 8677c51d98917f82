// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "Scrutineer",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "scrutineer", targets: ["scrutineer"]),
        .library(name: "ScrutineerCore", targets: ["ScrutineerCore"]),
        .library(name: "ScrutineerFormats", targets: ["ScrutineerFormats"]),
        .library(name: "ScrutineerStorage", targets: ["ScrutineerStorage"]),
        .library(name: "ScrutineerViews", targets: ["ScrutineerViews"]),
        .library(name: "ScrutineerWeb", targets: ["ScrutineerWeb"]),
        .library(name: "ScrutineerDemo", targets: ["ScrutineerDemo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // Domain model and every statistic. Depends on nothing but Foundation.
        .target(name: "ScrutineerCore"),
        // Reading and writing files: CSV, XLSX, one parser per source layout.
        .target(
            name: "ScrutineerFormats",
            dependencies: [
                "ScrutineerCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ]
        ),
        // The schema, migrations and the one SQL store for SQLite and PostgreSQL.
        .target(
            name: "ScrutineerStorage",
            dependencies: [
                "ScrutineerCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Page models, Mustache templates and SVG charts: data in, text out.
        .target(
            name: "ScrutineerViews",
            dependencies: [
                "ScrutineerCore",
                "ScrutineerFormats",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The demo's data (OGL national statistics, two committees, illustrative local values) and
        // the code that loads it into a store.
        .target(
            name: "ScrutineerDemo",
            dependencies: ["ScrutineerCore", "ScrutineerFormats", "ScrutineerStorage"],
            resources: [.copy("DemoData")]
        ),
        // The web application: pages, JSON API, sign-in and roles. The only module that imports Hummingbird.
        .target(
            name: "ScrutineerWeb",
            dependencies: [
                "ScrutineerCore",
                "ScrutineerFormats",
                "ScrutineerStorage",
                "ScrutineerViews",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                // Reading the files a form uploads (multipart/form-data).
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]
        ),
        // The thin command-line tool: one file per subcommand.
        .executableTarget(
            name: "scrutineer",
            dependencies: [
                "ScrutineerCore",
                "ScrutineerFormats",
                "ScrutineerStorage",
                "ScrutineerViews",
                "ScrutineerWeb",
                "ScrutineerDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Test support shared by the test targets (where shared/ is).
        .target(name: "ScrutineerTestSupport", dependencies: ["ScrutineerCore", "ScrutineerFormats"], path: "Tests/ScrutineerTestSupport"),
        .testTarget(
            name: "ScrutineerCoreTests",
            dependencies: ["ScrutineerCore", "ScrutineerFormats", "ScrutineerTestSupport"],
            // The assessment tests run this independent Python check with python3; not a resource.
            exclude: ["Assessment/Fixtures/independent_assess.py"]
        ),
        .testTarget(name: "ScrutineerViewsTests", dependencies: ["ScrutineerCore", "ScrutineerViews", "ScrutineerTestSupport"]),
        .testTarget(
            name: "ScrutineerFormatsTests",
            dependencies: ["ScrutineerCore", "ScrutineerFormats", "ScrutineerTestSupport"],
            exclude: ["Fixtures"]
        ),
        // End to end: the built `scrutineer` binary run as a user runs it.
        // The store is opened directly only to write what no command writes (commentary, from the site).
        .testTarget(name: "ScrutineerCommandTests", dependencies: ["scrutineer", "ScrutineerCore", "ScrutineerStorage", "ScrutineerTestSupport"]),
        .testTarget(
            name: "ScrutineerWebTests",
            dependencies: [
                "ScrutineerWeb", "ScrutineerDemo", "ScrutineerStorage", "ScrutineerTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "ScrutineerStorageTests", dependencies: ["ScrutineerCore", "ScrutineerFormats", "ScrutineerStorage", "ScrutineerTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
