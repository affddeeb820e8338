import Foundation
import RegPolicyExtract
import RegPolicyModel
import Testing

/// Precision, recall and F1 per field on the hand-labelled dev set in `corpus/devset/` (see its
/// README for how it was labelled). Fails below issue 3's thresholds.
@Suite("Dev set")
struct DevSetTests {
  struct Label {
    var modality: String
    var addressees: Set<String>
    var deadlines: [String]
    /// nil: not labelled.
    var references: Set<String>?
  }

  struct Score {
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0
    var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
    var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    var summary: String {
      String(
        format: "P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", precision, recall, f1, truePositives, falsePositives,
        falseNegatives)
    }
  }

  static func labels(_ file: String) throws -> [String: Label] {
    let text = try String(contentsOfFile: Fixtures.packageRoot + "/corpus/devset/" + file, encoding: .utf8)
    var result: [String: Label] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      #expect(fields.count == 5, "\(file): \(line)")
      guard fields.count == 5 else { continue }
      func list(_ field: String, _ separator: Character) -> [String] {
        field == "-" ? [] : field.split(separator: separator).map(String.init)
      }
      #expect(result[fields[0]] == nil, "\(file): \(fields[0]) labelled twice")
      result[fields[0]] = Label(
        modality: fields[1], addressees: Set(list(fields[2], ",")), deadlines: list(fields[3], "|"),
        references: fields[4] == "?" ? nil : Set(list(fields[4], ",")))
    }
    return result
  }

  /// What a statement's references name, in the labels' form: IDs, CELEX, CELEX#id.
  static func targets(_ statement: Statement) -> Set<String> {
    var result: Set<String> = []
    for reference in statement.references {
      if let act = reference.instrument {
        if reference.targets.isEmpty { result.insert(act) }
        for target in reference.targets { result.insert(act + "#" + target.rawValue) }
      } else {
        result.formUnion(reference.targets.map(\.rawValue))
      }
    }
    return result
  }

  @Test("precision, recall and F1 per field meet the thresholds")
  func scores() throws {
    var modality = Score()
    var addressee = Score()
    var deadline = Score()
    var reference = Score()
    var items = 0
    for (file, statements) in [
      ("ai-act.tsv", try Fixtures.aiActStatements.get()), ("gdpr.tsv", try Fixtures.gdprStatements.get()),
    ] {
      let labels = try Self.labels(file)
      var predicted: [String: Statement] = [:]
      // A sentence's first statement (a second clause or the duty a right implies follow it).
      for statement in statements where predicted["\(statement.clause.rawValue)#\(statement.sentence)"] == nil {
        predicted["\(statement.clause.rawValue)#\(statement.sentence)"] = statement
      }
      for (key, label) in labels {
        items += 1
        let statement = predicted[key]
        if statement?.modality.rawValue == label.modality {
          modality.truePositives += 1
        } else {
          if statement != nil { modality.falsePositives += 1 }
          modality.falseNegatives += 1
        }
        // Labelled as written: the parties the words name, not those found around them.
        let parties = Set(statement?.stated.map { $0.role ?? "party" } ?? [])
        addressee.truePositives += parties.intersection(label.addressees).count
        addressee.falsePositives += parties.subtracting(label.addressees).count
        addressee.falseNegatives += label.addressees.subtracting(parties).count
        // A deadline matches when one text contains the other ("within one month" in
        // "at the latest within one month"); each predicted one matches once.
        var unmatched = (statement?.deadlines ?? []).map { $0.text.lowercased() }
        for expected in label.deadlines.map({ $0.lowercased() }) {
          if let index = unmatched.firstIndex(where: { $0.contains(expected) || expected.contains($0) }) {
            deadline.truePositives += 1
            unmatched.remove(at: index)
          } else {
            deadline.falseNegatives += 1
          }
        }
        deadline.falsePositives += unmatched.count
        if let expected = label.references {
          let found = statement.map(Self.targets) ?? []
          reference.truePositives += found.intersection(expected).count
          reference.falsePositives += found.subtracting(expected).count
          reference.falseNegatives += expected.subtracting(found).count
        }
      }
    }
    print("dev set: \(items) statements")
    print("modality  \(modality.summary)")
    print("addressee \(addressee.summary)")
    print("deadline  \(deadline.summary)")
    print("reference \(reference.summary)")
    #expect(items >= 200)
    #expect(modality.f1 >= 0.95, "modality \(modality.summary)")
    #expect(addressee.f1 >= 0.93, "addressee \(addressee.summary)")
    #expect(deadline.f1 >= 0.90, "deadline \(deadline.summary)")
    #expect(reference.f1 >= 0.95, "reference \(reference.summary)")
  }

  @Test("the dev set covers every modality, the traps, passive voice, chapeau limbs and deadlines")
  func coverage() throws {
    let labels = try Self.labels("ai-act.tsv").merging(try Self.labels("gdpr.tsv")) { first, _ in first }
    #expect(try Self.labels("ai-act.tsv").count >= 150)
    #expect(try Self.labels("gdpr.tsv").count >= 50)
    // Every modality but `constitution`, which sentences/ labels (it has no "shall" to trap).
    #expect(Set(labels.values.map(\.modality)) == Set(Modality.allCases.map(\.rawValue)).subtracting(["constitution"]))
    #expect(labels.keys.filter { $0.contains(".pt_") }.count >= 40)
    #expect(labels.values.filter { !$0.deadlines.isEmpty }.count >= 40)
    #expect(labels.values.filter { $0.modality == "obligation" && $0.addressees.isEmpty }.count >= 30)
  }
}
