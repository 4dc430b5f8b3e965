// User-facing copy of community statistics: the weekly digest, /stats, /privacy and the digest
// admin command, in one place so a Japanese reviewer can read it end to end.
// Japanese first (the digest is posted in Japanese only); the English text is a plain translation
// for clients set to English. Category, level and platform names come from src/reply/copy.ts.
import type { Category, Tool } from '../detector/types.ts';
import type { Bilingual } from '../reply/copy-types.ts';

const b = (ja: string, en: string): Bilingual => ({ ja, en });

/** Anything shown to a community is folded below this count. */
export const MIN_COUNT = 3;

export const OTHER_LABEL = b('その他（少数）', 'Other (few)');

/** Names of the tools a message can mention, as freelancers call them. */
export const toolLabel: Record<Tool, Bilingual> = {
  line: b('LINE', 'LINE'),
  email: b('メール', 'Email'),
  chatwork: b('Chatwork', 'Chatwork'),
  skype: b('Skype', 'Skype'),
  zoom: b('Zoom', 'Zoom'),
  google_meet: b('Google Meet', 'Google Meet'),
  phone: b('電話', 'Phone'),
  telegram: b('Telegram', 'Telegram'),
  discord: b('Discord', 'Discord'),
  instagram: b('Instagram', 'Instagram'),
  x: b('X（旧Twitter）', 'X (Twitter)'),
  whatsapp: b('WhatsApp', 'WhatsApp'),
  wechat: b('WeChat', 'WeChat'),
  kakao: b('カカオトーク', 'KakaoTalk'),
  slack: b('Slack', 'Slack'),
  messenger: b('Messenger', 'Messenger'),
  signal: b('Signal', 'Signal'),
  google_form: b('Googleフォーム', 'Google Forms'),
  paypay: b('PayPay', 'PayPay'),
  bank: b('銀行振込', 'Bank transfer'),
  gift_card: b('ギフト券', 'Gift cards'),
  crypto: b('暗号資産', 'Crypto'),
};

/** 「今週の身を守るポイント」: one line per category, chosen by the week's top category. */
export const protectTip: Record<Category, string> = {
  off_platform_contact:
    'LINEなど外部ツールへの移動を求められても、契約と仮払いが終わるまではサイト内のメッセージでやり取りしましょう。正式な手順（サービス外連絡申請など）を経ない誘導には応じないのが安全です。',
  contact_details:
    '文面にIDやメールアドレス、QRコードが書かれていても、こちらから追加・連絡はせず、サイトの「違反報告」から運営に知らせましょう。',
  pre_contract_call:
    '契約前の通話やビデオ面談は、サイトのメッセージで足りるか確かめてから判断しましょう。通話に応じる場合も、連絡先や個人情報は伝えないようにしてください。',
  personal_info:
    '本名・住所・口座番号・身分証などは、契約前に求められても送らないでください。必要な情報は、契約後にサイトの仕組みを通して伝えれば十分です。',
  direct_deal:
    '「手数料がもったいないので直接」という提案には乗らないでください。サイト外の契約は規約違反で、トラブルになっても運営に助けてもらえません。',
  off_platform_payment:
    '報酬の受け取りは必ずサイトの仮払い（エスクロー）を通しましょう。直接振込・電子マネー・ギフト券での支払いの提案は断るのが安全です。',
  upfront_payment:
    '仕事を始めるためにお金を払う必要はありません。研修費・登録料・教材代などを求められたら、その時点でやり取りをやめましょう。',
  unrealistic_pay:
    '「スマホだけで月50万」のような話は、ほぼ例外なく別の目的があります。作業内容と報酬が見合っているか、落ち着いて確かめましょう。',
  demographic_limit:
    '仕事に関係のない年齢・性別・容姿の条件や、顔写真の提出を求める案件には注意しましょう。応じる必要はありません。',
  vague_details:
    '「詳細は応募後に」「外部でご説明します」と内容を明かさない案件は、サイト内で仕事内容を確認できるまで進めないようにしましょう。',
  pressure:
    '「本日中に」「承認しないなら契約終了」と急かされても、その場で決める必要はありません。急かされたときほど一度手を止めて確認しましょう。',
  app_install:
    '知らないアプリのダウンロードや、マニュアル用と称するアプリの登録は避けましょう。やり取りはサイト内で完結できます。',
  recruitment_scheme:
    '「稼ぎ方を教えます」「サロンで学べます」という勧誘は、仕事ではなく商材や会費の販売が目的のことが多いです。お金を払う話になったらやめましょう。',
};

