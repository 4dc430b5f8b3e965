// All user-facing copy of gaibu-guard in one place, so a Japanese reviewer can read it end to end.
//
// Tone rules (tested in test/reply/copy.test.ts):
// - Refusals are short business 敬語 (≤ 120 characters), end politely, and never accuse the
//   client: they name the platform's rule or route, not the person.
// - Refusals differ per kind and per platform: CrowdWorks names サービス外連絡申請, Lancers
//   連絡先公開申請 after 仮払い, coconala keeps everything in ココナラ's messages/トークルーム and
//   never names an off-site tool, "other" is generic.
// - Japanese first; the English text is a plain translation.
import type { Category, Level, Platform, Stage } from '../detector/types.ts';
import type { Bilingual, CopyBook, RefusalKind } from './copy-types.ts';

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
  high: b(
    '危険：このメッセージの求めには応じないでください。',
    'Danger: do not do what this message asks.',
  ),
  medium: b(
    '注意：条件がそろっている場合にだけ応じられる内容です。条件を確認してください。',
    'Caution: this is only acceptable under certain conditions. Check them before you answer.',
  ),
  low: b(
    '軽微：少し気になる表現があります。念のため内容を確認してください。',
    'Minor: there is a slightly worrying expression. Read the message carefully.',
  ),
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
// Refusals

const refusalKindOf: Record<Category, RefusalKind> = {
  off_platform_contact: 'contact_tool',
  contact_details: 'contact_tool',
  app_install: 'contact_tool',
  pre_contract_call: 'call',
  personal_info: 'personal_data',
  demographic_limit: 'personal_data',
  direct_deal: 'direct_deal',
  off_platform_payment: 'outside_payment',
  upfront_payment: 'fees',
  pressure: 'pressure',
  recruitment_scheme: 'recruitment',
  unrealistic_pay: 'generic',
  vague_details: 'generic',
};

