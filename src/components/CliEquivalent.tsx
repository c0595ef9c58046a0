import Box from '@cloudscape-design/components/box';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import './cli-equivalent.css';

export interface CliEquivalentProps {
  /** One AWS CLI v2 command per line, in the order the console sends the calls. */
  commands: readonly string[];
  /** Shown instead of the commands when there is nothing to run. */
  emptyText?: string;
  /** Start expanded (default); collapsed keeps long dialogs short. */
  defaultExpanded?: boolean;
}

/** "AWS CLI equivalent": the commands that do what the button next to it will do, with a copy button. */
export function CliEquivalent({ commands, emptyText = 'Nothing to change.', defaultExpanded = true }: CliEquivalentProps) {
  const text = commands.join('\n');
  return (
    <ExpandableSection headerText="AWS CLI equivalent" variant="footer" defaultExpanded={defaultExpanded}>
      {commands.length === 0 ? (
        <Box color="text-body-secondary">{emptyText}</Box>
      ) : (
        <div className="cli-equivalent" role="group" aria-label="AWS CLI commands">
          <pre className="cli-equivalent__commands">{text}</pre>
          <CopyToClipboard
            variant="icon"
            textToCopy={text}
            copyButtonAriaLabel="Copy AWS CLI command"
            copySuccessText="Command copied"
            copyErrorText="Command failed to copy"
          />
        </div>
      )}
    </ExpandableSection>
  );
}
