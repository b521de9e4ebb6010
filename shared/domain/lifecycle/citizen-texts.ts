import type { NoticeAudience, NoticeKind } from './notices';

// biome-ignore lint/suspicious/noTemplateCurlyInString: the provider's placeholder syntax, filled by the provider
const CASE_ID = '${caseId}';

/**
 * The text messages (短信) a citizen gets about their case. A Chinese SMS provider sends only
 * templates the city registered (with its sign name, 签名) and fills in their parameters: the
 * texts below are what a city registers, one per notice kind, and a notice becomes its case
 * number as the only parameter — never free text that could carry case content or a name.
 * The reasons, replies and notes stay behind the query code.
 */
export const CITIZEN_TEXT_TEMPLATES = {
  rejected: `您的诉求${CASE_ID}不予受理，理由请凭查询码查看。`,
  merged: `您的诉求${CASE_ID}已与相同诉求并案办理，进展请凭查询码查看。`,
  reply_ready: `您的诉求${CASE_ID}已答复，请凭查询码查看。`,
  rating_request: `请对诉求${CASE_ID}的办理结果进行评价（满意/基本满意/不满意），凭查询码评价。`,
} as const satisfies Partial<Record<NoticeKind, string>>;

export type CitizenTextKind = keyof typeof CITIZEN_TEXT_TEMPLATES;
export const CITIZEN_TEXT_KINDS = Object.keys(CITIZEN_TEXT_TEMPLATES) as CitizenTextKind[];

/** The parameters every template takes (`${caseId}`): the case number and nothing else. */
export interface CitizenTextParameters {
  readonly caseId: string;
}

/** A text to send: which template, filled with what. */
export interface CitizenText {
  readonly kind: CitizenTextKind;
  readonly parameters: CitizenTextParameters;
}

/** The text a notice becomes, or undefined when it is not for the citizen or has no template. */
export function citizenTextOf(notice: {
  readonly kind: NoticeKind;
  readonly audience: NoticeAudience;
  readonly caseId: string;
}): CitizenText | undefined {
  if (!('citizen' in notice.audience)) return undefined;
  if (!Object.hasOwn(CITIZEN_TEXT_TEMPLATES, notice.kind)) return undefined;
  return { kind: notice.kind as CitizenTextKind, parameters: { caseId: notice.caseId } };
}

/** The text as the citizen's phone shows it, after the sign name (【签名】): what a template renders. */
export function renderCitizenText(text: CitizenText): string {
  return CITIZEN_TEXT_TEMPLATES[text.kind].replace(/\$\{(\w+)\}/g, (_, name: string) =>
    String(text.parameters[name as keyof CitizenTextParameters]),
  );
}
