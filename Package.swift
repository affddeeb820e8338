// swift-tools-version: 6.1
import PackageDescription

// Module layout (docs/ARCHITECTURE.md explains the seams):
//   RegPolicyModel  – plain data shared by every stage (Document, Statement, PinpointID, the
//                      diagnostic catalogue and exit statuses); depends on nothing.
//   CLibXML2/CICU/CLibCrypto – system libraries: link flags only, never imported by Swift code.
//   CXMLShims/CICUShims/CDigestShims – the only code that includes <libxml/…>, <unicode/…>,
//                      <openssl/…>; plain-C headers.
//   RegPolicyIngest – official markup → Document (readers, normalisation, fidelity check).
//   RegPolicyExtract – normalised text → tokens → sentences → classified statements.
//   RegPolicyPolicies – profile, mapping rules, engine-neutral checks, template rendering, and the
//                      native evaluation of checks on Kubernetes manifests (Yams, swift-mustache).
//   RegPolicyDiff   – two versions of a document → provision-level changes (aligned, classified).
//   RegPolicyGit    – the real git binary and commits built with plumbing; knows nothing of policies.
//   RegPolicyIndex  – the trace index: provisions, statements, policies and commits in SQLite
//                      (GRDB, FTS5 for search), a cache rebuilt when its inputs change.
//   RegPolicyServe  – the local web view (Hummingbird) over the trace index.
//   RegPolicySources – `regpolicy.sources.yaml` and `regpolicy.lock`, read and written.
//   RegPolicyWatch  – `watch`: the fetch cache, HTTP (AsyncHTTPClient), the run over every source.
//   RegPolicyKit    – glue: the pipeline of values (source → policy tree → comparison → review
//                      branch) and one job per command: read inputs once, render, decide the exit status.
//   regpolicy       – the CLI: argument parsing only.
let package = Package(
  name: "regpolicy",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "regpolicy", targets: ["regpolicy"]),
    .library(name: "RegPolicyKit", targets: ["RegPolicyKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(name: "CICU", pkgConfig: "icu-uc", providers: [.apt(["libicu-dev"])]),
    .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .target(name: "CXMLShims", dependencies: ["CLibXML2"]),
    .target(name: "CICUShims", dependencies: ["CICU"]),
    .target(name: "CDigestShims", dependencies: ["CLibCrypto"]),
    .target(name: "RegPolicyModel"),
    .target(
      name: "RegPolicyIngest",
      dependencies: [
        "RegPolicyModel", "CXMLShims", "CICUShims", "CDigestShims",
      ]
    ),
    .target(name: "RegPolicyExtract", dependencies: ["RegPolicyModel"]),
    .target(
      name: "RegPolicyPolicies",
      dependencies: [
        "RegPolicyModel",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    .target(name: "RegPolicyDiff", dependencies: ["RegPolicyModel"]),
    .target(name: "RegPolicyGit", dependencies: ["RegPolicyModel"]),
    .target(
      name: "RegPolicyIndex",
      dependencies: ["RegPolicyModel", "RegPolicyPolicies", .product(name: "GRDB", package: "GRDB.swift")]),
    .target(
      name: "RegPolicyKit",
      dependencies: [
        "RegPolicyModel", "RegPolicyIngest", "RegPolicyExtract", "RegPolicyPolicies", "RegPolicyDiff", "RegPolicyGit",
        "RegPolicyIndex", "CDigestShims",
      ]
    ),
    .target(
      name: "RegPolicyServe",
      dependencies: ["RegPolicyKit", "RegPolicyIndex", .product(name: "Hummingbird", package: "hummingbird")]),
    .target(name: "RegPolicySources", dependencies: ["RegPolicyModel", "RegPolicyPolicies"]),
    .target(
      name: "RegPolicyWatch",
      dependencies: [
        "RegPolicyKit", "RegPolicyIngest", "RegPolicySources", "RegPolicyGit", "RegPolicyModel",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    // libFuzzer targets for everything `watch` reads from the network (Tests/Fuzz/README.md);
    // built normally it replays files, for the regression tests.
    .executableTarget(
      name: "regpolicy-fuzz", dependencies: ["RegPolicyIngest", "RegPolicySources", "RegPolicyModel"],
      path: "Tests/Fuzz/Target"),
    .executableTarget(
      name: "regpolicy",
      dependencies: [
        "RegPolicyKit", "RegPolicyServe", "RegPolicyWatch",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Paths of the package and of the shared corpus, for every test target.
    .target(name: "RegPolicyTestSupport", path: "Tests/RegPolicyTestSupport"),
    .testTarget(name: "RegPolicyModelTests", dependencies: ["RegPolicyModel"]),
    .testTarget(
      name: "RegPolicyIngestTests", dependencies: ["RegPolicyIngest", "RegPolicyKit", "RegPolicyTestSupport"]),
    .testTarget(
      name: "RegPolicyExtractTests", dependencies: ["RegPolicyExtract", "RegPolicyIngest", "RegPolicyTestSupport"]),
    .testTarget(
      name: "RegPolicyPoliciesTests",
      dependencies: [
        "RegPolicyPolicies", "RegPolicyKit", "RegPolicyExtract", "RegPolicyIngest", "RegPolicyTestSupport",
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .testTarget(
      name: "RegPolicyDiffTests",
      dependencies: ["RegPolicyDiff", "RegPolicyKit", "RegPolicyIngest", "RegPolicyTestSupport"]),
    .testTarget(
      name: "RegPolicyCLITests",
      dependencies: ["regpolicy", "RegPolicyModel", "RegPolicyGit", "RegPolicySources", "RegPolicyTestSupport"]),
  ]
)