/** The digest as posted (Japanese only: it goes to a community channel). */
export const digestCopy = {
  title: '📊 外部誘導チェック 週間ダイジェスト',
  scopeAll: 'すべてのサーバーの集計',
  scopeServer: 'このサーバーの集計',
  scopeServerNamed: (name: string): string => `サーバー「${name}」の集計`,
  /** How the week is named: 今週 only while it is the current week. */
  weekWord: { this: '今週', last: '先週', earlier: 'この週', later: 'この週' } as const,
  total: (week: string, n: string, prev: string, change: string): string => `${week}のチェック：${n}（前週 ${prev}${change}）`,
  inProgress: '※ 今週はまだ集計中です。ここまでの件数を表示しています。',
  repeated: (n: string): string => `そのうち ${n} は、ほかの人もチェックしていた文面でした。`,
  tooFew: (week: string): string => `${week}のチェックは3件未満のため、内訳は表示していません（3件以上から集計します）。`,
  categoriesHeading: '■ 多かった手口（カテゴリ別）',
  prevSuffix: (prev: string): string => `（前週 ${prev}）`,
  risingToolsHeading: '■ 増えている連絡手段・支払い手段',
  risingTool: (label: string, prev: string, n: string): string => `・${label}：${prev} → ${n}`,
  risingPatternsHeading: '■ 増えている手口と典型的な言い回し',
  topPatternsHeading: '■ よく見られた手口と典型的な言い回し',
  pattern: (description: string, prev: string, n: string): string => `・${description}：${prev} → ${n}`,
  patternExample: (example: string): string => `　例：「${example}」`,
  tipHeading: '■ 身を守るポイント',
  tipLead: (week: string, category: string): string => `${week}いちばん多かったのは「${category}」でした。`,
  footer:
    '※ 件数はチェックされた回数の集計です。3件未満の項目は「その他（少数）」にまとめています。メッセージの本文や、利用者・サーバーを特定できる情報は保存していません。例文はルールの説明から引用しています。',
  chartAlt: 'カテゴリ別の件数グラフ',
  /** Inside the chart image. */
  chartTitle: (week: string, range: string): string => `外部誘導チェック ${week}（${range}）`,
  chartHeadline: (week: string, n: string, prev: string, change: string): string => `${week}のチェック ${n}（前週 ${prev}${change}）`,
  chartInProgress: '（集計中）',
  chartLastWeek: '前週（括弧内）',
  chartCategories: 'カテゴリ別の件数',
  chartTools: '連絡手段・支払い手段',
  chartEmpty: 'この週のチェックは3件未満のため、グラフはありません',
} as const;

/** A count as shown to a community: 1 and 2 are never shown as such. */
export function countText(n: number): string {
  if (n <= 0) return '0件';
  if (n < MIN_COUNT) return '3件未満';
  return `${n.toLocaleString('ja-JP')}件`;
}

export function countTextEn(n: number): string {
  if (n <= 0) return '0';
  if (n < MIN_COUNT) return 'fewer than 3';
  return n.toLocaleString('en-US');
}

/** 「+32%」「-5%」「±0%」; empty when there is nothing to compare with. */
export function changeText(n: number, prev: number): string {
  if (prev < MIN_COUNT || n < MIN_COUNT) return '';
  const pct = Math.round(((n - prev) / prev) * 100);
  return pct === 0 ? '、±0%' : `、${pct > 0 ? '+' : ''}${pct}%`;
}

