/** 承办单位: the departments cases are transferred to. */
export interface Department {
  readonly departmentId: string;
  readonly name: string;
}

export interface DepartmentDirectory {
  get(departmentId: string): Promise<Department | undefined>;
  /** The names of the given departments (unknown ids are left out), by key: no table scan. */
  names(departmentIds: Iterable<string>): Promise<ReadonlyMap<string, string>>;
}
