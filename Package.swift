// swift-tools-version: 6.0
import PackageDescription

// The AVX2 copy of the encoder's kernels is compiled for Haswell's instruction set; the program
// runs it only on a processor that has it (`AVX2Kernels.isSupported`). The manifest is compiled
// for the machine that builds, so this asks whether that machine is x86-64: elsewhere the copy
// is empty and the flag, which no other architecture knows, is left out.
#if arch(x86_64)
  let avx2Flags = ["-Ounchecked", "-target-cpu", "haswell"]
#else
  let avx2Flags = ["-Ounchecked"]
#endif

let package = Package(
  name: "Rehearse",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "rehearse", targets: ["rehearse"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    .target(
      name: "RehearseCore",
      dependencies: [
        .product(name: "Yams", package: "Yams"),
        // SQLite itself, through GRDB's module for it: SQL answers run in an in-memory database.
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        // Starts Python answers in their sandbox (a session, namespaces, another user): the
        // child's side between fork and exec, which Swift cannot run.
        "CSandbox",
        "RehearseEmbedding",
      ]
    ),
    // The sentence-embedding model's forward pass. Optimised even in debug builds: unoptimised,
    // one answer would take seconds instead of milliseconds, and the tests run debug builds.
    .target(
      name: "RehearseEmbedding",
      dependencies: ["EmbeddingKernels", "EmbeddingKernelsAVX2"],
      swiftSettings: [.unsafeFlags(["-Ounchecked"])]
    ),
    // The encoder's arithmetic, inlinable so that each module calling it compiles it for its
    // own instruction set.
    .target(
      name: "EmbeddingKernels",
      swiftSettings: [.unsafeFlags(["-Ounchecked"])]
    ),
    .target(
      name: "EmbeddingKernelsAVX2",
      dependencies: ["EmbeddingKernels"],
      swiftSettings: [.unsafeFlags(avx2Flags)]
    ),
    .target(
      name: "RehearseStore",
      dependencies: ["RehearseCore", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .target(name: "CSandbox"),
    .target(
      name: "CReadline",
      linkerSettings: [.linkedLibrary("readline")]
    ),
    .target(
      name: "LineInput",
      dependencies: ["CReadline"]
    ),
    .executableTarget(
      name: "rehearse",
      dependencies: [
        "RehearseCore",
        "RehearseStore",
        "LineInput",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "RehearseBenchmark",
      dependencies: ["RehearseCore", "RehearseEmbedding"]
    ),
    .executableTarget(
      name: "StoreBenchmark",
      dependencies: [
        "RehearseCore", "RehearseStore", .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "RehearseCoreTests",
      dependencies: [
        "RehearseCore", "RehearseEmbedding", .product(name: "Yams", package: "Yams"),
      ],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "RehearseStoreTests",
      dependencies: ["RehearseStore", "RehearseCore"]
    ),
    .testTarget(
      name: "RehearseCLITests",
      dependencies: ["RehearseCore", "RehearseStore"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
