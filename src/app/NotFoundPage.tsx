import { Link as RouterLink } from 'react-router';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';

export default function NotFoundPage() {
  return (
    <Container header={<Header variant="h1">Page not found</Header>}>
      <Box variant="p">
        There is no page at this address. Go to <RouterLink to="/roles">Roles</RouterLink>,{' '}
        <RouterLink to="/policies">Policies</RouterLink> or <RouterLink to="/instances">Instances</RouterLink>.
      </Box>
    </Container>
  );
}
