// Next steps for a verdict, by what was found and on which platform.
// 🔴: what not to do for each concern → send the refusal → report (the platform's own path, naming
//     the category found) → block. In that order, so no step undoes another.
// 🟠: what to check on this platform (contract, 仮払い, the official route), what not to do for
//     concerns other than contact and calls, then the refusal if the conditions are not met.
// 🟡 / 🟢: the platform's basics.
import type { Category, Verdict } from '../detector/types.ts';
import { copy } from './copy.ts';
import type { Bilingual, RefusalPart } from './copy-types.ts';

/** Concerns the 🟠 checks already cover (they depend on the contract, 仮払い and the route). */
const CONDITIONAL = new Set<RefusalPart>(['contact', 'approval', 'call']);

export function adviceFor(v: Pick<Verdict, 'level' | 'platform' | 'platformSource'>, parts: readonly RefusalPart[], reportCategory: Category | null): Bilingual[] {
  const a = copy.advice;
  const p = v.platform;
  switch (v.level) {
    case 'high': {
      const out = parts.map((part) => a.dont[part][p]);
      if (parts.length > 0) out.push(a.useRefusal);
      if (reportCategory) out.push(a.report(p, reportCategory, v.platformSource !== 'default'));
      out.push(a.block);
      return out;
    }
    case 'medium': {
      const out = [a.mediumChecks[p]];
      const route = a.mediumRoute[p];
      if (route && parts.some((part) => CONDITIONAL.has(part))) out.push(route);
      for (const part of parts) if (!CONDITIONAL.has(part)) out.push(a.dont[part][p]);
      out.push(a.mediumPlatformPays[p]);
      if (parts.length > 0) out.push(a.mediumUseRefusal);
      return out;
    }
    case 'low':
      return a.low[p];
    case 'none':
      return a.none[p];
  }
}
