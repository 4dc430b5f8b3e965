// All user-facing copy of gaibu-guard in one place, so a Japanese reviewer can read it end to end.
//
// Tone rules (tested in test/reply/copy.test.ts and test/reply/refusal.test.ts):
// - Refusals are short business 敬語 (one sentence per concern, at most two; ≤ 180 characters),
//   end politely, and never accuse the client: they name the platform's rule or route, not the
//   person. Every refusal the composer can produce is listed in docs/refusals.md.
// - Each platform's sentences name its own route: CrowdWorks サービス外連絡申請, Lancers
//   連絡先公開申請 after 仮払い, coconala keeps everything in ココナラ's messages/トークルーム and
//   never names an off-site tool or procedure, "other" is generic.
// - Per-rule explanations are in rules/*.yaml (Japanese) and src/reply/explanations.ts.
// - Japanese first; the English text is a plain translation.
import type { Category, Level, Platform, Stage, TextKind } from '../detector/types.ts';
import type { AdviceCopy, Bilingual, CopyBook, Door, RefusalCopy, RefusalKind, RefusalPart, SourceHow } from './copy-types.ts';

const b = (ja: string, en: string): Bilingual => ({ ja, en });

// ---------------------------------------------------------------------------------------------
// Labels

const levelLabel: Record<Level, Bilingual> = {
  high: b('危険', 'Danger'),
  medium: b('注意', 'Caution'),
  low: b('軽微', 'Minor'),
  none: b('問題なし', 'No issue found'),
};

const levelHeadline: Record<Level, Bilingual> = {
  high: b('このメッセージの求めには応じないでください。', 'Do not do what this message asks.'),
  medium: b(
    '条件がそろっている場合にだけ応じられる内容です。条件を確認してください。',
    'This is only acceptable under certain conditions. Check them before you answer.',
  ),
  low: b('少し気になる表現があります。念のため内容を確認してください。', 'There is a slightly worrying expression. Read the message carefully.'),
  none: b(
    '問題となる表現は見つかりませんでした（安全の保証ではありません）。',
    'No problematic expression was found (this is not a guarantee of safety).',
  ),
};

const categoryLabel: Record<Category, Bilingual> = {
  off_platform_contact: b('外部連絡ツールへの誘導', 'Moving contact to an outside tool'),
  contact_details: b('連絡先の直接記載', 'Contact details written in the message'),
  pre_contract_call: b('契約前の通話・面談', 'Call or interview before the contract'),
  personal_info: b('個人情報の要求', 'Request for personal information'),
  direct_deal: b('直接契約・手数料回避', 'Direct deal to avoid the platform fee'),
  off_platform_payment: b('サービス外での支払い', 'Payment outside the platform'),
  upfront_payment: b('費用の要求', 'Request to pay money up front'),
  unrealistic_pay: b('非現実的な高収入', 'Unrealistically high pay'),
  demographic_limit: b('業務と無関係な属性の限定', 'Limits on age, gender or looks unrelated to the work'),
  vague_details: b('詳細不明', 'Vague job details'),
  pressure: b('急かし・強要', 'Pressure or coercion'),
  app_install: b('アプリのインストール要求', 'Request to install an app'),
  recruitment_scheme: b(
    '勧誘（情報商材・マルチ・投資・サロン）',
    'Recruitment (info products, MLM, investment, online salons)',
  ),
};

const platformLabel: Record<Platform, Bilingual> = {
  crowdworks: b('クラウドワークス', 'CrowdWorks'),
  lancers: b('ランサーズ', 'Lancers'),
  coconala: b('ココナラ', 'coconala'),
  other: b('その他のサービス', 'Other platform'),
};

const stageLabel: Record<Stage, Bilingual> = {
  before_contract: b('契約前', 'Before the contract'),
  after_contract: b('契約後（仮払い前）', 'After the contract (escrow not yet paid)'),
  after_escrow: b('仮払い後', 'After escrow payment'),
  unknown: b('不明', 'Unknown'),
};

// ---------------------------------------------------------------------------------------------
// Refusals: an opening, one sentence per part that the findings call for (at most two, in the
// order of REFUSAL_PARTS), a closing. Every composition is listed in docs/refusals.md.

/** A part written the same way on every platform. */
const everywhere = (t: Bilingual): Record<Platform, Bilingual> => ({ crowdworks: t, lancers: t, coconala: t, other: t });

const thanks = b('ご連絡ありがとうございます。', 'Thank you for your message.');
const reachingOut = b('お声がけありがとうございます。', 'Thank you for reaching out.');
const proposal = b('ご提案ありがとうございます。', 'Thank you for the proposal.');
const information = b('ご案内ありがとうございます。', 'Thank you for the information.');

const refusalOpening: Record<RefusalPart, Bilingual> = {
  contact: thanks,
  approval: thanks,
  call: reachingOut,
  personal: thanks,
  direct: proposal,
  payment: proposal,
  account: thanks,
  fees: information,
  app: information,
  recruit: reachingOut,
  work_first: thanks,
  hurry: thanks,
  details: thanks,
};

const refusalConnectors = [b('恐れ入りますが、', 'I am sorry, but '), b('また、', 'Also, ')] as const;

const contactOnCoconala = b(
  'ココナラでは外部でのご連絡ができないため、やり取りはこちらのメッセージとトークルームでお願いいたします。',
  'I keep all contact to coconala\'s messages and talk room, since contact outside the site is not allowed there.',
);

