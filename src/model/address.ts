/**
 * How an attempt's address is matched to a contact's method. Logs and contact records are written
 * by different systems: a dialer logs `+12125550100` for the number a CRM stores as
 * `+1 (212) 555-0100`. Compared as typed, the attempt would count against neither that number's
 * caps nor its opt-out, which is the unsafe error.
 */

const PHONE = /^\+?[\d\s().\-/]*\d[\d\s().\-/]*$/;
const PHONE_SEPARATORS = /[\s().\-/]/g;

/**
 * The form an address is compared in: a phone number without the separators people write
 * (spaces, dashes, dots, slashes, brackets; a leading `+` kept), an e-mail address in lower case,
 * anything else (a postal address) in lower case with runs of spaces as one.
 *
 * @example
 * addressKey('+1 (212) 555-0100');  // '+12125550100'
 * addressKey(' Ana@Example.COM ');  // 'ana@example.com'
 */
export function addressKey(address: string): string {
  const trimmed = address.trim();
  if (PHONE.test(trimmed)) return trimmed.replace(PHONE_SEPARATORS, '');
  return trimmed.replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Whether two addresses name the same phone number, e-mail or postal address, as `addressKey`
 * reads them. A number in national form (`138 0000 0000`) is not matched to its international
 * form (`+86 138 0000 0000`): an attempt matching none of a contact's methods counts against all
 * of them instead.
 *
 * @example
 * sameAddress('+86 138 0000 0000', '+8613800000000'); // true
 * sameAddress('+12125550100', '+12125550101');        // false
 */
export function sameAddress(a: string, b: string): boolean {
  return a === b || addressKey(a) === addressKey(b);
}
