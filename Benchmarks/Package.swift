// swift-tools-version: 6.2
// Scrutineer's benchmarks, kept out of the main package so its builds stay light.
// Run with scripts/benchmark (which also runs the pandas baselines in the same session).
import PackageDescription

let package = Package(
    name: "ScrutineerBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Scrutineer", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ScrutineerBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ScrutineerCore", package: "Scrutineer"),
                .product(name: "ScrutineerFormats", package: "Scrutineer"),
                .product(name: "ScrutineerStorage", package: "Scrutineer"),
                .product(name: "ScrutineerViews", package: "Scrutineer"),
            ],
            path: "Benchmarks/ScrutineerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