const refusalSentences: Record<RefusalPart, Record<Platform, Bilingual>> = {
  contact: {
    crowdworks: b(
      '外部ツールでのご連絡は、仮払いの完了後にサービス外連絡申請をいただいてからとさせてください。',
      'I only move to outside tools after the escrow payment, once you have sent an off-service contact request (サービス外連絡申請).',
    ),
    lancers: b(
      '連絡先の交換は、仮払いの完了後にランサーズの連絡先公開申請を通して行わせてください。',
      'I only exchange contact details after the escrow payment, through Lancers\' contact disclosure request (連絡先公開申請).',
    ),
    coconala: contactOnCoconala,
    other: b(
      '外部のツールやアプリへの移動は控えており、契約とお支払いが済むまではこちらのメッセージでご相談させてください。',
      'I do not move to outside tools or apps, and would like to talk here until the contract and payment are complete.',
    ),
  },
  approval: {
    crowdworks: b(
      'サービス外連絡申請については、内容を拝見してから承認するかどうかを判断させてください。',
      'I would like to read the off-service contact request (サービス外連絡申請) before deciding whether to approve it.',
    ),
    lancers: b(
      '連絡先公開申請については、仮払いの完了後に内容を拝見してから判断させてください。',
      'I will decide on the contact disclosure request (連絡先公開申請) after the escrow payment, once I have read it.',
    ),
    // coconala has no application: src/reply/refusal.ts uses the contact sentence there.
    coconala: contactOnCoconala,
    other: b(
      '外部ツールでのご連絡については、条件を確認してから判断させてください。',
      'I would like to check the conditions before deciding on contact through an outside tool.',
    ),
  },
  call: {
    crowdworks: b(
      '契約前の通話や面談は控えておりますので、ご質問にはクラウドワークスのメッセージで文章にてお答えいたします。',
      'I do not take calls or interviews before the contract, so I will answer your questions in writing in CrowdWorks\' messages.',
    ),
    lancers: b(
      '仮払い前の通話や面談はお受けしておりませんので、ご確認事項にはランサーズのメッセージで文章にてお答えいたします。',
      'I do not take calls or interviews before the escrow payment, so I will answer anything you need in writing in Lancers\' messages.',
    ),
    coconala: b(
      'ココナラ外での通話はお受けできかねますので、ご不明点にはトークルームやメッセージで文章にてお答えいたします。',
      'I cannot take calls outside coconala, so I will answer any questions in writing in the talk room or messages.',
    ),
    other: b(
      '契約前の通話やビデオ面談は控えておりますので、ご質問にはこちらのメッセージで文章にてお答えいたします。',
      'I do not take calls or video interviews before the contract, so I will answer your questions in writing here.',
    ),
  },
  personal: {
    crowdworks: b(
      '業務に必要のない個人情報のご提出は控えており、お取引に必要な情報はクラウドワークスに登録しております。',
      'I do not provide personal information the work does not need; what the transaction needs is registered with CrowdWorks.',
    ),
    lancers: b(
      '業務に必要のない個人情報のご提出は控えており、報酬のお受け取りに必要な情報はランサーズに登録しております。',
      'I do not provide personal information the work does not need; what receiving payment needs is registered with Lancers.',
    ),
    coconala: b(
      '個人情報をお伝えすることはできかねますので、お取引に必要な情報はココナラの登録内容でお願いいたします。',
      'I cannot share personal information; for what the transaction needs, please rely on what is registered with coconala.',
    ),
    other: b('業務に直接必要のない個人情報のご提出は控えております。', 'I do not provide personal information that the work does not directly need.'),
  },
  direct: {
    crowdworks: b(
      'ご契約はクラウドワークス上でのみお受けしており、今後のご依頼もその都度こちらでご契約いただけますと幸いです。',
      'I only accept contracts on CrowdWorks, and would be grateful if future requests could also be contracted here each time.',
    ),
    lancers: b('お仕事はランサーズで契約と仮払いをしていただいたうえでお受けしております。', 'I take work only after the contract and escrow payment are made on Lancers.'),
    coconala: b('お取引はココナラでのご購入を通してのみお受けしております。', 'I only take work through a purchase on coconala.'),
    other: b('ご契約はこちらのサービスを通してのみお受けしております。', 'I only accept contracts through this platform.'),
  },
  payment: {
    crowdworks: b(
      '報酬はクラウドワークスの仮払いを通してのみお受け取りしており、直接のお振込みなど他の方法はお受けできかねます。',
      'I only receive payment through CrowdWorks\' escrow and cannot accept direct transfers or other methods.',
    ),
    lancers: b(
      '報酬はランサーズの仮払いを通してのみお受け取りしており、他の方法でのお支払いはお受けできかねます。',
      'I only receive payment through Lancers\' escrow and cannot accept other payment methods.',
    ),
    coconala: b('お支払いはココナラでのご購入手続きでのみお受けしており、他の方法はお受けできかねます。', 'I only accept payment through a purchase on coconala and cannot accept other methods.'),
    other: b(
      '報酬はサービスの決済機能を通してのみお受け取りしており、直接のお振込みや電子マネー、ギフト券などはお受けできかねます。',
      'I only receive payment through the platform\'s payment system and cannot accept direct transfers, e-money or gift cards.',
    ),
  },
  account: everywhere(
    b('口座やカードをお貸しすることや、代理での入金・送金はお受けできかねます。', 'I cannot lend my bank account or card, or receive or send money on someone else\'s behalf.'),
  ),
  fees: everywhere(
    b(
      'お仕事を受けるために費用をお支払いしたり、教材や商品を購入したりすることは控えております。',
      'I do not pay fees or buy materials or products in order to take on work.',
    ),
  ),
  app: everywhere(b('ご指定のアプリやツールをインストールすることは控えております。', 'I do not install apps or tools on request.')),
  recruit: everywhere(b('セミナーや講座、投資などのお誘いはお受けしておりません。', 'I do not accept invitations to seminars, courses, investments and the like.')),
  work_first: {
    crowdworks: b('作業は、クラウドワークスで仮払いの完了を確認してから開始いたします。', 'I start work only after confirming the escrow payment on CrowdWorks.'),
    lancers: b('作業は、ランサーズで仮払いを確認してから開始いたします。', 'I start work only after confirming the escrow payment on Lancers.'),
    coconala: b('作業は、ココナラでのご購入手続きが済んでから開始いたします。', 'I start work once the purchase on coconala is complete.'),
    other: b('作業は、契約とお支払いの手続きが済んでから開始いたします。', 'I start work once the contract and payment steps are complete.'),
  },
  hurry: everywhere(b('条件を確認するお時間をいただいてから、お返事いたします。', 'I will reply once I have had time to check the conditions.')),
  details: {
    crowdworks: b(
      '業務内容と報酬の詳細を、クラウドワークスのメッセージでお知らせいただけますでしょうか。',
      'I would be grateful if you could give the details of the work and the pay in CrowdWorks\' messages.',
    ),
    lancers: b(
      '業務内容と報酬の詳細を、ランサーズのメッセージでお知らせいただけますでしょうか。',
      'I would be grateful if you could give the details of the work and the pay in Lancers\' messages.',
    ),
    coconala: b(
      '業務内容と報酬の詳細を、ココナラのメッセージでお知らせいただけますでしょうか。',
      'I would be grateful if you could give the details of the work and the pay in coconala\'s messages.',
    ),
    other: b(
      '業務内容と報酬の詳細を、こちらのメッセージでお知らせいただけますでしょうか。',
      'I would be grateful if you could give the details of the work and the pay in these messages.',
    ),
  },
};

