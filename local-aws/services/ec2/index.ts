import type { QueryInput } from '../../protocols/query-input.ts';
import type { OperationDefinition, QueryService, RequestContext } from '../../protocols/operation.ts';
import type { IamModel } from '../iam/model.ts';
import { EC2_XMLNS } from '../../protocols/ec2-query.ts';
import * as errors from './errors.ts';
import type { FilterInput } from './filters.ts';
import type { Ec2Model, Gate, ProfileSpec } from './model.ts';
import type { Ec2Tag } from './records.ts';
import { EC2_REGIONS, regionInfo } from './regions.ts';
import { associationItem, describedReservationItem, regionItem, reservationItem, stateChangeItem } from './views.ts';
import { compileFilters } from './filters.ts';

/** EC2 handlers: decode the ec2Query parameters, let the model apply AWS's rules, shape the output. */

function integer(input: QueryInput, name: string, elementName: string): number | undefined {
  const raw = input.string(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value)) {
    throw errors.invalidParameterValue(`Invalid value '${raw}' for ${elementName}`);
  }
  return value;
}

function isDryRun(input: QueryInput): boolean {
  const raw = input.string('DryRun');
  if (raw === undefined) return false;
  const lower = raw.toLowerCase();
  // Refused before any effect: a request that says DryRun=maybe must not run for real.
  if (lower !== 'true' && lower !== 'false') throw errors.invalidParameterValue(`Invalid value '${raw}' for dryRun`);
  return lower === 'true';
}

function filters(input: QueryInput): FilterInput[] {
  return input.structList('Filter').map((filter) => ({ name: filter.string('Name') ?? '', values: filter.list('Value') }));
}

function profileSpec(input: QueryInput): ProfileSpec | undefined {
  const struct = input.struct('IamInstanceProfile');
  if (!struct) return undefined;
  return { name: struct.string('Name'), arn: struct.string('Arn') };
}

function tags(list: QueryInput[]): Ec2Tag[] {
  return list.map((tag) => ({ key: tag.string('Key') ?? '', value: tag.string('Value') ?? '' }));
}

/** A gate that authorizes every check, then stops a dry run just before the effect. */
function gateFor(ctx: RequestContext, dryRun: boolean): Gate {
  return (checks) => {
    for (const check of checks) ctx.authorize(check.action, check.resource, check.conditions);
    if (dryRun) throw errors.dryRunOperation();
  };
}

/** Describe calls have no resource-level permissions: authorize on "*" before reading anything. */
function readGate(ctx: RequestContext, input: QueryInput, action: string): void {
  gateFor(ctx, isDryRun(input))([{ action, resource: '*' }]);
}

