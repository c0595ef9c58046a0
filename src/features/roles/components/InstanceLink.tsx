import { useNavigate } from 'react-router';
import Link from '@cloudscape-design/components/link';
import { useSelectedRegion } from '../../../config/region.ts';

/**
 * An instance's ID linking to its EC2 page. That page shows the region chosen in the top bar, so following the
 * link first switches to the instance's region.
 */
export function InstanceLink({ instanceId, region }: { instanceId: string; region: string }) {
  const navigate = useNavigate();
  const [, setRegion] = useSelectedRegion();
  const href = `/instances/${encodeURIComponent(instanceId)}`;
  return (
    <Link
      href={href}
      ariaLabel={`${instanceId} in ${region}`}
      onFollow={(event) => {
        event.preventDefault();
        setRegion(region);
        void navigate(href);
      }}
    >
      {instanceId}
    </Link>
  );
}
