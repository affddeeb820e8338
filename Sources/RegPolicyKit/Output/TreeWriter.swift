import Foundation
import RegPolicyModel

/// Replaces a generated tree as a whole: the new tree is written next to it, then swapped in by
/// rename, so `--out` holds either the old tree or the new one, never a mix or a half-written file.
/// Files of the old tree that the new one lacks are gone (removing an obligation removes its files).
enum TreeWriter {
  /// Writes `files` (relative path → text) as the whole content of `directory`. An existing folder
  /// is replaced only when it is empty or `written` says regpolicy wrote it (given its file names;
  /// default: it holds a policy tree's `index.json`).
  static func replace(
    _ directory: String, with files: [String: String],
    written: ([String]) -> Bool = { $0.contains(PolicyIndex.fileName) },
    what: String = "the policy tree"
  ) throws(Diagnostic) {
    let manager = FileManager.default
    let target = URL(fileURLWithPath: directory).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    if manager.fileExists(atPath: target.path) {
      guard InputFiles.isDirectory(target.path) else {
        throw Diagnostic.error(
          .outputNotGenerated, file: directory, "exists and is not a folder; refusing to replace it")
      }
      let existing = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
      guard existing.isEmpty || written(existing) else {
        throw Diagnostic.error(
          .outputNotGenerated, file: directory,
          files[PolicyIndex.fileName] != nil
            ? "folder exists and holds no \(PolicyIndex.fileName); refusing to replace what regpolicy did not write"
            : "folder holds files other than \(what); refusing to replace what regpolicy did not write")
      }
    }
    if unchanged(target.path, files) { return }
    let suffix = ".regpolicy-\(getpid())"
    let staging = parent.appendingPathComponent(target.lastPathComponent + suffix + ".new")
    let retired = parent.appendingPathComponent(target.lastPathComponent + suffix + ".old")
    do {
      try? manager.removeItem(at: staging)
      // Plain mkdir/open/write: Foundation's per-file calls cost ~0.5 ms each here.
      var made: Set<String> = []
      for (path, text) in files.sorted(by: { $0.key < $1.key }) {
        var folder = staging.path
        try OutputFile.makeDirectory(folder)
        for component in path.split(separator: "/").dropLast() {
          folder += "/" + component
          if made.insert(folder).inserted { try OutputFile.makeDirectory(folder) }
        }
        try OutputFile.write(Array(text.utf8), to: staging.path + "/" + path, atomically: false)
      }
      if manager.fileExists(atPath: target.path) { try manager.moveItem(at: target, to: retired) }
      try manager.moveItem(at: staging, to: target)
      try? manager.removeItem(at: retired)
    } catch {
      try? manager.removeItem(at: staging)
      if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: retired.path) {
        try? manager.moveItem(at: retired, to: target)
      }
      let reason = (error as? Diagnostic)?.message ?? error.localizedDescription
      throw Diagnostic.error(.outputUnwritable, file: directory, "cannot write \(what): \(reason)")
    }
  }

  /// True when the folder holds exactly these files with these bytes: a re-run on unchanged input
  /// touches nothing.
  private static func unchanged(_ directory: String, _ files: [String: String]) -> Bool {
    let manager = FileManager.default
    guard let existing = manager.enumerator(atPath: directory) else { return false }
    var count = 0
    while let path = existing.nextObject() as? String {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory) else { return false }
      if isDirectory.boolValue { continue }
      guard let text = files[path], manager.contents(atPath: directory + "/" + path) == Data(text.utf8) else {
        return false
      }
      count += 1
    }
    return count == files.count
  }
}
