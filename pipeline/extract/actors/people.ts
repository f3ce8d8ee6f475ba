/**
 * Lexicons and patterns for people: titles and roles, name particles,
 * reporting verbs, kinship words, and the words that cannot be name tokens.
 * Compiled once at module load.
 */
import { tokenize } from './text.ts';

/** Titles and roles written before or after a name (folded, lowercase). */
export const TITLES: readonly string[] = [
  'president', 'vice president', 'president-elect', 'prime minister', 'pm', 'deputy prime minister', 'premier',
  'foreign minister', 'deputy foreign minister', 'foreign affairs minister', 'minister of foreign affairs', 'defense minister', 'defence minister',
  'interior minister', 'finance minister', 'health minister', 'justice minister', 'economy minister', 'energy minister', 'trade minister',
  'education minister', 'minister', 'deputy minister', 'secretary of state', 'secretary', 'secretary-general', 'secretary general',
  'under secretary', 'ambassador', 'envoy', 'special envoy', 'chancellor', 'king', 'queen', 'prince', 'crown prince', 'emir', 'sheikh',
  'sultan', 'senator', 'sen', 'rep', 'representative', 'congressman', 'congresswoman', 'governor', 'mayor', 'general', 'gen',
  'lieutenant general', 'lt gen', 'major general', 'maj gen', 'brigadier general', 'colonel', 'col', 'commander', 'admiral',
  'spokesman', 'spokeswoman', 'spokesperson', 'leader', 'opposition leader', 'supreme leader', 'chairman', 'chairwoman',
  'head', 'chief', 'director', 'director-general', 'director general', 'speaker', 'judge', 'prosecutor', 'attorney general', 'pope',
  'ayatollah', 'mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'rabbi', 'imam', 'cardinal', 'archbishop', 'bishop', 'ceo',
  'founder', 'official', 'senior official', 'analyst', 'fellow', 'senior fellow', 'researcher', 'journalist', 'correspondent',
  'reporter', 'editor', 'negotiator', 'adviser', 'advisor', 'national security adviser', 'member', 'politburo member',
  'political bureau member', 'commissioner', 'high commissioner', 'lawmaker', 'mp', 'activist', 'lawyer', 'coordinator',
  'deputy', 'deputy head', 'deputy leader', 'deputy chairman', 'counterpart',
  // honorifics and abbreviated ranks: part of the role, never of the name ("Sir Digby Jones" is Digby Jones)
  'sir', 'dame', 'lord', 'lady', 'baroness', 'baron', 'captain', 'capt', 'lieutenant', 'lt', 'lt col', 'sergeant', 'sgt', 'major', 'maj',
  'corporal', 'cpl', 'brigadier', 'brig', 'brig gen', 'adm', 'cmdr', 'inspector', 'insp', 'superintendent', 'supt', 'detective', 'det',
  'reverend', 'rev', 'assistant secretary', 'deputy secretary', 'state secretary', 'minister of state', 'vice chairman', 'vice-president',
];

/** Honorifics written before a given name ("Sir Digby", "Dame Judi"): a one-word name after them is a first name. */
export const HONORIFICS: ReadonlySet<string> = new Set(['sir', 'dame', 'lord', 'lady', 'baroness', 'baron', 'prince', 'princess', 'king', 'queen', 'pope', 'emperor', 'empress', 'sheikh']);

/** Abbreviated titles written with a full stop ("Capt. Ibrahim Traore", "Maj. Gen. X"): the ". " still joins them to the name. */
export const ABBREVIATED_TITLES: ReadonlySet<string> = new Set(['capt', 'lt', 'col', 'gen', 'sgt', 'maj', 'cpl', 'brig', 'adm', 'cmdr', 'insp', 'supt', 'det', 'rev', 'dr', 'prof', 'mr', 'mrs', 'ms', 'sen', 'rep', 'gov', 'pres', 'st']);

/**
 * Party and ideology words written before a name as a label ("Tory Liam Fox", "Lib Dem Norman Baker",
 * "Republican John Smith"): not part of the name; the party is the person's affiliation (folded form → party name).
 */
