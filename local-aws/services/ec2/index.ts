import type {
  AssociateIamInstanceProfileRequest,
  CreateTagsRequest,
  DeleteTagsRequest,
  DescribeAvailabilityZonesRequest,
  DescribeIamInstanceProfileAssociationsRequest,
  DescribeInstancesRequest,
  DescribeRegionsRequest,
  DisassociateIamInstanceProfileRequest,
  Filter,
  IamInstanceProfileSpecification,
  ReplaceIamInstanceProfileAssociationRequest,
  RunInstancesRequest,
  StartInstancesRequest,
  StopInstancesRequest,
  Tag,
  TerminateInstancesRequest,
} from '@aws-sdk/client-ec2';
import * as ec2Schemas from '@aws-sdk/client-ec2';
import type { Decoded } from '../../protocols/model/decoded.ts';
import { ServiceModel } from '../../protocols/model/shapes.ts';
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

/** EC2 handlers over inputs decoded by AWS's model: the model applies AWS's rules, the views shape the output. */

function filters(input: { Filters?: Decoded<Filter>[] }): FilterInput[] {
  return (input.Filters ?? []).map((filter) => ({ name: filter.Name ?? '', values: filter.Values ?? [] }));
}

function profileSpec(profile: Decoded<IamInstanceProfileSpecification> | undefined): ProfileSpec | undefined {
  return profile && { name: profile.Name, arn: profile.Arn };
}

function tags(list: Decoded<Tag>[] | undefined): Ec2Tag[] {
  return (list ?? []).map((tag) => ({ key: tag.Key ?? '', value: tag.Value ?? '' }));
}

/** A gate that authorizes every check, then stops a dry run just before the effect. */
function gateFor(ctx: RequestContext, dryRun: boolean): Gate {
  return (checks) => {
    for (const check of checks) ctx.authorize(check.action, check.resource, check.conditions);
    if (dryRun) throw errors.dryRunOperation();
  };
}

/** Describe calls have no resource-level permissions: authorize on "*" before reading anything. */
function readGate(ctx: RequestContext, action: string, dryRun = false): void {
  gateFor(ctx, dryRun)([{ action, resource: '*' }]);
}