const refusals: Record<RefusalKind, Record<Platform, Bilingual>> = {
  contact_tool: {
    crowdworks: b(
      'ご連絡ありがとうございます。恐れ入りますが、外部のツールやアプリでのご連絡は、契約・仮払いの完了後にサービス外連絡申請をいただいた場合に限らせてください。それまではこちらのメッセージでお願いいたします。',
      'Thank you for your message. I am sorry, but I only use outside tools or apps after the contract and escrow payment are complete and you have sent an off-service contact request (サービス外連絡申請). Until then, I would like to keep to these messages.',
    ),
    lancers: b(
      'ご連絡ありがとうございます。恐れ入りますが、連絡先の交換は仮払いの完了後に、ランサーズの連絡先公開申請を通して行わせてください。それまではこちらのメッセージでやり取りいただけますと幸いです。',
      'Thank you for your message. I am sorry, but I exchange contact details only after the escrow payment, through Lancers\' contact disclosure request (連絡先公開申請). Until then, I would be grateful if we could talk here.',
    ),
    coconala: b(
      'ご連絡ありがとうございます。恐れ入りますが、ココナラでは外部でのご連絡ができないため、ご質問やご相談はすべてこちらのメッセージ・トークルームでお受けしております。よろしくお願いいたします。',
      'Thank you for your message. I am sorry, but coconala does not allow contact outside the site, so I take all questions and requests here in the messages and the talk room. Thank you for understanding.',
    ),
    other: b(
      'ご連絡ありがとうございます。大変恐縮ですが、外部のツールやアプリへの移動は控えており、ご契約とお支払いの手続きが済むまでは、本サービスのメッセージでご相談させてください。',
      'Thank you for your message. I am sorry, but I do not move to outside tools or apps; until the contract and payment steps are complete, I would like to talk through this platform\'s messages.',
    ),
  },
  call: {
    crowdworks: b(
      'お声がけありがとうございます。恐れ入りますが、契約前の通話・面談は控えさせていただいております。ご質問にはこちらのメッセージで詳しくお答えしますので、クラウドワークス上でご確認いただけますと幸いです。',
      'Thank you for reaching out. I am sorry, but I do not take calls or interviews before the contract. I will answer your questions in detail in these messages, so I would be grateful if we could settle things on CrowdWorks.',
    ),
    lancers: b(
      'お声がけありがとうございます。恐れ入りますが、仮払い前の通話・面談はお受けしておりません。ご確認事項はランサーズのメッセージで文章にてお答えいたしますので、ご遠慮なくお送りください。',
      'Thank you for reaching out. I am sorry, but I do not take calls or interviews before the escrow payment. I will answer anything you need in writing in Lancers\' messages, so please feel free to send your questions.',
    ),
    coconala: b(
      'お声がけありがとうございます。恐れ入りますが、ココナラ外での通話はお受けできかねます。ご不明点はトークルームやメッセージで丁寧にお答えいたしますので、文章でお送りいただけますと幸いです。',
      'Thank you for reaching out. I am sorry, but I cannot take calls outside coconala. I will gladly answer any questions in the talk room or messages, so I would be grateful if you could send them in writing.',
    ),
    other: b(
      'お声がけありがとうございます。恐れ入りますが、契約前の通話やビデオ面談は控えております。業務内容のご確認は、サービス上のメッセージで文章にてやり取りさせていただけますと幸いです。',
      'Thank you for reaching out. I am sorry, but I do not take calls or video interviews before the contract. I would be grateful if we could go over the job in writing in the platform\'s messages.',
    ),
  },
  personal_data: {
    crowdworks: b(
      'ご連絡ありがとうございます。恐れ入りますが、本名・住所・口座・顔写真などの個人情報は、直接のお伝えを控えております。手続きに必要な情報はクラウドワークスに登録済みですので、ご了承いただけますと幸いです。',
      'Thank you for your message. I am sorry, but I do not share personal information such as my real name, address, bank account or photo directly. What the procedures need is already registered with CrowdWorks; thank you for understanding.',
    ),
    lancers: b(
      'ご連絡ありがとうございます。恐縮ですが、個人情報の直接のご提出はお断りしております。報酬のお受け取りなどに必要な情報はランサーズに登録しておりますので、そちらの手続きでお願いいたします。',
      'Thank you for your message. I am sorry, but I do not hand over personal information directly. What is needed to receive payment is registered with Lancers, so please use the procedures there.',
    ),
    coconala: b(
      'ご連絡ありがとうございます。恐れ入りますが、氏名・連絡先・口座などの個人情報はお伝えできかねます。お取引に必要な情報はココナラに登録済みですので、トークルームでのご相談でお願いいたします。',
      'Thank you for your message. I am sorry, but I cannot share personal information such as my name, contact details or bank account. What the transaction needs is registered with coconala, so please let us talk in the talk room.',
    ),
    other: b(
      'ご連絡ありがとうございます。恐れ入りますが、本名・住所・口座・年齢・顔写真など、業務に直接必要でない個人情報のご提出は控えております。ご了承いただけますと幸いです。',
      'Thank you for your message. I am sorry, but I do not provide personal information that the work does not directly need, such as my real name, address, bank account, age or photo. Thank you for understanding.',
    ),
  },
  direct_deal: {
    crowdworks: b(
      'ありがたいお申し出ですが、ご契約はクラウドワークス上でのみお受けしております。今後のご依頼も、その都度こちらでご契約いただけますと幸いです。引き続きよろしくお願いいたします。',
      'Thank you for the kind offer, but I only accept contracts on CrowdWorks. I would be grateful if future requests could also be contracted here each time. I look forward to working with you.',
    ),
    lancers: b(
      'ありがたいお申し出ですが、お仕事はランサーズで契約と仮払いをしていただいたうえでお受けしております。次回以降も同じ形でご依頼いただけますと幸いです。',
      'Thank you for the kind offer, but I take work only after the contract and escrow payment are made on Lancers. I would be grateful if future requests could follow the same route.',
    ),
    coconala: b(
      'ありがたいお申し出ですが、お取引はココナラでのご購入を通してのみお受けしております。追加のご依頼も、ココナラ上でご購入いただけますと幸いです。',
      'Thank you for the kind offer, but I only take work through a purchase on coconala. I would be grateful if additional requests could also be purchased on coconala.',
    ),
    other: b(
      'ありがたいお申し出ですが、ご契約はこちらのサービスを通してのみお受けしております。次回以降も、サービス上でご依頼いただけますと幸いです。',
      'Thank you for the kind offer, but I only accept contracts through this platform. I would be grateful if future requests could also be made here.',
    ),
  },
  outside_payment: {
    crowdworks: b(
      'ご配慮ありがとうございます。恐れ入りますが、報酬はクラウドワークスの仮払い・お支払い機能でのみお受け取りしております。直接のお振込みなど、他の方法でのお受け取りは控えさせていただきます。',
      'Thank you for the consideration. I am sorry, but I only receive payment through CrowdWorks\' escrow and payment functions. I will not accept direct bank transfers or other methods.',
    ),
    lancers: b(
      'お気遣いありがとうございます。恐縮ですが、報酬のお受け取りはランサーズの仮払いを通す形に限らせていただいております。ランサーズ上でのお手続きをお願いいたします。',
      'Thank you for the thought. I am sorry, but I only receive payment through Lancers\' escrow. Please make the payment on Lancers.',
    ),
    coconala: b(
      'お気遣いありがとうございます。恐れ入りますが、お支払いはココナラでのご購入手続きのみでお受けしております。他の方法でのお支払いはお受けできかねますので、ご了承ください。',
      'Thank you for the thought. I am sorry, but I only accept payment through a purchase on coconala. I cannot accept any other payment method; thank you for understanding.',
    ),
    other: b(
      'ご配慮ありがとうございます。恐れ入りますが、報酬はサービスの決済機能を通してのみお受け取りしております。直接のお振込みや電子マネー、ギフト券などでのお受け取りはいたしかねます。',
      'Thank you for the consideration. I am sorry, but I only receive payment through the platform\'s payment system. I cannot accept direct transfers, e-money or gift cards.',
    ),
  },
  fees: {
    crowdworks: b(
      'ご案内ありがとうございます。恐れ入りますが、お仕事のために研修費や教材費などをお支払いすることはしておりません。必要な条件は、クラウドワークスの契約内容としてご提示いただけますと幸いです。',
      'Thank you for the information. I am sorry, but I do not pay training or material fees to take on work. I would be grateful if any requirements could be stated in the CrowdWorks contract.',
    ),
    lancers: b(
      'ご案内ありがとうございます。恐縮ですが、登録料や教材購入などの費用をこちらが負担する形のお仕事はお受けしておりません。ランサーズの契約内容の範囲でご相談いただけますと幸いです。',
      'Thank you for the information. I am sorry, but I do not take work where I have to pay registration fees or buy materials. I would be grateful if we could discuss it within a Lancers contract.',
    ),
    coconala: b(
      'ご案内ありがとうございます。恐れ入りますが、事前の費用や商品購入が必要なお取引はお受けしておりません。ココナラ上のサービス内容の範囲でご相談いただけますと幸いです。',
      'Thank you for the information. I am sorry, but I do not take transactions that require paying fees or buying products in advance. I would be grateful if we could discuss it within the service listed on coconala.',
    ),
    other: b(
      'ご案内ありがとうございます。恐れ入りますが、お仕事を始めるための費用や購入が必要な案件はお受けしておりません。ご了承いただけますと幸いです。',
      'Thank you for the information. I am sorry, but I do not take jobs that require me to pay or buy something to get started. Thank you for understanding.',
    ),
  },
  pressure: {
    crowdworks: b(
      'ご連絡ありがとうございます。恐れ入りますが、作業は仮払いの完了を確認してから開始いたします。また、サービス外連絡申請は内容を拝見のうえ判断させてください。',
      'Thank you for your message. I am sorry, but I start work only after confirming the escrow payment. As for the off-service contact request (サービス外連絡申請), please let me decide after reading it.',
    ),
    lancers: b(
      'ご連絡ありがとうございます。恐縮ですが、作業の開始はランサーズで仮払いを確認してからとさせてください。連絡先の公開についても、申請内容を拝見してから判断いたします。',
      'Thank you for your message. I am sorry, but I will start work once I have confirmed the escrow payment on Lancers. I will also decide on disclosing contact details after reading the request.',
    ),
    coconala: b(
      'ご連絡ありがとうございます。恐れ入りますが、作業はココナラでのご購入手続きが済んでから開始いたします。内容の確認にお時間をいただく場合もございますので、ご了承ください。',
      'Thank you for your message. I am sorry, but I start work once the purchase on coconala is complete. I may also need some time to review the details; thank you for understanding.',
    ),
    other: b(
      'ご連絡ありがとうございます。恐れ入りますが、条件を確認するお時間をいただいたうえで、作業は契約とお支払いの手続きが済んでから始めさせてください。ご理解いただけますと幸いです。',
      'Thank you for your message. I am sorry, but please give me time to review the conditions, and let me start work once the contract and payment steps are complete. Thank you for understanding.',
    ),
  },
  recruitment: {
    crowdworks: b(
      'ご案内ありがとうございます。恐れ入りますが、講座・サロン・副業ノウハウなどへのご参加は考えておりません。クラウドワークスでご依頼いただく業務のお話のみ伺えますと幸いです。',
      'Thank you for the information. I am sorry, but I am not interested in joining courses, salons or side-income programmes. I would be glad to hear only about work you request on CrowdWorks.',
    ),
    lancers: b(
      'ご案内ありがとうございます。恐縮ですが、スクールや投資、サロンなどのお誘いはお断りしております。ランサーズでご依頼いただくお仕事のご相談でしたら喜んで伺います。',
      'Thank you for the information. I am sorry, but I decline invitations to schools, investments or salons. I would be happy to discuss work you request on Lancers.',
    ),
    coconala: b(
      'ご案内ありがとうございます。恐れ入りますが、講座や会員制サービスなどへのお誘いは辞退させていただいております。ココナラでのお取引に関するご相談のみ、トークルームで伺えますと幸いです。',
      'Thank you for the information. I am sorry, but I decline invitations to courses or membership services. I would be glad to discuss only transactions on coconala, in the talk room.',
    ),
    other: b(
      'ご案内ありがとうございます。恐れ入りますが、講座・投資・サロン等へのご参加は考えておりません。ご依頼の業務に関するお話でしたら、こちらで伺えますと幸いです。',
      'Thank you for the information. I am sorry, but I am not interested in courses, investments or salons. If it is about the work you would like to request, I would be glad to hear it here.',
    ),
  },
  generic: {
    crowdworks: b(
      'ご連絡ありがとうございます。お引き受けの前に、業務内容・納期・報酬をクラウドワークスのメッセージで具体的にお知らせいただけますと幸いです。内容を拝見のうえお返事いたします。',
      'Thank you for your message. Before I accept, I would be grateful if you could give the tasks, deadline and pay in concrete terms in CrowdWorks\' messages. I will reply once I have read them.',
    ),
    lancers: b(
      'ご連絡ありがとうございます。恐れ入りますが、作業内容と報酬の詳細をランサーズのメッセージでお教えいただけますでしょうか。確認のうえ、改めてお返事いたします。',
      'Thank you for your message. Could you please tell me the details of the work and the pay in Lancers\' messages? I will reply again after checking them.',
    ),
    coconala: b(
      'ご連絡ありがとうございます。恐れ入りますが、ご依頼の内容や条件を、このままココナラのメッセージで詳しくお聞かせください。拝見したうえでお返事いたします。',
      'Thank you for your message. Could you please describe the request and its conditions in detail here in coconala\'s messages? I will reply after reading them.',
    ),
    other: b(
      'ご連絡ありがとうございます。ご検討の前に、業務内容と条件の詳細をサービス上のメッセージでお知らせいただけますと幸いです。確認でき次第、お返事いたします。',
      'Thank you for your message. Before going further, I would be grateful if you could give the details of the work and conditions in the platform\'s messages. I will reply as soon as I have checked them.',
    ),
  },
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
// Next steps

const advice: Record<Level, Bilingual[]> = {
  high: [
    b(
      '求められたとおりに返信・登録・送金をしないでください。',
      'Do not reply, register or send money as the message asks.',
    ),
    b(
      '連絡先・本名・住所・口座・身分証などの個人情報は送らないでください。',
      'Do not send personal information such as contact details, your real name, address, bank account or ID.',
    ),
    b(
      '違反報告をしてください：メッセージや案件ページの「…」メニュー →「違反報告」→「外部連絡ツールへの誘導」（クラウドワークスの場合。他のサービスは「通報のしかた」を参照）。',
      'Report it: the "…" menu on the message or job page → "違反報告" (report a violation) → "外部連絡ツールへの誘導" (solicitation to an outside contact tool). This is CrowdWorks; for other platforms see "How to report".',
    ),
    b(
      '相手をブロックし、それ以上のやり取りはやめましょう。',
      'Block the sender and stop the conversation.',
    ),
    b(
      '断る場合は、返信例をそのまま貼り付けて使えます。',
      'If you want to decline, you can paste the suggested reply as it is.',
    ),
  ],
  medium: [
    b(
      '契約と仮払いは完了していますか？完了前なら、サービスのメッセージ機能だけでやり取りしてください。',
      'Are the contract and escrow payment complete? If not, talk only through the platform\'s message function.',
    ),
    b(
      '外部ツールを使う話なら、公式の手続き（クラウドワークスはサービス外連絡申請、ランサーズは連絡先公開申請）を経ていますか？ココナラでは外部での連絡そのものができません。',
      'If outside tools are involved, has the official procedure been used (CrowdWorks: off-service contact request; Lancers: contact disclosure request)? On coconala, outside contact is not allowed at all.',
    ),
    b(
      'あなた自身が納得して同意していますか？承認は任意で、断っても構いません。',
      'Do you yourself agree? Approval is optional, and you are free to decline.',
    ),
    b(
      '契約と報酬の支払いがサービス上で行われるかを確認してください。サービス外での契約や支払いは、どの段階でも認められていません。',
      'Make sure the contract and payment go through the platform. A contract or payment outside the platform is not allowed at any stage.',
    ),
  ],
  low: [
    b(
      '強い危険を示す表現は見つかりませんでしたが、少し気になる表現があります。',
      'No strongly dangerous expression was found, but there is a slightly worrying one.',
    ),
    b(
      'やり取りはサービスのメッセージ機能で続け、契約と仮払いの前に作業を始めたり個人情報を送ったりしないようにしましょう。',
      'Keep talking through the platform\'s message function, and do not start work or send personal information before the contract and escrow payment.',
    ),
    b(
      'この後のメッセージで外部ツールや支払い方法の話が出たら、もう一度チェックしてください。',
      'If later messages bring up outside tools or payment methods, check them again.',
    ),
  ],
  none: [
    b(
      '問題となる表現は見つかりませんでした。ただし、相手が安全であることの保証ではありません。',
      'No problematic expression was found. This is not a guarantee that the sender is safe.',
    ),
    b(
      '契約と支払いはサービス上で行い、仮払いを確認してから作業を始める、という基本はそのまま守ってください。',
      'Keep to the basics: contract and payment on the platform, and start work only after the escrow payment is confirmed.',
    ),
  ],
};

const reportSteps: Record<Platform, Bilingual[]> = {
  crowdworks: [
    b(
      '該当のメッセージまたは案件ページを開き、右上の「…」メニューから「違反報告」を選びます。',
      'Open the message or job page and choose "違反報告" (report a violation) from the "…" menu at the top right.',
    ),
    b(
      '違反の種類で「外部連絡ツールへの誘導」を選びます。',
      'As the type of violation, choose "外部連絡ツールへの誘導" (solicitation to an outside contact tool).',
    ),
    b(
      'いつ・どの文面で誘導されたかを書き、できればスクリーンショットを添えて送信します。報告したことは相手には知らされません。',
      'Write when and with what wording you were solicited, attach a screenshot if you can, and send. The other party is not told that you reported.',
    ),
    b(
      '相手のプロフィールページで「ブロックする」を選ぶと、以後のメッセージが届かなくなります。',
      'Choose "ブロックする" (block) on the sender\'s profile page to stop further messages.',
    ),
  ],
  lancers: [
    b(
      'メッセージ画面や相手のプロフィールにある通報（違反報告）の項目から、外部への誘導として報告します。',
      'Use the report (violation report) option on the message screen or the sender\'s profile and report it as solicitation to go off-platform.',
    ),
    b(
      '項目が見つからない場合は、ヘルプの問い合わせ窓口からランサーズ事務局に連絡します。',
      'If you cannot find the option, contact the Lancers office through the help centre\'s enquiry form.',
    ),
    b(
      'いつ・どの文面で誘導されたかを書き、スクリーンショットを添えると確認が早くなります。',
      'Write when and with what wording you were solicited; a screenshot speeds up the review.',
    ),
    b(
      'ブロック機能で相手からの連絡を止め、それ以上のやり取りはやめましょう。',
      'Block the sender to stop further contact, and end the conversation.',
    ),
  ],
  coconala: [
    b(
      'トークルームやメッセージ、相手のプロフィールのメニューにある通報の項目から報告します。',
      'Report it with the report option in the menu of the talk room, the message or the sender\'s profile.',
    ),
    b(
      '項目が見つからない場合は、ヘルプの問い合わせ窓口からココナラ運営に連絡します。',
      'If you cannot find the option, contact coconala through the help centre\'s enquiry form.',
    ),
    b(
      'いつ・どの文面で外部での連絡を求められたかを書き、スクリーンショットを添えます。',
      'Write when and with what wording you were asked to contact them outside the site, and attach a screenshot.',
    ),
    b(
      'ブロック機能で相手からの連絡を止め、それ以上のやり取りはやめましょう。',
      'Block the sender to stop further contact, and end the conversation.',
    ),
  ],
  other: [
    b(
      'そのサービスの通報・違反報告の機能か、問い合わせ窓口から運営に報告します。',
      'Report it to the operator with the platform\'s report function or its enquiry form.',
    ),
    b(
      'いつ・どの文面で誘導されたかを書き、スクリーンショットを添えます。',
      'Write when and with what wording you were solicited, and attach a screenshot.',
    ),
    b(
      'ブロック機能があれば使い、それ以上のやり取りはやめましょう。',
      'Use the block function if there is one, and end the conversation.',
    ),
  ],
};

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

const truncatedNote = (analysedChars: number): Bilingual =>
  b(
    `文面が長いため、先頭の${analysedChars}文字だけを確認しました。`,
    `The message was long, so only the first ${analysedChars} characters were checked.`,
  );

export const copy: CopyBook = {
  levelLabel,
  levelHeadline,
  categoryLabel,
  platformLabel,
  stageLabel,
  refusalKindOf,
  refusals,
  route: (platform: Platform, stage: Stage): Bilingual => routes[platform][stage],
  advice,
  reportSteps,
  alreadyReplied,
  disclaimer,
  truncatedNote,
};