/** /stats replies. */
export const statsCopy = {
  description: b('外部誘導チェックの集計（件数のみ）を表示します', 'Show community check statistics (counts only)'),
  periodOption: b('集計する期間（終わった週のみ）', 'Period (completed weeks only)'),
  scopeOption: b('このサーバーだけか、すべてのサーバーか', 'This server only, or all servers'),
  periodWeek: b('先週', 'Last week'),
  periodMonth: b('直近4週間', 'Last 4 weeks'),
  periodSpan: (period: Bilingual, range: string): Bilingual => b(`${period.ja} ${range}`, `${period.en}, ${range}`),
  scopeServer: b('このサーバー', 'This server'),
  scopeAll: b('すべてのサーバー', 'All servers'),
  heading: (period: Bilingual, scope: Bilingual): Bilingual =>
    b(`📊 チェックの集計（${period.ja}・${scope.ja}）`, `📊 Check statistics (${period.en}, ${scope.en})`),
  total: (ja: string, prevJa: string, en: string, prevEn: string): Bilingual => b(`チェック件数：${ja}（前の期間 ${prevJa}）`, `Checks: ${en} (previous period: ${prevEn})`),
  /** A rounded count (replies.ts roughCount: 9 stands for 1–9). */
  count: (n: number): Bilingual =>
    n <= 0 ? b('0件', '0') : n < 10 ? b('10件未満', 'under 10') : b(`約${n.toLocaleString('ja-JP')}件`, `about ${n.toLocaleString('en-US')}`),
  /** An item fewer than five people are behind (or none). */
  few: b('少数', 'few'),
  levels: b('判定の内訳', 'Verdicts'),
  categories: b('カテゴリ', 'Categories'),
  tools: b('名前が出た連絡手段・支払い手段', 'Tools mentioned'),
  platforms: b('サービス', 'Platforms'),
  none: b('（5人以上がチェックした項目はありません）', '(nothing checked by 5 or more people)'),
  tooFew: b(
    'この期間にチェックした人がまだ5人未満のため、件数と内訳は表示できません。',
    'Fewer than 5 people checked in this period, so no counts are shown.',
  ),
  optedOut: b(
    'このサーバーは集計に参加していません（管理者が /digest-admin で停止しています）。「すべてのサーバー」の集計は表示できます。',
    'This server does not take part in statistics (an admin turned it off with /digest-admin). You can still see "all servers".',
  ),
  noServer: b('サーバーの外では「すべてのサーバー」の集計を表示します。', 'Outside a server, statistics for all servers are shown.'),
  notInstalled: b(
    'このサーバーにはボットが追加されていないため、サーバー別の集計はありません。「すべてのサーバー」の集計を表示します。',
    'The bot is not added to this server, so it has no statistics of its own. Statistics for all servers are shown.',
  ),
  footer: b(
    '※ 終わった週（月〜日）の件数のみで、今週の分は含みません。5人以上がチェックした項目だけを表示し、それ以外は「少数」「その他（少数）」にまとめています。件数は概数です。保存している情報は /privacy で確認できます。',
    '※ Completed weeks (Monday–Sunday) only, never the current one. Only items that 5 or more people checked are shown; the rest are "few" or "Other (few)". Counts are rounded. See /privacy for what is stored.',
  ),
  digestProblem: (problem: DigestProblemCopyKey, week: string): Bilingual => {
    const why = digestProblemText[problem];
    return b(
      `⚠️ 管理者の方へ：${week} の週間ダイジェストを投稿できませんでした（${why.ja}）。/digest-admin でチャンネルと権限をご確認ください。`,
      `⚠️ For admins: the weekly digest for ${week} could not be posted (${why.en}). Check the channel and permissions with /digest-admin.`,
    );
  },
} as const;

export type DigestProblemCopyKey = 'missing_permission' | 'channel_missing' | 'post_failed';
export const digestProblemText: Record<DigestProblemCopyKey, Bilingual> = {
  missing_permission: b(
    'ボットにそのチャンネルの「メッセージを送信」「ファイルを添付」権限がありません',
    'the bot lacks Send Messages or Attach Files in that channel',
  ),
  channel_missing: b('チャンネルが見つかりません（削除されたか、ボットから見えません）', 'the channel is gone or not visible to the bot'),
  post_failed: b('投稿中にエラーが起きました', 'an error occurred while posting'),
};

