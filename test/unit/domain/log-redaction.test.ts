import { describe, expect, it, vi } from 'vitest';
import { logger } from '../../../shared/runtime/logger';

function captureLogs(action: () => void): string {
  const chunks: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  const writeErr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    action();
  } finally {
    write.mockRestore();
    writeErr.mockRestore();
  }
  return chunks.join('');
}

describe('the structured logger', () => {
  it('never writes a phone number, ID number or e-mail address, wherever it hides', () => {
    const output = captureLogs(() => {
      logger.error('联系13812345678失败', {
        caller: { phone: '010-62345678', email: 'zhang@example.cn' },
        note: '身份证11010519491231002X',
        error: new Error('could not reach 13912345678'),
      });
    });
    expect(output).toContain('"level":"ERROR"');
    for (const secret of [
      '13812345678',
      '62345678',
      'zhang@example.cn',
      '11010519491231002X',
      '13912345678',
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('[电话已隐去]');
  });
});
