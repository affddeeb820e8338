import RegPolicyModel

enum FormexPackage {
  static func read(folder: String, options: IngestOptions, into result: inout IngestResult)
    throws(IngestFailure) -> Document
  {
    throw IngestFailure(code: "todo", message: "todo")
  }
  static func read(descriptor: SourceFile, options: IngestOptions, into result: inout IngestResult)
    throws(IngestFailure) -> Document
  {
    throw IngestFailure(code: "todo", message: "todo")
  }
}
