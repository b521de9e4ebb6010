import type { CitizenText } from '../domain/lifecycle/citizen-texts';

/** One text message to one mobile number, from a registered template (citizen-texts.ts). */
export interface TextMessage {
  readonly phone: string;
  readonly text: CitizenText;
  /** The notice's id, handed to the provider (OutId) so a delivery receipt leads back to it. */
  readonly reference: string;
}

/**
 * A domestic SMS provider (Alibaba Cloud SMS in the China stack, where SNS has no SMS). Throws
 * TextMessageRefused when the provider says no; the stream retries, then sets the notice aside
 * in the failure destination.
 */
export interface TextMessageSender {
  send(message: TextMessage): Promise<void>;
}

/** The provider answered, and not with OK: its code says why (throttled, template not registered…). */
export class TextMessageRefused extends Error {
  override readonly name = 'TextMessageRefused';
  constructor(
    readonly code: string,
    readonly providerMessage: string,
    /** Worth trying again later (throttling, the provider's own fault). */
    readonly retryable: boolean,
  ) {
    super(`SMS refused: ${code} ${providerMessage}`);
  }
}
