/** IAM's documented rules for a new managed policy's name and description (CreatePolicy), from aws-rules/. */
import { IAM_LIMITS, IAM_PATTERNS } from '../../aws-rules/iam.ts';

const POLICY_NAME_MAX = IAM_LIMITS.policyName;
const POLICY_DESCRIPTION_MAX = IAM_LIMITS.description;

export const EMPTY_POLICY_TEMPLATE = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "Statement1",
            "Effect": "Allow",
            "Action": [],
            "Resource": []
        }
    ]
}`;

export function validateNewPolicyName(name: string): string | undefined {
  if (name.length === 0) return 'Enter a policy name.';
  if (name.length > POLICY_NAME_MAX) return `The policy name has ${name.length} characters; it can have at most ${POLICY_NAME_MAX}.`;
  const bad = [...name].find((char) => !IAM_PATTERNS.name.regex.test(char));
  if (bad !== undefined) return `The policy name can't contain ${bad === ' ' ? 'a space' : `'${bad}'`}. Use alphanumeric and '+=,.@-_' characters.`;
  return undefined;
}

export function validateNewPolicyDescription(description: string): string | undefined {
  if (description.length > POLICY_DESCRIPTION_MAX) {
    return `The description has ${description.length} characters; it can have at most ${POLICY_DESCRIPTION_MAX}.`;
  }
  const bad = [...description].find((char) => !IAM_PATTERNS.roleDescription.regex.test(char));
  if (bad !== undefined) return `The description can't contain '${bad}'. Use letters, digits, punctuation and Latin-1 characters.`;
  return undefined;
}

