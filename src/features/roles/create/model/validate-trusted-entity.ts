import { validateAccountId, validateExternalId } from '../../../../validation/iam.ts';
import type { TrustedEntitySelection } from './trust-policy';

/** Field errors of step 1, keyed by field name (`otherAccountId`, `externalId`, `audience`, `providerArn`). */
export function validateTrustedEntity(selection: TrustedEntitySelection): Record<string, string> {
  const errors: Record<string, string> = {};
  const put = (field: string, message: string | undefined) => {
    if (message) errors[field] = message;
  };
  switch (selection.type) {
    case 'aws-account':
      if (selection.account === 'another')
        put('otherAccountId', validateAccountId((selection.otherAccountId ?? '').trim()));
      if (selection.requireExternalId) put('externalId', validateExternalId(selection.externalId ?? ''));
      break;
    case 'web-identity':
      if (selection.audience.trim() === '')
        put('audience', 'Enter the audience (the application or identity pool ID) that may use this role.');
      if (
        selection.provider.kind === 'oidc' &&
        !/^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/\S+$/.test(selection.provider.providerArn)
      ) {
        put(
          'providerArn',
          'Choose an OIDC identity provider (an ARN like arn:aws:iam::111122223333:oidc-provider/example.com).',
        );
      }
      break;
    case 'saml':
      if (!/^arn:aws[a-z-]*:iam::\d{12}:saml-provider\/[\w+=,.@-]+$/.test(selection.providerArn)) {
        put('providerArn', 'Choose a SAML provider (an ARN like arn:aws:iam::111122223333:saml-provider/Example).');
      }
      break;
    default:
      break;
  }
  return errors;
}
