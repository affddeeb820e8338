/// The version of regpolicy, recorded in every generated file's provenance.
public enum RegPolicyVersion {
  public static let current = "0.4.0"
}