export function createEc2Service(deps: { ec2: Ec2Model; iam: IamModel }): QueryService {
  const { ec2 } = deps;
  const operations: Record<string, OperationDefinition> = {
    DescribeInstances: {
      handle(input: Decoded<DescribeInstancesRequest>, ctx) {
        ec2.region(ctx.region);
        readGate(ctx, 'ec2:DescribeInstances', input.DryRun);
        const page = ec2.describeInstances(
          ctx.region,
          {
            instanceIds: input.InstanceIds ?? [],
            filters: filters(input),
            maxResults: input.MaxResults,
            nextToken: input.NextToken,
          },
          ctx.now,
        );
        return { reservationSet: page.items.map(describedReservationItem), nextToken: page.nextToken };
      },
    },

    RunInstances: {
      handle(input: Decoded<RunInstancesRequest>, ctx) {
        const instanceTags = (input.TagSpecifications ?? [])
          .filter((spec) => (spec.ResourceType ?? 'instance') === 'instance')
          .flatMap((spec) => tags(spec.Tags));
        const reservation = ec2.runInstances(
          ctx.region,
          {
            imageId: input.ImageId,
            instanceType: input.InstanceType,
            minCount: input.MinCount,
            maxCount: input.MaxCount,
            subnetId: input.SubnetId,
            availabilityZone: input.Placement?.AvailabilityZone,
            keyName: input.KeyName,
            clientToken: input.ClientToken,
            tags: instanceTags,
            iamInstanceProfile: profileSpec(input.IamInstanceProfile),
          },
          ctx.now,
          gateFor(ctx, input.DryRun ?? false),
        );
        return reservationItem(reservation);
      },
    },

    StartInstances: {
      handle(input: Decoded<StartInstancesRequest>, ctx) {
        const changes = ec2.startInstances(ctx.region, input.InstanceIds, ctx.now, gateFor(ctx, input.DryRun ?? false));
        return { instancesSet: changes.map(stateChangeItem) };
      },
    },

    StopInstances: {
      handle(input: Decoded<StopInstancesRequest>, ctx) {
        const changes = ec2.stopInstances(ctx.region, input.InstanceIds, ctx.now, gateFor(ctx, input.DryRun ?? false));
        return { instancesSet: changes.map(stateChangeItem) };
      },
    },

    TerminateInstances: {
      handle(input: Decoded<TerminateInstancesRequest>, ctx) {
        const changes = ec2.terminateInstances(ctx.region, input.InstanceIds, ctx.now, gateFor(ctx, input.DryRun ?? false));
        return { instancesSet: changes.map(stateChangeItem) };
      },
    },

    CreateTags: {
      handle(input: Decoded<CreateTagsRequest>, ctx) {
        ec2.createTags(ctx.region, input.Resources, tags(input.Tags), ctx.now, gateFor(ctx, input.DryRun ?? false));
        return { return: true };
      },
    },

    DeleteTags: {
      handle(input: Decoded<DeleteTagsRequest>, ctx) {
        const toDelete = (input.Tags ?? []).map((tag) => ({ key: tag.Key ?? '', value: tag.Value }));
        ec2.deleteTags(ctx.region, input.Resources, toDelete, ctx.now, gateFor(ctx, input.DryRun ?? false));
        return { return: true };
      },
    },

    DescribeRegions: {
      handle(input: Decoded<DescribeRegionsRequest>, ctx) {
        ec2.region(ctx.region);
        readGate(ctx, 'ec2:DescribeRegions', input.DryRun);
        const names = input.RegionNames ?? [];
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
      handle(input: Decoded<DescribeAvailabilityZonesRequest>, ctx) {
        const info = ec2.region(ctx.region);
        readGate(ctx, 'ec2:DescribeAvailabilityZones', input.DryRun);
        const names = input.ZoneNames ?? [];
        const ids = input.ZoneIds ?? [];
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
      handle(input: Decoded<AssociateIamInstanceProfileRequest>, ctx) {
        const association = ec2.associateIamInstanceProfile(
          ctx.region,
          { instanceId: input.InstanceId, profile: profileSpec(input.IamInstanceProfile) },
          ctx.now,
          gateFor(ctx, false),
        );
        return { iamInstanceProfileAssociation: associationItem(association) };
      },
    },

    ReplaceIamInstanceProfileAssociation: {
      handle(input: Decoded<ReplaceIamInstanceProfileAssociationRequest>, ctx) {
        const association = ec2.replaceIamInstanceProfileAssociation(
          ctx.region,
          { associationId: input.AssociationId, profile: profileSpec(input.IamInstanceProfile) },
          ctx.now,
          gateFor(ctx, false),
        );
        return { iamInstanceProfileAssociation: associationItem(association) };
      },
    },

    DisassociateIamInstanceProfile: {
      handle(input: Decoded<DisassociateIamInstanceProfileRequest>, ctx) {
        const association = ec2.disassociateIamInstanceProfile(
          ctx.region,
          { associationId: input.AssociationId },
          ctx.now,
          gateFor(ctx, false),
        );
        return { iamInstanceProfileAssociation: associationItem(association) };
      },
    },

    DescribeIamInstanceProfileAssociations: {
      handle(input: Decoded<DescribeIamInstanceProfileAssociationsRequest>, ctx) {
        ec2.region(ctx.region);
        readGate(ctx, 'ec2:DescribeIamInstanceProfileAssociations');
        const page = ec2.describeIamInstanceProfileAssociations(
          ctx.region,
          {
            associationIds: input.AssociationIds ?? [],
            filters: filters(input),
            maxResults: input.MaxResults,
            nextToken: input.NextToken,
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
    model: new ServiceModel('ec2Query', ec2Schemas, Object.keys(operations)),
    operations,
  };
}

