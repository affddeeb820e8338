import Foundation
import RegPolicyModel
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
      (minimal.replacingOccurrences(of: "enforcement: warn\n", with: ""), DiagnosticCode.profileMissingKey, 1),
      (minimal.replacingOccurrences(of: "enforcement: warn", with: "enforcement: block"), .profileInvalidValue, 4),
      (minimal.replacingOccurrences(of: "[deployer]", with: "[deployer, landlord]"), .profileUnknownRole, 2),
      (minimal + "colour: blue\n", .profileUnknownKey, 6),
      (minimal + "keys: {loging: x}\n", .profileUnknownKey, 6),
      (minimal.replacingOccurrences(of: "ai.example.org", with: "ai example"), .profileInvalidValue, 5),
      (minimal + "default-role: provider\n", .profileUnknownRole, 6),
      (minimal + "colour:\n  - blue\n", .profileUnknownKey, 6),
      (minimal + "keys:\n  loging:\n    x\n", .profileUnknownKey, 7),
      (minimal + "excluded-namespaces: [monitoring, Kube_System]\n", .profileInvalidValue, 6),
      (minimal + "excluded-namespaces:\n  - ok\n  - \"-bad\"\n", .profileInvalidValue, 8),
      (minimal + "excluded-namespaces: monitoring\n", .profileInvalidValue, 6),
      ("roles: [\n", .profileMalformed, 2),
      ("", .profileMalformed, 1),
    ] as [(String, DiagnosticCode, Int)])
  func bad(_ text: String, _ code: DiagnosticCode, _ line: Int) {
    #expect {
      _ = try Profile(yaml: text, file: "profile.yaml")
    } throws: { error in
      guard let error = error as? Diagnostics, error.all.count == 1, let first = error.all.first else { return false }
      return first.code == code && first.line == line && first.file == "profile.yaml"
    }
  }

  /// A user fixes a profile in one go: every mistake is reported at once, each at its own line.
  @Test("three mistakes are three diagnostics, each at its own line, in one read")
  func threeMistakes() {
    let text = """
      organisation: O
      roles: [deployer, landlord]
      default-role: provider
      risk-classes: [high-risk]
      enforcement: block
      prefix: ai.example.org

      """
    #expect {
      _ = try Profile(yaml: text, file: "profile.yaml")
    } throws: { error in
      guard let error = error as? Diagnostics else { return false }
      let found = error.all.map { "\($0.line):\($0.code.rawValue)" }
      return found == ["2:profile.unknown-role", "3:profile.unknown-role", "5:profile.invalid-value"]
    }
  }

  @Test("a minimal profile takes its defaults")
  func defaults() throws {
    let profile = try Profile(yaml: Self.minimal, file: "p.yaml")
    #expect(profile.defaultRole == "deployer")
    #expect(profile.finopsPrefix == "ai.example.org")
    #expect(profile.gpuResource == "nvidia.com/gpu")
    #expect(profile.excludedNamespaces == ["kube-system"])
  }

  @Test("excluded namespaces: the profile's, sorted, and kube-system always")
  func excludedNamespaces() throws {
    #expect(PolicyFixtures.profile.excludedNamespaces == ["gatekeeper-system", "kube-system", "kyverno"])
    let listed = try Profile(yaml: Self.minimal + "excluded-namespaces: [monitoring, kube-system]\n", file: "p.yaml")
    #expect(listed.excludedNamespaces == ["kube-system", "monitoring"])
  }
}
