import Foundation
import RegPolicyIngest
import RegPolicyModel
import RegPolicySources
import ZIPFoundation

/// The fetched bytes, content-addressed outside the reviewed files (`sources/<sha256>`), so the
/// locked version is at hand for the diff; and the validators of the latest fetch of each source
/// (`state.json`), for the next conditional request. Downloads go to `tmp/` and are renamed into
/// place once complete: a partial file never replaces a good one.
struct SourceCache: Sendable {
  let root: String

  /// The latest fetch of a source: which bytes, and the validators that name them.
  struct State: Codable, Sendable, Equatable {
    var sha256: String
    var size: Int
    var url: String
    var etag: String?
    var lastModified: String?
    var fetched: String
  }

  /// `--cache`, else `$XDG_CACHE_HOME/regpolicy`, else `~/.cache/regpolicy`.
  static func defaultRoot(environment: [String: String]) -> String {
    if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/regpolicy" }
    return (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache/regpolicy"
  }

  func path(of sha256: String) -> String { root + "/sources/" + sha256 }

  func has(_ sha256: String) -> Bool { FileManager.default.fileExists(atPath: path(of: sha256)) }

  /// The state file; empty when there is none or it cannot be read (it is only a cache).
  func states() -> [String: State] {
    guard let data = FileManager.default.contents(atPath: root + "/state.json") else { return [:] }
    return (try? JSONDecoder().decode([String: State].self, from: data)) ?? [:]
  }

  /// Writes the state file by atomic rename.
  func save(_ states: [String: State]) throws(Diagnostic) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    guard let data = try? encoder.encode(states) else {
      throw Diagnostic.error(.watchCacheUnwritable, file: root, "cannot encode the cache state")
    }
    try SourceCache.replace(root + "/state.json", with: data, scratch: root + "/tmp")
  }

  /// A download in progress: bytes appended and hashed, then renamed into place.
  final class Download: @unchecked Sendable {
    private let handle: FileHandle
    private let temporary: String
    private let cache: SourceCache
    private var digest = SHA256()

    fileprivate init(handle: FileHandle, temporary: String, cache: SourceCache) {
      self.handle = handle
      self.temporary = temporary
      self.cache = cache
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws(Diagnostic) {
      digest.update(Array(bytes))
      do { try handle.write(contentsOf: bytes) } catch {
        throw Diagnostic.error(.watchCacheUnwritable, file: temporary, "cannot write: \(error.localizedDescription)")
      }
    }

    /// Closes the file and moves it to `sources/<sha256>`; returns the hash, and whether the file
    /// is new to the cache.
    func finish() throws(Diagnostic) -> (sha256: String, created: Bool) {
      let sha256 = digest.finish()
      do {
        try handle.synchronize()
        try handle.close()
      } catch {
        abandon()
        throw Diagnostic.error(.watchCacheUnwritable, file: temporary, "cannot write: \(error.localizedDescription)")
      }
      let target = cache.path(of: sha256)
      if FileManager.default.fileExists(atPath: target) {
        try? FileManager.default.removeItem(atPath: temporary)
        return (sha256, false)
      }
      if rename(temporary, target) != 0 {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(atPath: temporary)
        throw Diagnostic.error(.watchCacheUnwritable, file: target, "cannot store the download: \(reason)")
      }
      return (sha256, true)
    }

    /// Drops the partial file.
    func abandon() {
      try? handle.close()
      try? FileManager.default.removeItem(atPath: temporary)
    }
  }

  /// Starts a download in `tmp/`.
  func begin() throws(Diagnostic) -> Download {
    try makeFolders()
    let temporary = root + "/tmp/" + UUID().uuidString
    guard FileManager.default.createFile(atPath: temporary, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporary)
    else { throw Diagnostic.error(.watchCacheUnwritable, file: temporary, "cannot create a download file") }
    return Download(handle: handle, temporary: temporary, cache: self)
  }

  /// For a fetched zip (a Formex package as Cellar delivers it): its files unpacked into
  /// `packages/<sha256>/`, flat, at most `maxBytes` in all and 10,000 files — nil for anything
  /// that is not a zip. Unpacked beside and renamed into place, so a folder is whole or absent.
  func package(_ sha256: String, maxBytes: Int) throws(Diagnostic) -> String? {
    let path = self.path(of: sha256)
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    let magic = (try? handle.read(upToCount: 4)) ?? nil
    try? handle.close()
    guard magic == Data([0x50, 0x4B, 0x03, 0x04]) else { return nil }
    let folder = root + "/packages/" + sha256
    if FileManager.default.fileExists(atPath: folder) { return folder }
    let scratch = root + "/tmp/" + UUID().uuidString
    func failure(_ message: String) -> Diagnostic {
      try? FileManager.default.removeItem(atPath: scratch)
      return Diagnostic.error(.watchWrongAct, file: path, "the zip cannot be unpacked: \(message)")
    }
    do {
      try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(atPath: root + "/packages", withIntermediateDirectories: true)
    } catch { throw failure("\(error.localizedDescription)") }
    let archive: Archive
    do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
      throw failure("not a readable zip")
    }
    var total = 0
    var count = 0
    for entry in archive where entry.type == .file {
      count += 1
      let name = (entry.path as NSString).lastPathComponent
      guard count <= 10_000, !name.isEmpty, !name.hasPrefix("."), name != ".." else {
        throw failure(count > 10_000 ? "more than 10,000 files" : "a file named '\(entry.path)'")
      }
      let target = scratch + "/" + name
      guard !FileManager.default.fileExists(atPath: target),
        FileManager.default.createFile(atPath: target, contents: nil),
        let output = FileHandle(forWritingAtPath: target)
      else { throw failure("'\(name)' twice, or not writable") }
      defer { try? output.close() }
      do {
        _ = try archive.extract(entry) { data in
          total += data.count
          guard total <= maxBytes else { throw CocoaError(.fileReadTooLarge) }
          try output.write(contentsOf: data)
        }
      } catch {
        throw failure(total > maxBytes ? "more than \(maxBytes) bytes unpacked" : "'\(name)': \(error)")
      }
    }
    guard count > 0 else { throw failure("no file in it") }
    guard rename(scratch, folder) == 0 else { throw failure(String(cString: strerror(errno))) }
    return folder
  }

  /// Drops downloads a killed run left in `tmp/` (called with the cache locked, so none is live).
  func removeStaleDownloads() {
    let folder = root + "/tmp"
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
      try? FileManager.default.removeItem(atPath: folder + "/" + name)
    }
  }

  func makeFolders() throws(Diagnostic) {
    for folder in ["sources", "tmp"] {
      do {
        try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
      } catch {
        throw Diagnostic.error(
          .watchCacheUnwritable, file: root, "cannot create the cache: \(error.localizedDescription)")
      }
    }
  }

  /// Writes `data` to a file beside `scratch` and renames it over `path`: readers see the old
  /// file or the new one, never a part.
  static func replace(_ path: String, with data: Data, scratch: String) throws(Diagnostic) {
    let temporary = scratch + "/." + UUID().uuidString
    do {
      try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
      try data.write(to: URL(fileURLWithPath: temporary), options: .atomic)
    } catch {
      throw Diagnostic.error(.watchCacheUnwritable, file: path, "cannot write: \(error.localizedDescription)")
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temporary)
      throw Diagnostic.error(.watchCacheUnwritable, file: path, "cannot write: \(reason)")
    }
  }
}
