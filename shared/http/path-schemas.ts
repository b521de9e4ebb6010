import * as z from 'zod/mini';
import './validation';

/** A case number in a path: anything else cannot be a case, and is answered 404 like an unknown one. */
export const caseIdSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(32));
