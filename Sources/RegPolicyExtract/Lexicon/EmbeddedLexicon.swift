// swift-format-ignore-file
// Generated from rules/lexicon/en.tsv by `REGPOLICY_RECORD=1 swift test --filter Lexicon`; do not edit.
// A test fails when this copy and the file differ.

extension Lexicon {
  static let embeddedEnglish = #"""
# The English obligation lexicon: data, not code (docs/ARCHITECTURE.md "Conventions").
#
# One entry per line: CATEGORY <TAB> LABEL <TAB> PHRASE. A phrase is one or more words as the
# tokenizer cuts them; it matches with its first letter in either case ("Providers", "providers").
# The longest phrase wins where several start at the same word. Lines starting with # are comments.
# After editing, run `REGPOLICY_RECORD=1 swift test --filter Lexicon` to refresh the embedded copy.
#
# Categories:
#   role        an addressee role (LABEL = role id); every singular, plural and multi-word form
#   party       a head noun that names a party, for addressees outside the role list (LABEL -; `of`
#               for a noun whose "of" phrase belongs to the name: "Head of the unit", "member of staff")
#   modal       a deontic or trap pattern (LABEL = modality)
#   condition   opens a condition (LABEL -)
#   exception   opens an exception or derogation (LABEL -)
#   deadline    LABEL relative (complete as written: "without undue delay"), anchor (a deadline only
#               when a period or a date follows: "within 15 days", "by 2 August 2026"), periodic
#               ("annually"; takes a following period: "at least every two years")
#   unit        a unit of time that ends a period
#   count       a number written as a word
#   self        a unit that "this …" names ("this Regulation", "this Article")
#   pronoun     a subject that refers back to an earlier addressee
#   determiner  opens a noun phrase
#   relative    opens a qualifier after a subject's head noun ("Deployers that are …")
#   subordinator  opens an adverbial clause ("where", "if"): a modal inside one is not the
#               sentence's main modal (relative clauses do not count: "No decision that … may be taken")
#   preposition opens a modifier of a noun: roles inside it are not addressees ("authorised
#               representatives of providers")
#   coordinator joins parties ("providers and deployers")
#   adverb      may stand between a modal and its verb (words in -ly too)
#   participle  an irregular past participle (regular ones end in -ed)
#   intro       opens an introductory phrase before the subject
#   thing       a head noun of a thing in an agent's form ("register", "order"): never a party
#   adjective   a word before a role that qualifies it without a suffix to show it ("new", "main"):
#               other words there make a compound name ("service provider", "document
#               controller"), as do words without an adjective's ending (-al, -ent, -ive, -ous, …)

# --- AI Act roles (Article 3) ---
role	provider	provider
role	provider	providers
role	deployer	deployer
role	deployer	deployers
role	importer	importer
role	importer	importers
role	distributor	distributor
role	distributor	distributors
role	authorised-representative	authorised representative
role	authorised-representative	authorised representatives
role	operator	operator
role	operator	operators
role	product-manufacturer	product manufacturer
role	product-manufacturer	product manufacturers
role	gpai-provider	provider of a general-purpose AI model
role	gpai-provider	provider of the general-purpose AI model
role	gpai-provider	providers of general-purpose AI models
role	gpai-provider	provider of general-purpose AI models
role	gpai-provider	providers of a general-purpose AI model
role	gpai-provider	providers of the general-purpose AI models
role	gpai-systemic-provider	provider of a general-purpose AI model with systemic risk
role	gpai-systemic-provider	provider of the general-purpose AI model with systemic risk
role	gpai-systemic-provider	providers of general-purpose AI models with systemic risk
role	gpai-systemic-provider	provider of general-purpose AI models with systemic risk
role	notified-body	notified body
role	notified-body	notified bodies
role	notifying-authority	notifying authority
role	notifying-authority	notifying authorities
role	market-surveillance-authority	market surveillance authority
role	market-surveillance-authority	market surveillance authorities
role	market-surveillance-authority	national market surveillance authorities
role	market-surveillance-authority	national market surveillance authority
role	national-competent-authority	national competent authority
role	national-competent-authority	national competent authorities
role	member-state	Member State
role	member-state	Member States
role	commission	Commission
role	commission	European Commission
role	ai-office	AI Office
role	board	Board
role	board	European Artificial Intelligence Board
role	board	European Data Protection Board
role	scientific-panel	scientific panel
role	scientific-panel	scientific panel of independent experts
role	scientific-panel	Scientific Panel
role	advisory-forum	advisory forum
role	downstream-provider	downstream provider
role	downstream-provider	downstream providers

# --- GDPR roles (Article 4) ---
role	controller	controller
role	controller	controllers
role	controller	joint controllers
role	processor	processor
role	processor	processors
role	data-subject	data subject
role	data-subject	data subjects
role	supervisory-authority	supervisory authority
role	supervisory-authority	supervisory authorities
role	lead-supervisory-authority	lead supervisory authority
role	lead-supervisory-authority	lead supervisory authorities
role	supervisory-authority	supervisory authority concerned
role	supervisory-authority	supervisory authorities concerned
role	supervisory-authority	competent supervisory authority
role	data-protection-officer	data protection officer
role	data-protection-officer	data protection officers
role	representative	representative
role	representative	representatives
role	certification-body	certification body
role	certification-body	certification bodies
role	monitoring-body	monitoring body
role	edps	European Data Protection Supervisor

# --- Head nouns that name a party (addressees outside the role list keep their own words) ---
party	-	person
party	-	persons
party	-	institution
party	-	institutions
party	-	undertaking
party	-	undertakings
party	-	authority
party	-	authorities
party	-	body
party	-	bodies
party	-	organisation
party	-	organisations
party	-	entity
party	-	entities
party	-	agency
party	-	agencies
party	-	employer
party	-	employers
party	-	user
party	-	users
party	-	manufacturer
party	-	manufacturers
party	of	recipient
party	of	recipients
party	-	officer
party	-	officers
party	-	officials
party	-	staff
party	of	member
party	of	members
party	of	association
party	of	associations
party	-	court
party	-	courts
party	-	party
party	-	parties
party	-	gatekeeper
party	-	gatekeepers
party	-	trader
party	-	traders
party	-	holder
party	-	holders
party	-	applicant
party	-	applicants
party	-	participant
party	-	participants
party	-	intermediary
party	-	intermediaries
party	-	enterprise
party	-	enterprises
party	-	SMEs
party	-	SME
party	-	start-ups
party	-	expert
party	-	experts
party	-	Council
party	-	Parliament
party	-	Agency
party	-	Office
party	-	Union
party	-	State
party	-	States
party	-	coordinator
party	-	coordinators
party	-	sponsor
party	-	sponsors
party	-	customer
party	-	customers
party	-	consumer
party	-	consumers
party	-	platform
party	-	platforms
party	-	owner
party	-	owners
party	-	auditor
party	-	auditors

party	of	Head
party	of	Heads
party	of	head
party	of	heads
party	-	employee
party	-	employees
party	-	worker
party	-	workers
party	-	personnel
party	-	team
party	-	teams
party	-	shift
party	-	shifts
party	-	desk
party	-	client
party	-	clients
party	-	agent
party	-	agents
party	-	student
party	-	students
party	-	resident
party	-	residents
party	of	president
party	of	President
party	-	firm
party	-	firms
party	-	company
party	-	companies
party	-	bank
party	-	banks
party	-	insurer
party	-	department
party	-	departments
party	-	unit
party	-	units
party	-	government
party	-	governments
party	-	secretariat
party	of	chair
party	of	Chair
party	of	chairman
party	of	Chairman
party	of	chairmen
party	of	Chairmen
party	of	chairperson
party	of	Chairperson
party	of	director
party	of	directors
party	of	Director
party	-	committee
party	-	committees
party	-	individual
party	-	individuals

party	-	organization
party	-	organizations
party	-	Organisations
party	-	constable
party	-	board
party	-	boards
party	-	constables
party	-	patient
party	-	patients
party	-	analyst
party	-	analysts
party	-	clerk
party	-	clerks
party	-	charity
party	-	charities
party	-	parent
party	-	parents
party	-	nurse
party	-	nurses
party	-	pupil
party	-	pupils
party	-	victim
party	-	victims
party	-	citizen
party	-	citizens
party	-	landlord
party	-	landlords
party	-	registrar
party	-	registrars

# --- Modality. The longest phrase wins, so traps ("shall mean", "shall not affect") beat "shall". ---
modal	obligation	shall
modal	obligation	must
modal	obligation	is required to
modal	obligation	are required to
modal	obligation	shall be required to
modal	obligation	is obliged to
modal	obligation	are obliged to
modal	obligation	shall be obliged to
modal	obligation	has to
modal	obligation	have to
modal	obligation	it shall be ensured
modal	prohibition	shall not
modal	prohibition	shall neither
modal	prohibition	must neither
modal	prohibition	may not
modal	prohibition	must not
modal	prohibition	shall in no case
modal	prohibition	shall under no circumstances
modal	prohibition	in no case shall
modal	prohibition	under no circumstances shall
modal	prohibition	shall be prohibited
modal	prohibition	is prohibited
modal	prohibition	are prohibited
modal	prohibition	shall refrain from
modal	prohibition	is not allowed to
modal	prohibition	are not allowed to
modal	prohibition	is not permitted
modal	prohibition	are not permitted
modal	permission	may
modal	permission	is entitled to
modal	permission	are entitled to
modal	permission	shall be entitled to
modal	permission	shall be authorised to
modal	permission	shall be authorized to
modal	permission	shall be allowed to
modal	permission	shall be permitted to
modal	permission	shall be able to
modal	permission	must be able to
modal	permission	shall be entitled
modal	right	should have the right
modal	right	should have a right
modal	right	shall have the right
modal	right	has the right
modal	right	have the right
modal	permission	is allowed to
modal	permission	are allowed to
modal	permission	is permitted to
modal	permission	are permitted to
modal	permission	shall be free to
modal	permission	shall be lawful
modal	permission	is lawful
modal	permission	shall be lawful only
modal	recommendation	should
modal	recommendation	should not
modal	recommendation	ought to
modal	recommendation	ought not to
modal	recommendation	is encouraged to
modal	recommendation	are encouraged to
modal	recommendation	shall be encouraged to
modal	recommendation	is invited to
modal	recommendation	are invited to
modal	recommendation	is recommended
modal	recommendation	are recommended
modal	recommendation	it is recommended
modal	recommendation	it is encouraged
modal	recommendation	it is important that
modal	recommendation	it is advisable
modal	exemption	by way of derogation from
modal	exemption	by way of derogation to
modal	exemption	by derogation from
modal	exemption	may be exempt from
modal	exemption	may be exempted from
modal	exemption	shall not be required
modal	exemption	is not required
modal	exemption	are not required
modal	exemption	shall not be required to
modal	exemption	is not required to
modal	exemption	are not required to
modal	exemption	shall be exempted from
modal	exemption	shall be exempt from
modal	exemption	is exempt from
modal	exemption	are exempt from
modal	exemption	may derogate
modal	exemption	shall not be obliged to
modal	exemption	does not cover
modal	exemption	shall not cover
modal	definition	means
modal	definition	shall mean
modal	definition	the following definitions apply
modal	definition	the following definitions shall apply
modal	definition	is defined as
modal	scope	shall apply to
modal	scope	shall apply
modal	scope	shall also apply
modal	scope	shall apply mutatis mutandis
modal	scope	applies to
modal	scope	apply to
modal	scope	shall not apply
modal	scope	does not apply
modal	scope	do not apply
modal	scope	applies neither
modal	scope	shall not affect
modal	scope	does not affect
modal	scope	shall be without prejudice
modal	scope	is without prejudice
modal	scope	are without prejudice
modal	scope	does not preclude
modal	scope	shall not preclude
modal	scope	lays down
modal	scope	establishes
modal	scope	shall be deemed
modal	scope	shall be presumed
modal	scope	shall be considered
modal	scope	shall not be binding
modal	scope	shall be binding
modal	scope	shall be unfair
modal	scope	shall be regarded as
modal	scope	shall not be regarded as
modal	scope	shall not be construed
modal	scope	shall not be interpreted
modal	scope	shall not be considered
modal	scope	shall not be deemed
modal	scope	shall be construed
modal	scope	shall be read
modal	definition	shall be understood as
modal	entry-into-force	shall enter into force
modal	entry-into-force	shall apply from
modal	entry-into-force	shall be binding in its entirety
modal	entry-into-force	shall cease to apply
modal	entry-into-force	shall survive
modal	entry-into-force	is repealed
modal	entry-into-force	shall be repealed
modal	empowerment	is empowered to
modal	empowerment	are empowered to
modal	empowerment	shall be empowered to
modal	empowerment	power to adopt delegated acts
modal	empowerment	shall have the power to
modal	constitution	shall not have the power to
modal	constitution	shall not have the power
modal	empowerment	has the power to
modal	empowerment	have the power to
modal	empowerment	shall have the following powers
modal	empowerment	is conferred on the Commission
modal	empowerment	shall be conferred on the Commission
modal	amendment	is amended as follows
modal	amendment	are amended as follows
modal	amendment	is amended
modal	amendment	are amended
modal	amendment	shall be amended
modal	amendment	is replaced by
modal	amendment	are replaced by
modal	amendment	shall be replaced by
modal	amendment	is inserted
modal	amendment	are inserted
modal	amendment	is added
modal	amendment	are added
modal	amendment	is deleted
modal	amendment	are deleted
modal	amendment	shall be deleted
modal	amendment	is hereby amended
modal	amendment	shall be added
modal	amendment	shall be inserted
modal	none	by means of
modal	none	means of

modal	right	shall have the right to
modal	right	has the right to
modal	right	have the right to
modal	right	shall also have the right
modal	right	shall have access to
modal	right	shall have a claim
modal	right	shall have the same rights
modal	obligation	is obligated to
modal	obligation	are obligated to
modal	obligation	has the obligation to
modal	obligation	have the obligation to
modal	obligation	has a duty to
modal	obligation	have a duty to
modal	obligation	it is the duty of
modal	obligation	it is mandatory
modal	obligation	it is the responsibility of
modal	obligation	lies with
modal	obligation	rests with
modal	obligation	shall lie with
modal	obligation	shall rest with
modal	obligation	is responsible for
modal	obligation	bears the burden of proving
modal	obligation	bears the burden of proof
modal	obligation	shall bear the burden of proving
modal	obligation	shall bear the burden of proof
modal	obligation	are responsible for
modal	obligation	is accountable for
modal	obligation	are accountable for
modal	obligation	undertakes to
modal	obligation	undertake to
modal	obligation	agrees to
modal	obligation	agree to
modal	obligation	is to be
modal	obligation	are to be
modal	obligation	is expected to
modal	obligation	are expected to
modal	obligation	requires
modal	obligation	require
modal	obligation	will
modal	prohibition	will not
modal	prohibition	is forbidden
modal	prohibition	are forbidden
modal	prohibition	it is forbidden
modal	permission	can
modal	exemption	shall not be liable
modal	exemption	is not liable
modal	exemption	shall have no liability
modal	exemption	has no liability
modal	exemption	shall incur no liability
modal	exemption	is not guilty of
modal	exemption	shall not be guilty of
modal	exemption	are not liable
modal	exemption	shall not be held liable
modal	obligation	is liable on summary conviction
modal	obligation	are liable on summary conviction
modal	obligation	is liable on conviction
modal	obligation	are liable on conviction
modal	exemption	need not
modal	exemption	is exempted from
modal	exemption	are exempted from
modal	scope	shall constitute
modal	scope	shall not constitute
modal	scope	constitutes
modal	scope	shall be treated as
modal	entry-into-force	will commence
modal	entry-into-force	shall commence
modal	entry-into-force	will terminate
modal	entry-into-force	shall expire
modal	entry-into-force	will expire
modal	entry-into-force	shall come into force
modal	entry-into-force	comes into force
modal	entry-into-force	come into force
modal	entry-into-force	takes effect
modal	entry-into-force	take effect
modal	entry-into-force	shall take effect
modal	entry-into-force	is effective from
modal	entry-into-force	are effective from
modal	constitution	shall be composed of
modal	constitution	shall consist of
modal	constitution	is hereby established
modal	constitution	are hereby established
modal	constitution	is established
modal	constitution	shall be calculated
modal	constitution	there shall be no
modal	constitution	shall be chaired by
modal	constitution	shall have legal personality
modal	constitution	shall be composed
modal	constitution	shall be made up of

# --- Head nouns of things that have an agent's form (-er, -or, -ee, -ant, -ist, -ian): not parties ---
thing	-	number
thing	-	numbers
thing	-	register
thing	-	registers
thing	-	order
thing	-	orders
thing	-	parameter
thing	-	parameters
thing	-	computer
thing	-	computers
thing	-	container
thing	-	containers
thing	-	dispenser
thing	-	dispensers
thing	-	dossier
thing	-	dossiers
thing	-	letter
thing	-	letters
thing	-	paper
thing	-	papers
thing	-	matter
thing	-	matters
thing	-	chapter
thing	-	chapters
thing	-	error
thing	-	errors
thing	-	sector
thing	-	sectors
thing	-	factor
thing	-	factors
thing	-	indicator
thing	-	indicators
thing	-	vector
thing	-	vectors
thing	-	manner
thing	-	manners
thing	-	border
thing	-	borders
thing	-	centre
thing	-	centres
thing	-	center
thing	-	centers
thing	-	other
thing	-	either
thing	-	neither
thing	-	never
thing	-	polymer
thing	-	polymers
thing	-	whether
thing	-	together
thing	-	however
thing	-	further
thing	-	rather
thing	-	whatever
thing	-	whoever
thing	-	after
thing	-	under
thing	-	over
thing	-	per
thing	-	others
thing	-	identifier
thing	-	identifiers
thing	-	marker
thing	-	markers
thing	-	filter
thing	-	filters
thing	-	cluster
thing	-	clusters
thing	-	layer
thing	-	layers
thing	-	server
thing	-	servers
thing	-	header
thing	-	headers
thing	-	folder
thing	-	folders
thing	-	buffer
thing	-	buffers
thing	-	counter
thing	-	counters
thing	-	trigger
thing	-	triggers
thing	-	barrier
thing	-	barriers
thing	-	power
thing	-	powers
thing	-	quarter
thing	-	quarters
thing	-	character
thing	-	characters
thing	-	monitor
thing	-	monitors
thing	-	detector
thing	-	detectors
thing	-	sensor
thing	-	sensors
thing	-	generator
thing	-	generators
thing	-	calculator
thing	-	calculators
thing	-	floor
thing	-	floors
thing	-	door
thing	-	doors
thing	-	behaviour
thing	-	behaviours
thing	-	behavior
thing	-	behaviors
thing	-	labour
thing	-	labours
thing	-	favour
thing	-	favours
thing	-	guarantee
thing	-	guarantees
thing	-	fee
thing	-	fees
thing	-	degree
thing	-	degrees
thing	-	plant
thing	-	plants
thing	-	grant
thing	-	grants
thing	-	variant
thing	-	variants
thing	-	constant
thing	-	constants
thing	-	list
thing	-	lists
thing	-	checklist
thing	-	checklists
thing	-	median
thing	-	medians
thing	-	answer
thing	-	answers
thing	-	meter
thing	-	meters
thing	-	water
thing	-	waters
thing	-	transfer
thing	-	transfers
thing	-	offer
thing	-	offers
thing	-	tender
thing	-	tenders
thing	-	cover
thing	-	covers
thing	-	summer
thing	-	summers
thing	-	winter
thing	-	winters
thing	-	calendar
thing	-	calendars
thing	-	semester
thing	-	semesters
thing	-	newsletter
thing	-	newsletters
thing	-	charter
thing	-	charters
thing	-	ledger
thing	-	ledgers
thing	-	sticker
thing	-	stickers
thing	-	banner
thing	-	banners
thing	-	paragraph
thing	-	paragraphs
thing	-	disclaimer
thing	-	disclaimers
thing	-	waiver
thing	-	waivers

modal	recommendation	is advised to
modal	recommendation	are advised to
modal	recommendation	it is good practice
modal	recommendation	may consider
modal	recommendation	may wish to
modal	permission	has authority to
modal	permission	have authority to
modal	permission	has the authority to
modal	permission	authorises
modal	permission	authorizes
modal	constitution	shall be based on
modal	constitution	should be based on
modal	scope	should be without prejudice
modal	scope	should be deemed
modal	scope	should be considered
modal	scope	should be regarded as
modal	scope	should not be considered
modal	scope	should not be deemed
modal	scope	should not be regarded as
modal	definition	should be understood as
modal	scope	should apply
modal	scope	should apply to
modal	entry-into-force	should apply from
modal	scope	should not apply
modal	scope	should constitute
modal	scope	should not constitute
modal	constitution	shall be assisted by
modal	constitution	shall be valid
modal	constitution	shall remain valid
modal	constitution	shall remain in force
modal	constitution	shall be unenforceable
modal	constitution	shall be void
modal	constitution	shall be null and void
modal	constitution	shall be invalid
modal	constitution	shall be renewable
modal	constitution	shall be appointed for a term
modal	constitution	shall be appointed for a period
modal	constitution	shall be elected for a term
modal	constitution	shall be elected for a period
modal	constitution	shall be shortened
modal	constitution	shall begin to run
modal	constitution	shall be governed by
modal	constitution	is governed by
modal	constitution	are governed by
# What parties state as fact binds no one ("The Customer acknowledges that", "The Company expects");
# an act's effect on another ("shall put an end to")
modal	constitution	shall put an end to
modal	constitution	acknowledge that
modal	constitution	acknowledges that
modal	constitution	anticipate that
modal	constitution	anticipates that
modal	constitution	expects

# Capitalised words of contracts and policies that name things, not parties ("This Agreement will commence")
thing	-	Agreement
thing	-	Agreements
thing	-	Policy
thing	-	Policies
thing	-	Rules
thing	-	Schedule
thing	-	Software
thing	-	Goods
thing	-	Products
thing	-	Services
thing	-	Premises
thing	-	Property
thing	-	Rent
thing	-	Term
thing	-	Site
thing	-	Platform
thing	-	Account
thing	-	Contract
thing	-	Licence
thing	-	License
thing	-	Fund
thing	-	Trust
thing	-	Deed
thing	-	Plan
thing	-	Order
thing	-	Notice
thing	-	Manual
thing	-	Procedure
thing	-	Standard
thing	-	Code
thing	-	Guidelines

modal	prohibition	agrees not to
modal	prohibition	agree not to
modal	prohibition	undertakes not to
modal	prohibition	undertake not to
modal	prohibition	it is an offence
modal	prohibition	under no circumstances may
modal	prohibition	is not to be
modal	prohibition	are not to be
modal	permission	shall not be prevented from
modal	prohibition	shall be prevented from
modal	recommendation	should be prevented from
modal	empowerment	should be empowered to
modal	empowerment	are empowered to
modal	prohibition	are not to be
modal	prohibition	shall be allowed only
modal	prohibition	shall be permitted only
modal	empowerment	has power to
modal	definition	has the meaning
modal	definition	have the meaning
modal	empowerment	have power to
modal	empowerment	with power to
modal	empowerment	shall be competent to
modal	empowerment	is conferred on
modal	scope	is addressed to
modal	scope	are addressed to
modal	scope	shall in no way affect
modal	scope	shall leave intact
modal	scope	does not constitute
modal	scope	do not constitute
modal	scope	is not intended to
modal	scope	are not intended to
modal	scope	is not covered by
modal	scope	are not covered by
modal	scope	is treated as
modal	scope	are treated as
modal	scope	is to be regarded as
modal	scope	are to be regarded as
modal	scope	must be taken to
modal	scope	is deemed
modal	scope	are deemed
modal	scope	provides for
modal	scope	excludes
# --- Conditions, exceptions ---
condition	-	where
condition	-	if
condition	-	in so far as
condition	-	insofar as
condition	-	provided that
condition	-	on condition that
condition	-	to the extent that
condition	-	to the extent
condition	-	in the case of
condition	-	in cases where
condition	-	in the event of
condition	-	as long as
condition	-	when
condition	-	where applicable
condition	-	if applicable
condition	-	subject to
exception	-	unless
exception	-	except
exception	-	except where
exception	-	except when
exception	-	with the exception of
exception	-	without prejudice to
exception	-	by way of derogation from
exception	-	by way of derogation to
exception	-	by derogation from
exception	-	notwithstanding
exception	-	other than
exception	-	save where
exception	-	this prohibition shall not apply
exception	-	this prohibition does not cover
exception	-	unless provided otherwise
exception	-	excluding

# --- Deadlines and dates ---
deadline	relative	without undue delay
deadline	relative	without delay
deadline	relative	immediately
deadline	relative	promptly
deadline	relative	forthwith
deadline	relative	in a timely manner
deadline	relative	without undue delay and in any event
deadline	relative	as soon as possible
deadline	relative	prior to
deadline	relative	ex ante
deadline	relative	with immediate effect
deadline	relative	without undue further delay
deadline	relative	at the latest at the time of
deadline	relative	on the twentieth day following
deadline	relative	on the day following
deadline	relative	at the latest by the date of entry into application
deadline	anchor	within
deadline	anchor	no later than
deadline	anchor	not later than
deadline	anchor	at the latest within
deadline	anchor	at least
deadline	anchor	for a period of
deadline	anchor	a period of
deadline	anchor	of at least
deadline	anchor	after
deadline	anchor	following
deadline	anchor	at the latest
deadline	anchor	by
deadline	anchor	from
deadline	anchor	as from
deadline	anchor	as of
deadline	anchor	until
deadline	anchor	before
deadline	anchor	on
deadline	anchor	at the latest by
deadline	periodic	at least every
deadline	periodic	every
deadline	periodic	at least once every
deadline	periodic	once every
deadline	periodic	annually
deadline	periodic	annual report
deadline	periodic	annual reports
deadline	periodic	on an annual basis
deadline	periodic	on a regular basis
deadline	periodic	regularly
deadline	periodic	periodically
deadline	periodic	at least once a year
deadline	periodic	once a year
deadline	periodic	every year
deadline	periodic	each year
unit	-	day
unit	-	days
unit	-	working days
unit	-	calendar days
unit	-	week
unit	-	weeks
unit	-	month
unit	-	months
unit	-	year
unit	-	years
unit	-	hour
unit	-	hours
unit	-	calendar year
unit	-	financial year
count	-	one
count	-	two
count	-	three
count	-	four
count	-	five
count	-	six
count	-	seven
count	-	eight
count	-	nine
count	-	ten
count	-	eleven
count	-	twelve
count	-	fifteen
count	-	eighteen
count	-	twenty
count	-	thirty
count	-	sixty
count	-	ninety
count	-	a

# --- Grammar words ---
self	-	Regulation
self	-	Directive
self	-	Decision
self	-	Chapter
self	-	Section
self	-	Article
self	-	paragraph
self	-	subparagraph
self	-	point
self	-	Annex
self	-	Annexes
self	-	Articles
self	-	Chapters
self	-	Title
self	-	Part
pronoun	-	they
pronoun	-	it
pronoun	-	he
pronoun	-	she
pronoun	-	the latter
pronoun	-	the former
determiner	-	the
determiner	-	a
determiner	-	an
determiner	-	any
determiner	-	each
determiner	-	every
determiner	-	all
determiner	-	such
determiner	-	that
determiner	-	those
determiner	-	these
determiner	-	this
determiner	-	its
determiner	-	their
determiner	-	relevant
determiner	-	other
determiner	-	no
determiner	-	neither
relative	-	which
relative	-	who
relative	-	whom
relative	-	whose
relative	-	that
relative	-	where
relative	-	referred
relative	-	established
relative	-	located
relative	-	designated
relative	-	concerned
relative	-	subject
relative	-	using
relative	-	placing
relative	-	acting
participle	-	made
participle	-	kept
participle	-	given
participle	-	taken
participle	-	done
participle	-	drawn
participle	-	drawn up
participle	-	laid
participle	-	laid down
participle	-	set
participle	-	set out
participle	-	put
participle	-	sent
participle	-	shown
participle	-	known
participle	-	held
participle	-	borne
participle	-	brought
participle	-	built
participle	-	met
participle	-	paid
participle	-	sought
participle	-	undertaken
participle	-	written
participle	-	chosen
participle	-	withdrawn
participle	-	carried out
participle	-	bound
participle	-	found
participle	-	led
participle	-	run
participle	-	understood
participle	-	forbidden
participle	-	overseen
participle	-	seen
participle	-	told
participle	-	spent
participle	-	kept up
participle	-	upheld
participle	-	dealt
participle	-	read
intro	-	where
intro	-	if
intro	-	when
intro	-	without prejudice to
intro	-	by way of derogation from
intro	-	in accordance with
intro	-	for the purposes of
intro	-	for the purpose of
intro	-	pursuant to
intro	-	upon
intro	-	before
intro	-	after
intro	-	notwithstanding
intro	-	in addition
intro	-	however
intro	-	to that end
intro	-	to this end
intro	-	for that purpose
intro	-	regardless of
intro	-	irrespective of
intro	-	subject to
intro	-	unless
intro	-	on the basis of
intro	-	in order to
intro	-	with regard to
intro	-	as regards
intro	-	in the case of
intro	-	in particular
intro	-	in that case
intro	-	in such cases
intro	-	in duly justified cases
intro	-	in a duly justified situation
intro	-	by
intro	-	from
intro	-	within
intro	-	in
intro	-	for
intro	-	on
intro	-	at
intro	-	to the extent
intro	-	insofar as
intro	-	in so far as
intro	-	once
intro	-	as soon as
intro	-	following
intro	-	after consulting
intro	-	where applicable
intro	-	as a minimum
intro	-	furthermore
intro	-	moreover
intro	-	accordingly
intro	-	therefore
intro	-	thereafter
intro	-	at the request of
intro	-	on request
intro	-	where appropriate
intro	-	as appropriate
intro	-	as applicable
intro	-	as necessary
intro	-	as relevant
intro	-	as required

# --- Clause structure ---
subordinator	-	where
subordinator	-	if
subordinator	-	when
subordinator	-	whether
subordinator	-	unless
subordinator	-	although
subordinator	-	because
subordinator	-	while
subordinator	-	how
preposition	-	of
preposition	-	for
preposition	-	in
preposition	-	with
preposition	-	under
preposition	-	to
preposition	-	by
preposition	-	after
preposition	-	from
preposition	-	on
preposition	-	at
preposition	-	within
preposition	-	including
preposition	-	than
preposition	-	between
preposition	-	among
preposition	-	regarding
preposition	-	concerning
preposition	-	as
preposition	-	about
preposition	-	into
preposition	-	without
preposition	-	upon
preposition	-	pursuant
preposition	-	through
preposition	-	against
preposition	-	via
coordinator	-	and
coordinator	-	or
coordinator	-	nor
adverb	-	also
adverb	-	only
adverb	-	not
adverb	-	still
adverb	-	further
adverb	-	therefore
adverb	-	hereby
adverb	-	thereby
adverb	-	likewise
adverb	-	jointly
adverb	-	first
adverb	-	then
adverb	-	in particular
adverb	-	in any event
adverb	-	at all times
adverb	-	in any case
adverb	-	as a minimum
adverb	-	in addition
adverb	-	at least
adverb	-	either
adverb	-	so
adverb	-	always
adverb	-	duly

# --- Adjectives without an adjective's ending: before a role they qualify it, they do not name another party ---
adjective	-	new
adjective	-	another
adjective	-	old
adjective	-	main
adjective	-	prior
adjective	-	former
adjective	-	sole
adjective	-	single
adjective	-	joint
adjective	-	first
adjective	-	last
adjective	-	next
adjective	-	small
adjective	-	large
adjective	-	big
adjective	-	major
adjective	-	minor
adjective	-	same
adjective	-	own
adjective	-	third
adjective	-	certain
adjective	-	due
adjective	-	high
adjective	-	low
adjective	-	full
adjective	-	many
adjective	-	few
adjective	-	most
adjective	-	more
adjective	-	less
adjective	-	latter
adjective	-	top
adjective	-	chief
adjective	-	senior
adjective	-	junior
"""#
}
