import { describe, expect, it } from 'vitest';
import { departmentChangesSchema, newDepartmentSchema } from '../../../shared/http/department-schemas';

describe('a department as an administrator enters it', () => {
  it('takes an id like dept-urban, a name, and defaults to taking consultations', () => {
    expect(newDepartmentSchema.parse({ id: 'dept-urban', name: ' 城市管理局 ' })).toEqual({
      id: 'dept-urban',
      name: '城市管理局',
      acceptsConsultations: true,
    });
  });

  it('refuses ids that are not dept- plus lower-case words, in Chinese', () => {
    for (const id of ['urban', 'dept-', 'dept-Urban', 'dept_urban', 'dept-城管', `dept-${'a'.repeat(64)}`]) {
      const result = newDepartmentSchema.safeParse({ id, name: '城市管理局' });
      expect(result.success, id).toBe(false);
      expect(result.error?.issues[0]?.message, id).toMatch(/单位编号/);
    }
  });

  it('refuses an empty change and unknown fields, and takes any one change', () => {
    expect(departmentChangesSchema.safeParse({}).success).toBe(false);
    expect(departmentChangesSchema.safeParse({ departmentId: 'dept-x' }).success).toBe(false);
    expect(departmentChangesSchema.parse({ active: false })).toEqual({ active: false });
    expect(departmentChangesSchema.safeParse({ name: '' }).error?.issues[0]?.message).toBe(
      '单位名称不能为空',
    );
  });
});
