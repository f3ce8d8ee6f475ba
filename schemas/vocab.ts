/**
 * Controlled vocabularies shared by several tables, each value with the
 * definition printed in the codebook and datapackage.json.
 */

/** PLOVER event types (Halterman et al., "PLOVER and POLECAT", 2023), plus OTHER. */
export const EVENT_TYPES = {
  AGREE: 'Agree to, or sign, an agreement, settlement or ceasefire; express intent to cooperate.',
  CONSULT: 'Meet, negotiate, hold talks, visit or host a visit, invite to talks, make a phone call.',
  SUPPORT: 'Praise, endorse, defend or express support for another actor or its position.',
  CONCEDE: 'Yield: resign, release, apologize, ease restrictions, give up a demand.',
  COOPERATE: 'Cooperate in practice: share intelligence, coordinate, form an alliance, unite.',
  AID: 'Give or pledge material, humanitarian, military or economic aid.',
  RETREAT: 'Withdraw forces, demobilize, pull out of an agreement or position.',
  REQUEST: 'Ask, urge, call for or demand something of another actor.',
  ACCUSE: 'Accuse, blame, criticize, condemn or denounce.',
  REJECT: 'Refuse, reject, deny, veto, or decline a request or proposal.',
  THREATEN: 'Threaten force, sanctions or other costs; issue an ultimatum.',
  PROTEST: 'Demonstrate, rally, strike, boycott or riot.',
  SANCTION: 'Impose or announce sanctions, embargoes, suspensions of aid or of relations.',
  MOBILIZE: 'Mobilize or deploy forces, raise alert levels, call up reserves.',
  COERCE: 'Arrest, detain, expel, seize, censor, ban or otherwise coerce without violence.',
  ASSAULT: 'Use violence: attack, bomb, shoot, kill, abduct, assassinate.',
  OTHER: 'A reported happening that fits none of the types above.',
} as const;

/**
 * Finer, ACLED-compatible event subtypes (ACLED codebook 2023 sub-event types, plus the CASE 2021
 * "unseen" types and three for what news reports beyond conflict). Each refines one or more PLOVER
 * types; the codebook prints this list. Empty when no finer code applies.
 */
export const EVENT_SUBTYPES = {
  armed_clash: 'Armed, organized groups fight each other (clashes, exchanges of fire, battles).',
  air_strike: 'Attack from the air: air strikes, drone strikes, warplanes, helicopters.',
  shelling: 'Shelling, artillery, mortar, rocket or missile attack from a distance.',
  remote_explosive: 'Remote explosive, landmine or improvised explosive device (roadside bomb, car bomb, IED).',
  suicide_bomb: 'Suicide bombing.',
  grenade: 'Grenade attack.',
  attack: 'Attack by an armed group on people or places, not otherwise coded (shootings, raids, killings).',
  abduction: 'Abduction, kidnapping or forced disappearance.',
  sexual_violence: 'Rape or other sexual violence.',
  arrest: 'Arrest, detention or jailing by state forces (a jailing and the conviction that brings it are one event; an arrest before them another).',
  peaceful_protest: 'Demonstration, march, rally or strike without violence or intervention.',
  protest_with_intervention: 'Peaceful protest met with intervention short of violence (dispersal, arrests).',
  force_against_protest: 'Force used against protesters (tear gas, live fire, beatings).',
  violent_demonstration: 'Demonstrators use violence or destroy property (riots, stone-throwing, torching).',
  mob_violence: 'Violence by an unorganized crowd (lynching, vigilante mob).',
  agreement: 'Agreement, ceasefire, peace deal, prisoner exchange, surrender.',
  diplomatic: 'Diplomatic measure: expelling diplomats, cutting ties, sanctions, recalling an ambassador.',
  change_to_group: 'Change to a group or its activity: defection, deployment, formation, merger.',
  base_established: 'A group establishes a base, headquarters or post.',
  territory_transfer: 'Territory handed over without fighting (withdrawal, handover).',
  government_regains_territory: 'Government forces retake territory.',
  non_state_takes_territory: 'A non-state group takes territory.',
  disrupted_weapons: 'Weapons, explosives or caches seized, found, defused or destroyed.',
  property_destruction: 'Property destroyed, burned or looted without attack on people.',
  chemical_weapon: 'Chemical weapon used (poison gas, chlorine, sarin).',
  claim_of_responsibility: 'A group claims or denies responsibility, or is blamed, for an event.',
  natural_disaster: 'Natural hazard: earthquake, flood, storm, wildfire, drought, epidemic.',
  man_made_disaster: 'Accident or industrial disaster: explosion not from an attack, fire, crash, collapse, spill.',
  organized_crime: 'Organized crime: trafficking, smuggling, cartel or gang activity, extortion.',
  other: 'Another conflict-related happening.',
  election: 'An election, referendum, vote or appointment.',
  legal_action: 'A court case, ruling, lawsuit, fine, charge or sentence.',
  economic: 'A business happening: acquisition, merger, bankruptcy, layoffs, results.',
} as const;

