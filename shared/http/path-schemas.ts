import * as z from 'zod';
import './validation';

/** A case number in a path: anything else cannot be a case, and is answered 404 like an unknown one. */
export const caseIdSchema = z.string().trim().min(1).max(32);
