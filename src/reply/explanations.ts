// The one-sentence reason shown under each finding, chosen per rule — and, where one rule covers
// several things, per matched variant or per platform — never per category.
//
// The default Japanese text of each rule is its `explanation` in rules/*.yaml. This module adds,
// per rule id: the English text (English replies show no Japanese rule label), and variants where
// the default would not fit what was matched (a bank transfer is not "PayPay or gift cards"; a
// photo is not "name, address, bank account") or would cite another platform's procedure
// (サービス外連絡申請 exists only on CrowdWorks; coconala allows no outside contact at all).
// test/reply/explanations.test.ts checks every rule has its English and no variant names another
// platform's procedure.
import { foldChar, foldPatternSource } from '../detector/normalize.ts';
import type { Category, Finding, Platform } from '../detector/types.ts';
import type { Bilingual } from './copy-types.ts';

const b = (ja: string, en: string): Bilingual => ({ ja, en });

/** A variant: used when the platform is one of `platforms` and the phrase matches `when` (each if given). */
export interface ExplanationVariant {
  platforms?: Platform[];
  /** Tested on the phrase folded like the rules (NFKC, lower case, katakana → hiragana). */
  when?: RegExp;
  text: Bilingual;
}
export interface RuleExplanation {
  /** English of the rule's default Japanese explanation (rules/*.yaml). */
  en: string;
  variants?: ExplanationVariant[];
}

/** Written in katakana as on screen; folded like the rules before use. */
const when = (src: string): RegExp => new RegExp(foldPatternSource(src), 'u');

const NOT_COCONALA: Platform[] = ['crowdworks', 'lancers', 'other'];
const COCONALA: Platform[] = ['coconala'];
const LANCERS: Platform[] = ['lancers'];
const OTHER: Platform[] = ['other'];

// Shared coconala variants: there, contact outside the site is never allowed, at any stage.
const coconalaContact = (what: string, whatEn: string): ExplanationVariant => ({
  platforms: COCONALA,
  text: b(
    `${what}ココナラでは、購入の前も後も、サイトの外での連絡や連絡先の交換はできません。`,
    `${whatEn}On coconala, contact outside the site and exchanging contact details are not allowed, before or after purchase.`,
  ),
});

