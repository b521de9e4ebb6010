import { describe, expect, it } from 'vitest';
import { parseFaults } from '../../../shared/adapters/fault-injection';
import {
  isRetryableFault,
  isTransactionConflict,
  retryingConflicts,
  retryingFaults,
} from '../../../shared/adapters/retryable-faults';
import { CivicError } from '../../../shared/domain/errors';

const cancelled = (...codes: string[]) =>
  Object.assign(new Error('cancelled'), {
    name: 'TransactionCanceledException',
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('retryable faults', () => {
  it('are throttling, conflicts, 5xx and dropped connections — also when a library wraps them', () => {
    expect(
      isRetryableFault(Object.assign(new Error(), { name: 'ProvisionedThroughputExceededException' })),
    ).toBe(true);
    expect(isRetryableFault(Object.assign(new Error(), { $metadata: { httpStatusCode: 503 } }))).toBe(true);
    expect(isRetryableFault(Object.assign(new Error(), { code: 'ECONNRESET' }))).toBe(true);
    expect(isRetryableFault(cancelled('TransactionConflict', 'None'))).toBe(true);
    expect(isRetryableFault(new Error('wrapped', { cause: cancelled('TransactionConflict') }))).toBe(true);
  });

  it('are not a failed condition, a domain error or a bug', () => {
    expect(isTransactionConflict(cancelled('ConditionalCheckFailed', 'TransactionConflict'))).toBe(false);
    expect(isRetryableFault(cancelled('ConditionalCheckFailed'))).toBe(false);
    expect(isRetryableFault(new CivicError(409, 'STALE_VERSION', '案件已被他人更新'))).toBe(false);
    expect(isRetryableFault(new TypeError('undefined is not a function'))).toBe(false);
  });

  it('retries a conflict a bounded number of times, then lets it through', async () => {
    let calls = 0;
    const sleeps: number[] = [];
    const sleep = async (ms: number) => {
      sleeps.push(ms);
    };
    await expect(
      retryingConflicts(
        async () => {
          calls += 1;
          throw cancelled('TransactionConflict');
        },
        { attempts: 4, sleep },
      ),
    ).rejects.toThrow('cancelled');
    expect(calls).toBe(4);
    expect(sleeps).toHaveLength(3);
    calls = 0;
    expect(
      await retryingConflicts(
        async () => {
          calls += 1;
          if (calls < 3) throw cancelled('TransactionConflict');
          return 'written';
        },
        { sleep },
      ),
    ).toBe('written');
  });
});

describe('retrying faults', () => {
  it('tries again only what `when` accepts, a bounded number of times', async () => {
    const sleep = async () => {};
    const unavailable = Object.assign(new Error('Service Unavailable'), {
      name: 'ServiceUnavailable',
      $metadata: { httpStatusCode: 503 },
    });
    let calls = 0;
    await expect(
      retryingFaults(
        async () => {
          calls += 1;
          throw unavailable;
        },
        { when: isRetryableFault, attempts: 3, sleep },
      ),
    ).rejects.toBe(unavailable);
    expect(calls).toBe(3);
    calls = 0;
    const refused = new CivicError(409, 'STALE_VERSION', '案件已被他人更新');
    await expect(
      retryingFaults(
        async () => {
          calls += 1;
          throw refused;
        },
        { when: isRetryableFault, sleep },
      ),
    ).rejects.toBe(refused);
    expect(calls).toBe(1);
  });
});

describe('CIVICLINE_FAULTS', () => {
  it('reads service:fault=share pairs', () => {
    expect([
      ...parseFaults('dynamodb:throttle=0.2, dynamodb:conflict=0.05,sfn:unavailable=0.1,sns:unavailable=1'),
    ]).toEqual([
      ['dynamodb:throttle', 0.2],
      ['dynamodb:conflict', 0.05],
      ['sfn:unavailable', 0.1],
      ['sns:unavailable', 1],
    ]);
    expect(parseFaults('').size).toBe(0);
  });

  it.each(['dynamodb:throttle=2', 's3:throttle=0.1', 'sfn:conflict=0.1', 'dynamodb=0.1'])(
    'refuses %s',
    (spec) => {
      expect(() => parseFaults(spec)).toThrow(/CIVICLINE_FAULTS/);
    },
  );
});
