import { runLocalTask } from './local-task';

/**
 * `npm run keys:rotate`: a new data key for contact data on the local stack (stop `npm start`
 * first). In the cloud the same KeyRing.rotateDataKey runs with the KMS wrapper (see README).
 */
runLocalTask(async () => {
  const { keyRing } = await import('../shared/runtime/dependencies');
  const keyId = await keyRing().rotateDataKey();
  return `New contact data key ${keyId} is current; data sealed with earlier keys stays readable.`;
});
