/**
 * The review step's "CLI equivalent": the plan as a shell script, with the policy documents written to files
 * first (as the IAM guide does with ec2-role-trust-policy.json) so the commands stay readable.
 */
import { awsCli } from '../../../aws/cli.ts';
import type { Step } from './model/create-plan.ts';

export const TRUST_POLICY_FILE = 'trust-policy.json';

function heredoc(fileName: string, json: string): string {
  return `cat > ${fileName} <<'EOF'\n${json}\nEOF`;
}

function inlinePolicyFile(policyName: string): string {
  return `${policyName}-policy.json`;
}

/** One shell command per step (the file it reads is written just before it). */
export function cliScriptLines(steps: readonly Step[]): { step: Step; script: string }[] {
  return steps.map((step) => {
    if (step.command === 'CreateRole') {
      const command = awsCli('iam', 'CreateRole', { ...step.input, AssumeRolePolicyDocument: `file://${TRUST_POLICY_FILE}` });
      return { step, script: `${heredoc(TRUST_POLICY_FILE, step.input.AssumeRolePolicyDocument)}\n${command}` };
    }
    if (step.command === 'PutRolePolicy') {
      const file = inlinePolicyFile(step.input.PolicyName);
      const command = awsCli('iam', 'PutRolePolicy', { ...step.input, PolicyDocument: `file://${file}` });
      return { step, script: `${heredoc(file, step.input.PolicyDocument)}\n${command}` };
    }
    return { step, script: step.cli };
  });
}

export function cliScript(steps: readonly Step[]): string {
  return cliScriptLines(steps)
    .map((line) => line.script)
    .join('\n\n');
}
