import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { TagRow } from '../validation/iam.ts';
import { FORM_MODE } from './FormFields.tsx';
import { TagsEditor, type TagsFormValues } from './TagsEditor.tsx';

/**
 * The editor works on a react-hook-form form, as the wizard's tags step and the role page give it: the harness holds
 * that form (FORM_MODE) and a Next button that submits it, the way the wizard checks a step before going on.
 */
function Tags({ initial = [] }: { initial?: TagRow[] }) {
  const { control, handleSubmit } = useForm<TagsFormValues>({ ...FORM_MODE, defaultValues: { tags: initial } });
  return (
    <>
      <TagsEditor control={control} empty="No tags associated with the role." showLengths />
      <button type="button" onClick={() => void handleSubmit(() => undefined)()}>
        Next
      </button>
    </>
  );
}

const tagsNamed = (count: number): TagRow[] => Array.from({ length: count }, (_, index) => ({ key: `key-${index + 1}`, value: '' }));
const addButton = () => page.getByRole('button', { name: 'Add new tag' });
const keyField = (row: number) => page.getByRole('textbox', { name: `Tag ${row} key` });
const valueField = (row: number) => page.getByRole('textbox', { name: `Tag ${row} value` });

describe('TagsEditor', () => {
  it('adds and removes rows, keeping the other rows as they were', async () => {
    await render(<Tags />);
    await expect.element(page.getByText('No tags associated with the role.')).toBeVisible();
    await expect.element(addButton()).toHaveAccessibleDescription('You can add up to 50 more tags.');

    await addButton().click();
    await keyField(1).fill('team');
    await valueField(1).fill('payments');
    await addButton().click();
    await keyField(2).fill('env');
    await expect.element(addButton()).toHaveAccessibleDescription('You can add up to 48 more tags.');
    await expect.element(page.getByText('No tags associated with the role.')).not.toBeInTheDocument();

    await page.getByRole('button', { name: 'Remove' }).first().click();
    await expect.element(keyField(1)).toHaveValue('env');
    await expect.element(valueField(1)).toHaveValue('');
    await expect.element(keyField(2)).not.toBeInTheDocument();
    await expect.element(addButton()).toHaveAccessibleDescription('You can add up to 49 more tags.');
  });

  it('stops at 50 tags: the add button is disabled and the limit is said', async () => {
    await render(<Tags initial={tagsNamed(49)} />);
    await expect.element(addButton()).toHaveAccessibleDescription('You can add up to 1 more tag.');

    await addButton().click();
    await expect.element(keyField(50)).toBeVisible();
    await expect.element(addButton()).toHaveAccessibleDescription('You have reached the limit of 50 tags.');
    await expect.element(addButton()).toBeDisabled();

    await page.getByRole('button', { name: 'Remove' }).last().click();
    await expect.element(addButton()).toBeEnabled();
  });

  it('shows an empty key as an error only once the field was left', async () => {
    await render(<Tags />);
    await addButton().click();
    await expect.element(keyField(1)).toBeVisible();
    await expect.element(page.getByText('Enter a tag key.')).not.toBeInTheDocument();

    await keyField(1).click();
    await userEvent.tab();
    await expect.element(page.getByText('Enter a tag key.')).toBeVisible();
  });

  it('shows every error at once after a submit attempt, touched or not', async () => {
    await render(<Tags initial={[{ key: '', value: '' }, { key: 'team', value: '' }, { key: '', value: '' }]} />);
    await expect.element(keyField(3)).toBeVisible();
    await expect.element(page.getByText('Enter a tag key.').first()).not.toBeInTheDocument();

    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(() => page.getByText('Enter a tag key.').all()).toHaveLength(2);
    await expect.element(page.getByText('Enter a tag key.').first()).toBeVisible();
  });

  it("counts each key's and value's characters against IAM's limits", async () => {
    await render(<Tags initial={[{ key: '', value: '' }]} />);
    await expect.element(page.getByText('0/128 characters.')).toBeVisible();
    await expect.element(page.getByText('0/256 characters.')).toBeVisible();

    await keyField(1).fill('team');
    await valueField(1).fill('payments');
    await expect.element(page.getByText('4/128 characters.')).toBeVisible();
    await expect.element(page.getByText('8/256 characters.')).toBeVisible();
  });

  it('refuses a key used twice, whatever its case', async () => {
    await render(<Tags initial={[{ key: 'Env', value: 'prod' }, { key: '', value: '' }]} />);
    await keyField(2).fill('env');
    await expect
      .element(page.getByText("Tag 2 repeats the key 'Env' of tag 1 (tag keys are not case-sensitive). Each key can be used once."))
      .toBeVisible();

    await keyField(2).fill('owner');
    await expect.element(page.getByText(/repeats the key/)).not.toBeInTheDocument();
  });
});
