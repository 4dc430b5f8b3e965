import { describe, expect, it } from 'vitest';
import { copy } from '../../src/reply/copy.ts';
import { REFUSAL_KINDS } from '../../src/reply/copy-types.ts';
import type { Bilingual } from '../../src/reply/copy-types.ts';
import { CATEGORY_IDS, LEVELS, PLATFORMS, STAGES } from '../../src/detector/types.ts';

const chars = (s: string): number => [...s].length;

function allRefusals(): { kind: string; platform: string; text: Bilingual }[] {
  return REFUSAL_KINDS.flatMap((kind) =>
    PLATFORMS.map((platform) => ({ kind, platform, text: copy.refusals[kind][platform] })),
  );
}

function allRoutes(): { platform: string; stage: string; text: Bilingual }[] {
  return PLATFORMS.flatMap((platform) =>
    STAGES.map((stage) => ({ platform, stage, text: copy.route(platform, stage) })),
  );
}

/** Outside tools and off-site procedures; coconala copy must never name one. */
const OFF_SITE_TOOLS = [
  'LINE',
  'ライン',
  'Chatwork',
  'チャットワーク',
  'Skype',
  'スカイプ',
  'Zoom',
  'Google Meet',
  'Slack',
  'Discord',
  'Telegram',
  'WhatsApp',
  'WeChat',
  'メールアドレス',
  'ビデオ通話',
  '電話番号',
  'サービス外連絡申請',
  '連絡先公開申請',
];

