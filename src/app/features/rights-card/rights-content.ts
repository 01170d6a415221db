/**
 * The rights card's content, kept as data: each statement in UK English with the sources it
 * rests on, and its translations. A translation is "not yet reviewed by a native speaker"
 * until someone who is one checks it and their review is recorded here (`reviewed`): the
 * card says so beside every unreviewed text. `LAST_REVIEWED` is when the English and its
 * sources were last checked against the regulations; review it when they change.
 *
 * Languages (docs/decisions/014-rights-card-languages.md): Romanian, Albanian and
 * Vietnamese, spoken by many of the people UK outreach teams meet, and Arabic, a
 * right-to-left language, so the card is checked in both directions.
 */

export const LAST_REVIEWED = '2026-12-07';

export const cardLanguages = ['en', 'ro', 'sq', 'vi', 'ar'] as const;
export type CardLanguage = (typeof cardLanguages)[number];

export const isCardLanguage = (code: string | null | undefined): code is CardLanguage => (cardLanguages as readonly string[]).includes(code ?? '');

export type SourceId = 'gp_registration' | 'charging_regulation_9' | 'charging_regulation_16' | 'interpreting_primary_care' | 'seed_williamson_2020' | 'seed_brace_2018';

export const sources: Readonly<Record<SourceId, string>> = {
  gp_registration: 'NHS England, Patient registration: standard operating principles for primary medical care (general practice). No proof of identity, address or immigration status is needed to register.',
  charging_regulation_9: 'The National Health Service (Charges to Overseas Visitors) Regulations 2015 (SI 2015/238), regulation 9: services free to everyone (A&E until admission, family planning, sexually transmitted infections, treatment of conditions caused by sexual or domestic violence).',
  charging_regulation_16: 'The National Health Service (Charges to Overseas Visitors) Regulations 2015 (SI 2015/238), regulation 16: no charge for a person the competent authority has found, on reasonable or conclusive grounds, to be a victim of modern slavery.',
  interpreting_primary_care: 'NHS England, Guidance for commissioners: Interpreting and translation services in primary care (2018). Interpreting is free to the patient.',
  seed_williamson_2020: 'Williamson et al. (2020), Responding to the health needs of trafficked people, Health & Social Care in the Community 28(1): entitlements and interpreting as barriers to care.',
  seed_brace_2018: 'Brace, Sanders and Oommen (2018), Access to healthcare for victims of human trafficking, Diversity and Equality in Health and Care 15(2): care should not be judged on immigration status.',
};

export type StatementId = 'gp_registration' | 'free_to_everyone' | 'nrm_removes_charges' | 'your_nrm_decision' | 'interpreter_at_gp';

export interface Translation {
  readonly text: string;
  /** Who reviewed it as a native speaker, and when; null until someone has. */
  readonly reviewed: { readonly by: string; readonly on: string } | null;
}

export interface Statement {
  readonly en: string;
  readonly sources: readonly SourceId[];
  readonly translations: Readonly<Record<Exclude<CardLanguage, 'en'>, Translation>>;
}

const unreviewed = (text: string): Translation => ({ text, reviewed: null });

