/**
 * What the benchmark loads: the public API, plus the condition compiler it times on its own
 * ("arrears, strategy only") to compare like with like against the other engines.
 */
export * from '../src/index';
export { compileCondition, createOperatorRegistry, type FactSource } from '../src/conditions';
// The two halves of a full decision, timed apart to show where its time goes.
export { compilePolicy } from '../src/engine/compile';
export { decideCompiled } from '../src/engine/decide';
export { EngineCache } from '../src/facts/engine-cache';
export { ZoneClocks } from '../src/time';
