import type { Control } from 'react-hook-form';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { TagsEditor } from '../../../../components/TagsEditor.tsx';
import type { TagsValues } from '../wizard-state.ts';

/** Key/value tags, checked against IAM's tag rules as they are typed; every row's errors once the user tried to go on. */
export function TagsStep({ control }: { control: Control<TagsValues> }) {
  return (
    <Container
      header={
        <Header variant="h2" description="Tags are key-value pairs that help you identify, organize or search for the role.">
          Tags - optional
        </Header>
      }
    >
      <TagsEditor control={control} empty="No tags associated with the resource." showLengths />
    </Container>
  );
}
