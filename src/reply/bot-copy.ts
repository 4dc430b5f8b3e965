// User-facing copy of the Discord bot and the local console: command names and descriptions,
// section titles of the reply embed, button labels and the short notes the bot sends.
// The verdict copy itself (headlines, refusals, routes, steps) stays in copy.ts; this module only
// adds what the bot says around it. Japanese first; the English text is a plain translation.
import type { Platform, Stage } from '../detector/types.ts';
import { copy } from './copy.ts';
import type { Bilingual } from './copy-types.ts';

const b = (ja: string, en: string): Bilingual => ({ ja, en });

/** Names and descriptions shown in Discord's command picker (Japanese default, English localized). */
export const commandCopy = {
  check: {
    description: b(
      'クライアントのメッセージに外部誘導や詐欺の心配がないか確認します（結果はあなたにだけ表示）',
      'Check a client message for off-platform solicitation or scams (only you see the result)',
    ),
    text: b('確認したいメッセージの本文（そのまま貼り付けてください）', 'The message you want to check (paste it as it is)'),
    platform: b('やり取りしているサービス（省略すると文面から推定します）', 'The platform you are using (guessed from the text if left out)'),
    stage: b('今の段階（省略すると文面から推定します）', 'Where you are now (guessed from the text if left out)'),
  },
  checkMessage: {
    // Context-menu names are at most 32 characters in every language.
    name: b('外部誘導チェック', 'Check off-platform solicitation'),
  },
  help: {
    description: b('外部誘導チェッカーの使い方を表示します', 'Show how to use the off-platform solicitation checker'),
  },
} as const;

/** Section titles and small lines of the reply embed (src/reply/embed.ts). */
export const embedCopy = {
  why: b('理由', 'Why'),
  moreFindings: (n: number): Bilingual =>
    b(`ほかに ${n} 件の表現が見つかりました（表示しきれないため省略しています）。`, `${n} more expressions were found (not shown for space).`),
  route: (platform: Platform, stage: Stage): Bilingual =>
    b(
      `この段階で認められている方法（${copy.platformLabel[platform].ja}・${copy.stageLabel[stage].ja}）`,
      `What is allowed instead (${copy.platformLabel[platform].en}, ${copy.stageLabel[stage].en})`,
    ),
  refusal: b('返信例（「断り文を表示」でコピーしやすい形で表示します）', 'A reply you can paste ("Show the reply" gives it in an easy-to-copy form)'),
  next: b('次にすること', 'Next steps'),
  /** The community line; shown when at least two other people checked the same or a similar text. */
  seenOthers: (n: number): Bilingual =>
    b(
      `この文面（または似た文面）は直近30日にほかに ${n} 件チェックされています`,
      `This text (or a similar one) was checked ${n} other times in the last 30 days`,
    ),
} as const;

export const buttonCopy = {
  refusal: b('断り文を表示', 'Show the reply'),
  report: b('通報のしかた', 'How to report'),
  replied: b('もう返信してしまった場合', 'If you already replied'),
  reportTitle: (platform: Platform): Bilingual =>
    b(`📣 ${copy.platformLabel[platform].ja}での通報・ブロックのしかた`, `📣 How to report and block on ${copy.platformLabel[platform].en}`),
  repliedTitle: b('🧯 もう返信・対応してしまった場合', '🧯 If you already replied or acted'),
  stale: b(
    'このボタンは古い形式のため使えません。お手数ですが、もう一度チェックしてください。',
    'This button is from an older version and no longer works. Please run the check again.',
  ),
} as const;

