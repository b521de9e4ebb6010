import { randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { KeyRing, KeyWrapper } from '../ports/key-ring';

const CURRENT = 'current';
const HASH_KEY = 'hash';
const FIRST_DATA_KEY = 'k1';

interface KeyItem {
  name: string;
  wrapped?: string;
  wrapper?: string;
  dataKeyId?: string;
  createdAt: string;
}

/**
 * Keys live wrapped in the keyring table. The first process that needs them creates them with a
 * conditional write, so concurrent cold starts agree on one set; unwrapped keys are cached per
 * process. Rotation adds a data key and moves `current`: old data keeps naming its own key.
 */
export function dynamoKeyRing(
  documents: DynamoDBDocumentClient,
  table: string,
  wrapper: KeyWrapper,
): KeyRing {
  const cache = new Map<string, Promise<Buffer>>();

  const read = async (name: string) =>
    (await documents.send(new GetCommand({ TableName: table, Key: { name }, ConsistentRead: true }))).Item as
      | KeyItem
      | undefined;

  const putIfAbsent = async (item: KeyItem) => {
    try {
      await documents.send(
        new PutCommand({
          TableName: table,
          Item: item,
          ConditionExpression: 'attribute_not_exists(#n)',
          ExpressionAttributeNames: { '#n': 'name' },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  };

  const createKey = async (name: string) => {
    const wrapped = await wrapper.wrap(randomBytes(32));
    await putIfAbsent({
      name,
      wrapped: wrapped.toString('base64'),
      wrapper: wrapper.name,
      createdAt: new Date().toISOString(),
    });
  };

  const unwrapNamed = (name: string): Promise<Buffer> => {
    let key = cache.get(name);
    if (!key) {
      key = (async () => {
        let item = await read(name);
        if (!item && (name === HASH_KEY || name === `data#${FIRST_DATA_KEY}`)) {
          await createKey(name);
          item = await read(name);
        }
        if (!item?.wrapped) throw new Error(`key ${name} is missing from the keyring`);
        return wrapper.unwrap(Buffer.from(item.wrapped, 'base64'));
      })();
      key.catch(() => cache.delete(name));
      cache.set(name, key);
    }
    return key;
  };

  let current: Promise<string> | undefined;
  const currentKeyId = () => {
    current ??= (async () => {
      const pointer = await read(CURRENT);
      if (pointer?.dataKeyId) return pointer.dataKeyId;
      await putIfAbsent({ name: CURRENT, dataKeyId: FIRST_DATA_KEY, createdAt: new Date().toISOString() });
      return (await read(CURRENT))?.dataKeyId ?? FIRST_DATA_KEY;
    })();
    current.catch(() => {
      current = undefined;
    });
    return current;
  };

  return {
    async currentDataKey() {
      const keyId = await currentKeyId();
      return { keyId, key: await unwrapNamed(`data#${keyId}`) };
    },
    dataKey: (keyId) => unwrapNamed(`data#${keyId}`),
    hashKey: () => unwrapNamed(HASH_KEY),

    async rotateDataKey() {
      const previous = (await read(CURRENT))?.dataKeyId ?? (await currentKeyId());
      const next = `k${Number(previous.replace(/^k/, '')) + 1}`;
      await createKey(`data#${next}`);
      // Moves the pointer only from the key it was read at: two rotations at once make one step.
      await documents.send(
        new UpdateCommand({
          TableName: table,
          Key: { name: CURRENT },
          UpdateExpression: 'SET dataKeyId = :next, rotatedAt = :now',
          ConditionExpression: 'dataKeyId = :previous',
          ExpressionAttributeValues: {
            ':next': next,
            ':previous': previous,
            ':now': new Date().toISOString(),
          },
        }),
      );
      current = Promise.resolve(next);
      return next;
    },
  };
}
