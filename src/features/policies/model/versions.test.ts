import { describe, expect, it } from 'vitest';
import { oldestNonDefaultVersion, sortVersionsNewestFirst, versionToMakeRoomFor } from './versions.ts';

const at = (day: number) => new Date(Date.UTC(2024, 0, day));

describe('policy versions', () => {
  const five = [
    { versionId: 'v6', isDefault: false, createdAt: at(6) },
    { versionId: 'v5', isDefault: false, createdAt: at(5) },
    { versionId: 'v2', isDefault: true, createdAt: at(2) },
    { versionId: 'v3', isDefault: false, createdAt: at(3) },
    { versionId: 'v4', isDefault: false, createdAt: at(4) },
  ];

  it('offers the oldest non-default version only at the limit of five', () => {
    expect(versionToMakeRoomFor(five)?.versionId).toBe('v3');
    expect(versionToMakeRoomFor(five.slice(0, 4))).toBeUndefined();
  });

  it('breaks ties of equal dates by version number, never picking the default', () => {
    const sameSecond = [
      { versionId: 'v10', isDefault: false, createdAt: at(1) },
      { versionId: 'v9', isDefault: false, createdAt: at(1) },
      { versionId: 'v1', isDefault: true, createdAt: at(1) },
    ];
    expect(oldestNonDefaultVersion(sameSecond)?.versionId).toBe('v9');
    expect(oldestNonDefaultVersion([{ versionId: 'v1', isDefault: true }])).toBeUndefined();
  });

  it('lists newest first', () => {
    expect(sortVersionsNewestFirst(five).map((version) => version.versionId)).toEqual(['v6', 'v5', 'v4', 'v3', 'v2']);
  });
});
