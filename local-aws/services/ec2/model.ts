import { EC2_TAG_LIMITS } from '../../../aws-rules/ec2.ts';
import { characterCount } from '../../../aws-rules/characters.ts';
import { ACCOUNT_ID, type LocalAwsSettings } from '../../config.ts';
import { ec2Id } from '../../identity/ids.ts';
import type { ConditionContext } from '../../iam-policy/types.ts';
import type { Collection, Store } from '../../store/store.ts';
import type { IamModel } from '../iam/model.ts';
import * as errors from './errors.ts';
import { associationFields, instanceFields } from './filter-fields.ts';
import { compileFilters, type FilterInput } from './filters.ts';
import { profileSource, type Ec2InstanceProfile, type InstanceProfileSource } from './iam-profiles.ts';
import { DEFAULT_INSTANCE_TYPE, INSTANCE_TYPES } from './instance-types.ts';
import {
  DEFAULT_TIMINGS,
  associationStateAt,
  instanceStateAt,
  isInstanceGone,
  type AssociationStateName,
  type Ec2Timings,
  type InstanceStateName,
  type TimedState,
} from './lifecycle.ts';
import { OrderedIndex } from './ordered-index.ts';
import type {
  AssociationRecord,
  AssociationView,
  Ec2Tag,
  InstanceRecord,
  InstanceView,
  ReservationView,
  StateChange,
} from './records.ts';
import { regionInfo, zoneByName, zoneBySubnet, type RegionInfo, type ZoneInfo } from './regions.ts';
import { decodeToken, encodeToken } from './tokens.ts';

/** One authorization the caller must pass (ctx.authorize's arguments). */
export interface AuthCheck {
  action: string;
  resource: string;
  conditions?: ConditionContext;
}

/**
 * Called by the model once the request is understood and before anything changes: the handler
 * authorizes each check (throwing UnauthorizedOperation) and throws DryRunOperation for dry runs.
 */
export type Gate = (checks: readonly AuthCheck[]) => void;

export const openGate: Gate = () => undefined;

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface ProfileSpec {
  name?: string;
  arn?: string;
}

export interface RunInstancesInput {
  imageId?: string;
  instanceType?: string;
  minCount?: number;
  maxCount?: number;
  subnetId?: string;
  availabilityZone?: string;
  keyName?: string;
  clientToken?: string;
  tags?: Ec2Tag[];
  iamInstanceProfile?: ProfileSpec;
}

const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
const ASSOCIATION_ID = /^iip-assoc-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
const IMAGE_ID = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
/** The most instances one RunInstances call launches (AWS's classic default On-Demand instance limit). */
export const MAX_INSTANCES_PER_LAUNCH = 20;