const refusal: RefusalCopy = {
  opening: refusalOpening,
  connectors: refusalConnectors,
  sentences: refusalSentences,
  closing: b('よろしくお願いいたします。', 'Thank you for your understanding.'),
};

const legacyRefusalParts: Record<RefusalKind, RefusalPart[]> = {
  contact_tool: ['contact'],
  call: ['call'],
  personal_data: ['personal'],
  direct_deal: ['direct'],
  outside_payment: ['payment'],
  fees: ['fees'],
  pressure: ['approval', 'work_first'],
  recruitment: ['recruit'],
  generic: ['details'],
};

// ---------------------------------------------------------------------------------------------
// What is allowed instead: platform × stage

const routes: Record<Platform, Record<Stage, Bilingual>> = {
  crowdworks: {
    before_contract: b(
      '契約と仮払いが済むまでは、クラウドワークスのメッセージ機能だけでやり取りします。連絡先の交換や外部ツール・通話への移行は、サービス外連絡申請で事務局の承認を得た場合を除いてできません。契約と報酬の支払いは常にクラウドワークス上です。',
      'Until the contract and escrow payment are done, talk only through CrowdWorks\' message function. Exchanging contact details or moving to outside tools or calls is not allowed unless the office has approved an off-service contact request (サービス外連絡申請). The contract and payment always stay on CrowdWorks.',
    ),
    after_contract: b(
      '契約済みでも仮払いがまだなら、やり取りはメッセージ機能で続け、作業は仮払いの完了を確認してから始めます。外部ツールを使えるのは、クライアントがサービス外連絡申請を出し、あなたが同意して承認した場合だけです（事務局の審査あり）。報酬の支払いはクラウドワークス上で行います。',
      'Even with a contract, if escrow is not paid yet, keep using the message function and start work only after the escrow payment is confirmed. Outside tools are allowed only if the client files an off-service contact request (サービス外連絡申請) and you agree and approve it (the office reviews it). Payment is made on CrowdWorks.',
    ),
    after_escrow: b(
      '仮払い後は、クライアントがサービス外連絡申請を出し、あなたが同意して承認すれば、Chatworkなどの外部ツールで連絡できます（事務局の審査あり）。承認するかはあなたの自由です。契約・追加の発注・報酬の支払いは引き続きクラウドワークス上で行います。',
      'After escrow, you may use an outside tool such as Chatwork if the client files an off-service contact request (サービス外連絡申請) and you agree and approve it (the office reviews it). Approving is your free choice. Contracts, additional orders and payment still go through CrowdWorks.',
    ),
    unknown: b(
      'まず、契約と仮払いが済んでいるかを確認してください。済んでいなければメッセージ機能だけでやり取りします。済んでいれば、サービス外連絡申請にあなたが同意した場合に限り外部ツールを使えます。契約と報酬の支払いは、どの段階でもクラウドワークス上です。',
      'First check whether the contract and escrow payment are done. If not, talk only through the message function. If they are, outside tools are allowed only when you agree to an off-service contact request (サービス外連絡申請). The contract and payment stay on CrowdWorks at every stage.',
    ),
  },
  lancers: {
    before_contract: b(
      '契約と仮払いが済むまでは、ランサーズのメッセージ機能でやり取りします。この段階では、連絡先の交換や外部ツール・通話への移行はできません。契約と報酬の支払いは常にランサーズ上で行います。',
      'Until the contract and escrow payment are done, talk through Lancers\' message function. At this stage, exchanging contact details or moving to outside tools or calls is not allowed. The contract and payment always stay on Lancers.',
    ),
    after_contract: b(
      '契約済みでも仮払いが済んでいなければ、連絡はメッセージ機能だけです。作業も仮払いを確認してから始めましょう。連絡先の交換は、仮払い後に連絡先公開申請を通した場合に限られます。報酬の支払いはランサーズ上で行います。',
      'Even with a contract, if escrow is not paid yet, contact stays in the message function. Start work only after confirming the escrow payment. Contact details may be exchanged only after escrow, through a contact disclosure request (連絡先公開申請). Payment is made on Lancers.',
    ),
    after_escrow: b(
      '仮払い後は、連絡先公開申請を通せば連絡先を交換できます。応じるかどうかはあなたが決めて構いません。契約・追加の依頼・報酬の支払いは引き続きランサーズ上で行います。',
      'After escrow, contact details may be exchanged through a contact disclosure request (連絡先公開申請). Whether to accept is up to you. Contracts, additional requests and payment still go through Lancers.',
    ),
    unknown: b(
      'まず、契約と仮払いが済んでいるかを確認してください。済んでいなければメッセージ機能だけでやり取りします。済んでいれば、連絡先公開申請を通し、あなたが納得した場合に限り連絡先を交換できます。契約と報酬の支払いは、どの段階でもランサーズ上です。',
      'First check whether the contract and escrow payment are done. If not, talk only through the message function. If they are, contact details may be exchanged only through a contact disclosure request (連絡先公開申請) and only if you are comfortable with it. The contract and payment stay on Lancers at every stage.',
    ),
  },
  coconala: {
    before_contract: b(
      'ココナラでは、購入の前も後も、外部での連絡や連絡先の交換はできません。購入前の相談はココナラのメッセージで行い、購入後はトークルームでやり取りします。支払いも必ずココナラ上で行います。',
      'On coconala, contact outside the site and exchanging contact details are not allowed, before or after purchase. Discuss things in coconala\'s messages before purchase and in the talk room after it. Payment always goes through coconala.',
    ),
    after_contract: b(
      '購入後も、やり取りはトークルームの中だけで行います。取引中であっても、外部での連絡や連絡先の交換はできません。納品と支払いもココナラ上で完結させます。',
      'After purchase, talk only in the talk room. Even during a transaction, contact outside the site and exchanging contact details are not allowed. Delivery and payment are completed on coconala.',
    ),
    after_escrow: b(
      '支払い済みの取引でも、やり取りはトークルームの中だけです。外部での連絡や連絡先の交換は、どの段階でもできません。納品と支払いもココナラ上で完結させます。',
      'Even when the transaction is paid, talk only in the talk room. Contact outside the site and exchanging contact details are not allowed at any stage. Delivery and payment are completed on coconala.',
    ),
    unknown: b(
      'ココナラでは、どの段階でも外部での連絡や連絡先の交換はできません。購入前はココナラのメッセージ、購入後はトークルームでやり取りし、支払いも必ずココナラ上で行います。',
      'On coconala, contact outside the site and exchanging contact details are not allowed at any stage. Use coconala\'s messages before purchase and the talk room after it; payment always goes through coconala.',
    ),
  },
  other: {
    before_contract: b(
      '契約と仮払い（エスクロー）が済むまでは、そのサービスのメッセージ機能でやり取りするのが基本です。連絡先の交換や外部ツール・通話への移行は控えましょう。契約と報酬の支払いはサービス上で行います。',
      'Until the contract and escrow payment are done, the basic rule is to talk through the platform\'s message function. Avoid exchanging contact details or moving to outside tools or calls. The contract and payment go through the platform.',
    ),
    after_contract: b(
      '契約済みでも支払い（仮払い）が確認できるまでは、メッセージ機能でやり取りし、作業も始めないのが安全です。外部ツールは、サービスの公式な手続きがあり、あなたが同意した場合に限りましょう。報酬の支払いはサービス上で行います。',
      'Even with a contract, it is safest to keep to the message function and not start work until the escrow payment is confirmed. Use outside tools only if the platform has an official procedure for it and you agree. Payment goes through the platform.',
    ),
    after_escrow: b(
      '仮払い後に外部ツールを使うのは、サービスの規約で認められ、公式な手続きを経て、あなたが同意した場合に限りましょう。契約・追加の依頼・報酬の支払いは引き続きサービス上で行います。',
      'After escrow, use outside tools only if the platform\'s terms allow it, the official procedure has been followed, and you agree. Contracts, additional requests and payment still go through the platform.',
    ),
    unknown: b(
      'まず、契約と仮払い（エスクロー）が済んでいるかを確認してください。済むまではサービスのメッセージ機能だけでやり取りし、外部ツールは公式な手続きとあなたの同意がある場合に限りましょう。契約と報酬の支払いは、どの段階でもサービス上です。',
      'First check whether the contract and escrow payment are done. Until then, talk only through the platform\'s message function; use outside tools only with an official procedure and your consent. The contract and payment stay on the platform at every stage.',
    ),
  },
};

