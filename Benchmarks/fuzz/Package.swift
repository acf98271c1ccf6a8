// swift-tools-version: 6.0
// The fuzz target of RioPlan's YAML loaders (libFuzzer). Not part of the product or the tests:
// Benchmarks/fuzz.sh builds it with `-sanitize=fuzzer` and runs it for a given time.
import PackageDescription

let package = Package(
    name: "RioPlanFuzz",
    dependencies: [.package(name: "RioPlan", path: "../..")],
    targets: [
        .executableTarget(
            name: "rioplan-fuzz",
            dependencies: [.product(name: "RioModel", package: "RioPlan")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    ]
)
