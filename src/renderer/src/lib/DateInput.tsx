/**
 * A calendar day typed and shown in the settings' date format (ISO by default). The browser's own date
 * field follows the computer's locale instead, and read 01/09/2026 beside 2026-01-09 everywhere else.
 * The button beside it opens the browser's calendar. Values in and out are ISO days (`YYYY-MM-DD`).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { calendarDay } from '@shared/calendar';
import type { DateFormat } from '@shared/settings';
import { currentDateFormat, formatDate } from './format';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A day of a four-digit year, or null. */
const day = (y: number, m: number, d: number): string | null => (y >= 1000 && y <= 9999 ? calendarDay(y, m, d) : null);

/**
 * The ISO day a text names in `format`, or null. ISO is understood in every format (what a tool or a
 * paste gives); a two-field ambiguity is read the way the format writes it (`01/09/2026` is 9 January
 * in `mdy`, `09.01.2026` the same day in `dmy`).
 */
export function parseDate(text: string, format: DateFormat): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return day(+m[1]!, +m[2]!, +m[3]!);
  if (format === 'dmy' && (m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t))) return day(+m[3]!, +m[2]!, +m[1]!);
  if (format === 'mdy' && (m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t))) return day(+m[3]!, +m[1]!, +m[2]!);
  if (format === 'medium' && (m = /^([a-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(t))) {
    // A month's name or the start of it (Jan, Sept, January), never another word (Junk).
    const word = m[1]!.toLowerCase();
    const month = MONTHS.findIndex((name) => name.startsWith(word));
    return month < 0 ? null : day(+m[3]!, month + 1, +m[2]!);
  }
  return null;
}

/** What the field says is wrong with a text, or null when it names a day within the bounds. */
function problem(text: string, format: DateFormat, min?: string, max?: string): string | null {
  const iso = parseDate(text, format);
  if (!iso) return `not a date: write it as ${formatDate('2026-01-09', format)}`;
  if (min && iso < min) return `before ${formatDate(min, format)}, the earliest day here`;
  if (max && iso > max) return `after ${formatDate(max, format)}, the latest day here`;
  return null;
}

export interface DateInputProps {
  /** The day (ISO), or '' for none. */
  value: string;
  /** A new day (ISO), only once the text names a valid day within the bounds; '' when cleared. */
  onChange: (iso: string) => void;
  min?: string | undefined;
  max?: string | undefined;
  'aria-label': string;
  /** Whether clearing the field is a value ('' is passed on); otherwise an empty field reverts. */
  clearable?: boolean;
  required?: boolean;
  disabled?: boolean;
  title?: string;
}

/** The date field every screen uses. */
export function DateInput(props: DateInputProps): React.JSX.Element {
  const format = currentDateFormat();
  const shown = props.value ? formatDate(props.value, format) : '';
  // What the analyst typed, and the value it was typed over (`base`, the day last passed on). The field
  // shows it while the value is still that day; a value set from outside (a preset, a report) shows instead.
  const [draft, setDraft] = useState<{ text: string; base: string } | null>(null);
  const [focused, setFocused] = useState(false);
  const typed = draft && draft.base === props.value ? draft : null;
  const text = typed ? typed.text : shown;
  const field = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  // The value when the field was entered, for Escape.
  const before = useRef(props.value);
  const errorId = useId();
  const example = formatDate('2026-01-09', format);

  const problemOf = (t: string): string | null =>
    t.trim() === '' ? (props.clearable ? null : props.required || props.value ? 'a date is needed here' : null) : problem(t, format, props.min, props.max);
  const commit = (next: string): void => {
    let base = props.value;
    if (next.trim() === '') {
      if (props.clearable && props.value !== '') props.onChange((base = ''));
    } else if (!problem(next, format, props.min, props.max)) {
      const iso = parseDate(next, format)!;
      if (iso !== props.value) props.onChange((base = iso));
    }
    setDraft({ text: next, base });
  };
  // An unfinished or impossible day stays in the field, said to be wrong, until it is mended or Escape
  // gives the day back; a form the field is in is not sent meanwhile.
  const invalid = typed ? problemOf(typed.text) : null;
  useEffect(() => field.current?.setCustomValidity(invalid ?? ''), [invalid]);
  // While typing, said once the text is as long as a day is written, not at every key on the way there.
  const said = invalid && (!focused || text.trim().length >= example.length) ? invalid : null;
  const restore = (): void => {
    setDraft(null);
    if (props.value !== before.current) props.onChange(before.current);
  };

  return (
    <span className="date-input">
      <input
        type="text"
        ref={field}
        inputMode={format === 'medium' ? 'text' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        value={text}
        size={format === 'medium' ? 12 : 10}
        placeholder={example}
        aria-label={props['aria-label']}
        aria-invalid={said ? true : undefined}
        aria-describedby={said ? errorId : undefined}
        title={said ?? props.title}
        required={props.required}
        disabled={props.disabled}
        onFocus={() => {
          setFocused(true);
          if (!typed) before.current = props.value;
        }}
        onChange={(e) => commit(e.target.value)}
        // A day is written the way the format does on leaving the field (9.1.2026 → 09.01.2026).
        onBlur={() => {
          setFocused(false);
          if (!invalid) setDraft(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && (typed || props.value !== before.current)) {
            e.stopPropagation();
            // Back to the day the field had when it was entered (a day typed on the way was passed on).
            restore();
          }
        }}
      />
      {/* Mounted empty, so that a screen reader announces the message when it comes. */}
      <span id={errorId} className={said ? 'date-input-error' : 'visually-hidden'} role="status">
        {said ?? ''}
      </span>
      <button
        type="button"
        className="date-input-calendar"
        // Not named after the field: a search by the field's name finds the field alone.
        aria-label="Calendar"
        title={`Pick the day of ${props['aria-label']} on a calendar`}
        disabled={props.disabled}
        onClick={() => {
          try {
            picker.current?.showPicker();
          } catch {
            // No calendar here (a browser without showPicker): the text field takes the day.
            picker.current?.parentElement?.querySelector<HTMLInputElement>('input[type="text"]')?.focus();
          }
        }}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M3 2.5h10a1 1 0 0 1 1 1V13a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V3.5a1 1 0 0 1 1-1ZM2 6h12M5 1v3M11 1v3" fill="none" stroke="currentColor" strokeWidth="1.3" />
        </svg>
      </button>
      {/* The browser's calendar, opened by the button; it never shows its own text. */}
      <input
        ref={picker}
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        className="date-input-picker"
        // In no form: its bounds grey out the calendar's days, never block a form the field is in.
        form={`${errorId}-outside`}
        value={props.value}
        min={props.min}
        max={props.max}
        onChange={(e) => {
          const iso = e.target.value;
          // The calendar's Clear gives '': a value only where the field may be empty.
          if (!iso) {
            if (props.clearable && props.value !== '') props.onChange('');
          } else if (iso !== props.value && !problem(iso, 'iso', props.min, props.max)) props.onChange(iso);
        }}
      />
    </span>
  );
}