// ---------------------------------------------------------------------------------------------
// Next steps, composed per verdict (src/reply/advice.ts). 🔴: what not to do for each concern,
// then the refusal, then report, then block (in that order, so no step contradicts another).

const site: Record<Platform, Bilingual> = {
  crowdworks: b('クラウドワークス', 'CrowdWorks'),
  lancers: b('ランサーズ', 'Lancers'),
  coconala: b('ココナラ', 'coconala'),
  other: b('サービス', 'the platform'),
};

const dont: Record<RefusalPart, Record<Platform, Bilingual>> = {
  contact: everywhere(
    b('外部のツールやアプリで連絡したり、IDや連絡先を伝えたりしないでください。', 'Do not contact them on an outside tool or app, and do not give your ID or contact details.'),
  ),
  approval: {
    crowdworks: b('サービス外連絡申請を承認するかどうかはあなたの自由です。迫られても承認する必要はありません。', 'Approving an off-service contact request is your free choice. You do not have to approve it, however hard you are pressed.'),
    lancers: b('連絡先公開申請に応じるかどうかはあなたの自由です。迫られても応じる必要はありません。', 'Accepting a contact disclosure request is your free choice. You do not have to accept it, however hard you are pressed.'),
    coconala: b('ココナラでは連絡先の交換そのものができません。求められても応じないでください。', 'On coconala, exchanging contact details is not allowed at all. Do not agree to it, even if asked.'),
    other: b('外部での連絡や連絡先の交換に応じるかどうかはあなたの自由です。迫られても応じる必要はありません。', 'Agreeing to outside contact or exchanging contact details is your free choice. You do not have to agree, however hard you are pressed.'),
  },
  call: everywhere(b('通話やビデオ面談には応じないでください。', 'Do not agree to a call or video interview.')),
  personal: everywhere(
    b('本名・住所・口座・身分証・顔写真などの個人情報は送らないでください。', 'Do not send personal information such as your real name, address, bank account, ID or photo.'),
  ),
  direct: {
    crowdworks: b('クラウドワークスを通さない契約には応じないでください。', 'Do not agree to a contract outside CrowdWorks.'),
    lancers: b('ランサーズを通さない契約には応じないでください。', 'Do not agree to a contract outside Lancers.'),
    coconala: b('ココナラを通さない取引には応じないでください。', 'Do not agree to a deal outside coconala.'),
    other: b('サービスを通さない契約には応じないでください。', 'Do not agree to a contract outside the platform.'),
  },
  payment: {
    crowdworks: b(
      '報酬はクラウドワークスの仮払いを通して受け取ります。直接の振込や電子マネー、ギフト券、仮想通貨などでの受け取りには応じないでください。',
      'Pay is received through CrowdWorks\' escrow. Do not agree to be paid by direct transfer, e-money, gift cards, crypto or the like.',
    ),
    lancers: b(
      '報酬はランサーズの仮払いを通して受け取ります。直接の振込や電子マネー、ギフト券、仮想通貨などでの受け取りには応じないでください。',
      'Pay is received through Lancers\' escrow. Do not agree to be paid by direct transfer, e-money, gift cards, crypto or the like.',
    ),
    coconala: b(
      'お金のやり取りはココナラの購入手続きだけで行います。ほかの方法での支払いや受け取りには応じないでください。',
      'Money only changes hands through a purchase on coconala. Do not agree to pay or be paid any other way.',
    ),
    other: b(
      '報酬はサービスの決済機能を通して受け取ります。直接の振込や電子マネー、ギフト券、仮想通貨などでの受け取りには応じないでください。',
      'Pay is received through the platform\'s payment system. Do not agree to be paid by direct transfer, e-money, gift cards, crypto or the like.',
    ),
  },
  account: everywhere(
    b(
      '口座やキャッシュカードを貸したり、他人のお金を受け取って送金したりしないでください。犯罪に加担したとみなされるおそれがあります。',
      'Do not lend your bank account or cash card, or receive and forward other people\'s money. You could be treated as part of a crime.',
    ),
  ),
  fees: everywhere(b('費用の支払いや、教材・商品の購入はしないでください。', 'Do not pay any fee or buy materials or products.')),
  app: everywhere(b('指定されたアプリやツールはインストールしないでください。', 'Do not install the app or tool they name.')),
  recruit: everywhere(b('セミナー・講座・投資などの誘いには申し込まないでください。', 'Do not sign up for the seminar, course, investment or the like.')),
  work_first: {
    crowdworks: b('仮払いが確認できるまで、作業を始めないでください。', 'Do not start work until the escrow payment is confirmed.'),
    lancers: b('仮払いが確認できるまで、作業を始めないでください。', 'Do not start work until the escrow payment is confirmed.'),
    coconala: b('ココナラでの購入が確認できるまで、作業を始めないでください。', 'Do not start work until the purchase on coconala is confirmed.'),
    other: b('支払い（仮払い）が確認できるまで、作業を始めないでください。', 'Do not start work until the (escrow) payment is confirmed.'),
  },
  hurry: everywhere(b('急かされても、その場で決めないでください。', 'Even if rushed, do not decide on the spot.')),
  details: everywhere(b('仕事の内容と報酬がはっきりするまで、話を進めないでください。', 'Do not go any further until the work and the pay are clear.')),
};