/** /privacy: what is stored and what is not, and who can see what. */
export const privacyCopy = {
  description: b('このボットが保存する情報・保存しない情報を説明します', 'What this bot stores and what it does not'),
  body: b(
    [
      '🔒 **保存する情報・保存しない情報**',
      '',
      '**保存しないもの**',
      '・チェックしたメッセージの本文（一部分や、連絡先を伏せた文面も保存しません）',
      '・あなたのユーザーID、名前、サーバーID',
      '・メッセージに書かれたLINE ID・メールアドレス・電話番号・URLなどの連絡先',
      '',
      '**チェックごとに保存するもの（集計のため）**',
      '・日時（1時間単位）',
      '・判定（危険・注意・軽微・問題なし）と、当てはまったカテゴリ・ルールの種類',
      '・文面に出てきた連絡手段の種類（LINE、Zoom など。IDや番号ではありません）',
      '・サービス（クラウドワークス等）と段階、チェックの方法（/check・右クリック・DMなど）',
      '・サーバーを区別するための暗号化した値（鍵付きハッシュ。サーバーIDには戻せません。ボットを追加したサーバーの場合のみ）',
      '・「似た文面がほかに何件チェックされたか」を数えるための文面の指紋（鍵付きハッシュ。連絡先を伏せた形から計算し、本文には戻せません。30日で削除）',
      '・同じ人を二重に数えないための、週ごとに変わる暗号化した値（ユーザーIDには戻せません。週ごとのランダムな値を混ぜて計算し、その値は31日後に削除するため、それ以降は誰の値か確かめる方法もなくなります）',
      '',
      '**表示するもの（誰が何を見られるか）**',
      '・/stats は終わった週（月〜日）の件数だけを表示し、今週の分は含みません。5人以上がチェックした項目だけを、おおよその件数で表示します。',
      '・サーバー別の集計は、ボットを追加したサーバーでのみ表示します（そのサーバーの管理者は記録を停止できます）。',
      '・「ほかに N 件チェックされています」は、注意・危険と判定された文面を、ほかに5人以上がチェックしていた場合だけ表示します（1人あたり1時間に10回まで）。',
      '・サーバー管理者が見られるのも、/stats・週間ダイジェストと同じ集計だけです。個々のチェックや、誰がチェックしたかは、管理者にもボットの運営者にも分かりません。',
      '・管理者がダイジェストの投稿先を設定した場合、そのチャンネルIDを保存します。',
      '',
      '**期間と停止**',
      '・チェックごとの記録は一定期間（既定365日）を過ぎると週ごとの合計件数にまとめて削除します。',
      '・サーバー管理者は /digest-admin でこのサーバーの記録を停止し、これまでの記録を削除できます。',
    ].join('\n'),
    [
      '🔒 **What is stored and what is not**',
      '',
      '**Never stored**',
      '- The text you check (not even parts of it, or a version with contact details hidden)',
      '- Your user ID, your name, the server ID',
      '- Contact details in the message (LINE IDs, email addresses, phone numbers, URLs)',
      '',
      '**Stored per check (for statistics)**',
      '- The time, to the hour',
      '- The verdict and which categories and rules matched',
      '- Which kinds of tools the text names (LINE, Zoom, …; never an ID or a number)',
      '- The platform and stage, and how you checked (/check, context menu, DM, …)',
      '- A keyed hash that tells servers apart (it cannot be turned back into a server ID; only for servers that added the bot)',
      '- Keyed fingerprints of the text with contact details replaced, to count similar texts (they cannot be turned back into text; deleted after 30 days)',
      '- A keyed value that changes every week, so one person is counted once (it cannot be turned back into a user ID; it mixes in a random value of the week, deleted after 31 days, after which nobody can tell whose it was)',
      '',
      '**What is shown (who sees what)**',
      '- /stats shows completed weeks (Monday–Sunday) only, never the current one, and only items that 5 or more people checked, with rounded counts.',
      "- A server's own numbers are shown only in servers that added the bot (their admins can stop recording).",
      '- "Checked N other times" appears only on texts judged caution or danger, when 5 or more other people checked them (up to 10 times an hour per person).',
      "- Server admins see the same totals as /stats and the weekly digest, nothing more: no one, not even the bot's operator, can see single checks or who made them.",
      '- If an admin sets a digest channel, that channel ID is stored.',
      '',
      '**Retention and opting out**',
      '- Per-check records are rolled into weekly totals and deleted after a set time (365 days by default).',
      '- Server admins can stop recording for their server and delete its records with /digest-admin.',
    ].join('\n'),
  ),
} as const;

