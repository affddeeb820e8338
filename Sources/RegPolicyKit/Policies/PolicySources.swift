import Foundation
import RegPolicyExtract
import RegPolicyModel
import RegPolicyPolicies

/// Where rules, templates and profiles come from: folders the user names, or the copies of `rules/`
/// and `templates/` embedded in the binary (so `regpolicy` works from any folder).
public enum PolicySources {
  /// The generator named in every provenance record.
  public static let generator = "regpolicy \(RegPolicyVersion.current)"

  /// Every file under a folder whose name ends with one of the suffixes, with paths relative to it,
  /// sorted. A missing folder is an error.
  static func files(in directory: String, suffixes: [String]) throws(PolicyError) -> [(path: String, text: String)] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw PolicyError("input.unreadable", file: directory, "not a folder")
    }
    var files: [(String, String)] = []
    let enumerator = FileManager.default.enumerator(atPath: directory)
    while let path = enumerator?.nextObject() as? String {
      guard suffixes.contains(where: path.hasSuffix) else { continue }
      files.append((path, try read(directory + "/" + path)))
    }
    return files.sorted { $0.0 < $1.0 }
  }

  /// A whole UTF-8 text file; anything else is an error naming it.
  static func read(_ path: String) throws(PolicyError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw PolicyError("input.unreadable", file: path, "cannot read file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw PolicyError("input.invalid-utf8", file: path, "file is not UTF-8 text")
    }
    return text
  }

  /// The rule set: from a folder, or the embedded copy of `rules/`.
  public static func rules(from directory: String?) -> (rules: RuleSet?, errors: [PolicyError]) {
    let files: [(path: String, text: String)]
    do {
      files =
        try directory.map { dir throws(PolicyError) in try PolicySources.files(in: dir, suffixes: [".yaml"]) }
        ?? EmbeddedFiles.rules
    } catch {
      return (nil, [error])
    }
    let roles = Set(Lexicon.english.phrases.filter { $0.category == .role }.map(\.label))
    let prefix = directory.map { $0 + "/" } ?? "rules/"
    return RuleSet.load(files: files.map { (prefix + $0.path, $0.text) }, roles: roles)
  }

  /// The template renderer: from a folder, or the embedded copy of `templates/`.
  public static func renderer(from directory: String?) throws(PolicyError) -> Renderer {
    let files =
      try directory.map { dir throws(PolicyError) in try PolicySources.files(in: dir, suffixes: [".mustache"]) }
      ?? EmbeddedFiles.templates
    return try Renderer(templates: files, generator: generator)
  }

  /// The organisation profile in a file.
  public static func profile(at path: String) throws(PolicyError) -> Profile {
    try Profile(yaml: try read(path), file: path)
  }
}
