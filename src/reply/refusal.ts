// The refusal a user can paste back, composed from what was found: one sentence per concern (at
// most two, the strongest), said in a natural order, on the verdict's platform. Nothing is
// refused for `low` or `none`, and nothing is asked for that the client already did: when the
// text names the official route (サービス外連絡申請 sent after 仮払い), the refusal does not ask
// for it again but says the user will decide after reading it.
//
// A refusal is fully described by its parts and platform, so a button can carry it (custom-id.ts).
import type { Category, Finding, Platform, Verdict } from '../detector/types.ts';
import { copy } from './copy.ts';
import { REFUSAL_PARTS, type Bilingual, type RefusalPart } from './copy-types.ts';

/** At most this many sentences: a refusal stays short. */
export const MAX_REFUSAL_PARTS = 2;
/** A part other than the strongest needs a finding at least this heavy (a bare tool mention adds nothing). */
const MIN_PART_WEIGHT = 2;

const PART_OF_CATEGORY: Record<Category, RefusalPart> = {
  off_platform_contact: 'contact',
  contact_details: 'contact',
  pre_contract_call: 'call',
  personal_info: 'personal',
  demographic_limit: 'personal',
  direct_deal: 'direct',
  off_platform_payment: 'payment',
  upfront_payment: 'fees',
  app_install: 'app',
  recruitment_scheme: 'recruit',
  pressure: 'hurry',
  vague_details: 'details',
  unrealistic_pay: 'details',
};

/**
 * Rules whose concern differs from their category's, recognised by their id: asking for a
 * personal ID or address to connect (pi.contact_address.*) is a contact move; lending an account
 * (pay.money_mule) is not a payment method; pressure to start before 仮払い or to approve an
 * application is answered differently from a plain deadline.
 */
const PART_OF_RULE: Array<[RegExp, RefusalPart]> = [
  [/^pi\.contact_address\b/, 'contact'],
  [/^pay\.money_mule\b/, 'account'],
  [/^pressure\.(?:work_|start_unescrowed)/, 'work_first'],
  [/^pressure\.(?:approve|approval|unilateral_application)/, 'approval'],
];

// Pressure to approve only has an application to decide on when the words name one; pressure to
// swap contacts is a contact move; pressure to sign up to something else is plain pressure.
const NAMES_APPLICATION = /申請|承認/;
const NAMES_CONTACT = /連絡先|ID|ＩＤ|LINE|ＬＩＮＥ|ライン|交換|ツール|アカウント/i;

/** The concern a finding raises. */
export function partOf(f: Pick<Finding, 'rule' | 'category'> & { phrase?: string }): RefusalPart {
  for (const [re, part] of PART_OF_RULE) {
    if (!re.test(f.rule)) continue;
    if (part !== 'approval' || f.phrase === undefined || NAMES_APPLICATION.test(f.phrase)) return part;
    return NAMES_CONTACT.test(f.phrase) ? 'contact' : 'hurry';
  }
  return PART_OF_CATEGORY[f.category];
}

const ORDER = new Map<RefusalPart, number>(REFUSAL_PARTS.map((p, k) => [p, k]));
const byOrder = (a: RefusalPart, b: RefusalPart): number => (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0);

/** Only CrowdWorks and Lancers have an application to decide on; elsewhere it is a plain contact move. */
function onPlatform(part: RefusalPart, platform: Platform): RefusalPart {
  if (part === 'approval' && (platform === 'coconala' || platform === 'other')) return 'contact';
  return part;
}

/** The parts a verdict's refusal says, in the order it says them; none for `low` and `none`. */
export function refusalParts(v: Pick<Verdict, 'level' | 'findings' | 'platform' | 'officialRoute'>): RefusalPart[] {
  if (v.level !== 'high' && v.level !== 'medium') return [];
  const weight = new Map<RefusalPart, number>();
  for (const f of v.findings) {
    let part = partOf(f);
    // The client named the official route: the contact move is theirs to propose and the user's to
    // decide on, not something to ask for again.
    if (part === 'contact' && v.officialRoute) part = 'approval';
    part = onPlatform(part, v.platform);
    weight.set(part, Math.max(weight.get(part) ?? 0, f.weight));
  }
  const ranked = [...weight].sort((a, b) => b[1] - a[1] || byOrder(a[0], b[0]));
  let parts = ranked.filter(([, w], k) => k === 0 || w >= MIN_PART_WEIGHT).map(([p]) => p);
  // Deciding on the application answers the contact move too.
  if (parts.includes('approval')) parts = parts.filter((p) => p !== 'contact');
  if (parts.length === 0) parts = ['details'];
  return parts.slice(0, MAX_REFUSAL_PARTS).sort(byOrder);
}

/** Opening, one sentence per part with its connector, closing. */
export function composeRefusal(parts: readonly RefusalPart[], platform: Platform): Bilingual | null {
  const own = [...new Set(parts.map((p) => onPlatform(p, platform)))].sort(byOrder).slice(0, MAX_REFUSAL_PARTS);
  const first = own[0];
  if (!first) return null;
  const r = copy.refusal;
  const ja = [r.opening[first].ja];
  const en = [r.opening[first].en];
  own.forEach((part, k) => {
    const c = r.connectors[k] ?? r.connectors[1];
    const s = r.sentences[part][platform];
    ja.push(c.ja + s.ja);
    en.push(c.en + s.en);
  });
  ja.push(r.closing.ja);
  en.push(r.closing.en);
  return { ja: ja.join(''), en: en.join(' ') };
}

/** The refusal for a verdict, or null when nothing needs refusing. */
export function refusalFor(v: Pick<Verdict, 'level' | 'findings' | 'platform' | 'officialRoute'>): { parts: RefusalPart[]; text: Bilingual } | null {
  const parts = refusalParts(v);
  const text = composeRefusal(parts, v.platform);
  return text ? { parts, text } : null;
}
