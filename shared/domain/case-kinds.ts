/** The three ways a citizen reaches the government; each kind has its own table. */
export const CASE_KINDS = ['letter', 'hotline', 'consultation'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  letter: '信件',
  hotline: '12345工单',
  consultation: '在线咨询',
};

/** Prefix of the human-readable case number: 信件 XJ, 工单 GD, 咨询 ZX. */
export const CASE_NUMBER_PREFIXES: Record<CaseKind, string> = {
  letter: 'XJ',
  hotline: 'GD',
  consultation: 'ZX',
};

export const CHANNELS = ['web', 'miniprogram', 'forwarded', 'phone', 'sms', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: '网站',
  miniprogram: '微信小程序',
  forwarded: '上级转办',
  phone: '电话',
  sms: '短信',
  open311: '311客户端',
};

/** Channels a citizen can use on their own; `forwarded` letters are entered by staff. */
export const CITIZEN_CHANNELS = ['web', 'miniprogram'] as const;
export type CitizenChannel = (typeof CITIZEN_CHANNELS)[number];

export const HOTLINE_CHANNELS = ['phone', 'sms'] as const;

/** Where a forwarded letter (转办件) comes from. */
export const FORWARDING_SOURCES = ['province-mailbox', 'state-council-supervision', 'other'] as const;
export type ForwardingSource = (typeof FORWARDING_SOURCES)[number];

export const FORWARDING_SOURCE_LABELS: Record<ForwardingSource, string> = {
  'province-mailbox': '省长信箱',
  'state-council-supervision': '国务院“互联网+督查”',
  other: '其他上级机关',
};

/** 诉求类型 */
export const REQUEST_TYPES = ['consult', 'suggest', 'complain', 'help', 'report', 'praise'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  consult: '咨询',
  suggest: '建议',
  complain: '投诉',
  help: '求助',
  report: '举报',
  praise: '表扬',
};

/** Mailboxes of the leaders a letter can be addressed to (市长信箱 and others). */
export const MAILBOXES = ['mayor', 'party-secretary', 'county-head', 'bureau-chief'] as const;
export type Mailbox = (typeof MAILBOXES)[number];

export const MAILBOX_LABELS: Record<Mailbox, string> = {
  mayor: '市长信箱',
  'party-secretary': '书记信箱',
  'county-head': '县长信箱',
  'bureau-chief': '局长信箱',
};
