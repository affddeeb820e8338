/// Every diagnostic code regpolicy reports, in one sorted catalogue: the stage prefix, then what went
/// wrong. Codes are stable — users, CI and tests match on them — and each carries the exit status a
/// run ends with when it reports the code as an error. The README's table is made from this
/// catalogue (a test fails while they differ).
public enum DiagnosticCode: String, CaseIterable, Comparable, Sendable {
  case branchExists = "branch.exists"
  case branchInvalidName = "branch.invalid-name"
  case branchUnwritable = "branch.unwritable"
  case costsDuplicateFile = "costs.duplicate-file"
  case costsInvalidNumber = "costs.invalid-number"
  case costsInvalidValue = "costs.invalid-value"
  case costsMalformed = "costs.malformed"
  case costsMissingColumn = "costs.missing-column"
  case costsMixedCurrency = "costs.mixed-currency"
  case costsNoRows = "costs.no-rows"
  case crosswalkDuplicateLink = "crosswalk.duplicate-link"
  case crosswalkInvalidValue = "crosswalk.invalid-value"
  case crosswalkMalformed = "crosswalk.malformed"
  case crosswalkMalformedID = "crosswalk.malformed-id"
  case crosswalkMissingKey = "crosswalk.missing-key"
  case crosswalkNotFound = "crosswalk.not-found"
  case crosswalkUnknownEndpoint = "crosswalk.unknown-endpoint"
  case crosswalkUnknownKey = "crosswalk.unknown-key"
  case crosswalkUnknownQuery = "crosswalk.unknown-query"
  case crosswalkUnknownRelationship = "crosswalk.unknown-relationship"
  case formexMissingPart = "formex.missing-part"
  case formexRenamedPart = "formex.renamed-part"
  case generateDuplicateControl = "generate.duplicate-control"
  case generateDuplicateInstrument = "generate.duplicate-instrument"
  case generateUnmappedSource = "generate.unmapped-source"
  case gitFailed = "git.failed"
  case gitNotARepository = "git.not-a-repository"
  case gitUnavailable = "git.unavailable"
  case gitUnknownBase = "git.unknown-base"
  case htmlRecovered = "html.recovered"
  case ingestDuplicateID = "ingest.duplicate-id"
  case ingestNoArticles = "ingest.no-articles"
  case ingestNoProvisions = "ingest.no-provisions"
  case ingestUnplacedText = "ingest.unplaced-text"
  case inputBinary = "input.binary"
  case inputEmpty = "input.empty"
  case inputInvalidUTF8 = "input.invalid-utf8"
  case inputOutOfMemory = "input.out-of-memory"
  case inputTooLarge = "input.too-large"
  case inputUnknownFormat = "input.unknown-format"
  case inputUnreadable = "input.unreadable"
  case jsonMalformed = "json.malformed"
  case manifestNotKubernetes = "manifest.not-kubernetes"
  case manifestNotYAML = "manifest.not-yaml"
  case oscalInvalidID = "oscal.invalid-id"
  case outputNotGenerated = "output.not-generated"
  case outputUnwritable = "output.unwritable"
  case policiesMalformedIndex = "policies.malformed-index"
  case policiesNoIndex = "policies.no-index"
  case policyNeedsReview = "policy.needs-review"
  case profileInvalidValue = "profile.invalid-value"
  case profileMalformed = "profile.malformed"
  case profileMissingKey = "profile.missing-key"
  case profileUnknownKey = "profile.unknown-key"
  case profileUnknownRiskClass = "profile.unknown-risk-class"
  case profileUnknownRole = "profile.unknown-role"
  case reviewMissingClause = "review.missing-clause"
  case reviewNoClauses = "review.no-clauses"
  case reviewWrongSource = "review.wrong-source"
  case ruleDuplicateID = "rule.duplicate-id"
  case ruleInvalidPattern = "rule.invalid-pattern"
  case ruleInvalidValue = "rule.invalid-value"
  case ruleMalformed = "rule.malformed"
  case ruleMissingExamples = "rule.missing-examples"
  case ruleMissingKey = "rule.missing-key"
  case ruleUnknownField = "rule.unknown-field"
  case ruleUnknownInstrument = "rule.unknown-instrument"
  case ruleUnknownKey = "rule.unknown-key"
  case ruleUnknownModality = "rule.unknown-modality"
  case ruleUnknownRiskClass = "rule.unknown-risk-class"
  case ruleUnknownRole = "rule.unknown-role"
  case ruleUnknownTemplate = "rule.unknown-template"
  case serveUnavailable = "serve.unavailable"
  case sourcesInvalidValue = "sources.invalid-value"
  case sourcesMalformed = "sources.malformed"
  case sourcesMissingKey = "sources.missing-key"
  case sourcesUnknownKey = "sources.unknown-key"
  case templateMalformed = "template.malformed"
  case templateMissing = "template.missing"
  case templateRenderFailed = "template.render-failed"
  case traceNoInputs = "trace.no-inputs"
  case traceNotFound = "trace.not-found"
  case watchBusy = "watch.busy"
  case watchCacheUnwritable = "watch.cache-unwritable"
  case watchFetchFailed = "watch.fetch-failed"
  case watchLockMalformed = "watch.lock-malformed"
  case watchTooLarge = "watch.too-large"
  case watchWrongAct = "watch.wrong-act"
  case xmlEntityDeclared = "xml.entity-declared"
  case xmlMalformed = "xml.malformed"
  case xmlTooDeep = "xml.too-deep"

