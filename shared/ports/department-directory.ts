/** 承办单位: the departments cases are transferred to. */
export interface Department {
  readonly departmentId: string;
  readonly name: string;
}

export interface DepartmentDirectory {
  get(departmentId: string): Promise<Department | undefined>;
  list(): Promise<readonly Department[]>;
}