export const statements: Readonly<Record<StatementId, Statement>> = {
  gp_registration: {
    en: 'You can register with a GP (a family doctor) for free. You do not need ID, proof of address or immigration status to register.',
    sources: ['gp_registration', 'seed_williamson_2020'],
    translations: {
      ro: unreviewed('Te poți înscrie gratuit la un medic de familie (GP). Nu ai nevoie de act de identitate, dovadă de adresă sau statut de imigrare pentru a te înscrie.'),
      sq: unreviewed('Mund të regjistroheni falas te një mjek familjeje (GP). Nuk ju duhet dokument identifikimi, dëshmi adrese apo status imigracioni për t’u regjistruar.'),
      vi: unreviewed('Bạn có thể đăng ký miễn phí với bác sĩ gia đình (GP). Bạn không cần giấy tờ tùy thân, giấy tờ chứng minh địa chỉ hay tình trạng nhập cư để đăng ký.'),
      ar: unreviewed('يمكنك التسجيل مجانًا لدى طبيب عام (GP). لا تحتاج إلى بطاقة هوية أو إثبات عنوان أو وضع هجرة للتسجيل.'),
    },
  },
  free_to_everyone: {
    en: 'In England these are free for everyone, whatever their immigration status: emergency treatment in A&E, sexual health clinics and treatment of sexually transmitted infections, family planning (contraception), and treatment after sexual violence or domestic violence.',
    sources: ['charging_regulation_9', 'seed_brace_2018'],
    translations: {
      ro: unreviewed('În Anglia, acestea sunt gratuite pentru oricine, indiferent de statutul de imigrare: tratamentul de urgență la A&E (camera de gardă), clinicile de sănătate sexuală și tratamentul infecțiilor cu transmitere sexuală, planificarea familială (contracepția) și tratamentul după violență sexuală sau violență domestică.'),
      sq: unreviewed('Në Angli, këto janë falas për këdo, pavarësisht statusit të imigracionit: trajtimi urgjent në A&E (urgjenca), klinikat e shëndetit seksual dhe trajtimi i infeksioneve seksualisht të transmetueshme, planifikimi familjar (kontracepsioni) dhe trajtimi pas dhunës seksuale ose dhunës në familje.'),
      vi: unreviewed('Tại Anh, những dịch vụ sau miễn phí cho tất cả mọi người, bất kể tình trạng nhập cư: điều trị cấp cứu tại A&E (khoa cấp cứu), phòng khám sức khỏe tình dục và điều trị các bệnh lây truyền qua đường tình dục, kế hoạch hóa gia đình (tránh thai), và điều trị sau khi bị bạo lực tình dục hoặc bạo lực gia đình.'),
      ar: unreviewed('في إنجلترا، الخدمات التالية مجانية للجميع مهما كان وضع الهجرة: العلاج الطارئ في قسم الطوارئ (A&E)، وعيادات الصحة الجنسية وعلاج الأمراض المنقولة جنسيًا، وتنظيم الأسرة (وسائل منع الحمل)، والعلاج بعد العنف الجنسي أو العنف الأسري.'),
    },
  },
  nrm_removes_charges: {
    en: 'If the Home Office decides there are reasonable grounds or conclusive grounds to believe you are a victim of modern slavery (an NRM decision), you are not charged for NHS hospital care.',
    sources: ['charging_regulation_16', 'seed_brace_2018'],
    translations: {
      ro: unreviewed('Dacă Ministerul de Interne (Home Office) decide că există motive rezonabile sau motive concludente să creadă că ești victimă a sclaviei moderne (o decizie NRM), nu plătești pentru îngrijirea în spitalele NHS.'),
      sq: unreviewed('Nëse Ministria e Brendshme (Home Office) vendos se ka arsye të arsyeshme ose arsye përfundimtare për të besuar se jeni viktimë e skllavërisë moderne (një vendim NRM), nuk paguani për kujdesin në spitalet e NHS.'),
      vi: unreviewed('Nếu Bộ Nội vụ (Home Office) quyết định có cơ sở hợp lý hoặc cơ sở kết luận để tin rằng bạn là nạn nhân của nô lệ hiện đại (một quyết định NRM), bạn không bị tính phí cho việc chăm sóc tại bệnh viện NHS.'),
      ar: unreviewed('إذا قررت وزارة الداخلية (Home Office) أن هناك أسبابًا معقولة أو أسبابًا قاطعة للاعتقاد بأنك ضحية للعبودية الحديثة (قرار NRM)، فلن تدفع رسومًا مقابل الرعاية في مستشفيات NHS.'),
    },
  },
  your_nrm_decision: {
    en: 'You have a positive NRM decision. NHS charges do not apply to you. Show this card if anyone asks you to pay.',
    sources: ['charging_regulation_16'],
    translations: {
      ro: unreviewed('Ai o decizie NRM pozitivă. Taxele NHS nu se aplică în cazul tău. Arată acest card dacă cineva îți cere să plătești.'),
      sq: unreviewed('Ju keni një vendim pozitiv NRM. Pagesat e NHS nuk zbatohen për ju. Tregojeni këtë kartë nëse dikush ju kërkon të paguani.'),
      vi: unreviewed('Bạn đã có quyết định NRM tích cực. Bạn không phải trả phí NHS. Hãy đưa thẻ này nếu có ai yêu cầu bạn trả tiền.'),
      ar: unreviewed('لديك قرار NRM إيجابي. رسوم NHS لا تنطبق عليك. أظهر هذه البطاقة إذا طلب منك أحد أن تدفع.'),
    },
  },
  interpreter_at_gp: {
    en: 'You can ask for a free interpreter when you see a GP or a nurse. Ask when you book the appointment. You can ask for a woman or a man.',
    sources: ['interpreting_primary_care', 'seed_williamson_2020'],
    translations: {
      ro: unreviewed('Poți cere un interpret gratuit când mergi la medicul de familie sau la asistentă. Cere-l când faci programarea. Poți cere o femeie sau un bărbat.'),
      sq: unreviewed('Mund të kërkoni një përkthyes falas kur shkoni te mjeku i familjes ose te infermierja. Kërkojeni kur lini takimin. Mund të kërkoni një grua ose një burrë.'),
      vi: unreviewed('Bạn có thể yêu cầu thông dịch viên miễn phí khi gặp bác sĩ gia đình hoặc y tá. Hãy yêu cầu khi đặt lịch hẹn. Bạn có thể yêu cầu một người phụ nữ hoặc một người đàn ông.'),
      ar: unreviewed('يمكنك طلب مترجم فوري مجانًا عند زيارة الطبيب العام أو الممرضة. اطلبه عند حجز الموعد. يمكنك أن تطلب امرأة أو رجلًا.'),
    },
  },
};

