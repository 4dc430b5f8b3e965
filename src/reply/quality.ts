// Does a reply's refusal fit the message? A check that reads the refusal's own words against what
// the verdict found — independent of how src/reply/refusal.ts picks its sentences — so a wrong
// mapping or a sentence that says the wrong thing shows up. `npm run reply-quality -- FILE…` runs
// it over labeled JSONL files (src/cli/reply-quality.ts).
import type { Category, Platform } from '../detector/types.ts';
import type { Report } from './report.ts';

/** Words a refusal must contain to answer a category (either wording the composer may use). */
const ANSWERS: Record<Category, RegExp> = {
  off_platform_contact: /外部|連絡先|ツール|メッセージ|トークルーム|申請/,
  contact_details: /外部|連絡先|ツール|メッセージ|トークルーム|申請/,
  pre_contract_call: /通話|面談/,
  // An ID or address to connect with is answered as contact; a name, a photo or an ID card as personal data.
  personal_info: /個人情報|外部ツール|連絡先|トークルーム/,
  demographic_limit: /個人情報/,
  direct_deal: /契約|お取引|ご購入/,
  off_platform_payment: /報酬|支払|お受け取り|口座|送金/,
  upfront_payment: /費用|購入/,
  app_install: /アプリ|インストール/,
  recruitment_scheme: /お誘い|セミナー|講座|投資/,
  // Starting before 仮払い, an application pressed for, or a deadline.
  pressure: /作業|申請|お時間|判断|お返事/,
  vague_details: /詳細|業務内容/,
  unrealistic_pay: /詳細|業務内容|お誘い/,
};

const OTHER_PLATFORMS: Record<Platform, RegExp> = {
  crowdworks: /ランサーズ|連絡先公開申請|ココナラ/,
  lancers: /クラウドワークス|サービス外連絡申請|ココナラ/,
  coconala: /クラウドワークス|サービス外連絡申請|ランサーズ|連絡先公開申請/,
  other: /クラウドワークス|サービス外連絡申請|ランサーズ|連絡先公開申請|ココナラ|トークルーム/,
};

/** Asking for the application again, when the client already named it. */
const ASKS_FOR_ROUTE = /申請をいただいてから|申請をいただいた場合に限|申請を通して行わせて/;
const NAMES_ROUTE = /サービス外連絡申請|連絡先公開申請/;
/** Categories whose answer may name the platform's application (a contact move). */
const ROUTE_CATEGORIES = new Set<Category>(['off_platform_contact', 'contact_details', 'personal_info']);
/** The message itself speaks of an application, an approval or contact details. */
const TEXT_SPEAKS_OF_ROUTE = /申請|承認|連絡先/;

export const MAX_REFUSAL_CHARS = 180;
const MIN_WEIGHT = 2;
const CONCERNS = 2;

export interface FitResult {
  /** The verdict was high or medium (a refusal was due). */
  flagged: boolean;
  fits: boolean;
  problems: string[];
}

/** Checks one reply; `text` is the checked message (whether it speaks of an application itself). */
export function refusalFit(r: Report, text: string): FitResult {
  const v = r.verdict;
  const flagged = v.level === 'high' || v.level === 'medium';
  const refusal = r.refusal?.ja ?? null;
  const problems: string[] = [];
  if (!flagged) {
    if (refusal) problems.push('refusal offered for a low/none verdict');
    return { flagged, fits: problems.length === 0, problems };
  }
  if (!refusal) return { flagged, fits: false, problems: ['no refusal'] };

  // The strongest concerns (categories, by their strongest finding) are answered: one of the
  // strongest, and as many distinct ones as there are concerns (up to two) among the strong ones.
  // Ties count as equals, whichever the composer said.
  const weight = new Map<Category, number>();
  for (const f of v.findings) weight.set(f.category, Math.max(weight.get(f.category) ?? 0, f.weight));
  const ranked = [...weight].sort((a, b) => b[1] - a[1]).filter(([, w], k) => k === 0 || w >= MIN_WEIGHT);
  const w1 = ranked[0]?.[1] ?? 0;
  const wLast = ranked[Math.min(CONCERNS, ranked.length) - 1]?.[1] ?? w1;
  const answered = (cats: Array<[Category, number]>) => cats.filter(([c]) => ANSWERS[c].test(refusal)).map(([c]) => c);
  const strongest = ranked.filter(([, w]) => w === w1);
  if (answered(strongest).length === 0) problems.push(`does not answer ${strongest.map(([c]) => c).join(' or ')}`);
  else {
    const strong = ranked.filter(([, w]) => w >= wLast);
    const need = Math.min(CONCERNS, ranked.length);
    if (answered(strong).length < need) problems.push(`does not answer ${strong.filter(([c]) => !ANSWERS[c].test(refusal)).map(([c]) => c).join(' or ')}`);
  }

  if (v.officialRoute && ASKS_FOR_ROUTE.test(refusal)) problems.push('asks for the application the client already named');
  const routeAllowed = v.findings.some((f) => ROUTE_CATEGORIES.has(f.category)) || v.officialRoute || TEXT_SPEAKS_OF_ROUTE.test(text);
  if (NAMES_ROUTE.test(refusal) && !routeAllowed) problems.push('names an application nobody mentioned');
  if (OTHER_PLATFORMS[v.platform].test(refusal)) problems.push(`names another platform's route on ${v.platform}`);
  if (Array.from(refusal).length > MAX_REFUSAL_CHARS) problems.push(`longer than ${MAX_REFUSAL_CHARS} characters`);
  if (!/(です|ます|ください|幸いです)。$/.test(refusal)) problems.push('does not end politely');
  return { flagged, fits: problems.length === 0, problems };
}

/** Does the refusal answer the expected (labeled) categories' first one? For labeled sets. */
export function answersGold(r: Report, cats: readonly Category[]): boolean {
  const first = cats[0];
  return !first || !r.refusal || ANSWERS[first].test(r.refusal.ja);
}
