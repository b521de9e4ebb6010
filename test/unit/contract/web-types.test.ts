import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEB_TYPES_FILE, webTypes } from '../../../scripts/write-web-types';

describe("the pages' API types", () => {
  it('are generated from the current OpenAPI document (run `npm run web:types` after changing the API)', async () => {
    expect(readFileSync(WEB_TYPES_FILE, 'utf8')).toBe(await webTypes());
  });
});
