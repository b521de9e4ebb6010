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

describe('event logging (POWERTOOLS_LOGGER_LOG_EVENT=true at debug level)', () => {
  it('logs the request without its body, its Authorization header or anything personal', () => {
    const event = {
      routeKey: 'POST /v1/letters',
      headers: {
        authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.secret-token.signature',
        'x-query-code': '7KQ2M9XD',
        'content-type': 'application/json',
      },
      queryStringParameters: { phone: '１３８１２３４５６７８', note: '０７５５－８６００１２３４' },
      body: JSON.stringify({
        title: '张 三家门口的路灯坏了',
        content: '我叫張三，住幸福路１２號，电话１３８ １２３４ ５６７８，邮箱zhang＠qq．com',
        citizen: { name: '张三', phone: '13812345678', address: '幸福路12号' },
      }),
      requestContext: {
        http: { sourceIp: '203.0.113.9' },
        authorizer: { jwt: { claims: { username: 'housing1' } } },
      },
    };
    const output = captureLogs(() => logger.info('Lambda invocation event', { event }));
    expect(output).toContain('POST /v1/letters');
    expect(output).toContain('housing1');
    for (const secret of [
      'secret-token',
      '7KQ2M9XD',
      '张三',
      '張三',
      '张 三',
      '幸福路',
      '１３８',
      '138',
      '８６００',
      'zhang',
    ]) {
      expect(output).not.toContain(secret);
    }
  });
});
