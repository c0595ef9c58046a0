import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import Button from '@cloudscape-design/components/button';
import Icon from '@cloudscape-design/components/icon';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { Ec2RoleSummary } from '../api/list-ec2-roles.ts';
import type { InstanceProfileDirectory } from '../api/list-instance-profiles.ts';
import {
  filterChoices,
  labelMatch,
  moveHighlight,
  pinnedCount,
  profileChoices,
  type ProfileChoice,
} from '../model/profile-choices.ts';
import './profile-select.css';

/** Every row has the same height, so the list renders only the rows in view (keep in step with profile-select.css). */
const ROW_HEIGHT = 56;
/** Rows the list shows at most; half a row more hints that it scrolls. */
const MAX_ROWS_IN_VIEW = 6.5;
const MIN_ROWS_IN_VIEW = 2.5;
/** The drop-down's filter, status line, padding and gap to the trigger, around the rows. */
const DROPDOWN_CHROME = 104;
const OVERSCAN_ROWS = 4;
const PAGE_ROWS = 6;

interface Placement {
  above: boolean;
  rowsInView: number;
}

/** Below the trigger when the rows fit there or there is more room below than above, as Cloudscape's drop-downs do. */
function placementFor(trigger: HTMLElement): Placement {
  const { top, bottom } = trigger.getBoundingClientRect();
  const rowsIn = (space: number) => (space - DROPDOWN_CHROME) / ROW_HEIGHT;
  const below = rowsIn(window.innerHeight - bottom);
  const above = rowsIn(top);
  const useAbove = below < MAX_ROWS_IN_VIEW && above > below;
  return {
    above: useAbove,
    rowsInView: Math.min(MAX_ROWS_IN_VIEW, Math.max(MIN_ROWS_IN_VIEW, useAbove ? above : below)),
  };
}

export interface ProfileSelectProps {
  /**
   * The surrounding FormField's `controlId`: the trigger takes it, so the field's label focuses the trigger. The trigger
   * is named by the field's label and its own content, and described by the field's description and error, which
   * Cloudscape's FormField names `<controlId>-label`, `-description` and `-error` (checked by e2e/accessibility.spec.ts).
   */
  controlId: string;
  /** The FormField shows an error about the choice. */
  invalid?: boolean;
  profiles: {
    data: InstanceProfileDirectory | undefined;
    isPending: boolean;
    isError: boolean;
    refetch: () => unknown;
  };
  orphanRoles: Ec2RoleSummary[];
  /** Offer "No IAM role" (the instance has a role to detach). */
  includeNoRole: boolean;
  selected: ProfileChoice | null;
  onChange: (choice: ProfileChoice) => void;
  disabled: boolean;
}

function ChoiceContent({ choice, filteringText }: { choice: ProfileChoice; filteringText: string }) {
  const match = labelMatch(choice.label, filteringText);
  return (
    <>
      <span className="profile-select__line">
        <span className="profile-select__label">
          {match ? (
            <>
              {choice.label.slice(0, match.start)}
              <span className="profile-select__match">{choice.label.slice(match.start, match.end)}</span>
              {choice.label.slice(match.end)}
            </>
          ) : (
            choice.label
          )}
        </span>
        {choice.tag ? <span className="profile-select__tag">{choice.tag}</span> : null}
      </span>
      <span className="profile-select__description">{choice.description}</span>
    </>
  );
}

/**
 * The searchable instance-profile drop-down of both role dialogs (by name, role or ARN). Not Cloudscape's Select,
 * whose filter costs two frames a keystroke whatever the list, against a target of 50 ms at 5,000 profiles
 * (`npm run bench`). This one filters precomputed text and renders only the rows in view (docs/design-notes.md).
 * ARIA: a button that opens a filter combobox controlling a listbox, as Cloudscape's Select does.
 */