export const PARTY_WORDS: ReadonlyMap<string, string> = new Map([
  ['conservative', 'Conservative Party'], ['tory', 'Conservative Party'], ['labour', 'Labour Party'], ['labor', 'Labor Party'],
  ['lib dem', 'Liberal Democrats'], ['liberal democrat', 'Liberal Democrats'], ['liberal', 'Liberal Party'], ['republican', 'Republican Party'],
  ['democrat', 'Democratic Party'], ['democratic', 'Democratic Party'], ['green', 'Green Party'], ['socialist', 'Socialist Party'],
  ['communist', 'Communist Party'], ['ukip', 'UK Independence Party'], ['snp', 'Scottish National Party'], ['unionist', 'Unionist party'],
  ['nationalist', 'Nationalist party'], ['independent', 'independent'],
]);

/**
 * Words of a capitalized title phrase inside a run of capitalized words: "Labor Minister Carolina Soto",
 * "Assistant Secretary Dana Whitcombe". Everything up to the last of these is the role, the rest the name.
 */
export const TITLE_SPLIT: ReadonlySet<string> = new Set([
  'president', 'minister', 'secretary', 'premier', 'chancellor', 'ambassador', 'envoy', 'governor', 'mayor', 'senator', 'general', 'gen',
  'commander', 'admiral', 'colonel', 'col', 'director', 'chairman', 'chairwoman', 'chair', 'spokesman', 'spokeswoman', 'spokesperson',
  'speaker', 'judge', 'justice', 'prosecutor', 'commissioner', 'chief', 'king', 'queen', 'prince', 'princess', 'emir', 'sheikh', 'sultan',
  'pope', 'cardinal', 'archbishop', 'bishop', 'rabbi', 'imam', 'ayatollah', 'ceo', 'mp', 'mep', 'mr', 'mrs', 'ms', 'dr', 'prof', 'professor',
  'sir', 'dame', 'lord', 'lady', 'baroness', 'baron', 'captain', 'capt', 'lieutenant', 'lt', 'sergeant', 'sgt', 'major', 'maj', 'corporal',
  'cpl', 'brigadier', 'brig', 'adm', 'cmdr', 'inspector', 'insp', 'superintendent', 'supt', 'detective', 'det', 'reverend', 'rev', 'sen', 'rep',
  'coach', 'manager', 'boss', 'leader', 'officer', 'official', 'deputy', 'counterpart',
]);

/** Head nouns of titles, for lookbehind and apposition patterns. */
const HEADS = [
  'president', 'minister', 'pm', 'premier', 'secretary', 'secretary-general', 'ambassador', 'envoy', 'chancellor', 'king', 'queen',
  'prince', 'emir', 'sheikh', 'senator', 'governor', 'mayor', 'general', 'commander', 'admiral', 'spokesman', 'spokeswoman',
  'spokesperson', 'leader', 'chairman', 'chairwoman', 'chief', 'head', 'director', 'speaker', 'judge', 'prosecutor', 'official',
  'analyst', 'fellow', 'researcher', 'journalist', 'correspondent', 'reporter', 'editor', 'negotiator', 'adviser', 'advisor',
  'member', 'commissioner', 'lawmaker', 'activist', 'lawyer', 'professor', 'founder', 'ceo', 'coordinator', 'deputy', 'diplomat',
  'representative', 'colonel', 'officer', 'counterpart',
];
const HEAD_ALT = HEADS.sort((a, b) => b.length - a.length).join('|');
const MODS = '(?:deputy|vice|acting|former|senior|chief|top|special|foreign|interior|defen[cs]e|finance|health|prime|opposition|political|bureau|politburo|supreme|national|security|state|first|executive|military|government|army|police|party|justice|economy|trade|energy|education|affairs|media|press|regional|general|high|permanent|assistant)';

