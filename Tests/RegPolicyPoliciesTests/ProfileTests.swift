import Foundation
import RegPolicyPolicies
import Testing

@Suite("Organisation profile")
struct ProfileTests {
  @Test("the example profile reads, with its overrides and budgets")
  func example() throws {
    let profile = PolicyFixtures.profile
    #expect(profile.roles == ["provider", "deployer"])
    #expect(profile.enforcement == .deny)
    #expect(profile.key(try #require(Property.named("logging"))) == "ai.example.com/logging")
    #expect(profile.key(try #require(Property.named("oversight-owner"))) == "ai.example.com/human-oversight-owner")
    #expect(profile.key(try #require(Property.named("cost-center"))) == "finops.example.com/cost-center")
    #expect(profile.gpuBudgets == ["small": 1, "medium": 4, "large": 8])
  }

  static let minimal = """
    organisation: O
    roles: [deployer]
    risk-classes: [high-risk]
    enforcement: warn
    prefix: ai.example.org

    """

  @Test(
    "a bad profile is a diagnostic with its code and line",
    arguments: [
      (minimal.replacingOccurrences(of: "enforcement: warn\n", with: ""), "profile.missing-key", 1),
      (minimal.replacingOccurrences(of: "enforcement: warn", with: "enforcement: block"), "profile.invalid-value", 4),
      (minimal.replacingOccurrences(of: "[deployer]", with: "[deployer, landlord]"), "profile.unknown-role", 2),
      (minimal + "colour: blue\n", "profile.unknown-key", 6),
      (minimal + "keys: {loging: x}\n", "profile.unknown-key", 6),
      (minimal.replacingOccurrences(of: "ai.example.org", with: "ai example"), "profile.invalid-value", 1),
      ("roles: [\n", "profile.malformed", 2),
      ("", "profile.malformed", 1),
    ])
  func bad(_ text: String, _ code: String, _ line: Int) {
    #expect {
      _ = try Profile(yaml: text, file: "profile.yaml")
    } throws: { error in
      guard let error = error as? PolicyError else { return false }
      return error.code == code && error.line == line && error.file == "profile.yaml"
    }
  }

  @Test("a minimal profile takes its defaults")
  func defaults() throws {
    let profile = try Profile(yaml: Self.minimal, file: "p.yaml")
    #expect(profile.defaultRole == "deployer")
    #expect(profile.finopsPrefix == "ai.example.org")
    #expect(profile.gpuResource == "nvidia.com/gpu")
  }
}
