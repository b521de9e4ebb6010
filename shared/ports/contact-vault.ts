import type { SealedContact } from '../domain/case';
import type { CitizenContact } from '../domain/contact';

/** Field-level protection of citizens' contact data (PIPL): nothing readable at rest. */
export interface ContactVault {
  seal(contact: CitizenContact): Promise<SealedContact>;
  open(sealed: SealedContact): Promise<CitizenContact>;
  /** Keyed hash of a phone number: equal numbers give equal keys; the number cannot be recovered. */
  phoneKey(phone: string): Promise<string>;
}