/** Categories CrowdWorks' report form names 「外部連絡ツールへの誘導」 for. */
const CONTACT_CATEGORIES = new Set<Category>(['off_platform_contact', 'contact_details']);

function reportAdvice(platform: Platform, category: Category, platformKnown: boolean): Bilingual {
  const label = categoryLabel[category];
  if (platform === 'crowdworks') {
    const path = CONTACT_CATEGORIES.has(category)
      ? b('メッセージや案件ページの「…」メニュー →「違反報告」→「外部連絡ツールへの誘導」を選びます', 'the "…" menu on the message or job page → "違反報告" (report a violation) → "外部連絡ツールへの誘導" (solicitation to an outside contact tool)')
      : b(
          `メッセージや案件ページの「…」メニュー →「違反報告」で、内容にいちばん近い違反の種類を選び、「${label.ja}」にあたると書き添えます`,
          `the "…" menu on the message or job page → "違反報告" (report a violation); choose the closest type of violation and add that it is "${label.en}"`,
        );
    const elsewhere = platformKnown ? b('', '') : b('（クラウドワークスの場合。ランサーズ・ココナラは「通報のしかた」を見てください）', ' (this is CrowdWorks; for Lancers or coconala see "How to report")');
    return b(`違反報告をしてください：${path.ja}${elsewhere.ja}。`, `Report it: ${path.en}${elsewhere.en}.`);
  }
  if (platform === 'other') {
    return b(`サービスの通報機能や問い合わせ窓口から、「${label.ja}」として運営に報告してください。`, `Report it to the operator as "${label.en}" with the platform's report function or enquiry form.`);
  }
  return b(
    `${site[platform].ja}の通報（違反報告）の機能で、「${label.ja}」として報告してください（手順は「通報のしかた」）。`,
    `Report it as "${label.en}" with ${platform === 'lancers' ? 'Lancers\'' : 'coconala\'s'} report function (steps under "How to report").`,
  );
}

