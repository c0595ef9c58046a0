import { useSelectedRegion } from '../../config/region.ts';
import { InstancesTable } from './components/InstancesTable.tsx';

/** EC2 → Instances for the region chosen in the top bar; switching region starts a fresh table. */
export default function InstancesPage() {
  const [region] = useSelectedRegion();
  return <InstancesTable key={region} region={region} />;
}
