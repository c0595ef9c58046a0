import Box from '@cloudscape-design/components/box';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import SpaceBetween from '@cloudscape-design/components/space-between';

/** The AWS CLI commands that do what Apply will do, with a copy button. */
export function CliEquivalent({ commands, emptyText }: { commands: string[]; emptyText: string }) {
  const text = commands.join('\n');
  return (
    <SpaceBetween size="xs">
      <Box variant="awsui-key-label">AWS CLI equivalent</Box>
      {commands.length === 0 ? (
        <Box color="text-body-secondary">{emptyText}</Box>
      ) : (
        <div className="instances-cli" role="group" aria-label="AWS CLI equivalent">
          <Box variant="code">
            <pre className="instances-cli__commands">{text}</pre>
          </Box>
          <CopyToClipboard
            variant="icon"
            textToCopy={text}
            copyButtonAriaLabel="Copy AWS CLI command"
            copySuccessText="Command copied"
            copyErrorText="Command failed to copy"
          />
        </div>
      )}
    </SpaceBetween>
  );
}
