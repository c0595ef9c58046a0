/**
 * Display preferences remembered in localStorage. Only preferences go there — never tokens or credentials.
 */
import { useSyncExternalStore } from 'react';
import { applyDensity, applyMode, Density, Mode } from '@cloudscape-design/global-styles';

export type VisualMode = 'light' | 'dark';
export type DensityMode = 'comfortable' | 'compact';

export interface Preferences {
  visualMode: VisualMode;
  density: DensityMode;
  /** Last region chosen in the region selector (validated against the configured regions when read). */
  region?: string;
}

const STORAGE_KEY = 'iam-role-console:preferences';
const DEFAULTS: Preferences = { visualMode: 'light', density: 'comfortable' };

export function parsePreferences(raw: string | null): Preferences {
  if (!raw) return { ...DEFAULTS };
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof Preferences, unknown>>;
    return {
      visualMode: value.visualMode === 'dark' ? 'dark' : 'light',
      density: value.density === 'compact' ? 'compact' : 'comfortable',
      ...(typeof value.region === 'string' && value.region ? { region: value.region } : {}),
    };
  } catch {
    return { ...DEFAULTS };
  }
}

function read(): Preferences {
  try {
    return parsePreferences(localStorage.getItem(STORAGE_KEY));
  } catch {
    return { ...DEFAULTS };
  }
}

let current: Preferences = read();
const listeners = new Set<() => void>();

function apply(preferences: Preferences): void {
  applyMode(preferences.visualMode === 'dark' ? Mode.Dark : Mode.Light);
  applyDensity(preferences.density === 'compact' ? Density.Compact : Density.Comfortable);
}

/** Called once before the first render so the page never flashes the wrong theme. */
export function applyStoredPreferences(): void {
  apply(current);
}

export function updatePreferences(change: Partial<Preferences>): void {
  current = { ...current, ...change };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
  } catch {
    // Unavailable storage only means the choice is not remembered.
  }
  apply(current);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The preferences now, outside React (route loaders). */
export function currentPreferences(): Preferences {
  return current;
}

export function usePreferences(): Preferences {
  return useSyncExternalStore(subscribe, () => current);
}
