import * as z from 'zod/mini';
import { text } from '../domain/text-field';

/** A department's id: what transfers, accounts and statistics name it by, fixed once it exists. */
export const departmentId = z
  .string({ error: '单位编号必须是文字' })
  .check(
    z.trim(),
    z.regex(/^dept-[a-z0-9]+(?:-[a-z0-9]+)*$/, '单位编号须形如 dept-urban（dept- 加小写字母、数字和连字符）'),
    z.maxLength(64, '单位编号不能超过 64 个字符'),
    z.meta({ description: '单位编号，如 dept-urban' }),
  );

const fields = {
  name: text('单位名称', 50),
  description: text('职责说明', 200),
  acceptsConsultations: z.boolean({ error: '是否受理在线咨询必须是 true 或 false' }),
};

/** POST /v1/departments (admin). */
export const newDepartmentSchema = z.strictObject({
  id: departmentId,
  name: fields.name,
  description: z.optional(fields.description),
  acceptsConsultations: z._default(fields.acceptsConsultations, true),
});

/** PATCH /v1/departments/{departmentId} (admin): any of these, at least one. */
export const departmentChangesSchema = z
  .strictObject({
    name: z.optional(fields.name),
    description: z.optional(fields.description),
    acceptsConsultations: z.optional(fields.acceptsConsultations),
    active: z.optional(z.boolean({ error: '是否启用必须是 true 或 false' })),
  })
  .check(
    z.refine(
      (changes) => Object.keys(changes).length > 0,
      '请至少修改一项：name、description、acceptsConsultations 或 active',
    ),
  );

export const departmentPathSchema = departmentId;
