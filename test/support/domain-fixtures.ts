import type { Case } from '../../shared/domain/case';
import type { CaseKind, RequestType } from '../../shared/domain/case-kinds';
import { openCase } from '../../shared/domain/intake';
import type { LifecycleContext } from '../../shared/domain/lifecycle/lifecycle-context';
import type { Actor, StaffRole } from '../../shared/domain/roles';
import { statutoryCalendar } from '../../shared/domain/statutory-calendar';
import { DEFAULT_TIME_LIMITS } from '../../shared/domain/time-limits';

export const calendar = await statutoryCalendar();

export function contextAt(iso: string): LifecycleContext {
  return { now: new Date(iso), calendar, limits: DEFAULT_TIME_LIMITS };
}

export const staff = (username: string, role: StaffRole, departmentId?: string): Actor => ({
  kind: 'staff',
  username,
  roles: [role],
  ...(departmentId ? { departmentId } : {}),
});

export const dispatcher = staff('dispatcher1', 'dispatcher');
export const operator = staff('operator1', 'operator');
export const reviewer = staff('reviewer1', 'reviewer');
export const leader = staff('leader1', 'leader');
export const housing = staff('housing1', 'department', 'dept-housing');
export const transport = staff('transport1', 'department', 'dept-transport');
export const citizen: Actor = { kind: 'citizen' };
export const system: Actor = { kind: 'system' };

/** A new case as intake makes it (contact already sealed; the domain never opens it). */
export function newCase(
  options: { at?: string; type?: RequestType; kind?: CaseKind; caseId?: string } = {},
): Case {
  return openCase({
    caseId: options.caseId ?? 'XJ20261102000001',
    details: {
      kind: options.kind ?? 'letter',
      channel: 'web',
      mailbox: 'mayor',
      type: options.type ?? 'complain',
      title: '小区夜间施工噪音扰民',
      content: '工地每晚施工到深夜。',
      confidential: false,
      publicConsent: true,
    },
    contact: { keyId: 'k1', iv: 'iv', ciphertext: 'ciphertext', tag: 'tag' },
    phoneKey: 'phone-key',
    queryCodeHash: 'hash',
    actor: citizen,
    now: new Date(options.at ?? '2026-11-02T09:00:00+08:00'),
    calendar,
    limits: DEFAULT_TIME_LIMITS,
  });
}
