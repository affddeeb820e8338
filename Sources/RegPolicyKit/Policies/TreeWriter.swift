import Foundation
import RegPolicyPolicies

/// Replaces a generated tree as a whole: the new tree is written next to it, then swapped in by
/// rename, so `--out` holds either the old tree or the new one, never a mix or a half-written file.
/// Files of the old tree that the new one lacks are gone (removing an obligation removes its files).
public enum TreeWriter {
  /// Writes `files` (relative path → text) as the whole content of `directory`.
  public static func replace(_ directory: String, with files: [String: String]) throws(PolicyError) {
    let manager = FileManager.default
    let target = URL(fileURLWithPath: directory).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    if manager.fileExists(atPath: target.path) {
      let existing = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
      guard existing.isEmpty || existing.contains(Index.fileName) else {
        throw PolicyError(
          "output.not-generated", file: directory,
          "folder exists and holds no \(Index.fileName); refusing to replace what regpolicy did not write")
      }
    }
    let suffix = ".regpolicy-\(getpid())"
    let staging = parent.appendingPathComponent(target.lastPathComponent + suffix + ".new")
    let retired = parent.appendingPathComponent(target.lastPathComponent + suffix + ".old")
    do {
      try? manager.removeItem(at: staging)
      for (path, text) in files.sorted(by: { $0.key < $1.key }) {
        let url = staging.appendingPathComponent(path)
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
      }
      if manager.fileExists(atPath: target.path) { try manager.moveItem(at: target, to: retired) }
      try manager.moveItem(at: staging, to: target)
      try? manager.removeItem(at: retired)
    } catch {
      try? manager.removeItem(at: staging)
      if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: retired.path) {
        try? manager.moveItem(at: retired, to: target)
      }
      throw PolicyError("output.unwritable", file: directory, "cannot write the policy tree: \(error.localizedDescription)")
    }
  }
}