export function createEc2Service(deps: { ec2: Ec2Model; iam: IamModel }): QueryService {
  const { ec2 } = deps;
  const operations: Record<string, OperationDefinition<QueryInput>> = {
    DescribeInstances: {
      handle(input, ctx) {
        ec2.region(ctx.region);
        readGate(ctx, input, 'ec2:DescribeInstances');
        const page = ec2.describeInstances(
          ctx.region,
          {
            instanceIds: input.list('InstanceId'),
            filters: filters(input),
            maxResults: integer(input, 'MaxResults', 'maxResults'),
            nextToken: input.string('NextToken'),
          },
          ctx.now,
        );
        return { reservationSet: page.items.map(describedReservationItem), nextToken: page.nextToken };
      },
    },

    RunInstances: {
      handle(input, ctx) {
        const tagSpecifications = input.structList('TagSpecification');
        const instanceTags = tagSpecifications
          .filter((spec) => (spec.string('ResourceType') ?? 'instance') === 'instance')
          .flatMap((spec) => tags(spec.structList('Tag')));
        const reservation = ec2.runInstances(
          ctx.region,
          {
            imageId: input.string('ImageId'),
            instanceType: input.string('InstanceType'),
            minCount: integer(input, 'MinCount', 'minCount'),
            maxCount: integer(input, 'MaxCount', 'maxCount'),
            subnetId: input.string('SubnetId'),
            availabilityZone: input.string('Placement.AvailabilityZone'),
            keyName: input.string('KeyName'),
            clientToken: input.string('ClientToken'),
            tags: instanceTags,
            iamInstanceProfile: profileSpec(input),
          },
          ctx.now,
          gateFor(ctx, isDryRun(input)),
        );
        return reservationItem(reservation);
      },
    },

    StartInstances: {
      handle(input, ctx) {
        const changes = ec2.startInstances(ctx.region, input.list('InstanceId'), ctx.now, gateFor(ctx, isDryRun(input)));
        return { instancesSet: changes.map(stateChangeItem) };
      },
    },

    StopInstances: {
      handle(input, ctx) {
        const changes = ec2.stopInstances(ctx.region, input.list('InstanceId'), ctx.now, gateFor(ctx, isDryRun(input)));
        return { instancesSet: changes.map(stateChangeItem) };
      },
    },

    TerminateInstances: {
      handle(input, ctx) {
        const changes = ec2.terminateInstances(ctx.region, input.list('InstanceId'), ctx.now, gateFor(ctx, isDryRun(input)));
        return { instancesSet: changes.map(stateChangeItem) };
      },
    },

    CreateTags: {
      handle(input, ctx) {
        ec2.createTags(ctx.region, input.list('ResourceId'), tags(input.structList('Tag')), ctx.now, gateFor(ctx, isDryRun(input)));
        return { return: true };
      },
    },

    DeleteTags: {
      handle(input, ctx) {
        const toDelete = input.structList('Tag').map((tag) => ({ key: tag.string('Key') ?? '', value: tag.string('Value') }));
        ec2.deleteTags(ctx.region, input.list('ResourceId'), toDelete, ctx.now, gateFor(ctx, isDryRun(input)));
        return { return: true };
      },
    },

    DescribeRegions: {
      handle(input, ctx) {
        ec2.region(ctx.region);
        readGate(ctx, input, 'ec2:DescribeRegions');
        const names = input.list('RegionName');
        for (const name of names) if (!regionInfo(name)) throw errors.invalidRegion(name);
        const matches = compileFilters<string>(filters(input), (name) => {
          if (name === 'region-name') return (region) => [region];
          if (name === 'endpoint') return (region) => [regionInfo(region)!.endpoint];
          if (name === 'opt-in-status') return () => ['opt-in-not-required'];
          return undefined;
        });
        const regions = (names.length > 0 ? names : [...EC2_REGIONS.keys()]).filter(matches);
        return { regionInfo: regions.map(regionItem) };
      },
    },

    DescribeAvailabilityZones: {
      handle(input, ctx) {
        const info = ec2.region(ctx.region);
        readGate(ctx, input, 'ec2:DescribeAvailabilityZones');
        const names = input.list('ZoneName');
        const ids = input.list('ZoneId');
        for (const name of names) if (!info.zones.some((z) => z.zoneName === name)) throw errors.invalidAvailabilityZone(name);
        for (const id of ids) if (!info.zones.some((z) => z.zoneId === id)) throw errors.invalidAvailabilityZone(id);
        type Zone = (typeof info.zones)[number];
        const matches = compileFilters<Zone>(filters(input), (name) => {
          if (name === 'zone-name') return (z) => [z.zoneName];
          if (name === 'zone-id') return (z) => [z.zoneId];
          if (name === 'region-name') return (z) => [z.regionName];
          if (name === 'state') return () => ['available'];
          if (name === 'zone-type') return () => ['availability-zone'];
          if (name === 'group-name' || name === 'network-border-group') return (z) => [z.regionName];
          if (name === 'opt-in-status') return () => ['opt-in-not-required'];
          return undefined;
        });
        const zones = info.zones.filter(
          (z) => (names.length === 0 || names.includes(z.zoneName)) && (ids.length === 0 || ids.includes(z.zoneId)) && matches(z),
        );
        return {
          availabilityZoneInfo: zones.map((z) => ({
            zoneState: 'available',
            optInStatus: 'opt-in-not-required',
            messageSet: [],
            regionName: z.regionName,
            zoneName: z.zoneName,
            zoneId: z.zoneId,
            groupName: z.regionName,
            networkBorderGroup: z.regionName,
            zoneType: 'availability-zone',
          })),
        };
      },
    },

    AssociateIamInstanceProfile: {
      handle(input, ctx) {
        const association = ec2.associateIamInstanceProfile(
          ctx.region,
          { instanceId: input.string('InstanceId'), profile: profileSpec(input) },
          ctx.now,
          gateFor(ctx, isDryRun(input)),
        );
        return { iamInstanceProfileAssociation: associationItem(association) };
      },
    },

    ReplaceIamInstanceProfileAssociation: {
      handle(input, ctx) {
        const association = ec2.replaceIamInstanceProfileAssociation(
          ctx.region,
          { associationId: input.string('AssociationId'), profile: profileSpec(input) },
          ctx.now,
          gateFor(ctx, isDryRun(input)),
        );
        return { iamInstanceProfileAssociation: associationItem(association) };
      },
    },

    DisassociateIamInstanceProfile: {
      handle(input, ctx) {
        const association = ec2.disassociateIamInstanceProfile(
          ctx.region,
          { associationId: input.string('AssociationId') },
          ctx.now,
          gateFor(ctx, isDryRun(input)),
        );
        return { iamInstanceProfileAssociation: associationItem(association) };
      },
    },

    DescribeIamInstanceProfileAssociations: {
      handle(input, ctx) {
        ec2.region(ctx.region);
        readGate(ctx, input, 'ec2:DescribeIamInstanceProfileAssociations');
        const page = ec2.describeIamInstanceProfileAssociations(
          ctx.region,
          {
            associationIds: input.list('AssociationId'),
            filters: filters(input),
            maxResults: integer(input, 'MaxResults', 'maxResults'),
            nextToken: input.string('NextToken'),
          },
          ctx.now,
        );
        return { iamInstanceProfileAssociationSet: page.items.map(associationItem), nextToken: page.nextToken };
      },
    },
  };

  return {
    name: 'ec2',
    protocol: 'ec2Query',
    version: '2016-11-15',
    xmlNamespace: EC2_XMLNS,
    accessDenied: errors.unauthorizedOperation,
    operations,
  };
}

