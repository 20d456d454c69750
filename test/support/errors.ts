import { ArrearsError } from '../../src/index';

/** The ArrearsError `fn` throws; fails the test when it returns or throws anything else. */
export function arrearsErrorOf(fn: () => unknown): ArrearsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ArrearsError) return error;
    throw error;
  }
  throw new Error('expected an ArrearsError, but nothing was thrown');
}
