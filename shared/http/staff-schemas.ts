import * as z from 'zod/mini';
import { ROLE_LABELS, STAFF_ROLES } from '../domain/roles';
import { text } from '../domain/text-field';
import { departmentId } from './department-schemas';
import './validation';

/** What people sign in with and audit entries name them by; fixed once the account exists. */
export const usernameSchema = z
  .string({ error: '用户名必须是文字' })
  .check(
    z.trim(),
    z.regex(/^[a-z][a-z0-9._-]{2,31}$/, '用户名须为 3–32 位小写字母、数字、点、下划线或连字符，以字母开头'),
    z.meta({ description: '用户名，如 operator2' }),
  );

const roles = z
  .array(
    z.enum(STAFF_ROLES, {
      error: `角色须为 ${STAFF_ROLES.map((role) => `${role}（${ROLE_LABELS[role]}）`).join('、')} 之一`,
    }),
    { error: '角色必须是列表' },
  )
  .check(
    z.minLength(1, '至少指定一个角色'),
    z.refine((list) => new Set(list).size === list.length, '角色不能重复'),
    z.meta({ description: '角色' }),
  );

/** A mobile number or a landline with its area code: the office's contact list, never SMS. */
const phone = z
  .string({ error: '电话必须是文字' })
  .check(
    z.trim(),
    z.regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '电话须为 11 位手机号或带区号的固定电话'),
    z.meta({ description: '工作电话' }),
  );

/** POST /v1/staff (admin). */
export const newStaffSchema = z.strictObject({
  username: usernameSchema,
  displayName: text('姓名', 30),
  roles,
  departmentId: z.optional(departmentId),
  phone: z.optional(phone),
});

/** PATCH /v1/staff/{username} (admin): any of these, at least one; `null` removes a department or phone. */
export const staffChangesSchema = z
  .strictObject({
    displayName: z.optional(text('姓名', 30)),
    roles: z.optional(roles),
    departmentId: z.optional(z.nullable(departmentId)),
    phone: z.optional(z.nullable(phone)),
    enabled: z.optional(z.boolean({ error: '是否启用必须是 true 或 false' })),
  })
  .check(
    z.refine(
      (changes) => Object.keys(changes).length > 0,
      '请至少修改一项：displayName、roles、departmentId、phone 或 enabled',
    ),
  );