  /// The exit status of a run that reports this code as an error, and what the code means. Codes
  /// that are only ever warnings or notes change no exit status (`success`).
  public var entry: (exitStatus: ExitStatus, meaning: String) {
    switch self {
    case .branchExists: (.outputError, "the branch exists with other content; not rewritten without `--force`")
    case .branchInvalidName: (.inputError, "`--branch` is not a valid git branch name")
    case .branchUnwritable: (.outputError, "the pull-request body could not be written")
    case .costsDuplicateFile: (.success, "warning: a cost file given twice is read once")
    case .costsInvalidNumber:
      (.inputError, "a cost is not a decimal number, or a sum does not fit 38 digits; no total is given")
    case .costsInvalidValue:
      (.inputError, "a BillingCurrency that is not an ISO 4217 code, or a charge period that is not ISO 8601")
    case .costsMalformed:
      (.inputError, "cost data is not CSV (a quote never closed, a row with the wrong field count) or tags not JSON")
    case .costsMissingColumn: (.inputError, "cost data lacks a FOCUS column the report needs (named in the message)")
    case .costsMixedCurrency:
      (.inputError, "cost rows billed in a currency the profile's `costs.exchange-rates` has no rate for")
    case .costsNoRows: (.inputError, "the cost files hold a header but no rows")
    case .crosswalkDuplicateLink:
      (.inputError, "a crosswalk link given twice (the same two endpoints, in either direction)")
    case .crosswalkInvalidValue: (.inputError, "a crosswalk value of the wrong type (a link that is not a mapping, …)")
    case .crosswalkMalformed: (.inputError, "a crosswalk file is not YAML")
    case .crosswalkMalformedID:
      (
        .inputError,
        "a crosswalk endpoint not written `FRAMEWORK:ID` in its canonical form (`ai-act:art_12.par_1`, `sp800-53:ctl_au-11`)"
      )
    case .crosswalkMissingKey: (.inputError, "a crosswalk link lacks `from`, `to`, `relationship` or `rationale`")
    case .crosswalkNotFound: (.inputError, "`crosswalk`: no link has the clause or control asked for at either end")
    case .crosswalkUnknownEndpoint:
      (
        .inputError,
        "a crosswalk endpoint that does not exist: an ISO/IEC 42001 identifier not in `iso-42001.yaml`, a control no rule produces"
      )
    case .crosswalkUnknownKey: (.inputError, "a crosswalk file or link has a key regpolicy does not know")
    case .crosswalkUnknownQuery:
      (.usage, "`crosswalk`: the query names no AI Act clause, AI RMF subcategory, ISO/IEC 42001 or SP 800-53 control")
    case .crosswalkUnknownRelationship:
      (
        .inputError,
        "a crosswalk relationship that is not one of OLIR's: equal, subset-of, superset-of, intersects-with, related-to"
      )
    case .formexMissingPart:
      (
        .inputError,
        "a Formex package lists a file that is not there, under its name or another (`formex.renamed-part`)"
      )
    case .formexRenamedPart:
      (
        .success,
        "a note: a part of a Formex package is there under another name (Cellar's `DOC_1.xml` …), found by its `NO.SEQ`"
      )
    case .generateDuplicateControl: (.inputError, "two rules produce one control")
    case .generateDuplicateInstrument: (.inputError, "two sources are versions of one instrument")
    case .generateUnmappedSource: (.inputError, "no mapping rule produces a policy from a source (a warning)")
    case .gitFailed: (.outputError, "git refused a command (its message is quoted)")
    case .gitNotARepository: (.inputError, "`--repo` is not a git repository")
    case .gitUnavailable: (.outputError, "the `git` program could not be run")
    case .gitUnknownBase: (.inputError, "`--base` names no commit")
    case .htmlRecovered:
      (
        .success,
        "a note: not well-formed; read with libxml2's HTML parser (normal for EUR-Lex pages with the web wrapper)"
      )
    case .ingestDuplicateID:
      (
        .success,
        "a warning: the same pinpoint ID twice (e.g. the AI Act OJ's two paragraphs 11 of Article 73); the second gets `-dup2`"
      )
    case .ingestNoArticles:
      (.inputError, "the text has article headings that were not read as articles: a markup generation not understood")
    case .ingestNoProvisions: (.inputError, "nothing that looks like a regulation was found")
    case .ingestUnplacedText:
      (.success, "a warning: body text in no provision, or a unit whose number or heading was not recognised")
    case .inputBinary: (.inputError, "the file has NUL bytes (position of the first)")
    case .inputEmpty: (.inputError, "the file (or standard input) is empty or only white space")
    case .inputInvalidUTF8: (.inputError, "text that is not UTF-8 (line and byte column of the first bad byte)")
    case .inputOutOfMemory: (.inputError, "the parser could not get memory")
    case .inputTooLarge: (.inputError, "larger than `--max-bytes` (default 64 MiB); refused before reading")
    case .inputUnknownFormat: (.inputError, "not one of the supported markups")
    case .inputUnreadable: (.inputError, "missing, a directory where a file is expected, or unreadable")
    case .jsonMalformed: (.inputError, "JSON that does not parse or is not a Playbook export")
    case .manifestNotKubernetes: (.inputError, "a manifest document lacks apiVersion, kind or metadata.name")
    case .manifestNotYAML: (.inputError, "a manifest document that does not parse as YAML")
    case .oscalInvalidID:
      (
        .inputError,
        "`oscal`: a control id, pinpoint ID or instrument of the policy tree cannot be an OSCAL identifier (a token)"
      )
    case .outputNotGenerated: (.outputError, "`--out` holds files regpolicy did not write; it is not replaced")
    case .outputUnwritable: (.outputError, "an output file or the policy tree could not be written")
    case .policiesMalformedIndex: (.inputError, "the folder's `index.json` is not a regpolicy index")
    case .policyNeedsReview:
      (
        .needsReview,
        "a warning: a policy rests on a clause whose text changed since its rule was reviewed, was never reviewed, or is gone"
      )
    case .policiesNoIndex: (.inputError, "the folder has no `index.json`: it is not a tree `regpolicy generate` wrote")
    case .profileInvalidValue: (.inputError, "a profile value of the wrong type or out of range")
    case .profileMalformed: (.inputError, "the profile is not YAML")
    case .profileMissingKey: (.inputError, "the profile lacks a required key")
    case .profileUnknownKey: (.inputError, "the profile has a key regpolicy does not know (a typo is never ignored)")
    case .profileUnknownRiskClass: (.inputError, "the profile names an unknown risk class")
    case .profileUnknownRole: (.inputError, "the profile names an unknown role, or a `default-role` it does not hold")
    case .reviewMissingClause: (.inputError, "`rules review`: a clause the rule cites is not in the source")
    case .reviewNoClauses: (.inputError, "`rules review`: the rule cites no clause (a guardrail)")
    case .reviewWrongSource: (.inputError, "`rules review`: the source is not the instrument the rule maps")
    case .ruleDuplicateID: (.inputError, "two rule files use one rule id")
    case .ruleInvalidPattern: (.inputError, "a `matches` check whose pattern is not a regular expression")
    case .ruleInvalidValue: (.inputError, "a rule value of the wrong type")
    case .ruleMalformed: (.inputError, "a rule file is not YAML")
    case .ruleMissingExamples: (.inputError, "a rule without a triggering and a non-triggering example")
    case .ruleMissingKey: (.inputError, "a rule lacks a required key")
    case .ruleUnknownField: (.inputError, "a check reads a workload property regpolicy does not know")
    case .ruleUnknownInstrument: (.inputError, "a rule's instrument is not named in `instruments.yaml`")
    case .ruleUnknownKey: (.inputError, "a rule has a key regpolicy does not know")
    case .ruleUnknownModality: (.inputError, "a rule matches an unknown modality")
    case .ruleUnknownRiskClass: (.inputError, "a rule names an unknown risk class")
    case .ruleUnknownRole: (.inputError, "a rule names a role the lexicon does not know")
    case .ruleUnknownTemplate: (.inputError, "a check names an unknown template")
    case .serveUnavailable: (.outputError, "`serve`: the address cannot be bound (in use, or not allowed)")
    case .sourcesInvalidValue:
      (.inputError, "`regpolicy.sources.yaml`: a value of the wrong type, an unknown format, a bad URL")
    case .sourcesMalformed: (.inputError, "`regpolicy.sources.yaml` is missing or not YAML")
    case .sourcesMissingKey: (.inputError, "`regpolicy.sources.yaml`: a source lacks a required key")
    case .sourcesUnknownKey: (.inputError, "`regpolicy.sources.yaml` has a key regpolicy does not know")
    case .templateMalformed: (.inputError, "a template does not parse")
    case .templateMissing: (.inputError, "a template every policy needs is missing")
    case .templateRenderFailed: (.inputError, "a template rendered nothing")
    case .traceNoInputs:
      (
        .usage,
        "`trace`, `search`, `serve`: no --source, --policies or --repo to read from, or `trace --uncovered` without --source"
      )
    case .traceNotFound:
      (.inputError, "`trace`: no control, rule, policy file, denial, commit or clause matches what was asked")
    case .watchBusy: (.outputError, "`watch`: another watcher holds this repository's lock; this one did nothing")
    case .watchCacheUnwritable: (.outputError, "`watch`: the source cache could not be written")
    case .watchFetchFailed:
      (.inputError, "`watch`: a source could not be fetched (HTTP error, timeout, redirect loop, body cut short)")
    case .watchLockMalformed: (.inputError, "`watch`: `regpolicy.lock` is not a lock file regpolicy wrote")
    case .watchTooLarge: (.inputError, "`watch`: a source's body is larger than `--max-bytes`; the download stopped")
    case .watchWrongAct:
      (.inputError, "`watch`: the fetched file is not the act the source names (an error page, another CELEX)")
    case .xmlEntityDeclared: (.success, "a warning: the document declares entities; they are never loaded or expanded")
    case .xmlMalformed: (.inputError, "not well-formed XML: truncated, wrong encoding, undefined entity, …")
    case .xmlTooDeep: (.inputError, "elements nested more than 256 deep")
    }
  }

  /// The exit status of a run that reports this code as an error.
  public var exitStatus: ExitStatus { entry.exitStatus }

  public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