describe('labels', () => {
  it('has a non-empty Japanese and English label for every level, category, platform and stage', () => {
    const groups: Bilingual[] = [
      ...LEVELS.map((l) => copy.levelLabel[l]),
      ...LEVELS.map((l) => copy.levelHeadline[l]),
      ...CATEGORY_IDS.map((c) => copy.categoryLabel[c]),
      ...PLATFORMS.map((p) => copy.platformLabel[p]),
      ...STAGES.map((s) => copy.stageLabel[s]),
    ];
    for (const t of groups) {
      expect(t.ja.trim()).not.toBe('');
      expect(t.en.trim()).not.toBe('');
    }
  });

  it('uses the level names from the spec', () => {
    expect(copy.levelLabel.high.ja).toBe('危険');
    expect(copy.levelLabel.medium.ja).toBe('注意');
    expect(copy.levelLabel.low.ja).toBe('軽微');
    expect(copy.levelLabel.none.ja).toBe('問題なし');
  });

  it('category labels are distinct', () => {
    const labels = CATEGORY_IDS.map((c) => copy.categoryLabel[c].ja);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('the "none" headline says it is not a guarantee', () => {
    expect(copy.levelHeadline.none.ja).toContain('保証');
    expect(copy.levelHeadline.none.en.toLowerCase()).toContain('guarantee');
  });
});

describe('refusalKindOf', () => {
  it('maps every category to a known refusal kind', () => {
    for (const c of CATEGORY_IDS) {
      expect(REFUSAL_KINDS).toContain(copy.refusalKindOf[c]);
    }
  });

  it('uses every refusal kind for at least one category', () => {
    const used = new Set(CATEGORY_IDS.map((c) => copy.refusalKindOf[c]));
    for (const k of REFUSAL_KINDS) expect(used.has(k), k).toBe(true);
  });

  it('sends the obvious categories to the matching family', () => {
    expect(copy.refusalKindOf.off_platform_contact).toBe('contact_tool');
    expect(copy.refusalKindOf.contact_details).toBe('contact_tool');
    expect(copy.refusalKindOf.pre_contract_call).toBe('call');
    expect(copy.refusalKindOf.personal_info).toBe('personal_data');
    expect(copy.refusalKindOf.direct_deal).toBe('direct_deal');
    expect(copy.refusalKindOf.off_platform_payment).toBe('outside_payment');
    expect(copy.refusalKindOf.upfront_payment).toBe('fees');
    expect(copy.refusalKindOf.pressure).toBe('pressure');
    expect(copy.refusalKindOf.recruitment_scheme).toBe('recruitment');
  });
});

describe('refusals', () => {
  it('every refusal kind has a distinct text on every platform, in both languages', () => {
    const all = allRefusals();
    expect(all).toHaveLength(REFUSAL_KINDS.length * PLATFORMS.length);
    const ja = all.map((r) => r.text.ja);
    const en = all.map((r) => r.text.en);
    expect(new Set(ja).size).toBe(ja.length);
    expect(new Set(en).size).toBe(en.length);
  });

  it('refusals are short and end politely', () => {
    for (const { kind, platform, text } of allRefusals()) {
      const where = `${kind}/${platform}: ${text.ja}`;
      expect(chars(text.ja), where).toBeLessThanOrEqual(120);
      expect(text.ja, where).toMatch(/(です|ます|ください|幸いです)。$/);
      expect(text.ja, where).toMatch(/^[^。]*(ありがとうございます|ありがたい)/);
      expect(text.en.trim(), where).not.toBe('');
      expect(text.en, where).toMatch(/[.?]$/);
    }
  });

  it('no refusal accuses the client', () => {
    const forbiddenJa = [
      '詐欺',
      '違反',
      '怪しい',
      'あやしい',
      '悪質',
      '不審',
      '不正',
      '業者',
      '通報',
      '報告',
      'ブロック',
      '危険',
      '規約に反',
      '騙',
      'だま',
    ];
    const forbiddenEn = [
      'scam',
      'fraud',
      'suspicious',
      'violat',
      'report',
      'block',
      'illegal',
      'shady',
      'danger',
      'against the rules',
    ];
    for (const { kind, platform, text } of allRefusals()) {
      for (const w of forbiddenJa) expect(text.ja, `${kind}/${platform} contains ${w}`).not.toContain(w);
      for (const w of forbiddenEn) {
        expect(text.en.toLowerCase(), `${kind}/${platform} contains ${w}`).not.toContain(w);
      }
    }
  });

  it('each platform names its own rule or route, and no other platform', () => {
    const own: Record<string, RegExp> = {
      crowdworks: /クラウドワークス|サービス外連絡申請/,
      lancers: /ランサーズ|連絡先公開申請/,
      coconala: /ココナラ|トークルーム/,
    };
    const names = /クラウドワークス|サービス外連絡申請|ランサーズ|連絡先公開申請|ココナラ|トークルーム/g;
    for (const { kind, platform, text } of allRefusals()) {
      const found = new Set(text.ja.match(names) ?? []);
      if (platform === 'other') {
        expect([...found], `${kind}/other`).toEqual([]);
        continue;
      }
      const mine = own[platform];
      expect(mine, platform).toBeDefined();
      expect(text.ja, `${kind}/${platform}`).toMatch(mine!);
      for (const f of found) expect(f, `${kind}/${platform} names ${f}`).toMatch(mine!);
    }
  });

  it('the contact-tool refusal names the official route per platform', () => {
    expect(copy.refusals.contact_tool.crowdworks.ja).toContain('サービス外連絡申請');
    expect(copy.refusals.contact_tool.lancers.ja).toContain('連絡先公開申請');
    expect(copy.refusals.contact_tool.lancers.ja).toContain('仮払い');
    expect(copy.refusals.contact_tool.coconala.ja).toContain('トークルーム');
  });

  it('the payment refusals keep payment on the platform', () => {
    for (const p of PLATFORMS) expect(copy.refusals.outside_payment[p].ja).toMatch(/支払い|お受け取り/);
  });
});

describe('coconala', () => {
  it('never suggests an off-site tool or procedure, in refusals or routes', () => {
    const texts = [
      ...REFUSAL_KINDS.map((k) => copy.refusals[k].coconala),
      ...STAGES.map((s) => copy.route('coconala', s)),
      ...copy.reportSteps.coconala,
    ];
    for (const t of texts) {
      for (const tool of OFF_SITE_TOOLS) {
        expect(t.ja, `coconala copy names ${tool}: ${t.ja}`).not.toContain(tool);
        expect(t.en, `coconala copy names ${tool}: ${t.en}`).not.toContain(tool);
      }
    }
  });

  it('every coconala route says off-site contact is not possible', () => {
    for (const s of STAGES) {
      const r = copy.route('coconala', s);
      expect(r.ja, s).toMatch(/外部での連絡[^。]*できません/);
      expect(r.en.toLowerCase(), s).toContain('not allowed');
    }
  });
});

describe('route', () => {
  it('returns a distinct non-empty text for every platform and stage', () => {
    const all = allRoutes();
    for (const { platform, stage, text } of all) {
      expect(text.ja.trim(), `${platform}/${stage}`).not.toBe('');
      expect(text.en.trim(), `${platform}/${stage}`).not.toBe('');
    }
    const ja = all.map((r) => r.text.ja);
    expect(new Set(ja).size).toBe(ja.length);
  });

  it('always keeps payment on the platform', () => {
    for (const { platform, stage, text } of allRoutes()) {
      expect(text.ja, `${platform}/${stage}`).toContain('支払い');
    }
  });

  it('CrowdWorks: messages before the contract, サービス外連絡申請 with consent after escrow', () => {
    const before = copy.route('crowdworks', 'before_contract').ja;
    expect(before).toContain('メッセージ機能');
    expect(before).toContain('仮払い');
    const after = copy.route('crowdworks', 'after_escrow').ja;
    expect(after).toContain('サービス外連絡申請');
    expect(after).toMatch(/同意/);
    expect(after).toContain('クラウドワークス上');
  });

  it('Lancers: 連絡先公開申請 only after 仮払い', () => {
    expect(copy.route('lancers', 'after_escrow').ja).toContain('連絡先公開申請');
    expect(copy.route('lancers', 'before_contract').ja).not.toContain('連絡先公開申請を通せば');
    expect(copy.route('lancers', 'after_contract').ja).toMatch(/仮払い後に連絡先公開申請/);
  });

  it('other: no platform-specific procedure is named', () => {
    for (const s of STAGES) {
      expect(copy.route('other', s).ja).not.toMatch(/サービス外連絡申請|連絡先公開申請|トークルーム/);
    }
  });
});

describe('advice', () => {
  it('has at least one step per level', () => {
    for (const l of LEVELS) expect(copy.advice[l].length, l).toBeGreaterThan(0);
  });

  it('advice for high includes the 違反報告 path, blocking and not sending personal data', () => {
    const high = copy.advice.high.map((a) => a.ja).join('\n');
    expect(high).toContain('「…」メニュー');
    expect(high).toContain('「違反報告」');
    expect(high).toContain('「外部連絡ツールへの誘導」');
    expect(high).toContain('ブロック');
    expect(high).toContain('個人情報');
  });

  it('advice for medium asks about contract + 仮払い, the official application and consent', () => {
    const medium = copy.advice.medium.map((a) => a.ja).join('\n');
    expect(medium).toContain('仮払い');
    expect(medium).toContain('サービス外連絡申請');
    expect(medium).toContain('連絡先公開申請');
    expect(medium).toContain('同意');
  });

  it('advice for none says it is not a guarantee', () => {
    const none = copy.advice.none.map((a) => a.ja).join('\n');
    expect(none).toContain('問題となる表現は見つかりませんでした');
    expect(none).toContain('保証ではありません');
  });
});

describe('reportSteps and alreadyReplied', () => {
  it('every platform has report steps that mention blocking', () => {
    for (const p of PLATFORMS) {
      const steps = copy.reportSteps[p];
      expect(steps.length, p).toBeGreaterThan(0);
      expect(steps.map((s) => s.ja).join('\n'), p).toContain('ブロック');
    }
  });

  it('CrowdWorks report steps follow the 「…」→「違反報告」→「外部連絡ツールへの誘導」 path', () => {
    const cw = copy.reportSteps.crowdworks.map((s) => s.ja).join('\n');
    expect(cw.indexOf('「…」')).toBeGreaterThanOrEqual(0);
    expect(cw.indexOf('「違反報告」')).toBeGreaterThan(cw.indexOf('「…」'));
    expect(cw.indexOf('「外部連絡ツールへの誘導」')).toBeGreaterThan(cw.indexOf('「違反報告」'));
  });

  it('alreadyReplied: stop, list what was given, report, secondary damage, bank, 188 and #9110', () => {
    const ja = copy.alreadyReplied.map((s) => s.ja).join('\n');
    const en = copy.alreadyReplied.map((s) => s.en).join('\n');
    expect(ja).toContain('やめ');
    expect(ja).toContain('書き出');
    expect(ja).toContain('違反報告');
    expect(ja).toContain('二次被害');
    expect(ja).toContain('銀行');
    expect(ja).toContain('188');
    expect(ja).toContain('#9110');
    expect(en).toContain('188');
    expect(en).toContain('#9110');
    expect(copy.alreadyReplied[0]?.ja).toContain('やめ');
  });
});

describe('disclaimer and truncatedNote', () => {
  it('the disclaimer says a level is not a guarantee', () => {
    expect(copy.disclaimer.ja).toContain('保証するものではありません');
    expect(copy.disclaimer.en.toLowerCase()).toContain('guarantee');
  });

  it('the truncation note names the analysed length', () => {
    const n = copy.truncatedNote(4000);
    expect(n.ja).toContain('4000');
    expect(n.en).toContain('4000');
  });
});
