import type { DepartmentDirectory } from '../ports/department-directory';

export interface DepartmentListDependencies {
  readonly departments: DepartmentDirectory;
}

/**
 * GET /v1/departments: the departments a citizen may pick from — the active ones, with what each
 * handles and whether it takes online consultations. A deactivated department is not offered.
 */
export async function listDepartmentsForForms(deps: DepartmentListDependencies) {
  const departments = await deps.departments.list();
  return {
    departments: departments
      .filter((department) => department.active)
      .map(({ departmentId, name, description, acceptsConsultations }) => ({
        departmentId,
        name,
        ...(description ? { description } : {}),
        acceptsConsultations,
      })),
  };
}
