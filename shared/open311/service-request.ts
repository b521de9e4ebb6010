import { type Case, currentAssignment } from '../domain/case';
import { REQUEST_TYPE_LABELS } from '../domain/case-kinds';
import { locationOf } from '../domain/case-location';
import { chinaDateTime } from '../domain/china-time';
import type { CitizenContact } from '../domain/contact';
import { stepDeadline } from '../domain/lifecycle/workflow-plan';
import { publishedCase } from '../domain/publication';
import { isOpen } from '../domain/statuses';

/** A service request as GeoReport v2 shows it; fields without a value are left out. */
export interface GeoReportRequest {
  readonly service_request_id: string;
  readonly status: 'open' | 'closed';
  readonly status_notes?: string;
  readonly service_name: string;
  readonly service_code: string;
  readonly description: string;
  readonly agency_responsible?: string;
  readonly service_notice?: string;
  readonly requested_datetime: string;
  readonly updated_datetime: string;
  readonly expected_datetime?: string;
  readonly address?: string;
  readonly lat?: number;
  readonly long?: number;
}

type Names = (departmentId: string) => string | undefined;

/**
 * The public view of a published case, redacted exactly as GET /v1/public/cases: no name, phone,
 * ID, address or e-mail in any text, the address only down to the street, no point.
 */
export function publicServiceRequest(c: Case, contact: CitizenContact, names: Names): GeoReportRequest {
  const published = publishedCase(c, contact, names);
  return {
    ...common(c, names),
    description: published.content,
    status_notes: published.reply.content,
    ...(published.location ? { address: published.location.address } : {}),
  };
}

/** The citizen's own view, for the holder of the query code: their whole text and location. */
export function ownServiceRequest(c: Case, names: Names): GeoReportRequest {
  const location = locationOf(c.location);
  const delivered = c.reply?.deliveredAt ? c.reply.content : undefined;
  return {
    ...common(c, names),
    description: c.content,
    ...(delivered ? { status_notes: delivered } : {}),
    ...(location?.address ? { address: location.address } : {}),
    ...(location?.lat !== undefined && location.long !== undefined
      ? { lat: location.lat, long: location.long }
      : {}),
  };
}

function common(c: Case, names: Names) {
  const department = c.reply?.departmentId ?? currentAssignment(c)?.departmentId;
  const agency = department ? names(department) : undefined;
  const deadline = isOpen(c.status) ? stepDeadline(c) : undefined;
  return {
    service_request_id: c.caseId,
    status: isOpen(c.status) ? ('open' as const) : ('closed' as const),
    service_name: REQUEST_TYPE_LABELS[c.type],
    service_code: c.type,
    ...(agency ? { agency_responsible: agency } : {}),
    requested_datetime: chinaDateTime(c.createdAt),
    updated_datetime: chinaDateTime(c.timeline.at(-1)?.at ?? c.createdAt),
    ...(deadline ? { expected_datetime: chinaDateTime(deadline) } : {}),
  };
}
