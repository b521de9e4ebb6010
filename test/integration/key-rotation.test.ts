import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useLocalEnvironment } from '../support/local-environment';

let runtime: typeof import('../../shared/runtime/dependencies');

beforeAll(async () => {
  await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'));
  runtime = await import('../../shared/runtime/dependencies');
});

describe('rotating the contact data key', () => {
  it('seals new data with the new key and still opens data sealed with the old one', async () => {
    const vault = runtime.contactVault();
    const before = await vault.seal({ name: '张三', phone: '13812345678' });
    const rotated = await runtime.keyRing().rotateDataKey();
    const after = await vault.seal({ name: '李四', phone: '13912345678' });
    expect(before.keyId).toBe('k1');
    expect(rotated).toBe('k2');
    expect(after.keyId).toBe('k2');
    expect(await vault.open(before)).toEqual({ name: '张三', phone: '13812345678' });
    expect(await vault.open(after)).toEqual({ name: '李四', phone: '13912345678' });
    // The keyed hash for phone lookups does not rotate: equal phones still find each other.
    expect(await vault.phoneKey('13812345678')).toBe(await vault.phoneKey('13812345678'));
  });
});
