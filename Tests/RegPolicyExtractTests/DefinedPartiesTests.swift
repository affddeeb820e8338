import RegPolicyExtract
import RegPolicyModel
import Testing

/// The parties an act defines for itself (`DefinedParties`), on a made-up act whose words no
/// lexicon holds, and on the AI Act.
@Suite("Parties an act defines or names by their remit")
struct DefinedPartiesTests {
  /// A made-up act: a definitions article (EUR-Lex quotes, and Formex's "term: means"), then an
  /// article of duties in its own words.
  static func act(definitions: [String], duties: [String]) -> Document {
    func article(_ number: String, _ heading: String, _ texts: [String], _ kind: ProvisionKind) -> Provision {
      let id = PinpointID(.article, number)
      let prefix = kind == .point ? "pt_" : "par_"
      return Provision(
        id: id, kind: .article, num: number, heading: heading,
        children: texts.enumerated().map { index, text in
          Provision(id: PinpointID(rawValue: "\(id.rawValue).\(prefix)\(index + 1)"), kind: kind, text: text)
        })
    }
    return Document(
      instrument: Instrument(id: "made-up", format: .eurlexHTML),
      provisions: [
        article("1", "Definitions", definitions, .point), article("2", "Obligations of stewards", duties, .paragraph),
      ])
  }

  static let definitions = [
    "‘platform steward’ means a natural or legal person that operates a trading platform;",
    "‘data’ means any digital representation of acts, facts or information;",
    "‘steward register’ means a register kept by the Office;",
    "registry keepers: means the bodies, offices or agencies that keep the registry;",
    "‘supplier of a widget’ means any natural or legal person who supplies a widget;",
    "‘public sector body’ means national, regional or local authorities;",
  ]

  @Test(
    "a compound term defined as a person, a body or an authority is a party; a thing or a term with its own modifier is not"
  )
  func parties() {
    let found = DefinedParties.parties(
      in: Self.act(definitions: Self.definitions, duties: []), lexicon: Classifier().lexicon)
    #expect(found.map(\.role) == ["platform-steward", "registry-keeper", "public-sector-body"])
    #expect(
      found.map(\.phrases) == [
        ["platform steward", "platform stewards"], ["registry keeper", "registry keepers"],
        ["public sector body", "public sector bodies"],
      ])
  }

  @Test("the act's own party is the duty-bearer of its sentences, singular or plural; a thing defined binds no one")
  func dutyBearers() {
    let duties = [
      "The platform steward shall keep a record of every transaction.",
      "Public sector bodies shall publish the record.",
      "The data shall be kept for five years.",
      "The record shall be signed by the registry keeper.",
    ]
    let statements = Extractor().statements(in: Self.act(definitions: Self.definitions, duties: duties))
      .filter { $0.clause.rawValue.hasPrefix("art_2") }
    #expect(statements.map(\.modality) == [.obligation, .obligation, .obligation, .obligation])
    #expect(
      statements.map { $0.stated.map(\.role) } == [
        ["platform-steward"], ["public-sector-body"], [], ["registry-keeper"],
      ])
    #expect(
      statements.map { $0.stated.map(\.text) } == [
        ["platform steward"], ["Public sector bodies"], [], ["registry keeper"],
      ])
    #expect(statements[3].stated.map(\.source) == [.agent])
    // Without its definition the same act names no steward: "steward" is no party noun.
    let undefined = Extractor().statements(in: Self.act(definitions: [], duties: duties))
    #expect(undefined.first?.stated.isEmpty == true)
  }

  @Test("the AI Act's own parties beyond the lexicon: a conformity assessment body")
  func aiAct() throws {
    let document = try Fixtures.document(Fixtures.aiActPath)
    let found = DefinedParties.parties(in: document, lexicon: Classifier().lexicon)
    #expect(found.map(\.role) == ["conformity-assessment-body"])
    // No party named by its remit: the AI Act is read once.
    #expect(RemitParties.parties(in: try Fixtures.aiActStatements.get()).isEmpty)
  }

  @Test("a party named by its remit as the subject of two statements is one of the act's actors; said once, it is not")
  func remit() {
    let duties = [
      "The authority for data services shall keep a register.",
      "The authority for data services shall publish the register.",
      "The register shall be checked by the authority for data services or the board for appeals.",
      "The board for appeals shall decide within one month.",
    ]
    let statements = Extractor().statements(in: Self.act(definitions: [], duties: duties))
    #expect(
      statements.map { $0.stated.map(\.role) } == [
        ["authority-for-data-services"], ["authority-for-data-services"], ["authority-for-data-services"], [nil],
      ])
    #expect(statements.last?.stated.map(\.text) == ["board"])
  }

  @Test("a list of parties after an introduction is the subject, roles and other parties together")
  func listAfterIntroduction() {
    let found = Classifier().classify(
      "When requesting data, a public sector body, the Commission, the European Central Bank or a Union body shall"
        + " state the purpose.")
    #expect(
      found.first?.addressees.map(\.text) == [
        "public sector body", "Commission", "European Central Bank", "Union body",
      ])
    #expect(found.first?.addressees.map(\.role) == [nil, "commission", nil, nil])
  }
}
