// swift-tools-version: 6.2
import PackageDescription

/// Settings every ReplicaLab target shares: Swift 6 language mode (the package default) and warnings as errors.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "ReplicaLab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "replicalab", targets: ["replicalab"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "Diagnostics", swiftSettings: strict),
        .target(name: "Replication", swiftSettings: strict),
        .target(name: "LessonMarkdown", dependencies: ["CCmark", "Diagnostics"], swiftSettings: strict),
        .target(name: "ScenarioLanguage", dependencies: ["Diagnostics", "Replication"], swiftSettings: strict),
        .target(
            name: "Course", dependencies: ["Diagnostics", "LessonMarkdown", "Replication", "ScenarioLanguage"],
            swiftSettings: strict),
        .target(
            name: "CourseSite",
            dependencies: ["BuiltInEngine", "Course", "LessonMarkdown", "Replication", "ScenarioLanguage"],
            swiftSettings: strict),
        // The engine compiled to WebAssembly by scripts/build-wasm.sh (Embedded Swift, from Sources/WasmEngine and
        // the engine modules; not a SwiftPM target, since it is built for wasm32), committed as engine.wasm.gz and
        // compiled in by the EmbedEngine plugin, so `build` writes Site/engine.js from the binary alone.
        .target(
            name: "BuiltInEngine", exclude: ["engine.wasm.gz", "engine-sources.sha256"], swiftSettings: strict,
            plugins: ["EmbedEngine"]),
        .plugin(name: "EmbedEngine", capability: .buildTool(), dependencies: ["EngineEmbedder"]),
        .executableTarget(name: "EngineEmbedder", path: "Plugins/EngineEmbedder", swiftSettings: strict),
        // The course's lessons compiled into the executable at build time (the EmbedLessons plugin runs the
        // LessonEmbedder tool on Lessons/), so `replicalab lessons` and `run` work with only the binary.
        .target(name: "BuiltInLessons", swiftSettings: strict, plugins: ["EmbedLessons"]),
        .plugin(name: "EmbedLessons", capability: .buildTool(), dependencies: ["LessonEmbedder"]),
        .executableTarget(name: "LessonEmbedder", path: "Plugins/LessonEmbedder", swiftSettings: strict),
        .target(
            name: "LanguageServer",
            dependencies: ["Course", "Diagnostics", "LessonMarkdown", "Replication", "ScenarioLanguage"],
            swiftSettings: strict),
        .target(
            name: "ReplicaLabCLI",
            dependencies: [
                "BuiltInLessons", "Course", "CourseSite", "Diagnostics", "LanguageServer", "LessonMarkdown",
                "Replication",
                "ScenarioLanguage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "replicalab", dependencies: ["ReplicaLabCLI"], swiftSettings: strict),
        // Engine micro-benchmarks, run by Benchmarks/run.sh; no test depends on them.
        .executableTarget(
            name: "ReplicaLabBenchmarks", dependencies: ["Diagnostics", "Replication", "ScenarioLanguage"],
            path: "Benchmarks/ReplicaLabBenchmarks",
            swiftSettings: strict),

        // What several test targets share: repository files and fixtures, temporary workspaces that run the built
        // executable, golden files, sample lessons (the way swift-argument-parser has ArgumentParserTestHelpers).
        .target(
            name: "ReplicaLabTestSupport", dependencies: ["Diagnostics"], path: "Tests/ReplicaLabTestSupport",
            swiftSettings: strict),
        .testTarget(
            name: "DiagnosticsTests", dependencies: ["Diagnostics", "ReplicaLabTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "ReplicationTests", dependencies: ["Replication", "ReplicaLabTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "LessonMarkdownTests", dependencies: ["Diagnostics", "LessonMarkdown", "ReplicaLabTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "ScenarioLanguageTests",
            dependencies: ["Diagnostics", "Replication", "ScenarioLanguage", "ReplicaLabTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "CourseTests", dependencies: ["Course", "Diagnostics", "ReplicaLabTestSupport"], swiftSettings: strict
        ),
        .testTarget(
            name: "CourseSiteTests",
            dependencies: [
                "Course", "CourseSite", "Diagnostics", "LessonMarkdown", "Replication", "ScenarioLanguage",
                "ReplicaLabTestSupport",
            ], swiftSettings: strict),
        .testTarget(
            name: "LanguageServerTests",
            dependencies: ["LanguageServer", "Course", "Diagnostics", "ReplicaLabTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "ReplicaLabCLITests",
            dependencies: [
                "BuiltInEngine", "BuiltInLessons", "Course", "CourseSite", "LessonMarkdown", "LanguageServer",
                "ReplicaLabCLI", "Replication", "ScenarioLanguage",
                "ReplicaLabTestSupport",
            ],
            swiftSettings: strict),
    ]
)
