import { parseForm } from './form.ts';
import { QueryInput } from './query-input.ts';

/**
 * Builds the QueryInput of an awsQuery (`member` lists) or ec2Query (`flat` lists) request from
 * its form-encoded body, plus the parameters of the URL query string (GET requests carry them there).
 */
export function decodeQueryRequest(body: string, queryString: string, listStyle: 'member' | 'flat'): QueryInput {
  const params = new Map<string, string>();
  if (queryString.length > 0) parseForm(queryString, params);
  parseForm(body, params);
  return new QueryInput(params, listStyle);
}
