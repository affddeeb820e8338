import Foundation
import RegPolicyModel
import RegPolicyPolicies

/// `regpolicy.sources.yaml`: the acts an organisation follows, where to fetch each, and what to
/// generate from it. Every problem of the file is reported at once, each at its own line.
///
/// ```yaml
/// sources:
///   - id: eprivacy
///     celex: 32002L0058
///     language: EN
///     format: formex
///     url: https://eur-lex.europa.eu/…
///     mirrors: [https://publications.europa.eu/…]
///     profile: profile.yaml
///     rules: rules/
/// ```
public struct SourcesManifest: Sendable, Equatable {
  /// One act to watch.
  public struct Entry: Sendable, Equatable {
    /// The name the lock and the summary use; letters, digits, `-`, `_`, `.`.
    public var id: String
    /// The CELEX number the fetched act must carry (EUR-Lex sources).
    public var celex: String?
    /// The document id the fetched file must carry where there is no CELEX (NIST sources:
    /// `NIST.AI.100-1.Playbook`, an OSCAL catalog's title).
    public var document: String?
    public var language: String?
    /// The family of markup expected: `eurlex-html` (OJ, consolidated, proposal pages), `formex`,
    /// `akn4eu`, `oscal`, `nist-playbook`; nil accepts any.
    public var format: String?
    /// Where to fetch, then the mirrors to try when it fails.
    public var urls: [String]
    /// Paths relative to the manifest; nil: the built-in ones.
    public var profile: String?
    public var rules: String?
  }

  public var entries: [Entry]

  /// The formats `format:` may name, and the ingested formats each accepts.
  static let formats: [String: Set<String>] = [
    "eurlex-html": ["eurlex-html", "eurlex-consolidated-html", "eurlex-com-html"],
    "formex": ["formex"], "akn4eu": ["akn4eu"], "oscal": ["oscal"], "nist-playbook": ["nist-playbook"],
  ]

  static let codes = YAMLValue.Codes(
    malformed: .sourcesMalformed, missingKey: .sourcesMissingKey, unknownKey: .sourcesUnknownKey,
    invalidValue: .sourcesInvalidValue)

  /// Reads the manifest's text; `file` names it in diagnostics and anchors relative paths.
  public init(yaml text: String, file: String) throws(Diagnostics) {
    let root: YAMLValue
    do { root = try YAMLValue.parse(text, file: file, codes: Self.codes) } catch { throw Diagnostics([error]) }
    var problems: [Diagnostic] = []
    func read<T>(_ fallback: T, _ body: () throws(Diagnostic) -> T) -> T {
      do { return try body() } catch {
        problems.append(error)
        return fallback
      }
    }
    problems += read([]) { () throws(Diagnostic) in try root.unknownKeys("the sources file", allowed: ["sources"]) }
    let items = read([]) { () throws(Diagnostic) in
      try root.required("sources", in: "the sources file").items("sources")
    }
    let folder = (file as NSString).deletingLastPathComponent
    func resolved(_ path: String) -> String {
      path.hasPrefix("/") || folder.isEmpty ? path : folder + "/" + path
    }
    var entries: [Entry] = []
    var seen: Set<String> = []
    for item in items {
      problems += read([]) { () throws(Diagnostic) in
        try item.unknownKeys(
          "a source",
          allowed: ["id", "celex", "document", "language", "format", "url", "mirrors", "profile", "rules"])
      }
      let id = read("") { () throws(Diagnostic) in try item.required("id", in: "a source").string("id") }
      if !id.isEmpty {
        // It names a branch and a folder: no leading dot or dash, no "..", no ".lock" at the end.
        if !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
          || id.hasPrefix(".") || id.hasPrefix("-") || id.contains("..") || id.hasSuffix(".") || id.hasSuffix(".lock")
        {
          problems.append(
            item.failure(
              .sourcesInvalidValue,
              "source id '\(id)' may hold only letters, digits, '-', '_', '.' (not first, not '..', not last)"))
        } else if !seen.insert(id).inserted {
          problems.append(item.failure(.sourcesInvalidValue, "source id '\(id)' is used twice"))
        }
      }
      func optional(_ key: String) -> String? {
        guard let value = item[key] else { return nil }
        return read(nil) { () throws(Diagnostic) in try value.string(key) }
      }
      let celex = optional("celex")
      let document = optional("document")
      if item["celex"] == nil && item["document"] == nil {
        problems.append(
          item.failure(.sourcesMissingKey, "source '\(id)' needs 'celex' or 'document': the act the fetch must be"))
      }
      let format = optional("format")
      if let format, Self.formats[format] == nil, let value = item["format"] {
        problems.append(
          value.failure(
            .sourcesInvalidValue,
            "unknown format '\(format)'; expected one of \(Self.formats.keys.sorted().joined(separator: ", "))"))
      }
      var urls: [String] = []
      if let url = read(nil, { () throws(Diagnostic) in try item.required("url", in: "source '\(id)'").string("url") })
      {
        urls.append(url)
      }
      if let mirrors = item["mirrors"] {
        urls += read([]) { () throws(Diagnostic) in try mirrors.strings("mirrors") }
      }
      for url in urls {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
          scheme == "https" || scheme == "http",
          parsed.host?.isEmpty == false
        else {
          let at = url == urls.first ? item["url"] ?? item : item["mirrors"] ?? item
          problems.append(at.failure(.sourcesInvalidValue, "'\(url)' is not an http or https URL"))
          continue
        }
      }
      entries.append(
        Entry(
          id: id, celex: celex, document: document, language: optional("language"), format: format, urls: urls,
          profile: optional("profile").map(resolved), rules: optional("rules").map(resolved)))
    }
    if items.isEmpty && root["sources"] != nil {
      problems.append(root.failure(.sourcesInvalidValue, "the sources file lists no source"))
    }
    if !problems.isEmpty { throw Diagnostics(problems) }
    self.entries = entries
  }

  /// Reads the manifest file.
  public static func read(_ path: String) throws(Diagnostics) -> SourcesManifest {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Diagnostics([Diagnostic.error(.sourcesMalformed, file: path, "cannot read the sources file")])
    }
    return try SourcesManifest(yaml: String(decoding: data, as: UTF8.self), file: path)
  }

  /// Why `instrument` is not the act `entry` names, or nil when it is.
  public static func mismatch(_ entry: Entry, instrument: Instrument) -> String? {
    if let celex = entry.celex, instrument.celex != celex {
      return "expected CELEX \(celex), the file is \(instrument.celex ?? instrument.id)"
    }
    if let document = entry.document, instrument.id != document {
      return "expected document \(document), the file is \(instrument.id)"
    }
    if let language = entry.language, language.lowercased() != instrument.language.lowercased() {
      return "expected language \(language), the file is in \(instrument.language)"
    }
    if let format = entry.format, let accepted = formats[format], !accepted.contains(instrument.format.rawValue) {
      return "expected \(format), the file is \(instrument.format.rawValue)"
    }
    return nil
  }
}