/** Short messages around a check. */
export const noteCopy = {
  rateLimited: (seconds: number): Bilingual =>
    b(
      `短い時間にたくさんのチェックをいただいたため、少しお休みしています。${seconds}秒ほどしてから、もう一度お試しください。`,
      `You have sent many checks in a short time, so I am taking a short break. Please try again in about ${seconds} seconds.`,
    ),
  /** Everyone's checks together have used the bot's share of its time (or its queue is full). */
  busy: b(
    'ただいま混み合っています。申し訳ありませんが、1分ほどしてからもう一度お試しください。',
    'The checker is busy right now. Sorry — please try again in a minute or so.',
  ),
  statsUnavailable: b(
    'いま統計データベースを利用できないため、集計を表示できません。しばらくしてからもう一度お試しください（メッセージのチェックはこれまでどおり使えます）。',
    'The statistics database is not available right now, so statistics cannot be shown. Please try again later (checking messages works as usual).',
  ),
  apology: b(
    '申し訳ありません。チェック中に問題が起きました。少し時間をおいて、もう一度お試しください。',
    'Sorry, something went wrong during the check. Please try again in a little while.',
  ),
  imagesNotRead: b(
    '画像や添付ファイルの中の文字はまだ読み取れません。お手数ですが、本文をテキストで貼り付けてください。',
    'Text inside images or attached files cannot be read yet. Please paste the message as text.',
  ),
  imagesIgnored: b(
    '添付された画像やファイルの中身はチェックしていません（本文のみ確認しました）。',
    'Attached images or files were not checked (only the text was).',
  ),
  nothingToCheck: b(
    'チェックできる文字が見つかりませんでした。クライアントのメッセージを貼り付けるか、そのまま転送してください。',
    'There was no text to check. Paste the client\'s message, or forward it to me.',
  ),
  commentNotChecked: b(
    '転送に添えられたコメントは判定に含めていません（転送されたメッセージだけを確認しました）。',
    'The comment added to the forward was not part of the check (only the forwarded message was checked).',
  ),
  commentAfterForward: b(
    '💬 直前の転送に添えたコメントとして受け取りました。判定したのは転送されたメッセージだけです。別の文面を確認したい場合は、そのまま貼り付けて送ってください。',
    '💬 I took this as a comment on the forward you just sent; only the forwarded message was checked. To check another text, paste it and send it again.',
  ),
  unknownCommand: b(
    'このコマンドは現在使えません。/help で使い方を確認してください。',
    'This command is not available right now. See /help for how to use the bot.',
  ),
} as const;

/** /help and the DM greeting. */
export const helpCopy = b(
  [
    '**外部誘導チェッカーの使い方**',
    'クラウドワークス・ランサーズ・ココナラなどで届いたクライアントのメッセージに、外部への誘導（LINE・メール・通話など）や詐欺の心配がないかを確認します。結果はあなたにだけ表示されます。',
    '',
    '・`/check` に本文を貼り付ける（サービスや段階も指定できます）',
    '・メッセージを右クリック（スマホは長押し）→「アプリ」→「外部誘導チェック」',
    '・このボットにDMで本文を送る、またはメッセージを転送する',
    '',
    '結果には、危険度・理由・この段階で認められている方法・そのまま使える断り文・次にすることが表示されます。',
    'メッセージの本文は保存しません。判定は文面についての目安で、相手が安全であることの保証ではありません。',
  ].join('\n'),
  [
    '**How to use the off-platform solicitation checker**',
    'It checks a client message from CrowdWorks, Lancers, coconala and similar platforms for attempts to move you off the platform (LINE, email, calls…) and related scams. Only you see the result.',
    '',
    '• Paste the text into `/check` (you can also set the platform and stage)',
    '• Right-click a message (long-press on a phone) → Apps → "Check off-platform solicitation"',
    '• Send the text to this bot in a DM, or forward the message to it',
    '',
    'The result shows the risk level, why, what the platform allows instead at this stage, a polite reply you can paste, and what to do next.',
    'Message text is never stored. The result is a guide about the text, not a guarantee that the sender is safe.',
  ].join('\n'),
);

