import Foundation
import RegPolicyModel
import RegPolicyPolicies

/// `index.json`, the contract of a generated tree: every control with its files and its
/// engine-neutral policy (clauses with pinpoint IDs and hashes, checks with the profile's keys).
/// `check` evaluates it, `branch` commits by it, `run` compares against the one on the base. Keys
/// sorted, so the bytes are stable.
public struct PolicyIndex: Codable, Sendable {
  public static let fileName = "index.json"

  /// One control.
  public struct Entry: Codable, Sendable {
    /// The control's files, relative to the tree's root, sorted.
    public var files: [String]
    public var policy: Policy
  }

  public var generator: String
  public var organisation: String
  public var policies: [Entry]

  /// The JSON of `index.json`.
  func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let data = try! encoder.encode(self)  // plain strings, ints and arrays: encoding cannot fail
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Reads an index from its JSON; `file` names it in diagnostics.
  public static func decode(_ text: String, file: String) throws(Diagnostic) -> PolicyIndex {
    do {
      return try JSONDecoder().decode(PolicyIndex.self, from: Data(text.utf8))
    } catch let error as DecodingError {
      throw Diagnostic.error(.policiesMalformedIndex, file: file, "not a regpolicy index: \(describe(error))")
    } catch {
      throw Diagnostic.error(.policiesMalformedIndex, file: file, "not a regpolicy index: \(error)")
    }
  }

  /// Reads the index of a generated tree, with its text.
  public static func read(from directory: String) throws(Diagnostic) -> (index: PolicyIndex, text: String) {
    let path = directory + "/" + fileName
    guard FileManager.default.fileExists(atPath: path) else {
      throw Diagnostic.error(
        .policiesNoIndex, file: directory, "no \(fileName): not a policy tree `regpolicy generate` wrote")
    }
    let text = try InputFiles.read(path)
    return (try decode(text, file: path), text)
  }

  /// A decoding error in a few words: where in the JSON, and what was wrong there.
  private static func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      return text.hasPrefix(".") ? String(text.dropFirst()) : text
    }
    switch error {
    case .keyNotFound(let key, let context):
      let place = path(context.codingPath)
      return "missing key '\(key.stringValue)'" + (place.isEmpty ? "" : " in '\(place)'")
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      return "'\(path(context.codingPath))' is not \(type == String.self ? "a string" : "a \(type)")"
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty ? "not JSON" : "bad value at '\(path(context.codingPath))'"
    @unknown default:
      return "\(error)"
    }
  }
}
