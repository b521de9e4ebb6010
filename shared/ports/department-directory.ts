/** 承办单位: the departments cases are transferred to. */
export interface Department {
  readonly departmentId: string;
  readonly name: string;
  /** One line on what it handles, for the consultation form. */
  readonly description?: string;
  /** Citizens may address an online consultation (在线咨询) to it. */
  readonly acceptsConsultations: boolean;
  /** A deactivated department keeps its cases and figures but takes no new transfers or consultations. */
  readonly active: boolean;
}

export interface DepartmentDirectory {
  get(departmentId: string): Promise<Department | undefined>;
  /** The names of the given departments (unknown ids are left out), by key: no table scan. */
  names(departmentIds: Iterable<string>): Promise<ReadonlyMap<string, string>>;
  /** Every department, active or not: a city has tens, read in one scan and kept for minutes. */
  list(): Promise<readonly Department[]>;
}