/** The local console (`npm start` without DISCORD_TOKEN). */
export const consoleCopy = {
  noToken: b(
    'DISCORD_TOKEN が設定されていないため、ローカルコンソールで起動します（Discord には接続しません）。',
    'DISCORD_TOKEN is not set, so the local console starts instead (no Discord connection).',
  ),
  banner: b(
    [
      '外部誘導チェッカー（ローカルコンソール）',
      'クライアントのメッセージを貼り付けて Enter を押してください（空行が入っていても1通として扱います）。手で入力するときは、空行で確定します。',
      'コマンド: :refusal 断り文 / :report 通報のしかた / :replied もう返信してしまった場合 / :platform・:stage サービスと段階の指定 / :en・:ja 表示言語 / :help 使い方 / :quit 終了',
      '/check・/stats・/privacy・/help もそのまま使えます。',
    ].join('\n'),
    [
      'Off-platform solicitation checker (local console)',
      'Paste a client message and press Enter (blank lines inside it are fine: it is one message). When typing by hand, finish with an empty line.',
      'Commands: :refusal the reply text / :report how to report / :replied if you already replied / :platform・:stage set the platform and stage / :en・:ja language / :help usage / :quit exit',
      '/check, /stats, /privacy and /help work here too.',
    ].join('\n'),
  ),
  loading: b('辞書を読み込んでいます…', 'Loading the dictionary…'),
  languageSet: b('表示言語を日本語にしました。', 'The console now answers in English.'),
  /** Under a report that found something: the buttons' texts are commands here. */
  buttons: b('（:refusal 断り文 / :report 通報のしかた / :replied もう返信してしまった場合）', '(:refusal reply text / :report how to report / :replied if you already replied)'),
  emptyHint: b(
    'チェックする文面がありません。クライアントのメッセージを貼り付けて Enter を押してください（:help で使い方）。',
    'There is nothing to check. Paste a client message and press Enter (:help for usage).',
  ),
  platformSet: (label: Bilingual | null): Bilingual =>
    label
      ? b(`これからのチェックは、サービス＝${label.ja} として判定します（:platform auto で文面からの推定に戻ります）。`, `From now on, checks assume the platform ${label.en} (:platform auto goes back to guessing it from the text).`)
      : b('サービスは文面から推定します。', 'The platform is guessed from the text again.'),
  stageSet: (label: Bilingual | null): Bilingual =>
    label
      ? b(`これからのチェックは、段階＝${label.ja} として判定します（:stage auto で文面からの推定に戻ります）。`, `From now on, checks assume the stage ${label.en} (:stage auto goes back to guessing it from the text).`)
      : b('段階は文面から推定します。', 'The stage is guessed from the text again.'),
  choices: {
    platform: b(
      '使い方: :platform crowdworks | lancers | coconala | other | auto（クラウドワークス・ランサーズ・ココナラ・その他のサービス でも指定できます）',
      'Usage: :platform crowdworks | lancers | coconala | other | auto',
    ),
    stage: b(
      '使い方: :stage before_contract | after_contract | after_escrow | unknown | auto（契約前・契約後（仮払い前）・仮払い後・不明 でも指定できます）',
      'Usage: :stage before_contract | after_contract | after_escrow | unknown | auto',
    ),
  },
  checkNeedsText: b('使い方: /check のあとに本文を続けてください（例: /check 詳細はLINEでお伝えします）。本文だけを貼り付けても確認できます。', 'Usage: put the text after /check (e.g. /check details on LINE). Pasting the text alone works too.'),
  serverOnly: (cmd: string): Bilingual =>
    b(
      `${cmd} はサーバー管理者向けのコマンドのため、Discord のサーバーで使ってください。週間ダイジェストは、ここでは npx gaibu-guard digest --db PATH で確認できます。`,
      `${cmd} is a command for server admins; use it in a Discord server. Here, npx gaibu-guard digest --db PATH shows the weekly digest.`,
    ),
  noReport: b('まだチェックした文面がありません。先にメッセージを貼り付けてください。', 'Nothing has been checked yet. Paste a message first.'),
  noRefusal: b('断る必要のある表現が見つからなかったため、断り文はありません。', 'Nothing was found that needs declining, so there is no reply text.'),
  unknownCommand: (cmd: string): Bilingual =>
    b(`「${cmd}」というコマンドはありません。:help で一覧を表示します。`, `There is no command "${cmd}". Type :help for the list.`),
  bye: b('終了します。', 'Bye.'),
} as const;

