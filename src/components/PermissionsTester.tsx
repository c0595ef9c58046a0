/**
 * "Test permissions": pick actions (from the bundled action catalogue, by service), resources and context keys,
 * run IAM's policy simulator through `simulate`, and read each action × resource's decision. Selecting a row
 * shows the policy whose statement decided it, that statement highlighted. Nothing here changes AWS state.
 */
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Multiselect, { type MultiselectProps } from '@cloudscape-design/components/multiselect';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import Textarea from '@cloudscape-design/components/textarea';
import type { MatchedStatement, SimulationContextEntry, SimulationRequest, SimulationRow } from '../aws/simulate.ts';
import { actionsOf } from '../iam-policies/checks/catalog/iam-catalog.ts';
import { SERVICE_PREFIXES } from '../iam-policies/checks/catalog/iam-catalog.generated.ts';
import { PolicyJsonViewer } from '../iam-policies/components/PolicyJsonViewer.tsx';
import { statementSpan } from '../iam-policies/statement-span.ts';
import { AwsErrorAlert } from './AwsErrorAlert.tsx';
import { arnFormatOf, decisionStatus } from './simulation-decision.ts';

const S3_READ_WRITE_PRESET = {
  actions: ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:DeleteBucket'],
  resources: ['arn:aws:s3:::example-bucket', 'arn:aws:s3:::example-bucket/key'],
};

const CONTEXT_TYPES: SimulationContextEntry['type'][] = [
  'string',
  'stringList',
  'numeric',
  'numericList',
  'boolean',
  'booleanList',
  'date',
  'dateList',
  'ip',
  'ipList',
  'binary',
  'binaryList',
];
const SERVICE_OPTIONS: SelectProps.Option[] = SERVICE_PREFIXES.map((prefix) => ({ value: prefix, label: prefix }));

interface ContextRow {
  key: string;
  type: SimulationContextEntry['type'];
  value: string;
}

export interface PermissionsTesterProps {
  /** Runs the simulation (SimulatePrincipalPolicy for a role, SimulateCustomPolicy for a draft). */
  simulate: (request: SimulationRequest) => Promise<SimulationRow[]>;
  /** Query key prefix under which matched policies' texts are cached. */
  policyTextKey: readonly unknown[];
  /** The text of the policy a matched statement comes from, exactly as IAM evaluated it. */
  policyText: (statement: MatchedStatement, signal: AbortSignal) => Promise<string>;
  /** The name to show for a matched statement's policy id (SimulateCustomPolicy names policies by position). */
  policyName?: (policyId: string) => string;
  /** What the simulator's call is, for error messages (iam:SimulatePrincipalPolicy or iam:SimulateCustomPolicy). */
  action: string;
  headerText: string;
  description: string;
}

function toRequest(actions: readonly string[], resourcesText: string, context: ContextRow[]): SimulationRequest {
  const resources = resourcesText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return {
    actions: [...actions],
    resources: resources.length > 0 ? resources : ['*'],
    context: context
      .filter((row) => row.key.trim() !== '')
      .map((row) => ({
        key: row.key.trim(),
        type: row.type,
        values: row.type.endsWith('List') ? row.value.split(',').map((value) => value.trim()) : [row.value],
      })),
  };
}

