import { updatePreferences, usePreferences } from './preferences.ts';
import { useRuntimeConfig } from './runtime-config-context.tsx';
import type { RuntimeConfig } from './runtime-config.ts';

/** The region EC2 pages work in: the remembered choice if it is still configured, else the default region. */
export function selectedRegion(config: RuntimeConfig, remembered: string | undefined): string {
  return remembered && config.regions.includes(remembered) ? remembered : config.region;
}

export function useSelectedRegion(): [string, (region: string) => void] {
  const config = useRuntimeConfig();
  const { region } = usePreferences();
  return [selectedRegion(config, region), (next: string) => updatePreferences({ region: next })];
}
