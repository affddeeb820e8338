import RegPolicyModel

extension Crosswalk {
  /// The codes crosswalk files report their problems with.
  static let codes = YAMLValue.Codes(
    malformed: .crosswalkMalformed, missingKey: .crosswalkMissingKey, unknownKey: .crosswalkUnknownKey,
    invalidValue: .crosswalkInvalidValue)

  /// Reads the crosswalk files (path → text): the links and the ISO/IEC 42001 list. Every file and
  /// every link is read; all problems are returned, each at its line, and no crosswalk is made if
  /// there are any. `controls` are the controls the rules produce, the only `regpolicy:`
  /// endpoints allowed (nil: not checked).
  public static func load(
    files: [(path: String, text: String)], controls: Set<String>?
  ) -> (crosswalk: Crosswalk?, errors: [Diagnostic]) {
    var errors: [Diagnostic] = []
    var links: [(link: Link, ends: (from: YAMLValue, to: YAMLValue))] = []
    var iso: [String: String] = [:]
    for file in files.sorted(by: { $0.path < $1.path }) {
      do throws(Diagnostic) {
        let root = try YAMLValue.parse(file.text, file: file.path, codes: codes)
        errors += try root.unknownKeys("a crosswalk file", allowed: ["links", "iso-42001"])
        if let list = root["iso-42001"] {
          for (key, value) in try list.keyedEntries("iso-42001") {
            do throws(Diagnostic) {
              let id = try key.string("an ISO/IEC 42001 identifier")
              guard CrosswalkEndpoint.isCanonical(.iso42001, id) else {
                throw key.failure(.crosswalkMalformedID, "'\(id)' is not an ISO/IEC 42001 clause or Annex A control")
              }
              iso[id] = try value.string("a title")
            } catch {
              errors.append(error)
            }
          }
        }
        for item in try root["links"]?.items("links") ?? [] {
          do throws(Diagnostics) {
            links.append(try readLink(item))
          } catch {
            errors += error.all
          }
        }
      } catch {
        errors.append(error)
      }
    }
    var seen: [Set<CrosswalkEndpoint>: Link] = [:]
    for (link, ends) in links {
      for (end, value) in [(link.from, ends.from), (link.to, ends.to)] {
        switch end.framework {
        case .iso42001 where iso[end.id] == nil:
          errors.append(
            value.failure(
              .crosswalkUnknownEndpoint, "'\(end.id)' is not in the ISO/IEC 42001 list (crosswalks/iso-42001.yaml)"))
        case .regpolicy where controls.map { !$0.contains(end.id) } ?? false:
          errors.append(value.failure(.crosswalkUnknownEndpoint, "no rule produces the control '\(end.id)'"))
        default: break
        }
      }
      let pair: Set<CrosswalkEndpoint> = [link.from, link.to]
      if let first = seen[pair] {
        errors.append(
          Diagnostic.error(
            .crosswalkDuplicateLink, file: link.file, line: link.line,
            "a link between '\(link.from)' and '\(link.to)' is already given at \(first.file):\(first.line)"))
      } else {
        seen[pair] = link
      }
    }
    if !errors.isEmpty { return (nil, errors) }
    return (Crosswalk(links: links.map(\.link), iso42001: iso), [])
  }

  /// One link, every problem of it reported together.
  private static func readLink(_ item: YAMLValue) throws(Diagnostics) -> (
    link: Link, ends: (from: YAMLValue, to: YAMLValue)
  ) {
    var problems: [Diagnostic] = []
    do throws(Diagnostic) {
      problems += try item.unknownKeys("a link", allowed: ["from", "to", "relationship", "rationale"])
    } catch {
      throw Diagnostics([error])
    }
    func endpoint(_ key: String) -> (CrosswalkEndpoint, YAMLValue)? {
      do throws(Diagnostic) {
        let value = try item.required(key, in: "the link")
        switch CrosswalkEndpoint.parse(try value.string(key)) {
        case .success(let endpoint): return (endpoint, value)
        case .failure(let error):
          problems.append(value.failure(.crosswalkMalformedID, error.message))
          return nil
        }
      } catch {
        problems.append(error)
        return nil
      }
    }
    let from = endpoint("from")
    let to = endpoint("to")
    var relationship: CrosswalkRelationship?
    var rationale: String?
    do throws(Diagnostic) {
      let value = try item.required("relationship", in: "the link")
      let name = try value.string("relationship")
      relationship = CrosswalkRelationship(rawValue: name)
      if relationship == nil {
        problems.append(
          value.failure(
            .crosswalkUnknownRelationship,
            "unknown relationship '\(name)'; expected one of "
              + CrosswalkRelationship.allCases.map(\.rawValue).joined(separator: ", ")))
      }
    } catch {
      problems.append(error)
    }
    do throws(Diagnostic) {
      let value = try item.required("rationale", in: "the link")
      let text = try value.string("rationale")
      if text.allSatisfy(\.isWhitespace) || text.contains("\n") {
        problems.append(value.failure(.crosswalkInvalidValue, "a rationale is one line of text"))
      }
      rationale = text
    } catch {
      problems.append(error)
    }
    if let from, let to, from.0 == to.0 {
      problems.append(item.failure(.crosswalkInvalidValue, "a link from '\(from.0)' to itself"))
    }
    guard problems.isEmpty, let from, let to, let relationship, let rationale else { throw Diagnostics(problems) }
    return (
      Link(
        from: from.0, to: to.0, relationship: relationship, rationale: rationale, file: item.file, line: item.line),
      (from.1, to.1)
    )
  }
}