/** Recognizer rules of event mentions (event_mentions.rule): how the trigger was found and read. */
export const EVENT_RULES = {
  verb: 'A verb trigger of the lexicon ("shelled"); roles from its clause (subject, object, passive by-agent).',
  noun: 'A nominal trigger ("the attack on X", "X\'s offensive"); roles from the words attached to it.',
  phrase: 'A fixed multi-word trigger ("went on strike", "claimed responsibility").',
  verb_object: 'A verb with an object that makes it an event ("froze the assets", "seized weapons").',
  sense: 'A trigger read in another sense by a sense rule (a strike by workers is a protest, a flood that killed is a disaster).',
  agentless: 'A clear happening with no named agent (an explosion, a flood, killings by unknown gunmen), kept with its place or country.',
} as const;

export const EVENT_STATUS = {
  occurred: 'The text reports it as having happened.',
  planned: 'Announced or scheduled for the future (will, is to, next week, invited to).',
  ongoing: 'Under way at the time of writing.',
  unknown: 'The text does not say.',
} as const;

export const DATE_PRECISION = {
  day: 'The date is known to the day (or a span of days).',
  month: 'Only the month is known; date_start/date_end span the month or its stated part.',
  year: 'Only the year is known.',
  unknown: 'No date could be resolved.',
} as const;

export const EVENT_ROLES = {
  source: 'The actor that acts (the subject of the trigger).',
  target: 'The actor acted upon (the object of the trigger).',
  participant: 'Takes part without a clear direction (meetings between several actors).',
} as const;

export const ACTOR_TYPES = {
  person: 'A named individual.',
  organization:
    'A named body with a structure of its own: government body, international organization, party, named armed or political organization (e.g. a militia or movement with a leadership), company, news outlet, NGO.',
  country: 'A sovereign state or state-like entity acting as a whole (ISO 3166-1).',
  group: 'A loose or unnamed collective that acts together without one structure: "the West", "Western governments", "protesters".',
} as const;

export const FIGURE_CATEGORIES = {
  killed: 'People killed or dead (killed, dead, deaths, death toll).',
  injured: 'People wounded or injured.',
  abducted: 'People abducted, taken hostage or kidnapped.',
  displaced: 'People displaced, evacuated, made refugees or homeless.',
  arrested: 'People arrested or detained.',
  missing: 'People missing.',
  participants: 'Actors taking part: factions, groups, delegates, organizations invited or attending, protesters.',
  money: 'An amount of money.',
  votes: 'Votes cast or won (unit votes, ballots).',
  seats: 'Seats won or held (in a parliament, a council, a board).',
  share:
    'A percentage of something named ("40.2% of the vote"): unit "%", share_of says of what. A percentage without "of ..." (a change, a rate) is not published.',
  other: 'Any other counted quantity.',
} as const;

export const FIGURE_QUALIFIERS = {
  exact: 'The number as stated, with no hedge.',
  approx: 'Hedged: about, around, nearly, close to, some, roughly, an estimated.',
  at_least: 'A lower bound: more than, over, at least, upwards of.',
  at_most: 'An upper bound: up to, as many as, no more than, fewer than.',
  range: 'Two bounds: 12 to 14, between 12 and 14, 12-14.',
} as const;

export const FIGURE_AS_OF_BASIS = {
  stated: 'A date stated in the figure\'s sentence ("as of Sunday", "on Sunday the ministry said"), resolved against the publication date.',
  now: '"So far", "till now", "to date": the publication date.',
  published: 'No date in the sentence: the publication date, the date of the report.',
} as const;

/** Recognizer rules of the figures table: how the number found what it counts (the `rule` column). */
export const FIGURE_RULES = {
  currency: 'An amount after a currency sign or code ("$4.5bn", "EUR 300").',
  'number-unit': 'A number followed by the noun it counts ("1,200 villagers", "two million dollars").',
  partitive: 'A part of a stated total, the unit taken from the total ("38 of the 72 seats").',
  'unit-number': 'The noun counted is found before the number ("the toll of dead rose to 45").',
  'borrowed-unit': 'A bare number that takes the unit of the figure before it in its sentence ("40 people were killed and 12 injured": 12 people).',
  'subject-unit': 'A bare number predicated of its subject noun by a linking verb ("refugees in the camps reached 12,500"): the subject is the unit.',
  'vote-noun':
    'A bare number after a verb of winning, counting the votes or seats named earlier in its sentence ("in the runoff vote the challenger polled 48,210").',
  governed: 'A number with no unit, counted by the word that governs it ("killed 12", "arrested at least 30").',
  share:
    'A percentage of something named ("41% of the vote", or "turnout was 61%" for the subjects in figure-words.json shareSubjects): category share, unit %, share_of the thing.',
} as const;