export function PermissionsTester({
  simulate,
  policyTextKey,
  policyText,
  policyName = (policyId) => policyId,
  action,
  headerText,
  description,
}: PermissionsTesterProps) {
  const [service, setService] = useState('s3');
  const [actions, setActions] = useState<readonly string[]>([]);
  const [resourcesText, setResourcesText] = useState('*');
  const [context, setContext] = useState<ContextRow[]>([]);
  const [selected, setSelected] = useState<SimulationRow | undefined>();
  const run = useMutation({ mutationFn: simulate, onMutate: () => setSelected(undefined) });

  const actionOptions = useMemo<MultiselectProps.Option[]>(
    () =>
      (actionsOf(service)?.names ?? []).map((name) => ({ value: `${service}:${name}`, label: `${service}:${name}` })),
    [service],
  );

  const applyPreset = () => {
    setService('s3');
    setActions(S3_READ_WRITE_PRESET.actions);
    setResourcesText(S3_READ_WRITE_PRESET.resources.join('\n'));
  };

  return (
    <Container
      header={
        <Header variant="h2" description={description}>
          {headerText}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <SpaceBetween direction="horizontal" size="xs">
          <Button onClick={applyPreset}>S3 read/write on one bucket</Button>
        </SpaceBetween>
        <FormField label="Service" description="Filters the actions you can pick.">
          <Select
            selectedOption={{ value: service, label: service }}
            options={SERVICE_OPTIONS}
            filteringType="auto"
            onChange={({ detail }) => setService(detail.selectedOption.value ?? '')}
          />
        </FormField>
        <FormField label="Actions" description="Search the service's actions; choices from other services are kept.">
          <Multiselect
            selectedOptions={actions.map((value) => ({ value, label: value }))}
            options={actionOptions}
            filteringType="auto"
            placeholder="Choose actions"
            tokenLimit={8}
            onChange={({ detail }) => {
              const fromOtherServices = actions.filter((value) => !value.startsWith(`${service}:`));
              setActions([
                ...fromOtherServices,
                ...detail.selectedOptions.flatMap((option) => (option.value ? [option.value] : [])),
              ]);
            }}
          />
        </FormField>
        <FormField
          label="Resources"
          description={`One ARN per line, wildcards allowed; * for any. Format: ${arnFormatOf(service)}`}
        >
          <Textarea value={resourcesText} rows={3} onChange={({ detail }) => setResourcesText(detail.value)} />
        </FormField>
        <FormField
          label="Context keys"
          description="Optional condition keys and values (list types: values separated by commas)."
        >
          <AttributeEditor
            items={context}
            addButtonText="Add context key"
            removeButtonText="Remove"
            empty="No context keys."
            onAddButtonClick={() => setContext([...context, { key: '', type: 'string', value: '' }])}
            onRemoveButtonClick={({ detail }) => setContext(context.filter((_, index) => index !== detail.itemIndex))}
            definition={[
              {
                label: 'Key',
                control: (item, index) => (
                  <Input
                    value={item.key}
                    placeholder="aws:SourceIp"
                    onChange={({ detail }) =>
                      setContext(context.map((row, i) => (i === index ? { ...row, key: detail.value } : row)))
                    }
                  />
                ),
              },
              {
                label: 'Type',
                control: (item, index) => (
                  <Select
                    selectedOption={{ value: item.type, label: item.type }}
                    options={CONTEXT_TYPES.map((type) => ({ value: type, label: type }))}
                    onChange={({ detail }) =>
                      setContext(
                        context.map((row, i) =>
                          i === index
                            ? { ...row, type: detail.selectedOption.value as SimulationContextEntry['type'] }
                            : row,
                        ),
                      )
                    }
                  />
                ),
              },
              {
                label: 'Value',
                control: (item, index) => (
                  <Input
                    value={item.value}
                    onChange={({ detail }) =>
                      setContext(context.map((row, i) => (i === index ? { ...row, value: detail.value } : row)))
                    }
                  />
                ),
              },
            ]}
          />
        </FormField>
        <Button
          variant="primary"
          disabled={actions.length === 0}
          loading={run.isPending}
          onClick={() => run.mutate(toRequest(actions, resourcesText, context))}
        >
          Run test
        </Button>
        {run.isError ? <AwsErrorAlert error={run.error} context={{ action }} /> : null}
        {run.data ? (
          <Table
            variant="embedded"
            header={<Header variant="h3">Results</Header>}
            items={run.data}
            trackBy={(row) => `${row.action} ${row.resource}`}
            selectionType="single"
            selectedItems={selected ? [selected] : []}
            onSelectionChange={({ detail }) => setSelected(detail.selectedItems[0])}
            ariaLabels={{
              selectionGroupLabel: 'Results',
              itemSelectionLabel: (_, row) => `${row.action} on ${row.resource}`,
              tableLabel: 'Simulation results',
            }}
            columnDefinitions={[
              { id: 'action', header: 'Action', cell: (row) => row.action },
              { id: 'resource', header: 'Resource', cell: (row) => row.resource },
              {
                id: 'decision',
                header: 'Decision',
                cell: (row) => {
                  const status = decisionStatus(row.decision);
                  return <StatusIndicator type={status.type}>{status.label}</StatusIndicator>;
                },
              },
              {
                id: 'policy',
                header: 'Matched policy',
                cell: (row) => row.matchedStatements.map((statement) => policyName(statement.policyId)).join(', ') || '-',
              },
              {
                id: 'missing',
                header: 'Missing context keys',
                cell: (row) => row.missingContextKeys.join(', ') || '-',
              },
            ]}
          />
        ) : null}
        {selected ? (
          <MatchedStatementView row={selected} policyTextKey={policyTextKey} policyText={policyText} policyName={policyName} />
        ) : null}
      </SpaceBetween>
    </Container>
  );
}

function MatchedStatementView({
  row,
  policyTextKey,
  policyText,
  policyName,
}: {
  row: SimulationRow;
  policyTextKey: readonly unknown[];
  policyText: PermissionsTesterProps['policyText'];
  policyName: (policyId: string) => string;
}) {
  const statement = row.matchedStatements[0];
  const text = useQuery({
    queryKey: [...policyTextKey, statement?.policyType, statement?.policyId],
    queryFn: ({ signal }) => (statement ? policyText(statement, signal) : Promise.resolve('')),
    enabled: statement !== undefined,
  });
  const title = `${row.action} on ${row.resource}`;
  if (!statement) {
    return <Box variant="p">No statement matched {title}: nothing allows it, so it is denied implicitly.</Box>;
  }
  const name = policyName(statement.policyId);
  if (text.isPending) return <StatusIndicator type="loading">Loading {name}</StatusIndicator>;
  if (text.isError) return <AwsErrorAlert error={text.error} context={{}} onRetry={() => void text.refetch()} />;
  const span = statementSpan(text.data, statement.start, statement.end);
  return (
    <SpaceBetween size="xs">
      <Box variant="h4">
        Statement in {name} that decided {title}
      </Box>
      <PolicyJsonViewer
        json={text.data}
        label={`Policy ${name}`}
        {...(span
          ? {
              highlight: {
                ...span,
                label: `Matched statement, lines ${statement.start.line} to ${statement.end.line}`,
              },
            }
          : {})}
      />
    </SpaceBetween>
  );
}