export const RULE_EXPLANATIONS: Record<string, RuleExplanation> = {
  'app.install_request': {
    en: 'Making you install an app or change settings "for calls" or "to read the manual" is a way to move you off the platform or collect personal or device information.',
  },
  'details.line_id': {
    en: 'Writing a LINE ID before the contract is an attempt to connect directly outside the platform, which the terms forbid.',
    variants: [coconalaContact('LINE IDを載せるのは、サイトの外で直接つながろうとする行為です。', 'Writing a LINE ID is an attempt to connect directly outside the site. ')],
  },
  'details.tool_handle': {
    en: 'Writing the ID or account name of an outside tool to invite direct contact is solicitation to leave the platform.',
    variants: [coconalaContact('外部ツールのIDやアカウント名を載せるのは、サイトの外へ誘導する行為です。', 'Writing the ID or account name of an outside tool invites you off the site. ')],
  },
  'details.email': {
    en: 'Writing an email address to invite direct contact is solicitation to leave the platform. Spelling it oddly is meant to avoid detection.',
    variants: [coconalaContact('メールアドレスを載せるのは、サイトの外へ誘導する行為です。', 'Writing an email address invites you off the site. ')],
  },
  'details.phone': {
    en: 'Writing a phone number to invite direct contact is solicitation to leave the platform. Contact details are exchanged only after the contract and escrow, through the official procedure.',
    variants: [coconalaContact('電話番号を載せるのは、サイトの外へ誘導する行為です。', 'Writing a phone number invites you off the site. ')],
  },
  'details.lookalike_domain': {
    en: 'The address contains the service\'s name but is not its official domain. A message that claims to be from the office and asks you to log in or verify your identity may lead to a fake site that takes over your account; log in only from the app or a bookmarked official site.',
  },
  'details.invite_link': {
    en: 'Invite links such as lin.ee or t.me, and QR codes, connect you to an outside tool in one tap, so they are often used to lure people away before the contract.',
  },
  'details.phone_spelled': {
    en: 'Writing a number out as words ("zero-nine-zero…") is a trick to pass on direct contact details without being detected.',
  },
  'details.link_or_handle_coconala': {
    en: 'On coconala, putting an outside site\'s URL or a social media account name in a service description or a message is itself forbidden. Talk only inside the talk room.',
  },
  'details.contact_elsewhere': {
    en: 'Saying the contact details are "in my profile picture" hides them elsewhere to avoid detection while still luring you off the platform.',
  },
  'demo.age_gender_only': {
    en: 'Limiting applicants by age or gender that has nothing to do with the work is common in postings with another purpose (recruitment, dating, collecting personal data).',
  },
  'deal.direct_contract': {
    en: 'Contracting outside the platform is forbidden by the terms even after a contract. There is no escrow protection, and the platform cannot help if you are not paid.',
  },
  'deal.fee_avoidance': {
    en: 'Proposing a deal outside the platform "because the fees are a waste" breaks the terms and is subject to a penalty (1,000,000 yen or the system fee, whichever is larger).',
    variants: [
      {
        platforms: ['lancers', 'coconala', 'other'],
        text: b(
          '「手数料がもったいない」などの理由でサイトを通さない取引を持ちかけるのは規約違反です。仮払いなどの保護がなく、トラブルになっても運営は対応できません。',
          'Proposing a deal outside the platform "because the fees are a waste" breaks the terms. There is no protection such as escrow, and the platform cannot help if something goes wrong.',
        ),
      },
    ],
  },
  'contact.line.request': {
    en: 'On LINE there is no record on the platform and no mediation or escrow protection. Moving to it before the contract and escrow is forbidden by the terms.',
    variants: [
      coconalaContact('LINEに移ると、やり取りの記録が残らず、ココナラの保護も受けられません。', 'On LINE there is no record on the site and no protection from coconala. '),
    ],
  },
  'contact.chatwork.request': {
    en: 'Chatwork is common after the contract and escrow, once an off-service contact request (サービス外連絡申請) is approved, but asking you to sign up before the contract breaks the terms.',
    variants: [
      {
        platforms: LANCERS,
        text: b(
          'Chatworkは仮払い後に連絡先公開申請を経て使う分には一般的ですが、契約前に登録を求めるのは規約違反です。',
          'Chatwork is common after escrow, through a contact disclosure request (連絡先公開申請), but asking you to sign up before the contract breaks the terms.',
        ),
      },
      coconalaContact('Chatworkへの登録を求めています。', 'You are asked to sign up to Chatwork. '),
      {
        platforms: OTHER,
        text: b(
          'Chatworkは契約と支払いの手続きが済んでから、サービスが認める手順で使うものです。契約前に登録を求めるのは危険です。',
          'Chatwork is for after the contract and payment steps, following a procedure the platform allows. Being asked to sign up before the contract is risky.',
        ),
      },
    ],
  },
  'contact.skype.request': {
    en: 'Moving to Skype before the contract takes you outside the platform\'s record and protection. Even after the contract, a work-only account is safer.',
    variants: [coconalaContact('Skypeへの移動を求めています。', 'You are asked to move to Skype. ')],
  },
  'contact.messenger_apps.request': {
    en: 'Being moved to apps whose messages can be erased, such as Telegram, WhatsApp or Signal, is a common trick in scams and recruitment.',
  },
  'contact.whatsapp.request': {
    en: 'Being moved to an overseas messenger puts you beyond the platform\'s protection and is a common way into scams.',
  },
  'contact.wechat.request': {
    en: 'Being moved to an overseas messenger puts you beyond the platform\'s protection and is a common way into scams.',
  },
  'contact.english.request': {
    en: 'Moving to Telegram, WhatsApp or another app before the contract is against the rules, in English as in Japanese. Nothing said there is recorded, and the platform cannot protect you.',
  },
  'contact.english.app_asked': {
    en: 'Asking whether you use WeChat, Telegram or Skype, or for your ID there, before the contract is an invitation to leave the platform and its protection.',
  },
  'contact.kakao.request': {
    en: 'On an outside messenger, neither the conversation nor your pay stays under the platform\'s record and protection.',
  },
  'contact.discord.request': {
    en: 'Asking you to move to an outside server or DM before the contract is solicitation to leave the platform.',
  },
  'contact.slack.request': {
    en: 'Even for a work tool, moving off the platform before the contract and escrow breaks the terms. After the contract it still needs an off-service contact request (サービス外連絡申請).',
    variants: [
      {
        platforms: LANCERS,
        text: b(
          '業務ツールでも、仮払い前に外部へ移るのは規約違反です。仮払い後に使う場合も連絡先公開申請が前提です。',
          'Even for a work tool, moving off the platform before escrow breaks the terms. After escrow it still needs a contact disclosure request (連絡先公開申請).',
        ),
      },
      coconalaContact('Slackへの移動を求めています。', 'You are asked to move to Slack. '),
      {
        platforms: OTHER,
        text: b(
          '業務ツールでも、契約と支払いの手続きが済む前に外部へ移るのは危険です。使う場合もサービスが認める手順を経ましょう。',
          'Even for a work tool, moving off the platform before the contract and payment steps are done is risky. If you use it, follow a procedure the platform allows.',
        ),
      },
    ],
  },
  'contact.messenger.request': {
    en: 'Moving to a social network\'s messages reveals your personal account and leaves the platform\'s protection.',
  },
  'contact.sns_dm.request': {
    en: 'Moving to Instagram or X DMs reveals your personal account, and the conversation is no longer recorded on the platform.',
  },
  'contact.email.request': {
    en: 'Being asked to talk by email before the contract means handing over your email address, a piece of personal information, and the conversation is no longer recorded on the platform.',
  },
  'contact.google_form.request': {
    en: 'Having you fill in an outside form is a known way to collect names, contact details and other personal information. Applying happens on the platform.',
  },
  'contact.external_site.request': {
    en: 'Having you sign up on a site or app outside the platform is a common way into collecting personal information or recruitment.',
  },
  'contact.move_off_platform': {
    en: 'You are asked to move the conversation to an app or tool outside the site. There, nothing is recorded and the platform cannot protect you if something goes wrong.',
    variants: [
      {
        when: when('(?:ここ|こちら|この場|サイト|メッセージ)(?:で|に|上で)は?[^。]{0,8}?(?:話せ|書け|言え|お伝えでき|説明でき|詳しく)'),
        text: b(
          '「こちらでは詳しく話せない」などとサイトの外へ移るよう求めるのは、記録を残したくない相手の典型的な誘い方です。',
          'Asking you to move off the site because "I cannot say much here" is a typical move by someone who does not want a record.',
        ),
      },
      coconalaContact('サイトの外でのやり取りを求めています。', 'You are asked to talk outside the site. '),
    ],
  },
  'contact.route_skipped': {
    en: 'Contact details are exchanged, even after escrow, only through the official request (CrowdWorks: the off-service contact request; Lancers: the contact disclosure request). Skipping it "because it is a bother" is an invitation to move where nothing is on record.',
    variants: [
      {
        platforms: LANCERS,
        text: b(
          '連絡先の交換は、仮払いの後でも連絡先公開申請を通すのが決まりです。「手続きが面倒なので」と申請を省くのは、記録が残らない形で外へ移る誘いです。',
          'On Lancers, contact details are exchanged, even after escrow, only through the contact disclosure request. Skipping it "because it is a bother" is an invitation to move where nothing is on record.',
        ),
      },
      coconalaContact('手続きを省いてサイトの外で連絡を取ろうとしています。', 'You are asked to skip the procedure and talk outside the site. '),
    ],
  },
  'contact.tool.casual_request': {
    en: 'Even a casual "let\'s swap LINE" or "tell me your ID" before the contract breaks the terms, and the other side learns your personal account.',
    variants: [coconalaContact('「LINE交換しよう」「ID教えて」のような軽い誘いでも、個人のアカウントを相手に知られます。', 'Even a casual "let\'s swap LINE" or "tell me your ID" reveals your personal account. ')],
  },
  'contact.tool.mention': {
    en: 'An outside contact tool is named. On CrowdWorks and Lancers it can be used after the contract and escrow through the official request; on coconala, contact outside the site is not allowed.',
    variants: [
      {
        platforms: ['crowdworks'],
        text: b(
          '外部の連絡ツールの名前が出ています。クラウドワークスでは、契約と仮払いの後にサービス外連絡申請を経た場合に限って使えます。',
          'An outside contact tool is named. On CrowdWorks it may be used only after the contract and escrow, through an off-service contact request (サービス外連絡申請).',
        ),
      },
      {
        platforms: LANCERS,
        text: b(
          '外部の連絡ツールの名前が出ています。ランサーズでは、仮払いの後に連絡先公開申請を経た場合に限って使えます。',
          'An outside contact tool is named. On Lancers it may be used only after escrow, through a contact disclosure request (連絡先公開申請).',
        ),
      },
      {
        platforms: COCONALA,
        text: b('外部の連絡ツールの名前が出ています。ココナラでは、サイトの外での連絡はどの段階でもできません。', 'An outside contact tool is named. On coconala, contact outside the site is not allowed at any stage.'),
      },
      {
        platforms: OTHER,
        text: b(
          '外部の連絡ツールの名前が出ています。使うのは、契約と支払いの手続きが済み、サービスが認める手順を経た場合に限りましょう。',
          'An outside contact tool is named. Use it only after the contract and payment steps, following a procedure the platform allows.',
        ),
      },
    ],
  },
  'contact.tool.mention_request': {
    en: 'Talking on an outside contact tool is proposed. On CrowdWorks and Lancers that requires the official request after the contract and escrow; on coconala, contact outside the site is not allowed.',
    variants: [
      {
        platforms: ['crowdworks'],
        text: b(
          '外部の連絡ツールでのやり取りが提案されています。クラウドワークスでは、契約と仮払いの後のサービス外連絡申請が前提です。',
          'Talking on an outside contact tool is proposed. On CrowdWorks that requires an off-service contact request (サービス外連絡申請) after the contract and escrow.',
        ),
      },
      {
        platforms: LANCERS,
        text: b(
          '外部の連絡ツールでのやり取りが提案されています。ランサーズでは、仮払いの後の連絡先公開申請が前提です。',
          'Talking on an outside contact tool is proposed. On Lancers that requires a contact disclosure request (連絡先公開申請) after escrow.',
        ),
      },
      {
        platforms: COCONALA,
        text: b('外部の連絡ツールでのやり取りが提案されています。ココナラでは、サイトの外での連絡はどの段階でもできません。', 'Talking on an outside contact tool is proposed. On coconala, contact outside the site is not allowed at any stage.'),
      },
      {
        platforms: OTHER,
        text: b(
          '外部の連絡ツールでのやり取りが提案されています。契約と支払いの手続きが済み、サービスが認める手順を経るまでは応じないのが安全です。',
          'Talking on an outside contact tool is proposed. It is safest not to until the contract and payment steps are done and a procedure the platform allows has been followed.',
        ),
      },
    ],
  },
  'contact.friend_add': {
    en: '"Add me as a friend" is how LINE puts it. Even without naming the tool, it is an attempt to connect on LINE before the contract.',
  },
  'pay.direct_transfer': {
    en: 'Pay is always received through the platform\'s escrow. With a direct transfer, the platform cannot help if you are not paid, and the other side learns your bank details.',
  },
  'pay.english.outside': {
    en: 'Bank transfer, PayPal, crypto or gift cards paid directly are outside escrow protection, in English as in Japanese, and you would hand over your bank details.',
  },
  'pay.e_money': {
    en: 'Payment by e-money or a money-transfer app such as PayPay is outside escrow protection. Such payments can be faked or used in scams.',
    variants: [
      {
        when: when('銀行|振込|振り込|口座'),
        text: b(
          '銀行振込などで直接受け取る報酬は、仮払いの保護の外です。未払いになっても運営は対応できず、口座情報も相手に渡ります。',
          'Pay received directly, such as by bank transfer, is outside escrow protection. The platform cannot help if you are not paid, and the other side learns your bank details.',
        ),
      },
      {
        when: when('仮想通貨|暗号資産|ビットコイン|bitcoin|btc|usdt|イーサリアム|ethereum|リップル'),
        text: b(
          '仮想通貨での支払いは仮払いの保護の外で、送金を取り消すこともできません。報酬は必ずプラットフォームを通して受け取ります。',
          'Payment in crypto is outside escrow protection, and a transfer cannot be reversed. Pay is always received through the platform.',
        ),
      },
      {
        when: when('ギフト|あまぎふ|itunes|google\\s?play|プリペイド|webマネー|ウェブマネー'),
        text: b(
          'ギフト券やプリペイドカードでの支払いは仮払いの保護の外で、支払ったふりや詐欺によく使われます。',
          'Payment with gift or prepaid cards is outside escrow protection and is often used to fake payment or to scam.',
        ),
      },
    ],
  },
  'pay.outside_delivery': {
    en: 'Doing the deal itself outside ("deliver and get paid on Chatwork") is not allowed, even with an off-service contact request (サービス外連絡申請).',
    variants: [
      {
        platforms: ['lancers', 'coconala', 'other'],
        text: b(
          '「Chatworkで納品・支払い」のように取引そのものをサイトの外で行うのは、どの段階でも認められていません。',
          'Doing the deal itself outside the site ("deliver and get paid on Chatwork") is not allowed at any stage.',
        ),
      },
    ],
  },
  'pay.money_mule': {
    en: 'A "job" of receiving other people\'s money in your own account and sending it on, or posting your cash card, is how accounts for crime (money laundering) are made. Your account can be frozen and you can be charged.',
  },
  'pi.identity.request': {
    en: 'Your real name, address, bank account or ID are not needed to be selected before a contract. What you hand over can be sold on as a list or misused.',
    variants: [
      {
        when: when('顔写真|写真|自撮り|顔が分かる|全身'),
        text: b(
          '顔写真は仕事の選考に必要ありません。送った写真は、別の目的に使われたり悪用されたりするおそれがあります。',
          'A photo of your face is not needed to be selected for work. A photo you send can be used for another purpose or misused.',
        ),
      },
      {
        when: when('身分証|免許証|保険証|マイナンバー|パスポート|在留カード'),
        text: b(
          '身分証やマイナンバーの画像は、なりすましや口座の悪用に使われるおそれがあります。契約前に求められても送らないでください。',
          'Images of your ID or My Number card can be used to impersonate you or misuse accounts. Do not send them, even if asked before a contract.',
        ),
      },
      {
        when: when('口座|通帳|キャッシュカード'),
        text: b(
          '報酬はプラットフォームを通して受け取るので、口座情報を相手に直接伝える必要はありません。口座情報は悪用されるおそれがあります。',
          'Pay is received through the platform, so there is no need to give your bank details to the other side. Bank details can be misused.',
        ),
      },
    ],
  },
  'pi.contact_address.request': {
    en: 'Asking for your personal email address or phone number before the contract is a way to contact you directly outside the platform. Contact details are exchanged only after the contract and escrow, through the official procedure.',
    variants: [
      {
        platforms: NOT_COCONALA,
        when: when('id|アカウント|追加|友だち|友達|ともだち'),
        text: b(
          '契約前にIDの追加や交換を求めるのは、外部のツールで直接つながろうとする誘導です。外部での連絡は、契約と仮払いの後に公式の手続きを経てからです。',
          'Asking you to add or swap IDs before the contract is an attempt to connect directly on an outside tool. Outside contact comes only after the contract and escrow, through the official procedure.',
        ),
      },
      {
        platforms: COCONALA,
        when: when('id|アカウント|追加|友だち|友達|ともだち'),
        text: b(
          'IDの追加や交換を求めるのは、外部のツールで直接つながろうとする誘導です。ココナラでは、購入の前も後も、サイトの外での連絡はできません。',
          'Asking you to add or swap IDs is an attempt to connect directly on an outside tool. On coconala, contact outside the site is not allowed, before or after purchase.',
        ),
      },
      coconalaContact('個人のメールアドレスや電話番号を求めるのは、サイトの外で直接連絡を取るための誘導です。', 'Asking for your personal email address or phone number is a way to contact you outside the site. '),
    ],
  },
  'pi.identity.list': {
    en: 'Asking for a list such as name, date of birth, address and phone number is a typical way to collect lists of people. You do not need to hand these over before a contract.',
  },
  'pi.document_list': {
    en: 'Asking for images of your ID, bank book or My Number card at the application or pre-contract stage is a dangerous request that can lead to impersonation or misuse of your account.',
  },
  'call.meeting.request': {
    en: 'Calls and interviews before the contract are in principle forbidden by the terms. The other side learns your voice, face or account, and nothing said is recorded.',
    variants: [
      {
        platforms: COCONALA,
        text: b(
          'ココナラでは、サイトの外での通話や面談はできません。声や顔、アカウントを知られるうえ、話した内容の記録も残りません。',
          'On coconala, calls or interviews outside the site are not allowed. The other side learns your voice, face or account, and nothing said is recorded.',
        ),
      },
    ],
  },
  'call.meeting.before_contract': {
    en: 'An interview before the contract is usually held on an outside tool such as a video call. On CrowdWorks it is safe only after an off-service contact request (サービス外連絡申請) is approved; on Lancers, use its official video call feature.',
    variants: [
      {
        platforms: ['crowdworks'],
        text: b(
          '契約前の面談は、多くの場合ビデオ通話など外部のツールで行われます。クラウドワークスでは、サービス外連絡申請の承認を経てから応じるのが安全です。',
          'An interview before the contract is usually held on an outside tool such as a video call. On CrowdWorks, agree only after an off-service contact request (サービス外連絡申請) has been approved.',
        ),
      },
      {
        platforms: LANCERS,
        text: b(
          '契約前の面談は、多くの場合ビデオ通話など外部のツールで行われます。ランサーズでは、公式のビデオ通話機能を使うのが安全です。',
          'An interview before the contract is usually held on an outside tool such as a video call. On Lancers, it is safest to use its official video call feature.',
        ),
      },
      {
        platforms: COCONALA,
        text: b(
          'ココナラでは、サイトの外での通話や面談はできません。話す必要があるときは、ココナラの中の機能を使いましょう。',
          'On coconala, calls or interviews outside the site are not allowed. If you need to talk, use coconala\'s own features.',
        ),
      },
      {
        platforms: OTHER,
        text: b(
          '契約前の面談は、多くの場合ビデオ通話など外部のツールで行われます。サービスが認める手順や機能を使う場合に限りましょう。',
          'An interview before the contract is usually held on an outside tool such as a video call. Agree only when it follows a procedure or feature the platform allows.',
        ),
      },
    ],
  },
  'pressure.approve_or_end': {
    en: 'Whether to accept an off-service contact request (サービス外連絡申請) or exchange contact details is up to the worker. Pressing you with "approve it or the contract ends" is not legitimate.',
    variants: [
      {
        platforms: LANCERS,
        text: b(
          '連絡先公開申請や連絡先の交換に応じるかどうかは受注者の自由です。「承認しないなら契約終了」のように迫るのは正当ではありません。',
          'Whether to accept a contact disclosure request (連絡先公開申請) or exchange contact details is up to the worker. Pressing you with "approve it or the contract ends" is not legitimate.',
        ),
      },
      {
        platforms: COCONALA,
        text: b(
          'ココナラでは連絡先の交換そのものができません。応じなければ取引をやめると迫るのは正当ではありません。',
          'On coconala, exchanging contact details is not allowed at all. Threatening to end the deal if you do not is not legitimate.',
        ),
      },
      {
        platforms: OTHER,
        text: b(
          '外部での連絡や連絡先の交換に応じるかどうかは受注者の自由です。「応じないなら契約終了」のように迫るのは正当ではありません。',
          'Whether to agree to outside contact or exchange contact details is up to the worker. Pressing you with "agree or the contract ends" is not legitimate.',
        ),
      },
    ],
  },
  'pressure.approval_required': {
    en: 'Exchanging contact details and approving an off-service contact request (サービス外連絡申請) are optional. Calling approval "required" or sign-up "a condition" takes away the worker\'s choice.',
    variants: [
      {
        platforms: LANCERS,
        text: b(
          '連絡先の交換や連絡先公開申請の承認は任意です。「承認が必須」「登録が条件」とするのは、受注者の自由を奪う進め方です。',
          'Exchanging contact details and approving a contact disclosure request (連絡先公開申請) are optional. Calling approval "required" or sign-up "a condition" takes away the worker\'s choice.',
        ),
      },
      {
        platforms: COCONALA,
        text: b(
          'ココナラでは連絡先の交換そのものができません。登録や交換を取引の条件にするのは、規約にも受注者の自由にも反する進め方です。',
          'On coconala, exchanging contact details is not allowed at all. Making sign-up or an exchange a condition of the deal goes against both the terms and the worker\'s choice.',
        ),
      },
      {
        platforms: OTHER,
        text: b(
          '連絡先の交換や外部ツールへの登録は任意です。「必須」「条件」とするのは、受注者の自由を奪う進め方です。',
          'Exchanging contact details or signing up to an outside tool is optional. Calling it "required" or "a condition" takes away the worker\'s choice.',
        ),
      },
    ],
  },
  'pressure.unilateral_application': {
    en: 'Announcing that an application has been sent and carrying on as if it were approved skips the worker\'s consent. You are free to decide whether to approve it.',
  },
  'pressure.work_before_escrow': {
    en: 'If you start before escrow is paid, you have no way to get paid if the client does not pay. Start work only after confirming the escrow payment.',
    variants: [
      {
        platforms: COCONALA,
        text: b(
          '購入手続きの前に作業を始めると、支払われなくても取り戻す手段がありません。作業はココナラでの購入を確認してから始めます。',
          'If you start before the purchase is made, you have no way to get paid if the buyer does not pay. Start work only after the purchase on coconala is confirmed.',
        ),
      },
    ],
  },
  'pressure.work_while_escrow_late': {
    en: '"Escrow will come later, so please start first" is the typical way to make someone work without protected pay. Do not start until you have confirmed the escrow payment.',
  },
  'pressure.deadline_threat': {
    en: 'Pressing you with "reply today or it goes to someone else" or "decide now or never" is commonly used to take away your time to think and make you misjudge.',
  },
  'pressure.scarcity': {
    en: '"First come, first served", "only a few left" or "special slot" are phrases often used to rush you out of a calm judgement.',
  },
  'pressure.urgency': {
    en: 'Rushing you with "today only" or "right now" is often used to move you off the platform or make you pay before you have time to think.',
  },
  'pressure.start_unescrowed': {
    en: 'Even with a contract, your pay is not protected until escrow is paid. When asked to "please start the work", first check that the escrow payment is complete.',
  },
  'recruit.teach_to_earn': {
    en: 'An offer to "teach you how to earn" rather than a job is almost always recruitment into info products, expensive courses or multi-level marketing.',
  },
  'recruit.event_invite': {
    en: 'Inviting you to a seminar, talk or study group instead of discussing a job is a common path into expensive products, multi-level marketing or religious recruitment.',
  },
  'recruit.success_pitch': {
    en: 'Inviting you with "everyone is succeeding" or "why not you too?" instead of a job is typical of multi-level marketing and info-product recruitment.',
  },
  'recruit.investment': {
    en: 'A job offer that turns into talk of investment or automatic trading is the typical path of investment scams and multi-level marketing. Do not go along once principal or returns come up.',
  },
  'recruit.salon_mention': {
    en: 'When an online salon, a coaching school or investment comes up in a job offer, recruitment may be the real aim.',
  },
  'recruit.rating_bait': {
    en: 'A posting that offers ratings or "experience" instead of fair pay ("5 stars for everyone") at a rate far below the market, while showing courses or materials, is a common way into recruitment. CrowdWorks\' job posting guidelines forbid it too.',
    variants: [
      {
        platforms: ['lancers', 'coconala', 'other'],
        text: b(
          '「全員に星5をつけます」「実績になります」と評価を対価にして、相場から外れた安い単価で講座や教材を見せる募集は、勧誘の入口になりやすい形です。',
          'A posting that offers ratings or "experience" instead of fair pay ("5 stars for everyone") at a rate far below the market, while showing courses or materials, is a common way into recruitment.',
        ),
      },
    ],
  },
  'income.easy_high': {
    en: 'Pay far out of proportion to the work is a common opening for jobs that lure you off the platform, make you pay, or recruit you.',
  },
  'income.hype': {
    en: 'Words like "anyone", "guaranteed" or "easy money" are common in offers that lead to recruitment or to paying fees, not to real work.',
  },
  'fee.training_registration': {
    en: 'When the worker has to pay, collecting training or registration fees may be the whole point. A legitimate job almost never makes the worker pay.',
  },
  'fee.english.upfront': {
    en: 'Paying first for a licence, training or registration, in English as in Japanese, may be the whole point of the offer. A legitimate job almost never makes the worker pay.',
  },
  'call.english.request': {
    en: 'A video or phone interview before the contract is not allowed without the platform\'s approval, in English as in Japanese. Selection can be done in the platform\'s messages.',
  },
  'app.english.install': {
    en: 'Being told to install an unknown app before the contract is a common way to collect personal data or move you off the platform.',
  },
  'pi.english.identity': {
    en: 'A passport, ID, face photo or home address is never needed before the contract: the platform pays you with the details you registered there.',
  },
  'demo.english.limit': {
    en: 'Limiting applicants by age or gender that the work does not need is typical of postings with another aim.',
  },
  'income.english.hype': {
    en: 'High pay promised for easy work from a phone usually leads to a recruitment pitch or a fee.',
  },
  'vague.english.details_later': {
    en: 'A job that hides what the work is until you accept or apply is typical of postings with another aim.',
  },
  'pressure.english.deadline': {
    en: 'A countdown ("within 1 hour", "only 3 seats") takes away time to think, which is typical of scams.',
  },
  'pressure.english.approve_or_work': {
    en: 'Approving an outside-contact request is your choice, and work starts once escrow is funded. "Approve or we cancel" or "start now, we pay later" takes both away.',
  },
  'deal.english.direct': {
    en: 'Working or paying outside the platform to avoid its fee is against the rules, and no one protects you if you are not paid.',
  },
  'fee.purchase_required': {
    en: 'Making you buy materials, tools or products "needed for the work" is a known trick. People report losing contact right after paying.',
  },
  'fee.amount_payable': {
    en: 'The amount written is one the worker pays (a fee, price or charge), not pay. You never need to pay to take on a job.',
  },
  'fee.pay_to_get_work': {
    en: 'A condition like "work only for those who take our course" uses the job as bait to sell an expensive product.',
  },
  'fee.paid_test': {
    en: 'Making you pay before any work, as in "contracts only for those who pass our paid test", is a way to take money from workers.',
  },
  'vague.details_later': {
    en: 'A legitimate job states the work, deadline and pay in the posting. "Details after you apply" or "explained elsewhere" often comes before being lured away or recruited.',
  },
  'vague.cannot_write_here': {
    en: 'Hiding the content with "I cannot write the details here" or "given the nature of the job" is common in recruitment and scams that tell the real story only after you move elsewhere.',
  },
  'vague.explain_later': {
    en: 'Not showing what the work is, as in "explained only to those hired" or "I will explain later, so for now…", often comes before being lured away or recruited.',
  },
};

