import { clientAddress } from '../shared/http/client-address';
import { formFields, open311Handler } from '../shared/http/open311-route';
import { onceRequest } from '../shared/http/request-context';
import { parseInput } from '../shared/http/validation';
import { geoReportResult, XML_SHAPES } from '../shared/open311/georeport-format';
import { geoReportPostSchema } from '../shared/open311/georeport-schemas';
import { open311IntakeDependencies } from '../shared/runtime/write-dependencies';
import { type Open311IntakeDependencies, postServiceRequest } from '../shared/use-cases/open311-requests';

/** POST /open311/v2/requests.{json,xml} — a 311 client files a request (form-encoded, with its api_key). */
export function postRequest(deps: Open311IntakeDependencies) {
  return open311Handler(async (event, format, context) => {
    const form = parseInput(geoReportPostSchema, formFields(event));
    const posted = await postServiceRequest(deps, form, {
      client: clientAddress(event),
      once: onceRequest(event, context, form),
    });
    return geoReportResult(format, 201, XML_SHAPES.requests, posted);
  });
}

export const handler = postRequest(open311IntakeDependencies());