const adviceCopy: AdviceCopy = {
  dont,
  useRefusal: b(
    '断るときは、返信例をそのまま送れます。送ったあとも同じ求めが続くなら、それ以上は返信しないでください。',
    'To decline, you can send the suggested reply as it is. If the same request comes again after that, stop replying.',
  ),
  report: reportAdvice,
  block: b('報告したら相手をブロックし、やり取りを終えましょう。', 'After reporting, block the sender and end the conversation.'),
  mediumChecks: {
    crowdworks: b('契約と仮払いは完了していますか？完了前なら、クラウドワークスのメッセージ機能だけでやり取りしてください。', 'Are the contract and escrow payment complete? If not, talk only through CrowdWorks\' message function.'),
    lancers: b('契約と仮払いは完了していますか？完了前なら、ランサーズのメッセージ機能だけでやり取りしてください。', 'Are the contract and escrow payment complete? If not, talk only through Lancers\' message function.'),
    coconala: b(
      'ココナラでは、購入の前も後も、外部での連絡や連絡先の交換はできません。やり取りはメッセージとトークルームだけで行ってください。',
      'On coconala, contact outside the site and exchanging contact details are not allowed, before or after purchase. Talk only in the messages and the talk room.',
    ),
    other: b('契約と支払い（仮払い）は完了していますか？完了前なら、サービスのメッセージ機能だけでやり取りしてください。', 'Are the contract and (escrow) payment complete? If not, talk only through the platform\'s message function.'),
  },
  mediumRoute: {
    crowdworks: b('外部ツールを使う話なら、サービス外連絡申請を経ていますか？承認するかどうかはあなたが決められ、断っても構いません。', 'If an outside tool is involved, has an off-service contact request been made? Whether to approve it is up to you, and you may decline.'),
    lancers: b('連絡先の交換は、仮払いの後に連絡先公開申請を通す場合に限られます。応じるかどうかはあなたが決められます。', 'Contact details may be exchanged only after escrow, through a contact disclosure request. Whether to accept is up to you.'),
    coconala: null,
    other: b('外部ツールを使うのは、サービスに公式な手続きがあり、あなたが同意した場合に限りましょう。', 'Use an outside tool only if the platform has an official procedure for it and you agree.'),
  },
  mediumPlatformPays: {
    crowdworks: b('契約と報酬の支払いは、どの段階でもクラウドワークス上で行います。', 'The contract and payment stay on CrowdWorks at every stage.'),
    lancers: b('契約と報酬の支払いは、どの段階でもランサーズ上で行います。', 'The contract and payment stay on Lancers at every stage.'),
    coconala: b('購入と支払いは、どの段階でもココナラ上で行います。', 'Purchase and payment stay on coconala at every stage.'),
    other: b('契約と報酬の支払いは、どの段階でもサービス上で行います。', 'The contract and payment stay on the platform at every stage.'),
  },
  mediumUseRefusal: b('条件がそろっていないときは、返信例をそのまま送れます。', 'If the conditions are not met, you can send the suggested reply as it is.'),
  low: {
    crowdworks: lowAdvice(b('クラウドワークスのメッセージ機能', 'CrowdWorks\' message function'), b('契約と仮払い', 'the contract and escrow payment')),
    lancers: lowAdvice(b('ランサーズのメッセージ機能', 'Lancers\' message function'), b('契約と仮払い', 'the contract and escrow payment')),
    coconala: lowAdvice(b('ココナラのメッセージとトークルーム', 'coconala\'s messages and talk room'), b('購入', 'the purchase')),
    other: lowAdvice(b('サービスのメッセージ機能', 'the platform\'s message function'), b('契約と支払い（仮払い）', 'the contract and (escrow) payment')),
  },
  none: {
    crowdworks: noneAdvice(b('契約と支払いはクラウドワークス上で行い、仮払いを確認してから作業を始める', 'contract and payment on CrowdWorks, and start work only after the escrow payment is confirmed')),
    lancers: noneAdvice(b('契約と支払いはランサーズ上で行い、仮払いを確認してから作業を始める', 'contract and payment on Lancers, and start work only after the escrow payment is confirmed')),
    coconala: noneAdvice(b('やり取りと支払いはココナラ上で行い、購入を確認してから作業を始める', 'talk and pay on coconala, and start work only after the purchase is confirmed')),
    other: noneAdvice(b('契約と支払いはサービス上で行い、支払い（仮払い）を確認してから作業を始める', 'contract and payment on the platform, and start work only after the payment is confirmed')),
  },
};

