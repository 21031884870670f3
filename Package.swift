// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "jixiao",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "JixiaoCore", targets: ["JixiaoCore"]),
        .executable(name: "jixiao", targets: ["jixiao"]),
        .executable(name: "jixiao-bench", targets: ["jixiao-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "JixiaoCore",
            dependencies: [
                "CYAML",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "jixiao",
            dependencies: [
                "JixiaoCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "jixiao-bench",
            dependencies: ["JixiaoCore", "CYAML"]
        ),
        .executableTarget(
            name: "jixiao-fuzz",
            dependencies: ["JixiaoCore"]
        ),
        .testTarget(
            name: "JixiaoCoreTests",
            dependencies: [
                "JixiaoCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Ink", package: "Ink"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "JixiaoCLITests",
            dependencies: ["jixiao"]
        ),
    ]
)
