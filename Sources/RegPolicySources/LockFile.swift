import Foundation
import RegPolicyModel
import RegPolicyPolicies

/// `regpolicy.lock`: per source, the exact bytes the policies were generated from (SHA-256 and
/// size), the document's own identifier and version date as ingested, and how it was fetched.
/// Reviewed text, committed with the policies; written by `watch` only, keys in a fixed order so a
/// re-run on unchanged input writes the same bytes.
public struct LockFile: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    public var sha256: String
    public var size: Int
    /// The instrument's id as ingested (`02002L0058-20091219`, `32016R0679`).
    public var document: String
    /// The document's own version date, if it carries one.
    public var date: String?
    public var url: String
    public var etag: String?
    public var lastModified: String?
    /// When the bytes were fetched (UTC, ISO 8601).
    public var fetched: String

    public init(
      sha256: String, size: Int, document: String, date: String?, url: String, etag: String?,
      lastModified: String?, fetched: String
    ) {
      self.sha256 = sha256
      self.size = size
      self.document = document
      self.date = date
      self.url = url
      self.etag = etag
      self.lastModified = lastModified
      self.fetched = fetched
    }
  }

  public var entries: [String: Entry] = [:]

  public static let fileName = "regpolicy.lock"

  public init(entries: [String: Entry] = [:]) { self.entries = entries }

  static let codes = YAMLValue.Codes(
    malformed: .watchLockMalformed, missingKey: .watchLockMalformed, unknownKey: .watchLockMalformed,
    invalidValue: .watchLockMalformed)

  /// Parses a lock file's text.
  public init(yaml text: String, file: String) throws(Diagnostic) {
    let root = try YAMLValue.parse(text, file: file, codes: Self.codes)
    try root.keys("the lock file", allowed: ["version", "sources"])
    guard try root.required("version", in: "the lock file").int("version") == 1 else {
      throw root.failure(.watchLockMalformed, "unknown lock file version; this regpolicy writes version 1")
    }
    for (id, value) in try root.required("sources", in: "the lock file").entries("sources") {
      try value.keys(
        "source '\(id)'", allowed: ["sha256", "size", "document", "date", "url", "etag", "last-modified", "fetched"])
      func optional(_ key: String) throws(Diagnostic) -> String? { try value[key]?.string(key) }
      let sha256 = try value.required("sha256", in: id).string("sha256")
      guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else {
        throw value.failure(.watchLockMalformed, "source '\(id)': sha256 must be 64 hex digits")
      }
      entries[id] = Entry(
        sha256: sha256, size: try value.required("size", in: id).int("size"),
        document: try value.required("document", in: id).string("document"), date: try optional("date"),
        url: try value.required("url", in: id).string("url"), etag: try optional("etag"),
        lastModified: try optional("last-modified"), fetched: try value.required("fetched", in: id).string("fetched"))
    }
  }

  /// The lock at `path`; an empty lock when there is no file yet.
  public static func read(_ path: String) throws(Diagnostic) -> LockFile {
    guard FileManager.default.fileExists(atPath: path) else { return LockFile() }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Diagnostic.error(.watchLockMalformed, file: path, "cannot read the lock file")
    }
    return try LockFile(yaml: String(decoding: data, as: UTF8.self), file: path)
  }

  /// The file's text: sources by id, keys in a fixed order, every string quoted.
  public var text: String {
    var lines = [
      "# regpolicy.lock, written by `regpolicy watch`: the exact text each source's policies were",
      "# generated from. Review it with the policies; do not edit by hand.", "version: 1", "sources:",
    ]
    if entries.isEmpty { lines[lines.count - 1] = "sources: {}" }
    for id in entries.keys.sorted() {
      let entry = entries[id]!  // a key of `entries`
      // A blank line between sources: updates of two neighbours merge without a conflict.
      if lines.last != "sources:" { lines.append("") }
      lines.append("  \(Self.quoted(id)):")
      lines.append("    sha256: \(entry.sha256)")
      lines.append("    size: \(entry.size)")
      lines.append("    document: \(Self.quoted(entry.document))")
      if let date = entry.date { lines.append("    date: \(Self.quoted(date))") }
      lines.append("    url: \(Self.quoted(entry.url))")
      if let etag = entry.etag { lines.append("    etag: \(Self.quoted(etag))") }
      if let lastModified = entry.lastModified { lines.append("    last-modified: \(Self.quoted(lastModified))") }
      lines.append("    fetched: \(Self.quoted(entry.fetched))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A YAML double-quoted scalar, ASCII only: anything else, and every control character, is
  /// escaped (`\\uXXXX`, `\\UXXXXXXXX`), so no value a server sends can make the file unreadable.
  static func quoted(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value >= 0x20 && scalar.value < 0x7F: out.unicodeScalars.append(scalar)
      case _ where scalar.value <= 0xFFFF:
        out += "\\u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
      default: out += "\\U" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 8)
      }
    }
    return out + "\""
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
