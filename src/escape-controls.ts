/*
 * Text meant for people carries the user's data (account and contact ids, addresses, labels,
 * policy messages), and data may come from anyone: an ESC, a CR or a C1 control in it would be
 * run by a terminal (clear the screen, set the window title, rewrite the line just printed), and
 * a line break in an id would forge a line of an explanation. Escaped where the text is finished,
 * rather than at each of the places data is interpolated: one that is missed would be a hole.
 */

/**
 * What is escaped: C0 controls but \n and \t (which lay out the text), DEL, C1 controls, the line
 * and paragraph separators (line breaks to some viewers, not to others: a line that is not the
 * one shown) and the bidi embeddings, overrides and isolates, which reorder the rest of a line as
 * shown (Trojan Source, CVE-2021-42574): a name could make a line read backwards. The implicit
 * marks (U+200E, U+200F, U+061C) are left: they occur in right-to-left names and reorder nothing
 * beyond their neighbours.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it finds
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, and \n: for one line of text, which data must not break. */
// eslint-disable-next-line no-control-regex -- the control characters are what it finds
const UNSAFE_IN_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** As JSON.stringify writes them: `\n`, `\r`, `\b`, `\f`, else `\u001b`. */
const SHORT: Readonly<Record<string, string>> = { '\b': '\\b', '\f': '\\f', '\r': '\\r', '\n': '\\n' };

const escaped = (ch: string): string => SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text with every character a terminal would act on written as an escape instead; line breaks
 * and tabs are kept.
 *
 * @example
 * escapeControls('a\u001b[2Jb\r'); // 'a\\u001b[2Jb\\r' (shown as a\u001b[2Jb\r)
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/**
 * One line of text with every character a terminal would act on, and every line break, written
 * as an escape instead.
 *
 * @example
 * escapeLine('Account A1\nNext: nothing'); // 'Account A1\\nNext: nothing' (one line)
 */
export function escapeLine(text: string): string {
  return text.replace(UNSAFE_IN_LINE, escaped);
}