function lowAdvice(where: Bilingual, before: Bilingual): Bilingual[] {
  return [
    b('強い危険を示す表現は見つかりませんでしたが、少し気になる表現があります。', 'No strongly dangerous expression was found, but there is a slightly worrying one.'),
    b(
      `やり取りは${where.ja}で続け、${before.ja}の前に作業を始めたり個人情報を送ったりしないようにしましょう。`,
      `Keep talking through ${where.en}, and do not start work or send personal information before ${before.en}.`,
    ),
    b('この後のメッセージで外部ツールや支払い方法の話が出たら、もう一度チェックしてください。', 'If later messages bring up outside tools or payment methods, check them again.'),
  ];
}

function noneAdvice(basics: Bilingual): Bilingual[] {
  return [
    b('問題となる表現は見つかりませんでした。ただし、相手が安全であることの保証ではありません。', 'No problematic expression was found. This is not a guarantee that the sender is safe.'),
    b(`${basics.ja}、という基本はそのまま守ってください。`, `Keep to the basics: ${basics.en}.`),
  ];
}

/** How to report and block, per platform; the category found is named in the report. */
function reportSteps(platform: Platform, category: Category | null): Bilingual[] {
  const label = category ? categoryLabel[category] : null;
  const as = label ? b(`「${label.ja}」として`, ` as "${label.en}"`) : b('外部への誘導として', ' as solicitation to go off-platform');
  switch (platform) {
    case 'crowdworks':
      return [
        b(
          '該当のメッセージまたは案件ページを開き、右上の「…」メニューから「違反報告」を選びます。',
          'Open the message or job page and choose "違反報告" (report a violation) from the "…" menu at the top right.',
        ),
        !category || CONTACT_CATEGORIES.has(category)
          ? b('違反の種類で「外部連絡ツールへの誘導」を選びます。', 'As the type of violation, choose "外部連絡ツールへの誘導" (solicitation to an outside contact tool).')
          : b(
              `違反の種類は内容にいちばん近いものを選び、詳細欄に「${label?.ja ?? ''}」にあたることを書きます。`,
              `Choose the closest type of violation and write in the details that it is "${label?.en ?? ''}".`,
            ),
        b(
          'いつ・どの文面で求められたかを書き、できればスクリーンショットを添えて送信します。報告したことは相手には知らされません。',
          'Write when and with what wording it was asked, attach a screenshot if you can, and send. The other party is not told that you reported.',
        ),
        b('相手のプロフィールページで「ブロックする」を選ぶと、以後のメッセージが届かなくなります。', 'Choose "ブロックする" (block) on the sender\'s profile page to stop further messages.'),
      ];
    case 'lancers':
      return [
        b(
          `メッセージ画面や相手のプロフィールにある通報（違反報告）の項目から、${as.ja}報告します。`,
          `Use the report (violation report) option on the message screen or the sender's profile and report it${as.en}.`,
        ),
        b('項目が見つからない場合は、ヘルプの問い合わせ窓口からランサーズ事務局に連絡します。', 'If you cannot find the option, contact the Lancers office through the help centre\'s enquiry form.'),
        b('いつ・どの文面で求められたかを書き、スクリーンショットを添えると確認が早くなります。', 'Write when and with what wording it was asked; a screenshot speeds up the review.'),
        b('ブロック機能で相手からの連絡を止め、それ以上のやり取りはやめましょう。', 'Block the sender to stop further contact, and end the conversation.'),
      ];
    case 'coconala':
      return [
        b(
          `トークルームやメッセージ、相手のプロフィールのメニューにある通報の項目から、${as.ja}報告します。`,
          `Report it${as.en} with the report option in the menu of the talk room, the message or the sender's profile.`,
        ),
        b('項目が見つからない場合は、ヘルプの問い合わせ窓口からココナラ運営に連絡します。', 'If you cannot find the option, contact coconala through the help centre\'s enquiry form.'),
        b('いつ・どの文面で求められたかを書き、スクリーンショットを添えます。', 'Write when and with what wording it was asked, and attach a screenshot.'),
        b('ブロック機能で相手からの連絡を止め、それ以上のやり取りはやめましょう。', 'Block the sender to stop further contact, and end the conversation.'),
      ];
    case 'other':
      return [
        b(`そのサービスの通報・違反報告の機能か、問い合わせ窓口から、${as.ja}運営に報告します。`, `Report it${as.en} to the operator with the platform's report function or its enquiry form.`),
        b('いつ・どの文面で求められたかを書き、スクリーンショットを添えます。', 'Write when and with what wording it was asked, and attach a screenshot.'),
        b('ブロック機能があれば使い、それ以上のやり取りはやめましょう。', 'Use the block function if there is one, and end the conversation.'),
      ];
  }
}