/**
 * Screenshots (the text in images is read locally, src/ocr/): what the reply says about them, why
 * an image was not read, and the /check option. One problem key per reason in src/ocr/ and src/bot/images.ts.
 */
export const imageCopy = {
  option: b('スクリーンショット（PNG・JPEG・WebP）。画像の文字を読み取って確認します', 'A screenshot (PNG, JPEG or WebP); its text is read and checked'),
  /** `withText`: the message had text of its own besides the images. */
  readFrom: (images: number, withText: boolean): Bilingual =>
    withText
      ? b(`本文と画像${images > 1 ? `（${images}枚）` : ''}の文字をあわせて判定しました。`, `The message text and the text read from ${images > 1 ? `${images} images` : 'the image'} were checked together.`)
      : b(`画像${images > 1 ? `（${images}枚）` : ''}から文字を読み取って判定しました。`, `The text was read from ${images > 1 ? `${images} images` : 'the image'} and checked.`),
  lowConfidence: b(
    '画像の文字にはっきり読み取れない部分があり、読み違えている可能性があります。気になる箇所は本文をテキストで貼り付けてお確かめください。',
    'Parts of the image were hard to read and may have been misread. If something looks wrong, paste the text itself to check it.',
  ),
  noText: b('画像から文字を読み取れませんでした。メッセージの本文をテキストで貼り付けてください。', 'No text could be read from the image. Please paste the message as text.'),
  tooMany: (max: number): Bilingual =>
    b(`画像は1回につき${max}枚まで読み取ります（${max + 1}枚目以降は確認していません）。`, `Up to ${max} images are read per check (the others were not checked).`),
  problem: {
    not_image: b('画像以外の添付ファイルは確認していません（読み取れるのはPNG・JPEG・WebPの画像です）。', 'Attached files that are not images were not checked (PNG, JPEG and WebP images can be read).'),
    unsupported: b('この形式の画像は読み取れません。PNG・JPEG・WebPのスクリーンショットでお送りください。', 'Images in this format cannot be read. Please send a PNG, JPEG or WebP screenshot.'),
    corrupt: b('画像ファイルが壊れているため、読み取れませんでした。', 'The image file is damaged and could not be read.'),
    too_large: b('画像のファイルサイズが大きすぎるため、読み取っていません（10MBまで）。', 'The image file is too large to read (up to 10 MB).'),
    too_many_pixels: b(
      '画像の解像度が大きすぎるため、読み取っていません（1,600万画素まで）。画面ごとのスクリーンショットに分けてお送りください。',
      'The image has too many pixels to read (up to 16 megapixels). Please send one screenshot per screen.',
    ),
    animated: b('アニメーション画像は読み取っていません。静止画のスクリーンショットでお送りください。', 'Animated images are not read. Please send a still screenshot.'),
    busy: b(
      'ただいま画像の読み取りが混み合っているため、画像は確認できませんでした。少し時間をおいて、もう一度お試しください。',
      'Image reading is busy right now, so the image was not checked. Please try again in a little while.',
    ),
    timeout: b('画像を読み取れませんでした。少し時間をおいて、もう一度お試しください。', 'The image could not be read. Please try again in a little while.'),
    failed: b('画像を読み取れませんでした。少し時間をおいて、もう一度お試しください。', 'The image could not be read. Please try again in a little while.'),
    download_failed: b('画像を取得できませんでした。少し時間をおいて、もう一度お試しください。', 'The image could not be fetched. Please try again in a little while.'),
    unavailable: b('画像の読み取りは現在ご利用いただけません。本文をテキストで貼り付けてください。', 'Reading images is not available right now. Please paste the message as text.'),
  },
  fileNotFound: b('ファイルを開けませんでした。パスをご確認ください。', 'The file could not be opened. Please check the path.'),
  consoleHelp: b(':image パス … スクリーンショットの文字を読み取って確認します（PNG・JPEG・WebP）', ':image PATH … reads the text in a screenshot and checks it (PNG, JPEG, WebP)'),
} as const;
