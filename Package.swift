// swift-tools-version:6.1
import PackageDescription

// The pipeline, one library target per stage; each imports only the targets above it here.
//
//   JixiaoBase      numbers, diagnostics, reading input files
//   JixiaoValues    the target/actual value language (≥ 224 人次, 完成目标 …)
//   JixiaoModel     YAML (libyaml), rubrics, submissions, imported documents: reading and writing
//   JixiaoFormats   files → lines and cells: document text (traditional → simplified by OpenCC), .xlsx, .docx, HTML, PDF (poppler)
//   JixiaoImport    lines and cells → submissions: finding tables, reading rows, narrative figures
//   JixiaoAudit     scoring and checks → findings
//   JixiaoReport    text, JSON, Markdown, HTML, dashboard
//   JixiaoCore      the pipeline (which reader for which file, then audit), batch (its CSVs), history
//   JixiaoServer    `jixiao serve`: the local web page (upload, audit, runs, export) over the pipeline
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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        .systemLibrary(
            name: "COpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"])]
        ),
        .target(name: "JixiaoBase"),
        .target(name: "JixiaoValues", dependencies: ["JixiaoBase"]),
        .target(name: "JixiaoModel", dependencies: ["JixiaoBase", "JixiaoValues", "CYAML"]),
        .target(
            name: "JixiaoFormats",
            dependencies: ["JixiaoBase", "COpenCC", "CXML2", "CPoppler", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(name: "JixiaoImport", dependencies: ["JixiaoBase", "JixiaoValues", "JixiaoModel", "JixiaoFormats"]),
        .target(name: "JixiaoAudit", dependencies: ["JixiaoBase", "JixiaoValues", "JixiaoModel"]),
        .target(name: "JixiaoReport", dependencies: ["JixiaoBase", "JixiaoValues", "JixiaoModel", "JixiaoAudit"]),
        .target(
            name: "JixiaoCore",
            dependencies: [
                "JixiaoBase", "JixiaoValues", "JixiaoModel", "JixiaoFormats", "JixiaoImport", "JixiaoAudit", "JixiaoReport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "JixiaoServer",
            dependencies: [
                "JixiaoBase", "JixiaoModel", "JixiaoAudit", "JixiaoReport", "JixiaoCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "jixiao",
            dependencies: [
                "JixiaoBase", "JixiaoModel", "JixiaoImport", "JixiaoAudit", "JixiaoReport", "JixiaoCore", "JixiaoSynth", "JixiaoServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc (Debian's libmimalloc-dev) in place of glibc's malloc for the whole
            // process: a batch allocates in small pieces (libyaml alone four times per scalar),
            // and it took about 5% less time with mimalloc (Sources/jixiao-bench/README.md).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        // Tools: synthetic tables, the benchmark, the fuzz harness.
        .target(name: "JixiaoSynth", dependencies: ["JixiaoBase", "JixiaoAudit", "JixiaoReport", "JixiaoCore"]),
        .executableTarget(
            name: "jixiao-bench",
            dependencies: ["JixiaoBase", "JixiaoCore", "JixiaoSynth", "JixiaoServer"],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "jixiao-fuzz",
            dependencies: ["JixiaoValues", "JixiaoModel", "JixiaoFormats", "JixiaoImport", "JixiaoCore"]
        ),
        // Tests: one target per library target, a support module they share, and the command
        // line's tests, which run the built executable.
        .target(
            name: "JixiaoTestSupport",
            dependencies: [
                "JixiaoBase", "JixiaoModel", "JixiaoFormats", "JixiaoImport", "JixiaoAudit",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/JixiaoTestSupport"
        ),
        .testTarget(
            name: "JixiaoBaseTests",
            dependencies: ["JixiaoBase", "JixiaoTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "JixiaoValuesTests",
            dependencies: ["JixiaoValues", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "JixiaoModelTests", dependencies: ["JixiaoModel", "JixiaoTestSupport"]),
        .testTarget(name: "JixiaoFormatsTests", dependencies: ["JixiaoFormats", "JixiaoTestSupport"]),
        .testTarget(name: "JixiaoImportTests", dependencies: ["JixiaoImport", "JixiaoTestSupport"]),
        .testTarget(
            name: "JixiaoAuditTests",
            dependencies: ["JixiaoAudit", "JixiaoTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "JixiaoReportTests",
            dependencies: [
                "JixiaoReport", "JixiaoTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"), .product(name: "Ink", package: "Ink"),
            ]
        ),
        .testTarget(name: "JixiaoCoreTests", dependencies: ["JixiaoCore", "JixiaoSynth", "JixiaoTestSupport"]),
        .testTarget(
            name: "JixiaoServerTests",
            dependencies: [
                "JixiaoServer", "JixiaoCore", "JixiaoAudit", "JixiaoFormats", "JixiaoTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(name: "JixiaoCLITests", dependencies: ["jixiao", "JixiaoTestSupport"]),
    ]
)