/** The card's heading in each language. */
export const cardTitles: Readonly<Record<CardLanguage, Translation>> = {
  en: { text: 'Your rights to health care in England', reviewed: { by: 'Lantern', on: LAST_REVIEWED } },
  ro: unreviewed('Drepturile tale la îngrijire medicală în Anglia'),
  sq: unreviewed('Të drejtat tuaja për kujdes shëndetësor në Angli'),
  vi: unreviewed('Quyền được chăm sóc sức khỏe của bạn tại Anh'),
  ar: unreviewed('حقوقك في الرعاية الصحية في إنجلترا'),
};

/** Right-to-left card languages. */
export const rightToLeft: ReadonlySet<CardLanguage> = new Set(['ar']);

/** What the card knows of the person: nothing that names them. */
export interface CardFacts {
  /** Registered with a GP: false leads the card with registering; null when not known. */
  readonly gpRegistered: boolean | null;
  /** A positive reasonable or conclusive grounds decision stands (nrm-status.ts). */
  readonly positiveNrmDecision: boolean;
}

/**
 * The statements the card shows, in order. Someone not registered with a GP reads first
 * how to register; someone with a positive NRM decision reads that charges do not apply to
 * them, in place of the general rule.
 */
export function cardStatements(facts: CardFacts): StatementId[] {
  const nrm: StatementId = facts.positiveNrmDecision ? 'your_nrm_decision' : 'nrm_removes_charges';
  const rest: StatementId[] = ['free_to_everyone', nrm, 'interpreter_at_gp'];
  if (facts.gpRegistered === false) return ['gp_registration', ...rest];
  if (facts.positiveNrmDecision) return [nrm, 'gp_registration', 'free_to_everyone', 'interpreter_at_gp'];
  return ['gp_registration', ...rest];
}

/** The card's text for a statement in `language`: the English is the original. */
export function statementText(id: StatementId, language: CardLanguage): Translation {
  const statement = statements[id];
  return language === 'en' ? { text: statement.en, reviewed: cardTitles.en.reviewed } : statement.translations[language];
}