export function ProfileSelect({
  controlId,
  invalid = false,
  profiles,
  orphanRoles,
  includeNoRole,
  selected,
  onChange,
  disabled,
}: ProfileSelectProps) {
  const id = useId();
  const listId = `${id}-list`;
  const choices = useMemo(
    () => profileChoices(profiles.data, orphanRoles, includeNoRole),
    [profiles.data, orphanRoles, includeNoRole],
  );
  const [placement, setPlacement] = useState<Placement | undefined>();
  const open = placement !== undefined;
  const [filteringText, setFilteringText] = useState('');
  const [highlighted, setHighlighted] = useState(-1);
  const [scrollTop, setScrollTop] = useState(0);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const filterRef = useRef<InputProps.Ref>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => filterChoices(choices, filteringText), [choices, filteringText]);

  // Pinned entries ("No IAM role") sit above the scrolling rows; a row's index in `shown` is `pinned` + its row.
  const pinned = pinnedCount(shown);
  const scrolledRows = shown.length - pinned;
  const viewportHeight = Math.min(scrolledRows, (placement?.rowsInView ?? MAX_ROWS_IN_VIEW) - pinned) * ROW_HEIGHT;
  const firstRow = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN_ROWS);
  const endRow = Math.min(scrolledRows, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + OVERSCAN_ROWS);

  function scrollIntoView(list: HTMLDivElement, index: number) {
    if (index < pinned) return;
    const top = (index - pinned) * ROW_HEIGHT;
    if (top < list.scrollTop) list.scrollTop = top;
    // The rows' window is the list's height below the pinned entries.
    else if (top + ROW_HEIGHT > list.scrollTop + viewportHeight) list.scrollTop = top + ROW_HEIGHT - viewportHeight;
    setScrollTop(list.scrollTop);
  }

  // On opening: focus the filter and scroll the chosen entry into view.
  useLayoutEffect(() => {
    if (!open) return;
    filterRef.current?.focus();
    if (listRef.current && highlighted >= 0) scrollIntoView(listRef.current, highlighted);
    // Only when the drop-down opens: later highlights scroll from the key handler.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  function openDropdown() {
    const index = selected ? choices.findIndex((entry) => entry.value === selected.value) : -1;
    setFilteringText('');
    setHighlighted(index);
    setScrollTop(0);
    if (triggerRef.current) setPlacement(placementFor(triggerRef.current));
  }

  function close(returnFocus: boolean) {
    setPlacement(undefined);
    if (returnFocus) triggerRef.current?.focus();
  }

  function choose(choice: ProfileChoice | undefined) {
    if (!choice || choice.disabledReason) return;
    onChange(choice);
    close(true);
  }

  function highlight(index: number) {
    setHighlighted(index);
    if (listRef.current && index >= 0) scrollIntoView(listRef.current, index);
  }

  function onFilterKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // The filter's clear button keeps its own keys; only Escape closes from there too.
    if (event.target instanceof HTMLButtonElement && event.key !== 'Escape') return;
    switch (event.key) {
      case 'ArrowDown':
        highlight(moveHighlight(shown, highlighted, 1));
        break;
      case 'ArrowUp':
        highlight(moveHighlight(shown, highlighted, -1));
        break;
      case 'PageDown':
        highlight(moveHighlight(shown, highlighted, PAGE_ROWS));
        break;
      case 'PageUp':
        highlight(moveHighlight(shown, highlighted, -PAGE_ROWS));
        break;
      // As in Cloudscape's Select: the first or last choosable entry, and the caret still moves in the filter.
      case 'Home':
        highlight(moveHighlight(shown, -1, 1));
        return;
      case 'End':
        highlight(moveHighlight(shown, -1, -1));
        return;
      case 'Enter':
        choose(shown[highlighted]);
        break;
      case 'Escape':
        // Closes the drop-down only, not the dialog around it.
        event.stopPropagation();
        close(true);
        break;
      case 'Tab':
        // From the trigger, the browser's own Tab then moves on to what follows (or precedes) the drop-down.
        close(true);
        return;
      default:
        return;
    }
    event.preventDefault();
  }

  function renderOption(choice: ProfileChoice, index: number, top?: number) {
    const classes = ['profile-select__option'];
    if (top === undefined) classes.push('profile-select__option--pinned');
    if (index === highlighted) classes.push('profile-select__option--highlighted');
    if (choice.value === selected?.value) classes.push('profile-select__option--selected');
    if (choice.disabledReason) classes.push('profile-select__option--disabled');
    return (
      <div
        key={choice.value}
        id={`${listId}-${index}`}
        role="option"
        aria-selected={choice.value === selected?.value}
        aria-disabled={choice.disabledReason ? true : undefined}
        aria-setsize={shown.length}
        aria-posinset={index + 1}
        className={classes.join(' ')}
        style={top === undefined ? undefined : { top }}
        title={choice.disabledReason}
        onMouseMove={() => (index !== highlighted && !choice.disabledReason ? setHighlighted(index) : undefined)}
        onClick={() => choose(choice)}
      >
        <ChoiceContent choice={choice} filteringText={filteringText} />
      </div>
    );
  }

  const highlightedChoice = shown[highlighted];
  const status = profiles.isPending ? (
    <StatusIndicator type="loading">Loading instance profiles</StatusIndicator>
  ) : profiles.isError ? (
    <span className="profile-select__status-row">
      <StatusIndicator type="error">Could not load the instance profiles.</StatusIndicator>
      <Button variant="inline-link" onClick={() => void profiles.refetch()}>
        Retry
      </Button>
    </span>
  ) : choices.length === 0 ? (
    'No instance profiles in this account'
  ) : shown.length === 0 ? (
    <span className="profile-select__status-row">
      No matches
      <Button
        variant="inline-link"
        onClick={() => {
          setFilteringText('');
          filterRef.current?.focus();
        }}
      >
        Clear filter
      </Button>
    </span>
  ) : null;

  return (
    <div
      className="profile-select"
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget)) close(false);
      }}
    >
      <button
        ref={triggerRef}
        type="button"
        id={controlId}
        className="profile-select__trigger"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-labelledby={`${controlId}-label ${controlId}`}
        aria-describedby={invalid ? `${controlId}-error ${controlId}-description` : `${controlId}-description`}
        disabled={disabled}
        onClick={() => (open ? close(false) : openDropdown())}
      >
        <span className="profile-select__trigger-content">
          {selected ? (
            <ChoiceContent choice={selected} filteringText="" />
          ) : (
            <span className="profile-select__placeholder">Choose an IAM role</span>
          )}
        </span>
        <Icon name="caret-down-filled" variant={disabled ? 'disabled' : 'normal'} />
      </button>
      {open ? (
        <div
          className={
            placement.above ? 'profile-select__dropdown profile-select__dropdown--above' : 'profile-select__dropdown'
          }
          // A press anywhere in the drop-down but its filter and buttons keeps the focus in the filter.
          onMouseDown={(event) => {
            if (!(event.target instanceof Element && event.target.closest('input, button'))) event.preventDefault();
          }}
        >
          <div className="profile-select__filter" onKeyDown={onFilterKeyDown}>
            <Input
              ref={filterRef}
              type="search"
              value={filteringText}
              onChange={({ detail }) => {
                setFilteringText(detail.value);
                setHighlighted(-1);
                setScrollTop(0);
                if (listRef.current) listRef.current.scrollTop = 0;
              }}
              placeholder="Find instance profiles by name, role or ARN"
              ariaLabel="Find instance profiles"
              nativeInputAttributes={{
                role: 'combobox',
                'aria-expanded': true,
                ...(shown.length > 0 ? { 'aria-controls': listId } : {}),
                'aria-autocomplete': 'list',
                ...(highlightedChoice ? { 'aria-activedescendant': `${listId}-${highlighted}` } : {}),
              }}
            />
          </div>
          {shown.length > 0 ? (
            // The listbox itself scrolls (it is the combobox's popup); the pinned entries stick to its top.
            <div
              id={listId}
              role="listbox"
              aria-label="Instance profiles"
              ref={listRef}
              className="profile-select__list"
              style={{ height: pinned * ROW_HEIGHT + viewportHeight }}
              onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
            >
              {pinned > 0 ? (
                <div className="profile-select__pinned" style={{ height: pinned * ROW_HEIGHT }}>
                  {shown.slice(0, pinned).map((choice, index) => renderOption(choice, index))}
                </div>
              ) : null}
              <div style={{ height: scrolledRows * ROW_HEIGHT, position: 'relative' }}>
                {shown
                  .slice(pinned + firstRow, pinned + endRow)
                  .map((choice, offset) =>
                    renderOption(choice, pinned + firstRow + offset, (firstRow + offset) * ROW_HEIGHT),
                  )}
              </div>
            </div>
          ) : null}
          {status ? <div className="profile-select__status">{status}</div> : null}
          <span className="profile-select__announcement" role="status" aria-live="polite">
            {filteringText.trim() && !profiles.isPending
              ? `${shown.length} ${shown.length === 1 ? 'match' : 'matches'}`
              : ''}
          </span>
        </div>
      ) : null}
    </div>
  );
}
