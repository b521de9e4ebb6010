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
  /** As it is now (a transfer or consultation must not go to a department deactivated a minute ago). */
  get(departmentId: string): Promise<Department | undefined>;
  /** The names of the given departments (unknown ids are left out), by key, kept for minutes. */
  names(departmentIds: Iterable<string>): Promise<ReadonlyMap<string, string>>;
  /** Every department, active or not: a city has tens, read by one query of a small index. */
  list(): Promise<readonly Department[]>;
}

/** What an administrator changes about a department (its id never changes). */
export type DepartmentChanges = Partial<
  Pick<Department, 'name' | 'description' | 'acceptsConsultations' | 'active'>
>;

/**
 * Adding and changing departments (admin). A department is never deleted — deactivated, it keeps
 * its cases and figures. Each change is stored with its audit entry (before and after), together.
 */
export interface DepartmentRegistry {
  /** Adds a department; `false` when one with that id exists already (nothing changed). */
  add(department: Department, by: { username: string; role: string }): Promise<boolean>;
  /** Changes a department; `undefined` when there is none with that id. */
  change(
    departmentId: string,
    changes: DepartmentChanges,
    by: { username: string; role: string },
  ): Promise<{ before: Department; after: Department } | undefined>;
}
