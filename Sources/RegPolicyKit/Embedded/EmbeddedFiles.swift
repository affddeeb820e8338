// swift-format-ignore-file
// Generated from rules/, templates/ and corpus/samples/synthetic-oj.html by
// `REGPOLICY_RECORD=1 swift test --filter EmbeddedFiles`; do not edit.
// A test fails when this copy and the folders differ.

/// The shipped mapping rules, templates and the sample regulation `regpolicy run` reads without
/// arguments, so `regpolicy` works from any folder.
public enum EmbeddedFiles {
  public static let rules: [(path: String, text: String)] = [
    (
      "ai-act/art-05-prohibited-practices.yaml",
      ###"""
id: ai-act.art-05.prohibited-practices
title: No prohibited AI practice
description: >-
  Article 5(1) prohibits placing on the market, putting into service or using AI systems for the
  listed practices. Workloads declare their intended uses; a declared prohibited practice is denied.
requires: the AI practices listed in Article 5(1) are not placed on the market, put into service or used
instrument: 32024R1689
match:
  clauses: [art_5.par_1]
  modalities: [prohibition]
control: AIA-05
crosswalk:
  nist-ai-rmf: [GOVERN 1.1, MAP 1.1]
  iso-42001: [A.9.4]
checks:
  - template: none-of
    property: intended-use
    cites: [art_5.par_1]
    requires: this AI practice is not placed on the market, put into service or used
    values:                     # each practice cites its point of Article 5(1)
      - subliminal-manipulation: art_5.par_1.pt_a
      - exploitation-of-vulnerabilities: art_5.par_1.pt_b
      - social-scoring: art_5.par_1.pt_c
      - criminal-offence-risk-prediction: art_5.par_1.pt_d
      - untargeted-facial-image-scraping: art_5.par_1.pt_e
      - workplace-education-emotion-recognition: art_5.par_1.pt_f
      - biometric-categorisation-sensitive-attributes: art_5.par_1.pt_g
      - real-time-remote-biometric-identification-law-enforcement: art_5.par_1.pt_h
examples:
  triggering:
    - clause: art_5.par_1.pt_c
    - clause: art_5.par_1.pt_h
  non-triggering:
    - clause: art_5.par_5          # Member States may authorise: a permission, not a prohibition
    - clause: art_5.par_2.pt_a
      text: The use shall take into account the seriousness of the possible harm.
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_5.par_1: 0ecb7033f536094b87633f63124bdec478fa0d5a70167a528af0495bb296a036
  art_5.par_1.pt_a: c5b6ef863edbc8674225f32c1fb6cd3aaae03143b6c68402fe9d1d5598a84904
  art_5.par_1.pt_b: 81a24275f81abb9e37241c50ea754011d1c37ed81e903f52de95c746a2219d9d
  art_5.par_1.pt_c: 9d8c5bf06b10fa072b0e447bd0f232dd9cea5347bff7b2a3a80824553b31343a
  art_5.par_1.pt_d: e471b1122fb2d974c922d57fe041b28c6d533cac8c8e810d4aaf21690dfaf19a
  art_5.par_1.pt_e: df2edc411d708303e8937e5d0090fedee3c0f62fb4a19b8b427aa56c27e3a726
  art_5.par_1.pt_f: 9b3f18d397e19f68154401e4f92d8e026f103118c692b93c88241c48244b11c1
  art_5.par_1.pt_g: 7eee497e588a56c3cad1082415ff95aeee1df1b1fe2fa1ae1a5f2779c40d3814
  art_5.par_1.pt_h: 3e32dbb5c120be9dca5959b0ce5a02c8f7dbf7b0ea910d73c5d102d92b33a78e

"""###
    ),
    (
      "ai-act/art-09-risk-management.yaml",
      ###"""
id: ai-act.art-09.risk-management
title: Risk-management record referenced
description: >-
  Article 9(1) requires a risk management system to be established, implemented, documented and
  maintained for high-risk AI systems. Workloads reference the record of it.
requires: a risk management system is established, implemented, documented and maintained in relation to high-risk AI systems
instrument: 32024R1689
match:
  clauses: [art_9.par_1, art_9.par_2]
  modalities: [obligation]
  addressees: [provider, none]
  terms: [risk management system, comprise the following steps]
control: AIA-09
crosswalk:
  nist-ai-rmf: [GOVERN 1.3, GOVERN 1.4, MAP 5.1, MANAGE 1.3, GOVERN 1.5]
  iso-42001: ["6.1.2", "6.1.3", "8.2", "8.3"]
roles: [provider]
risk-classes: [high-risk]
checks:
  - template: present
    property: risk-management-record
    cites: [art_9.par_1]
examples:
  triggering:
    - clause: art_9.par_1
    - clause: art_9.par_2.pt_a
  non-triggering:
    - clause: art_9.par_7        # testing procedures may include real-world testing: a permission
    - clause: art_9.par_1
      text: The Commission shall publish guidelines on risk management systems.
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_9.par_1: 16ca6720bcfee73b79290ce2fc195ceb809d568bb08132c4bf6e21257bd547d4

"""###
    ),
    (
      "ai-act/art-10-data-governance.yaml",
      ###"""
id: ai-act.art-10.data-governance
title: Data governance and dataset lineage referenced
description: >-
  Article 10(2) requires training, validation and testing data sets to be subject to data
  governance and management practices, including data collection processes and the origin of data.
requires: training, validation and testing data sets are subject to data governance and management practices, including the origin of the data
instrument: 32024R1689
match:
  clauses: [art_10.par_2, art_10.par_3]
  modalities: [obligation]
  addressees: [provider, none]
control: AIA-10
crosswalk:
  nist-ai-rmf: [MAP 2.3, MEASURE 2.1, MEASURE 2.11]
  iso-42001: [A.7.2, A.7.4, A.7.5, A.7.3]
roles: [provider]
risk-classes: [high-risk]
checks:
  - template: present
    property: data-governance-record
    cites: [art_10.par_2]
    requires: training, validation and testing data sets are subject to data governance and management practices
  - template: present
    property: dataset-lineage
    cites: [art_10.par_2.pt_b]
    requires: those practices concern data collection processes and the origin of the data
examples:
  triggering:
    - clause: art_10.par_2
    - clause: art_10.par_2.pt_b
  non-triggering:
    - clause: art_10.par_5       # providers may exceptionally process special categories: a permission
    - clause: art_10.par_6
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_10.par_2: 947b51ef776e412eb26ad04e8645568c01c5741be647d5023c01a0a42c75847e
  art_10.par_2.pt_b: 4a9202ece725dfe6a6ffefbdadd39d2abd15d62d0a4a2d2229795f674f671c70

"""###
    ),
    (
      "ai-act/art-11-technical-documentation.yaml",
      ###"""
id: ai-act.art-11.technical-documentation
title: Technical documentation (Annex IV) referenced
description: >-
  Article 11(1) requires the technical documentation of a high-risk AI system, containing at a
  minimum the elements of Annex IV, to be drawn up before the system is placed on the market or put
  into service, and kept up to date.
requires: the technical documentation of a high-risk AI system, with the elements set out in Annex IV, is drawn up and kept up to date
instrument: 32024R1689
match:
  clauses: [art_11.par_1]
  modalities: [obligation]
  addressees: [provider, none]
  terms: [technical documentation, annex iv]
also:   # the same control implements these subcategories when the AI RMF Playbook is read too
  - instrument: NIST.AI.100-1.Playbook
    match:
      clauses: [sbc_map-2-2]
      modalities: [recommendation]
      terms: [document]
control: AIA-11
crosswalk:
  nist-ai-rmf: [MAP 2.2, MEASURE 2.9]
  iso-42001: [A.6.2.7]
roles: [provider]
risk-classes: [high-risk]
checks:
  - template: present
    property: technical-documentation
    cites: [art_11.par_1]
    requires: the technical documentation of a high-risk AI system is drawn up and kept up to date
examples:
  triggering:
    - clause: art_11.par_1
    - clause: art_11.par_1.sub_2
      text: It shall contain, at a minimum, the elements set out in Annex IV.
  non-triggering:
    - clause: art_11.par_3       # the Commission is empowered to amend Annex IV
    - clause: art_11.par_1.sub_2
      text: Notified bodies shall accept the form for the purposes of the conformity assessment.
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_11.par_1: c8af66a306c1fc3ee462bf73a6811fed50057fb83a5860eb94d08e2f3e0a4681

"""###
    ),
    (
      "ai-act/art-12-event-logging.yaml",
      ###"""
id: ai-act.art-12.event-logging
title: Automatic event logging enabled, logs kept at least six months
description: >-
  Article 12(1) requires high-risk AI systems to technically allow for the automatic recording of
  events (logs) over their lifetime; Articles 19(1) and 26(6) require providers and deployers to keep
  those logs for at least six months. Six months is counted as 183 days.
requires: high-risk AI systems technically allow for the automatic recording of events (logs), kept for at least six months
instrument: 32024R1689
match:
  clauses: [art_12.par_1, art_19.par_1, art_26.par_6]
  modalities: [obligation]
  addressees: [provider, deployer, none]
  terms: [logs]
control: AIA-12
crosswalk:
  nist-ai-rmf: [MEASURE 2.4, MANAGE 4.1]
  iso-42001: [A.6.2.8]
roles: [provider, deployer]
risk-classes: [high-risk]
checks:
  - template: one-of
    property: logging
    values: [enabled]
    cites: [art_12.par_1]
    requires: high-risk AI systems technically allow for the automatic recording of events (logs)
  - template: at-least
    property: log-retention-days
    minimum: 183               # six months, rounded up to whole days
    cites: [art_19.par_1, art_26.par_6]
    requires: the logs are kept for a period of at least six months
examples:
  triggering:
    - clause: art_12.par_1
    - clause: art_19.par_1
    - clause: art_26.par_6
  non-triggering:
    - clause: art_12.par_3.pt_a  # what the logs of remote biometric identification contain
    - clause: art_12.par_1
      text: The Commission shall adopt guidelines on the recording of logs.
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_12.par_1: 8eb4185b42293d8613397435b7f1646b9f1512924b0fa8fe39c7342742d47d09
  art_19.par_1: e0e7ddc126ef21ed686e01585f9a1a88bdf30c981ea226a51d0fecf35c050d6b
  art_26.par_6: 0b3505f88a52639e892a783076eb1e5650e43c2d9732e238059496b7c0503b10

"""###
    ),
    (
      "ai-act/art-13-instructions-for-use.yaml",
      ###"""
id: ai-act.art-13.instructions-for-use
title: Instructions for use referenced
description: >-
  Article 13(2) requires high-risk AI systems to be accompanied by instructions for use that
  include concise, complete, correct and clear information.
requires: high-risk AI systems are accompanied by instructions for use
instrument: 32024R1689
match:
  clauses: [art_13.par_2, art_13.par_3]
  modalities: [obligation]
  addressees: [provider, none]
  terms: [instructions for use]
control: AIA-13
crosswalk:
  nist-ai-rmf: [MAP 2.2, MEASURE 2.9]
  iso-42001: [A.8.2]
roles: [provider]
risk-classes: [high-risk]
checks:
  - template: present
    property: instructions-for-use
    cites: [art_13.par_2]
examples:
  triggering:
    - clause: art_13.par_2
    - clause: art_13.par_3.pt_b
  non-triggering:
    - clause: art_13.par_1
    - clause: art_13.par_2
      text: Deployers may request the instructions for use from the provider.
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_13.par_2: f5d0cf2be9379a99f6ad1bbababa0e7b419736071dd1780f892f505a9b94203d

"""###
    ),
    (
      "ai-act/art-14-human-oversight.yaml",
      ###"""
id: ai-act.art-14.human-oversight
title: Human-oversight owner assigned
description: >-
  Article 14(1) requires high-risk AI systems to be designed so that natural persons can
  effectively oversee them; Article 14(4) requires the system to be provided to those persons.
  Workloads name the person or team assigned oversight.
requires: high-risk AI systems can be effectively overseen by natural persons during the period in which they are in use
instrument: 32024R1689
match:
  clauses: [art_14.par_1, art_14.par_4]
  modalities: [obligation]
  addressees: [provider, none]
also:   # the same control implements these subcategories when the AI RMF Playbook is read too
  - instrument: NIST.AI.100-1.Playbook
    match:
      clauses: [sbc_map-3-5, sbc_manage-2-4]
      modalities: [recommendation]
      terms: [oversight, override, disengage, deactivat]
control: AIA-14
crosswalk:
  nist-ai-rmf: [GOVERN 3.2, MAP 3.5, MANAGE 2.4]
  iso-42001: [A.9.2]
roles: [provider]
risk-classes: [high-risk]
checks:
  - template: present
    property: oversight-owner
    cites: [art_14.par_1]
examples:
  triggering:
    - clause: art_14.par_1
    - clause: art_14.par_4.pt_d
  non-triggering:
    - clause: art_14.par_5.sub_2   # the two-person verification does not apply: an exemption
    - clause: art_14.par_2
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_14.par_1: 0f58d9de45d9d2e06806d0dc0c58053c37bf2a2d4bdd4157a992b6870f8b6831

"""###
    ),
    (
      "ai-act/art-15-accuracy-robustness.yaml",
      ###"""
id: ai-act.art-15.accuracy-robustness
title: Accuracy and robustness metrics declared
description: >-
  Article 15(1) requires high-risk AI systems to achieve an appropriate level of accuracy,
  robustness and cybersecurity; Article 15(3) requires the levels of accuracy and the accuracy
  metrics to be declared in the instructions for use.
requires: high-risk AI systems achieve an appropriate level of accuracy, robustness and cybersecurity, and declare their accuracy metrics
instrument: 32024R1689
match:
  clauses: [art_15.par_1, art_15.par_3, art_15.par_4]
  modalities: [obligation]
  addressees: [provider, none]
also:   # the same control implements these subcategories when the AI RMF Playbook is read too
  - instrument: NIST.AI.100-1.Playbook
    match:
      clauses: [sbc_measure-2-3, sbc_measure-2-5, sbc_measure-2-7]
      modalities: [recommendation]
      terms: [performance, valid, reliab, security, resilien, robust]
control: AIA-15
crosswalk:
  nist-ai-rmf: [MEASURE 2.3, MEASURE 2.5, MEASURE 2.7]
  iso-42001: [A.6.2.4, A.8.2]
roles: [provider]
risk-classes: [high-risk]
checks:
  - template: present
    property: accuracy-metrics
    cites: [art_15.par_3]
    requires: the levels of accuracy and the relevant accuracy metrics of high-risk AI systems are declared
  - template: present
    property: robustness-metrics
    cites: [art_15.par_1, art_15.par_4]
    requires: high-risk AI systems achieve an appropriate level of robustness and are as resilient as possible regarding errors, faults or inconsistencies
examples:
  triggering:
    - clause: art_15.par_1
    - clause: art_15.par_3
  non-triggering:
    - clause: art_15.par_4.sub_2   # robustness may be achieved through redundancy: a permission
    - clause: art_15.par_2
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_15.par_3: dd49cba65a76c35868478e3e63fc227f2923d14fa61b3c17b82e501ea7293cdd
  art_15.par_1: 82e34276ca8fcc7e5b78957ef0d0a871289b066df7a17a9eee03fa66dbcd3aaa
  art_15.par_4: dd80d11dac617501c29e587a7400fa63910107fa4e4cc72de3a0c20cd0dfdcda

"""###
    ),
    (
      "ai-act/art-17-quality-management.yaml",
      ###"""
id: ai-act.art-17.quality-management
title: Quality-management system referenced
description: >-
  Article 16, point (c), and Article 17(1) require providers of high-risk AI systems to put in
  place a documented quality management system.
requires: providers of high-risk AI systems have a quality management system in place
instrument: 32024R1689
match:
  clauses: [art_17.par_1, art_16.pt_c]
  modalities: [obligation]
  addressees: [provider, none]
control: AIA-17
crosswalk:
  nist-ai-rmf: [GOVERN 1.2, GOVERN 1.4]
  iso-42001: ["4.4"]
roles: [provider]
risk-classes: [high-risk]
checks:
  - template: present
    property: quality-management-system
    cites: [art_16.pt_c, art_17.par_1]
examples:
  triggering:
    - clause: art_17.par_1
    - clause: art_16.pt_c
  non-triggering:
    - clause: art_17.par_3         # providers under sectoral law may include the aspects: a permission
    - clause: art_16.pt_h
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_16.pt_c: 8632841a48ba17d57d0e95babf04aa550453b697121074ff7d5041a98beafb87
  art_17.par_1: 9e04570255a43960718af9f6487b17d8480965bcee6a7a6af955c4f95e1db4dd

"""###
    ),
    (
      "ai-act/art-26-deployer-oversight.yaml",
      ###"""
id: ai-act.art-26.deployer-oversight-monitoring
title: Deployer assigns human oversight and monitors operation
description: >-
  Article 26(2) requires deployers to assign human oversight to competent natural persons;
  Article 26(5) requires them to monitor the operation of the system on the basis of the
  instructions for use.
requires: deployers assign human oversight to natural persons with the necessary competence and monitor the operation of the high-risk AI system
instrument: 32024R1689
match:
  clauses: [art_26.par_2, art_26.par_5]
  modalities: [obligation]
  addressees: [deployer]
  terms: [human oversight, monitor]
also:   # the same control implements these subcategories when the AI RMF Playbook is read too
  - instrument: NIST.AI.100-1.Playbook
    match:
      clauses: [sbc_govern-3-2, sbc_measure-2-4, sbc_manage-4-1]
      modalities: [recommendation]
      terms: [oversight, monitor]
control: AIA-26
crosswalk:
  nist-ai-rmf: [GOVERN 3.2, MEASURE 2.4, MANAGE 4.1]
  iso-42001: [A.9.2, A.6.2.6]
roles: [deployer]
risk-classes: [high-risk]
checks:
  - template: present
    property: oversight-owner
    cites: [art_26.par_2]
    requires: deployers assign human oversight to natural persons who have the necessary competence, training and authority
  - template: present
    property: operation-monitoring
    cites: [art_26.par_5]
    requires: deployers monitor the operation of the high-risk AI system on the basis of the instructions for use
examples:
  triggering:
    - clause: art_26.par_2
    - clause: art_26.par_5
  non-triggering:
    - clause: art_26.par_12        # cooperation with authorities
    - clause: art_26.par_2
      text: Deployers may designate a contact point for human oversight.
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_26.par_2: ec6fcc70732e1560c1429e896d72052ae7542d36564311576e474a9e40518d47
  art_26.par_5: fcb5e9de2df10cf8df8baaa2f65d2a83f557cbd2df5f7b2d85cf4f15c80d9dca

"""###
    ),
    (
      "ai-act/art-27-fria.yaml",
      ###"""
id: ai-act.art-27.fundamental-rights-impact-assessment
title: Fundamental-rights impact assessment referenced
description: >-
  Article 27(1) requires deployers of high-risk AI systems referred to in Article 6(2), except
  those in area 2 of Annex III, to perform an assessment of the impact on fundamental rights before
  deploying them.
requires: deployers perform an assessment of the impact on fundamental rights prior to deploying a high-risk AI system referred to in Article 6(2)
instrument: 32024R1689
match:
  clauses: [art_27.par_1]
  modalities: [obligation]
  addressees: [deployer]
control: AIA-27
crosswalk:
  nist-ai-rmf: [MAP 1.1, MAP 5.1]
  iso-42001: ["6.1.4", A.5.2, A.5.4]
roles: [deployer]
risk-classes: [high-risk]
scope:
  annex-iii-except: ["2"]
checks:
  - template: present
    property: fundamental-rights-impact-assessment
    cites: [art_27.par_1]
examples:
  triggering:
    - clause: art_27.par_1
    - clause: art_27.par_1.pt_c
  non-triggering:
    - clause: art_27.par_2         # may rely on a previous assessment: a permission (and an update)
    - clause: art_27.par_5
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_27.par_1: 10df5cf9b99949dbfc9992f00339cb4489493ef552f7c6a052466c1368485a9d

"""###
    ),
    (
      "ai-act/art-49-registration.yaml",
      ###"""
id: ai-act.art-49.eu-database-registration
title: EU database registration id declared
description: >-
  Article 49(1) and (3) require providers, and deployers that are public authorities, to register
  high-risk AI systems listed in Annex III (except area 2, registered nationally) in the EU
  database before placing them on the market, putting them into service or using them.
requires: high-risk AI systems listed in Annex III are registered in the EU database before they are placed on the market, put into service or used
instrument: 32024R1689
match:
  clauses: [art_49.par_1, art_49.par_3]
  modalities: [obligation]
  terms: [register]
control: AIA-49
crosswalk:
  nist-ai-rmf: [GOVERN 1.6]
roles: [provider, deployer]
risk-classes: [high-risk]
scope:
  annex-iii-except: ["2"]
checks:
  - template: present
    property: eu-database-id
    cites: [art_49.par_1, art_49.par_3]
examples:
  triggering:
    - clause: art_49.par_1
    - clause: art_49.par_3
  non-triggering:
    - clause: art_49.par_5         # area 2 systems are registered at national level
    - clause: art_49.par_4.sub_2
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_49.par_1: 6def58bcb8e3f9773f8bc94247db20c7db50c7a1c01ba9a093876da4c7ed0843
  art_49.par_3: 2d40228da1f626168226e895c6c7e571d6e91546074880840a673f93e30e02a9

"""###
    ),
    (
      "ai-act/art-50-transparency.yaml",
      ###"""
id: ai-act.art-50.transparency
title: AI-interaction disclosure and synthetic-content marking declared
description: >-
  Article 50(1) requires AI systems intended to interact directly with natural persons to inform
  them that they are interacting with an AI system; Article 50(2) requires synthetic audio, image,
  video or text output to be marked in a machine-readable format.
requires: people are informed that they interact with an AI system and synthetic content is marked as artificially generated
instrument: 32024R1689
match:
  clauses: [art_50.par_1, art_50.par_2]
  modalities: [obligation]
  addressees: [provider]
control: AIA-50
crosswalk:
  nist-ai-rmf: [MEASURE 2.8]
  iso-42001: [A.8.2]
roles: [provider, deployer]
checks:
  - template: present
    property: ai-interaction-disclosure
    cites: [art_50.par_1]
    requires: the natural persons concerned are informed that they are interacting with an AI system
  - template: present
    property: synthetic-content-marking
    cites: [art_50.par_2]
    requires: synthetic audio, image, video or text outputs are marked in a machine-readable format and detectable as artificially generated or manipulated
examples:
  triggering:
    - clause: art_50.par_1
    - clause: art_50.par_2
  non-triggering:
    - clause: art_50.par_7         # codes of practice and implementing acts
    - clause: art_50.par_1
      text: This obligation shall not apply to AI systems authorised by law to detect criminal offences.
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_50.par_1: 13e33c1ce1f4351bf61e14c66d490ef707f3562c59022f7fca469f200dab6dbc
  art_50.par_2: 8696851c078196b8c8bdbe6d0436336a58ae0df6eeafc6ec85abda71866264eb

"""###
    ),
    (
      "ai-act/art-53-gpai-documentation.yaml",
      ###"""
id: ai-act.art-53.gpai-documentation-copyright
title: General-purpose model documentation and copyright policy referenced
description: >-
  Article 53(1) requires providers of general-purpose AI models to draw up and keep up to date the
  model's technical documentation and information for downstream providers (points (a) and (b))
  and to put in place a policy to comply with Union copyright law (point (c)).
requires: providers of general-purpose AI models keep the model's technical documentation up to date and put in place a policy to comply with Union law on copyright
instrument: 32024R1689
match:
  clauses: [art_53.par_1.pt_a, art_53.par_1.pt_b, art_53.par_1.pt_c]
  modalities: [obligation]
  addressees: [gpai-provider]
control: AIA-53
crosswalk:
  nist-ai-rmf: [GOVERN 6.1, MAP 4.1, MEASURE 2.1, MAP 2.2]
  iso-42001: [A.6.2.7, A.8.2]
roles: [provider]
risk-classes: [gpai, gpai-systemic]
checks:
  - template: present
    property: gpai-documentation
    cites: [art_53.par_1.pt_a]
    requires: providers of general-purpose AI models draw up and keep up to date the technical documentation of the model
  - template: present
    property: copyright-policy
    cites: [art_53.par_1.pt_c]
    requires: providers of general-purpose AI models put in place a policy to comply with Union law on copyright and related rights
examples:
  triggering:
    - clause: art_53.par_1.pt_a
    - clause: art_53.par_1.pt_c
  non-triggering:
    - clause: art_53.par_1.pt_d    # public training-content summary: not covered by this control
    - clause: art_53.par_2
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_53.par_1.pt_a: 0101b7b55177edc152a905f7efe578bcf5b25eea55bc506443806fb66ac4c32c
  art_53.par_1.pt_c: 7d752ee5f417a5e58dd6a2078d6d8505e961d75421b8a87eae639153bd0e4db6

"""###
    ),
    (
      "ai-act/art-72-post-market-monitoring.yaml",
      ###"""
id: ai-act.art-72.post-market-monitoring
title: Post-market monitoring plan referenced
description: >-
  Article 72(1) requires providers to establish and document a post-market monitoring system,
  based on a post-market monitoring plan (Article 72(3)).
requires: providers establish and document a post-market monitoring system based on a post-market monitoring plan
instrument: 32024R1689
match:
  clauses: [art_72.par_1, art_72.par_3]
  modalities: [obligation]
  addressees: [provider, none]
  terms: [post-market monitoring]
also:   # the same control implements these subcategories when the AI RMF Playbook is read too
  - instrument: NIST.AI.100-1.Playbook
    match:
      clauses: [sbc_manage-4-1, sbc_measure-3-1]
      modalities: [recommendation]
      terms: [monitor, track]
control: AIA-72
crosswalk:
  nist-ai-rmf: [MANAGE 4.1, MEASURE 3.1]
  iso-42001: [A.6.2.6]
roles: [provider]
risk-classes: [high-risk]
checks:
  - template: present
    property: post-market-monitoring-plan
    cites: [art_72.par_3]
    requires: the post-market monitoring system is based on a post-market monitoring plan
examples:
  triggering:
    - clause: art_72.par_1
    - clause: art_72.par_3
  non-triggering:
    - clause: art_72.par_2
    - clause: art_72.par_1
      text: The Commission shall adopt an implementing act on the template.
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_72.par_3: 13d6895ad74b3c52b359a4fe29adfa2ca64733e72663e223d1d4be6e6a4c01b9

"""###
    ),
    (
      "ai-act/art-73-serious-incidents.yaml",
      ###"""
id: ai-act.art-73.serious-incident-contact
title: Serious-incident contact declared
description: >-
  Article 73(1) requires providers of high-risk AI systems to report any serious incident to the
  market surveillance authorities. Workloads name the e-mail address incident reports go to.
requires: providers of high-risk AI systems report any serious incident to the market surveillance authorities
instrument: 32024R1689
match:
  clauses: [art_73.par_1, art_73.par_2]
  modalities: [obligation]
  addressees: [provider, none]
also:   # the same control implements these subcategories when the AI RMF Playbook is read too
  - instrument: NIST.AI.100-1.Playbook
    match:
      clauses: [sbc_manage-4-3]
      modalities: [recommendation]
      terms: [incident]
control: AIA-73
crosswalk:
  nist-ai-rmf: [GOVERN 4.3, MANAGE 4.3]
  iso-42001: [A.8.4]
roles: [provider]
risk-classes: [high-risk]
checks:
  - template: matches
    property: incident-contact
    pattern: "^[^@ ]+@[^@ ]+\\.[^@ ]+$"
    example: ai-incidents@example.com
    cites: [art_73.par_1]
examples:
  triggering:
    - clause: art_73.par_1
    - clause: art_73.par_2
  non-triggering:
    - clause: art_73.par_7         # market surveillance authorities inform; the Commission guides
    - clause: art_73.par_11
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_73.par_1: 909b88c3f334c0798bda72c5df9e57aec2aa0d519eaf4d1f667be262d969359f

"""###
    ),
    (
      "crosswalks/ai-act--iso-42001.yaml",
      ###"""
# Typed crosswalk links (README "Crosswalks"; read by `regpolicy crosswalk`).
#
# Each link joins two endpoints, written `FRAMEWORK:ID` in one canonical form:
#   ai-act:art_12.par_1        EU AI Act, Regulation (EU) 2024/1689 (CELEX 32024R1689): a pinpoint ID
#   nist-ai-rmf:sbc_measure-2-4  NIST AI RMF 1.0 subcategory as the Playbook JSON's pinpoint ID
#                              ("MEASURE 2.4" is accepted in queries, never in these files)
#   iso-42001:A.6.2.8          ISO/IEC 42001:2023 clause or Annex A control, from iso-42001.yaml
#                              (checked against that list: the standard's text is not in the corpus)
#   sp800-53:ctl_au-11         NIST SP 800-53 rev. 5 control as the OSCAL catalog's pinpoint ID
#                              ("AU-11" is accepted in queries)
#   regpolicy:FINOPS-GPU       a control regpolicy generates (for rules that cite no clause)
#
# Relationship types are NIST OLIR's (NISTIR 8278A). A link reads from `from` to `to`:
#   "FROM is RELATIONSHIP TO". So
#   equal            FROM and TO require the same thing;
#   subset-of        everything FROM requires is also required by TO, and TO requires more;
#   superset-of      FROM requires everything TO requires, and more;
#   intersects-with  they share some requirements and each has requirements the other lacks;
#   related-to       they concern the same subject but their requirements cannot be compared
#                    (different purpose, level or nature: a legal duty beside a voluntary outcome,
#                    a system property beside an organisational process).
# Read from TO's side, subset-of becomes superset-of and the reverse; the others read the same.
# `rationale` is one line saying why, from reading both texts. Be sparing with `equal`.
#
# ISO/IEC 42001 rationales rest on the analyst's reading of the standard, which is not in the
# corpus (see iso-42001.yaml).
links:
  - from: ai-act:art_5.par_1
    to: iso-42001:A.9.4
    relationship: related-to
    rationale: A.9.4 keeps use of a system to its intended uses; Article 5(1) forbids certain uses outright, whatever a system's intended use.
  - from: ai-act:art_9.par_1
    to: iso-42001:8.2
    relationship: intersects-with
    rationale: Both require risk assessment to be carried out and documented in operation; Article 9(1) per high-risk system for health, safety and rights, clause 8.2 at planned intervals for the organisation's AI risks.
  - from: ai-act:art_9.par_1
    to: iso-42001:8.3
    relationship: intersects-with
    rationale: Both implement and document the treatment of identified risks; Article 9 adds the lifecycle scope and the residual-risk judgement of 9(5).
  - from: ai-act:art_9.par_2
    to: iso-42001:6.1.2
    relationship: intersects-with
    rationale: Both identify, analyse and evaluate risks (Article 9(2)(a)-(c)); clause 6.1.2 against the organisation's AI objectives and criteria, Article 9 against health, safety and fundamental rights.
  - from: ai-act:art_9.par_2
    to: iso-42001:6.1.3
    relationship: intersects-with
    rationale: Article 9(2)(d) adopts measures for the identified risks; clause 6.1.3 selects risk-treatment options and controls, compared against Annex A.
  - from: ai-act:art_10.par_2
    to: iso-42001:A.7.2
    relationship: intersects-with
    rationale: Both require defined data-management practices for data used to develop the system; Article 10(2) lists the practices (bias, gaps, assumptions) it must cover.
  - from: ai-act:art_10.par_2.pt_b
    to: iso-42001:A.7.5
    relationship: intersects-with
    rationale: Both record where data comes from; Article 10(2)(b) also covers collection processes and the original purpose of personal data.
  - from: ai-act:art_10.par_2.pt_b
    to: iso-42001:A.7.3
    relationship: intersects-with
    rationale: A.7.3 covers how data is acquired and selected; Article 10(2)(b) requires governance of the collection processes.
  - from: ai-act:art_10.par_3
    to: iso-42001:A.7.4
    relationship: intersects-with
    rationale: Both set quality requirements for data; Article 10(3) fixes them (relevant, representative, free of errors, complete), A.7.4 leaves them to the organisation.
  - from: ai-act:art_11.par_1
    to: iso-42001:A.6.2.7
    relationship: intersects-with
    rationale: Both require technical documentation of the system; Article 11 fixes its content (Annex IV), that it exist before placing on the market and be kept up to date.
  - from: ai-act:art_12.par_1
    to: iso-42001:A.6.2.8
    relationship: intersects-with
    rationale: Both require event logs; Article 12(1) makes automatic recording a design property for the whole lifetime, A.6.2.8 lets the organisation choose the lifecycle phases (at least in use).
  - from: ai-act:art_19.par_1
    to: iso-42001:A.6.2.8
    relationship: related-to
    rationale: Article 19(1) sets how long providers keep the logs (at least six months); A.6.2.8 concerns recording logs and sets no retention period.
  - from: ai-act:art_26.par_6
    to: iso-42001:A.6.2.8
    relationship: related-to
    rationale: Article 26(6) sets how long deployers keep the logs (at least six months); A.6.2.8 concerns recording logs and sets no retention period.
  - from: ai-act:art_13.par_2
    to: iso-42001:A.8.2
    relationship: intersects-with
    rationale: Both require information for those who use the system; Article 13 fixes the form (instructions for use) and, in 13(3), the minimum content.
  - from: ai-act:art_13.par_3
    to: iso-42001:A.8.2
    relationship: intersects-with
    rationale: A.8.2 provides users with documentation of the system; Article 13(3) lists what the instructions must contain at least.
  - from: ai-act:art_14.par_1
    to: iso-42001:A.9.2
    relationship: related-to
    rationale: A.9.2 defines processes for responsible use, where human oversight belongs; Article 14(1) is a design requirement that the system can be overseen.
  - from: ai-act:art_14.par_4
    to: iso-42001:A.9.2
    relationship: related-to
    rationale: The capabilities Article 14(4) gives the overseer (monitor, interpret, override, stop) are what responsible-use processes under A.9.2 would rely on.
  - from: ai-act:art_15.par_1
    to: iso-42001:A.6.2.4
    relationship: related-to
    rationale: A.6.2.4 defines verification and validation measures and criteria; Article 15(1) sets levels of accuracy, robustness and cybersecurity that such validation would show.
  - from: ai-act:art_15.par_3
    to: iso-42001:A.8.2
    relationship: related-to
    rationale: Article 15(3) puts accuracy levels and metrics in the instructions for use, part of the user information A.8.2 covers.
  - from: ai-act:art_17.par_1
    to: iso-42001:4.4
    relationship: intersects-with
    rationale: Both require a documented management system of policies and processes; Article 17(1) lists the aspects the QMS must include and aims it at compliance with the Regulation.
  - from: ai-act:art_16.pt_c
    to: iso-42001:4.4
    relationship: related-to
    rationale: Article 16(c) makes having an Article 17 QMS a provider's duty; clause 4.4 establishes an AI management system, which may serve as part of one.
  - from: ai-act:art_26.par_2
    to: iso-42001:A.9.2
    relationship: related-to
    rationale: Assigning oversight to competent persons (Article 26(2)) is part of the responsible-use processes A.9.2 asks a deployer to define.
  - from: ai-act:art_26.par_5
    to: iso-42001:A.6.2.6
    relationship: intersects-with
    rationale: Both monitor the system in operation; Article 26(5) also makes the deployer inform provider and authorities and suspend use on a risk.
  - from: ai-act:art_27.par_1
    to: iso-42001:6.1.4
    relationship: intersects-with
    rationale: Both assess the impact of a system on people before and during use; Article 27(1) fixes the content (processes, period, persons, risks, oversight, remedies) and who must do it.
  - from: ai-act:art_27.par_1
    to: iso-42001:A.5.2
    relationship: intersects-with
    rationale: A.5.2 sets up a process for AI system impact assessment; Article 27(1) requires a fundamental-rights impact assessment before deployment.
  - from: ai-act:art_27.par_1
    to: iso-42001:A.5.4
    relationship: intersects-with
    rationale: Both assess impacts on individuals and groups; Article 27(1)(c)-(d) names the categories affected and the specific risks of harm to them.
  - from: ai-act:art_50.par_1
    to: iso-42001:A.8.2
    relationship: related-to
    rationale: A.8.2 informs users about the system through documentation; Article 50(1) requires that people be told, at the interaction, that they deal with an AI system.
  - from: ai-act:art_53.par_1.pt_a
    to: iso-42001:A.6.2.7
    relationship: intersects-with
    rationale: Both require technical documentation; Article 53(1)(a) fixes its content for a general-purpose model (Annex XI) and its audience (AI Office, authorities).
  - from: ai-act:art_53.par_1.pt_b
    to: iso-42001:A.8.2
    relationship: related-to
    rationale: Article 53(1)(b) gives downstream providers documentation of the model (Annex XII); A.8.2 is the documentation an organisation gives users of its system.
  - from: ai-act:art_72.par_1
    to: iso-42001:A.6.2.6
    relationship: intersects-with
    rationale: Both monitor the system once in use; Article 72(1) requires a documented post-market system collecting data over the lifetime and feeding risk management.
  - from: ai-act:art_73.par_1
    to: iso-42001:A.8.4
    relationship: related-to
    rationale: A.8.4 plans how incidents are communicated to users; Article 73(1) reports serious incidents to market surveillance authorities.

"""###
    ),
    (
      "crosswalks/ai-act--nist-ai-rmf.yaml",
      ###"""
# Typed crosswalk links (README "Crosswalks"; read by `regpolicy crosswalk`).
#
# Each link joins two endpoints, written `FRAMEWORK:ID` in one canonical form:
#   ai-act:art_12.par_1        EU AI Act, Regulation (EU) 2024/1689 (CELEX 32024R1689): a pinpoint ID
#   nist-ai-rmf:sbc_measure-2-4  NIST AI RMF 1.0 subcategory as the Playbook JSON's pinpoint ID
#                              ("MEASURE 2.4" is accepted in queries, never in these files)
#   iso-42001:A.6.2.8          ISO/IEC 42001:2023 clause or Annex A control, from iso-42001.yaml
#                              (checked against that list: the standard's text is not in the corpus)
#   sp800-53:ctl_au-11         NIST SP 800-53 rev. 5 control as the OSCAL catalog's pinpoint ID
#                              ("AU-11" is accepted in queries)
#   regpolicy:FINOPS-GPU       a control regpolicy generates (for rules that cite no clause)
#
# Relationship types are NIST OLIR's (NISTIR 8278A). A link reads from `from` to `to`:
#   "FROM is RELATIONSHIP TO". So
#   equal            FROM and TO require the same thing;
#   subset-of        everything FROM requires is also required by TO, and TO requires more;
#   superset-of      FROM requires everything TO requires, and more;
#   intersects-with  they share some requirements and each has requirements the other lacks;
#   related-to       they concern the same subject but their requirements cannot be compared
#                    (different purpose, level or nature: a legal duty beside a voluntary outcome,
#                    a system property beside an organisational process).
# Read from TO's side, subset-of becomes superset-of and the reverse; the others read the same.
# `rationale` is one line saying why, from reading both texts. Be sparing with `equal`.
links:
  # Article 5(1): prohibited practices (AIA-05)
  - from: ai-act:art_5.par_1
    to: nist-ai-rmf:sbc_govern-1-1
    relationship: related-to
    rationale: GOVERN 1.1 asks that legal requirements on AI be understood and documented; Article 5(1) is such a requirement, a ban that GOVERN 1.1 does not itself impose.
  - from: ai-act:art_5.par_1
    to: nist-ai-rmf:sbc_map-1-1
    relationship: related-to
    rationale: Knowing a system's intended purpose and context-specific laws (MAP 1.1) is how an organisation sees that a use falls under a prohibited practice; MAP 1.1 prohibits nothing.
  # Article 9: risk-management system (AIA-09)
  - from: ai-act:art_9.par_1
    to: nist-ai-rmf:sbc_govern-1-4
    relationship: intersects-with
    rationale: Both require an established, documented risk-management process; Article 9 one per high-risk system over its lifecycle, GOVERN 1.4 an organisational one set through transparent policies.
  - from: ai-act:art_9.par_1
    to: nist-ai-rmf:sbc_govern-1-3
    relationship: related-to
    rationale: GOVERN 1.3 sizes risk-management activity to the organisation's risk tolerance; Article 9 requires a risk-management system whatever that tolerance, so they touch but do not overlap in content.
  - from: ai-act:art_9.par_2
    to: nist-ai-rmf:sbc_map-5-1
    relationship: intersects-with
    rationale: Article 9(2)(a)-(b) identify, estimate and evaluate the risks to health, safety and fundamental rights; MAP 5.1 identifies and documents the likelihood and magnitude of each impact, beneficial ones too.
  - from: ai-act:art_9.par_2
    to: nist-ai-rmf:sbc_manage-1-3
    relationship: intersects-with
    rationale: Article 9(2)(d) adopts targeted measures against the identified risks; MANAGE 1.3 develops and documents responses to high-priority risks, including transfer or acceptance, which Article 9 limits.
  - from: ai-act:art_9.par_2
    to: nist-ai-rmf:sbc_govern-1-5
    relationship: intersects-with
    rationale: Article 9(2) makes risk management a continuous process with regular systematic review and updating; GOVERN 1.5 plans ongoing monitoring and periodic review of the process and its outcomes.
  # Article 10: data and data governance (AIA-10)
  - from: ai-act:art_10.par_2
    to: nist-ai-rmf:sbc_map-2-3
    relationship: intersects-with
    rationale: Both cover design choices, data collection and selection and suitability of data; Article 10(2) adds data preparation, bias examination and gaps, MAP 2.3 experimental design and construct validation.
  - from: ai-act:art_10.par_2
    to: nist-ai-rmf:sbc_measure-2-11
    relationship: intersects-with
    rationale: Article 10(2)(f)-(g) examine data sets for biases and take measures against them; MEASURE 2.11 evaluates fairness and bias of the system as a whole, not of its data alone.
  - from: ai-act:art_10.par_2
    to: nist-ai-rmf:sbc_measure-2-1
    relationship: related-to
    rationale: MEASURE 2.1 documents the test sets, metrics and tools of TEVV; Article 10(2) governs training, validation and testing sets but asks for governance practices, not that documentation.
  - from: ai-act:art_10.par_3
    to: nist-ai-rmf:sbc_map-2-3
    relationship: intersects-with
    rationale: MAP 2.3 names data representativeness and suitability among the considerations to identify; Article 10(3) requires data sets to be relevant, representative, free of errors and complete.
  # Article 11: technical documentation (AIA-11)
  - from: ai-act:art_11.par_1
    to: nist-ai-rmf:sbc_map-2-2
    relationship: intersects-with
    rationale: Annex IV documentation includes the system's limitations and human-oversight measures, which MAP 2.2 asks to document; Article 11 also fixes the content, timing and upkeep.
  - from: ai-act:art_11.par_1
    to: nist-ai-rmf:sbc_measure-2-9
    relationship: related-to
    rationale: MEASURE 2.9 documents and validates the model and explains its output; the technical documentation records the validation and testing but Article 11 does not require explanation.
  # Articles 12, 19 and 26(6): logs (AIA-12)
  - from: ai-act:art_12.par_1
    to: nist-ai-rmf:sbc_measure-2-4
    relationship: related-to
    rationale: Article 12(2)(b)-(c) give logging the purpose of monitoring in production, which MEASURE 2.4 requires; MEASURE 2.4 does not require the system to record events.
  - from: ai-act:art_12.par_1
    to: nist-ai-rmf:sbc_manage-4-1
    relationship: related-to
    rationale: Logs feed the post-deployment monitoring plans of MANAGE 4.1 (incident response, recovery); MANAGE 4.1 says nothing of automatic event recording.
  # Article 13: instructions for use (AIA-13)
  - from: ai-act:art_13.par_3
    to: nist-ai-rmf:sbc_map-2-2
    relationship: intersects-with
    rationale: Both document limits of the system and how its output is used and overseen by humans for those who use it; Article 13(3) lists more content (provider, accuracy, logs, maintenance).
  - from: ai-act:art_13.par_3
    to: nist-ai-rmf:sbc_measure-2-9
    relationship: related-to
    rationale: Article 13(3)(b)(vii) gives deployers information to interpret the output; MEASURE 2.9 explains the model and interprets its output in context, a wider evaluation activity.
  - from: ai-act:art_13.par_2
    to: nist-ai-rmf:sbc_map-2-2
    relationship: related-to
    rationale: Article 13(2) requires instructions that are concise, complete, correct and clear for deployers; MAP 2.2 requires documentation sufficient for AI actors' decisions, without a form or audience rule.
  # Article 14: human oversight by design (AIA-14)
  - from: ai-act:art_14.par_1
    to: nist-ai-rmf:sbc_map-3-5
    relationship: intersects-with
    rationale: Both concern human oversight of the system; Article 14(1) makes the system overseeable by design, MAP 3.5 defines, assesses and documents the oversight processes.
  - from: ai-act:art_14.par_1
    to: nist-ai-rmf:sbc_govern-3-2
    relationship: related-to
    rationale: GOVERN 3.2 sets organisational policies on roles in human-AI configurations and oversight; Article 14(1) is a design requirement on the system itself.
  - from: ai-act:art_14.par_4
    to: nist-ai-rmf:sbc_manage-2-4
    relationship: intersects-with
    rationale: Article 14(4)(d)-(e) let the overseer disregard or override the output and stop the system; MANAGE 2.4 requires mechanisms to supersede, disengage or deactivate it; 14(4) also covers understanding and automation bias.
  # Article 15: accuracy, robustness and cybersecurity (AIA-15)
  - from: ai-act:art_15.par_1
    to: nist-ai-rmf:sbc_measure-2-5
    relationship: intersects-with
    rationale: Article 15(1) requires an appropriate level of accuracy and robustness, consistently over the lifecycle; MEASURE 2.5 demonstrates validity and reliability and documents limits of generalisation.
  - from: ai-act:art_15.par_3
    to: nist-ai-rmf:sbc_measure-2-3
    relationship: intersects-with
    rationale: Both require measured and documented performance; Article 15(3) declares the accuracy levels and metrics in the instructions, MEASURE 2.3 measures performance in conditions like deployment.
  - from: ai-act:art_15.par_4
    to: nist-ai-rmf:sbc_measure-2-7
    relationship: intersects-with
    rationale: Article 15(4) requires resilience to errors, faults and inconsistencies; MEASURE 2.7 evaluates and documents security and resilience, an evaluation rather than a level to reach.
  # Articles 16(c) and 17: quality-management system (AIA-17)
  - from: ai-act:art_17.par_1
    to: nist-ai-rmf:sbc_govern-1-4
    relationship: intersects-with
    rationale: Article 17(1) requires written policies, procedures and instructions that include the risk-management system; GOVERN 1.4 establishes the risk-management process through transparent policies and procedures.
  - from: ai-act:art_17.par_1
    to: nist-ai-rmf:sbc_govern-1-2
    relationship: related-to
    rationale: GOVERN 1.2 builds trustworthy-AI characteristics into organisational policies and procedures; the QMS of Article 17 is such a body of policies, aimed at compliance with the Regulation.
  - from: ai-act:art_16.pt_c
    to: nist-ai-rmf:sbc_govern-1-4
    relationship: related-to
    rationale: Article 16(c) requires providers to have an Article 17 QMS, whose written procedures include the risk-management process GOVERN 1.4 establishes.
  # Article 26: deployers (AIA-26)
  - from: ai-act:art_26.par_2
    to: nist-ai-rmf:sbc_govern-3-2
    relationship: intersects-with
    rationale: Both settle who oversees the system; Article 26(2) assigns oversight to persons with competence, training, authority and support, GOVERN 3.2 defines roles for oversight in policies.
  - from: ai-act:art_26.par_5
    to: nist-ai-rmf:sbc_measure-2-4
    relationship: intersects-with
    rationale: Both monitor the system in operation; Article 26(5) also makes the deployer inform the provider and authorities and suspend use when it sees a risk.
  - from: ai-act:art_26.par_5
    to: nist-ai-rmf:sbc_manage-4-1
    relationship: intersects-with
    rationale: MANAGE 4.1 implements post-deployment monitoring with incident response and deactivation; Article 26(5) is the deployer's monitoring, with informing and suspension duties.
  # Article 27: fundamental-rights impact assessment (AIA-27)
  - from: ai-act:art_27.par_1
    to: nist-ai-rmf:sbc_map-1-1
    relationship: intersects-with
    rationale: Both document the intended purpose, the setting of use and who is affected (Article 27(1)(a)-(c)); MAP 1.1 covers beneficial uses and wider impacts too, Article 27 oversight and remedies.
  - from: ai-act:art_27.par_1
    to: nist-ai-rmf:sbc_map-5-1
    relationship: intersects-with
    rationale: Article 27(1)(d) identifies the specific risks of harm to the persons affected; MAP 5.1 identifies the likelihood and magnitude of each impact.
  # Article 49: registration (AIA-49)
  - from: ai-act:art_49.par_1
    to: nist-ai-rmf:sbc_govern-1-6
    relationship: related-to
    rationale: GOVERN 1.6 keeps an internal inventory of AI systems; Article 49(1) registers the provider and the system in the public EU database, a different register for another purpose.
  - from: ai-act:art_49.par_3
    to: nist-ai-rmf:sbc_govern-1-6
    relationship: related-to
    rationale: Article 49(3) has public-authority deployers register their use in the EU database; GOVERN 1.6 is an organisation's own inventory.
  # Article 50: transparency (AIA-50)
  - from: ai-act:art_50.par_1
    to: nist-ai-rmf:sbc_measure-2-8
    relationship: related-to
    rationale: MEASURE 2.8 examines and documents transparency risks; Article 50(1) requires that people be told they interact with an AI system.
  - from: ai-act:art_50.par_2
    to: nist-ai-rmf:sbc_measure-2-8
    relationship: related-to
    rationale: Marking synthetic output as machine-readable and detectable (Article 50(2)) addresses a transparency risk of the kind MEASURE 2.8 examines; MEASURE 2.8 requires no marking.
  # Article 53: general-purpose AI models (AIA-53)
  - from: ai-act:art_53.par_1.pt_a
    to: nist-ai-rmf:sbc_measure-2-1
    relationship: intersects-with
    rationale: Article 53(1)(a) documents the model's training and testing process and evaluation results (Annex XI); MEASURE 2.1 documents TEVV test sets, metrics and tools.
  - from: ai-act:art_53.par_1.pt_b
    to: nist-ai-rmf:sbc_map-2-2
    relationship: intersects-with
    rationale: Both give those who build on or use the system information about its capabilities and limits; Article 53(1)(b) addresses downstream providers with Annex XII's content.
  - from: ai-act:art_53.par_1.pt_c
    to: nist-ai-rmf:sbc_govern-6-1
    relationship: intersects-with
    rationale: Both require a policy on infringing others' intellectual property; Article 53(1)(c) is about copyright and text-and-data-mining opt-outs, GOVERN 6.1 about third-party risks generally.
  - from: ai-act:art_53.par_1.pt_c
    to: nist-ai-rmf:sbc_map-4-1
    relationship: intersects-with
    rationale: MAP 4.1 maps legal risks of components including third-party data and IP infringement; Article 53(1)(c) requires a policy to comply with copyright, honouring rights reservations.
  # Article 72: post-market monitoring (AIA-72)
  - from: ai-act:art_72.par_1
    to: nist-ai-rmf:sbc_manage-4-1
    relationship: intersects-with
    rationale: Both require post-deployment monitoring to be established and documented; Article 72 sizes it to the risks and feeds Article 9, MANAGE 4.1 adds appeal, override and change management.
  - from: ai-act:art_72.par_1
    to: nist-ai-rmf:sbc_measure-3-1
    relationship: intersects-with
    rationale: MEASURE 3.1 puts approaches, personnel and documentation in place to track risks from performance in deployed contexts, which is what the post-market monitoring system does.
  - from: ai-act:art_72.par_3
    to: nist-ai-rmf:sbc_manage-4-1
    relationship: intersects-with
    rationale: Article 72(3) bases monitoring on a plan in the technical documentation; MANAGE 4.1 implements post-deployment monitoring plans.
  # Article 73: serious incidents (AIA-73)
  - from: ai-act:art_73.par_1
    to: nist-ai-rmf:sbc_manage-4-3
    relationship: intersects-with
    rationale: Both communicate incidents outward; Article 73(1) reports serious incidents to market surveillance authorities, MANAGE 4.3 to relevant AI actors and affected communities, with tracking and recovery.
  - from: ai-act:art_73.par_1
    to: nist-ai-rmf:sbc_govern-4-3
    relationship: related-to
    rationale: GOVERN 4.3 puts in place practices for identifying incidents and sharing information, which a reporting duty like Article 73(1) relies on.
  - from: ai-act:art_73.par_2
    to: nist-ai-rmf:sbc_manage-4-3
    relationship: related-to
    rationale: Article 73(2) sets when the report is due (immediately, at most 15 days); MANAGE 4.3 sets no deadline.

"""###
    ),
    (
      "crosswalks/ai-act--sp800-53.yaml",
      ###"""
# Typed crosswalk links (README "Crosswalks"; read by `regpolicy crosswalk`).
#
# Each link joins two endpoints, written `FRAMEWORK:ID` in one canonical form:
#   ai-act:art_12.par_1        EU AI Act, Regulation (EU) 2024/1689 (CELEX 32024R1689): a pinpoint ID
#   nist-ai-rmf:sbc_measure-2-4  NIST AI RMF 1.0 subcategory as the Playbook JSON's pinpoint ID
#                              ("MEASURE 2.4" is accepted in queries, never in these files)
#   iso-42001:A.6.2.8          ISO/IEC 42001:2023 clause or Annex A control, from iso-42001.yaml
#                              (checked against that list: the standard's text is not in the corpus)
#   sp800-53:ctl_au-11         NIST SP 800-53 rev. 5 control as the OSCAL catalog's pinpoint ID
#                              ("AU-11" is accepted in queries)
#   regpolicy:FINOPS-GPU       a control regpolicy generates (for rules that cite no clause)
#
# Relationship types are NIST OLIR's (NISTIR 8278A). A link reads from `from` to `to`:
#   "FROM is RELATIONSHIP TO". So
#   equal            FROM and TO require the same thing;
#   subset-of        everything FROM requires is also required by TO, and TO requires more;
#   superset-of      FROM requires everything TO requires, and more;
#   intersects-with  they share some requirements and each has requirements the other lacks;
#   related-to       they concern the same subject but their requirements cannot be compared
#                    (different purpose, level or nature: a legal duty beside a voluntary outcome,
#                    a system property beside an organisational process).
# Read from TO's side, subset-of becomes superset-of and the reverse; the others read the same.
# `rationale` is one line saying why, from reading both texts. Be sparing with `equal`.
links:
  - from: ai-act:art_9.par_2
    to: sp800-53:ctl_ra-3
    relationship: intersects-with
    rationale: Both identify risks, estimate likelihood and harm, and review and update the assessment; RA-3 for security and privacy, Article 9(2) for health, safety and fundamental rights.
  - from: ai-act:art_9.par_1
    to: sp800-53:ctl_pm-9
    relationship: related-to
    rationale: PM-9 is an organisation-wide strategy for security and privacy risk; Article 9(1) a risk-management system per high-risk AI system.
  - from: ai-act:art_10.par_2.pt_b
    to: sp800-53:ctl_sr-4
    relationship: intersects-with
    rationale: Both document the origin of data; SR-4 maintains provenance of components and associated data for the supply chain, Article 10(2)(b) also the collection process and original purpose.
  - from: ai-act:art_11.par_1
    to: sp800-53:ctl_sa-5
    relationship: related-to
    rationale: SA-5 documents secure configuration, operation and use; the Annex IV technical documentation describes the AI system's design, data, testing and risk management.
  - from: ai-act:art_12.par_1
    to: sp800-53:ctl_au-12
    relationship: intersects-with
    rationale: Both require the system to generate records of events; AU-12 for the event types selected under AU-2 for audit, Article 12 over the whole lifetime for risk and monitoring purposes (12(2)).
  - from: ai-act:art_19.par_1
    to: sp800-53:ctl_au-11
    relationship: intersects-with
    rationale: Both require records to be kept for a period; AU-11 leaves it to the organisation, Article 19(1) makes it at least six months and fit to the intended purpose, for logs under the provider's control.
  - from: ai-act:art_26.par_6
    to: sp800-53:ctl_au-11
    relationship: intersects-with
    rationale: Both require records to be kept for a period; AU-11 leaves it to the organisation, Article 26(6) makes it at least six months for the deployer's logs.
  - from: ai-act:art_13.par_2
    to: sp800-53:ctl_sa-5
    relationship: related-to
    rationale: SA-5(b) gives users documentation of security and privacy functions; Article 13 instructions inform deployers of the system's characteristics, capabilities and limits.
  - from: ai-act:art_15.par_1
    to: sp800-53:ctl_sa-11
    relationship: related-to
    rationale: SA-11 requires developer testing and evaluation with evidence; Article 15(1) sets accuracy, robustness and cybersecurity levels that such testing would show.
  - from: ai-act:art_26.par_5
    to: sp800-53:ctl_ca-7
    relationship: related-to
    rationale: CA-7 monitors security and privacy controls and metrics continuously; Article 26(5) monitors the AI system's operation against its instructions, with duties to inform and suspend.
  - from: ai-act:art_27.par_1
    to: sp800-53:ctl_ra-8
    relationship: related-to
    rationale: Both are impact assessments before use; RA-8 of the processing of personally identifiable information, Article 27(1) of the system's use on fundamental rights.
  - from: ai-act:art_49.par_1
    to: sp800-53:ctl_pm-5
    relationship: related-to
    rationale: PM-5 keeps an internal inventory of systems; Article 49(1) registers the system in the public EU database.
  - from: ai-act:art_49.par_3
    to: sp800-53:ctl_pm-5
    relationship: related-to
    rationale: PM-5 keeps an internal inventory of systems; Article 49(3) registers a public authority's use of the system in the EU database.
  - from: ai-act:art_50.par_1
    to: sp800-53:ctl_pt-5
    relationship: related-to
    rationale: Both inform individuals; PT-5 about the processing of their personal information, Article 50(1) that they are interacting with an AI system.
  - from: ai-act:art_72.par_1
    to: sp800-53:ctl_ca-7
    relationship: related-to
    rationale: CA-7 is continuous monitoring of controls and security status; Article 72(1) monitors the AI system's performance on the market to feed risk management.
  - from: ai-act:art_73.par_1
    to: sp800-53:ctl_ir-6
    relationship: intersects-with
    rationale: Both report incidents to authorities; IR-6(b) to organisation-defined authorities, Article 73(1) serious incidents to the market surveillance authorities where they occurred.
  - from: ai-act:art_73.par_2
    to: sp800-53:ctl_ir-6
    relationship: intersects-with
    rationale: Both set when an incident must be reported; IR-6(a) within an organisation-defined period, Article 73(2) immediately and at most 15 days after awareness.

"""###
    ),
    (
      "crosswalks/finops.yaml",
      ###"""
# Typed crosswalk links (README "Crosswalks"; read by `regpolicy crosswalk`).
#
# Each link joins two endpoints, written `FRAMEWORK:ID` in one canonical form:
#   ai-act:art_12.par_1        EU AI Act, Regulation (EU) 2024/1689 (CELEX 32024R1689): a pinpoint ID
#   nist-ai-rmf:sbc_measure-2-4  NIST AI RMF 1.0 subcategory as the Playbook JSON's pinpoint ID
#                              ("MEASURE 2.4" is accepted in queries, never in these files)
#   iso-42001:A.6.2.8          ISO/IEC 42001:2023 clause or Annex A control, from iso-42001.yaml
#                              (checked against that list: the standard's text is not in the corpus)
#   sp800-53:ctl_au-11         NIST SP 800-53 rev. 5 control as the OSCAL catalog's pinpoint ID
#                              ("AU-11" is accepted in queries)
#   regpolicy:FINOPS-GPU       a control regpolicy generates (for rules that cite no clause)
#
# Relationship types are NIST OLIR's (NISTIR 8278A). A link reads from `from` to `to`:
#   "FROM is RELATIONSHIP TO". So
#   equal            FROM and TO require the same thing;
#   subset-of        everything FROM requires is also required by TO, and TO requires more;
#   superset-of      FROM requires everything TO requires, and more;
#   intersects-with  they share some requirements and each has requirements the other lacks;
#   related-to       they concern the same subject but their requirements cannot be compared
#                    (different purpose, level or nature: a legal duty beside a voluntary outcome,
#                    a system property beside an organisational process).
# Read from TO's side, subset-of becomes superset-of and the reverse; the others read the same.
# `rationale` is one line saying why, from reading both texts. Be sparing with `equal`.
#
# The FinOps guardrails cite no clause of any instrument: their links start at the regpolicy control.
links:
  - from: regpolicy:FINOPS-LABELS
    to: sp800-53:ctl_cm-8
    relationship: related-to
    rationale: CM-8(a)(5) records in the component inventory the information needed for accountability; the cost-centre, workload-id and owner labels carry such information on each workload.
  - from: regpolicy:FINOPS-LABELS
    to: nist-ai-rmf:sbc_govern-1-6
    relationship: related-to
    rationale: GOVERN 1.6 keeps an inventory of AI systems; owner and workload-id labels make running workloads attributable to it.
  - from: regpolicy:FINOPS-GPU
    to: sp800-53:ctl_sc-6
    relationship: intersects-with
    rationale: Both allocate resources by quota; SC-6 to protect their availability, the GPU budget classes to bound what a workload may request and so its cost.
  - from: regpolicy:FINOPS-GPU
    to: nist-ai-rmf:sbc_measure-2-12
    relationship: related-to
    rationale: MEASURE 2.12 assesses the environmental impact of AI training and management activities; a GPU budget bounds the compute behind that impact but measures nothing.

"""###
    ),
    (
      "crosswalks/iso-42001.yaml",
      ###"""
# ISO/IEC 42001:2023 (Information technology — Artificial intelligence — Management system): the
# identifiers and short titles of its management-system clauses (4–10) and of its Annex A reference
# controls (A.2.2 … A.10.4), and nothing else. "(operation)" is added here to tell clauses 8.2–8.4
# from 6.1.2–6.1.4, which bear the same titles in the standard.
#
# Why a list: the standard is copyrighted and sold by ISO, so its text is not in the corpus. The
# identifiers and titles are public — ISO's own catalogue page and table of contents
# (https://www.iso.org/standard/81230.html) and many published crosswalks list them — and are what
# a crosswalk needs to name an endpoint. No requirement or guidance text of the standard is stored.
#
# What this means for the crosswalks: an `iso-42001:` endpoint is checked against this list (it
# must be an identifier below), not against an ingested text as the AI Act, AI RMF and SP 800-53
# endpoints are; and a rationale that involves ISO/IEC 42001 rests on the analyst's reading of the
# standard, which a reader without it cannot verify from this repository.
iso-42001:
  # Management-system clauses (normative, "shall").
  "4.1": Understanding the organization and its context
  "4.2": Understanding the needs and expectations of interested parties
  "4.3": Determining the scope of the AI management system
  "4.4": AI management system
  "5.1": Leadership and commitment
  "5.2": AI policy
  "5.3": Roles, responsibilities and authorities
  "6.1.1": Actions to address risks and opportunities — general
  "6.1.2": AI risk assessment
  "6.1.3": AI risk treatment
  "6.1.4": AI system impact assessment
  "6.2": AI objectives and planning to achieve them
  "6.3": Planning of changes
  "7.1": Resources
  "7.2": Competence
  "7.3": Awareness
  "7.4": Communication
  "7.5": Documented information
  "8.1": Operational planning and control
  "8.2": AI risk assessment (operation)
  "8.3": AI risk treatment (operation)
  "8.4": AI system impact assessment (operation)
  "9.1": Monitoring, measurement, analysis and evaluation
  "9.2": Internal audit
  "9.3": Management review
  "10.1": Continual improvement
  "10.2": Nonconformity and corrective action
  # Annex A reference controls.
  A.2.2: AI policy
  A.2.3: Alignment with other organizational policies
  A.2.4: Review of the AI policy
  A.3.2: AI roles and responsibilities
  A.3.3: Reporting of concerns
  A.4.2: Resource documentation
  A.4.3: Data resources
  A.4.4: Tooling resources
  A.4.5: System and computing resources
  A.4.6: Human resources
  A.5.2: AI system impact assessment process
  A.5.3: Documentation of AI system impact assessments
  A.5.4: Assessing AI system impact on individuals or groups of individuals
  A.5.5: Assessing societal impacts of AI systems
  A.6.1.2: Objectives for responsible development of AI system
  A.6.1.3: Processes for responsible AI system design and development
  A.6.2.2: AI system requirements and specification
  A.6.2.3: Documentation of AI system design and development
  A.6.2.4: AI system verification and validation
  A.6.2.5: AI system deployment
  A.6.2.6: AI system operation and monitoring
  A.6.2.7: AI system technical documentation
  A.6.2.8: AI system recording of event logs
  A.7.2: Data for development and enhancement of AI system
  A.7.3: Acquisition of data
  A.7.4: Quality of data for AI systems
  A.7.5: Data provenance
  A.7.6: Data preparation
  A.8.2: System documentation and information for users
  A.8.3: External reporting
  A.8.4: Communication of incidents
  A.8.5: Information for interested parties
  A.9.2: Processes for responsible use of AI systems
  A.9.3: Objectives for responsible use of AI system
  A.9.4: Intended use of the AI system
  A.10.2: Allocating responsibilities
  A.10.3: Suppliers
  A.10.4: Customers

"""###
    ),
    (
      "crosswalks/nist-ai-rmf.yaml",
      ###"""
# Typed crosswalk links of the AI RMF subcategories the rules under rules/nist-ai-rmf/ rest on, to
# ISO/IEC 42001 and NIST SP 800-53 rev. 5 (format, endpoints and relationship types: see
# ai-act--nist-ai-rmf.yaml). Read from the AI RMF side: "GOVERN 1.6 is RELATIONSHIP TO".
# The AI RMF is voluntary and speaks of outcomes; SP 800-53 and ISO/IEC 42001 state controls. So
# most links are intersects-with (both ask for the same kind of mechanism, each adds what the other
# lacks) or related-to (same subject, requirements that cannot be compared). The ISO/IEC 42001 ends
# rest on the control titles in iso-42001.yaml, as every ISO link in these files does.
links:
  # GOVERN 1.6: AI system inventory (RMF-GV-1.6)
  - from: nist-ai-rmf:sbc_govern-1-6
    to: sp800-53:ctl_pm-5
    relationship: intersects-with
    rationale: Both ask for an organisation-wide inventory of systems; PM-5 of all information systems, GOVERN 1.6 of AI systems resourced by risk priority.
  - from: nist-ai-rmf:sbc_govern-1-6
    to: sp800-53:ctl_cm-8
    relationship: related-to
    rationale: CM-8 inventories a system's hardware, software and firmware components; GOVERN 1.6 inventories the AI systems themselves.
  - from: nist-ai-rmf:sbc_govern-1-6
    to: iso-42001:A.4.2
    relationship: related-to
    rationale: Documenting the resources of AI systems (A.4.2) and keeping an inventory of the systems (GOVERN 1.6) both record what AI the organisation runs, at different levels.
  # GOVERN 1.7 and MANAGE 2.4: decommissioning, superseding, deactivation (RMF-GV-1.7)
  - from: nist-ai-rmf:sbc_govern-1-7
    to: sp800-53:ctl_sr-12
    relationship: related-to
    rationale: SR-12 disposes of data, documentation and components; GOVERN 1.7 phases out whole AI systems without raising risk, which includes but is not limited to disposal.
  - from: nist-ai-rmf:sbc_govern-1-7
    to: iso-42001:A.6.1.3
    relationship: related-to
    rationale: A.6.1.3 defines processes across the AI system life cycle; GOVERN 1.7 asks for processes at its end, retirement.
  - from: nist-ai-rmf:sbc_manage-2-4
    to: sp800-53:ctl_cp-2
    relationship: related-to
    rationale: A contingency plan (CP-2) covers operating without a system; MANAGE 2.4 asks for the means to disengage or deactivate an AI system that behaves outside its intended use.
  - from: nist-ai-rmf:sbc_manage-2-4
    to: iso-42001:A.6.2.6
    relationship: related-to
    rationale: Operating and monitoring an AI system (A.6.2.6) is where behaviour inconsistent with intended use is seen; MANAGE 2.4 asks for the power to supersede or deactivate it then.
  # GOVERN 2.1: roles and responsibilities (RMF-GV-2.1)
  - from: nist-ai-rmf:sbc_govern-2-1
    to: iso-42001:A.3.2
    relationship: intersects-with
    rationale: Both ask that roles and responsibilities for AI be defined and allocated; GOVERN 2.1 adds lines of communication for mapping, measuring and managing risk.
  - from: nist-ai-rmf:sbc_govern-2-1
    to: sp800-53:ctl_pm-29
    relationship: related-to
    rationale: PM-29 appoints a senior official and a risk executive function; GOVERN 2.1 documents AI risk roles throughout the organisation.
  # GOVERN 5.1 and MEASURE 3.3: feedback and appeal (RMF-GV-5.1)
  - from: nist-ai-rmf:sbc_govern-5-1
    to: iso-42001:A.8.3
    relationship: intersects-with
    rationale: Both give those outside the organisation a way to report on an AI system's impacts; GOVERN 5.1 also asks that the feedback be prioritised and integrated.
  - from: nist-ai-rmf:sbc_govern-5-1
    to: iso-42001:A.3.3
    relationship: related-to
    rationale: A.3.3 lets people in the organisation report concerns about AI; GOVERN 5.1 is about feedback from those external to the team.
  - from: nist-ai-rmf:sbc_measure-3-3
    to: iso-42001:A.8.3
    relationship: intersects-with
    rationale: Both establish channels for users and affected people to report problems; MEASURE 3.3 adds appeal of outcomes and feeds reports into evaluation metrics.
  # GOVERN 6.1, 6.2, MAP 4.1, MANAGE 3.1, 3.2: third parties (RMF-GV-6.1)
  - from: nist-ai-rmf:sbc_govern-6-1
    to: iso-42001:A.10.3
    relationship: intersects-with
    rationale: Both address what third-party suppliers bring to an AI system; GOVERN 6.1 adds risks of infringing third parties' intellectual property and other rights.
  - from: nist-ai-rmf:sbc_govern-6-1
    to: sp800-53:ctl_sr-3
    relationship: intersects-with
    rationale: Both require processes for supply-chain risk; SR-3 for system components in general, GOVERN 6.1 for third-party data, models and AI systems.
  - from: nist-ai-rmf:sbc_govern-6-2
    to: sp800-53:ctl_cp-2
    relationship: intersects-with
    rationale: Both ask for contingency processes; GOVERN 6.2 for failures or incidents in high-risk third-party data or AI systems, CP-2 for any system disruption.
  - from: nist-ai-rmf:sbc_map-4-1
    to: iso-42001:A.10.3
    relationship: related-to
    rationale: MAP 4.1 maps the legal and technical risks of an AI system's components, third-party data and software among them; A.10.3 governs the supplier relationship.
  - from: nist-ai-rmf:sbc_map-4-1
    to: sp800-53:ctl_sr-6
    relationship: related-to
    rationale: SR-6 assesses suppliers and what they provide; MAP 4.1 maps the risks of the components themselves, including infringement of third parties' rights.
  - from: nist-ai-rmf:sbc_manage-3-1
    to: sp800-53:ctl_sr-6
    relationship: intersects-with
    rationale: Both ask that third-party risks be reviewed regularly; MANAGE 3.1 also weighs benefits and documents the controls applied.
  - from: nist-ai-rmf:sbc_manage-3-1
    to: iso-42001:A.10.3
    relationship: intersects-with
    rationale: Both govern the risks of third-party resources in an AI system; MANAGE 3.1 asks for regular monitoring of them.
  - from: nist-ai-rmf:sbc_manage-3-2
    to: sp800-53:ctl_sr-6
    relationship: related-to
    rationale: MANAGE 3.2 monitors pre-trained models used in development as part of system monitoring; SR-6 reviews the suppliers of components.
  # MAP 1.1 and MAP 3.3: intended purpose and scope (RMF-MP-1.1)
  - from: nist-ai-rmf:sbc_map-1-1
    to: iso-42001:A.9.4
    relationship: intersects-with
    rationale: Both require the intended use of an AI system to be established; MAP 1.1 adds beneficial uses, applicable laws, norms and settings of deployment.
  - from: nist-ai-rmf:sbc_map-3-3
    to: iso-42001:A.6.2.2
    relationship: intersects-with
    rationale: Both require the AI system's scope and requirements to be specified and documented; MAP 3.3 bases the scope on capability, context and categorisation.
  # MAP 5.1: impacts (RMF-MP-5.1)
  - from: nist-ai-rmf:sbc_map-5-1
    to: iso-42001:A.5.2
    relationship: intersects-with
    rationale: Both ask that an AI system's impacts be assessed; MAP 5.1 asks for likelihood and magnitude of each, beneficial and harmful, A.5.2 for the process.
  - from: nist-ai-rmf:sbc_map-5-1
    to: iso-42001:A.5.3
    relationship: intersects-with
    rationale: Both require the impact assessment to be documented; A.5.3 also asks that the documentation be retained.
  - from: nist-ai-rmf:sbc_map-5-1
    to: sp800-53:ctl_ra-3
    relationship: intersects-with
    rationale: Both assess likelihood and magnitude of harm and document the results; RA-3 for security and privacy risk, MAP 5.1 for an AI system's impacts on people and society.
  # MANAGE 2.3 and MANAGE 4.3: incident response (RMF-MG-2.3)
  - from: nist-ai-rmf:sbc_manage-2-3
    to: sp800-53:ctl_ir-4
    relationship: intersects-with
    rationale: Both require a capability to respond to and recover from incidents; IR-4 for security incidents, MANAGE 2.3 for previously unknown AI risks.
  - from: nist-ai-rmf:sbc_manage-2-3
    to: sp800-53:ctl_ir-8
    relationship: intersects-with
    rationale: An incident response plan (IR-8) is how the procedures MANAGE 2.3 asks to be followed are written down; IR-8 adds its distribution and updates.
  - from: nist-ai-rmf:sbc_manage-2-3
    to: iso-42001:10.2
    relationship: related-to
    rationale: Clause 10.2 reacts to nonconformities with corrective action; MANAGE 2.3 responds to newly identified risks, which need not be nonconformities.
  - from: nist-ai-rmf:sbc_manage-4-3
    to: iso-42001:A.8.4
    relationship: intersects-with
    rationale: Both require incidents to be communicated to those concerned; MANAGE 4.3 adds tracking, response and recovery processes that are followed and documented.
  - from: nist-ai-rmf:sbc_manage-4-3
    to: sp800-53:ctl_ir-6
    relationship: intersects-with
    rationale: Both require incidents to be reported; IR-6 to the incident response capability and authorities, MANAGE 4.3 to relevant AI actors and affected communities.

"""###
    ),
    (
      "finops/gpu-budget.yaml",
      ###"""
id: finops.gpu-budget
title: GPU requests within the declared budget class
description: >-
  A workload that requests GPUs declares a budget class of the profile, and requests no more GPUs
  than that class allows.
requires: GPU requests stay within the workload's declared budget class
control: FINOPS-GPU
scope:
  ai-system: false
checks:
  - template: gpu-budget
    property: gpu-budget-class
examples:
  triggering:
    - manifest: |
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: train
          labels: {finops.example.com/gpu-budget-class: small}
        spec:
          template:
            spec:
              containers:
                - name: trainer
                  image: trainer:1
                  resources: {limits: {nvidia.com/gpu: 8}}
  non-triggering:
    - manifest: |
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: train
          labels: {finops.example.com/gpu-budget-class: large}
        spec:
          template:
            spec:
              containers:
                - name: trainer
                  image: trainer:1
                  resources: {limits: {nvidia.com/gpu: 8}}

"""###
    ),
    (
      "finops/workload-labels.yaml",
      ###"""
id: finops.workload-labels
title: Cost centre, workload id and owner present
description: >-
  Every workload carries the FinOps labels of the profile, so its cost can be charged and its
  compliance gaps priced and routed to an owner.
requires: every workload names its cost centre, workload id and owner
control: FINOPS-LABELS
scope:
  ai-system: false
checks:
  - template: present
    property: cost-center
  - template: present
    property: workload-id
  - template: present
    property: owner
examples:
  triggering:
    - manifest: |
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          labels: {finops.example.com/cost-center: cc-42, finops.example.com/owner: team-a}
  non-triggering:
    - manifest: |
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          labels:
            finops.example.com/cost-center: cc-42
            finops.example.com/workload-id: wl-7
            finops.example.com/owner: team-a
    - manifest: |
        apiVersion: v1
        kind: Service
        metadata: {name: api}

"""###
    ),
    (
      "instruments.yaml",
      ###"""
# Short names of the instruments rules map, as messages cite them ("Article 12(1) AI Act").
32024R1689: AI Act
32016R0679: GDPR
32030R0001: Sample Regulation 2030/1
# An instrument EUR-Lex does not hold: its declared id, its name, and the page clauses link to.
NIST.AI.100-1.Playbook:
  name: AI RMF Playbook
  link: https://www.nist.gov/itl/ai-risk-management-framework/nist-ai-rmf-playbook

"""###
    ),
    (
      "nist-ai-rmf/govern-1-6-inventory.yaml",
      ###"""
id: nist-ai-rmf.govern-1-6.inventory
title: AI system entered in the organisation's inventory
description: >-
  GOVERN 1.6 of the NIST AI RMF asks that mechanisms be in place to inventory AI systems, resourced
  according to the organisation's risk priorities; the Playbook suggests an inventory of each system
  with its documentation, owners and dependencies. Workloads name their inventory entry.
requires: AI systems are inventoried
instrument: NIST.AI.100-1.Playbook
match:
  clauses: [sbc_govern-1-6]
  modalities: [recommendation]
  terms: [inventor]
control: RMF-GV-1.6
crosswalk:
  iso-42001: [A.4.2]
checks:
  - template: present
    property: inventory-id
    cites: [sbc_govern-1-6]
examples:
  triggering:
    - clause: sbc_govern-1-6
    - clause: sbc_govern-1-6.smt_actions
  non-triggering:
    - clause: sbc_govern-1-6.smt_about   # what an inventory is: description, no recommendation
    - clause: sbc_govern-1-7
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  sbc_govern-1-6: 36fff7f095d9ef92053196d51e565666e7738d40437ace9018cc1ed2138689a8

"""###
    ),
    (
      "nist-ai-rmf/govern-1-7-decommissioning.yaml",
      ###"""
id: nist-ai-rmf.govern-1-7.decommissioning
title: Plan to supersede, deactivate and decommission the AI system
description: >-
  GOVERN 1.7 of the NIST AI RMF asks for processes to decommission and phase out AI systems safely;
  MANAGE 2.4 for mechanisms, with responsibilities assigned, to supersede, disengage or deactivate a
  system whose performance or outcomes are inconsistent with its intended use. Workloads name the
  plan that says how this system is switched off.
requires: a process is in place to supersede, deactivate and decommission the AI system safely
instrument: NIST.AI.100-1.Playbook
match:
  clauses: [sbc_govern-1-7, sbc_manage-2-4]
  modalities: [recommendation]
  terms: [decommission, deactivat, disengage, supersede, phasing out]
control: RMF-GV-1.7
crosswalk:
  iso-42001: [A.6.1.3, A.6.2.6]
checks:
  - template: present
    property: decommissioning-plan
    cites: [sbc_govern-1-7, sbc_manage-2-4]
examples:
  triggering:
    - clause: sbc_govern-1-7
    - clause: sbc_manage-2-4
  non-triggering:
    - clause: sbc_govern-1-7.smt_ref     # the references: titles of papers
    - clause: sbc_govern-1-6
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  sbc_govern-1-7: 2b5c7251ff579b583f524ae8384f6bad9db46beb05ba5104a32b097f979779b1
  sbc_manage-2-4: 1ea0dedfa8e746eeb2ae4e1f9eae25db5c12ba423a3b4ac71fe02e70ff207b53

"""###
    ),
    (
      "nist-ai-rmf/govern-2-1-accountability.yaml",
      ###"""
id: nist-ai-rmf.govern-2-1.accountability
title: Person or team accountable for the AI system's risks named
description: >-
  GOVERN 2.1 of the NIST AI RMF asks that roles, responsibilities and lines of communication for
  mapping, measuring and managing AI risks be documented and clear to individuals and teams across
  the organisation. Workloads name who answers for this system's AI risks.
requires: roles and responsibilities for managing the AI system's risks are documented and clear
instrument: NIST.AI.100-1.Playbook
match:
  clauses: [sbc_govern-2-1]
  modalities: [recommendation]
  terms: [roles, responsibilit, accountab]
control: RMF-GV-2.1
crosswalk:
  iso-42001: [A.3.2]
checks:
  - template: present
    property: risk-owner
    cites: [sbc_govern-2-1]
examples:
  triggering:
    - clause: sbc_govern-2-1
    - clause: sbc_govern-2-1.smt_actions
  non-triggering:
    - clause: sbc_govern-2-1.smt_about
    - clause: sbc_govern-2-2             # training, not roles
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  sbc_govern-2-1: e3224f01130128725df6b09522e8def331e33e49bf62d6286755eaa7a56f1e21

"""###
    ),
    (
      "nist-ai-rmf/govern-5-1-feedback.yaml",
      ###"""
id: nist-ai-rmf.govern-5-1.feedback
title: Channel for users and affected people to report problems and appeal
description: >-
  GOVERN 5.1 of the NIST AI RMF asks that feedback from those outside the team that developed or
  deployed the AI system be collected, considered, prioritised and integrated; MEASURE 3.3 that
  feedback processes let end users and affected communities report problems and appeal system
  outcomes. Workloads name where such reports go: a URL or an e-mail address.
requires: end users and affected communities can report problems and appeal the system's outcomes
instrument: NIST.AI.100-1.Playbook
match:
  clauses: [sbc_govern-5-1, sbc_measure-3-3]
  modalities: [recommendation]
  terms: [feedback, appeal, report problems]
control: RMF-GV-5.1
crosswalk:
  iso-42001: [A.8.3, A.3.3]
checks:
  - template: matches
    property: feedback-channel
    pattern: "^(https://[^ ]+|[^@ ]+@[^@ ]+\\.[^@ ]+)$"
    example: https://example.com/ai-feedback
    cites: [sbc_govern-5-1, sbc_measure-3-3]
examples:
  triggering:
    - clause: sbc_govern-5-1
    - clause: sbc_measure-3-3
  non-triggering:
    - clause: sbc_govern-5-2             # adjudicated feedback inside the organisation
    - clause: sbc_measure-3-3.smt_ref
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  sbc_govern-5-1: 5b7b044ba1b741c6d4d3a3a7ab7285e8905137be4526a8081c810b69a90258eb
  sbc_measure-3-3: 7362e26a16488276815f22b7f6f1cb878750ab9737eeccb162a97be7cd7bf664

"""###
    ),
    (
      "nist-ai-rmf/govern-6-1-third-parties.yaml",
      ###"""
id: nist-ai-rmf.govern-6-1.third-parties
title: Third-party data, models and software recorded with their risks
description: >-
  GOVERN 6.1 and 6.2 of the NIST AI RMF ask for policies and contingency processes for AI risks from
  third parties; MAP 4.1 for mapping the legal and technical risks of components, third-party data
  and software included; MANAGE 3.1 and 3.2 for monitoring third-party resources and pre-trained
  models. Workloads name the record of the third-party data, models and software they use and the
  risks found in them.
requires: the AI risks of third-party data, models and software are mapped, documented and monitored
instrument: NIST.AI.100-1.Playbook
match:
  clauses: [sbc_govern-6-1, sbc_govern-6-2, sbc_map-4-1, sbc_manage-3-1, sbc_manage-3-2]
  modalities: [recommendation]
  terms: [third-party, third party, pre-trained, supplier, vendor]
control: RMF-GV-6.1
crosswalk:
  iso-42001: [A.10.3]
checks:
  - template: present
    property: third-party-risk-record
    cites: [sbc_govern-6-1, sbc_map-4-1, sbc_manage-3-1, sbc_manage-3-2]
examples:
  triggering:
    - clause: sbc_govern-6-1
    - clause: sbc_map-4-1
    - clause: sbc_manage-3-2
  non-triggering:
    - clause: sbc_map-4-2                # internal risk controls, not the third party's risks
    - clause: sbc_govern-6-1.smt_ref
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  sbc_govern-6-1: 90e5ca4c2be00fc919c4ba06636270673a60f80a9a5adf19744ada798a9d02b9
  sbc_map-4-1: 245a978913b8140e347ff5ab148ee0f3bf1b84cd8f867a63df2bc48b5e1de6f1
  sbc_manage-3-1: 8a23821ece33d0eda834826a4141a2d3c4091d68897d76feb3280907a2175377
  sbc_manage-3-2: ed70b1788bd8f4a9e237ff9962e7b00ddbf92b69bfbb41abc38ca591d4e90a31

"""###
    ),
    (
      "nist-ai-rmf/manage-2-3-incident-response.yaml",
      ###"""
id: nist-ai-rmf.manage-2-3.incident-response
title: Plan to respond to and recover from incidents and errors
description: >-
  MANAGE 2.3 of the NIST AI RMF asks that procedures be followed to respond to and recover from a
  previously unknown risk when it is identified; MANAGE 4.3 that incidents and errors be communicated
  to relevant AI actors and that processes for tracking, responding to and recovering from them be
  followed and documented. Workloads name their incident-response plan.
requires: procedures to respond to and recover from incidents, errors and newly found risks are in place and followed
instrument: NIST.AI.100-1.Playbook
match:
  clauses: [sbc_manage-2-3, sbc_manage-4-3]
  modalities: [recommendation]
  terms: [incident, respond, response, recover]
control: RMF-MG-2.3
crosswalk:
  iso-42001: [10.2, A.8.4]
checks:
  - template: present
    property: incident-response-plan
    cites: [sbc_manage-2-3, sbc_manage-4-3]
examples:
  triggering:
    - clause: sbc_manage-2-3
    - clause: sbc_manage-4-3
  non-triggering:
    - clause: sbc_manage-2-2             # sustaining the value of deployed systems
    - clause: sbc_manage-2-3.smt_ref
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  sbc_manage-2-3: bcaaea5844a9ab5dc49adf2474b0e11254f1eb42567f5f6a8e18e2d7a6ca652c
  sbc_manage-4-3: 6b656e4459e45a82a2019a40d4d3fb2bfcf43ec217e6a8a0d0dfb1a36cb72623

"""###
    ),
    (
      "nist-ai-rmf/map-1-1-intended-purpose.yaml",
      ###"""
id: nist-ai-rmf.map-1-1.intended-purpose
title: Intended purpose and application scope documented
description: >-
  MAP 1.1 of the NIST AI RMF asks that the intended purpose, beneficial uses, laws, norms and
  settings of deployment be understood and documented; MAP 3.3 that the targeted application scope
  be specified and documented. Workloads state their intended uses.
requires: the AI system's intended purpose and application scope are understood and documented
instrument: NIST.AI.100-1.Playbook
match:
  clauses: [sbc_map-1-1, sbc_map-3-3]
  modalities: [recommendation]
  terms: [intended purpose, purpose, scope]
control: RMF-MP-1.1
crosswalk:
  iso-42001: [A.9.4, A.6.2.2]
checks:
  - template: present
    property: intended-use
    cites: [sbc_map-1-1, sbc_map-3-3]
examples:
  triggering:
    - clause: sbc_map-1-1
    - clause: sbc_map-3-3
  non-triggering:
    - clause: sbc_map-1-2                # who takes part in mapping context
    - clause: sbc_map-1-1.smt_ref
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  sbc_map-1-1: f65ca7442b72bc2e02fe29041c739e340cb824e1fb26abb8ef4bcfa41679b89d
  sbc_map-3-3: 134f9fa6c3ceda44280e76e425f1369c5f30d59414b2f5859939792162869956

"""###
    ),
    (
      "nist-ai-rmf/map-5-1-impact-assessment.yaml",
      ###"""
id: nist-ai-rmf.map-5-1.impact-assessment
title: Likely impacts of the AI system assessed and documented
description: >-
  MAP 5.1 of the NIST AI RMF asks that the likelihood and magnitude of each identified impact,
  beneficial and harmful, be identified and documented. Workloads name the assessment.
requires: the likelihood and magnitude of the AI system's impacts are identified and documented
instrument: NIST.AI.100-1.Playbook
match:
  clauses: [sbc_map-5-1]
  modalities: [recommendation]
  terms: [impact]
control: RMF-MP-5.1
crosswalk:
  iso-42001: [A.5.2, A.5.3]
checks:
  - template: present
    property: impact-assessment
    cites: [sbc_map-5-1]
examples:
  triggering:
    - clause: sbc_map-5-1
  non-triggering:
    - clause: sbc_map-5-2                # engagement with AI actors
    - clause: sbc_map-5-1.smt_ref
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  sbc_map-5-1: f1bb3564e08eeea349f765028a7d44d58d077bdac0d002865550d59ee533af7c

"""###
    ),
    (
      "report/ai-act.yaml",
      ###"""
# What the gap report needs to know of the AI Act beyond the mapping rules: which provisions concern
# only systems of one risk class, and the administrative fines.
#
# `risk-classes`: a provision (chapter, section, article) → the risk class whose systems it concerns;
# the deepest one listed wins. An organisation's coverage counts the obligations of those provisions
# only when its profile has that risk class; every other provision concerns every AI system.
#
# `addressees`: a provision (chapter, section, article) → the role its duties bind where their words
# name none ("A risk management system shall be established", Article 9(1)); the deepest one listed
# wins. Coverage counts such duties as that role's, and says where the role came from.
#
# `tiers`: the AI Act's administrative fines (Article 99 and, for general-purpose AI models, Article 101), as
# the gap report reads them: each tier is the ceiling the law sets for a kind of infringement — the
# fixed amount or the share of the undertaking's total worldwide annual turnover for the preceding
# financial year, whichever is higher; for SMEs and start-ups, whichever is lower (Article 99(6), for
# the tiers of Article 99 only: `sme-rule: true`).
# A control falls in the first tier whose `provisions` hold a clause it cites. Amounts are written
# as digits and read as exact decimals. `reviewed:` pins each cited clause's text, as in every rule
# (`regpolicy rules review rules/report/ai-act.yaml --source …`). The figures are ceilings the law
# sets, never a prediction of a fine: Article 99(7) lists what authorities weigh.
instrument: 32024R1689
risk-classes:
  cpt_III: high-risk          # Chapter III: high-risk AI systems
  cpt_IV: limited-risk        # Chapter IV: transparency obligations for certain AI systems (Article 50)
  cpt_V: gpai                 # Chapter V: general-purpose AI models
  cpt_V.sct_3: gpai-systemic  # Chapter V Section 3: general-purpose AI models with systemic risk
addressees:
  art_5.par_1: operator       # the prohibited practices: placing on the market, putting into service, use
  cpt_III.sct_2: provider     # Article 16(a): providers ensure their systems comply with Section 2
tiers:
  - id: prohibited-practices
    title: Non-compliance with the prohibition of the AI practices referred to in Article 5
    cites: [art_99.par_3]
    amount: "35000000"
    currency: EUR
    percent: "7"
    sme-rule: true
    provisions: [art_5]
  - id: operator-obligations
    title: Non-compliance with obligations of providers (Article 16, which includes the requirements of Chapter III Section 2), authorised representatives, importers, distributors, deployers and the transparency obligations of Article 50
    cites: [art_99.par_4]
    amount: "15000000"
    currency: EUR
    percent: "3"
    sme-rule: true
    # Article 16 makes providers ensure Section 2 (Articles 8–15), have a quality management system
    # (17), keep documentation and logs (18, 19), take corrective action (20), undergo conformity
    # assessment (43), draw up the declaration (47), affix the CE marking (48) and register (49(1));
    # then Articles 22, 23, 24, 26 (deployers, whose 26(8) refers to registration under 49) and 50.
    provisions: [art_8, art_9, art_10, art_11, art_12, art_13, art_14, art_15, art_16, art_17, art_18, art_19,
      art_20, art_22, art_23, art_24, art_26, art_43, art_47, art_48, art_49, art_50]
  - id: incorrect-information
    title: Supply of incorrect, incomplete or misleading information to notified bodies or national competent authorities in reply to a request
    cites: [art_99.par_5]
    amount: "7500000"
    currency: EUR
    percent: "1"
    sme-rule: true
    provisions: []
  - id: general-purpose-models
    title: Infringements by providers of general-purpose AI models (fines imposed by the Commission)
    cites: [art_101.par_1]
    amount: "15000000"
    currency: EUR
    percent: "3"
    provisions: [art_51, art_52, art_53, art_54, art_55, art_56]
sme:
  cites: [art_99.par_6]
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_99.par_3: e4a55b0c9c5619046f758d92d98f6358e45d910014426b9e60413639526a15c4
  art_99.par_4: 52ba9a771276b79e61e28120a468c9c46c15ca23c43ba60ce10493c35ed1665d
  art_99.par_5: 9791e8886698c8cf17391ea6d3959b4cb1f8c32be23f70f4e02998da39dc6c65
  art_101.par_1: d4495ae53b7c0d7b321c88cd6a72ea02123c05a62208352f295d2063585621f8
  art_99.par_6: eff04e89a3e09698bbb6e98a3c060b61149fc4f121e43320e344eefdba934a5d

"""###
    ),
    (
      "sample/art-01-logging.yaml",
      ###"""
# For corpus/samples/synthetic-oj.html, the invented "Regulation (EU) 2030/1" that `regpolicy run`
# uses when given no source: it shows the whole flow without the official corpus. Not real law.
id: sample.art-01.logging
title: Events recorded and logs kept six months (sample regulation)
description: >-
  Article 1 of the synthetic sample regulation requires providers to record events automatically
  and keep the logs for at least six months.
requires: providers of synthetic AI systems record events automatically and keep the logs for at least six months
instrument: 32030R0001
match:
  clauses: [art_1.pt_a, art_1.pt_b]
  modalities: [obligation]
  addressees: [provider]
control: SAMPLE-01
roles: [provider]
checks:
  - template: one-of
    property: logging
    values: [enabled]
    cites: [art_1.pt_a]
    requires: providers of synthetic AI systems record events automatically
  - template: at-least
    property: log-retention-days
    minimum: 183
    cites: [art_1.pt_b]
    requires: providers of synthetic AI systems keep the logs for at least six months
examples:
  triggering:
    - clause: art_1.pt_a
    - clause: art_1.pt_b
  non-triggering:
    - clause: art_2.par_1        # deployers monitor: another party
    - clause: art_2.par_2        # the date from which Article 2 applies
reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; written by `regpolicy rules review`, never by generate
  art_1.pt_a: f70f5353f191b35bcf4ad171e108ef46c649fc578940e143dfc0741df58be998
  art_1.pt_b: 342561a3213aed8472960aea6e3e474a96623dcecdd4681c94ad561a7f908391

"""###
    ),
  ]

  public static let templates: [(path: String, text: String)] = [
    (
      "gatekeeper/constraint.yaml.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
# Generated by regpolicy: {{{titleJSON}}}. Do not edit; change the rule or the profile and regenerate.
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: {{gatekeeperKind}}
metadata:
  name: {{name}}
  annotations:
    regpolicy.dev/control: {{{controlJSON}}}
    regpolicy.dev/instrument: {{{instrumentJSON}}}
    regpolicy.dev/version: {{{versionJSON}}}
    regpolicy.dev/clauses: {{{clauseIDsJSON}}}
    regpolicy.dev/clause-sha256: {{{clauseHashesJSON}}}
    regpolicy.dev/review: {{{reviewJSON}}}
{{#needsReview}}
    regpolicy.dev/reviewed-sha256: {{{reviewedHashesJSON}}}
{{/needsReview}}
    regpolicy.dev/rule: {{{ruleJSON}}}
    regpolicy.dev/template: "gatekeeper/constraint.yaml"
    regpolicy.dev/generator: {{{generatorJSON}}}
spec:
  enforcementAction: {{enforcement}}
  match:
    kinds:
      - apiGroups: [""]
        kinds: ["Pod"]
      - apiGroups: ["apps"]
        kinds: ["DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"]
      - apiGroups: ["batch"]
        kinds: ["CronJob", "Job"]
    excludedNamespaces: [{{{excludedNamespacesList}}}]
  parameters:{{{parametersYAML}}}

"""###
    ),
    (
      "gatekeeper/suite.yaml.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
# Generated by regpolicy with the policy: the same workloads as the Rego tests, each with the number
# of violations regpolicy's own evaluator finds. Run with Gatekeeper's gator: gator verify .
apiVersion: test.gatekeeper.sh/v1alpha1
kind: Suite
metadata:
  name: {{name}}
tests:
  - name: {{name}}
    template: template.yaml
    constraint: constraint.yaml
    cases:
{{#gatorCases}}
      - name: {{case}}
        object: cases/{{case}}.yaml
        assertions:
          - violations: {{violations}}
{{/gatorCases}}

"""###
    ),
    (
      "gatekeeper/template.yaml.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
# Generated by regpolicy: {{{titleJSON}}}. Do not edit; change the rule or the profile and regenerate.
apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata:
  name: {{gatekeeperName}}
  annotations:
    metadata.gatekeeper.sh/title: {{{titleJSON}}}
    description: {{{descriptionJSON}}}
    regpolicy.dev/control: {{{controlJSON}}}
    regpolicy.dev/instrument: {{{instrumentJSON}}}
    regpolicy.dev/version: {{{versionJSON}}}
    regpolicy.dev/clauses: {{{clauseIDsJSON}}}
    regpolicy.dev/clause-sha256: {{{clauseHashesJSON}}}
{{#hasAlso}}
    regpolicy.dev/also: {{{alsoJSON}}}
{{/hasAlso}}
    regpolicy.dev/review: {{{reviewJSON}}}
{{#needsReview}}
    regpolicy.dev/reviewed-sha256: {{{reviewedHashesJSON}}}
{{/needsReview}}
    regpolicy.dev/rule: {{{ruleJSON}}}
    regpolicy.dev/template: "gatekeeper/template.yaml"
    regpolicy.dev/generator: {{{generatorJSON}}}
spec:
  crd:
    spec:
      names:
        kind: {{gatekeeperKind}}
      # The constraint's parameters: every value the Rego checks with (README "Gatekeeper").
      validation:
        openAPIV3Schema:
          type: object
          # Without them the Rego would check nothing: a constraint must pass them.
          required: [excludedNamespaces, requirements]
          properties:
            excludedNamespaces:
              description: namespaces no object of which is checked (kube-system always)
              type: array
              items: {type: string}
            systemKey:
              description: the label that is "true" on an AI system
              type: string
            riskClassKey:
              description: the label naming the system's risk class
              type: string
            riskClasses:
              description: the risk classes the control applies to
              type: array
              items: {type: string}
            roleKey:
              description: the label naming the organisation's role for the system
              type: string
            roles:
              description: the roles the control applies to
              type: array
              items: {type: string}
            defaultRole:
              description: the role of a workload without the role label
              type: string
            annexIIIKey:
              description: the label naming the system's Annex III area
              type: string
            annexIIIExcept:
              description: the Annex III areas the control does not apply to
              type: array
              items: {type: string}
            requirements:
              description: per requirement, in the order of the Rego's requirement_N, the values it reads
              type: array
              items:
                type: object
                required: [key]
                properties:
                  key:
                    description: the label or annotation checked
                    type: string
                  values:
                    description: the allowed (one-of) or prohibited (none-of) values
                    type: array
                    items: {type: string}
                  minimum:
                    description: the smallest whole number allowed (at-least)
                    type: integer
                  pattern:
                    description: the regular expression the value must match (matches)
                    type: string
                  gpuResource:
                    description: the extended resource counted as GPUs (gpu-budget)
                    type: string
                  budgets:
                    description: the most GPUs each budget class allows (gpu-budget)
                    type: object
                    additionalProperties: {type: integer}
  targets:
    - target: admission.k8s.gatekeeper.sh
      # Rego v1 syntax, as OPA's policy (Gatekeeper 3.19 or later).
      code:
        - engine: Rego
          source:
            version: "v1"
            rego: |
{{{rego}}}

"""###
    ),
    (
      "kyverno/checks/at-least.yaml.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
              # missing, not a string, or not a whole number (digits only)
              - key: {{{kyvernoDigitsJSON}}}
                operator: Equals
                value: false
              # compared as a number: "00183" is 183
              - key: {{{kyvernoNumberJSON}}}
                operator: LessThan
                value: {{minimum}}

"""###
    ),
    (
      "kyverno/checks/gpu-budget.yaml.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
              # above the class's budget; a missing or unknown class allows none
              - key: {{{kyvernoGPUsJSON}}}
                operator: GreaterThan
                value: {{{kyvernoBudgetJSON}}}

"""###
    ),
    (
      "kyverno/checks/matches.yaml.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
              # missing, or not a string
              - key: {{{kyvernoTypeJSON}}}
                operator: NotEquals
                value: string
              - key: {{{kyvernoMatchJSON}}}
                operator: Equals
                value: false

"""###
    ),
    (
      "kyverno/checks/none-of.yaml.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
              # its comma-separated items, white space trimmed from both ends
              - key: {{{kyvernoItemsJSON}}}
                operator: AnyIn
                value: [{{{valuesList}}}]

"""###
    ),
    (
      "kyverno/checks/one-of.yaml.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
              # missing, or not a string
              - key: {{{kyvernoTypeJSON}}}
                operator: NotEquals
                value: string
              - key: {{{kyvernoStringJSON}}}
                operator: AnyNotIn
                value: [{{{valuesList}}}]

"""###
    ),
    (
      "kyverno/checks/present.yaml.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
              # missing, or not a string
              - key: {{{kyvernoTypeJSON}}}
                operator: NotEquals
                value: string
              # blank: white space only (Unicode White_Space, as Rego's trim_space)
              - key: {{{kyvernoBlankJSON}}}
                operator: Equals
                value: true

"""###
    ),
    (
      "kyverno/clusterpolicy.yaml.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
{{=<% %>=}}
# Generated by regpolicy: <%&titleJSON%>. Do not edit; change the rule or the profile and regenerate.
apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: <%name%>
  annotations:
    policies.kyverno.io/title: <%&titleJSON%>
    policies.kyverno.io/category: <%&instrumentNameJSON%>
    policies.kyverno.io/subject: "Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob"
    policies.kyverno.io/description: <%&descriptionJSON%>
    pod-policies.kyverno.io/autogen-controllers: none
    regpolicy.dev/control: <%&controlJSON%>
    regpolicy.dev/instrument: <%&instrumentJSON%>
    regpolicy.dev/version: <%&versionJSON%>
    regpolicy.dev/clauses: <%&clauseIDsJSON%>
    regpolicy.dev/clause-sha256: <%&clauseHashesJSON%>
<%#hasAlso%>
    regpolicy.dev/also: <%&alsoJSON%>
<%/hasAlso%>
    regpolicy.dev/review: <%&reviewJSON%>
<%#needsReview%>
    regpolicy.dev/reviewed-sha256: <%&reviewedHashesJSON%>
<%/needsReview%>
    regpolicy.dev/rule: <%&ruleJSON%>
    regpolicy.dev/template: "kyverno/clusterpolicy.yaml"
    regpolicy.dev/generator: <%&generatorJSON%>
spec:
  background: true
  rules:
<%#requirements%>
    - name: <%name%>-<%index%>-<%template%>
      match:
        any:
          - resources:
              kinds: [<%&kindsList%>]
      exclude:
        any:
          - resources:
              namespaces: [<%&excludedNamespacesList%>]
<%#hasPreconditions%>
      preconditions:
        all:
<%/hasPreconditions%>
<%#scope%>
          - key: <%&kyvernoKey%>
            operator: AnyIn
            value: [<%&kyvernoValues%>]
<%/scope%>
<%#annexIII%>
          - key: <%&kyvernoBlank%>
            operator: Equals
            value: false
          - key: <%&kyvernoKey%>
            operator: AnyNotIn
            value: [<%&exceptList%>]
<%/annexIII%>
<%#isGPU%>
      # The GPUs the pod asks for, as regpolicy check and the Rego count them: each container's
      # limit, else its request (numbers and digit strings); the sidecars' (init containers with
      # restartPolicy Always), plus the larger of the containers' sum and the largest init container.
      context:
        - name: budgets
          variable:
            value: <%&budgets%>
        - name: gpuPodSpec
          variable:
            jmesPath: <%&kyvernoPodSpecJSON%>
        - name: gpuSidecars
          variable:
            jmesPath: <%&kyvernoSidecarsJSON%>
        - name: gpuContainers
          variable:
            jmesPath: <%&kyvernoContainersJSON%>
        - name: gpuInitContainers
          variable:
            jmesPath: <%&kyvernoInitContainersJSON%>
        - name: gpus
          variable:
            jmesPath: "add(gpuSidecars, max([gpuContainers, gpuInitContainers]))"
<%/isGPU%>
      validate:
        failureAction: <%kyvernoAction%>
        message: <%&kyvernoMessageJSON%>
        deny:
          conditions:
            any:
<%>*kyvernoFragment%>
<%/requirements%>

"""###
    ),
    (
      "kyverno/kyverno-test.yaml.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
# Generated by regpolicy with the policy: the same workloads as the Rego tests, with the results
# regpolicy's own evaluator gives for each rule. Run with the Kyverno CLI: kyverno test .
apiVersion: cli.kyverno.io/v1alpha1
kind: Test
metadata:
  name: {{name}}
policies:
  - clusterpolicy.yaml
resources:
  - resources.yaml
results:
{{#results}}
  - policy: {{name}}
    rule: {{rule}}
    kind: {{kind}}
    resources: [{{{resources}}}]
    result: {{result}}
{{/results}}

"""###
    ),
    (
      "profile.example.yaml",
      ###"""
# regpolicy organisation profile (README "Organisation profile"). Keep it in the policy repository;
# `regpolicy generate --profile FILE` reads it. Unknown keys are errors, so a typo never goes unseen.

# Who this profile describes (shown in reports).
organisation: Example Health AI B.V.

# The roles the organisation holds under the AI Act: provider, deployer, importer, distributor.
# Rules for roles you do not hold are not generated.
roles: [provider, deployer]

# The role assumed for a workload without the role label (must be one of roles).
default-role: provider

# The risk classes of the organisation's AI systems: high-risk, limited-risk, minimal-risk, gpai,
# gpai-systemic. Rules for classes you have no system of are not generated. Prohibited-practice
# screening (Article 5) always applies.
risk-classes: [high-risk, limited-risk, gpai]

# The Annex III areas (1–8) of its high-risk systems, for reference.
annex-iii-areas: ["5"]

# What a violated policy does at admission: deny (refuse) or warn (admit with a warning).
enforcement: deny

# Key prefix of the labels and annotations AI workloads carry: a workload is an AI system when it
# has the label <prefix>/system: "true"; its properties are <prefix>/<property> (README lists them).
prefix: ai.example.com

# Key prefix of the FinOps labels: <finops-prefix>/cost-center, /workload-id, /owner,
# /gpu-budget-class.
finops-prefix: finops.example.com

# Single keys, where a workload already uses another name for a property.
keys:
  oversight-owner: ai.example.com/human-oversight-owner

# Namespaces whose objects no policy looks at, in every engine (OPA/conftest, Gatekeeper, Kyverno)
# and in `regpolicy check`: the cluster's own components. kube-system is always left alone.
excluded-namespaces: [gatekeeper-system, kyverno]

# GPUs: the extended resource counted, and the most GPUs each budget class allows.
gpu:
  resource: nvidia.com/gpu
  budgets:
    small: 1
    medium: 4
    large: 8

"""###
    ),
    (
      "rego/checks/at-least.rego.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
# The values requirement {{index}} checks with.
params_{{index}} := parameters.requirements[{{index}}]

# "annotation ai.example.com/logging": the property as messages name it.
named_{{index}} := concat(" ", [{{{nounJSON}}}, params_{{index}}.key])

# Digits as a number, leading zeros dropped first ("0099" is 99; rego-cpp 1.5.2 misreads them).
number_{{index}}(digits) := 0 if {
	trim_left(digits, "0") == ""
} else := to_number(trim_left(digits, "0"))

# METADATA
# title: {{{requirementTitleJSON}}}
# description: {{{requiresJSON}}}
{{#hasBasisClauses}}
# related_resources:
{{#basisClauses}}
#   - ref: {{{linkJSON}}}
#     description: {{{citationJSON}}}
{{/basisClauses}}
{{/hasBasisClauses}}
requirement_{{index}}(obj) := {msg |
	applies(obj)
	not is_string(object.get({{field}}(obj), params_{{index}}.key, null))
	msg := concat("", [prefix_{{index}}(obj), "missing ", named_{{index}}])
} | {msg |
	applies(obj)
	value := object.get({{field}}(obj), params_{{index}}.key, null)
	is_string(value)
	not regex.match(`^[0-9]+$`, value)
	msg := concat("", [prefix_{{index}}(obj), named_{{index}}, " is '", value, "', not a whole number"])
} | {msg |
	applies(obj)
	value := object.get({{field}}(obj), params_{{index}}.key, null)
	is_string(value)
	regex.match(`^[0-9]+$`, value)
	number_{{index}}(value) < params_{{index}}.minimum
	msg := concat("", [prefix_{{index}}(obj), named_{{index}}, " is '", value, "', ", sprintf("below the minimum of %v", [params_{{index}}.minimum])])
}

"""###
    ),
    (
      "rego/checks/gpu-budget.rego.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
# The values requirement {{index}} checks with.
params_{{index}} := parameters.requirements[{{index}}]

# "annotation ai.example.com/logging": the property as messages name it.
named_{{index}} := concat(" ", [{{{nounJSON}}}, params_{{index}}.key])

gpu_budgets_{{index}} := params_{{index}}.budgets

gpu_pod_spec_{{index}}(obj) := obj.spec if {
	obj.kind == "Pod"
} else := obj.spec.jobTemplate.spec.template.spec if {
	obj.kind == "CronJob"
} else := object.get(obj, ["spec", "template", "spec"], {})

# A container's GPUs: its limit, else its request; numbers and digit strings count.
gpu_quantity_{{index}}(container) := container.resources.limits[params_{{index}}.gpuResource]

gpu_quantity_{{index}}(container) := container.resources.requests[params_{{index}}.gpuResource] if {
	not params_{{index}}.gpuResource in object.keys(object.get(container, ["resources", "limits"], {}))
}

gpu_amount_{{index}}(container) := quantity if {
	quantity := gpu_quantity_{{index}}(container)
	is_number(quantity)
} else := to_number(quantity) if {
	quantity := gpu_quantity_{{index}}(container)
	is_string(quantity)
	regex.match(`^[0-9]+$`, quantity)
} else := 0

# A sidecar: an init container that keeps running beside the containers.
gpu_sidecar_{{index}}(container) if container.restartPolicy == "Always"

# The GPUs the pod asks for, as the scheduler reserves them: its sidecars', plus the larger of its
# containers' sum and its largest init container (init containers run one at a time, before the
# containers; a sidecar started after an init container is counted beside it too, an upper bound).
gpus_{{index}}(obj) := sidecars + max([running, initial]) if {
	spec := gpu_pod_spec_{{index}}(obj)
	inits := object.get(spec, "initContainers", [])
	sidecars := sum([gpu_amount_{{index}}(container) | some container in inits; gpu_sidecar_{{index}}(container)])
	running := sum([gpu_amount_{{index}}(container) | some container in object.get(spec, "containers", [])])
	initial := max(array.concat([0], [gpu_amount_{{index}}(container) | some container in inits; not gpu_sidecar_{{index}}(container)]))
}

# METADATA
# title: {{{requirementTitleJSON}}}
# description: {{{requiresJSON}}}
{{#hasBasisClauses}}
# related_resources:
{{#basisClauses}}
#   - ref: {{{linkJSON}}}
#     description: {{{citationJSON}}}
{{/basisClauses}}
{{/hasBasisClauses}}
requirement_{{index}}(obj) := {msg |
	applies(obj)
	gpus_{{index}}(obj) > 0
	not is_string(object.get(labels(obj), params_{{index}}.key, null))
	msg := concat("", [prefix_{{index}}(obj), "requests ", sprintf("%v", [gpus_{{index}}(obj)]), " GPUs but has no ", named_{{index}}])
} | {msg |
	applies(obj)
	gpus_{{index}}(obj) > 0
	class := object.get(labels(obj), params_{{index}}.key, null)
	is_string(class)
	not class in object.keys(gpu_budgets_{{index}})
	msg := concat("", [prefix_{{index}}(obj), named_{{index}}, " is '", class, "', not a GPU budget class"])
} | {msg |
	applies(obj)
	class := object.get(labels(obj), params_{{index}}.key, null)
	is_string(class)
	limit := gpu_budgets_{{index}}[class]
	gpus_{{index}}(obj) > limit
	msg := concat("", [
		prefix_{{index}}(obj), "requests ", sprintf("%v", [gpus_{{index}}(obj)]), " GPUs, above the ", class,
		" budget of ", sprintf("%v", [limit]),
	])
}

"""###
    ),
    (
      "rego/checks/matches.rego.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
# The values requirement {{index}} checks with.
params_{{index}} := parameters.requirements[{{index}}]

# "annotation ai.example.com/logging": the property as messages name it.
named_{{index}} := concat(" ", [{{{nounJSON}}}, params_{{index}}.key])

# METADATA
# title: {{{requirementTitleJSON}}}
# description: {{{requiresJSON}}}
{{#hasBasisClauses}}
# related_resources:
{{#basisClauses}}
#   - ref: {{{linkJSON}}}
#     description: {{{citationJSON}}}
{{/basisClauses}}
{{/hasBasisClauses}}
requirement_{{index}}(obj) := {msg |
	applies(obj)
	not is_string(object.get({{field}}(obj), params_{{index}}.key, null))
	msg := concat("", [prefix_{{index}}(obj), "missing ", named_{{index}}])
} | {msg |
	applies(obj)
	value := object.get({{field}}(obj), params_{{index}}.key, null)
	is_string(value)
	not regex.match(params_{{index}}.pattern, value)
	msg := concat("", [prefix_{{index}}(obj), named_{{index}}, " is '", value, "', not matching ", params_{{index}}.pattern])
}

"""###
    ),
    (
      "rego/checks/none-of.rego.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
# The values requirement {{index}} checks with.
params_{{index}} := parameters.requirements[{{index}}]

# "annotation ai.example.com/logging": the property as messages name it.
named_{{index}} := concat(" ", [{{{nounJSON}}}, params_{{index}}.key])

# The head of a message about each value that cites a clause of its own.
value_heads_{{index}} := {{{valueHeadsRego}}}

# METADATA
# title: {{{requirementTitleJSON}}}
# description: {{{requiresJSON}}}
{{#hasBasisClauses}}
# related_resources:
{{#basisClauses}}
#   - ref: {{{linkJSON}}}
#     description: {{{citationJSON}}}
{{/basisClauses}}
{{/hasBasisClauses}}
requirement_{{index}}(obj) := {msg |
	applies(obj)
	value := object.get({{field}}(obj), params_{{index}}.key, null)
	is_string(value)
	some item in split(value, ",")
	use := trim_space(item)
	use in params_{{index}}.values
	head := object.get(value_heads_{{index}}, use, {{{headJSON}}})
	msg := concat("", [subject(obj), ": ", head, "; ", named_{{index}}, " declares '", use, "', a prohibited practice"])
}

"""###
    ),
    (
      "rego/checks/one-of.rego.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
# The values requirement {{index}} checks with.
params_{{index}} := parameters.requirements[{{index}}]

# "annotation ai.example.com/logging": the property as messages name it.
named_{{index}} := concat(" ", [{{{nounJSON}}}, params_{{index}}.key])

# METADATA
# title: {{{requirementTitleJSON}}}
# description: {{{requiresJSON}}}
{{#hasBasisClauses}}
# related_resources:
{{#basisClauses}}
#   - ref: {{{linkJSON}}}
#     description: {{{citationJSON}}}
{{/basisClauses}}
{{/hasBasisClauses}}
requirement_{{index}}(obj) := {msg |
	applies(obj)
	not is_string(object.get({{field}}(obj), params_{{index}}.key, null))
	msg := concat("", [prefix_{{index}}(obj), "missing ", named_{{index}}])
} | {msg |
	applies(obj)
	value := object.get({{field}}(obj), params_{{index}}.key, null)
	is_string(value)
	not value in params_{{index}}.values
	msg := concat("", [prefix_{{index}}(obj), named_{{index}}, " is '", value, "', ", "expected one of ", concat(", ", params_{{index}}.values)])
}

"""###
    ),
    (
      "rego/checks/present.rego.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
# The values requirement {{index}} checks with.
params_{{index}} := parameters.requirements[{{index}}]

# "annotation ai.example.com/logging": the property as messages name it.
named_{{index}} := concat(" ", [{{{nounJSON}}}, params_{{index}}.key])

# METADATA
# title: {{{requirementTitleJSON}}}
# description: {{{requiresJSON}}}
{{#hasBasisClauses}}
# related_resources:
{{#basisClauses}}
#   - ref: {{{linkJSON}}}
#     description: {{{citationJSON}}}
{{/basisClauses}}
{{/hasBasisClauses}}
requirement_{{index}}(obj) := {msg |
	applies(obj)
	not is_string(object.get({{field}}(obj), params_{{index}}.key, null))
	msg := concat("", [prefix_{{index}}(obj), "missing ", named_{{index}}])
} | {msg |
	applies(obj)
	value := object.get({{field}}(obj), params_{{index}}.key, null)
	is_string(value)
	trim_space(value) == ""
	msg := concat("", [prefix_{{index}}(obj), "empty ", named_{{index}}])
}

"""###
    ),
    (
      "rego/policy.rego.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
# METADATA
# title: {{{titleJSON}}}
# description: {{{descriptionJSON}}}
{{#hasClauses}}
# related_resources:
{{#clauses}}
#   - ref: {{{linkJSON}}}
#     description: {{{citationJSON}}}
{{/clauses}}
{{#also}}
{{#clauses}}
#   - ref: {{{linkJSON}}}
#     description: {{{citationJSON}}}
{{/clauses}}
{{/also}}
{{/hasClauses}}
# custom:
#   control: {{{controlJSON}}}
#   instrument: {{{instrumentJSON}}}
#   instrument_name: {{{instrumentNameJSON}}}
#   version: {{{versionJSON}}}
#   review: {{{reviewJSON}}}
#   clauses:
{{#clauses}}
#     - id: "{{id}}"
#       sha256: "{{sha256}}"
{{#reviewed}}
#       reviewed_sha256: "{{reviewed}}"
{{/reviewed}}
{{/clauses}}
{{#hasAlso}}
#   also:
{{#also}}
#     - instrument: {{{instrumentJSON}}}
#       instrument_name: {{{instrumentNameJSON}}}
#       version: {{{versionJSON}}}
#       clauses:
{{#clauses}}
#         - id: "{{id}}"
#           sha256: "{{sha256}}"
{{/clauses}}
{{/also}}
{{/hasAlso}}
#   rule: {{{ruleJSON}}}
#   template: "rego/policy.rego"
#   generator: {{{generatorJSON}}}
#   enforcement: "{{enforcement}}"
#   nist_ai_rmf: {{{nistJSON}}}
#   iso_42001: {{{isoJSON}}}
package {{package}}

{{> rego/prelude.rego}}

{{#gatekeeper}}
violation contains {"msg": msg} if {
	some msg in violations(input.review.object)
}
{{/gatekeeper}}
{{^gatekeeper}}
{{head}} contains msg if {
	some msg in violations(input)
}
{{/gatekeeper}}
{{#requirements}}

# "deployment/ml/scorer: denied — Article … requires that …; ": the messages of requirement {{index}}.
prefix_{{index}}(obj) := concat("", [subject(obj), ": ", {{{headJSON}}}, "; "])

{{>*regoFragment}}
{{/requirements}}

"""###
    ),
    (
      "rego/policy_test.rego.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
# Generated by {{{generatorJSON}}} with the policy: one compliant workload, one workload per
# unmet requirement, one out of scope. The expected messages are the native evaluator's.
package {{package}}_test

import data.{{package}}
{{#cases}}

test_{{name}} if {
	{{alias}}.violations({{{inputJSON}}}) == {{{expectedRego}}}
}
{{/cases}}

"""###
    ),
    (
      "rego/prelude.rego.mustache",
      ###"""
{{% CONTENT_TYPE: TEXT}}
workload_kinds := {{{kindsRego}}}

{{#gatekeeper}}
# The values this policy checks with (keys, allowed values, minimums, GPU budgets, namespaces left
# alone): the constraint's parameters, which the ConstraintTemplate's schema describes.
parameters := input.parameters
{{/gatekeeper}}
{{^gatekeeper}}
# The values this policy checks with (keys, allowed values, minimums, GPU budgets, namespaces left
# alone), from the organisation profile; Gatekeeper's constraint passes the same as parameters.
parameters := {{{parametersRego}}}
{{/gatekeeper}}

labels(obj) := object.get(obj, ["metadata", "labels"], {})

annotations(obj) := object.get(obj, ["metadata", "annotations"], {})

namespace(obj) := object.get(obj, ["metadata", "namespace"], "default")

# "deployment/ml/scorer": every message starts with the object, then its requirement's head.
subject(obj) := concat("", [lower(obj.kind), "/", namespace(obj), "/", obj.metadata.name])

# The workloads this control covers: never those of an excluded namespace (kube-system, and the
# profile's excluded-namespaces).
applies(obj) if {
	obj.kind in workload_kinds
	not namespace(obj) in parameters.excludedNamespaces
{{#scope}}
	{{{rego}}}
{{/scope}}
{{#annexIII}}
	area := object.get(labels(obj), parameters.annexIIIKey, null)
	is_string(area)
	trim_space(area) != ""
	not area in parameters.annexIIIExcept
{{/annexIII}}
}

# Every message for one object: one per unmet requirement. Tests call it directly.
violations(obj) := {{{unionRego}}}

"""###
    ),
  ]

  public static let samples: [(path: String, text: String)] = [
    (
      "synthetic-oj.html",
      ###"""
<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML//EN" "xhtml-strict.dtd">
<!-- SYNTHETIC SAMPLE, hand-written for regpolicy's tests: not an official text. It imitates the
     markup of EUR-Lex OJ HTML (CONVEX, oj-* classes); the wording is invented. -->
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>synthetic-oj</title></head>
<body>
<table><tbody><tr><td><p class="oj-hd-lg">EN</p></td><td><p class="oj-hd-date">1.2.2030</p></td></tr></tbody></table>
<div class="eli-container">
 <div class="eli-main-title" id="tit_1">
  <p class="oj-doc-ti">REGULATION (EU) 2030/1 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL</p>
  <p class="oj-doc-ti">of 15 January 2030</p>
  <p class="oj-doc-ti">on logging by synthetic AI systems</p>
 </div>
 <div class="eli-subdivision" id="pbl_1">
  <p class="oj-normal">THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,</p>
  <div class="eli-subdivision" id="cit_1"><p class="oj-normal">Having regard to the Treaty on the Functioning of the European Union,</p></div>
  <p class="oj-normal">Whereas:</p>
  <div class="eli-subdivision" id="rct_1"><table><tbody><tr><td><p class="oj-normal">(1)</p></td>
   <td><p class="oj-normal">Logs help to trace the working of AI systems<a id="ntc1-X" href="#ntr1-X">(<span class="oj-super oj-note-tag">1</span>)</a>.</p></td></tr></tbody></table></div>
  <p class="oj-normal">HAVE ADOPTED THIS REGULATION:</p>
 </div>
 <div id="enc_1">
  <div id="cpt_I">
   <p class="oj-ti-section-1">CHAPTER I</p>
   <div class="eli-title"><p class="oj-ti-section-2">LOGGING</p></div>
   <div class="eli-subdivision" id="art_1">
    <p class="oj-ti-art">Article 1</p>
    <div class="eli-title"><p class="oj-sti-art">Obligations of providers</p></div>
    <p class="oj-normal">Providers of synthetic AI systems shall:</p>
    <table><tbody><tr><td><p class="oj-normal">(a)</p></td><td><p class="oj-normal">record events automatically;</p></td></tr></tbody></table>
    <table><tbody><tr><td><p class="oj-normal">(b)</p></td><td><p class="oj-normal">keep the logs for at least six months, in particular:</p>
     <table><tbody><tr><td><p class="oj-normal">(i)</p></td><td><p class="oj-normal">the start and end of each use;</p></td></tr></tbody></table>
     <table><tbody><tr><td><p class="oj-normal">(ii)</p></td><td><p class="oj-normal">the input data.</p></td></tr></tbody></table></td></tr></tbody></table>
   </div>
   <div class="eli-subdivision" id="art_2">
    <p class="oj-ti-art">Article 2</p>
    <div class="eli-title"><p class="oj-sti-art">Deployers</p></div>
    <div id="002.001"><p class="oj-normal">1.   Deployers shall monitor the system.</p>
     <p class="oj-normal">Where deployers find a risk, they shall inform the provider without undue delay.</p></div>
    <div id="002.002"><p class="oj-normal">2.   This Article shall apply from 2 August 2031.</p></div>
   </div>
  </div>
 </div>
 <div class="oj-final"><p class="oj-normal">This Regulation shall be binding in its entirety and directly applicable in all Member States.</p></div>
</div>
<div class="eli-container" id="anx_I">
 <p class="oj-doc-ti">ANNEX I</p>
 <p class="oj-doc-ti">Events to be logged</p>
 <p class="oj-ti-grseq-1">Section A. Mandatory events</p>
 <table><tbody><tr><td><p class="oj-normal">1.</p></td><td><p class="oj-normal">Start of use.</p></td></tr></tbody></table>
 <table><tbody><tr><td><p class="oj-normal">2.</p></td><td><p class="oj-normal">End of use.</p></td></tr></tbody></table>
</div>
<hr class="oj-note"/>
<p class="oj-note"><a id="ntr1-X" href="#ntc1-X">(<span class="oj-super">1</span>)</a>  OJ L 1, 1.1.2030, p. 1.</p>
</body></html>

"""###
    ),
  ]
}