/** A lowercase title right before a name: "opposition leader X", "deputy foreign minister, X". */
export const TITLE_BEFORE = new RegExp(`(?:^|[^\\p{L}])((?:${MODS}\\s+)*(?:${HEAD_ALT}))\\s*,?\\s+$`, 'iu');
/** An apposition after a name: ", a senior fellow at ...", ", the prime minister,", ", Palestinian ambassador to ...". */
export const APPOSITION = new RegExp(`^\\s*,\\s+(?:(?:a|an|the|its|his|her|their)\\s+)?((?:(?!(?:who|which|that|is|was|are|were|has|had|said|says|and|but|while|will|would)\\s)[\\p{L}'’\\-]+\\s+){0,4}?(?:${HEAD_ALT}))(?![\\p{L}])([^,.;:()"“”\\n]{0,80})`, 'iu');
/** A reporting verb right before a name. */
export const VERB_BEFORE = /(?:^|[^\p{L}])(?:said|says|told|added|announced|declared|stated|noted|stressed|explained|wrote|according to|quoted|cited|by|\d+-year-old|aged \d+)\s+$/u;
/** A reporting verb right after a name. */
export const VERB_AFTER = /^\s+(?:said|says|told|added|announced|declared|stated|noted|stressed|explained|wrote|urged|warned|insisted|accused|called|argued|replied|responded|confirmed|denied|emphasi[sz]ed|has said|had said|also said)(?![\p{L}])/u;
/** Kinship word right before a name: "his widow, X", "wife of X". */
export const KIN_BEFORE = /(?:^|[^\p{L}])(?:(?:widow|wife|husband|son|daughter|brother|sister|mother|father)(?:\s+of)?|(?:government|administration|cabinet|supporters|allies|followers|lawyers?|aides?|family|camp|successor|predecessor|rival|ally)\s+of)\s*,?\s+$/iu;

/** Lowercase name particles ("al-Ahmad", "van der", "bin"). */
export const PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'ben', 'van', 'von', 'de', 'da', 'del', 'della', 'der', 'den', 'di', 'du', 'dos', 'das', 'la', 'le', 'abu', 'abd', 'ul', 'ad', 'ash']);
/** Capitalized particles that start a two-word surname ("Abu Bakr"). */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'abu', 'bin', 'ibn', 'van', 'von', 'de', 'da', 'del', 'der', 'di', 'du', 'le', 'la', 'ben']);

/** Capitalized words that are never part of a person's name. */
export const NOT_NAME: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow',
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'we', 'they', 'i', 'you', 'his', 'her', 'their', 'our', 'its',
  'in', 'on', 'at', 'but', 'and', 'or', 'as', 'for', 'if', 'when', 'while', 'after', 'before', 'since', 'according', 'meanwhile',
  'however', 'previously', 'separately', 'also', 'with', 'without', 'from', 'to', 'by', 'of', 'under', 'over', 'not', 'no', 'yes',
  'source', 'news', 'photo', 'published', 'updated', 'read', 'more', 'see', 'also', 'live', 'watch', 'video', 'audio', 'share',
  'mr', 'mrs', 'ms', 'dr', 'god', 'allah', 'islam', 'islamic', 'muslim', 'muslims', 'christian', 'jewish', 'arab', 'western', 'eastern',
  'northern', 'southern', 'central', 'west', 'east', 'north', 'south', 'street', 'city', 'province', 'state', 'republic', 'war',
  'ministry', 'department', 'office', 'party', 'movement', 'group', 'council', 'committee', 'agency', 'institute', 'university',
  'union', 'forces', 'army', 'brigades', 'front', 'organization', 'organisation', 'authority', 'conference', 'program', 'programme',
  'court', 'parliament', 'assembly', 'bank', 'fund', 'company', 'corporation', 'foundation', 'association', 'commission', 'news',
  'talks', 'summit', 'day', 'week', 'year', 'strip', 'bank', 'sea', 'river', 'gulf', 'ocean', 'island', 'islands', 'region',
  // sentence adverbs and function words that open a sentence with a capital ("Earlier, ...")
  'earlier', 'later', 'now', 'then', 'still', 'yet', 'instead', 'indeed', 'finally', 'first', 'last', 'next', 'overall', 'elsewhere',
  'currently', 'recently', 'here', 'there', 'speaking', 'asked', 'although', 'though', 'despite', 'because', 'so', 'thus', 'where',
  'what', 'who', 'why', 'how', 'which', 'all', 'some', 'many', 'most', 'both', 'each', 'every', 'one', 'other', 'another', 'such',
  'plus', 'sir', 'dame', 'lord', 'lady', 'baroness', 'labour', 'tory', 'tories', 'conservative', 'conservatives', 'republican', 'democrat',
  'democrats', 'liberal', 'service', 'services', 'trust', 'society', 'federation', 'airlines', 'airways', 'inc', 'ltd', 'plc', 'corp',
  'club', 'league', 'cup', 'association', 'police', 'government', 'administration',
]);

