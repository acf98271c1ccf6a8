// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "RioPlan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rioplan", targets: ["rioplan"]),
        .library(name: "RioModel", targets: ["RioModel"]),
        .library(name: "RioStore", targets: ["RioStore"]),
        .library(name: "RioPlanner", targets: ["RioPlanner"]),
        .library(name: "RioExport", targets: ["RioExport"]),
        .library(name: "RioWorkspace", targets: ["RioWorkspace"]),
        .library(name: "RioServer", targets: ["RioServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .target(
            name: "RioModel",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "RioStore",
            dependencies: ["RioModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "RioPlanner",
            dependencies: ["RioModel"]),
        .target(
            name: "RioExport",
            dependencies: ["RioModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "RioWorkspace",
            dependencies: ["RioModel", "RioStore", "RioPlanner", "RioExport"]),
        .target(
            name: "RioServer",
            dependencies: [
                "RioModel", "RioExport", "RioWorkspace",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .executableTarget(
            name: "rioplan",
            dependencies: [
                "RioModel", "RioStore", "RioPlanner", "RioExport", "RioWorkspace", "RioServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "RioModelTests", dependencies: ["RioModel"]),
        .testTarget(name: "RioPlannerTests", dependencies: ["RioModel", "RioPlanner"]),
        .testTarget(name: "RioExportTests", dependencies: ["RioModel", "RioExport"]),
        .testTarget(name: "RioStoreTests", dependencies: ["RioModel", "RioStore"]),
        .testTarget(name: "RioWorkspaceTests", dependencies: ["RioModel", "RioPlanner", "RioWorkspace"]),
        .testTarget(name: "CLITests", dependencies: ["RioModel"]),
        .testTarget(
            name: "RioServerTests",
            dependencies: [
                "RioModel", "RioExport", "RioWorkspace", "RioServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
    ]
)