const alreadyReplied: Bilingual[] = [
  b(
    '外部でのやり取りをやめ、これ以上の情報やお金は送らないでください。',
    'Stop talking outside the platform, and do not send any more information or money.',
  ),
  b(
    '相手に伝えたもの（本名・住所・電話番号・メールアドレス・口座・身分証の画像など）と日時を書き出しておきます。',
    'Write down what you gave (real name, address, phone number, email address, bank account, ID images, etc.) and when.',
  ),
  b(
    'やり取りのスクリーンショットを保存し、サービスに違反報告します。すでに応じてしまったことも、そのまま書いて大丈夫です。',
    'Save screenshots of the conversation and report it to the platform. It is fine to say that you already responded.',
  ),
  b(
    '二次被害に注意してください：知らない番号からの電話、迷惑メール、身に覚えのない請求、「返金します」「別のお仕事があります」といった連絡には応じないでください。',
    'Watch for secondary damage: do not respond to calls from unknown numbers, spam, bills you do not recognise, or offers such as "we will refund you" or "there is another job".',
  ),
  b(
    '銀行口座の情報を伝えた場合は、すぐに取引先の銀行に連絡して相談してください。',
    'If you gave bank account details, contact your bank right away.',
  ),
  b(
    'お金を払った・請求されている場合は消費生活センター（消費者ホットライン 188）、脅された・被害に遭った場合は警察相談専用電話（#9110）に相談できます。',
    'If you paid or are being billed, call the consumer affairs centre (consumer hotline 188); if you were threatened or harmed, call the police consultation line (#9110).',
  ),
];

const disclaimer = b(
  'この判定は送られた文面についての目安です。相手が安全であること、または危険であることを保証するものではありません。',
  'This result is a guide about the text you sent. It does not guarantee that the sender is safe, or that they are dangerous.',
);

// ---------------------------------------------------------------------------------------------
// Notes above the findings: which part of a long text was read, what kind of text it was read as,
// and what the verdict assumed.

const n = (x: number): string => x.toLocaleString('en-US');

const readNote = (read: { head: number; tail: number }, inputChars: number): Bilingual => {
  const skipped = Math.max(0, inputChars - read.head - read.tail);
  if (read.tail === 0) {
    return b(
      `文面が長いため、最初の${n(read.head)}文字だけを確認しました（残りの${n(skipped)}文字は確認していません）。`,
      `The message was long, so only its first ${n(read.head)} characters were checked (the remaining ${n(skipped)} were not).`,
    );
  }
  return b(
    `文面が長いため、最初の${n(read.head)}文字と最後の${n(read.tail)}文字だけを確認しました（間の${n(skipped)}文字は確認していません）。`,
    `The message was long, so only its first ${n(read.head)} and last ${n(read.tail)} characters were checked (the ${n(skipped)} in between were not).`,
  );
};

const kindNote: Record<TextKind, Bilingual | null> = {
  message: null,
  posting: null,
  chat: b('やり取りの記録として読み、相手からの依頼について判定しました。', 'Read as a conversation log: the verdict is about what the other side asked.'),
  question: b(
    '引用された依頼について判定しました。届いた文面がこの内容なら、下の判定と返信例がそのまま使えます。',
    'This verdict is about the quoted request. If that is what you received, the result and the reply below apply to it.',
  ),
  rule_text: b(
    'この文面は依頼ではなく、ルールや注意喚起の説明として読めるため、危険度は低く判定しています。実際に届いたメッセージを確かめたいときは、その本文を貼り付けてください。',
    'This text reads as a description (rules or a warning), not a request, so it is rated low. To check a message you actually received, paste that message.',
  ),
};

const sourceHow: Record<SourceHow, Bilingual> = {
  given: b('指定どおり', 'as you set it'),
  inferred: b('文面から推定', 'guessed from the text'),
  default: b('指定がないための仮定', 'assumed, not set'),
};

const howToChange: Record<Door, Bilingual> = {
  discord: b('/check の platform・stage', 'platform and stage in /check'),
  cli: b('--platform・--stage', '--platform and --stage'),
  console: b(':platform・:stage', ':platform and :stage'),
};

const assumed = (a: { platform: Platform; platformHow: SourceHow; stage: Stage; stageHow: SourceHow; door: Door }): Bilingual => {
  const stageHow = a.stage === 'unknown' ? null : sourceHow[a.stageHow];
  return b(
    `判定の前提：サービス＝${platformLabel[a.platform].ja}（${sourceHow[a.platformHow].ja}）、段階＝${stageLabel[a.stage].ja}${stageHow ? `（${stageHow.ja}）` : ''}。違う場合は ${howToChange[a.door].ja} で指定できます。`,
    `Assumed: platform ${platformLabel[a.platform].en} (${sourceHow[a.platformHow].en}), stage ${stageLabel[a.stage].en}${stageHow ? ` (${stageHow.en})` : ''}. If that is wrong, set ${howToChange[a.door].en}.`,
  );
};

export const copy: CopyBook = {
  levelLabel,
  levelHeadline,
  categoryLabel,
  platformLabel,
  stageLabel,
  refusal,
  legacyRefusalParts,
  route: (platform: Platform, stage: Stage): Bilingual => routes[platform][stage],
  advice: adviceCopy,
  reportSteps,
  alreadyReplied,
  disclaimer,
  readNote,
  kindNote,
  assumed,
};
