/**
 * "Export as code": the role and what belongs to it as CloudFormation (YAML), Terraform (HCL) or AWS CDK
 * (TypeScript), with Copy and Download. The text comes from the pure writers in src/iac/.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Modal from '@cloudscape-design/components/modal';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { roleExportQueries } from '../aws/role-export-query.ts';
import { cdkTypeScript } from '../iac/cdk.ts';
import { cloudFormationYaml } from '../iac/cloudformation.ts';
import { exportFileName, type ExportFormat, type RoleExport } from '../iac/role-export.ts';
import { terraformHcl } from '../iac/terraform.ts';
import { AwsErrorAlert } from './AwsErrorAlert.tsx';
import './cli-equivalent.css';

const FORMATS: ReadonlyArray<{ id: ExportFormat; text: string; write: (input: RoleExport) => string; mediaType: string }> = [
  { id: 'cloudformation', text: 'CloudFormation', write: cloudFormationYaml, mediaType: 'application/yaml' },
  { id: 'terraform', text: 'Terraform', write: terraformHcl, mediaType: 'text/plain' },
  { id: 'cdk', text: 'AWS CDK', write: cdkTypeScript, mediaType: 'text/typescript' },
];

function download(fileName: string, text: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mediaType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** The three exports of one role, one at a time. */
export function ExportAsCode({ input }: { input: RoleExport }) {
  const [formatId, setFormatId] = useState<ExportFormat>('cloudformation');
  const format = FORMATS.find((candidate) => candidate.id === formatId) ?? FORMATS[0]!;
  const text = format.write(input);
  const fileName = exportFileName(input, format.id);
  return (
    <SpaceBetween size="s">
      <SpaceBetween direction="horizontal" size="xs" alignItems="center">
        <SegmentedControl
          label="Format"
          selectedId={format.id}
          options={FORMATS.map(({ id, text: label }) => ({ id, text: label }))}
          onChange={({ detail }) => setFormatId(detail.selectedId as ExportFormat)}
        />
        <CopyToClipboard variant="button" textToCopy={text} copyButtonText="Copy" copySuccessText={`${format.text} copied`} copyErrorText="Could not copy" />
        <Button iconName="download" onClick={() => download(fileName, text, format.mediaType)}>
          Download {fileName}
        </Button>
      </SpaceBetween>
      <pre className="cli-equivalent__commands export-as-code" aria-label={`${format.text} code`} tabIndex={0}>
        {text}
      </pre>
    </SpaceBetween>
  );
}

export interface RoleToExport {
  roleName: string;
  /** The instance profile to export, when it is not the role's own (the instance dialog's choice). */
  profileName?: string;
  /** The instance whose profile association the export sets. */
  instanceId?: string;
}

/** Reads the role from IAM, then shows its exports. */
function ExportRole({ roleName, profileName, instanceId }: RoleToExport) {
  const exported = useQuery(roleExportQueries.ofRole(roleName, profileName));
  if (exported.isPending) return <StatusIndicator type="loading">Reading role {roleName}</StatusIndicator>;
  if (exported.isError) return <AwsErrorAlert error={exported.error} context={{ action: 'iam:GetRole' }} onRetry={() => void exported.refetch()} />;
  return <ExportAsCode input={instanceId ? { ...exported.data, instance: { InstanceId: instanceId } } : exported.data} />;
}

/** A collapsed "Export as code" section; a role is read from IAM only once it is opened. */
export function ExportAsCodeSection(props: { input: RoleExport } | RoleToExport) {
  const [expanded, setExpanded] = useState(false);
  return (
    <ExpandableSection headerText="Export as code" variant="footer" expanded={expanded} onChange={({ detail }) => setExpanded(detail.expanded)}>
      {!expanded ? null : 'input' in props ? <ExportAsCode input={props.input} /> : <ExportRole {...props} />}
    </ExpandableSection>
  );
}

/** The role page's "Export as code" dialog. */
export function ExportRoleModal({ roleName, onDismiss }: { roleName: string; onDismiss: () => void }) {
  return (
    <Modal
      visible
      size="large"
      header={`Export ${roleName} as code`}
      closeAriaLabel="Close dialog"
      onDismiss={onDismiss}
      footer={
        <Box float="right">
          <Button onClick={onDismiss}>Close</Button>
        </Box>
      }
    >
      <ExportRole roleName={roleName} />
    </Modal>
  );
}
