/** Every table of the stack, by the role it plays. */
export const TABLE_ROLES = [
  'letters',
  'tickets',
  'consultations',
  'idempotency',
  'statistics',
  'sequences',
  'departments',
  'keyring',
  'workflowTasks',
  'notifications',
  'audit',
  'rateLimits',
  'clientKeys',
  'settings',
  'staff',
] as const;
export type TableRole = (typeof TABLE_ROLES)[number];

/**
 * Key schemas of every table, as plain data: the stateful stack builds the tables from it and the
 * adapters name its indexes from it. The local runtime creates tables from the synthesized template.
 */
export interface IndexSchema {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
  /**
   * The attributes the index carries besides the keys (projection INCLUDE); without it, the whole
   * item (ALL). Every index copy of an item is written again with each change of it, so a small
   * projection is most of what a case write costs.
   */
  readonly projects?: readonly string[];
}

export interface TableSchema {
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly timeToLive?: string;
  readonly indexes?: readonly IndexSchema[];
  /** The table's change stream, read by the functions that follow it (routes.ts STREAM_FUNCTIONS). */
  readonly stream?: 'NEW_AND_OLD_IMAGES' | 'NEW_IMAGE';
}

/**
 * What a case list filters on: the case indexes carry these (and their keys) and nothing else; a
 * listed page is then read from the table by its case numbers. A whole case is a few KB and
 * transactional writes cost two units per KB and copy, so copying whole cases into six indexes made
 * each change cost three to four times its own write.
 */
export const LIST_FILTER_ATTRIBUTES = [
  'status',
  'type',
  'returnCount',
  'extension',
  'overdueFlag',
  'createdAt',
  'channel',
  'answerBackBy',
];

/** The three case tables share one schema: a case number key and the lists staff and the public read. */
export const CASE_INDEXES = {
  // One partition per table: a kind's cases newest first. Even Beijing's 21 million tickets a
  // year are ~1 write/s on average, far below a partition's 1,000 writes/s.
  byKind: {
    indexName: 'byKind',
    partitionKey: 'kind',
    sortKey: 'createdAt',
    projects: LIST_FILTER_ATTRIBUTES,
  },
  byDepartment: {
    indexName: 'byDepartment',
    partitionKey: 'departmentId',
    sortKey: 'createdAt',
    projects: LIST_FILTER_ATTRIBUTES,
  },
  byStatus: {
    indexName: 'byStatus',
    partitionKey: 'status',
    sortKey: 'createdAt',
    projects: LIST_FILTER_ATTRIBUTES,
  },
  // Sparse: only open, overdue cases carry `overdueFlag`.
  byOverdue: {
    indexName: 'byOverdue',
    partitionKey: 'overdueFlag',
    sortKey: 'createdAt',
    projects: LIST_FILTER_ATTRIBUTES,
  },
  // (No index by phone: nothing reads one, and each would cost two write units per case change.)
  byPublication: {
    indexName: 'byPublication',
    partitionKey: 'publication',
    sortKey: 'publishedAt',
    projects: LIST_FILTER_ATTRIBUTES,
  },
} as const satisfies Record<string, IndexSchema>;

export const CASE_TABLE_SCHEMA: TableSchema = {
  partitionKey: 'caseId',
  indexes: Object.values(CASE_INDEXES),
  // Statistics follow every case version: counters(new image) − counters(old image).
  stream: 'NEW_AND_OLD_IMAGES',
};

/** The audit trail by staff member. */
export const AUDIT_BY_ACTOR = { indexName: 'byActor', partitionKey: 'actor', sortKey: 'entryKey' } as const;
/**
 * The notifications about one case, by their kind. Only the kind rides along: marking a notice
 * delivered then leaves its index copy alone, where a whole-item copy was written again (a write
 * unit per notice). A reader of whole notices gets them from the table by their ids.
 */
export const NOTIFICATIONS_BY_CASE = {
  indexName: 'byCase',
  partitionKey: 'caseId',
  sortKey: 'createdAt',
  projects: ['kind'],
} as const satisfies IndexSchema;

/**
 * Every department / client application in one partition of a small index: a city's tens of
 * departments and handful of 311 apps are listed by a Query, never a Scan.
 */
export const LISTED = { indexName: 'listed', partitionKey: 'listing', sortKey: 'listedAs' } as const;

export const TABLE_SCHEMAS: Readonly<Record<TableRole, TableSchema>> = {
  letters: CASE_TABLE_SCHEMA,
  tickets: CASE_TABLE_SCHEMA,
  consultations: CASE_TABLE_SCHEMA,
  /** Powertools Idempotency's default attribute names. */
  idempotency: { partitionKey: 'id', timeToLive: 'expiration' },
  /**
   * Counters: `scope` names dimension and granularity, `period` the day or month and value. Beside
   * them, one claim per case version applied (scope `applied`), expiring by TTL long after the
   * stream's 24 hours of retention.
   */
  statistics: { partitionKey: 'scope', sortKey: 'period', timeToLive: 'expiresAt' },
  sequences: { partitionKey: 'name' },
  departments: { partitionKey: 'departmentId', indexes: [LISTED] },
  keyring: { partitionKey: 'name' },
  /** The task token a case's workflow waits on, one item per case. */
  workflowTasks: { partitionKey: 'caseId' },
  /**
   * Append-only audit trail: every state change and every full read of contact data, by case and
   * (index) by staff member; kept 400 days by TTL (at least the 180 the rules ask for).
   */
  audit: {
    partitionKey: 'caseId',
    sortKey: 'entryKey',
    timeToLive: 'expiresAt',
    indexes: [AUDIT_BY_ACTOR],
  },
  /** Open311 client applications: one item per API key, holding only a keyed hash of the secret. */
  clientKeys: { partitionKey: 'keyId', indexes: [LISTED] },
  /**
   * The administrator's settings (time limits, published calendar years), one partition per
   * section so the rules every deadline needs are one Query.
   */
  settings: { partitionKey: 'section', sortKey: 'setting' },
  /**
   * The staff directory: one item per account (roles, department, enabled), checked at every staff
   * request and listed in the small `listed` index.
   */
  staff: { partitionKey: 'username', indexes: [LISTED] },
  /** Abuse limits: fixed-window counters that expire by TTL. */
  rateLimits: { partitionKey: 'limitKey', timeToLive: 'expiresAt' },
  /** The notification outbox: what was said to whom, once per notice. */
  notifications: {
    partitionKey: 'notificationId',
    indexes: [NOTIFICATIONS_BY_CASE],
    // New notices leave by the stream (deliver-notifications).
    stream: 'NEW_IMAGE',
  },
};
