import { describe, expect, it } from 'vitest';
import { DraftStore } from './draft-store.ts';
import { readIdTokenClaims } from './id-token.ts';

const ALICE = '3f1c9a52-0d7e-4c8b-9a41-6f2d8e5b7c10';
const BOB = 'a7e4b2c9-51d3-4f6a-8e0b-2c9d7f1a3e54';
const WIZARD = 'roles/create';
const typed = { roleName: 'BillingReports', description: 'Reads the billing bucket', tags: [{ key: 'team', value: 'finance' }] };

describe('DraftStore', () => {
  it('restores nothing while the session is alive: only a session that ended keeps input', () => {
    const store = new DraftStore();
    store.save(WIZARD, ALICE, typed);
    expect(store.restorable(WIZARD, ALICE)).toBeUndefined();
  });

  it('gives the same user their input back after the session ended and they signed in again', () => {
    const store = new DraftStore();
    store.save(WIZARD, ALICE, typed);
    store.sessionEnded();
    // The page unmounts when the console routes to sign-in: that must not forget the kept input.
    store.discard(WIZARD);
    store.signedIn(ALICE);
    expect(store.restorable(WIZARD, ALICE)).toEqual(typed);
    // Reading is repeatable (React may run a state initializer twice) until the page saves its live input.
    expect(store.restorable(WIZARD, ALICE)).toEqual(typed);
    store.save(WIZARD, ALICE, { ...typed, roleName: 'BillingReports2' });
    expect(store.restorable(WIZARD, ALICE)).toBeUndefined();
  });

  it('drops everything kept when another user signs in, and never shows it to them', () => {
    const store = new DraftStore();
    store.save(WIZARD, ALICE, typed);
    store.save('policies/create', ALICE, { name: 'p' });
    store.sessionEnded();
    expect(store.restorable(WIZARD, BOB)).toBeUndefined();
    store.signedIn(BOB);
    expect(store.size).toBe(0);
    // Alice signing in afterwards finds nothing either.
    store.signedIn(ALICE);
    expect(store.restorable(WIZARD, ALICE)).toBeUndefined();
  });

  it('keeps nothing after an explicit sign-out', () => {
    const store = new DraftStore();
    store.save(WIZARD, ALICE, typed);
    store.sessionEnded();
    store.clear();
    store.signedIn(ALICE);
    expect(store.restorable(WIZARD, ALICE)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('forgets a page left normally, and keeps only the pages open when the session ended', () => {
    const store = new DraftStore();
    store.save('policies/create', ALICE, { name: 'abandoned' });
    store.discard('policies/create');
    store.save(WIZARD, ALICE, typed);
    store.sessionEnded();
    store.signedIn(ALICE);
    expect(store.restorable('policies/create', ALICE)).toBeUndefined();
    expect(store.restorable(WIZARD, ALICE)).toEqual(typed);
    expect(store.size).toBe(1);
  });

  it('keeps drafts per page key, so a policy edited is restored only on that policy', () => {
    const store = new DraftStore();
    store.save('policies/edit:arn:aws:iam::123456789012:policy/A', ALICE, { document: '{"a":1}' });
    store.sessionEnded();
    store.signedIn(ALICE);
    expect(store.restorable('policies/edit:arn:aws:iam::123456789012:policy/B', ALICE)).toBeUndefined();
    expect(store.restorable('policies/edit:arn:aws:iam::123456789012:policy/A', ALICE)).toEqual({ document: '{"a":1}' });
  });
});

describe('readIdTokenClaims', () => {
  it('reads the sub that drafts are bound to', () => {
    const json = JSON.stringify({ sub: ALICE, 'cognito:username': 'alice', 'cognito:groups': ['admins'] });
    const payload = btoa(json).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(readIdTokenClaims(`e30.${payload}.sig`)).toEqual({ sub: ALICE, username: 'alice', groups: ['admins'] });
  });
});