/** /digest-admin (Manage Server). */
export const adminCopy = {
  description: b('週間ダイジェストと集計の設定（サーバー管理者向け）', 'Weekly digest and statistics settings (server admins)'),
  setChannel: b('週間ダイジェストを投稿するチャンネルを設定します', 'Set the channel for the weekly digest'),
  channelOption: b('投稿先のチャンネル', 'Channel to post in'),
  scopeOption: b('集計の範囲（既定：すべてのサーバー）', 'What to count (default: all servers)'),
  clearChannel: b('週間ダイジェストの投稿を止めます', 'Stop posting the weekly digest'),
  preview: b('今の設定でダイジェストをプレビューします（あなたにだけ表示）', 'Preview the digest now (only you see it)'),
  optOut: b('このサーバーの記録を停止し、これまでの記録を削除します', "Stop recording this server's checks and delete its records"),
  optIn: b('このサーバーの記録を再開します', "Resume recording this server's checks"),
  status: b('現在の設定を表示します', 'Show the current settings'),
  guildOnly: b('このコマンドはサーバー内でのみ使えます。', 'This command only works inside a server.'),
  noStats: b('集計機能が無効になっているため、この操作はできません。', 'Statistics are turned off, so this is not available.'),
  channelSet: (channel: string, scope: Bilingual, cron: string): Bilingual =>
    b(
      `✅ 週間ダイジェストを <#${channel}> に投稿します（${scope.ja}）。投稿は ${cron} です。初回は次の予定日時に投稿します。いま内容を確認したいときは「プレビュー」をお使いください。`,
      `✅ The weekly digest will be posted in <#${channel}> (${scope.en}), ${cron}. The first post is at the next scheduled time; use "preview" to see it now.`,
    ),
  channelNotText: b('テキストチャンネルを選んでください。', 'Please choose a text channel.'),
  channelMissingPermission: (channel: string): Bilingual =>
    b(
      `⚠️ ボットに <#${channel}> での「チャンネルを見る」「メッセージを送信」「ファイルを添付」の権限がありません。権限を付けてからもう一度設定してください。`,
      `⚠️ The bot lacks View Channel, Send Messages or Attach Files in <#${channel}>. Grant them and set the channel again.`,
    ),
  channelCleared: b('✅ 週間ダイジェストの投稿を止めました。集計（/stats）は引き続き使えます。', '✅ The weekly digest is off. /stats still works.'),
  optedOut: (checks: number): Bilingual =>
    b(
      `✅ このサーバーのチェックの記録を停止し、これまでの記録（${checks.toLocaleString('ja-JP')}件）と、それに関わる集計・文面の指紋を削除しました。チェック自体はこれまでどおり使えます。再開するには「記録を再開」を選んでください。`,
      `✅ Recording is off for this server; its ${checks} records, their counts and fingerprints were deleted. Checking still works as before. Choose "opt in" to resume.`,
    ),
  optOutNotConfirmed: b(
    '記録の停止と削除は行っていません。実行するには confirm を True にしてもう一度お試しください。',
    'Nothing was changed. To stop recording and delete the records, run it again with confirm set to True.',
  ),
  optedIn: b('✅ このサーバーのチェックの記録を再開しました（本文や個人を特定する情報は保存しません）。', '✅ Recording resumed for this server (no text or identities are stored).'),
  statusText: (s: {
    channel: string | null;
    scope: Bilingual;
    optedOut: boolean;
    postedWeek: string | null;
    problem: { week: string; why: Bilingual } | null;
    cron: string;
  }): Bilingual =>
    b(
      [
        '⚙️ **現在の設定**',
        `・週間ダイジェストの投稿先：${s.channel ? `<#${s.channel}>（${s.scope.ja}）` : '未設定'}`,
        `・投稿のタイミング：${s.cron}`,
        `・最後に投稿した週：${s.postedWeek ?? 'なし'}`,
        ...(s.problem ? [`・⚠️ ${s.problem.week} のダイジェストは投稿できませんでした：${s.problem.why.ja}。チャンネルと権限をご確認ください。`] : []),
        `・このサーバーの記録：${s.optedOut ? '停止中' : '記録する（本文や個人情報は保存しません）'}`,
      ].join('\n'),
      [
        '⚙️ **Current settings**',
        `- Digest channel: ${s.channel ? `<#${s.channel}> (${s.scope.en})` : 'not set'}`,
        `- Schedule: ${s.cron}`,
        `- Last week posted: ${s.postedWeek ?? 'none'}`,
        ...(s.problem ? [`- ⚠️ The digest for ${s.problem.week} could not be posted (${s.problem.why.en}). Check the channel and permissions.`] : []),
        `- Recording for this server: ${s.optedOut ? 'off' : 'on (no text or identities stored)'}`,
      ].join('\n'),
    ),
  needManageGuild: b(
    'この操作には「サーバー管理」の権限が必要です。サーバーの管理者にご相談ください。',
    'This needs the Manage Server permission. Please ask a server admin.',
  ),
  previewNote: b('（プレビューです。チャンネルには投稿していません）', '(Preview only; nothing was posted.)'),
  schedule: (cron: string): Bilingual =>
    cron === '0 9 * * 1' ? b('毎週月曜 9:00（日本時間）', 'every Monday 09:00 JST') : b(`cron「${cron}」（日本時間）`, `cron "${cron}" (JST)`),
} as const;