/** Single words that occur in titles ("President", "Minister"), so a name never starts with one. */
export const TITLE_WORDS: ReadonlySet<string> = new Set(TITLES.flatMap((t) => t.split(/\s+/)));

/** Title head nouns, for a cheap test before running TITLE_BEFORE. */
export const HEAD_WORDS: ReadonlySet<string> = new Set(HEADS);

/** Title token sequences by their first folded token (longest first). */
const TITLE_SEQS: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const m = new Map<string, string[][]>();
  for (const seq of TITLES.map((t) => tokenize(t).map((x) => x.fold)).sort((a, b) => b.length - a.length)) m.set(seq[0]!, [...(m.get(seq[0]!) ?? []), seq]);
  return m;
})();

/** Length in tokens of the longest title starting at folded tokens `folds[i]`, else 0. */
export function titleAt(folds: readonly string[], i: number): number {
  for (const seq of TITLE_SEQS.get(folds[i]!) ?? []) {
    if (seq.length > folds.length - i) continue;
    let ok = true;
    for (let k = 0; k < seq.length; k++) if (folds[i + k] !== seq[k]) { ok = false; break; }
    if (ok) return seq.length;
  }
  return 0;
}

/** Lowercase words (after a demonym) that make the demonym stand for its state: "Israeli forces". */
export const STATE_NOUNS: ReadonlySet<string> = new Set([
  'government', 'governments', 'authorities', 'officials', 'forces', 'troops', 'army', 'military', 'navy', 'diplomats',
  'leadership', 'regime', 'administration', 'side', 'delegation', 'offensive', 'strikes', 'airstrikes', 'bombardment',
  'counterattack', 'counteroffensive', 'invasion', 'warplanes', 'jets', 'soldiers', 'police', 'cabinet', 'state',
]);

/** Lowercase words after a capital that show it acts as a government: "Moscow has sent", "Beijing said". */
export const ACTING_VERB = /^\s+(?:has|have|had|having|is|was|will|would|could|should|must|may|might|can|did|does|said|says|wants|wanted|announced|accused|rejected|denied|insists|insisted|warned|called|calls|urged|urges|sent|sends|invited|invites|condemned|condemns|criticized|criticised|criticizes|responded|retaliated|imposed|expelled|recalled|agreed|agrees|refused|refuses|signed|supports|supported|backs|backed|hopes|hoped|sees|believes|believed|demanded|demands|threatened|threatens|vowed|vows|plans|planned|hosted|hosts|seeks|sought|considers|considered|announces|blamed|blames|approved|launched|ordered|offered|pledged|welcomed|welcomes|dismissed|stressed|claimed)(?![\p{L}])/u;
/** Nouns after "Capital’s" that make it a government: "Moscow’s goal", "Beijing’s position". */
export const STATE_POSSESSED = /^\s+(?:[\p{Ll}]+\s+)?(?:goal|goals|position|policy|policies|stance|decision|support|relations|response|influence|strategy|approach|efforts|diplomats|officials|envoy|ambassador|government|leadership|invitation|plan|proposal|demands|offer|intervention|involvement|role|backing|allies|ally|forces|troops|military|interests|ties|initiative|mediation|aim|objective|view)(?![\p{L}])/u;
/** Prepositions before a capital or seat that make it a place: "in Moscow", "at the White House". */
export const PLACE_BEFORE = /(?:^|[^\p{L}])(?:in|at|to|from|near|into|outside|inside|via|toward|towards|around|across|through|visit|visited|visiting|reach|reached|leave|left|arrived|based|of|for)\s+(?:the\s+)?$/iu;
/** Head nouns after an organization name that mean the real name is longer ("Hamas" in "Hamas Political Bureau" is fine, "Reuters" in "Reuters Institute" is not). */
export const ORG_HEADS: ReadonlySet<string> = new Set(['institute', 'party', 'committee', 'council', 'movement', 'force', 'forces', 'brigade', 'brigades', 'agency', 'foundation', 'office', 'program', 'programme', 'bureau', 'department', 'ministry', 'commission', 'court', 'union', 'university', 'school', 'center', 'centre', 'fund', 'bank', 'network', 'channel', 'tv', 'radio', 'magazine', 'prize', 'award', 'stadium', 'airport', 'square', 'street', 'road', 'bridge', 'hospital']);
