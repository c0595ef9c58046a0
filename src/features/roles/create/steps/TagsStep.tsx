import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { TagsEditor } from '../../../../components/TagsEditor.tsx';
import type { TagRow } from '../../../../validation/iam.ts';

/** Key/value tags, checked against IAM's tag rules as they are typed; all errors once the user tried to go on. */
export function TagsStep({ tags, onChange, showAllErrors }: { tags: TagRow[]; onChange: (tags: TagRow[]) => void; showAllErrors: boolean }) {
  return (
    <Container
      header={
        <Header variant="h2" description="Tags are key-value pairs that help you identify, organize or search for the role.">
          Tags - optional
        </Header>
      }
    >
      <TagsEditor tags={tags} onChange={onChange} empty="No tags associated with the resource." showLengths showAllErrors={showAllErrors} />
    </Container>
  );
}
