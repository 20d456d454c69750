// Type-checks a user's test file against the BUILT typings: the matchers must be typed even when
// `arrears/testing/vitest` is imported before vitest itself.
import 'arrears/testing/vitest';
import { expect } from 'vitest';
import type { Decision } from 'arrears';

export function check(d: Decision): void {
  expect(d).toDefer('call_self', { code: 'OUTSIDE_CONTACT_WINDOW' });
  expect(d).not.toAllow('call_self');
  expect(d).toChooseNext(null);
}
