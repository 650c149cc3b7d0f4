/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return first)
 * gets a leading apostrophe, so that a name like "=HYPERLINK(…)" stays text (CSV injection).
 * Every export of the system writes its text cells through it.
 */
export function neutralize(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
