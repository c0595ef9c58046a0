import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { DemoUser } from '../../config/runtime-config.ts';

/** Local AWS only: the seeded demo users, each with a button that fills the form. */
export function DemoSignIns({ users, onFill }: { users: DemoUser[]; onFill(user: DemoUser): void }) {
  return (
    <Container
      header={
        <Header variant="h2" description="These users exist only in local AWS. Choose one to fill in the form.">
          Demo sign-ins
        </Header>
      }
    >
      <ul className="demo-sign-ins" aria-label="Demo users">
        {users.map((user) => (
          <li key={user.username}>
            <SpaceBetween direction="horizontal" size="s" alignItems="center">
              <Button onClick={() => onFill(user)} ariaLabel={`Fill in ${user.username}`}>
                {user.username}
              </Button>
              <Box variant="small" color="text-body-secondary">
                {user.description}
              </Box>
            </SpaceBetween>
          </li>
        ))}
      </ul>
    </Container>
  );
}
