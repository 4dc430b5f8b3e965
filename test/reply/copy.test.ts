import { describe, expect, it } from 'vitest';
import { copy } from '../../src/reply/copy.ts';
import { REFUSAL_PARTS } from '../../src/reply/copy-types.ts';
import type { Bilingual } from '../../src/reply/copy-types.ts';
import { CATEGORY_IDS, LEVELS, PLATFORMS, STAGES } from '../../src/detector/types.ts';
import { allRefusals } from '../../src/reply/refusal-table.ts';

const chars = (s: string): number => [...s].length;

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

  it('headlines do not repeat the level label (the label is shown once, before them)', () => {
    for (const l of LEVELS) {
      expect(copy.levelHeadline[l].ja, l).not.toContain(copy.levelLabel[l].ja + '：');
      expect(copy.levelHeadline[l].ja.startsWith(copy.levelLabel[l].ja), l).toBe(false);
      expect(copy.levelHeadline[l].en.startsWith(copy.levelLabel[l].en), l).toBe(false);
    }
  });

  it('the "none" headline says it is not a guarantee', () => {
    expect(copy.levelHeadline.none.ja).toContain('保証');
    expect(copy.levelHeadline.none.en.toLowerCase()).toContain('guarantee');
  });
});

describe('refusals (every composition the composer can produce)', () => {
  it('lists distinct texts on each platform, in both languages', () => {
    const all = allRefusals();
    expect(all.length).toBeGreaterThan(REFUSAL_PARTS.length * PLATFORMS.length);
    for (const p of PLATFORMS) {
      const mine = all.filter((r) => r.platform === p);
      expect(new Set(mine.map((r) => r.text.ja)).size, p).toBe(mine.length);
      expect(new Set(mine.map((r) => r.text.en)).size, p).toBe(mine.length);
    }
  });

  it('refusals are short and end politely', () => {
    for (const { parts, platform, text } of allRefusals()) {
      const where = `${parts.join('+')}/${platform}: ${text.ja}`;
      expect(chars(text.ja), where).toBeLessThanOrEqual(parts.length === 1 ? 120 : 180);
      expect(text.ja, where).toMatch(/(です|ます|ください|幸いです)。$/);
      expect(text.ja, where).toMatch(/^[^。]*(ありがとうございます|ありがたい)/);
      expect(text.ja.match(/。/g)?.length, where).toBe(parts.length + 2);
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
    for (const { parts, platform, text } of allRefusals()) {
      const kind = parts.join('+');
      for (const w of forbiddenJa) expect(text.ja, `${kind}/${platform} contains ${w}`).not.toContain(w);
      for (const w of forbiddenEn) {
        expect(text.en.toLowerCase(), `${kind}/${platform} contains ${w}`).not.toContain(w);
      }
    }
  });

  it('each platform names only its own rule or route, and names it when the refusal is about contact, calls or payment', () => {
    const own: Record<string, RegExp> = {
      crowdworks: /クラウドワークス|サービス外連絡申請/,
      lancers: /ランサーズ|連絡先公開申請/,
      coconala: /ココナラ|トークルーム/,
    };
    const names = /クラウドワークス|サービス外連絡申請|ランサーズ|連絡先公開申請|ココナラ|トークルーム/g;
    const namesPlatform = new Set(['contact', 'approval', 'call', 'payment', 'direct', 'work_first', 'details', 'personal']);
    for (const { parts, platform, text } of allRefusals()) {
      const kind = parts.join('+');
      const found = new Set(text.ja.match(names) ?? []);
      if (platform === 'other') {
        expect([...found], `${kind}/other`).toEqual([]);
        continue;
      }
      const mine = own[platform];
      expect(mine, platform).toBeDefined();
      if (parts.some((p) => namesPlatform.has(p))) expect(text.ja, `${kind}/${platform}`).toMatch(mine!);
      for (const f of found) expect(f, `${kind}/${platform} names ${f}`).toMatch(mine!);
    }
  });

  it('the contact sentence names the official route per platform', () => {
    const s = copy.refusal.sentences.contact;
    expect(s.crowdworks.ja).toContain('サービス外連絡申請');
    expect(s.lancers.ja).toContain('連絡先公開申請');
    expect(s.lancers.ja).toContain('仮払い');
    expect(s.coconala.ja).toContain('トークルーム');
  });

  it('the payment sentences keep payment on the platform', () => {
    for (const p of PLATFORMS) expect(copy.refusal.sentences.payment[p].ja).toMatch(/支払い|お受け取り/);
  });

  it('every English sentence starts with "I " so it reads after each connector', () => {
    for (const part of REFUSAL_PARTS) for (const p of PLATFORMS) expect(copy.refusal.sentences[part][p].en, `${part}/${p}`).toMatch(/^I /);
  });
});

describe('coconala', () => {
  it('never suggests an off-site tool or procedure, in refusals or routes', () => {
    const texts = [
      ...allRefusals()
        .filter((r) => r.platform === 'coconala')
        .map((r) => r.text),
      ...STAGES.map((s) => copy.route('coconala', s)),
      ...CATEGORY_IDS.flatMap((c) => copy.reportSteps('coconala', c)),
      ...REFUSAL_PARTS.map((p) => copy.advice.dont[p].coconala),
      copy.advice.mediumChecks.coconala,
      copy.advice.mediumPlatformPays.coconala,
      ...copy.advice.low.coconala,
      ...copy.advice.none.coconala,
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

describe('advice copy', () => {
  it('has a "do not" line for every part on every platform', () => {
    for (const part of REFUSAL_PARTS) for (const p of PLATFORMS) expect(copy.advice.dont[part][p].ja, `${part}/${p}`).toMatch(/ないでください|必要はありません|任意/);
  });

  it('the CrowdWorks report line follows 「…」→「違反報告」, and names 「外部連絡ツールへの誘導」 only for contact', () => {
    const contact = copy.advice.report('crowdworks', 'off_platform_contact', true).ja;
    expect(contact).toContain('「…」メニュー');
    expect(contact).toContain('「違反報告」→「外部連絡ツールへの誘導」');
    const fees = copy.advice.report('crowdworks', 'upfront_payment', true).ja;
    expect(fees).toContain('「違反報告」');
    expect(fees).toContain('「費用の要求」');
    expect(fees).not.toContain('外部連絡ツールへの誘導');
  });

  it('mentions other platforms only when the platform was not known', () => {
    expect(copy.advice.report('crowdworks', 'personal_info', true).ja).not.toMatch(/ランサーズ|ココナラ|他のサービス/);
    expect(copy.advice.report('crowdworks', 'personal_info', false).ja).toContain('クラウドワークスの場合');
    for (const p of ['lancers', 'coconala'] as const) {
      const line = copy.advice.report(p, 'personal_info', true).ja;
      expect(line).toContain(copy.platformLabel[p].ja);
      expect(line).toContain('「個人情報の要求」');
      expect(line).not.toContain('クラウドワークス');
    }
  });

  it('medium checks ask about contract + 仮払い and the platform\'s own route', () => {
    expect(copy.advice.mediumChecks.crowdworks.ja).toContain('仮払い');
    expect(copy.advice.mediumRoute.crowdworks?.ja).toContain('サービス外連絡申請');
    expect(copy.advice.mediumRoute.lancers?.ja).toContain('連絡先公開申請');
    expect(copy.advice.mediumRoute.coconala).toBeNull();
    expect(copy.advice.mediumChecks.coconala.ja).toMatch(/外部での連絡[^。]*できません/);
    expect(copy.advice.mediumRoute.crowdworks?.ja).not.toContain('連絡先公開申請');
  });

  it('advice for none says it is not a guarantee', () => {
    for (const p of PLATFORMS) {
      const none = copy.advice.none[p].map((a) => a.ja).join('\n');
      expect(none).toContain('問題となる表現は見つかりませんでした');
      expect(none).toContain('保証ではありません');
    }
  });
});

describe('reportSteps and alreadyReplied', () => {
  it('every platform has report steps that mention blocking', () => {
    for (const p of PLATFORMS) {
      for (const c of [null, ...CATEGORY_IDS]) {
        const steps = copy.reportSteps(p, c);
        expect(steps.length, p).toBeGreaterThan(0);
        expect(steps.map((s) => s.ja).join('\n'), p).toContain('ブロック');
      }
    }
  });

  it('CrowdWorks report steps follow the 「…」→「違反報告」→「外部連絡ツールへの誘導」 path for contact', () => {
    const cw = copy.reportSteps('crowdworks', 'off_platform_contact').map((s) => s.ja).join('\n');
    expect(cw.indexOf('「…」')).toBeGreaterThanOrEqual(0);
    expect(cw.indexOf('「違反報告」')).toBeGreaterThan(cw.indexOf('「…」'));
    expect(cw.indexOf('「外部連絡ツールへの誘導」')).toBeGreaterThan(cw.indexOf('「違反報告」'));
  });

  it('report steps name the category that was found', () => {
    const fees = copy.reportSteps('crowdworks', 'upfront_payment').map((s) => s.ja).join('\n');
    expect(fees).toContain('「費用の要求」');
    expect(fees).not.toContain('外部連絡ツールへの誘導');
    expect(copy.reportSteps('lancers', 'personal_info')[0]!.ja).toContain('「個人情報の要求」として報告します');
    expect(copy.reportSteps('coconala', 'off_platform_payment')[0]!.ja).toContain('「サービス外での支払い」として報告します');
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

describe('disclaimer and notes', () => {
  it('the disclaimer says a level is not a guarantee', () => {
    expect(copy.disclaimer.ja).toContain('保証するものではありません');
    expect(copy.disclaimer.en.toLowerCase()).toContain('guarantee');
  });

  it('the read note says which parts of a long text were read', () => {
    expect(copy.readNote({ head: 6000, tail: 2000 }, 100_000).ja).toBe('文面が長いため、最初の6,000文字と最後の2,000文字だけを確認しました（間の92,000文字は確認していません）。');
    expect(copy.readNote({ head: 6000, tail: 2000 }, 100_000).en).toContain('first 6,000 and last 2,000');
    expect(copy.readNote({ head: 10, tail: 0 }, 26).ja).toBe('文面が長いため、最初の10文字だけを確認しました（残りの16文字は確認していません）。');
  });

  it('says a question was judged on the quoted request and a rule text reads as a description', () => {
    expect(copy.kindNote.question?.ja).toContain('引用された依頼について判定しました');
    expect(copy.kindNote.rule_text?.ja).toContain('依頼ではなく、ルールや注意喚起の説明として読める');
    expect(copy.kindNote.message).toBeNull();
  });

  it('tells each door how to change the assumed platform and stage', () => {
    const a = { platform: 'coconala', platformHow: 'inferred', stage: 'unknown', stageHow: 'default' } as const;
    expect(copy.assumed({ ...a, door: 'discord' }).ja).toBe('判定の前提：サービス＝ココナラ（文面から推定）、段階＝不明。違う場合は /check の platform・stage で指定できます。');
    expect(copy.assumed({ ...a, door: 'cli' }).ja).toContain('--platform・--stage');
    expect(copy.assumed({ ...a, door: 'console' }).ja).toContain(':platform・:stage');
  });
});
