import { describe, expect, it } from 'vitest';
import { accountProblem, changedAccount } from '../../../shared/domain/staff-account';
import { newStaffSchema, staffChangesSchema } from '../../../shared/http/staff-schemas';

describe('a staff account as an administrator enters it', () => {
  it('takes a username, a name, roles and for a department user its department', () => {
    const account = {
      username: 'housing2',
      displayName: '钱进',
      roles: ['department'],
      departmentId: 'dept-housing',
    };
    expect(newStaffSchema.parse(account)).toEqual(account);
  });

  it('refuses malformed usernames, unknown or repeated roles and bad phones, in Chinese', () => {
    const bad = newStaffSchema.safeParse({
      username: 'Op 1',
      displayName: '',
      roles: ['operator', 'operator', 'mayor'],
      phone: '12345',
    });
    const messages = (bad.error?.issues ?? []).map((issue) => issue.message).join('\n');
    expect(messages).toMatch(/用户名须为/);
    expect(messages).toMatch(/姓名不能为空/);
    expect(messages).toMatch(/角色须为/);
    expect(messages).toMatch(/电话须为/);
  });

  it('takes one change at least; null removes a department or phone', () => {
    expect(staffChangesSchema.safeParse({}).success).toBe(false);
    expect(staffChangesSchema.parse({ departmentId: null, roles: ['dispatcher'] })).toEqual({
      departmentId: null,
      roles: ['dispatcher'],
    });
  });

  it('keeps a department user with exactly one department, and nobody else with one', () => {
    const housing = {
      username: 'housing1',
      displayName: '张伟',
      roles: ['department'] as const,
      departmentId: 'dept-housing',
      enabled: true,
    };
    expect(accountProblem(housing)).toBeUndefined();
    expect(accountProblem(changedAccount(housing, { departmentId: null }))?.message).toBe(
      '承办单位账号必须指定所属单位',
    );
    expect(accountProblem(changedAccount(housing, { roles: ['dispatcher'] }))?.message).toBe(
      '只有承办单位账号可以指定所属单位',
    );
    expect(changedAccount(housing, { roles: ['dispatcher'], departmentId: null })).toEqual({
      username: 'housing1',
      displayName: '张伟',
      roles: ['dispatcher'],
      enabled: true,
    });
  });
});
