import Foundation

/// The two places every test suite reads from: the package root, and the shared corpus of official
/// files — one setting, `REGPOLICY_CORPUS` (default `../shared/corpus` next to the package). A
/// missing corpus fails the tests that need it; nothing is skipped.
public enum TestPaths {
  public static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  public static let corpus: String =
    ProcessInfo.processInfo.environment["REGPOLICY_CORPUS"].flatMap { $0.isEmpty ? nil : $0 }
    ?? URL(fileURLWithPath: packageRoot + "/../shared/corpus").standardized.path
}
