/**
 * What the benchmark loads: the public API, plus the condition compiler it times on its own
 * ("arrears, strategy only") to compare like with like against the other engines.
 */
export * from '../src/index';
export { compileCondition, createOperatorRegistry, type FactSource } from '../src/conditions';