export function instanceArn(region: string, instanceId: string): string {
  return `arn:aws:ec2:${region}:${ACCOUNT_ID}:instance/${instanceId}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** "2024-05-01 12:00:00 GMT", as in AWS's "User initiated (…)" reasons. */
function gmt(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' GMT');
}

function randomInt(maxExclusive: number): number {
  return Math.floor(Math.random() * maxExclusive);
}

function randomPublicIp(): string {
  const firstOctets = [3, 18, 34, 35, 44, 52, 54];
  return `${firstOctets[randomInt(firstOctets.length)]}.${randomInt(256)}.${randomInt(256)}.${1 + randomInt(254)}`;
}

function orderKey(record: InstanceRecord): string {
  return `${record.createdAt}|${record.instanceId}`;
}

function checkMaxResults(raw: number | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!Number.isInteger(raw) || raw < min || raw > max) throw errors.maxResultsOutOfRange(String(raw), min, max);
  return raw;
}

/**
 * Local EC2: instances, their tags and their instance-profile associations, per region,
 * with AWS's rules. Every public method takes the request's `now`; states advance lazily from it.
 */
export class Ec2Model {
  /** Delays of the timed transitions; tests may shorten them. */
  timings: Ec2Timings;
  private readonly profiles: InstanceProfileSource;
  private readonly instanceCollections = new Map<string, Collection<InstanceRecord>>();
  private readonly associationCollections = new Map<string, Collection<AssociationRecord>>();
  private readonly indexes = new Map<string, OrderedIndex<InstanceRecord>>();

  constructor(
    private readonly store: Store,
    iam: IamModel,
    private readonly settings: LocalAwsSettings,
    timings: Partial<Ec2Timings> = {},
  ) {
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
    this.profiles = profileSource(iam);
  }

  // ---- regions -------------------------------------------------------------------------------

  /** The region's catalog, or AuthFailure for a region local EC2 does not serve (like a disabled opt-in region). */
  region(name: string): RegionInfo {
    const info = regionInfo(name);
    if (!info) throw errors.authFailure();
    return info;
  }

  // ---- instances: reading --------------------------------------------------------------------

  describeInstances(
    region: string,
    input: { instanceIds?: string[]; filters?: FilterInput[]; maxResults?: number; nextToken?: string },
    now: Date,
  ): Page<ReservationView> {
    this.region(region);
    const instanceIds = input.instanceIds ?? [];
    if (instanceIds.length > 0 && input.maxResults !== undefined) throw errors.instancesSetWithMaxResults();
    const maxResults = checkMaxResults(input.maxResults, 5, 1000);
    const matches = compileFilters(input.filters ?? [], instanceFields);
    const nowMs = now.getTime();
    const profilesByInstance = this.currentAssociations(region, nowMs);

    if (instanceIds.length > 0) {
      const views = this.requireInstances(region, instanceIds, nowMs, profilesByInstance);
      return { items: groupByReservation(views.filter(matches)) };
    }

    const index = this.index(region);
    const start = input.nextToken === undefined ? 0 : index.positionAfter(decodeToken(input.nextToken));
    const limit = maxResults ?? Number.POSITIVE_INFINITY;
    const page: InstanceView[] = [];
    const collection = this.instances(region);
    const keys = index.keys();
    let position = start;
    for (; position < keys.length && page.length < limit; position++) {
      const record = collection.get(keys[position]!.id)!;
      const view = this.view(record, nowMs, profilesByInstance);
      if (view && matches(view)) page.push(view);
    }
    const more = page.length === limit && position < keys.length && this.anyMatchFrom(keys, position, region, nowMs, profilesByInstance, matches);
    return {
      items: groupByReservation(page),
      nextToken: more ? encodeToken(keys[position - 1]!.key) : undefined,
    };
  }

  /** An instance as it is now, or InvalidInstanceID.Malformed / .NotFound. */
  getInstance(region: string, instanceId: string, now: Date): InstanceView {
    this.region(region);
    return this.requireInstances(region, [instanceId], now.getTime(), this.currentAssociations(region, now.getTime()))[0]!;
  }

  // ---- instances: lifecycle ------------------------------------------------------------------

  runInstances(region: string, input: RunInstancesInput, now: Date, gate: Gate): ReservationView {
    const info = this.region(region);
    if (input.imageId === undefined) throw errors.missingParameter('ImageId');
    if (!IMAGE_ID.test(input.imageId)) throw errors.invalidAmiIdMalformed(input.imageId);
    if (input.minCount === undefined) throw errors.missingParameter('MinCount');
    if (input.maxCount === undefined) throw errors.missingParameter('MaxCount');
    if (!Number.isInteger(input.minCount) || input.minCount < 1) {
      throw errors.invalidCount(`Value (${input.minCount}) for parameter minCount is invalid. Expecting a value greater than 0.`);
    }
    if (!Number.isInteger(input.maxCount) || input.maxCount < input.minCount) {
      throw errors.invalidCount(`Value (${input.maxCount}) for parameter maxCount is invalid. Expecting a value greater than or equal to minCount.`);
    }
    if (input.minCount > MAX_INSTANCES_PER_LAUNCH) throw errors.instanceLimitExceeded(input.minCount, MAX_INSTANCES_PER_LAUNCH);
    // As AWS does, launch as many as the limit allows between MinCount and MaxCount (MaxCount=1e9 must not hang).
    const launchCount = Math.min(input.maxCount, MAX_INSTANCES_PER_LAUNCH);
    const instanceType = input.instanceType ?? DEFAULT_INSTANCE_TYPE;
    const typeInfo = INSTANCE_TYPES.get(instanceType);
    if (!typeInfo) throw errors.unknownInstanceType(instanceType);
    const zone = this.placementZone(info, input.subnetId, input.availabilityZone);
    const tags = validateNewTags([], input.tags ?? []);
    const profile = input.iamInstanceProfile ? this.resolveProfile(input.iamInstanceProfile, now) : undefined;

    const checks: AuthCheck[] = [{ action: 'ec2:RunInstances', resource: instanceArn(region, '*') }];
    if (profile) checks.push(passRoleCheck(profile));
    gate(checks);

    const nowMs = now.getTime();
    const reservationId = ec2Id('r');
    const clientToken = input.clientToken ?? crypto.randomUUID();
    const records: InstanceRecord[] = [];
    this.store.transaction(() => {
      this.purgeGone(region, nowMs);
      for (let launchIndex = 0; launchIndex < launchCount; launchIndex++) {
        const record = this.newInstanceRecord({
          region,
          zone,
          vpcId: info.vpcId,
          reservationId,
          imageId: input.imageId!,
          instanceType,
          typeInfo,
          keyName: input.keyName,
          clientToken,
          amiLaunchIndex: launchIndex,
          tags,
          nowMs,
        });
        this.putInstance(record);
        if (profile) this.putAssociation(this.newAssociation(region, record.instanceId, profile, 'associated', nowMs));
        records.push(record);
      }
    });
    const profiles = this.currentAssociations(region, nowMs);
    return { reservationId, ownerId: ACCOUNT_ID, instances: records.map((r) => this.view(r, nowMs, profiles)!) };
  }

  startInstances(region: string, instanceIds: string[], now: Date, gate: Gate): StateChange[] {
    return this.changeStates(region, instanceIds, now, gate, 'ec2:StartInstances', (current, id) => {
      if (current === 'stopped') return 'pending';
      if (current === 'pending' || current === 'running') return undefined;
      throw errors.cannotBeStarted(id);
    });
  }

  stopInstances(region: string, instanceIds: string[], now: Date, gate: Gate): StateChange[] {
    return this.changeStates(region, instanceIds, now, gate, 'ec2:StopInstances', (current, id) => {
      if (current === 'running') return 'stopping';
      if (current === 'stopping' || current === 'stopped') return undefined;
      throw errors.cannotBeStopped(id);
    });
  }

  terminateInstances(region: string, instanceIds: string[], now: Date, gate: Gate): StateChange[] {
    return this.changeStates(region, instanceIds, now, gate, 'ec2:TerminateInstances', (current) =>
      current === 'terminated' || current === 'shutting-down' ? undefined : 'shutting-down',
    );
  }

  // ---- tags ----------------------------------------------------------------------------------

  createTags(region: string, resourceIds: string[], tags: Ec2Tag[], now: Date, gate: Gate): void {
    this.region(region);
    if (resourceIds.length === 0) throw errors.missingParameter('ResourceId');
    if (tags.length === 0) throw errors.missingParameter('Tag');
    const records = this.taggableInstances(region, resourceIds, now);
    const updated = records.map((record) => ({ ...record, tags: validateNewTags(record.tags, tags) }));
    gate(records.map((r) => ({ action: 'ec2:CreateTags', resource: instanceArn(region, r.instanceId) })));
    this.store.transaction(() => updated.forEach((record) => this.putInstance(record)));
  }

  deleteTags(region: string, resourceIds: string[], tags: { key: string; value?: string }[], now: Date, gate: Gate): void {
    this.region(region);
    if (resourceIds.length === 0) throw errors.missingParameter('ResourceId');
    const records = this.taggableInstances(region, resourceIds, now);
    gate(records.map((r) => ({ action: 'ec2:DeleteTags', resource: instanceArn(region, r.instanceId) })));
    this.store.transaction(() => {
      for (const record of records) {
        // No Tag.N deletes every tag; a Tag.N with a Value deletes the tag only when the value matches.
        const kept = record.tags.filter(
          (tag) =>
            tags.length > 0 && !tags.some((d) => d.key === tag.key && (d.value === undefined || d.value === tag.value)),
        );
        if (kept.length !== record.tags.length) this.putInstance({ ...record, tags: kept });
      }
    });
  }

  // ---- instance-profile associations --------------------------------------------------------

  associateIamInstanceProfile(
    region: string,
    input: { instanceId?: string; profile?: ProfileSpec },
    now: Date,
    gate: Gate,
  ): AssociationView {
    this.region(region);
    if (input.profile === undefined) throw errors.missingParameter('IamInstanceProfile');
    if (input.instanceId === undefined) throw errors.missingParameter('InstanceId');
    const nowMs = now.getTime();
    const associations = this.currentAssociations(region, nowMs);
    const instance = this.requireInstances(region, [input.instanceId], nowMs, associations)[0]!;
    const profile = this.resolveProfile(input.profile, now);
    gate([
      { action: 'ec2:AssociateIamInstanceProfile', resource: instanceArn(region, instance.record.instanceId) },
      passRoleCheck(profile),
    ]);
    if (instance.state.name !== 'running' && instance.state.name !== 'stopped') {
      throw errors.notRunningOrStopped(instance.record.instanceId);
    }
    const active = associations.get(instance.record.instanceId);
    if (active && active.state.name !== 'disassociating') throw errors.existingAssociation(instance.record.instanceId);
    const record = this.newAssociation(region, instance.record.instanceId, profile, 'associating', nowMs);
    this.putAssociation(record);
    return associationView(record, nowMs, this.timings);
  }

  replaceIamInstanceProfileAssociation(
    region: string,
    input: { associationId?: string; profile?: ProfileSpec },
    now: Date,
    gate: Gate,
  ): AssociationView {
    this.region(region);
    if (input.profile === undefined) throw errors.missingParameter('IamInstanceProfile');
    if (input.associationId === undefined) throw errors.missingParameter('AssociationId');
    const nowMs = now.getTime();
    const current = this.requireAssociation(region, input.associationId, nowMs);
    const profile = this.resolveProfile(input.profile, now);
    const instanceId = current.record.instanceId;
    gate([
      { action: 'ec2:ReplaceIamInstanceProfileAssociation', resource: instanceArn(region, instanceId) },
      passRoleCheck(profile),
    ]);
    const instance = this.instanceState(region, instanceId, nowMs);
    // AWS replaces only on running instances; for any other state it calls the association inactive.
    if (current.state.name === 'disassociating' || instance !== 'running') throw errors.notActiveAssociation(current.record.associationId);
    const replacement = this.newAssociation(region, instanceId, profile, 'associating', nowMs);
    this.store.transaction(() => {
      this.putAssociation({ ...current.record, state: 'disassociating', stateSince: iso(nowMs) });
      this.putAssociation(replacement);
    });
    return associationView(replacement, nowMs, this.timings);
  }

  disassociateIamInstanceProfile(region: string, input: { associationId?: string }, now: Date, gate: Gate): AssociationView {
    this.region(region);
    if (input.associationId === undefined) throw errors.missingParameter('AssociationId');
    const nowMs = now.getTime();
    const current = this.requireAssociation(region, input.associationId, nowMs);
    const instanceId = current.record.instanceId;
    gate([{ action: 'ec2:DisassociateIamInstanceProfile', resource: instanceArn(region, instanceId) }]);
    const instance = this.instanceState(region, instanceId, nowMs);
    if (instance !== 'running' && instance !== 'stopped') throw errors.notRunningOrStopped(instanceId);
    if (current.state.name === 'disassociating') throw errors.notActiveAssociation(current.record.associationId);
    const record: AssociationRecord = { ...current.record, state: 'disassociating', stateSince: iso(nowMs) };
    this.putAssociation(record);
    return associationView(record, nowMs, this.timings);
  }

  describeIamInstanceProfileAssociations(
    region: string,
    input: { associationIds?: string[]; filters?: FilterInput[]; maxResults?: number; nextToken?: string },
    now: Date,
  ): Page<AssociationView> {
    this.region(region);
    const maxResults = checkMaxResults(input.maxResults, 5, 1000);
    const matches = compileFilters(input.filters ?? [], associationFields);
    const nowMs = now.getTime();
    const ids = input.associationIds ?? [];
    let views: AssociationView[];
    if (ids.length > 0) {
      views = [...new Set(ids)].map((id) => this.requireAssociation(region, id, nowMs));
    } else {
      views = this.liveAssociations(region, nowMs);
    }
    views.sort((a, b) => a.record.timestamp.localeCompare(b.record.timestamp) || a.record.associationId.localeCompare(b.record.associationId));
    let start = 0;
    if (input.nextToken !== undefined) {
      const after = decodeToken(input.nextToken);
      start = views.findIndex((v) => `${v.record.timestamp}|${v.record.associationId}` > after);
      if (start < 0) start = views.length;
    }
    const matching = views.slice(start).filter(matches);
    if (maxResults === undefined || matching.length <= maxResults) return { items: matching };
    const items = matching.slice(0, maxResults);
    const last = items[items.length - 1]!.record;
    return { items, nextToken: encodeToken(`${last.timestamp}|${last.associationId}`) };
  }

  // ---- bulk creation (seed and benchmarks) --------------------------------------------------

  /** Launches `count` running t3.micro instances spread over the region's zones, as one write. */
  seedManyInstances(region: string, count: number, now: Date): string[] {
    const info = this.region(region);
    const typeInfo = INSTANCE_TYPES.get('t3.micro')!;
    const ids: string[] = [];
    const launchedAt = now.getTime() - 24 * 60 * 60 * 1000;
    this.store.transaction(() => {
      for (let i = 0; i < count; i++) {
        const record = this.newInstanceRecord({
          region,
          zone: info.zones[i % info.zones.length]!,
          vpcId: info.vpcId,
          reservationId: ec2Id('r'),
          imageId: 'ami-0c02fb55956c7d316',
          instanceType: 't3.micro',
          typeInfo,
          clientToken: crypto.randomUUID(),
          amiLaunchIndex: 0,
          tags: [{ key: 'Name', value: `fleet-${String(i + 1).padStart(5, '0')}` }],
          nowMs: launchedAt + i,
        });
        this.putInstance(record);
        ids.push(record.instanceId);
      }
    });
    return ids;
  }

  // ---- internals ----------------------------------------------------------------------------

  private instances(region: string): Collection<InstanceRecord> {
    let collection = this.instanceCollections.get(region);
    if (!collection) {
      collection = this.store.collection<InstanceRecord>(`ec2:${region}:instances`);
      this.instanceCollections.set(region, collection);
    }
    return collection;
  }

  private associations(region: string): Collection<AssociationRecord> {
    let collection = this.associationCollections.get(region);
    if (!collection) {
      collection = this.store.collection<AssociationRecord>(`ec2:${region}:associations`);
      this.associationCollections.set(region, collection);
    }
    return collection;
  }

  private index(region: string): OrderedIndex<InstanceRecord> {
    let index = this.indexes.get(region);
    if (!index) {
      index = new OrderedIndex(this.instances(region), orderKey);
      this.indexes.set(region, index);
    }
    return index;
  }

  private putInstance(record: InstanceRecord): void {
    this.instances(record.region).put(record.instanceId, record);
    this.index(record.region).add(record.instanceId, orderKey(record));
  }

  private putAssociation(record: AssociationRecord): void {
    this.associations(record.region).put(record.associationId, record);
  }

  private newInstanceRecord(input: {
    region: string;
    zone: ZoneInfo;
    vpcId: string;
    reservationId: string;
    imageId: string;
    instanceType: string;
    typeInfo: { architecture: 'x86_64' | 'arm64'; coreCount: number; threadsPerCore: number };
    keyName?: string;
    clientToken: string;
    amiLaunchIndex: number;
    tags: Ec2Tag[];
    nowMs: number;
  }): InstanceRecord {
    const instanceId = ec2Id('i');
    const launched = iso(input.nowMs);
    return {
      instanceId,
      region: input.region,
      reservationId: input.reservationId,
      ownerId: ACCOUNT_ID,
      imageId: input.imageId,
      instanceType: input.instanceType,
      architecture: input.typeInfo.architecture,
      coreCount: input.typeInfo.coreCount,
      threadsPerCore: input.typeInfo.threadsPerCore,
      availabilityZone: input.zone.zoneName,
      subnetId: input.zone.subnetId,
      vpcId: input.vpcId,
      securityGroupId: `sg-${instanceId.slice(2, 19).split('').reverse().join('')}`,
      privateIpAddress: `172.31.${input.zone.subnetThirdOctet + randomInt(16)}.${1 + randomInt(254)}`,
      publicIpAddress: randomPublicIp(),
      rootVolumeId: ec2Id('vol'),
      keyName: input.keyName,
      clientToken: input.clientToken,
      amiLaunchIndex: input.amiLaunchIndex,
      createdAt: launched,
      launchTime: launched,
      state: 'pending',
      stateSince: launched,
      stateTransitionReason: '',
      tags: input.tags,
    };
  }

  private newAssociation(
    region: string,
    instanceId: string,
    profile: Ec2InstanceProfile,
    state: 'associating' | 'associated',
    nowMs: number,
  ): AssociationRecord {
    return {
      associationId: ec2Id('iip-assoc'),
      instanceId,
      region,
      profileArn: profile.arn,
      profileId: profile.id,
      state,
      stateSince: iso(nowMs),
      timestamp: iso(nowMs),
    };
  }

  private placementZone(info: RegionInfo, subnetId: string | undefined, zoneName: string | undefined): ZoneInfo {
    const byZone = zoneName === undefined ? undefined : zoneByName(info.regionName, zoneName);
    if (zoneName !== undefined && !byZone) throw errors.invalidAvailabilityZone(zoneName);
    if (subnetId !== undefined) {
      const bySubnet = zoneBySubnet(info.regionName, subnetId);
      if (!bySubnet) throw errors.subnetNotFound(subnetId);
      if (byZone && byZone !== bySubnet) throw errors.invalidParameterCombination(`The specified subnet ${subnetId} is not in availability zone ${zoneName}.`);
      return bySubnet;
    }
    return byZone ?? info.zones[randomInt(info.zones.length)]!;
  }

  /** The profile as EC2 sees it now: unknown, or too young to have propagated from IAM, reads as invalid. */
  private resolveProfile(spec: ProfileSpec, now: Date): Ec2InstanceProfile {
    const byArn = spec.arn !== undefined;
    const found = byArn ? this.profiles.byArn(spec.arn!) : spec.name !== undefined ? this.profiles.byName(spec.name) : undefined;
    const visible = found && now.getTime() - Date.parse(found.createDate) >= this.settings.iamPropagationMs;
    if (!found || !visible || (byArn && spec.name !== undefined && spec.name !== found.name)) {
      if (byArn) throw errors.invalidIamInstanceProfileArn(spec.arn!);
      throw errors.invalidIamInstanceProfileName(spec.name ?? '');
    }
    if (found.roleArn === undefined) throw errors.iamInstanceProfileHasNoRoles(found.arn);
    return found;
  }

  private changeStates(
    region: string,
    instanceIds: string[],
    now: Date,
    gate: Gate,
    action: string,
    next: (current: InstanceStateName, instanceId: string) => InstanceStateName | undefined,
  ): StateChange[] {
    this.region(region);
    if (instanceIds.length === 0) throw errors.missingParameter('InstanceId');
    const nowMs = now.getTime();
    const views = this.requireInstances(region, instanceIds, nowMs, this.currentAssociations(region, nowMs));
    gate(views.map((v) => ({ action, resource: instanceArn(region, v.record.instanceId) })));
    const planned = views.map((view) => ({ view, target: next(view.state.name, view.record.instanceId) }));
    this.store.transaction(() => {
      for (const { view, target } of planned) {
        if (target) this.enterState(view, target, nowMs);
      }
    });
    return planned.map(({ view, target }) => ({
      instanceId: view.record.instanceId,
      previous: view.state.name,
      current: target ?? view.state.name,
    }));
  }

  private enterState(view: InstanceView, target: InstanceStateName, nowMs: number): void {
    const record = view.record;
    const updated: InstanceRecord = { ...record, state: target, stateSince: iso(nowMs) };
    if (target === 'pending') {
      updated.launchTime = iso(nowMs);
      updated.publicIpAddress = randomPublicIp();
      updated.stateTransitionReason = '';
    } else {
      updated.stateTransitionReason = `User initiated (${gmt(nowMs)})`;
    }
    this.putInstance(updated);
    if (target === 'shutting-down') {
      // A terminated instance keeps no instance-profile association.
      for (const association of this.associations(record.region).values()) {
        if (association.instanceId === record.instanceId) this.associations(record.region).delete(association.associationId);
      }
    }
  }

  private instanceState(region: string, instanceId: string, nowMs: number): InstanceStateName | undefined {
    const record = this.instances(region).get(instanceId);
    return record ? instanceStateAt(record.state, Date.parse(record.stateSince), nowMs, this.timings).name : undefined;
  }

  private view(record: InstanceRecord, nowMs: number, associations: Map<string, AssociationView>): InstanceView | undefined {
    const state = instanceStateAt(record.state, Date.parse(record.stateSince), nowMs, this.timings);
    if (isInstanceGone(state, nowMs, this.timings)) return undefined;
    const association = associations.get(record.instanceId);
    return {
      record,
      state,
      association,
      profile: association ? { arn: association.record.profileArn, id: association.record.profileId } : undefined,
    };
  }

  private requireInstances(
    region: string,
    instanceIds: string[],
    nowMs: number,
    associations: Map<string, AssociationView>,
  ): InstanceView[] {
    const unique = [...new Set(instanceIds)];
    const malformed = unique.find((id) => !INSTANCE_ID.test(id));
    if (malformed !== undefined) throw errors.invalidInstanceIdMalformed(malformed);
    const collection = this.instances(region);
    const views: InstanceView[] = [];
    const missing: string[] = [];
    for (const id of unique) {
      const record = collection.get(id);
      const view = record && this.view(record, nowMs, associations);
      if (view) views.push(view);
      else missing.push(id);
    }
    if (missing.length > 0) throw errors.invalidInstanceIdNotFound(missing);
    return views.sort((a, b) => orderKey(a.record).localeCompare(orderKey(b.record)));
  }

  private taggableInstances(region: string, resourceIds: string[], now: Date): InstanceRecord[] {
    for (const id of resourceIds) {
      if (!id.startsWith('i-')) throw errors.invalidResourceId(id);
    }
    const nowMs = now.getTime();
    return this.requireInstances(region, resourceIds, nowMs, new Map()).map((view) => view.record);
  }

  private liveAssociations(region: string, nowMs: number): AssociationView[] {
    const views: AssociationView[] = [];
    for (const record of this.associations(region).values()) {
      const view = associationView(record, nowMs, this.timings);
      if (view.state.name !== 'disassociated') views.push(view);
    }
    return views;
  }

  /**
   * The association each instance shows now: an associating or associated one wins over one that is
   * still disassociating (after a replace both exist for a moment).
   */
  private currentAssociations(region: string, nowMs: number): Map<string, AssociationView> {
    const byInstance = new Map<string, AssociationView>();
    for (const view of this.liveAssociations(region, nowMs)) {
      const existing = byInstance.get(view.record.instanceId);
      if (!existing || existing.state.name === 'disassociating') byInstance.set(view.record.instanceId, view);
    }
    return byInstance;
  }

  private requireAssociation(region: string, associationId: string, nowMs: number): AssociationView {
    if (!ASSOCIATION_ID.test(associationId)) throw errors.invalidAssociationIdValue();
    const record = this.associations(region).get(associationId);
    const view = record && associationView(record, nowMs, this.timings);
    if (!view || view.state.name === 'disassociated') throw errors.associationNotFound(associationId);
    return view;
  }

  private anyMatchFrom(
    keys: readonly { id: string }[],
    from: number,
    region: string,
    nowMs: number,
    associations: Map<string, AssociationView>,
    matches: (view: InstanceView) => boolean,
  ): boolean {
    const collection = this.instances(region);
    for (let i = from; i < keys.length; i++) {
      const view = this.view(collection.get(keys[i]!.id)!, nowMs, associations);
      if (view && matches(view)) return true;
    }
    return false;
  }

  /** Forgets terminated instances past their listing time and finished disassociations. */
  private purgeGone(region: string, nowMs: number): void {
    const instances = this.instances(region);
    for (const record of [...instances.values()]) {
      const state = instanceStateAt(record.state, Date.parse(record.stateSince), nowMs, this.timings);
      if (isInstanceGone(state, nowMs, this.timings)) {
        instances.delete(record.instanceId);
        this.index(region).remove(record.instanceId);
      }
    }
    const associations = this.associations(region);
    for (const record of [...associations.values()]) {
      if (associationView(record, nowMs, this.timings).state.name === 'disassociated') associations.delete(record.associationId);
    }
  }
}

function associationView(record: AssociationRecord, nowMs: number, timings: Ec2Timings): AssociationView {
  const since = Date.parse(record.stateSince);
  const state: TimedState<AssociationStateName> =
    record.state === 'associated' ? { name: 'associated', since } : associationStateAt(record.state, since, nowMs, timings);
  return { record, state };
}

function passRoleCheck(profile: Ec2InstanceProfile): AuthCheck {
  return {
    action: 'iam:PassRole',
    resource: profile.roleArn!,
    conditions: { 'iam:PassedToService': 'ec2.amazonaws.com' },
  };
}

function groupByReservation(views: InstanceView[]): ReservationView[] {
  const reservations = new Map<string, ReservationView>();
  for (const view of views) {
    let reservation = reservations.get(view.record.reservationId);
    if (!reservation) {
      reservation = { reservationId: view.record.reservationId, ownerId: view.record.ownerId, instances: [] };
      reservations.set(view.record.reservationId, reservation);
    }
    reservation.instances.push(view);
  }
  return [...reservations.values()];
}

/**
 * EC2's tag rules (aws-rules/ec2.ts): keys 1–128 characters, values up to 256, no `aws:` prefix, 50 per resource.
 * Characters are code points, so a key of 128 emoji (256 UTF-16 units) is allowed.
 */
function validateNewTags(existing: readonly Ec2Tag[], added: readonly Ec2Tag[]): Ec2Tag[] {
  const merged = new Map(existing.map((tag) => [tag.key, tag.value]));
  for (const tag of added) {
    if (tag.key.length === 0) throw errors.invalidParameterValue('Tag key cannot be empty');
    if (characterCount(tag.key) > EC2_TAG_LIMITS.key) {
      throw errors.invalidParameterValue(`Tag key exceeds the maximum length of ${EC2_TAG_LIMITS.key} characters`);
    }
    if (characterCount(tag.value) > EC2_TAG_LIMITS.value) {
      throw errors.invalidParameterValue(`Tag value exceeds the maximum length of ${EC2_TAG_LIMITS.value} characters`);
    }
    if (tag.key.toLowerCase().startsWith(EC2_TAG_LIMITS.reservedPrefix)) throw errors.reservedTagKey();
    merged.set(tag.key, tag.value);
  }
  if (merged.size > EC2_TAG_LIMITS.perResource) throw errors.tagLimitExceeded();
  return [...merged].map(([key, value]) => ({ key, value }));
}

