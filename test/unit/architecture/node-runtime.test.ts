import { describe, expect, it } from 'vitest';
import { BUNDLING } from '../../../infra/stateless/civic-function';

/**
 * What runs here is what runs on Lambda: the npm `node` package (major 24) puts Node 24 first on
 * every npm script's PATH, whatever Node the machine has; the functions are built for and deployed
 * on the same major.
 */
describe('the Node.js runtime', () => {
  const major = process.versions.node.split('.')[0];

  it('is Node 24 in the tests, as on Lambda', () => {
    expect(major).toBe('24');
  });

  it('is the major the functions are bundled for (the infra tests assert they deploy on nodejs24.x)', () => {
    expect(BUNDLING.target).toBe(`node${major}`);
  });
});
