// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Rehearse",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "rehearse", targets: ["rehearse"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    .target(
      name: "RehearseCore",
      dependencies: [.product(name: "Yams", package: "Yams")]
    ),
    .executableTarget(
      name: "rehearse",
      dependencies: [
        "RehearseCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "RehearseBenchmark",
      dependencies: ["RehearseCore"]
    ),
    .testTarget(
      name: "RehearseCoreTests",
      dependencies: ["RehearseCore"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "RehearseCLITests",
      dependencies: ["RehearseCore"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
