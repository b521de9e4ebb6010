import {
  MAILBOX_LABELS,
  MAILBOXES,
  REQUEST_TYPE_LABELS,
  REQUEST_TYPES,
  type RequestType,
} from '../domain/case-kinds';

/**
 * GeoReport v2 services: one per request type (诉求类型) — the catalogue a 311 client shows. A
 * request becomes a letter to the chosen leader's mailbox (市长信箱 unless the `mailbox`
 * attribute says otherwise), through the `open311` channel.
 */
export interface GeoReportService {
  readonly service_code: RequestType;
  readonly service_name: string;
  readonly description: string;
  readonly metadata: boolean;
  readonly type: 'realtime';
  readonly keywords: string;
  readonly group: string;
}

const DESCRIPTIONS: Readonly<Record<RequestType, { description: string; keywords: string }>> = {
  consult: { description: '政策、办事流程等方面的咨询', keywords: '咨询,政策,办事' },
  suggest: { description: '对城市管理和公共服务的意见建议', keywords: '建议,意见' },
  complain: { description: '噪音、油烟、施工、物业等问题的投诉', keywords: '投诉,噪音,油烟,施工' },
  help: { description: '生活困难、紧急求助（非紧急警情）', keywords: '求助,困难' },
  report: { description: '违法违规行为的举报', keywords: '举报,违法' },
  praise: { description: '对工作人员和单位的表扬', keywords: '表扬,感谢' },
};

export const GEOREPORT_SERVICES: readonly GeoReportService[] = REQUEST_TYPES.map((code) => ({
  service_code: code,
  service_name: REQUEST_TYPE_LABELS[code],
  description: DESCRIPTIONS[code].description,
  metadata: true,
  type: 'realtime',
  keywords: DESCRIPTIONS[code].keywords,
  group: '市民诉求',
}));

/** The attributes every service takes (`attribute[code]=key` when posting). */
export interface GeoReportAttribute {
  readonly variable: true;
  readonly code: string;
  readonly datatype: 'singlevaluelist';
  readonly required: boolean;
  readonly datatype_description: string;
  readonly order: number;
  readonly description: string;
  readonly values: readonly { readonly key: string; readonly name: string }[];
}

/** Consent to publication is "no" unless the client sends `attribute[public_consent]=yes`. */
export const GEOREPORT_ATTRIBUTES: readonly GeoReportAttribute[] = [
  {
    variable: true,
    code: 'mailbox',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: '不填为市长信箱',
    order: 1,
    description: '写给哪位领导的信箱',
    values: MAILBOXES.map((key) => ({ key, name: MAILBOX_LABELS[key] })),
  },
  {
    variable: true,
    code: 'public_consent',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: '不填为不同意',
    order: 2,
    description: '是否同意在网上公开（去除个人信息后）',
    values: [
      { key: 'yes', name: '同意公开' },
      { key: 'no', name: '不同意公开' },
    ],
  },
  {
    variable: true,
    code: 'confidential',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: '不填为不保密',
    order: 3,
    description: '是否要求对来信人信息保密',
    values: [
      { key: 'yes', name: '保密' },
      { key: 'no', name: '不保密' },
    ],
  },
];

export function isServiceCode(code: string): code is RequestType {
  return (REQUEST_TYPES as readonly string[]).includes(code);
}