/** Recognizer rules of the quotes table: which quotation marks delimit the quote (the `rule` column). */
export const QUOTE_RULES = {
  paired: 'Opening and closing quotation marks in one paragraph.',
  unopened: 'A closing mark with no opening one: the quote starts at the paragraph (or after the sentence that followed the previous quote).',
  unclosed: 'An opening mark never closed: the quote runs to the end of the paragraph (the convention for a quote that goes on in the next paragraph).',
} as const;

export const PUBLISHED_BASIS = {
  stated: 'Stated in the article text (a dateline or "Published ..." line).',
  metadata: 'From the manifest, HTML meta tags or a JSON field.',
  inferred: 'Bounded from the text (e.g. the latest dated happening it reports).',
  unknown: 'Not known.',
} as const;

export const MENTION_METHODS = {
  gazetteer: 'Matched a name or alias in a gazetteer.',
  exact: 'The full name as written, recognized by pattern (title, capitalized name).',
  alias: 'A short form (surname, short name) resolved to a full name seen earlier.',
  acronym: 'An acronym defined in the text or known from the gazetteer.',
  fuzzy: 'A spelling variant resolved by string similarity.',
  demonym: 'A demonym or adjective standing for its country ("Russian officials").',
  metonym: 'A capital or seat of government standing for its country when it acts ("Moscow has sent", "the Kremlin said").',
  generic:
    'A generic state force or collective ("the army", "Kenyan police", "protesters"), named "<Label> (<Country>)"; state forces are one actor per country, collectives one per article.',
} as const;

/** The recognizer rule that made an actor mention (actor_mentions.rule); arbitration priorities in pipeline/extract/actors/arbitrate.ts. */
export const ACTOR_RULES = {
  'gazetteer-entry': 'A name, alias or acronym of the actors gazetteer (organizations, groups, leaders).',
  'acronym-use': 'A use of an acronym the article defines ("Long Name (LN)") or the gazetteer knows.',
  'alias-apposition': 'A descriptive alias in apposition to an organization named just before ("X, the UN refugee agency").',
  'acronym-definition': 'The long form of an acronym defined in the article.',
  'gazetteer-country': 'A country name or alias.',
  'national-side': 'In a sport article, a part of a state that fields its own national side ("Wales", "Scotland") named as a team, not as a place.',
  'government-body': 'A government body by pattern ("Ministry of Health", "Interior Ministry").',
  'org-head-noun': 'An organization by the form of its name: capitalized words ending in a head noun ("Party", "Commission", "Council").',
  'company-cue': 'A company named with a cue elsewhere in the article ("shares of X", "state-owned X").',
  'seat-metonym': 'A seat of government standing for its country ("the Kremlin said").',
  'capital-metonym': 'A capital standing for its country when it acts ("Lima has sent").',
  'demonym-state': 'A demonym before a state noun standing for its country ("Peruvian troops").',
  'demonym-ground': 'A demonym before the ground entered or struck ("an incursion into Peruvian territory"): the country acted on.',
  'generic-collective': 'A generic state force or collective ("the army", "protesters"), named "<Label> (<Country>)".',
  'generic-named-force': 'A generic force word referring back to the one named force of that kind in the article ("the police" after "the National Police").',
  'person-cue': 'A person by cue: a title or role before the name, an apposition after it, a reporting verb, a kinship word.',
  'tagger-person': 'A person name proposed by the trained name tagger (averaged perceptron, models/ner-en.json).',
  'tagger-organization': 'An organization name proposed by the trained name tagger (averaged perceptron, models/ner-en.json).',
  'person-back-reference': 'A surname or short form referring back to a person named in full earlier in the article.',
  'person-fuzzy': 'A misspelt surname within a small edit distance of a person named in the article.',
} as const;

/** What kind of page an article is when it is not a full story (articles.content_flags); the article is kept and extracted. */
export const CONTENT_FLAGS = {
  paywall: 'A paywall notice ("subscribe to continue reading") beside a body of under 250 words: the text is cut.',
  gallery: 'A photo gallery: a title such as "In pictures: ..." or a body made mostly of captions and photo credits.',
  stub: 'A body of fewer than 40 words (a headline-only item, a teaser, a brief).',
} as const;
