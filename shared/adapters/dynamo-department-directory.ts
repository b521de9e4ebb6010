import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Department, DepartmentDirectory } from '../ports/department-directory';

/** Departments change a few times a year: one scan per process, refreshed every five minutes. */
const REFRESH_MS = 5 * 60 * 1000;

export function dynamoDepartmentDirectory(
  documents: DynamoDBDocumentClient,
  table: string,
): DepartmentDirectory {
  let loaded: { at: number; departments: Promise<Department[]> } | undefined;
  const all = () => {
    if (!loaded || Date.now() - loaded.at > REFRESH_MS) {
      const departments = (async () => {
        const items: Department[] = [];
        let start: Record<string, unknown> | undefined;
        do {
          const page = await documents.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
          for (const item of page.Items ?? [])
            items.push({ departmentId: String(item.departmentId), name: String(item.name) });
          start = page.LastEvaluatedKey;
        } while (start);
        return items.sort((a, b) => a.departmentId.localeCompare(b.departmentId));
      })();
      departments.catch(() => {
        loaded = undefined;
      });
      loaded = { at: Date.now(), departments };
    }
    return loaded.departments;
  };
  return {
    async get(departmentId) {
      return (await all()).find((d) => d.departmentId === departmentId);
    },
    list: all,
  };
}