/** The statistical fallback's finding (rules/model/similarity.yaml); its Japanese text is per category there. */
export const MODEL_RULE_ID = 'similar.wording';
export const MODEL_EXPLANATIONS_EN: Record<Category, string> = {
  off_platform_contact:
    'No known risky phrase, but the wording closely resembles messages that move the conversation off the site. Before the contract and escrow, it is safest to talk only through the site\'s messages.',
  contact_details:
    'No known risky phrase, but the wording closely resembles messages that pass on contact details to connect outside. Contact an ID, address or number only after the contract and escrow, through the official request.',
  pre_contract_call:
    'No known risky phrase, but the wording closely resembles messages asking for a call or interview before the contract. Unless the site\'s procedure has been followed, it is safest to decline.',
  personal_info:
    'No known risky phrase, but the wording closely resembles messages asking for personal information the work does not need. Do not send your name, address, bank account or ID until the reason and use are clear.',
  direct_deal:
    'No known risky phrase, but the wording closely resembles messages inviting a direct deal outside the site. A contract outside the site breaks the terms and is not protected if things go wrong.',
  off_platform_payment:
    'No known risky phrase, but the wording closely resembles messages offering payment outside the site. Payment that skips escrow may be impossible to recover if it never comes.',
  upfront_payment:
    'No known risky phrase, but the wording closely resembles messages making you pay before the work. Treat any job where the worker pays with suspicion.',
  unrealistic_pay:
    'No known risky phrase, but the wording closely resembles messages promising high income for easy work. Pay out of proportion to the work is often the way into recruitment or scams.',
  demographic_limit:
    'No known risky phrase, but the wording closely resembles messages that filter applicants by age, gender or looks unrelated to the work.',
  vague_details:
    'No known risky phrase, but the wording closely resembles messages that move ahead while hiding what the work is. It is safest not to go along until the work, deadline and pay are shown.',
  pressure:
    'No known risky phrase, but the wording closely resembles messages that rush a reply or approval without time to think. Even when rushed, you can check the terms and conditions before deciding.',
  app_install:
    'No known risky phrase, but the wording closely resembles messages making you install a specific app or tool. Check whether an unknown app is really needed for the work before installing it.',
  recruitment_scheme:
    'No known risky phrase, but the wording closely resembles messages that use a job as the way into side-business courses, investment or paid memberships.',
};

/** English for a category when a rule has no English yet (a test keeps this from happening). */
const fallbackEn = (c: Category): string => `An expression of this kind was found (${c.replace(/_/g, ' ')}).`;

const foldPhrase = (s: string): string => Array.from(s.normalize('NFKC')).map(foldChar).join('');

/** The variant of a rule's explanation that fits this phrase on this platform, if any. */
export function pickVariant(rule: RuleExplanation | undefined, phrase: string, platform: Platform): ExplanationVariant | undefined {
  if (!rule?.variants) return undefined;
  const folded = foldPhrase(phrase);
  return rule.variants.find((v) => (!v.platforms || v.platforms.includes(platform)) && (!v.when || v.when.test(folded)));
}

/** The reason shown under a finding, in both languages. */
export function explainFinding(f: Finding, platform: Platform): Bilingual {
  if (f.rule === MODEL_RULE_ID) return b(f.explanation, MODEL_EXPLANATIONS_EN[f.category]);
  const rule = RULE_EXPLANATIONS[f.rule];
  const variant = pickVariant(rule, f.phrase, platform);
  if (variant) return variant.text;
  return b(f.explanation, rule?.en ?? fallbackEn(f.category));
}
