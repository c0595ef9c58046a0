import { updatePreferences, usePreferences } from './preferences.ts';
import { useRuntimeConfig } from './runtime-config-context.tsx';

/** The region EC2 pages work in: the remembered choice if it is still configured, else the default region. */
export function useSelectedRegion(): [string, (region: string) => void] {
  const config = useRuntimeConfig();
  const { region } = usePreferences();
  const selected = region && config.regions.includes(region) ? region : config.region;
  return [selected, (next: string) => updatePreferences({ region: next })];
}
