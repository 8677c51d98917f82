// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Scrutineer",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "scrutineer", targets: ["scrutineer"]),
        .library(name: "ScrutineerCore", targets: ["ScrutineerCore"]),
        .library(name: "ScrutineerFormats", targets: ["ScrutineerFormats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Domain model and every statistic. Depends on nothing but Foundation.
        .target(name: "ScrutineerCore"),
        // Reading and writing files: CSV now; XLSX and the source layouts later.
        .target(name: "ScrutineerFormats", dependencies: ["ScrutineerCore"]),
        // The thin command-line tool: one file per subcommand.
        .executableTarget(
            name: "scrutineer",
            dependencies: [
                "ScrutineerCore",
                "ScrutineerFormats",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ScrutineerCoreTests", dependencies: ["ScrutineerCore", "ScrutineerFormats"]),
        .testTarget(name: "ScrutineerFormatsTests", dependencies: ["ScrutineerCore", "ScrutineerFormats", "scrutineer"]),
    ],
    swiftLanguageModes: [.v6]
)
