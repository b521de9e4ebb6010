import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../domain/case';
import type { CaseKind } from '../domain/case-kinds';
import { formatCaseNumber, kindOfCaseNumber, sequenceName } from '../domain/case-number';
import { CivicError, staleVersion } from '../domain/errors';
import type { CaseStore } from '../ports/case-store';
import { fromCaseItem, toCaseItem } from './case-item';
import { listCases } from './dynamo-case-list';

export interface CaseTables {
  readonly cases: Readonly<Record<CaseKind, string>>;
  readonly sequences: string;
}

export function dynamoCaseStore(documents: DynamoDBDocumentClient, tables: CaseTables): CaseStore {
  return {
    async allocateCaseNumber(kind, at) {
      const out = await documents.send(
        new UpdateCommand({
          TableName: tables.sequences,
          Key: { name: sequenceName(kind, at) },
          UpdateExpression: 'ADD #value :one',
          ExpressionAttributeNames: { '#value': 'value' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const sequence = Number(out.Attributes?.value);
      if (sequence > 999_999) {
        throw new CivicError(503, 'DAILY_CAPACITY_REACHED', '今日受理编号已用尽，请明日再试');
      }
      return formatCaseNumber(kind, at, sequence);
    },

    async create(created) {
      await documents.send(
        new PutCommand({
          TableName: tables.cases[created.kind],
          Item: toCaseItem(created),
          ConditionExpression: 'attribute_not_exists(caseId)',
        }),
      );
    },

    async get(caseId) {
      const kind = kindOfCaseNumber(caseId);
      if (!kind) return undefined;
      const out = await documents.send(
        new GetCommand({ TableName: tables.cases[kind], Key: { caseId }, ConsistentRead: true }),
      );
      return out.Item ? fromCaseItem(out.Item) : undefined;
    },

    async save(before: Case, after: Case) {
      try {
        await documents.send(
          new PutCommand({
            TableName: tables.cases[after.kind],
            Item: toCaseItem(after),
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': before.version },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw staleVersion();
        throw error;
      }
    },

    list: (filter, limit, position) => listCases(documents, tables.cases, filter, limit, position),
  };
}
